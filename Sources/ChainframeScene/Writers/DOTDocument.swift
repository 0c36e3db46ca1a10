import Chainframe
import Foundation

/// The DOT text of a storyboard's graph in its summary state: every value and gradient, the
/// backward label on every edge, positions and sizes from the shared layout.
///
/// Graphviz's y axis points up, so canvas points (y down) are written as (x, height − y);
/// sizes are in inches (72 points each), as Graphviz wants them.
package struct DOTDocument {
    let context: LessonPicture

    package init(_ context: LessonPicture) { self.context = context }

    package var text: String {
        let graph = context.storyboard.evaluation.graph
        let theme = context.theme
        let scale = context.graphScale
        let title = graph.title ?? context.sourceName
        var lines: [String] = [
            "// \(context.baseName).dot: \(Self.comment(title)), drawn by Chainframe \(Self.comment(context.version)) from \(Self.comment(context.sourceName)).",
            "// Positions are fixed, in points with y up: draw it as laid out with",
            "//   neato -n2 -Tpng \(Self.comment(context.baseName)).dot -o \(Self.comment(context.baseName)).png",
            "digraph \(Self.quoted(title)) {",
        ]
        let font = Self.quoted(theme.fontFamily)
        let background = context.isTransparent ? "transparent" : theme.background.hexString
        let width = Self.number(context.canvasSize.width), height = Self.number(context.canvasSize.height)
        // dpi: one point per pixel at --scale 1, so neato's picture is the PNG's size.
        lines.append("  graph [bb=\(Self.quoted("0,0,\(width),\(height)")), "
                     + "splines=true, outputorder=edgesfirst, pad=0, dpi=\(Self.number(72 * context.pixelScale)), "
                     + "bgcolor=\(Self.quoted(background)), fontname=\(font)];")
        // neato -n2 sizes the picture to what it draws: two invisible points at the canvas's
        // corners make that the PNG's canvas, margins included, so no border is clipped.
        // (Their names cannot be node ids: '#' is not an identifier character.)
        lines.append("  \"#canvas-origin\" [pos=\"0,0!\", shape=point, width=0, height=0, style=invis, label=\"\"];")
        lines.append("  \"#canvas-corner\" [pos=\"\(width),\(height)!\", shape=point, width=0, height=0, style=invis, label=\"\"];")
        lines.append("  node [fixedsize=true, margin=0, fontname=\(font), fontsize=\(Self.number(theme.fontSizes.node * scale))];")
        lines.append("  edge [fontname=\(font), fontsize=\(Self.number(theme.fontSizes.edgeLabel * scale)), "
                     + "color=\(Self.quoted(theme.forward.hexString)), fontcolor=\(Self.quoted(theme.backward.hexString)), "
                     + "penwidth=\(Self.number(theme.edgeWidth * scale)), arrowsize=\(Self.number(theme.arrowSize * scale / 10))];")
        for index in graph.nodes.indices { lines.append("  " + node(index)) }
        for edge in graph.edges { lines.append("  " + self.edge(edge)) }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One node statement: label (name or formula, value, gradient), position, size, style.
    private func node(_ index: Int) -> String {
        let graph = context.storyboard.evaluation.graph
        let style = context.nodeStyle(index)
        let box = context.nodeBox(index)
        let scale = context.graphScale
        let label = context.cardText(index).lines.joined(separator: "\n")
        var attributes: [(String, String)] = [
            ("label", Self.quoted(label)),
            ("pos", Self.quoted("\(Self.number(box.midX)),\(Self.number(flip(box.midY)))!")),
            ("width", Self.number(box.width / 72, digits: 4)),
            ("height", Self.number(box.height / 72, digits: 4)),
        ]
        switch style.shape {
        case .box: attributes += [("shape", "box"), ("style", Self.quoted(style.dash.isEmpty ? "filled" : "filled,dashed"))]
        case .roundedBox: attributes += [("shape", "box"), ("style", Self.quoted(style.dash.isEmpty ? "rounded,filled" : "rounded,filled,dashed"))]
        case .ellipse: attributes += [("shape", "ellipse"), ("style", Self.quoted(style.dash.isEmpty ? "filled" : "filled,dashed"))]
        case .circle: attributes += [("shape", "circle"), ("style", Self.quoted(style.dash.isEmpty ? "filled" : "filled,dashed"))]
        }
        attributes += [
            ("fillcolor", Self.quoted(style.fill.hexString)),
            ("color", Self.quoted(style.stroke.hexString)),
            ("fontcolor", Self.quoted(style.text.hexString)),
            ("penwidth", Self.number(style.strokeWidth * scale)),
        ]
        return Self.quoted(graph.nodes[index].id) + " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];"
    }

    /// One edge statement: the route as Graphviz spline points, and the backward label.
    private func edge(_ edge: Edge) -> String {
        let graph = context.storyboard.evaluation.graph
        var attributes: [(String, String)] = []
        if let route = context.edgeRoute(edge) {
            let points = route.points.map(point).joined(separator: " ")
            attributes.append(("pos", Self.quoted("e,\(point(route.tip)) \(points)")))
        }
        if let label = context.edgeLabel(edge) {
            attributes.append(("label", Self.quoted(label.text)))
            attributes.append(("lp", Self.quoted(point(label.chip.center))))
        }
        let statement = Self.quoted(graph.nodes[edge.from].id) + " -> " + Self.quoted(graph.nodes[edge.to].id)
        return statement + (attributes.isEmpty ? "" : " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "]") + ";"
    }

    /// Canvas y (down) → Graphviz y (up).
    private func flip(_ y: Double) -> Double { context.canvasSize.height - y }

    private func point(_ p: Point) -> String { "\(Self.number(p.x)),\(Self.number(flip(p.y)))" }

    /// `s` as a DOT double-quoted string: quotes and backslashes escaped, line breaks as
    /// Graphviz's centred `\n`. UTF-8 text stays as it is.
    package static func quoted(_ s: String) -> String {
        var out = "\""
        for character in s {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r\n", "\r": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// Text for a `//` comment line: no line breaks.
    static func comment(_ s: String) -> String {
        String(s.map { $0.isNewline ? " " : $0 })
    }

    /// A number with at most `digits` decimals, trailing zeros removed (`12.5`, `3`).
    static func number(_ x: Double, digits: Int = 2) -> String {
        NumberFormat.coordinate(x, decimals: digits)
    }
}
