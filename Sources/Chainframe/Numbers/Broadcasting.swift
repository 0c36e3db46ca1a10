/// NumPy-style broadcasting for tensors of rank 0 to 2.
///
/// Shapes are aligned on the right; a dimension of extent 1 (or a missing one) stretches to
/// match the other operand. The backward pass sums a gradient back over the stretched
/// dimensions, so every gradient has the shape of its value.
public enum Broadcasting {
    /// The broadcast shape of `a` and `b`, or nil when they are incompatible.
    public static func shape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = max(a.count, b.count)
        let pa = Array(repeating: 1, count: rank - a.count) + a
        let pb = Array(repeating: 1, count: rank - b.count) + b
        var result: [Int] = []
        for (x, y) in Swift.zip(pa, pb) {
            if x == y || y == 1 { result.append(x) } else if x == 1 { result.append(y) } else { return nil }
        }
        return result
    }

    /// For each element of a tensor of shape `target`, the index of the element of `source`
    /// that broadcasting maps onto it.
    static func sourceIndices(from source: [Int], to target: [Int]) -> [Int] {
        let rank = target.count
        let padded = Array(repeating: 1, count: rank - source.count) + source
        let total = target.reduce(1, *)
        if padded == target { return Array(0..<total) }
        var strides = Array(repeating: 0, count: rank)
        var step = 1
        for d in stride(from: rank - 1, through: 0, by: -1) {
            strides[d] = padded[d] == 1 ? 0 : step
            step *= padded[d]
        }
        var indices = [Int]()
        indices.reserveCapacity(total)
        if rank == 0 { return [0] }
        if rank == 1 {
            for i in 0..<target[0] { indices.append(i * strides[0]) }
        } else {
            for i in 0..<target[0] {
                for j in 0..<target[1] { indices.append(i * strides[0] + j * strides[1]) }
            }
        }
        return indices
    }

    /// Applies `combine` elementwise after broadcasting; nil when the shapes are incompatible.
    static func combine(_ a: Tensor, _ b: Tensor, _ combine: (Double, Double) -> Double) -> Tensor? {
        if a.shape == b.shape {
            return Tensor(shape: a.shape, scalars: Swift.zip(a.scalars, b.scalars).map(combine))
        }
        guard let shape = shape(a.shape, b.shape) else { return nil }
        let ia = sourceIndices(from: a.shape, to: shape)
        let ib = sourceIndices(from: b.shape, to: shape)
        var out = [Double]()
        out.reserveCapacity(ia.count)
        for k in 0..<ia.count { out.append(combine(a.scalars[ia[k]], b.scalars[ib[k]])) }
        return Tensor(shape: shape, scalars: out)
    }

    /// Sums `gradient` (of a broadcast shape) back down to `shape`.
    static func reduce(_ gradient: Tensor, to shape: [Int]) -> Tensor {
        if gradient.shape == shape { return gradient }
        let indices = sourceIndices(from: shape, to: gradient.shape)
        var out = Array(repeating: 0.0, count: shape.reduce(1, *))
        for (k, index) in indices.enumerated() { out[index] += gradient.scalars[k] }
        return Tensor(shape: shape, scalars: out)
    }

    /// Stretches `tensor` to `shape` (which it must broadcast to).
    static func expand(_ tensor: Tensor, to shape: [Int]) -> Tensor {
        if tensor.shape == shape { return tensor }
        let indices = sourceIndices(from: tensor.shape, to: shape)
        return Tensor(shape: shape, scalars: indices.map { tensor.scalars[$0] })
    }
}
