/// The lecture as a list of steps: inputs, forward node by node, backward edge by edge
/// (the chain rule on every edge), and a summary. Pure data: drawing happens elsewhere.
public struct Storyboard: Sendable {
    /// How to write numbers and derivatives.
    public struct Options: Sendable {
        /// Which phases to include, in lecture order.
        public var phases: Set<Step.Phase> = Step.Phase.standard
        /// The input to nudge and by how much (the nudge phase needs one).
        public var nudge: (input: Int, h: Double)? = nil
        /// The step of the check phase's central differences.
        public var checkH: Double = NumericalCheck.defaultH
        /// Significant digits of numbers in captions and labels.
        public var precision: Int = 4
        /// Fixed decimals instead of significant digits (`--decimals`), or nil.
        public var decimals: Int? = nil
        public var notation: Notation = .partial
        public var phrases: Phrasebook = .english
        /// Display time of an ordinary step, in milliseconds.
        public var stepMilliseconds: Int = 1500
        /// One step per node, or one per rank (all nodes at the same depth at once), so a
        /// 500-node network gives tens of frames, not a thousand.
        public var granularity: Granularity = .node

        public init() {}

        /// Numbers as this storyboard writes them (precision or fixed decimals).
        public var values: ValueText { ValueText(precision: precision, decimals: decimals) }
    }

    /// How many nodes a forward or backward step covers.
    public enum Granularity: String, Sendable, CaseIterable {
        case node, rank
    }

    public let evaluation: Evaluation
    public let options: Options
    public let steps: [Step]

    /// Builds the steps for an evaluated graph.
    public init(_ evaluation: Evaluation, options: Options = Options()) {
        self.evaluation = evaluation
        self.options = options
        var builder = StoryboardBuilder(evaluation: evaluation, options: options)
        self.steps = builder.build()
    }

    /// The operation nodes whose gradient reaches the output, in reverse topological order:
    /// the order of the backward pass.
    public var backwardOrder: [Int] {
        StoryboardBuilder.backwardOrder(evaluation.graph)
    }
}

/// Walks the evaluation and writes the steps.
struct StoryboardBuilder {
    let evaluation: Evaluation
    let options: Options
    let text: StepText
    typealias Options = Storyboard.Options

    init(evaluation: Evaluation, options: Options) {
        self.evaluation = evaluation
        self.options = options
        self.text = StepText(evaluation: evaluation, options: options)
    }

    var graph: Graph { evaluation.graph }

    /// Nodes from which the output can be reached (the output included).
    static func reachesOutput(_ graph: Graph) -> [Bool] {
        var reaches = Array(repeating: false, count: graph.nodes.count)
        reaches[graph.output] = true
        for index in graph.nodes.indices.reversed() where reaches[index] {
            for input in graph.nodes[index].inputs { reaches[input] = true }
        }
        return reaches
    }

    static func backwardOrder(_ graph: Graph) -> [Int] {
        let reaches = reachesOutput(graph)
        return graph.nodes.indices.reversed().filter { reaches[$0] && graph.nodes[$0].operation != nil }
    }

