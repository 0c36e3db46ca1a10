import Chainframe
import Foundation

/// The DOT text of one frame as micrograd's `draw_dot` writes it, the way `dot -Tpng`-per-frame
/// tools draw a graph: every value a record node `{ name | data … | grad … }`, every operation
/// a small node of its own feeding its value; left to right, at the frames' 1920×1080 pixels.
/// What a frame does not know yet is `?`; what it highlights is filled; edges along which the
/// gradient has been sent back are red.
enum DOTFrames {
    static func dot(_ storyboard: Storyboard, step: Step) -> String {
        let graph = storyboard.evaluation.graph
        let text = ValueText(precision: storyboard.options.precision)
        var out = "digraph G {\n  rankdir=LR; size=\"20,11.25!\"; ratio=fill; dpi=96;\n"
        out += "  node [fontname=\"DejaVu Sans\"];\n"
        for (index, node) in graph.nodes.enumerated() {
            let data = step.knownValues.contains(index) ? text.inline(storyboard.evaluation.values[index]) : "?"
            let grad = step.gradients[index].map { text.inline($0.tensor) } ?? "?"
            let fill = step.activeNodes.contains(index) ? ", style=filled, fillcolor=\"#FFE9A8\"" : ""
            out += "  n\(index) [shape=record, label=\"{ \(escape(node.displayName)) | data \(escape(data)) | grad \(escape(grad)) }\"\(fill)];\n"
            if let operation = node.operation {
                out += "  n\(index)op [label=\"\(escape(OperationText.symbol(of: operation)))\"];\n"
                out += "  n\(index)op -> n\(index);\n"
            }
        }
        for edge in graph.edges {
            out += "  n\(edge.from) -> n\(edge.to)op"
            if step.sentBack.contains(edge) { out += " [color=\"#C62828\"]" }
            out += ";\n"
        }
        return out + "}\n"
    }

    /// Escapes what DOT record labels treat specially.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            if "\"{}|<>\\".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
