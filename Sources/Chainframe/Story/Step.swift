/// One frame of the lecture: what is highlighted, what is known so far, and what it says.
public struct Step: Sendable {
    /// The parts of the lecture, in order.
    public enum Phase: String, Sendable, CaseIterable, Codable {
        /// The graph with its inputs' values.
        case inputs
        /// One step per computed node, left to right.
        case forward
        /// The seed, then one step per operation, right to left.
        case backward
        /// One input nudged by a small h; the change travels right (opt-in: `--nudge`).
        case nudge
        /// The analytic gradients next to central differences (opt-in: `--steps check`).
        case check
        /// Every value and every gradient.
        case summary

        /// The phases shown when none are chosen: nudge and check are opt-in.
        public static let standard: Set<Phase> = [.inputs, .forward, .backward, .summary]
    }

    /// A node's value before and after a nudge.
    public struct Nudge: Sendable, Equatable {
        public var old: Tensor
        public var new: Tensor
    }

    /// What is known of a node's gradient at this step.
    public enum GradientState: Sendable, Equatable {
        /// Some of the contributions have arrived (a branch node still waiting for others).
        case partial(Tensor, arrived: Int, of: Int)
        /// Everything has arrived: this is ∂output/∂node.
        case complete(Tensor)

        /// The gradient so far.
        public var tensor: Tensor {
            switch self {
            case .partial(let t, _, _), .complete(let t): return t
            }
        }

        public var isComplete: Bool {
            if case .complete = self { true } else { false }
        }
    }

    /// The step's text.
    public struct Caption: Sendable, Equatable {
        /// Where we are: `Forward 2/3`, `Backward 3/4`.
        public var title: String
        /// The main equation: `u = b × c = 3 × 2 = 6`.
        public var headline: String
        /// Further lines, one per edge of a backward step.
        public var details: [String]
        /// The node rule a backward step applies ("add node: the gradient passes through
        /// unchanged"), or nil.
        public var rule: String? = nil

        public init(title: String, headline: String, details: [String], rule: String? = nil) {
            self.title = title
            self.headline = headline
            self.details = details
            self.rule = rule
        }

        /// The title with the rule, as the caption band's first line shows it.
        public var titleWithRule: String {
            rule.map { title + " · " + $0 } ?? title
        }

        /// Title (with the rule), headline and details on one line each.
        public var plainText: String {
            ([titleWithRule + " · " + headline] + details).joined(separator: "\n")
        }
    }

    public var phase: Phase
    /// 1-based position within the phase.
    public var number: Int
    /// How many steps the phase has.
    public var phaseCount: Int
    public var caption: Caption
    /// Nodes that stand out in this step.
    public var activeNodes: Set<Int>
    /// Edges that stand out in this step (forward: being used; backward: carrying a gradient now).
    public var activeEdges: Set<Edge>
    /// A suggested display time for slides and animations.
    public var durationMilliseconds: Int
    /// The storyboard's state over all steps (shared by every step, not copied) and this
    /// step's position in it: what each step knows is read from there, so a storyboard holds
    /// one copy of values and gradients plus what each step changes.
    var states = StepStates()
    var index = 0

    init(phase: Phase, number: Int, phaseCount: Int, caption: Caption, activeNodes: Set<Int>,
         activeEdges: Set<Edge>, durationMilliseconds: Int) {
        self.phase = phase
        self.number = number
        self.phaseCount = phaseCount
        self.caption = caption
        self.activeNodes = activeNodes
        self.activeEdges = activeEdges
        self.durationMilliseconds = durationMilliseconds
    }

    /// Nodes whose value is known.
    public var knownValues: StepSet<Int> { StepSet(history: states.known, step: index) }
    /// Nodes whose gradient (complete or partial) is known.
    public var gradients: StepMap<Int, GradientState> { StepMap(history: states.gradients, step: index) }
    /// Edges along which a gradient has been sent back so far (their labels are shown).
    public var sentBack: StepSet<Edge> { StepSet(history: states.sentBack, step: index) }
    /// Nodes the nudge has reached so far, with their old and new values.
    public var nudges: StepMap<Int, Nudge> { StepMap(history: states.nudges, step: index) }
    /// Central-difference gradients of the inputs, shown by the check step.
    public var numericGradients: StepMap<Int, Tensor> { StepMap(history: states.numericGradients, step: index) }
}