    mutating func build() -> [Step] {
        var steps: [Step] = []
        let leaves = Set(graph.nodes.indices.filter { graph.nodes[$0].operation == nil })
        let computed = graph.nodes.indices.filter { graph.nodes[$0].operation != nil }
        let all = Set(graph.nodes.indices)
        let ms = options.stepMilliseconds

        if options.phases.contains(.inputs) {
            steps.append(Step(phase: .inputs, number: 1, phaseCount: 1,
                              caption: text.inputsCaption(), activeNodes: leaves, activeEdges: [],
                              knownValues: leaves, gradients: [:], sentBack: [], durationMilliseconds: ms))
        }

        if options.phases.contains(.forward) {
            var known = leaves
            let groups = grouped(computed)
            for (n, group) in groups.enumerated() {
                known.formUnion(group)
                let edges = Set(group.flatMap { index in graph.nodes[index].inputs.map { Edge(from: $0, to: index) } })
                let caption = group.count == 1
                    ? text.forwardCaption(group[0], number: n + 1, of: groups.count)
                    : text.groupCaption(.forward, lines: group.map(text.forwardEquation), number: n + 1, of: groups.count)
                steps.append(Step(phase: .forward, number: n + 1, phaseCount: groups.count,
                                  caption: caption, activeNodes: Set(group), activeEdges: edges, knownValues: known,
                                  gradients: [:], sentBack: [], durationMilliseconds: ms))
            }
        }

        if options.phases.contains(.backward) {
            steps += backwardSteps(knownValues: all)
        }

        if options.phases.contains(.nudge), let nudge = options.nudge {
            steps += nudgeSteps(input: nudge.input, h: nudge.h, knownValues: all)
        }

        if options.phases.contains(.check), let check = try? NumericalCheck(evaluation, h: options.checkH) {
            steps.append(checkStep(check, knownValues: all))
        }

        if options.phases.contains(.summary) {
            let gradients = allGradients
            let sent = Set(evaluation.flows.filter { $0.gradient != nil }.map(\.edge))
            steps.append(Step(phase: .summary, number: 1, phaseCount: 1, caption: text.summaryCaption(),
                              activeNodes: [], activeEdges: [], knownValues: all, gradients: gradients,
                              sentBack: sent, durationMilliseconds: ms * 2))
        }
        return steps
    }

    /// Every gradient, complete (as after the backward pass).
    private var allGradients: [Int: Step.GradientState] {
        var gradients: [Int: Step.GradientState] = [:]
        for index in graph.nodes.indices {
            if let g = evaluation.gradients[index] { gradients[index] = .complete(g) }
        }
        return gradients
    }

    /// The nudge of the lecture: `input` becomes x + h, then the change travels right one
    /// node at a time; the last step compares Δout/Δinput with the backward pass's gradient.
    private func nudgeSteps(input: Int, h: Double, knownValues: Set<Int>) -> [Step] {
        var nudged = evaluation.values[input]
        nudged.scalars = nudged.scalars.map { $0 + h }
        guard let after = try? Evaluation.forward(graph, overrides: [input: nudged]) else { return [] }
        // The nodes the change reaches, in topological order.
        var reached: Set<Int> = [input]
        var order = [input]
        for index in graph.nodes.indices where index != input {
            if graph.nodes[index].inputs.contains(where: reached.contains) {
                reached.insert(index)
                order.append(index)
            }
        }
        let count = order.count + 1
        var nudges: [Int: Step.Nudge] = [:]
        var steps: [Step] = []
        for (n, index) in order.enumerated() {
            nudges[index] = Step.Nudge(old: evaluation.values[index], new: after[index])
            let edges = Set(graph.nodes[index].inputs.filter(reached.contains).map { Edge(from: $0, to: index) })
            var step = Step(phase: .nudge, number: n + 1, phaseCount: count,
                            caption: text.nudgeCaption(index, old: evaluation.values[index], new: after[index],
                                                       h: h, number: n + 1, of: count),
                            activeNodes: [index], activeEdges: edges, knownValues: knownValues,
                            gradients: allGradients, sentBack: [], durationMilliseconds: options.stepMilliseconds)
            step.nudges = nudges
            steps.append(step)
        }
        var last = Step(phase: .nudge, number: count, phaseCount: count,
                        caption: text.nudgeRatioCaption(input: input, old: evaluation.values[graph.output],
                                                        new: after[graph.output], h: h, count: count),
                        activeNodes: [input, graph.output], activeEdges: [], knownValues: knownValues,
                        gradients: allGradients, sentBack: [], durationMilliseconds: options.stepMilliseconds * 2)
        last.nudges = nudges
        steps.append(last)
        return steps
    }

    /// One step comparing every input's analytic gradient with its central difference.
    private func checkStep(_ check: NumericalCheck, knownValues: Set<Int>) -> Step {
        var numeric: [Int: Tensor] = [:]
        for row in check.rows {
            var t = numeric[row.node] ?? Tensor(repeating: 0, shape: evaluation.values[row.node].shape)
            let flat = row.position.isEmpty ? 0 : row.position.count == 1 ? row.position[0]
                : row.position[0] * evaluation.values[row.node].shape[1] + row.position[1]
            t.scalars[flat] = row.numeric
            numeric[row.node] = t
        }
        let inputs = Set(numeric.keys)
        var step = Step(phase: .check, number: 1, phaseCount: 1, caption: text.checkCaption(check),
                        activeNodes: inputs, activeEdges: [], knownValues: knownValues, gradients: allGradients,
                        sentBack: Set(evaluation.flows.filter { $0.gradient != nil }.map(\.edge)),
                        durationMilliseconds: options.stepMilliseconds * 2)
        step.numericGradients = numeric
        return step
    }

