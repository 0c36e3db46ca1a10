import Chainframe

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
        // The node the step is about (the one computed, or sending its gradient back) first.
        let heads = Set(step.activeEdges.map(\.to)).intersection(nodes)
        let primary = heads.min() ?? nodes[0]
        let ring = 10 * layout.graphScale
        var box = layout.nodeBoxes[primary].insetBy(dx: -ring, dy: -ring)
        // Then the step's other nodes, then neighbours, nearest first, while they fit.
        var neighbours = Set<Int>()
        let consumers = self.consumers  // built once, not once per node
        for node in nodes {
            neighbours.formUnion(graph.nodes[node].inputs)
            neighbours.formUnion(consumers[node] ?? [])
        }
        let center = box.center
        // Nodes as far as each other go in index order: `neighbours` is a set, whose order
        // changes from run to run (the 353-node MLP's frames differed between two renders).
        let nearest = { (a: Int, b: Int) in
            let da = self.distance(self.layout.nodeBoxes[a].center, center)
            let db = self.distance(self.layout.nodeBoxes[b].center, center)
            return da < db || (da == db && a < b)
        }
        let others = nodes.filter { $0 != primary }.sorted(by: nearest)
            + neighbours.subtracting(nodes).sorted(by: nearest)
        for n in others {
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

    /// What of `elements` the window shows: whole cards and rings only (never half a card),
    /// label chips only when whole, lines wherever they cross the window.
    /// Nothing is shown under `covered` (the overview's panel, in drawing coordinates).
    func visible(_ elements: [SceneElement], window: Rect, covered: Rect) -> [SceneElement] {
        func inside(_ r: Rect) -> Bool {
            r.minX >= window.minX && r.maxX <= window.maxX && r.minY >= window.minY && r.maxY <= window.maxY
                && !r.insetBy(dx: -6, dy: -6).intersects(covered)
        }
        return elements.compactMap { element -> SceneElement? in
            guard let bounds = element.bounds, bounds.intersects(window) else { return nil }
            switch element {
            case .group(let opacity, let children):
                if case .shape(_, _, _, .node)? = children.first { return inside(bounds) ? element : nil }
                return .group(opacity: opacity, children)
            case .shape(_, _, _, .highlight):
                return inside(bounds) ? element : nil
            case .link(let from, let to, let children):
                // The label (chip and text) only when its chip is whole in the window.
                let chipInside = children.contains { child in
                    if case .shape(_, _, _, .label) = child { return child.bounds.map(inside) ?? false }
                    return false
                }
                return .link(from: from, to: to, children.filter { child in
                    switch child {
                    case .shape(_, _, _, .label), .text: return chipInside
                    default: return true
                    }
                })
            default:
                return element
            }
        }
    }

    /// Each node's consumers.
    var consumers: [Int: [Int]] {
        var out: [Int: [Int]] = [:]
        for edge in layout.edges { out[edge.from, default: []].append(edge.to) }
        return out
    }

    /// The overview: the whole graph small in a corner of the graph area, the step's nodes in
    /// the highlight colour, the window as an outline.
    func overview(for step: Step, offset: Point, theme: Theme) -> (panel: Rect, elements: [SceneElement]) {
        let area = layout.graphArea
        let drawing = layout.drawing
        let width = min(area.width * 0.2, 360)
        let k = min(width / drawing.width, area.height * 0.3 / drawing.height)
        let size = Size(width: drawing.width * k + 16, height: drawing.height * k + 16)
        // The corner that covers least of the cards in view, the step's own cards counting most.
        let active = step.activeNodes.isEmpty ? [graph.output] : Array(step.activeNodes)
        let activeSet = Set(active)
        let corners = [Point(x: area.maxX - size.width, y: area.minY), Point(x: area.maxX - size.width, y: area.maxY - size.height),
                       Point(x: area.minX, y: area.maxY - size.height), Point(x: area.minX, y: area.minY)]
        let window = area.offsetBy(dx: -offset.x, dy: -offset.y)
        let inView = layout.nodeBoxes.indices.filter { layout.nodeBoxes[$0].intersects(window) }
        let origin = corners.min { a, b in
            func covered(_ corner: Point) -> Int {
                let panel = Rect(x: corner.x - offset.x, y: corner.y - offset.y, width: size.width, height: size.height)
                return inView.reduce(0) { sum, n in
                    sum + (layout.nodeBoxes[n].intersects(panel) ? (activeSet.contains(n) ? 100 : 1) : 0)
                }
            }
            return covered(a) < covered(b)
        } ?? corners[0]
        let panel = Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)
        let map = { (r: Rect) in
            Rect(x: panel.minX + 8 + (r.minX - drawing.minX) * k, y: panel.minY + 8 + (r.minY - drawing.minY) * k,
                 width: max(r.width * k, 1.5), height: max(r.height * k, 1.5))
        }
        var out: [SceneElement] = [.shape(.roundedRect(panel, radius: 8), fill: theme.background.withAlpha(0.94),
                                          stroke: StrokeStyle(width: 1.5, color: theme.muted), role: .decoration)]
        for (index, box) in layout.nodeBoxes.enumerated() where !activeSet.contains(index) {
            out.append(.shape(.rect(map(box)), fill: theme.muted, stroke: nil, role: .decoration))
        }
        for index in active.sorted() {
            out.append(.shape(.rect(map(layout.nodeBoxes[index]).insetBy(dx: -1.5, dy: -1.5)), fill: theme.highlight, stroke: nil, role: .decoration))
        }
        out.append(.shape(.rect(map(window)), fill: nil, stroke: StrokeStyle(width: 2, color: theme.highlight), role: .decoration))
        return (panel, [.clip(panel, out)])
    }

    private func distance(_ a: Point, _ b: Point) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }
}
