
/// Widens the gaps between ranks of a Graphviz layout one by one, each to what it holds.
///
/// Graphviz has one `ranksep` for the whole graph; sized for the widest edge label it wastes
/// room between every other pair of ranks. Laying out with the theme's separation and then
/// spreading only the gaps whose labels need it keeps the graph as compact as its text allows.
/// The map is piecewise linear along the rank axis, so routes stay smooth and attached.
enum RankSpreading {
    /// One stretch of the rank axis: `[start, end]` in the old layout, widened to `newWidth`.
    struct Gap {
        var start: Double
        var end: Double
        var newWidth: Double
    }

    /// `layout` with each gap between ranks at least as wide as `need` says for the points of
    /// edges inside it (`need(edgeIndex)` is the room that edge's label asks for, or 0).
    static func spread(_ layout: GraphLayout, direction: RankDirection,
                       need: (Int) -> Double) -> GraphLayout {
        let along: (Point) -> Double = direction == .leftToRight ? { $0.x } : { $0.y }
        // Ranks: node intervals along the axis, merged where they overlap.
        var intervals = layout.nodes.values.map { rect in
            direction == .leftToRight ? (rect.minX, rect.maxX) : (rect.minY, rect.maxY)
        }.sorted { $0.0 < $1.0 }
        var ranks: [(Double, Double)] = []
        for interval in intervals {
            if let last = ranks.last, interval.0 <= last.1 {
                ranks[ranks.count - 1].1 = max(last.1, interval.1)
            } else {
                ranks.append(interval)
            }
        }
        intervals = []
        guard ranks.count > 1 else { return layout }
        var gaps = zip(ranks, ranks.dropFirst()).map { Gap(start: $0.0.1, end: $0.1.0, newWidth: $0.1.0 - $0.0.1) }
        // Each labelled edge asks for room in the gap that holds the middle of its route.
        for (index, route) in layout.edges.enumerated() {
            let room = need(index)
            guard room > 0, let first = route.points.first, let last = route.arrowTip ?? route.points.last else { continue }
            let middle = (along(first) + along(last)) / 2
            if let g = gaps.firstIndex(where: { middle >= $0.start - 1 && middle <= $0.end + 1 }) {
                gaps[g].newWidth = max(gaps[g].newWidth, room)
            } else if let g = gaps.indices.min(by: { abs(gaps[$0].start - middle) < abs(gaps[$1].start - middle) }) {
                gaps[g].newWidth = max(gaps[g].newWidth, room)
            }
        }
        guard gaps.contains(where: { $0.newWidth > $0.end - $0.start + 0.01 }) else { return layout }
        let map = { (value: Double) -> Double in remap(value, gaps: gaps) }
        let point = { (p: Point) -> Point in
            direction == .leftToRight ? Point(x: map(p.x), y: p.y) : Point(x: p.x, y: map(p.y))
        }
        var out = layout
        out.nodes = layout.nodes.mapValues { rect in
            let center = point(rect.center)
            return Rect(center: center, size: rect.size)
        }
        out.edges = layout.edges.map { route in
            var moved = route
            moved.points = route.points.map(point)
            moved.arrowTip = route.arrowTip.map(point)
            return moved
        }
        let extra = gaps.reduce(0) { $0 + max(0, $1.newWidth - ($1.end - $1.start)) }
        if direction == .leftToRight { out.boundingBox.width += extra } else { out.boundingBox.height += extra }
        return out
    }

    /// The position of `value` once every gap has its new width: shifted by the growth of the
    /// gaps before it, stretched proportionally inside a gap.
    static func remap(_ value: Double, gaps: [Gap]) -> Double {
        var shift = 0.0
        for gap in gaps {
            let old = gap.end - gap.start
            let grown = max(0, gap.newWidth - old)
            if value <= gap.start { return value + shift }
            if value < gap.end, old > 0 {
                return gap.start + shift + (value - gap.start) * (old + grown) / old
            }
            shift += grown
        }
        return value + shift
    }
}
