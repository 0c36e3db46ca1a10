/// A graph with every value computed forward and every gradient computed backward.
public struct Evaluation: Sendable {
    public let graph: Graph
    /// Each node's value, by node index.
    public let values: [Tensor]
    /// Each node's gradient ∂output/∂node, by node index; nil for constants, which take none.
    public let gradients: [Tensor?]
    /// What each edge carries in the backward pass, in the order of `graph.edges`.
    public let flows: [Flow]

    /// What flows back along one edge.
    public struct Flow: Sendable {
        public let edge: Edge
        /// ∂to/∂from, for an edge between two scalars.
        public let local: Double?
        /// The contribution ∂out/∂to · ∂to/∂from that reaches `from` along this edge (shape of
        /// `from`); nil when `from` is a constant.
        public let gradient: Tensor?
    }

    /// The output's value.
    public var outputValue: Double { values[graph.output].scalar }

    /// Evaluates `graph` forward, then differentiates its output backward.
    ///
    /// - Parameters:
    ///   - graph: the graph, evaluated within the limits it was built under.
    ///   - overrides: replacement values for some inputs, by node index (used by the
    ///     numerical check and nudges); each must have the input's shape.
    /// - Throws: a `Diagnostic` for a shape mismatch or a non-scalar output.
    public init(_ graph: Graph, overrides: [Int: Tensor] = [:]) throws {
        self.graph = graph
        let values = try Evaluation.forward(graph, overrides: overrides)
        let output = values[graph.output]
        guard output.isScalar else {
            let node = graph.nodes[graph.output]
            throw graph.source.error(
                "the output '\(node.id)' must be a scalar, but its shape is \(Tensor.describe(shape: output.shape)); reduce it with sum(…) or mean(…)",
                at: graph.outputLocation)
        }
        self.values = values
        (self.gradients, self.flows) = Evaluation.backward(graph, values: values)
    }

    /// Computes every node's value in topological order.
    public static func forward(_ graph: Graph, overrides: [Int: Tensor] = [:]) throws -> [Tensor] {
        var values: [Tensor] = []
        values.reserveCapacity(graph.nodes.count)
        var total = 0
        for (index, node) in graph.nodes.enumerated() {
            if let override = overrides[index] {
                values.append(override)
            } else if let literal = node.literal {
                values.append(literal)
            } else if let operation = node.operation {
                do {
                    values.append(try operation.function.forward(arguments(operation, node, values), limits: graph.limits))
                } catch {
                    throw graph.source.error(error.text(operator: Evaluation.operatorSymbol(operation.function)),
                                             at: node.location)
                }
            }
            total += values[values.count - 1].count
            if total > graph.limits.maxTotalElements {
                throw graph.source.error("the graph's values hold more than \(graph.limits.maxTotalElements) elements in all "
                                         + "by this node (raise the limit with --max-total-elements)", at: node.location)
            }
        }
        return values
    }

    /// How shape errors name the operation: `'+'`, `'exp'`, as .cg files spell it; nil for `@`
    /// and composites, whose messages already say what they are.
    private static func operatorSymbol(_ function: Function) -> String? {
        guard case .primitive(let p) = function, p != .matmul else { return nil }
        switch p.rule.spelling {
        case .infix(let symbol, _), .prefix(let symbol), .call(let symbol): return "'\(symbol)'"
        }
    }

    static func arguments(_ operation: Operation, _ node: Node, _ values: [Tensor]) -> [Tensor] {
        operation.arguments.map {
            switch $0 {
            case .input(let position): return values[node.inputs[position]]
            case .constant(let tensor): return tensor
            }
        }
    }

    /// Reverse mode: seeds the output with 1 and walks the nodes in reverse topological
    /// order, each operation sending its gradient back along its edges; a node read by
    /// several others (a branch) sums what arrives.
    static func backward(_ graph: Graph, values: [Tensor]) -> ([Tensor?], [Flow]) {
        var gradients: [Tensor?] = graph.nodes.indices.map {
            graph.nodes[$0].kind == .constant ? nil : Tensor(repeating: 0, shape: values[$0].shape)
        }
        // A constant takes no gradient, even as the output (`--output k`).
        if graph.nodes[graph.output].kind != .constant { gradients[graph.output] = Tensor(1) }
        var flowsByNode: [[Flow]] = Array(repeating: [], count: graph.nodes.count)
        for index in graph.nodes.indices.reversed() {
            let node = graph.nodes[index]
            guard let operation = node.operation else { continue }
            let x = arguments(operation, node, values)
            let g = gradients[index] ?? Tensor(repeating: 0, shape: values[index].shape)
            let parts = operation.function.backward(x, values[index], g, limits: graph.limits)
            let scalarEdges = values[index].isScalar
            let locals = scalarEdges ? operation.function.backward(x, values[index], Tensor(1), limits: graph.limits) : []
            var flows: [Flow] = []
            for (position, from) in node.inputs.enumerated() {
                // An input used twice by the same node (u = b * b) gets one edge carrying the total.
                let slots = operation.arguments.indices.filter { operation.arguments[$0] == .input(position) }
                var local: Double?
                var contribution = slots.map { parts[$0] }.reduce(nil as Tensor?) { sum, part in
                    sum.map { Broadcasting.combine($0, part, +)! } ?? part
                }!
                if scalarEdges && values[from].isScalar {
                    let l = slots.map { locals[$0].scalar }.reduce(0, +)
                    local = l
                    contribution = Tensor(g.scalar * l)
                }
                let isConstant = graph.nodes[from].kind == .constant
                flows.append(Flow(edge: Edge(from: from, to: index), local: isConstant ? nil : local,
                                  gradient: isConstant ? nil : contribution))
                if !isConstant, let sum = gradients[from] {
                    gradients[from] = Broadcasting.combine(sum, contribution, +)!
                }
            }
            flowsByNode[index] = flows
        }
        return (gradients, flowsByNode.flatMap { $0 })
    }

    /// The nodes whose value or gradient is NaN or infinite, in node order.
    public var nonFiniteNodes: [Int] {
        graph.nodes.indices.filter { !values[$0].isFinite || !(gradients[$0]?.isFinite ?? true) }
    }
}
