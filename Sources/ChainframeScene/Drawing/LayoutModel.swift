/// Plain data describing a graph to lay out and the resulting layout.

/// A node to place: its size is used exactly (Graphviz `fixedsize`).
public struct LayoutNode: Sendable, Hashable, Codable {
    /// The outline Graphviz routes edges against. A `circle`'s diameter is the larger
    /// of `width` and `height` (its reported box is that square); other shapes use both.
    public enum Shape: String, Sendable, Hashable, Codable {
        case box, roundedBox, ellipse, circle
    }

    /// Caller's identifier; any Unicode is allowed.
    public var id: String
    /// Width in points.
    public var width: Double
    /// Height in points.
    public var height: Double
    public var shape: Shape

    public init(id: String, width: Double, height: Double, shape: Shape = .box) {
        self.id = id
        self.width = width
        self.height = height
        self.shape = shape
    }
}

/// A directed edge between two nodes, identified by the caller's ids.
public struct LayoutEdge: Sendable, Hashable, Codable {
    public var id: String
    public var from: String
    public var to: String

    public init(id: String, from: String, to: String) {
        self.id = id
        self.from = from
        self.to = to
    }
}

/// The direction in which ranks (layers) of the graph progress.
public enum RankDirection: String, Sendable, Hashable, Codable {
    case leftToRight, topToBottom
}

/// Everything the layout engine needs: nodes, edges and spacing.
public struct LayoutRequest: Sendable, Hashable, Codable {
    public var nodes: [LayoutNode]
    public var edges: [LayoutEdge]
    public var rankDirection: RankDirection
    /// Minimum gap between nodes in the same rank, in points.
    public var nodeSeparation: Double
    /// Minimum gap between ranks, in points.
    public var rankSeparation: Double
    /// Extra Graphviz graph attributes (e.g. `"ordering": "out"`), applied last.
    public var graphAttributes: [String: String]
    /// Groups of node ids that share a rank: `.min` puts a group in the first rank
    /// (the inputs of a computation graph), `.same` keeps a group in one rank.
    public var rankGroups: [RankGroup] = []

    /// Node ids constrained to one rank.
    public struct RankGroup: Sendable, Hashable, Codable {
        public enum Constraint: String, Sendable, Hashable, Codable { case same, min, max }
        public var constraint: Constraint
        public var nodes: [String]

        public init(_ constraint: Constraint, _ nodes: [String]) {
            self.constraint = constraint
            self.nodes = nodes
        }
    }

    public init(nodes: [LayoutNode], edges: [LayoutEdge],
                rankDirection: RankDirection = .leftToRight,
                nodeSeparation: Double = 18, rankSeparation: Double = 36,
                graphAttributes: [String: String] = [:]) {
        self.nodes = nodes
        self.edges = edges
        self.rankDirection = rankDirection
        self.nodeSeparation = nodeSeparation
        self.rankSeparation = rankSeparation
        self.graphAttributes = graphAttributes
    }
}

/// The route of one edge as a cubic Bézier chain.
public struct EdgeRoute: Sendable, Hashable, Codable {
    public var id: String
    public var from: String
    public var to: String
    /// Control points: the start point, then triples (control, control, end) per segment,
    /// so `points.count == 1 + 3k`. The last point is where the arrowhead's base sits.
    public var points: [Point]
    /// Where the arrowhead's tip touches the head node, if the route leaves room for one.
    public var arrowTip: Point?

    public init(id: String, from: String, to: String, points: [Point], arrowTip: Point?) {
        self.id = id
        self.from = from
        self.to = to
        self.points = points
        self.arrowTip = arrowTip
    }
}

/// Positions of every node and route of every edge, in points with y pointing down.
public struct GraphLayout: Sendable, Codable, Equatable {
    /// The extent of the drawing; its origin is (0, 0).
    public var boundingBox: Rect
    /// Each node's box, keyed by node id.
    public var nodes: [String: Rect]
    /// Edge routes in request order.
    public var edges: [EdgeRoute]

    public init(boundingBox: Rect, nodes: [String: Rect], edges: [EdgeRoute]) {
        self.boundingBox = boundingBox
        self.nodes = nodes
        self.edges = edges
    }
}

/// Why a layout could not be produced.
public enum LayoutError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request is inconsistent (duplicate ids, unknown endpoints, bad sizes).
    case invalidRequest(String)
    /// Graphviz failed; the associated text is what it reported.
    case graphviz(String)
    /// Graphviz cannot represent the drawing (its coordinates stop at 65 535 points).
    case tooLarge(String)

    public var description: String {
        switch self {
        case .tooLarge(let message): "the graph is too large to lay out: \(message)"
        case .invalidRequest(let message): "invalid layout request: \(message)"
        case .graphviz(let message): "Graphviz layout failed: \(message)"
        }
    }
}
