import ChainframeScene
import CChainframe
import Synchronization

/// Lays out graphs with Graphviz's `dot` engine, in process (libgvc/libcgraph).
///
/// Graphviz keeps global state and is not thread-safe, so every call into it
/// happens while holding one process-wide lock. Messages Graphviz would print
/// are collected and returned as warnings, or thrown as `LayoutError.graphviz`.
public enum GraphvizLayout {
    /// Lays out `request`; returns the layout and any warnings Graphviz reported.
    public static func layout(_ request: LayoutRequest) throws -> (layout: GraphLayout, warnings: [String]) {
        let index = try validatedNodeIndex(request)
        // Edges that would cost dot too much are drawn as arcs instead (see LayoutBudget).
        let plan = LayoutBudget.plan(request, nodeIndex: index)
        let (layout, warnings) = try LayoutBudget.onLargeStack {
            try session.withLock { session in
                try session.run(plan.request, nodeIndex: index)
            }
        }
        return (LayoutBudget.complete(layout, plan: plan, original: request), warnings)
    }

    /// The longest distance Graphviz lays out between two neighbouring nodes, with a margin.
    static let maxLength = 60_000.0

    /// The one lock every call into Graphviz holds (layout and parsing; see GraphvizParse.swift).
    static let session = Mutex(GraphvizSession())

    /// Maps node ids to positions in `request.nodes`, rejecting malformed requests.
    private static func validatedNodeIndex(_ request: LayoutRequest) throws -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(request.nodes.count)
        for (i, node) in request.nodes.enumerated() {
            guard index.updateValue(i, forKey: node.id) == nil else {
                throw LayoutError.invalidRequest("duplicate node id \"\(node.id)\"")
            }
            guard node.width > 0, node.height > 0, node.width.isFinite, node.height.isFinite else {
                throw LayoutError.invalidRequest("node \"\(node.id)\" needs a positive finite size")
            }
        }
        // dot refuses an edge longer than 65 535 points ("Edge length … larger than maximum"):
        // say what is too large instead.
        let largest = request.nodes.map { max($0.width, $0.height) }.max() ?? 0
        if request.rankSeparation + largest > maxLength || request.nodeSeparation + largest > maxLength {
            throw LayoutError.tooLarge("boxes and gaps of \(Int(request.rankSeparation + largest)) points, more than "
                                       + "Graphviz's \(Int(maxLength)) (are the theme's font sizes or separations very large?)")
        }
        for edge in request.edges {
            for end in [edge.from, edge.to] where index[end] == nil {
                throw LayoutError.invalidRequest("edge \"\(edge.id)\" refers to unknown node \"\(end)\"")
            }
        }
        return index
    }
}

/// The Graphviz context, reused across layouts; only touched under the lock.
struct GraphvizSession: ~Copyable {
    private var context: OpaquePointer?

    /// The context, created on first use.
    mutating func sharedContext() throws -> OpaquePointer {
        if context == nil { context = cf_gv_context_new() }
        guard let context else { throw LayoutError.graphviz("cannot create a Graphviz context") }
        return context
    }

    mutating func run(_ request: LayoutRequest, nodeIndex: [String: Int]) throws
        -> (layout: GraphLayout, warnings: [String]) {
        let context = try sharedContext()
        cf_gv_messages_begin()
        guard let graph = cf_gv_graph_new("chainframe") else {
            throw LayoutError.graphviz(Self.collectedMessages().joined(separator: "\n"))
        }
        defer { cf_gv_graph_close(graph) }

        Self.configure(graph, for: request)
        var nodes: [OpaquePointer] = []
        nodes.reserveCapacity(request.nodes.count)
        for (i, node) in request.nodes.enumerated() {
            guard let handle = cf_gv_node_add(graph, "n\(i)") else {
                throw LayoutError.graphviz("cannot add node \"\(node.id)\"")
            }
            cf_gv_node_set(handle, "width", Self.inches(node.width))
            cf_gv_node_set(handle, "height", Self.inches(node.height))
            if node.shape != .box { Self.setShape(node.shape, of: handle) }
            nodes.append(handle)
        }
        for (g, group) in request.rankGroups.enumerated() where !group.nodes.isEmpty {
            guard let sub = cf_gv_subgraph(graph, "rank\(g)", group.constraint.rawValue) else {
                throw LayoutError.graphviz("cannot create a rank group")
            }
            for id in group.nodes {
                guard let position = nodeIndex[id] else {
                    throw LayoutError.invalidRequest("rank group refers to unknown node \"\(id)\"")
                }
                _ = cf_gv_subgraph_add(sub, nodes[position])
            }
        }
        var edges: [OpaquePointer] = []
        edges.reserveCapacity(request.edges.count)
        for (i, edge) in request.edges.enumerated() {
            let tail = nodes[nodeIndex[edge.from]!], head = nodes[nodeIndex[edge.to]!]
            guard let handle = cf_gv_edge_add(graph, tail, head, "e\(i)") else {
                throw LayoutError.graphviz("cannot add edge \"\(edge.id)\"")
            }
            edges.append(handle)
        }

        let status = cf_gv_layout(context, graph, "dot")
        if status != 0 {
            throw LayoutError.graphviz(Self.failureText(status: status))
        }
        defer { cf_gv_free_layout(context, graph) }
        if cf_gv_had_error() != 0 {
            throw LayoutError.graphviz(Self.failureText(status: status))
        }
        let layout = Self.extract(request, graph: graph, nodes: nodes, edges: edges)
        return (layout, Self.collectedMessages())
    }

