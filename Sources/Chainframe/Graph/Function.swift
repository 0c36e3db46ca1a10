import Foundation

/// What an operation node computes: a primitive, or a composite built from primitives.
public enum Function: Sendable, Hashable {
    case primitive(Primitive)
    case composite(Composite)

    /// The functions callable by name in .cg files: every primitive with a function name (from
    /// its rule) and every composite but `identity`.
    public static let byName: [String: Function] = {
        var table: [String: Function] = [:]
        for p in Primitive.allCases { if let name = p.rule.functionName { table[name] = .primitive(p) } }
        for c in Composite.allCases where c != .identity { table[c.rawValue] = .composite(c) }
        return table
    }()

    /// The name users call it by, or its operator's name.
    public var name: String {
        switch self {
        case .primitive(let p): return p.rawValue
        case .composite(let c): return c.rawValue
        }
    }

    /// How many arguments it takes.
    public var arity: Int {
        switch self {
        case .primitive(let p): return p.arity
        case .composite(let c): return c.arity
        }
    }

    /// Computes the result, refusing results larger than `limits` allow.
    public func forward(_ x: [Tensor], limits: Limits = .standard) throws(Primitive.ShapeError) -> Tensor {
        switch self {
        case .primitive(let p): return try p.forward(x, limits: limits)
        case .composite(let c): return try c.forward(x, limits: limits)
        }
    }

    /// The gradient of each argument, given the gradient `g` arriving at the result `y`
    /// (`limits` are those the forward pass ran under).
    public func backward(_ x: [Tensor], _ y: Tensor, _ g: Tensor, limits: Limits = .standard) -> [Tensor] {
        switch self {
        case .primitive(let p): return p.backward(x, y, g)
        case .composite(let c): return c.backward(x, g, limits: limits)
        }
    }
}

/// An operation built from primitives, differentiated by running its primitives' own rules
/// backwards (a tape inside one node).
public enum Composite: String, Sendable, CaseIterable {
    /// `mean(x) = sum(x) / count(x)`
    case mean
    /// `dot(a, b)`: `sum(a * b)` for vectors, `a @ b` otherwise (as NumPy's dot).
    case dot
    /// `bce(a, y) = −(y·log a + (1 − y)·log(1 − a))`: binary cross-entropy, elementwise,
    /// the loss of logistic regression.
    case bce
    /// `w = v`: passes its argument through.
    case identity

    public var arity: Int {
        switch self {
        case .mean, .identity: return 1
        case .dot, .bce: return 2
        }
    }

    /// One recorded primitive application: which primitive, the tape slots of its
    /// arguments, and the slot of its result.
    private struct Step { var primitive: Primitive; var arguments: [Int]; var result: Int }

    /// Records the composite as primitive steps over tape slots; slots 0..<arity hold the
    /// arguments. Returns the steps, every slot's value and the result's slot.
    private func record(_ x: [Tensor], limits: Limits) throws(Primitive.ShapeError) -> (steps: [Step], values: [Tensor], result: Int) {
        var values = x
        var steps: [Step] = []
        func apply(_ p: Primitive, _ args: [Int]) throws(Primitive.ShapeError) -> Int {
            values.append(try p.forward(args.map { values[$0] }, limits: limits))
            steps.append(Step(primitive: p, arguments: args, result: values.count - 1))
            return values.count - 1
        }
        func constant(_ t: Tensor) -> Int {
            values.append(t)
            return values.count - 1
        }
        let result: Int
        switch self {
        case .identity:
            result = 0
        case .mean:
            let total = try apply(.sum, [0])
            result = try apply(.divide, [total, constant(Tensor(Double(x[0].count)))])
        case .bce:
            // Evaluated by `crossEntropy` (0 · log 0 = 0); the tape is the definition it follows.
            let one = constant(Tensor(1))
            let yLogA = try apply(.multiply, [1, try apply(.log, [0])])
            let rest = try apply(.multiply, [try apply(.subtract, [one, 1]),
                                             try apply(.log, [try apply(.subtract, [one, 0])])])
            result = try apply(.negate, [try apply(.add, [yLogA, rest])])
        case .dot:
            if x[0].rank == 1 && x[1].rank == 1 {
                guard x[0].count == x[1].count else {
                    throw .message("dot needs vectors of the same length, not \(x[0].count) and \(x[1].count)")
                }
                result = try apply(.sum, [try apply(.multiply, [0, 1])])
            } else if x[0].isScalar || x[1].isScalar {
                result = try apply(.multiply, [0, 1])
            } else {
                result = try apply(.matmul, [0, 1])
            }
        }
        return (steps, values, result)
    }

