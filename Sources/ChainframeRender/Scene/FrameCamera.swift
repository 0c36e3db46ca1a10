import Chainframe
import ChainframeGraphics

/// The focus camera: each step looks at its active nodes and as many of their neighbours as
/// fit, through a window the size of the graph area, with an overview of the whole graph in a
/// corner that marks where the step is.
struct FrameCamera {
    let layout: FrameLayout
    let graph: Graph

    /// How far the drawing slides so that `step`'s nodes sit in the graph area.
    func offset(for step: Step) -> Point {
        let area = layout.graphArea
        var nodes = Array(step.activeNodes).sorted()
        if nodes.isEmpty { nodes = [graph.output] }
        let ring = 10 * layout.graphScale
        var box = nodes.map { layout.nodeBoxes[$0] }.reduce(layout.nodeBoxes[nodes[0]]) { $0.union($1) }
            .insetBy(dx: -ring, dy: -ring)
        // Neighbours, nearest first, while they fit in the window.
        var neighbours = Set<Int>()
        for node in nodes {
            neighbours.formUnion(graph.nodes[node].inputs)
            neighbours.formUnion(consumers[node] ?? [])
        }
        let center = box.center
        for n in neighbours.subtracting(nodes).sorted(by: { distance(layout.nodeBoxes[$0].center, center) < distance(layout.nodeBoxes[$1].center, center) }) {
            let grown = box.union(layout.nodeBoxes[n].insetBy(dx: -ring, dy: -ring))
            if grown.width <= area.width && grown.height <= area.height { box = grown }
        }
        func along(_ wanted: Double, _ low: Double, _ high: Double, _ areaLow: Double, _ areaHigh: Double) -> Double {
            // Keep the drawing covering the window where it can (no needless empty margin).
            if high - low <= areaHigh - areaLow { return (areaLow + areaHigh) / 2 - (low + high) / 2 }
            return min(max(wanted, areaHigh - high), areaLow - low)
        }
        let drawing = layout.drawing
        return Point(x: along(area.midX - box.midX, drawing.minX, drawing.maxX, area.minX, area.maxX),
                     y: along(area.midY - box.midY, drawing.minY, drawing.maxY, area.minY, area.maxY))
    }

    /// Each node's consumers.
    var consumers: [Int: [Int]] {
        var out: [Int: [Int]] = [:]
        for edge in layout.edges { out[edge.from, default: []].append(edge.to) }
        return out
    }

    /// The overview: the whole graph small in a corner of the graph area, the step's nodes in
    /// the highlight colour, the window as an outline.
    func overview(for step: Step, offset: Point, theme: Theme) -> [SceneElement] {
        let area = layout.graphArea
        let drawing = layout.drawing
        let width = min(area.width * 0.2, 360)
        let k = min(width / drawing.width, area.height * 0.3 / drawing.height)
        let size = Size(width: drawing.width * k + 16, height: drawing.height * k + 16)
        // A corner away from the step's nodes.
        let active = step.activeNodes.isEmpty ? [graph.output] : Array(step.activeNodes)
        let focus = active.map { layout.nodeBoxes[$0].offsetBy(dx: offset.x, dy: offset.y) }
        let corners = [Point(x: area.maxX - size.width, y: area.minY), Point(x: area.maxX - size.width, y: area.maxY - size.height),
                       Point(x: area.minX, y: area.maxY - size.height), Point(x: area.minX, y: area.minY)]
        let origin = corners.first { corner in
            let panel = Rect(x: corner.x, y: corner.y, width: size.width, height: size.height)
            return !focus.contains { $0.intersects(panel) }
        } ?? corners[0]
        let panel = Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)
        let map = { (r: Rect) in
            Rect(x: panel.minX + 8 + (r.minX - drawing.minX) * k, y: panel.minY + 8 + (r.minY - drawing.minY) * k,
                 width: max(r.width * k, 1.5), height: max(r.height * k, 1.5))
        }
        var out: [SceneElement] = [.shape(.roundedRect(panel, radius: 8), fill: theme.background.withAlpha(0.94),
                                          stroke: StrokeStyle(width: 1.5, color: theme.muted), role: .decoration)]
        let activeSet = Set(active)
        for (index, box) in layout.nodeBoxes.enumerated() where !activeSet.contains(index) {
            out.append(.shape(.rect(map(box)), fill: theme.muted, stroke: nil, role: .decoration))
        }
        for index in active.sorted() {
            out.append(.shape(.rect(map(layout.nodeBoxes[index]).insetBy(dx: -1.5, dy: -1.5)), fill: theme.highlight, stroke: nil, role: .decoration))
        }
        let window = area.offsetBy(dx: -offset.x, dy: -offset.y)
        out.append(.shape(.rect(map(window)), fill: nil, stroke: StrokeStyle(width: 2, color: theme.highlight), role: .decoration))
        return [.clip(panel, out)]
    }

    private func distance(_ a: Point, _ b: Point) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
}
