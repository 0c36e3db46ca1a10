/// Writes operations as text: in .cg syntax (`3 * v`), in maths (`3 × v`), or as the short
/// symbol drawn inside an operation node (`×3`, `+`, `σ`).
public enum OperationText {
    /// How to write operators.
    public enum Style: Sendable {
        /// As in .cg files: `*`, `/`, `^`, `@`, ASCII only.
        case code
        /// For people: `×`, `÷`, superscript powers, `−`.
        case math
    }

    /// The operation in .cg syntax over its inputs' ids: `b * c`, `3 * v`, `sigmoid(z)`.
    public static func name(of operation: Operation, node: Node, in graph: Graph) -> String {
        formula(of: operation, node: node, in: graph, style: .code)
    }

    /// The operation over its inputs' labels (or any text for each argument).
    /// With `labels`, inputs are written by their display labels instead of their ids.
    public static func formula(of operation: Operation, node: Node, in graph: Graph, style: Style = .math,
                               labels: Bool = false) -> String {
        render(operation, style: style) { argument in
            switch argument {
            case .input(let position):
                let input = graph.nodes[node.inputs[position]]
                return labels ? input.displayName : input.id
            case .constant(let t):
                return number(t, style: style)
            }
        }
    }

    /// The operation with each argument replaced by `text(argument)`.
    public static func render(_ operation: Operation, style: Style,
                              _ text: (Operation.Argument) -> String) -> String {
        let args = operation.arguments.map { argument -> String in
            let t = text(argument)
            return t.hasPrefix("-") || t.hasPrefix("−") ? "(\(t))" : t
        }
        switch operation.function {
        case .primitive(let p):
            let rule = p.rule
            switch (rule.spelling, style) {
            case (.infix("^", _), .math):
                if let sup = superscript(args[1]) { return args[0] + sup }
                return "\(args[0])^\(args[1])"
            case (.infix("^", _), .code):
                return "\(args[0])^\(args[1])"
            case (.infix(let symbol, _), _):
                return "\(args[0]) \(style == .code ? symbol : rule.mathSymbol) \(args[1])"
            case (.prefix(let symbol), _):
                return (style == .code ? symbol : rule.mathSymbol) + args[0]
            case (.call, .math) where p == .transpose:
                return args[0] + rule.mathSymbol
            case (.call(let name), _):
                return "\(style == .code ? name : rule.mathSymbol)(\(args.joined(separator: ", ")))"
            }
        case .composite(.identity):
            return args[0]
        case .composite(let c):
            return "\(c.rawValue)(\(args.joined(separator: ", ")))"
        }
    }

    /// The short symbol drawn inside an operation node: `+`, `×`, `×3`, `σ`, `exp`.
    ///
    /// A constant argument is written into the symbol (`×3`, `+5`, `^2`), since it is part
    /// of the operation and not a node of the graph.
    public static func symbol(of operation: Operation) -> String {
        let constants = operation.arguments.compactMap { if case .constant(let t) = $0 { t } else { nil } }
        let constantText = constants.first.map { number($0, style: .math) } ?? ""
        let constantFirst: Bool = if case .constant = operation.arguments.first { true } else { false }
        switch operation.function {
        case .primitive(let p):
            let symbol = p.rule.nodeSymbol
            switch p {
            case .add, .multiply:
                return symbol + constantText
            case .subtract, .divide:
                if constantText.isEmpty { return symbol }
                return constantFirst ? constantText + symbol : symbol + constantText
            case .power:
                if constantFirst { return constantText + symbol }
                return constantText.isEmpty ? symbol : superscript(constantText) ?? symbol + constantText
            case .negate, .exp, .log, .sqrt, .sin, .cos, .tanh, .sigmoid, .relu, .abs, .sum, .matmul, .transpose:
                return symbol
            }
        case .composite(.identity): return "="
        case .composite(let c): return c.rawValue
        }
    }

    /// A constant as people write it: `3`, `0.5`, `−1`.
    static func number(_ t: Tensor, style: Style) -> String {
        let text = t.isScalar ? NumberFormat.full(t.scalar) : t.description
        return style == .math && text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// `2` → `²`, `-1` → `⁻¹`; nil when the text is not a small integer.
    static func superscript(_ text: String) -> String? {
        let digits: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                              "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻", "−": "⁻"]
        var inner = text
        if inner.hasPrefix("("), inner.hasSuffix(")") { inner = String(inner.dropFirst().dropLast()) }
        guard !inner.isEmpty, inner.count <= 3 else { return nil }
        var out = ""
        for c in inner {
            guard let s = digits[c] else { return nil }
            out.append(s)
        }
        return out
    }
}
