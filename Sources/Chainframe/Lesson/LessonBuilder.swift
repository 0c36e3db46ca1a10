/// Builds a lesson's graph in Swift: inputs, named nodes and the output, in order.
///
/// ```swift
/// let neuron = try Lesson(title: "A neuron") { g in
///     let x = g.input("x", 2), w = g.input("w", -3)
///     let n = g.node("n", x * w + 1)
///     g.output("o", tanh(n))
/// }
/// ```
///
/// The builder writes each call as a line of the .cg language, and ``Lesson`` reads that text
/// like any file: a lesson built in Swift has the same nodes, names (`o.1` for the unnamed
/// parts of `o`), diagnostics and pictures as the same lesson written as a file, and its
/// ``Lesson/source`` is a .cg file you can save.
public final class LessonBuilder {
    /// The .cg lines written so far.
    public private(set) var lines: [String] = []
    /// The first problem the .cg language cannot express (a NaN or infinite number).
    var problem: (line: Int, message: String)?

    init(title: String?) {
        if let title { lines.append("title \(LessonBuilder.quoted(title))") }
    }

    /// An input (a leaf that gets a gradient) with a scalar value.
    @discardableResult
    public func input(_ name: String, _ value: Double) -> NodeExpression {
        define(name, NodeExpression(value))
    }

    /// A vector input.
    @discardableResult
    public func input(_ name: String, _ vector: [Double]) -> NodeExpression {
        define(name, NodeExpression(text: LessonBuilder.literal(vector), binding: .atom,
                                    hasNonFiniteNumber: vector.contains { !$0.isFinite }))
    }

    /// A matrix input, given by rows (ragged rows are an error).
    @discardableResult
    public func input(_ name: String, _ matrix: [[Double]]) -> NodeExpression {
        let text = "[" + matrix.map(LessonBuilder.literal).joined(separator: ", ") + "]"
        return define(name, NodeExpression(text: text, binding: .atom,
                                           hasNonFiniteNumber: matrix.joined().contains { !$0.isFinite }))
    }

    /// A constant: a value that takes no gradient (e.g. a label in a loss).
    @discardableResult
    public func constant(_ name: String, _ value: Double) -> NodeExpression {
        define(name, NodeExpression(value), prefix: "const ")
    }

    /// A computed node named `name`.
    @discardableResult
    public func node(_ name: String, _ expression: NodeExpression) -> NodeExpression {
        define(name, expression)
    }

    /// A computed node named `name` that is the lesson's output (the node differentiated).
    @discardableResult
    public func output(_ name: String, _ expression: NodeExpression) -> NodeExpression {
        let node = define(name, expression)
        lines.append("output \(name)")
        return node
    }

    /// The text drawings and captions show for node `name` (e.g. Korean labels).
    public func label(_ name: String, _ text: String) {
        lines.append("label \(name) \(LessonBuilder.quoted(text))")
    }

    private func define(_ name: String, _ expression: NodeExpression, prefix: String = "") -> NodeExpression {
        lines.append("\(prefix)\(name) = \(expression.text)")
        if expression.hasNonFiniteNumber && problem == nil {
            problem = (lines.count, "a number in the definition of '\(name)' is not finite (NaN or infinity)")
        }
        return NodeExpression(text: name, binding: .atom)
    }

    /// The whole .cg text.
    var text: String { lines.joined(separator: "\n") + "\n" }

    static func literal(_ vector: [Double]) -> String {
        "[" + vector.map { NodeExpression($0).text }.joined(separator: ", ") + "]"
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ") + "\""
    }
}
