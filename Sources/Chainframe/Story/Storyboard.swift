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
        public var granularity: Granularity = .auto

        public init() {}

        /// Numbers as this storyboard writes them (precision or fixed decimals).
        public var values: ValueText { ValueText(precision: precision, decimals: decimals) }
    }

    /// How many nodes a forward or backward step covers.
    public enum Granularity: String, Sendable, CaseIterable {
        /// `node` up to `autoNodesUpTo` nodes, `rank` beyond: a lecture-sized lesson either way.
        case auto
        case node, rank

        /// The largest graph `auto` shows one node at a time (micrograd's MLP(3, [4, 4, 1]) has 119).
        public static let autoNodesUpTo = 150
    }

    public let evaluation: Evaluation
    public let options: Options
    public let steps: [Step]

    /// Builds the steps for an evaluated graph.
    ///
    /// - Throws: a `Diagnostic` when the nudge or the numerical check cannot be computed (they
    ///   evaluate the graph again, within the limits it was built under).
    public init(_ evaluation: Evaluation, options: Options = Options()) throws {
        self.evaluation = evaluation
        self.options = options
        var builder = StoryboardBuilder(evaluation: evaluation, options: options)
        self.steps = try builder.build()
    }

    /// The same lesson told in `steps` (a long caption continued on further frames).
    public func replacingSteps(_ steps: [Step]) -> Storyboard {
        Storyboard(evaluation: evaluation, options: options, steps: steps)
    }

    private init(evaluation: Evaluation, options: Options, steps: [Step]) {
        self.evaluation = evaluation
        self.options = options
        self.steps = steps
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

    /// The current state as the steps are written, recorded as changes.
    private var recorder = StepStatesRecorder()
    private var steps: [Step] = []

    /// Adds `step`; the state changes recorded since the last step belong to it.
    private mutating func add(_ step: Step) {
        steps.append(step)
        recorder.step = steps.count
    }

    mutating func build() throws -> [Step] {
        let leaves = Set(graph.nodes.indices.filter { graph.nodes[$0].operation == nil })
        let computed = graph.nodes.indices.filter { graph.nodes[$0].operation != nil }
        let all = Set(graph.nodes.indices)
        let ms = options.stepMilliseconds

        if options.phases.contains(.inputs) {
            recorder.reset(known: leaves)
            add(Step(phase: .inputs, number: 1, phaseCount: 1, caption: text.inputsCaption(), activeNodes: leaves,
                     activeEdges: [], durationMilliseconds: ms))
        }

        if options.phases.contains(.forward) {
            recorder.reset(known: leaves)
            let groups = grouped(computed)
            for (n, group) in groups.enumerated() {
                recorder.addKnown(group)
                let edges = Set(group.flatMap { index in graph.nodes[index].inputs.map { Edge(from: $0, to: index) } })
                let caption = group.count == 1
                    ? text.forwardCaption(group[0], number: n + 1, of: groups.count)
                    : text.groupCaption(.forward, lines: group.map(text.forwardEquation), number: n + 1, of: groups.count)
                add(Step(phase: .forward, number: n + 1, phaseCount: groups.count, caption: caption,
                         activeNodes: Set(group), activeEdges: edges, durationMilliseconds: ms))
            }
        }

        if options.phases.contains(.backward) {
            addBackwardSteps(knownValues: all)
        }

        if options.phases.contains(.nudge), let nudge = options.nudge {
            try addNudgeSteps(input: nudge.input, h: nudge.h, knownValues: all)
        }

        if options.phases.contains(.check) {
            addCheckStep(try NumericalCheck(evaluation, h: options.checkH), knownValues: all)
        }

        if options.phases.contains(.summary) {
            recorder.reset(known: all, gradients: allGradients, sentBack: allSentBack)
            add(Step(phase: .summary, number: 1, phaseCount: 1, caption: text.summaryCaption(),
                     activeNodes: [], activeEdges: [], durationMilliseconds: ms * 2))
        }
        // Every step reads the finished history (shared, not copied) at its own index.
        let states = recorder.states
        return steps.enumerated().map { index, step in
            var step = step
            step.states = states
            step.index = index
            return step
        }
    }

    /// Every edge along which a gradient flows (as after the backward pass).
    private var allSentBack: Set<Edge> {
        Set(evaluation.flows.filter { $0.gradient != nil }.map(\.edge))
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
    private mutating func addNudgeSteps(input: Int, h: Double, knownValues: Set<Int>) throws {
        var nudged = evaluation.values[input]
        nudged.scalars = nudged.scalars.map { $0 + h }
        let after = try Evaluation.forward(graph, overrides: [input: nudged])
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
        recorder.reset(known: knownValues, gradients: allGradients)
        for (n, index) in order.enumerated() {
            recorder.setNudge(index, Step.Nudge(old: evaluation.values[index], new: after[index]))
            let edges = Set(graph.nodes[index].inputs.filter(reached.contains).map { Edge(from: $0, to: index) })
            add(Step(phase: .nudge, number: n + 1, phaseCount: count,
                     caption: text.nudgeCaption(index, old: evaluation.values[index], new: after[index],
                                                h: h, number: n + 1, of: count),
                     activeNodes: [index], activeEdges: edges, durationMilliseconds: options.stepMilliseconds))
        }
        add(Step(phase: .nudge, number: count, phaseCount: count,
                 caption: text.nudgeRatioCaption(input: input, old: evaluation.values[graph.output],
                                                 new: after[graph.output], h: h, count: count),
                 activeNodes: [input, graph.output], activeEdges: [], durationMilliseconds: options.stepMilliseconds * 2))
    }

    /// One step comparing every input's analytic gradient with its central difference.
    private mutating func addCheckStep(_ check: NumericalCheck, knownValues: Set<Int>) {
        var numeric: [Int: Tensor] = [:]
        for row in check.rows {
            var t = numeric[row.node] ?? Tensor(repeating: 0, shape: evaluation.values[row.node].shape)
            let flat = row.position.isEmpty ? 0 : row.position.count == 1 ? row.position[0]
                : row.position[0] * evaluation.values[row.node].shape[1] + row.position[1]
            t.scalars[flat] = row.numeric
            numeric[row.node] = t
        }
        recorder.reset(known: knownValues, gradients: allGradients, sentBack: allSentBack, numericGradients: numeric)
        add(Step(phase: .check, number: 1, phaseCount: 1, caption: text.checkCaption(check),
                 activeNodes: Set(numeric.keys), activeEdges: [], durationMilliseconds: options.stepMilliseconds * 2))
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
        let byRank = options.granularity == .rank
            || (options.granularity == .auto && graph.nodes.count > Storyboard.Granularity.autoNodesUpTo)
        guard byRank else { return nodes.map { [$0] } }
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

    private mutating func addBackwardSteps(knownValues: Set<Int>) {
        let groups = grouped(StoryboardBuilder.backwardOrder(graph))
        let reaches = StoryboardBuilder.reachesOutput(graph)
        let count = groups.count + 1
        let output = graph.output
        recorder.reset(known: knownValues, gradients: [output: .complete(Tensor(1))])
        add(Step(phase: .backward, number: 1, phaseCount: count, caption: text.seedCaption(count: count),
                 activeNodes: [output], activeEdges: [], durationMilliseconds: options.stepMilliseconds))
        // How many contributions each node waits for: one per consumer that reaches the output.
        var expected: [Int: Int] = [:]
        for edge in graph.edges where reaches[edge.to] { expected[edge.from, default: 0] += 1 }
        var arrived: [Int: [Tensor]] = [:]
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
                recorder.addSentBack(edge)
                arrived[input, default: []].append(contribution)
                let total = expected[input] ?? 1
                let parts = arrived[input]!
                if parts.count == total {
                    recorder.setGradient(input, .complete(evaluation.gradients[input]!))
                } else {
                    let sum = parts.dropFirst().reduce(parts[0]) { Broadcasting.combine($0, $1, +)! }
                    recorder.setGradient(input, .partial(sum, arrived: parts.count, of: total))
                }
                details.append(text.edgeLine(flow, parts: parts, expected: total))
            }
            }
            let caption = group.count == 1
                ? text.backwardCaption(group[0], number: n + 2, of: count, details: details)
                : text.groupCaption(.backward, lines: details, number: n + 2, of: count)
            add(Step(phase: .backward, number: n + 2, phaseCount: count, caption: caption,
                     activeNodes: active, activeEdges: edges,
                     durationMilliseconds: options.stepMilliseconds + 500 * min(4, max(0, details.count - 1))))
        }
    }
}
