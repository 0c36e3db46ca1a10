import Chainframe
import Foundation

/// The texts a node shows, in every state a frame can put it in.
///
/// A card has three rows: the title (the name, or what the operation computes), the value
/// (`?` until known) and the gradient (empty until known, a partial sum at a branch node).
struct NodeCard {
    let index: Int
    let kind: NodeKindStyle
    let title: String
    let valueLines: [String]
    let finalGradientLines: [String]

    init(index: Int, storyboard: Storyboard) {
        let evaluation = storyboard.evaluation
        let graph = evaluation.graph
        let node = graph.nodes[index]
        let text = storyboard.options.values
        self.index = index
        if index == graph.output {
            kind = .output
        } else {
            switch node.kind {
            case .input: kind = .input
            case .constant: kind = .constant
            case .operation: kind = .operation
            }
        }
        let value = evaluation.values[index]
        let shape = value.isScalar ? "" : "  (\(Tensor.describe(shape: value.shape)))"
        if node.operation != nil {
            // A named node (or one with a generated name) says what it computes; an unnamed
            // part of an expression is called by that formula already.
            title = graph.displayName(of: index) + (graph.hasName(index) ? " = " + graph.formula(of: index) : "") + shape
        } else {
            title = node.displayName + shape
        }
        valueLines = text.lines(value)
        finalGradientLines = evaluation.gradients[index].map {
            NodeCard.gradientLines(index, $0, partial: nil, storyboard: storyboard)
        } ?? []
    }

    /// The value rows: the value when known, `?` before.
    func valueLines(known: Bool) -> [String] {
        known ? valueLines : ["?"]
    }

    /// The value rows in `step`: `old → new` and the change once a nudge has arrived.
    func valueLines(in step: Step, storyboard: Storyboard) -> [String] {
        guard let nudge = step.nudges[index] else { return valueLines(known: step.knownValues.contains(index)) }
        let change = Tensor(shape: nudge.new.shape, scalars: zip(nudge.new.scalars, nudge.old.scalars).map { $0 - $1 })
        let delta = change.scalars.map { abs($0) }.max() ?? 0
        let largest = nudge.new.scalars.map { abs($0) }.max() ?? 0
        let precision = storyboard.options.precision
        let precise = ValueText(precision: ValueText.digits(showing: delta, largest: largest, minimum: precision))
        let plain = storyboard.options.values
        return ["\(precise.inline(nudge.old, maxElements: 3)) → \(precise.inline(nudge.new, maxElements: 3))",
                "Δ = \(plain.inline(change, maxElements: 3))"]
    }

    /// The gradient rows in `step`, with the central difference under it in the check step.
    func gradientLines(in step: Step, storyboard: Storyboard) -> [String] {
        let lines = gradientLines(step.gradients[index], storyboard: storyboard)
        guard let numeric = step.numericGradients[index] else { return lines }
        let full = numeric.isScalar ? NumberFormat.full(numeric.scalar)
            : ValueText(precision: 17).inline(numeric, maxElements: 3)
        return lines + ["≈ " + full]
    }

    /// The gradient rows for a state of the backward pass.
    func gradientLines(_ state: Step.GradientState?, storyboard: Storyboard) -> [String] {
        switch state {
        case nil: return []
        case .complete: return finalGradientLines
        case .partial(let t, let arrived, let total):
            return NodeCard.gradientLines(index, t, partial: (arrived, total), storyboard: storyboard)
        }
    }

    /// `∂J/∂u = 3`; tensors as `∂L/∂W =` followed by their rows; a partial sum as `∂J/∂x = 3 + …`.
    static func gradientLines(_ index: Int, _ t: Tensor, partial: (Int, Int)?, storyboard: Storyboard) -> [String] {
        let graph = storyboard.evaluation.graph
        let name = storyboard.options.notation.derivative(of: graph.displayName(of: graph.output),
                                                         by: graph.displayName(of: index))
        let text = storyboard.options.values
        let suffix = partial.map { " + … (\($0.0)/\($0.1))" } ?? ""
        if t.isScalar { return ["\(name) = \(text.number(t.scalar))\(suffix)"] }
        return ["\(name) =\(suffix)"] + text.lines(t)
    }
}
