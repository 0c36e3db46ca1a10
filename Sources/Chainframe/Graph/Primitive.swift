import Foundation

/// A primitive operation: it knows its forward value and its own local derivative.
///
/// As in micrograd, each primitive carries its backward rule: given its arguments, its result
/// and the gradient arriving at its result, it returns the gradient for each argument (a
/// vector–Jacobian product, which for scalars is the local derivative times the gradient).
///
/// Everything about one primitive sits in one entry of ``rule``: how .cg files spell it (and
/// so how the parser reads it), its symbols for captions and node boxes, its forward value and
/// its backward rule. Adding an operation is one case and one entry, plus a phrase per
/// language where captions name its rule.
public enum Primitive: String, Sendable, CaseIterable {
    case add, subtract, multiply, divide, power, negate
    case exp, log, sqrt, sin, cos, tanh, sigmoid, relu, abs
    case sum, matmul, transpose

    /// Why a forward computation could not run.
    public enum ShapeError: Error, Equatable {
        case message(String)
        /// The result would have `elements` elements, more than `limit` (`--max-elements`).
        case tooLarge(elements: Int, limit: Int)

        /// The message for users; `symbol` names the operator (`'+'`), when there is one.
        public func text(operator symbol: String?) -> String {
            switch self {
            case .message(let text):
                return symbol.map { text + " for \($0)" } ?? text
            case .tooLarge(let elements, let limit):
                return "the result" + (symbol.map { " of \($0)" } ?? "")
                    + " would have \(elements) elements, more than the limit of \(limit) (raise it with --max-elements)"
            }
        }
    }

    /// How many arguments the primitive takes.
    public var arity: Int { rule.arity }

    /// Computes the result from the arguments, refusing results larger than `limits` allow.
    public func forward(_ x: [Tensor], limits: Limits = .standard) throws(ShapeError) -> Tensor {
        try rule.forward(x, limits)
    }

    /// The gradient of each argument, given the gradient `g` arriving at the result `y`.
    /// Every returned gradient has the shape of its argument.
    public func backward(_ x: [Tensor], _ y: Tensor, _ g: Tensor) -> [Tensor] {
        rule.backward(x, y, g)
    }

    /// The primitive an infix operator of .cg files means (`+`, `-`, `*`, `/`, `@`, `^`).
    public static func infix(_ symbol: String) -> Primitive? {
        allCases.first { if case .infix(symbol, _) = $0.rule.spelling { true } else { false } }
    }

    /// Everything about the primitive: spelling, symbols, arity, forward value, backward rule.
    public var rule: Rule { Primitive.rule(for: self) }

