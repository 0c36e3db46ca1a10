/// What a storyboard knows of each node (or edge) over its steps, stored as changes: the step
/// at which a key took a value, or lost it. Memory grows with what the steps change, not with
/// nodes × steps; a step reads its state with a binary search per key.
struct StepHistory<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    struct Change: Sendable {
        var step: Int
        var value: Value?
    }

    private var changes: [Key: [Change]] = [:]

    /// Records that from `step` on, `key` has `value` (nil: no value).
    mutating func record(_ key: Key, _ value: Value?, at step: Int) {
        if changes[key] == nil {
            guard value != nil else { return }
            changes[key] = []
        }
        if let last = changes[key]!.last, last.step == step {
            changes[key]![changes[key]!.count - 1].value = value
        } else {
            changes[key]!.append(Change(step: step, value: value))
        }
    }

    /// The value of `key` at `step`.
    func value(of key: Key, at step: Int) -> Value? {
        guard let list = changes[key] else { return nil }
        // The last change at or before `step`.
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].step <= step { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : list[low - 1].value
    }

    /// Every key that ever has a value.
    var keys: Dictionary<Key, [Change]>.Keys { changes.keys }

    /// How many changes are stored (what the history costs in memory).
    var changeCount: Int { changes.values.reduce(0) { $0 + $1.count } }
}

/// The values a step knows, by key: a read-only view into the storyboard's history.
public struct StepMap<Key: Hashable & Sendable, Value: Sendable>: Sendable, Sequence {
    let history: StepHistory<Key, Value>
    let step: Int

    /// The value of `key` at this step, or nil.
    public subscript(key: Key) -> Value? { history.value(of: key, at: step) }

    /// The keys with a value at this step, in no particular order.
    public var keys: [Key] { history.keys.filter { self[$0] != nil } }

    public var count: Int { keys.count }
    public var isEmpty: Bool { !history.keys.contains { self[$0] != nil } }

    public func makeIterator() -> IndexingIterator<[(key: Key, value: Value)]> {
        history.keys.compactMap { key in self[key].map { (key: key, value: $0) } }.makeIterator()
    }
}

/// The members a step has (known values, edges sent back): a read-only view into the
/// storyboard's history.
public struct StepSet<Element: Hashable & Sendable>: Sendable, Sequence {
    let history: StepHistory<Element, Bool>
    let step: Int

    public func contains(_ element: Element) -> Bool { history.value(of: element, at: step) != nil }

    public var count: Int { history.keys.count { contains($0) } }
    public var isEmpty: Bool { !history.keys.contains { contains($0) } }

    public func makeIterator() -> IndexingIterator<[Element]> {
        history.keys.filter { contains($0) }.makeIterator()
    }
}

/// Everything that changes from step to step, for all steps of a storyboard.
struct StepStates: Sendable {
    var known = StepHistory<Int, Bool>()
    var gradients = StepHistory<Int, Step.GradientState>()
    var sentBack = StepHistory<Edge, Bool>()
    var nudges = StepHistory<Int, Step.Nudge>()
    var numericGradients = StepHistory<Int, Tensor>()

    /// How many changes all histories store together.
    var changeCount: Int {
        known.changeCount + gradients.changeCount + sentBack.changeCount + nudges.changeCount
            + numericGradients.changeCount
    }
}

/// Builds `StepStates` while the storyboard's steps are written: holds the current state and
/// records only what changes, at the step about to be added.
struct StepStatesRecorder {
    private(set) var states = StepStates()
    private var known: Set<Int> = []
    private var gradients: [Int: Step.GradientState] = [:]
    private var sentBack: Set<Edge> = []
    private var nudges: [Int: Step.Nudge] = [:]
    private var numericGradients: [Int: Tensor] = [:]
    /// The index of the step the next changes belong to.
    var step = 0

    /// Replaces the whole state (at a phase's start); records only the differences.
    mutating func reset(known newKnown: Set<Int>, gradients newGradients: [Int: Step.GradientState] = [:],
                        sentBack newSent: Set<Edge> = [], nudges newNudges: [Int: Step.Nudge] = [:],
                        numericGradients newNumeric: [Int: Tensor] = [:]) {
        for node in known.subtracting(newKnown) { states.known.record(node, nil, at: step) }
        for node in newKnown.subtracting(known) { states.known.record(node, true, at: step) }
        known = newKnown
        for edge in sentBack.subtracting(newSent) { states.sentBack.record(edge, nil, at: step) }
        for edge in newSent.subtracting(sentBack) { states.sentBack.record(edge, true, at: step) }
        sentBack = newSent
        Self.replace(&gradients, with: newGradients, in: &states.gradients, at: step)
        Self.replace(&nudges, with: newNudges, in: &states.nudges, at: step)
        Self.replace(&numericGradients, with: newNumeric, in: &states.numericGradients, at: step)
    }

    mutating func addKnown(_ nodes: some Sequence<Int>) {
        for node in nodes where known.insert(node).inserted { states.known.record(node, true, at: step) }
    }

    mutating func setGradient(_ node: Int, _ state: Step.GradientState) {
        gradients[node] = state
        states.gradients.record(node, state, at: step)
    }

    mutating func addSentBack(_ edge: Edge) {
        if sentBack.insert(edge).inserted { states.sentBack.record(edge, true, at: step) }
    }

    mutating func setNudge(_ node: Int, _ nudge: Step.Nudge) {
        nudges[node] = nudge
        states.nudges.record(node, nudge, at: step)
    }

    private static func replace<Value: Equatable & Sendable>(_ current: inout [Int: Value], with new: [Int: Value],
                                                             in history: inout StepHistory<Int, Value>, at step: Int) {
        for key in current.keys where new[key] == nil { history.record(key, nil, at: step) }
        for (key, value) in new where current[key] != value { history.record(key, value, at: step) }
        current = new
    }
}
