import Chainframe

/// Places the chip of every edge label once per layout, so that in every frame it keeps
/// `clearance` from every node box, highlight ring and other chip, stays inside the free
/// part of the canvas, and sits nearer its own edge than any other edge.
///
/// Tries positions along the label's flow, on the side away from the forward edge first,
/// then the other side, then further out; takes the first that breaks no rule, else the one
/// that breaks the fewest.
struct LabelPlacement {
    /// One label to place: its edge's lines (forward route and backward flow, canvas points)
    /// and the chip's size.
    struct Label {
        var edge: Edge
        var flow: [Point]
        var chip: Size
        /// How far the flow runs beside the forward edge (the chip must clear both lines).
        var flowGap: Double
    }

    /// Everything a chip must keep clear of: node boxes grown by their highlight ring.
    let keepOut: [Rect]
    /// Where chips may go (the canvas without the title, the caption band and a border).
    let allowed: Rect
    let clearance: Double
    /// Each edge's lines (forward route and flow), sampled, canvas points.
    let lines: [Edge: [[Point]]]

    /// The chip rectangle of each label.
    func place(_ labels: [Label]) -> [Edge: Rect] {
        let cell = max(60, (labels.map { max($0.chip.width, $0.chip.height) }.max() ?? 60))
        // The grids are dense over everything known now (boxes, lines, where chips may go).
        var area = keepOut.reduce(allowed) { $0.union($1) }
        for polylines in lines.values {
            for line in polylines {
                for p in line { area = area.union(Rect(x: p.x, y: p.y, width: 0, height: 0)) }
            }
        }
        var nodes = SpatialGrid(cell: cell, area: area)
        for box in keepOut { nodes.insert(box) }
        var segments = SpatialGrid(cell: cell, area: area)
        var owners: [(edge: Edge, a: Point, b: Point)] = []
        for (edge, polylines) in lines {
            for line in polylines {
                for (a, b) in zip(line, line.dropFirst()) {
                    segments.insert(Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x), height: abs(a.y - b.y)))
                    owners.append((edge, a, b))
                }
            }
        }
        var chips = SpatialGrid(cell: cell, area: area)
        var placed: [Edge: Rect] = [:]
        // A position that breaks no rule is kept once the nearest positions on both sides have
        // been compared (on large graphs once any is found: thousands of labels).
        let enough = labels.count > LabelPlacement.manyLabels ? 0 : 2 * 11
        for label in labels {
            var best: (rect: Rect, faults: Int, room: Double)?
            for (order, candidate) in candidates(label, few: labels.count > LabelPlacement.manyLabels).enumerated() {
                let (faults, room) = self.faults(candidate, label.edge, nodes: nodes, chips: chips, segments: segments,
                                                 owners: owners, worst: best?.faults ?? Int.max)
                // Among positions that break no rule, the one with the most room around it
                // (away from other edges and boxes), earlier positions winning near-ties.
                let score = room - Double(order) * 0.4
                if best == nil || faults < best!.faults || (faults == best!.faults && score > best!.room) {
                    best = (candidate, faults, score)
                }
                if faults == 0 && (room >= LabelPlacement.ample || order >= enough) { break }
            }
            guard let rect = best?.rect else { continue }
            placed[label.edge] = rect
            chips.insert(rect)
        }
        return placed
    }

    /// Chip positions to try, best first.
    func candidates(_ label: Label, few: Bool = false) -> [Rect] {
        var out: [Rect] = []
        let fractions = few ? [0.5, 0.34, 0.66, 0.2, 0.8] : [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88]
        let step = label.chip.height * 0.6
        for extra in few ? [0.0, 1.5] : [0.0, 1, 2, 3] {
            for side in [1.0, -1.0] {
                for fraction in fractions {
                    let (mid, normal) = Curves.point(at: fraction, of: label.flow)
                    // Far enough that the chip's box clears the flow whatever its angle; on the
                    // forward edge's side also past the forward edge.
                    let reach = abs(normal.x) * label.chip.width / 2 + abs(normal.y) * label.chip.height / 2
                    let push = reach + clearance * 0.7 + (side < 0 ? 2 * label.flowGap : 0) + extra * step
                    let center = Point(x: mid.x - side * normal.x * push, y: mid.y - side * normal.y * push)
                    out.append(Rect(center: center, size: label.chip))
                }
            }
        }
        return out
    }

    /// Beyond this many labels, the first position that breaks no rule is taken.
    static let manyLabels = 400

    /// Room (canvas points) beyond which more room around a chip no longer matters.
    static let ample = 48.0

    /// How much farther than the nearest line so far a segment's box must be to skip the
    /// segment (canvas points; rounding errors are below 1e-9 here).
    static let pruningMargin = 1e-6

    /// How many rules `rect` breaks, and how much room it leaves: how much farther the nearest
    /// other line is than its own, and how far the nearest box or chip is (each up to `ample`).
    func faults(_ rect: Rect, _ edge: Edge, nodes: SpatialGrid, chips: SpatialGrid,
                segments: SpatialGrid, owners: [(edge: Edge, a: Point, b: Point)], worst: Int = .max) -> (Int, Double) {
        var count = 0
        let grown = rect.insetBy(dx: -clearance, dy: -clearance)
        if rect.minX < allowed.minX || rect.maxX > allowed.maxX || rect.minY < allowed.minY || rect.maxY > allowed.maxY {
            count += 4
        }
        nodes.forEach(intersecting: grown) { _ in count += 2 }
        chips.forEach(intersecting: grown) { _ in count += 2 }
        // Already worse than the best so far: the costly line test cannot make it better.
        if count > worst { return (count, 0) }
        let near = rect.insetBy(dx: -LabelPlacement.ample, dy: -LabelPlacement.ample)
        var boxRoom = LabelPlacement.ample
        nodes.forEach(intersecting: near) { boxRoom = min(boxRoom, rect.distance(to: nodes.boxes[$0])) }
        chips.forEach(intersecting: near) { boxRoom = min(boxRoom, rect.distance(to: chips.boxes[$0])) }
        // Nearer its own edge than any other: the nearest segment within reach must be its own.
        // A segment cannot be nearer than its bounding box: segments whose box is already
        // farther than the nearest so far are skipped (most of them), with a margin far above
        // rounding so that the minimum found is exactly the one of testing every segment.
        let margin = LabelPlacement.pruningMargin
        var own = Double.infinity
        for line in lines[edge] ?? [] {
            for (a, b) in zip(line, line.dropFirst()) {
                let box = Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x), height: abs(a.y - b.y))
                if own.isFinite && rect.distance(to: box) > own + margin { continue }
                own = min(own, rect.distance(toSegment: a, b))
            }
        }
        var lineRoom = LabelPlacement.ample
        if own.isFinite {
            let reach = rect.insetBy(dx: -(own + LabelPlacement.ample), dy: -(own + LabelPlacement.ample))
            var other = Double.infinity
            segments.forEach(intersecting: reach) { index in
                guard owners[index].edge != edge,
                      !(other.isFinite && rect.distance(to: segments.boxes[index]) > other + margin) else { return }
                other = min(other, rect.distance(toSegment: owners[index].a, owners[index].b))
            }
            if other <= own { count += 1 }
            lineRoom = min(LabelPlacement.ample, other - own)
        }
        return (count, lineRoom + 0.5 * boxRoom)
    }
}
