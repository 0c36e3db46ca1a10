import Foundation

/// An expression over the nodes of a lesson being built in Swift: `x * w + 1`, `tanh(n)`.
///
/// Values of this type come from ``LessonBuilder/input(_:_:)-(String,Double)`` and
/// ``LessonBuilder/node(_:_:)``, from numbers on either side of `+ - * /`, and from the
/// functions of the .cg language (`exp`, `log`, `sqrt`, `sin`, `cos`, `tanh`, `sigmoid`, `relu`,
/// `abs`, `sum`, `mean`, `transpose`, `matmul`, `dot`, `bce`, `pow`). The builder writes them
/// in the .cg language, so a lesson built in Swift is the same as one read from a file.
public struct NodeExpression: Sendable, Hashable {
    /// The expression in .cg syntax, e.g. `x * w + 1`.
    public let text: String
    /// How tightly the outermost operator binds, to put parentheses only where needed.
    let binding: Binding
    /// True when a number in it is NaN or infinite (which .cg cannot write; the builder refuses it).
    let hasNonFiniteNumber: Bool

    /// Operator strength, weakest first, as the .cg language parses it.
    enum Binding: Int, Comparable, Sendable {
        case sum = 1, product, prefix, atom
        static func < (a: Binding, b: Binding) -> Bool { a.rawValue < b.rawValue }
    }

    init(text: String, binding: Binding, hasNonFiniteNumber: Bool = false) {
        self.text = text
        self.binding = binding
        self.hasNonFiniteNumber = hasNonFiniteNumber
    }

    /// A number, written so that it reads back exactly.
    public init(_ value: Double) {
        let text = value.isFinite ? NumberFormat.full(value) : (value.isNaN ? "nan" : "inf")
        self.init(text: text, binding: value < 0 ? .prefix : .atom, hasNonFiniteNumber: !value.isFinite)
    }

    /// The text as an operand of an operator of strength `binding`; `rightSide` asks for
    /// parentheses also at equal strength (`a - (b - c)`).
    func operand(of binding: Binding, rightSide: Bool = false) -> String {
        (self.binding < binding || (rightSide && self.binding == binding)) ? "(\(text))" : text
    }

    static func infix(_ lhs: NodeExpression, _ symbol: String, _ rhs: NodeExpression, _ binding: Binding) -> NodeExpression {
        NodeExpression(text: "\(lhs.operand(of: binding)) \(symbol) \(rhs.operand(of: binding, rightSide: true))",
                       binding: binding, hasNonFiniteNumber: lhs.hasNonFiniteNumber || rhs.hasNonFiniteNumber)
    }

    static func call(_ name: String, _ arguments: NodeExpression...) -> NodeExpression {
        NodeExpression(text: "\(name)(\(arguments.map(\.text).joined(separator: ", ")))", binding: .atom,
                       hasNonFiniteNumber: arguments.contains { $0.hasNonFiniteNumber })
    }
}

// MARK: Operators between nodes and numbers, numbers on either side.

extension NodeExpression {
    /// The sum: a node computing `lhs + rhs`.
    public static func + (lhs: NodeExpression, rhs: NodeExpression) -> NodeExpression { infix(lhs, "+", rhs, .sum) }
    /// The difference: a node computing `lhs - rhs`.
    public static func - (lhs: NodeExpression, rhs: NodeExpression) -> NodeExpression { infix(lhs, "-", rhs, .sum) }
    /// The product: a node computing `lhs * rhs`.
    public static func * (lhs: NodeExpression, rhs: NodeExpression) -> NodeExpression { infix(lhs, "*", rhs, .product) }
    /// The quotient: a node computing `lhs / rhs`.
    public static func / (lhs: NodeExpression, rhs: NodeExpression) -> NodeExpression { infix(lhs, "/", rhs, .product) }

