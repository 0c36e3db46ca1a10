import Foundation

/// The words of captions in one language. Adding a language is adding one value of this type.
public struct Phrasebook: Sendable {
    public var inputs: String
    public var forward: String
    public var backward: String
    public var summary: String
    /// Shown after the seed: `∂J/∂J = 1` … "start".
    public var seedNote: String
    /// `{n}`: the number of paths that meet at a branch node.
    public var branchSum: String
    /// `{k}` of `{n}` paths have arrived.
    public var partialArrival: String
    /// Label for a tensor written by its shape only.
    public var shapeOnly: String

    /// English.
    public static let english = Phrasebook(
        inputs: "Inputs", forward: "Forward", backward: "Backward", summary: "Summary",
        seedNote: "the output's derivative with respect to itself",
        branchSum: "branch node: the {n} paths add up",
        partialArrival: "{k} of {n} paths so far",
        shapeOnly: "shape")

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
        case .summary: return summary
        }
    }
}
