/// A computation graph: nodes in topological (definition) order, each operation pointing at
/// the nodes it reads.
public struct Graph: Sendable {
    /// The file the graph came from, kept for diagnostics.
    public let source: SourceFile
    /// Every node, each after all of its inputs.
    public internal(set) var nodes: [Node]
    /// The index of the output node (a scalar, checked by evaluation).
    public internal(set) var output: Int
    /// Where the output was chosen (`output J`) or defined, for messages about it.
    public internal(set) var outputLocation: SourceLocation
    /// The `title` of the file, if any.
    public internal(set) var title: String?
    /// The limits the graph was built under; every evaluation of it keeps to them.
    public internal(set) var limits: Limits = .standard
    /// How people see each node (see `displayName(of:)`), computed once when the graph is built.
    var names = NodeNames()

    /// The index of the node named `id`.
    public func index(of id: String) -> Int? { indexByID[id] }
    var indexByID: [String: Int] = [:]

    /// Every edge, grouped by consumer in node order; within a node, in the order of its inputs.
    public var edges: [Edge] {
        nodes.indices.flatMap { to in nodes[to].inputs.map { Edge(from: $0, to: to) } }
    }

    /// Makes node `index` the output (for `--output NAME`).
    public mutating func choose(output index: Int) {
        output = index
        outputLocation = nodes[index].nameLocation ?? nodes[index].location
    }

    init(source: SourceFile, limits: Limits = .standard) {
        self.source = source
        self.limits = limits
        self.nodes = []
        self.output = 0
        self.outputLocation = SourceLocation(line: 1, column: 1)
    }
}

/// One node of the graph.
public struct Node: Sendable, Identifiable {
    /// What a node is.
    public enum Kind: String, Sendable, Codable {
        /// A leaf given by the user: it gets a gradient.
        case input
        /// A fixed value: it takes no gradient.
        case constant
        /// A computed node.
        case operation
    }

    /// The name in the file, or `J.1`, `J.2`, … for the unnamed parts of the expression that
    /// defines `J`, numbered in evaluation order (innermost first, left to right).
    public var id: String
    /// The text drawings show for the node: the `label` given in the file, or the id.
    public var label: String
    /// True when the user named the node (false for `J.1` and the like).
    public var isNamed: Bool
    public var kind: Kind
    /// The operation of an `.operation` node.
    public var operation: Operation?
    /// The distinct nodes this node reads, in order of first use.
    public var inputs: [Int]
    /// The value of an input or constant.
    public var literal: Tensor?
    /// Where the node's operation is written (its operator or function name), or for a leaf
    /// its name: shape errors point here.
    public var location: SourceLocation
    /// Where the user wrote the node's name (`u` in `u = b * c`); nil for unnamed parts.
    public var nameLocation: SourceLocation? = nil
}

/// What an operation node computes from its arguments.
public struct Operation: Sendable {
    /// One argument: another node (by position in the node's `inputs`) or a constant folded
    /// into the operation (`J = 3 * v` has the argument 3 and the input v).
    public enum Argument: Sendable, Equatable {
        case input(Int)
        case constant(Tensor)
    }

    public var function: Function
    public var arguments: [Argument]
}

/// An edge from a node to a node that reads it.
public struct Edge: Sendable, Hashable {
    public var from: Int
    public var to: Int

    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }
}
