/// How derivatives are written in captions and labels.
public enum Notation: String, Sendable, CaseIterable {
    /// `∂J/∂a`
    case partial
    /// `dJ/da`
    case leibniz
    /// `da`: the lecture's code names (the derivative of the final output is implied).
    case code

    /// The derivative of `output` with respect to `variable`.
    public func derivative(of output: String, by variable: String) -> String {
        let output = Notation.grouped(output), variable = Notation.grouped(variable)
        switch self {
        case .partial: return "∂\(output)/∂\(variable)"
        case .leibniz: return "d\(output)/d\(variable)"
        case .code: return "d\(variable)"
        }
    }

    /// A name that is more than one word or symbol in parentheses, so `∂(지불 금액)/∂(사과 개수)`,
    /// `∂L/∂(w₁x₁)` and `∂f/∂(x²)` read as one fraction. A plain name (a letter, then letters,
    /// digits and `_`, then only subscripts: `x`, `x0`, `w₁`, `z₍₁₎`) stays as it is.
    static func grouped(_ name: String) -> String {
        let plain: Bool = {
            guard let first = name.first, first.isLetter, !DisplayName.isSubscript(first) else { return false }
            var inSubscript = false
            for c in name {
                if DisplayName.isSubscript(c) {
                    inSubscript = true
                } else if inSubscript || !(c.isLetter || c == "_" || ("0"..."9").contains(c)) {
                    return false
                }
            }
            return true
        }()
        let wrapped = name.hasPrefix("(") && name.hasSuffix(")") && !name.dropFirst().dropLast().contains { $0 == "(" || $0 == ")" }
        return plain || wrapped ? name : "(\(name))"
    }

    /// A local derivative `∂to/∂from` (always written out, even in code notation).
    public func local(of to: String, by from: String) -> String {
        let to = Notation.grouped(to), from = Notation.grouped(from)
        switch self {
        case .partial: return "∂\(to)/∂\(from)"
        case .leibniz, .code: return "d\(to)/d\(from)"
        }
    }
}
