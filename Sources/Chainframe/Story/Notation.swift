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

    /// A name with spaces in parentheses, so `∂(지불 금액)/∂(사과 개수)` reads as one fraction.
    static func grouped(_ name: String) -> String {
        name.contains(" ") && !(name.hasPrefix("(") && name.hasSuffix(")")) ? "(\(name))" : name
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
