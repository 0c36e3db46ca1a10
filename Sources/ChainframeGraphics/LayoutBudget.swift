import ChainframeScene
import Foundation

/// Keeps `dot` within a budget of work, and off the caller's stack.
///
/// `dot` draws an edge that spans k ranks through k − 1 virtual nodes, and its network simplex
/// and crossing minimisation recurse over them. A chain in which every step also reads one
/// shared input (`x1 = a * a`, `xᵢ = xᵢ₋₁ * a`, or a long `a * a * … * a`) has edges spanning
/// 1, 2, …, n ranks: n²/2 virtual nodes. At 300 steps that is 45 000 virtual nodes and 39 s of
/// layout; at 500 the recursion (174 000 frames deep) overflowed the stack.
///
/// So before Graphviz sees a request, ranks are estimated (longest path, then every node pulled
/// as close to its consumers as its inputs allow, as network simplex would) and the edges that
/// span the most ranks are taken out, longest first, until the virtual nodes fit the budget.
/// Graphviz lays out the rest; each edge taken out is drawn as an arc beside the graph (above
/// it left to right, left of it top to bottom) from its tail to its head. Graphviz itself runs
/// on a thread with a large stack, as a second line of defence.
enum LayoutBudget {
    /// The most virtual nodes handed to `dot` (about a second of layout on the build machine).
    static let maxVirtualNodes = 4_000
    /// Edges spanning at most this many ranks always stay with Graphviz.
    static let shortSpan = 3
    /// The stack Graphviz runs on (reserved address space; pages are used only when touched).
    static let stackBytes = 1 << 30

    /// A request split into what Graphviz lays out and the edges drawn as arcs.
    struct Plan {
        var request: LayoutRequest
        /// Indices (into the original request's edges) of the edges taken out, in order.
        var arcs: [Int]
    }

    /// The request with its longest edges taken out while the virtual nodes exceed the budget.
    static func plan(_ request: LayoutRequest, nodeIndex: [String: Int]) -> Plan {
        let ranks = estimatedRanks(request, nodeIndex: nodeIndex)
        let spans = request.edges.map { edge in
            max(0, ranks[nodeIndex[edge.to]!] - ranks[nodeIndex[edge.from]!])
        }
        var virtual = spans.reduce(0) { $0 + max(0, $1 - 1) }
        guard virtual > maxVirtualNodes else { return Plan(request: request, arcs: []) }
        var taken = Set<Int>()
        for index in spans.indices.sorted(by: { spans[$0] > spans[$1] || (spans[$0] == spans[$1] && $0 < $1) }) {
            guard virtual > maxVirtualNodes, spans[index] > shortSpan else { break }
            taken.insert(index)
            virtual -= spans[index] - 1
        }
        var kept = request
        kept.edges = request.edges.indices.filter { !taken.contains($0) }.map { request.edges[$0] }
        return Plan(request: kept, arcs: taken.sorted())
    }

    /// Each node's rank as `dot` would roughly choose it: longest path from the sources (nodes
    /// in a `.min` rank group at 0), then each node moved as close to its consumers as allowed.
    static func estimatedRanks(_ request: LayoutRequest, nodeIndex: [String: Int]) -> [Int] {
        let count = request.nodes.count
        var successors = [[Int]](repeating: [], count: count)
        var indegree = [Int](repeating: 0, count: count)
        for edge in request.edges {
            let from = nodeIndex[edge.from]!, to = nodeIndex[edge.to]!
            guard from != to else { continue }
            successors[from].append(to)
            indegree[to] += 1
        }
        var pinned = [Bool](repeating: false, count: count)
        for group in request.rankGroups where group.constraint == .min {
            for id in group.nodes { if let i = nodeIndex[id] { pinned[i] = true } }
        }
        // Kahn's order; nodes on a cycle (not in a computation graph) keep rank 0.
        var order: [Int] = []
        order.reserveCapacity(count)
        var remaining = indegree
        var ready = (0..<count).filter { remaining[$0] == 0 }
        while let next = ready.popLast() {
            order.append(next)
            for s in successors[next] {
                remaining[s] -= 1
                if remaining[s] == 0 { ready.append(s) }
            }
        }
        var rank = [Int](repeating: 0, count: count)
        for node in order {
            for s in successors[node] { rank[s] = max(rank[s], rank[node] + 1) }
        }
        for node in order.reversed() where !pinned[node] {
            if let nearest = successors[node].map({ rank[$0] }).min(), nearest - 1 > rank[node] {
                rank[node] = nearest - 1
            }
        }
        return rank
    }

