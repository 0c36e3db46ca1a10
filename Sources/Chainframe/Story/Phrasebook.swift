import Foundation

/// The words of captions, phase names and table headings in one language.
///
/// Each language is one file in `Languages/` defining one value of this type; the memberwise
/// initializer makes the compiler refuse a language with a missing phrase. `{name}`
/// placeholders are filled with `fill(_:_:)`.
public struct Phrasebook: Sendable {
    /// The language's code for `--lang` (`en`, `ko`).
    public var code: String
    public var inputs: String
    public var forward: String
    public var backward: String
    public var summary: String
    /// The numerical-gradient phase (central differences).
    public var check: String
    /// The nudge phase (a small change travelling through the graph).
    public var nudge: String
    /// Shown after the seed `∂J/∂J = 1`.
    public var seedNote: String
    /// `{n}`: the number of paths that meet at a branch node.
    public var branchSum: String
    /// `{k}` of `{n}` paths have arrived.
    public var partialArrival: String
    /// The rules of "Deep Learning from Scratch", named in backward captions.
    public var addRule: String
    public var multiplyRule: String
    public var matmulRule: String
    /// Any other operation: upstream gradient times local derivative.
    public var chainRule: String
    /// Table headings of `eval` and `check`.
    public var node: String
    public var kind: String
    public var computes: String
    public var shape: String
    public var value: String
    public var gradient: String
    public var input: String
    public var analytic: String
    /// `{h}`: the step of the central difference.
    public var numeric: String
    public var relativeError: String
    /// `{n}` gradients agree within `{tolerance}`.
    public var allAgree: String
    /// `{failed}` of `{n}` gradients differ by more than `{tolerance}`.
    public var someDiffer: String
    /// `{name}`: `{k}` of `{n}` elements checked (a sampled input of `check`).
    public var sampledCheck: String
    public var notFinite: String
    /// The slope picture (`chainframe slope`): its title, and the words for its lines.
    public var slopeTitle: String
    public var tangent: String
    public var secant: String
    public var slope: String

    /// Every language, by code.
    public static let all: [String: Phrasebook] = [english.code: english, korean.code: korean]

    /// Fills `{name}` placeholders.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = template
        for (key, value) in values { out = out.replacingOccurrences(of: "{\(key)}", with: value) }
        return out
    }

    /// The name of a phase.
    public func name(of phase: Step.Phase) -> String {
        switch phase {
        case .inputs: return inputs
        case .forward: return forward
        case .backward: return backward
        case .nudge: return nudge
        case .check: return check
        case .summary: return summary
        }
    }
}
