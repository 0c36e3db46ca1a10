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
        switch self {
        case .partial: return "∂\(output)/∂\(variable)"
        case .leibniz: return "d\(output)/d\(variable)"
        case .code: return "d\(variable)"
        }
    }

    /// A local derivative `∂to/∂from` (always written out, even in code notation).
    public func local(of to: String, by from: String) -> String {
        switch self {
        case .partial: return "∂\(to)/∂\(from)"
        case .leibniz, .code: return "d\(to)/d\(from)"
        }
    }
}