    /// `layout` of `plan.request` completed with an arc for every edge taken out, shifted so
    /// that the bounding box still starts at (0, 0).
    static func complete(_ layout: GraphLayout, plan: Plan, original: LayoutRequest) -> GraphLayout {
        guard !plan.arcs.isEmpty else { return layout }
        let leftToRight = original.rankDirection == .leftToRight
        var arcs: [Int: EdgeRoute] = [:]
        var reach = 0.0  // how far the arcs go beyond the graph (above, or to the left)
        for index in plan.arcs {
            let edge = original.edges[index]
            guard let tail = layout.nodes[edge.from], let head = layout.nodes[edge.to] else { continue }
            let route = arc(edge, from: tail, to: head, leftToRight: leftToRight, separation: original.nodeSeparation)
            arcs[index] = route
            for point in sampled(route.points) {
                reach = max(reach, -(leftToRight ? point.y : point.x))
            }
        }
        let margin = reach > 0 ? reach + 4 : 0
        let dx = leftToRight ? 0 : margin, dy = leftToRight ? margin : 0
        func shift(_ p: Point) -> Point { Point(x: p.x + dx, y: p.y + dy) }
        func shifted(_ route: EdgeRoute) -> EdgeRoute {
            EdgeRoute(id: route.id, from: route.from, to: route.to, points: route.points.map(shift),
                      arrowTip: route.arrowTip.map(shift))
        }
        var routes: [EdgeRoute] = []
        routes.reserveCapacity(original.edges.count)
        var laidOut = layout.edges.makeIterator()
        for index in original.edges.indices {
            if let route = arcs[index] {
                routes.append(shifted(route))
            } else if let route = laidOut.next() {
                routes.append(shifted(route))
            }
        }
        let box = layout.boundingBox
        return GraphLayout(boundingBox: Rect(x: 0, y: 0, width: box.width + dx, height: box.height + dy),
                           nodes: layout.nodes.mapValues { $0.offsetBy(dx: dx, dy: dy) }, edges: routes)
    }

    /// An arc from the top of `tail` to the top of `head` (left sides top to bottom), rising
    /// beyond the graph's edge by an amount that grows with the distance, so that nested arcs
    /// stay apart; the arrow tip touches `head`.
    static func arc(_ edge: LayoutEdge, from tail: Rect, to head: Rect, leftToRight: Bool,
                    separation: Double) -> EdgeRoute {
        let arrowLength = 10.0
        // Work in (along, across) coordinates: along the ranks, and across them towards negative.
        func point(along: Double, across: Double) -> Point {
            leftToRight ? Point(x: along, y: across) : Point(x: across, y: along)
        }
        let startAlong = leftToRight ? tail.midX : tail.midY
        let startAcross = leftToRight ? tail.minY : tail.minX
        let endAlong = leftToRight ? head.midX : head.midY
        let endAcross = (leftToRight ? head.minY : head.minX) - arrowLength
        let distance = abs(endAlong - startAlong)
        let lift = min(24 + 0.12 * distance, 600) + separation
        // The curve's middle lies at (start + end) / 8 + 3/4 · control: keep it beyond the graph.
        let control = min(-lift, (-lift - (startAcross + endAcross) / 8) / 0.75)
        let points = [
            point(along: startAlong, across: startAcross),
            point(along: startAlong + (endAlong - startAlong) * 0.1, across: control),
            point(along: endAlong - (endAlong - startAlong) * 0.1, across: control),
            point(along: endAlong, across: endAcross),
        ]
        return EdgeRoute(id: edge.id, from: edge.from, to: edge.to, points: points,
                         arrowTip: point(along: endAlong, across: endAcross + arrowLength))
    }

    /// Points along a Bézier chain (for its extent).
    static func sampled(_ points: [Point]) -> [Point] {
        guard points.count >= 4 else { return points }
        var out: [Point] = []
        var i = 0
        while i + 3 < points.count {
            let (p0, p1, p2, p3) = (points[i], points[i + 1], points[i + 2], points[i + 3])
            for step in 0...16 {
                let t = Double(step) / 16, u = 1 - t
                let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                out.append(Point(x: a * p0.x + b * p1.x + c * p2.x + d * p3.x,
                                 y: a * p0.y + b * p1.y + c * p2.y + d * p3.y))
            }
            i += 3
        }
        return out
    }

    /// Runs `body` on a thread with a `stackBytes` stack and waits for it.
    static func onLargeStack<T>(_ body: () throws -> T) throws -> T {
        try withoutActuallyEscaping(body) { body in
            let box = ResultBox<T>(body)
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                box.run()
                done.signal()
            }
            thread.stackSize = stackBytes
            thread.start()
            done.wait()
            return try box.result!.get()
        }
    }

    /// Carries a closure to the layout thread and its result back (the caller waits meanwhile).
    private final class ResultBox<T>: @unchecked Sendable {
        private var body: (() throws -> T)?
        var result: Result<T, Error>?

        init(_ body: @escaping () throws -> T) { self.body = body }

        /// Runs the closure once and lets go of it (it must not outlive the caller's call).
        func run() {
            result = Result { try body!() }
            body = nil
        }
    }
}
