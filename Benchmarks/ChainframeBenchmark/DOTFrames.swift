import Chainframe
import Foundation

/// The DOT text of one frame, as a `dot -Tpng`-per-frame tool would write it: the same
/// labels (name or formula, value, gradient), colours for what is known, red flows backward.
enum DOTFrames {
    static func dot(_ storyboard: Storyboard, step: Step) -> String {
        let graph = storyboard.evaluation.graph
        let text = ValueText(precision: storyboard.options.precision)
        var out = "digraph G {\n  rankdir=LR; size=\"20,11.25!\"; ratio=fill; dpi=96;\n"
        out += "  node [shape=box, style=\"rounded,filled\", fontname=\"DejaVu Sans\", fontsize=20];\n"
        for (index, node) in graph.nodes.enumerated() {
            var label = node.operation.map { OperationText.formula(of: $0, node: node, in: graph) } ?? node.displayName
            label += "\\n" + (step.knownValues.contains(index) ? text.inline(storyboard.evaluation.values[index]) : "?")
            if let g = step.gradients[index] {
                label += "\\n∂/∂\(node.id) = " + text.inline(g.tensor)
            }
            let fill = step.activeNodes.contains(index) ? "#FFE9A8" : (node.kind == .input ? "#EAF1FB" : "#FFFFFF")
            out += "  n\(index) [label=\"\(escape(label))\", fillcolor=\"\(fill)\"];\n"
        }
        for edge in graph.edges {
            out += "  n\(edge.from) -> n\(edge.to)"
            if step.sentBack.contains(edge), let flow = storyboard.evaluation.flows.first(where: { $0.edge == edge }),
               let g = flow.gradient {
                out += " [color=\"#C62828\", fontcolor=\"#C62828\", dir=back, label=\"\(escape(text.inline(g)))\"]"
            }
            out += ";\n"
        }
        return out + "}\n"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\"", with: "\\\"")
    }
}
