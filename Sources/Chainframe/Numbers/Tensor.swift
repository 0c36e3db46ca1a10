/// A rank-0, rank-1 or rank-2 array of `Double`, stored row-major.
///
/// Chainframe's values and gradients are tensors. A scalar has shape `[]`, a vector `[n]`,
/// a matrix `[rows, columns]`.
public struct Tensor: Sendable, Equatable, CustomStringConvertible {
    /// The extent of each dimension; empty for a scalar.
    public let shape: [Int]
    /// The elements in row-major order; one element for a scalar.
    public var scalars: [Double]

    /// Creates a tensor; `scalars.count` must equal the product of `shape`.
    public init(shape: [Int], scalars: [Double]) {
        precondition(shape.count <= 2, "tensors have at most 2 dimensions")
        precondition(scalars.count == shape.reduce(1, *), "element count does not match shape")
        self.shape = shape
        self.scalars = scalars
    }

    /// A scalar tensor.
    public init(_ value: Double) {
        self.init(shape: [], scalars: [value])
    }

    /// A vector.
    public init(vector: [Double]) {
        self.init(shape: [vector.count], scalars: vector)
    }

    /// A matrix from its rows; all rows must have the same length.
    public init(rows: [[Double]]) {
        let columns = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == columns }, "ragged matrix")
        self.init(shape: [rows.count, columns], scalars: rows.flatMap { $0 })
    }

    /// A tensor of the given shape with every element equal to `value`.
    public init(repeating value: Double, shape: [Int]) {
        self.init(shape: shape, scalars: Array(repeating: value, count: shape.reduce(1, *)))
    }

    /// The number of dimensions: 0, 1 or 2.
    public var rank: Int { shape.count }
    /// The number of elements.
    public var count: Int { scalars.count }
    /// True for rank 0.
    public var isScalar: Bool { shape.isEmpty }
    /// The single element of a scalar (or of any one-element tensor).
    public var scalar: Double { scalars[0] }
    /// True when no element is NaN or infinite.
    public var isFinite: Bool { scalars.allSatisfy(\.isFinite) }

    /// The rows of a matrix (a vector is one row, a scalar one row of one element).
    public var rows: [[Double]] {
        switch rank {
        case 2:
            let columns = shape[1]
            return (0..<shape[0]).map { Array(scalars[($0 * columns)..<(($0 + 1) * columns)]) }
        default:
            return [scalars]
        }
    }

    /// Applies `transform` to every element.
    public func map(_ transform: (Double) -> Double) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map(transform))
    }

    /// Shape written for people: `2×3`, `3`, or `scalar`.
    public static func describe(shape: [Int]) -> String {
        shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "×")
    }

    public var description: String {
        switch rank {
        case 0: return NumberFormat.full(scalar)
        case 1: return "[" + scalars.map(NumberFormat.full).joined(separator: ", ") + "]"
        default:
            return "[" + rows.map { "[" + $0.map(NumberFormat.full).joined(separator: ", ") + "]" }
                .joined(separator: ", ") + "]"
        }
    }
}
