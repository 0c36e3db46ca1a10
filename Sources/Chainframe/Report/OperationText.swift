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

    /// The operation over its inputs' ids (or, with `labels`, their display names with
    /// parentheses where precedence needs them: `w₁x₁ + w₂x₂ + b`).
    public static func formula(of operation: Operation, node: Node, in graph: Graph, style: Style = .math,
                               labels: Bool = false) -> String {
        if labels, style == .math { return graph.nameTable.formula(operation, node: node, compact: false).text }
        return render(operation, style: style) { argument in
            switch argument {
            case .input(let position):
                let input = graph.nodes[node.inputs[position]]
                return labels ? input.displayName : input.id
            case .constant(let t):
                return number(t, style: style)
            }
        }
    }

    /// The operation with each argument replaced by `text(argument)`, each taken as one
    /// unit (a text with a leading minus is put in parentheses).
    public static func render(_ operation: Operation, style: Style,
                              _ text: (Operation.Argument) -> String) -> String {
        term(operation, style: style, compact: false) { Term.number(text($0)) }.text
    }

    /// The operation over terms, with parentheses where precedence needs them. `compact`
    /// writes a product of one-letter names by juxtaposition (`w₁x₁`, `3v`) and a matrix
    /// product without spaces (`X·W`), as names of unnamed nodes are written.
    static func term(_ operation: Operation, style: Style, compact: Bool,
                     _ text: (Operation.Argument) -> Term) -> Term {
        let terms = operation.arguments.map(text)
        /// The argument's text, in parentheses when it binds less than `strength` or starts with a minus.
        func arg(_ i: Int, _ strength: Int) -> String {
            let t = terms[i]
            let signed = t.text.hasPrefix("-") || t.text.hasPrefix("−")
            return t.strength < strength || signed ? "(\(t.text))" : t.text
        }
        let code = style == .code
        switch operation.function {
        case .primitive(let p):
            // Operator symbols come from the primitive's rule: as .cg writes it, or for people.
            let symbol: String = switch p.rule.spelling {
            case .infix(let s, _), .prefix(let s): code ? s : p.rule.mathSymbol
            case .call(let name): code ? name : p.rule.mathSymbol
            }
            switch p {
            case .add: return Term("\(arg(0, Term.sum)) \(symbol) \(arg(1, Term.sum))", strength: Term.sum)
            case .subtract: return Term("\(arg(0, Term.sum)) \(symbol) \(arg(1, Term.product))", strength: Term.sum)
            case .multiply:
                if compact, terms[0].strength == Term.atom, terms[1].strength == Term.atom,
                   DisplayName.isSymbol(terms[0].text) || Double(terms[0].text) != nil, DisplayName.isSymbol(terms[1].text) {
                    return Term(terms[0].text + terms[1].text, strength: Term.product)
                }
                return Term("\(arg(0, Term.product)) \(symbol) \(arg(1, Term.product))", strength: Term.product)
            case .divide: return Term("\(arg(0, Term.product)) \(symbol) \(arg(1, Term.prefix))", strength: Term.product)
            case .power:
                if !code, let sup = superscript(terms[1].text) { return Term(arg(0, Term.atom) + sup, strength: Term.power) }
                return Term("\(arg(0, Term.atom))^\(arg(1, Term.atom))", strength: Term.power)
            case .matmul:
                if code { return Term("\(arg(0, Term.product)) \(symbol) \(arg(1, Term.product))", strength: Term.product) }
                let dot = compact ? symbol : " \(symbol) "
                return Term(arg(0, Term.product) + dot + arg(1, Term.product), strength: Term.product)
            case .negate: return Term(symbol + arg(0, Term.product), strength: Term.prefix)
            case .transpose where !code: return Term(arg(0, Term.atom) + symbol, strength: Term.atom)
            case .exp, .log, .sqrt, .sin, .cos, .tanh, .sigmoid, .relu, .abs, .sum, .transpose:
                return Term("\(symbol)(\(terms[0].text))", strength: Term.atom)
            }
        case .composite(.identity):
            return terms[0]
        case .composite(let c):
            return Term("\(c.rawValue)(\(terms.map(\.text).joined(separator: ", ")))", strength: Term.atom)
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

/// A piece of a formula and how strongly it binds, to know where parentheses go.
struct Term: Sendable {
    var text: String
    var strength: Int

    /// Binding strengths: sums, products (× ÷ ·), a leading minus, powers, atoms (names,
    /// numbers, calls).
    static let sum = 1, product = 2, prefix = 3, power = 4, atom = 5

    init(_ text: String, strength: Int) {
        self.text = text
        self.strength = strength
    }

    /// A name or number taken as one unit.
    static func number(_ text: String) -> Term { Term(text, strength: atom) }
}