    deinit {
        if let context { cf_gv_context_free(context) }
    }

    // MARK: Building the graph

    private static func configure(_ graph: OpaquePointer, for request: LayoutRequest) {
        cf_gv_graph_set(graph, "rankdir", request.rankDirection == .leftToRight ? "LR" : "TB")
        cf_gv_graph_set(graph, "splines", "spline")
        cf_gv_graph_set(graph, "nodesep", inches(request.nodeSeparation))
        cf_gv_graph_set(graph, "ranksep", inches(request.rankSeparation))
        cf_gv_graph_set(graph, "pad", "0")
        for key in request.graphAttributes.keys.sorted() {
            cf_gv_graph_set(graph, key, request.graphAttributes[key]!)
        }
        // Declaring defaults once is faster than a per-node lookup-and-declare.
        cf_gv_node_default(graph, "shape", "box")
        cf_gv_node_default(graph, "style", "")
        cf_gv_node_default(graph, "fixedsize", "true")
        cf_gv_node_default(graph, "label", "")
        cf_gv_node_default(graph, "margin", "0")
        cf_gv_node_default(graph, "width", "0.75")
        cf_gv_node_default(graph, "height", "0.5")
        cf_gv_edge_default(graph, "label", "")
    }

    private static func setShape(_ shape: LayoutNode.Shape, of node: OpaquePointer) {
        switch shape {
        case .box: break
        case .roundedBox: cf_gv_node_set(node, "style", "rounded")
        case .ellipse: cf_gv_node_set(node, "shape", "ellipse")
        case .circle: cf_gv_node_set(node, "shape", "circle")
        }
    }

    /// Graphviz sizes are in inches (72 points each).
    private static func inches(_ points: Double) -> String {
        String(points / 72)
    }

    // MARK: Reading the result

    private static func extract(_ request: LayoutRequest, graph: OpaquePointer,
                                nodes: [OpaquePointer], edges: [OpaquePointer]) -> GraphLayout {
        let box = cf_gv_graph_bounding_box(graph)
        // Graphviz's y axis points up; ours points down, with the origin at the top-left.
        func convert(_ p: cf_point) -> Point { Point(x: p.x - box.llx, y: box.ury - p.y) }

        var nodeBoxes: [String: Rect] = [:]
        nodeBoxes.reserveCapacity(nodes.count)
        for (node, handle) in zip(request.nodes, nodes) {
            let center = convert(cf_gv_node_center(handle))
            // A circle's diameter is Graphviz's choice (the larger side); other boxes are
            // reported exactly as requested (Graphviz rounds them to whole points internally).
            let size = node.shape == .circle
                ? Size(width: roundedToMillipoints(cf_gv_node_width(handle)),
                       height: roundedToMillipoints(cf_gv_node_height(handle)))
                : Size(width: node.width, height: node.height)
            nodeBoxes[node.id] = Rect(center: center, size: size)
        }
        var routes: [EdgeRoute] = []
        routes.reserveCapacity(edges.count)
        var buffer: [cf_point] = []
        for (edge, handle) in zip(request.edges, edges) {
            let count = cf_gv_edge_point_count(handle)
            buffer = Array(repeating: cf_point(), count: count)
            let copied = buffer.withUnsafeMutableBufferPointer { cf_gv_edge_points(handle, $0.baseAddress, count) }
            var tip = cf_point()
            let arrowTip = cf_gv_edge_end_arrow(handle, &tip) != 0 ? convert(tip) : nil
            routes.append(EdgeRoute(id: edge.id, from: edge.from, to: edge.to,
                                    points: buffer.prefix(copied).map(convert), arrowTip: arrowTip))
        }
        let bounds = Rect(x: 0, y: 0, width: box.urx - box.llx, height: box.ury - box.lly)
        return GraphLayout(boundingBox: bounds, nodes: nodeBoxes, edges: routes)
    }

    /// Removes float noise from inch↔point conversions (Graphviz keeps sizes in inches).
    private static func roundedToMillipoints(_ points: Double) -> Double {
        (points * 1000).rounded() / 1000
    }

    private static func collectedMessages() -> [String] {
        String(cString: cf_gv_messages())
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: " \t") }
            .filter { !$0.isEmpty }
    }

    private static func failureText(status: Int32) -> String {
        let messages = collectedMessages()
        return messages.isEmpty ? "dot layout returned \(status)" : messages.joined(separator: "\n")
    }
}

private extension StringProtocol {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