    /// The seed, then one step per operation in reverse topological order. Each operation
    /// sends its gradient back along its incoming edges; a node read by several operations
    /// (a branch) shows a partial sum until the last contribution arrives.
    /// Nodes depth by depth (longest path from the leaves): the ranks of the layout.
    func depths() -> [Int] {
        var depth = Array(repeating: 0, count: graph.nodes.count)
        for (index, node) in graph.nodes.enumerated() {
            depth[index] = node.inputs.map { depth[$0] + 1 }.max() ?? 0
        }
        return depth
    }

    /// `nodes` (in order) as steps: one each, or grouped by depth keeping their order.
    func grouped(_ nodes: [Int]) -> [[Int]] {
        guard options.granularity == .rank else { return nodes.map { [$0] } }
        let depth = depths()
        var groups: [[Int]] = []
        var position: [Int: Int] = [:]
        for index in nodes {
            if let at = position[depth[index]] { groups[at].append(index) } else {
                position[depth[index]] = groups.count
                groups.append([index])
            }
        }
        return groups
    }

    private func backwardSteps(knownValues: Set<Int>) -> [Step] {
        let groups = grouped(StoryboardBuilder.backwardOrder(graph))
        let reaches = StoryboardBuilder.reachesOutput(graph)
        let count = groups.count + 1
        let output = graph.output
        var gradients: [Int: Step.GradientState] = [output: .complete(Tensor(1))]
        var steps = [Step(phase: .backward, number: 1, phaseCount: count, caption: text.seedCaption(count: count),
                          activeNodes: [output], activeEdges: [], knownValues: knownValues,
                          gradients: gradients, sentBack: [], durationMilliseconds: options.stepMilliseconds)]
        // How many contributions each node waits for: one per consumer that reaches the output.
        var expected: [Int: Int] = [:]
        for edge in graph.edges where reaches[edge.to] { expected[edge.from, default: 0] += 1 }
        var arrived: [Int: [Tensor]] = [:]
        var sent: Set<Edge> = []
        let flowsByEdge = Dictionary(evaluation.flows.map { ($0.edge, $0) }, uniquingKeysWith: { a, _ in a })

        for (n, group) in groups.enumerated() {
            var active = Set(group)
            var edges: Set<Edge> = []
            var details: [String] = []
            for index in group {
            for input in graph.nodes[index].inputs {
                let edge = Edge(from: input, to: index)
                guard let flow = flowsByEdge[edge], let contribution = flow.gradient else { continue }
                active.insert(input)
                edges.insert(edge)
                sent.insert(edge)
                arrived[input, default: []].append(contribution)
                let total = expected[input] ?? 1
                let parts = arrived[input]!
                if parts.count == total {
                    gradients[input] = .complete(evaluation.gradients[input]!)
                } else {
                    let sum = parts.dropFirst().reduce(parts[0]) { Broadcasting.combine($0, $1, +)! }
                    gradients[input] = .partial(sum, arrived: parts.count, of: total)
                }
                details.append(text.edgeLine(flow, parts: parts, expected: total))
            }
            }
            let caption = group.count == 1
                ? text.backwardCaption(group[0], number: n + 2, of: count, details: details)
                : text.groupCaption(.backward, lines: details, number: n + 2, of: count)
            steps.append(Step(phase: .backward, number: n + 2, phaseCount: count,
                              caption: caption,
                              activeNodes: active, activeEdges: edges, knownValues: knownValues,
                              gradients: gradients, sentBack: sent,
                              durationMilliseconds: options.stepMilliseconds + 500 * min(4, max(0, details.count - 1))))
        }
        return steps
    }
}
