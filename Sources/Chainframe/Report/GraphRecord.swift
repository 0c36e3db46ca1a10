/// The nodes and edges of an evaluated graph as the JSON documents write them: one model that
/// `chainframe eval --format json` and the `json` exporter both serialize, so the two cannot
/// disagree.
///
/// The exporter appends its geometry (`value_text`, `box`; `points`, `label`, …) after these
/// members; docs/json-format.md documents both.
public struct GraphRecord: Sendable {
    /// One node: what it is, what it computes, its value and gradient.
    public struct Node: Sendable {
        /// The stable id (`z.3` for an unnamed part).
        public var id: String
        /// The `label` directive's text, else the name; `""` for unnamed parts.
        public var label: String
        /// The name people read in frames, captions and tables.
        public var display: String
        /// `input`, `constant` or `operation`.
        public var kind: String
        /// What an operation computes in .cg syntax over ids; nil for leaves.
        public var operation: String?
        /// The operation's short symbol as drawn (`×`, `σ`, `MatMul`); nil for leaves.
        public var symbol: String?
        /// The ids of the operands, in order.
        public var inputs: [String]
        /// The forward value.
        public var value: Tensor
        /// ∂output/∂node; nil for constants.
        public var gradient: Tensor?

        /// The members in the documented order: `id`, `label`, `display`, `kind`, `op`,
        /// `symbol`, `inputs`, `shape`, `value`, `grad`.
        public var members: [(String, JSONValue)] {
            [
                ("id", .string(id)),
                ("label", .string(label)),
                ("display", .string(display)),
                ("kind", .string(kind)),
                ("op", operation.map(JSONValue.string) ?? .null),
                ("symbol", symbol.map(JSONValue.string) ?? .null),
                ("inputs", .array(inputs.map(JSONValue.string))),
                ("shape", .array(value.shape.map { .number(Double($0)) })),
                ("value", .tensor(value)),
                ("grad", gradient.map(JSONValue.tensor) ?? .null),
            ]
        }
    }

    /// One edge: operand → the node that reads it, with what flows back along it.
    public struct Edge: Sendable {
        /// The operand's id.
        public var from: String
        /// The id of the node that reads it.
        public var to: String
        /// ∂to/∂from when both are scalars; nil (written `null`) otherwise.
        public var local: Double?
        /// ∂output/∂to · ∂to/∂from, with the shape of `from`; nil when nothing flows back.
        public var gradient: Tensor?

        /// The members in the documented order: `from`, `to`, `local`, `grad`.
        public var members: [(String, JSONValue)] {
            [
                ("from", .string(from)),
                ("to", .string(to)),
                ("local", local.map(JSONValue.finite) ?? .null),
                ("grad", gradient.map(JSONValue.tensor) ?? .null),
            ]
        }
    }

    /// The id of the differentiated node.
    public var output: String
    /// Every node, in topological order.
    public var nodes: [Node]
    /// Every edge, in the order the evaluation computes its flows.
    public var edges: [Edge]

    /// The record of `evaluation`'s graph, values, gradients and flows.
    public init(_ evaluation: Evaluation) {
        let graph = evaluation.graph
        output = graph.nodes[graph.output].id
        nodes = graph.nodes.indices.map { index in
            let node = graph.nodes[index]
            return Node(
                id: node.id,
                label: node.label,
                display: graph.displayName(of: index),
                kind: node.kind.rawValue,
                operation: node.operation.map { OperationText.name(of: $0, node: node, in: graph) },
                symbol: node.operation.map { OperationText.symbol(of: $0) },
                inputs: node.inputs.map { graph.nodes[$0].id },
                value: evaluation.values[index],
                gradient: evaluation.gradients[index])
        }
        edges = evaluation.flows.map { flow in
            Edge(from: graph.nodes[flow.edge.from].id, to: graph.nodes[flow.edge.to].id,
                 local: flow.local, gradient: flow.gradient)
        }
    }
}