    func forward(_ x: [Tensor], limits: Limits) throws(Primitive.ShapeError) -> Tensor {
        if self == .bce { return try Self.crossEntropy(x[0], x[1], limits: limits) }
        let tape = try record(x, limits: limits)
        return tape.values[tape.result]
    }

    /// Runs the recorded primitives' rules backwards. Recording again cannot fail: the forward
    /// pass already recorded the same arguments under the same limits.
    func backward(_ x: [Tensor], _ g: Tensor, limits: Limits) -> [Tensor] {
        if self == .bce { return Self.crossEntropyGradients(x[0], x[1], g) }
        guard let tape = try? record(x, limits: limits) else { return x.map { Tensor(repeating: .nan, shape: $0.shape) } }
        var grads = [Tensor?](repeating: nil, count: tape.values.count)
        grads[tape.result] = g
        for step in tape.steps.reversed() {
            guard let gy = grads[step.result] else { continue }
            let parts = step.primitive.backward(step.arguments.map { tape.values[$0] }, tape.values[step.result], gy)
            for (slot, part) in zip(step.arguments, parts) {
                grads[slot] = grads[slot].map { Broadcasting.combine($0, part, +)! } ?? part
            }
        }
        return x.indices.map { grads[$0] ?? Tensor(repeating: 0, shape: x[$0].shape) }
    }

    // MARK: Binary cross-entropy with 0 · log 0 = 0

    /// `x · log z`, taken as 0 when x is 0 (the limit), so that a confident right answer —
    /// `bce(1, 1)`, `bce(0, 0)`, `bce(sigmoid(40), 1)` — costs 0 instead of NaN.
    private static func xlogy(_ x: Double, _ z: Double) -> Double {
        x == 0 ? 0 : x * Foundation.log(z)
    }

    /// `−(y·log a + (1 − y)·log(1 − a))` elementwise, broadcasting `a` and `y`.
    static func crossEntropy(_ a: Tensor, _ y: Tensor, limits: Limits) throws(Primitive.ShapeError) -> Tensor {
        if let shape = Broadcasting.shape(a.shape, y.shape) { try limits.check(elements: Limits.count(shape)) }
        guard let loss = Broadcasting.combine(a, y, { a, y in -(xlogy(y, a) + xlogy(1 - y, 1 - a)) }) else {
            throw .message("shapes \(Tensor.describe(shape: a.shape)) and \(Tensor.describe(shape: y.shape)) do not broadcast")
        }
        return loss
    }

    /// The gradients of `crossEntropy` for `a` and `y`. A term multiplied by 0 is 0 whatever
    /// its other factor, so its derivative is 0 as well: ∂/∂a of bce(1, 1) is −1, not NaN.
    static func crossEntropyGradients(_ a: Tensor, _ y: Tensor, _ g: Tensor) -> [Tensor] {
        let da = Broadcasting.combine(a, y) { a, y in
            -((y == 0 ? 0 : y / a) - (1 - y == 0 ? 0 : (1 - y) / (1 - a)))
        }
        let dy = Broadcasting.combine(a, y) { a, _ in -(Foundation.log(a) - Foundation.log(1 - a)) }
        guard let da, let dy, let ga = Broadcasting.combine(g, da, *), let gy = Broadcasting.combine(g, dy, *) else {
            return [a, y].map { Tensor(repeating: .nan, shape: $0.shape) }
        }
        return [Broadcasting.reduce(ga, to: a.shape), Broadcasting.reduce(gy, to: y.shape)]
    }
}