    /// The sum: a node computing `lhs + rhs`.
    public static func + (lhs: NodeExpression, rhs: Double) -> NodeExpression { lhs + NodeExpression(rhs) }
    /// The difference: a node computing `lhs - rhs`.
    public static func - (lhs: NodeExpression, rhs: Double) -> NodeExpression { lhs - NodeExpression(rhs) }
    /// The product: a node computing `lhs * rhs`.
    public static func * (lhs: NodeExpression, rhs: Double) -> NodeExpression { lhs * NodeExpression(rhs) }
    /// The quotient: a node computing `lhs / rhs`.
    public static func / (lhs: NodeExpression, rhs: Double) -> NodeExpression { lhs / NodeExpression(rhs) }

    /// The sum: a node computing `lhs + rhs`.
    public static func + (lhs: Double, rhs: NodeExpression) -> NodeExpression { NodeExpression(lhs) + rhs }
    /// The difference: a node computing `lhs - rhs`.
    public static func - (lhs: Double, rhs: NodeExpression) -> NodeExpression { NodeExpression(lhs) - rhs }
    /// The product: a node computing `lhs * rhs`.
    public static func * (lhs: Double, rhs: NodeExpression) -> NodeExpression { NodeExpression(lhs) * rhs }
    /// The quotient: a node computing `lhs / rhs`.
    public static func / (lhs: Double, rhs: NodeExpression) -> NodeExpression { NodeExpression(lhs) / rhs }

    /// Unary minus.
    public static prefix func - (operand: NodeExpression) -> NodeExpression {
        NodeExpression(text: "-" + operand.operand(of: .prefix, rightSide: true), binding: .prefix,
                       hasNonFiniteNumber: operand.hasNonFiniteNumber)
    }
}

// MARK: Functions of nodes, named as in the .cg language.

/// `e^x`, elementwise.
public func exp(_ x: NodeExpression) -> NodeExpression { .call("exp", x) }
/// The natural logarithm, elementwise.
public func log(_ x: NodeExpression) -> NodeExpression { .call("log", x) }
/// The square root, elementwise.
public func sqrt(_ x: NodeExpression) -> NodeExpression { .call("sqrt", x) }
/// The sine, elementwise.
public func sin(_ x: NodeExpression) -> NodeExpression { .call("sin", x) }
/// The cosine, elementwise.
public func cos(_ x: NodeExpression) -> NodeExpression { .call("cos", x) }
/// The hyperbolic tangent, elementwise.
public func tanh(_ x: NodeExpression) -> NodeExpression { .call("tanh", x) }
/// The logistic function 1 / (1 + e^−x), elementwise.
public func sigmoid(_ x: NodeExpression) -> NodeExpression { .call("sigmoid", x) }
/// max(0, x), elementwise.
public func relu(_ x: NodeExpression) -> NodeExpression { .call("relu", x) }
/// The absolute value, elementwise.
public func abs(_ x: NodeExpression) -> NodeExpression { .call("abs", x) }
/// The sum of all elements.
public func sum(_ x: NodeExpression) -> NodeExpression { .call("sum", x) }
/// The mean of all elements.
public func mean(_ x: NodeExpression) -> NodeExpression { .call("mean", x) }
/// The transpose of a matrix.
public func transpose(_ x: NodeExpression) -> NodeExpression { .call("transpose", x) }
/// The matrix product (`@` in .cg files).
public func matmul(_ a: NodeExpression, _ b: NodeExpression) -> NodeExpression { .call("matmul", a, b) }
/// The dot product of vectors, the matrix product otherwise.
public func dot(_ a: NodeExpression, _ b: NodeExpression) -> NodeExpression { .call("dot", a, b) }
/// Binary cross-entropy of predictions `a` against labels `y`, elementwise.
public func bce(_ a: NodeExpression, _ y: NodeExpression) -> NodeExpression { .call("bce", a, y) }
/// `base` to the power `exponent` (`^` in .cg files).
public func pow(_ base: NodeExpression, _ exponent: Double) -> NodeExpression {
    pow(base, NodeExpression(exponent))
}
/// `base` to the power `exponent` (`^` in .cg files).
public func pow(_ base: NodeExpression, _ exponent: NodeExpression) -> NodeExpression {
    NodeExpression(text: "\(base.operand(of: .atom)) ^ \(exponent.operand(of: .atom))", binding: .prefix,
                   hasNonFiniteNumber: base.hasNonFiniteNumber || exponent.hasNonFiniteNumber)
}