    private static func rule(for primitive: Primitive) -> Rule {
        switch primitive {
        case .add:
            return Rule(.infix("+", .sum), math: "+", node: "+", arity: 2,
                        forward: { x, limits throws(ShapeError) in try broadcast(x, limits, +) },
                        backward: { x, _, g in [reduce(g, x[0]), reduce(g, x[1])] })
        case .subtract:
            return Rule(.infix("-", .sum), math: "−", node: "−", arity: 2,
                        forward: { x, limits throws(ShapeError) in try broadcast(x, limits, -) },
                        backward: { x, _, g in [reduce(g, x[0]), reduce(g.map { -$0 }, x[1])] })
        case .multiply:
            return Rule(.infix("*", .product), math: "×", node: "×", arity: 2,
                        forward: { x, limits throws(ShapeError) in try broadcast(x, limits, *) },
                        backward: { x, _, g in [reduce(times(g, x[1]), x[0]), reduce(times(g, x[0]), x[1])] })
        case .divide:
            return Rule(.infix("/", .product), math: "÷", node: "÷", arity: 2,
                        forward: { x, limits throws(ShapeError) in try broadcast(x, limits, /) },
                        backward: { x, _, g in
                            let ga = Broadcasting.combine(g, x[1], /)!
                            let gb = Broadcasting.combine(times(g, x[0]), x[1]) { p, b in -p / (b * b) }!
                            return [reduce(ga, x[0]), reduce(gb, x[1])]
                        })
        case .power:
            return Rule(.infix("^", .power), math: "^", node: "^", arity: 2,
                        forward: { x, limits throws(ShapeError) in try broadcast(x, limits, Foundation.pow) },
                        backward: { x, y, g in
                            // d(a^b)/da = b·a^(b−1);  d(a^b)/db = a^b·ln a
                            let da = Broadcasting.combine(x[0], x[1]) { a, b in b * Foundation.pow(a, b - 1) }!
                            let db = Broadcasting.combine(y, Broadcasting.expand(x[0], to: y.shape)) { p, a in p * Foundation.log(a) }!
                            return [reduce(times(g, da), x[0]), reduce(times(g, db), x[1])]
                        })
        case .matmul:
            return Rule(.infix("@", .product), math: "·", node: "MatMul", arity: 2, alias: "matmul",
                        forward: { x, limits throws(ShapeError) in try matmul(x[0], x[1], limits: limits) },
                        backward: { x, _, g in
                            // The book's MatMul node: dX = dY·Wᵀ, dW = Xᵀ·dY (vectors as rows/columns).
                            let a = asMatrix(x[0], asRow: true), b = asMatrix(x[1], asRow: false)
                            let gm = Tensor(shape: [a.shape[0], b.shape[1]], scalars: g.scalars)
                            let ga = try! matmul(gm, transposed(b), limits: Limits(maxElements: .max))
                            let gb = try! matmul(transposed(a), gm, limits: Limits(maxElements: .max))
                            return [ga.reshaped(like: x[0]), gb.reshaped(like: x[1])]
                        })
        case .negate:
            return Rule(.prefix("-"), math: "−", node: "−", arity: 1,
                        forward: { x, _ in x[0].map { -$0 } },
                        backward: { _, _, g in [g.map { -$0 }] })
        case .exp:
            return Rule(.call("exp"), math: "exp", node: "exp",
                        forward: { x, _ in x[0].map(Foundation.exp) },
                        backward: { _, y, g in [times(g, y)] })
        case .log:
            return Rule(.call("log"), math: "log", node: "log",
                        forward: { x, _ in x[0].map(Foundation.log) },
                        backward: { x, _, g in [Broadcasting.combine(g, x[0], /)!] })
        case .sqrt:
            return Rule(.call("sqrt"), math: "sqrt", node: "sqrt",
                        forward: { x, _ in x[0].map(Foundation.sqrt) },
                        backward: { _, y, g in [Broadcasting.combine(g, y) { g, s in g / (2 * s) }!] })
        case .sin:
            return Rule(.call("sin"), math: "sin", node: "sin",
                        forward: { x, _ in x[0].map(Foundation.sin) },
                        backward: { x, _, g in [times(g, x[0].map(Foundation.cos))] })
        case .cos:
            return Rule(.call("cos"), math: "cos", node: "cos",
                        forward: { x, _ in x[0].map(Foundation.cos) },
                        backward: { x, _, g in [times(g, x[0].map { -Foundation.sin($0) })] })
        case .tanh:
            return Rule(.call("tanh"), math: "tanh", node: "tanh",
                        forward: { x, _ in x[0].map(Foundation.tanh) },
                        backward: { _, y, g in [times(g, y.map { 1 - $0 * $0 })] })
        case .sigmoid:
            return Rule(.call("sigmoid"), math: "σ", node: "σ",
                        forward: { x, _ in x[0].map { 1 / (1 + Foundation.exp(-$0)) } },
                        backward: { _, y, g in [times(g, y.map { $0 * (1 - $0) })] })
        case .relu:
            return Rule(.call("relu"), math: "relu", node: "relu",
                        forward: { x, _ in x[0].map { $0 > 0 ? $0 : 0 } },
                        backward: { x, _, g in [times(g, x[0].map { $0 > 0 ? 1 : 0 })] })
        case .abs:
            return Rule(.call("abs"), math: "abs", node: "abs",
                        forward: { x, _ in x[0].map { Swift.abs($0) } },
                        backward: { x, _, g in [times(g, x[0].map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) })] })
        case .sum:
            return Rule(.call("sum"), math: "sum", node: "sum",
                        forward: { x, _ in Tensor(x[0].scalars.reduce(0, +)) },
                        backward: { x, _, g in [Tensor(repeating: g.scalar, shape: x[0].shape)] })
        case .transpose:
            return Rule(.call("transpose"), math: "ᵀ", node: "ᵀ",
                        forward: { x, _ in transposed(x[0]) },
                        backward: { x, _, g in [transposed(g).reshaped(like: x[0])] })
        }
    }

    private static func broadcast(_ x: [Tensor], _ limits: Limits, _ f: (Double, Double) -> Double) throws(ShapeError) -> Tensor {
        if let shape = Broadcasting.shape(x[0].shape, x[1].shape) { try limits.check(elements: Limits.count(shape)) }
        guard let result = Broadcasting.combine(x[0], x[1], f) else {
            throw .message("shapes \(Tensor.describe(shape: x[0].shape)) and \(Tensor.describe(shape: x[1].shape)) do not broadcast")
        }
        return result
    }

    private static func times(_ a: Tensor, _ b: Tensor) -> Tensor { Broadcasting.combine(a, b, *)! }
    private static func reduce(_ g: Tensor, _ like: Tensor) -> Tensor { Broadcasting.reduce(g, to: like.shape) }

    static func transposed(_ t: Tensor) -> Tensor {
        guard t.rank == 2 else { return t }
        let (r, c) = (t.shape[0], t.shape[1])
        var out = [Double](repeating: 0, count: r * c)
        for i in 0..<r { for j in 0..<c { out[j * r + i] = t.scalars[i * c + j] } }
        return Tensor(shape: [c, r], scalars: out)
    }

    /// A vector as a 1×n row (left operand) or n×1 column (right operand).
    static func asMatrix(_ t: Tensor, asRow: Bool) -> Tensor {
        switch t.rank {
        case 2: return t
        case 1: return Tensor(shape: asRow ? [1, t.count] : [t.count, 1], scalars: t.scalars)
        default: return Tensor(shape: [1, 1], scalars: t.scalars)
        }
    }

    static func matmul(_ lhs: Tensor, _ rhs: Tensor, limits: Limits = .standard) throws(ShapeError) -> Tensor {
        guard lhs.rank >= 1, rhs.rank >= 1 else {
            throw .message("'@' needs vectors or matrices, not scalars (use '*' for scalars)")
        }
        let a = asMatrix(lhs, asRow: true), b = asMatrix(rhs, asRow: false)
        guard a.shape[1] == b.shape[0] else {
            throw .message("matrix product needs matching inner sizes, but \(Tensor.describe(shape: lhs.shape)) @ \(Tensor.describe(shape: rhs.shape)) has \(a.shape[1]) and \(b.shape[0])")
        }
        let (n, k, m) = (a.shape[0], a.shape[1], b.shape[1])
        try limits.check(elements: Limits.count([n, m]))
        // The work of the product is bounded too (n·k·m multiplications).
        let budget = limits.maxElements.multipliedReportingOverflow(by: 1000)
        if Limits.count([n, k, m]) > (budget.overflow ? Int.max : budget.partialValue) {
            throw .message("the matrix product \(n)×\(k) @ \(k)×\(m) is too large to compute (raise the limit with --max-elements)")
        }
        var out = [Double](repeating: 0, count: n * m)
        for i in 0..<n {
            for j in 0..<m {
                var s = 0.0
                for p in 0..<k { s += a.scalars[i * k + p] * b.scalars[p * m + j] }
                out[i * m + j] = s
            }
        }
        // numpy's shapes: vector @ matrix is a vector, matrix @ vector is a vector, vector @ vector a scalar.
        switch (lhs.rank, rhs.rank) {
        case (1, 1): return Tensor(out[0])
        case (1, 2): return Tensor(vector: out)
        case (2, 1): return Tensor(vector: out)
        default: return Tensor(shape: [n, m], scalars: out)
        }
    }
}

extension Tensor {
    /// The same elements with the shape of `other` (which has as many elements).
    func reshaped(like other: Tensor) -> Tensor {
        Tensor(shape: other.shape, scalars: scalars)
    }
}
