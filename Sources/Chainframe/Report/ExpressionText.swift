/// Writes a parsed expression for people: `a²`, `3 × a`, `x² + 3 × x + 5`, `σ(z)`.
public enum ExpressionText {
    /// Parses `expression` (in .cg syntax) and writes it in maths; nil when it does not parse.
    public static func math(_ expression: String) -> String? {
        guard let file = try? Parser.parse(SourceFile(name: "<expression>", text: "f = \(expression)")),
              case .define(_, _, let definition)? = file.statements.first else { return nil }
        switch definition {
        case .computed(let e), .constant(let e): return math(e)
        case .input(let literal): return literal.tensor.description
        }
    }

    /// The expression in maths, with parentheses only where precedence needs them.
    public static func math(_ expression: Syntax.Expression) -> String {
        write(expression, parent: 0)
    }

    /// Binding strength: + − 1, × ÷ @ 2, unary minus 3, ^ 4, atoms 5.
    private static func strength(_ e: Syntax.Expression) -> Int {
        switch e {
        case .binary(let op, _, _, _):
            guard case .infix(_, let precedence) = op.rule.spelling else { return 5 }
            return switch precedence { case .sum: 1; case .product: 2; case .power: 4 }
        case .negate: return 3
        case .number(let v, _) where v < 0: return 3
        default: return 5
        }
    }

    /// A function's name in maths: the rule's symbol (`σ` for sigmoid), except for transpose,
    /// whose `ᵀ` is written after its argument and so does not name a call.
    private static func callName(_ name: String) -> String {
        guard case .primitive(let p)? = Function.byName[name], case .call = p.rule.spelling, p != .transpose else {
            return name
        }
        return p.rule.mathSymbol
    }

    private static func write(_ e: Syntax.Expression, parent: Int) -> String {
        let text: String
        switch e {
        case .number(let value, _):
            text = NumberFormat.full(value).replacingOccurrences(of: "-", with: "−")
        case .name(let name, _):
            text = DisplayName.pretty(name)
        case .negate(let inner, _):
            text = "−" + write(inner, parent: 3)
        case .call(let name, let arguments, _):
            let inner = arguments.map { write($0, parent: 0) }.joined(separator: ", ")
            text = callName(name) + "(" + inner + ")"
        case .binary(let op, let lhs, let rhs, _):
            let s = strength(e)
            switch op {
            case .power:
                let base = write(lhs, parent: 5)
                if case .number(let v, _) = rhs, v == v.rounded(), abs(v) < 100,
                   let sup = OperationText.superscript(NumberFormat.full(v)) {
                    text = base + sup
                } else {
                    text = base + "^" + write(rhs, parent: 4)
                }
            default:
                // Right operands of − and ÷ bind one tighter (a − (b − c)).
                let rightNeeds = op == .subtract || op == .divide ? s + 1 : s
                text = write(lhs, parent: s) + " \(op.rule.mathSymbol) " + write(rhs, parent: rightNeeds)
            }
        }
        return strength(e) < parent ? "(" + text + ")" : text
    }
}
