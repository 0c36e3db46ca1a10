import Testing
@testable import Chainframe

/// The lecture's storyboard: order, captions and numbers, without any drawing.
@Suite struct StoryboardTests {
    let lecture = try! evaluate("a = 5\nb = 3\nc = 2\nu = b * c\nv = a + u\nJ = 3 * v")

    func id(_ e: Evaluation, _ i: Int) -> String { e.graph.nodes[i].id }

    @Test func phasesInLectureOrder() throws {
        let board = try Storyboard(lecture)
        #expect(board.steps.map(\.phase) == [.inputs, .forward, .forward, .forward,
                                             .backward, .backward, .backward, .backward, .summary])
    }

    @Test func forwardCaptions() throws {
        let forward = try Storyboard(lecture).steps.filter { $0.phase == .forward }
        #expect(forward.map(\.caption.headline) == ["u = b × c = 3 × 2 = 6", "v = a + u = 5 + 6 = 11", "J = 3 × v = 3 × 11 = 33"])
        #expect(forward.map(\.caption.title) == ["Forward 1/3", "Forward 2/3", "Forward 3/3"])
        #expect(forward[0].knownValues.map { id(lecture, $0) }.sorted() == ["a", "b", "c", "u"])
        #expect(forward[0].activeEdges.count == 2)
    }

    @Test func backwardOrderAndNumbersAreTheLectures() throws {
        let backward = try Storyboard(lecture).steps.filter { $0.phase == .backward }
        #expect(backward[0].caption.headline == "∂J/∂J = 1")
        // J → v, then v → a and u, then u → b and c.
        let sent = backward.dropFirst().map { step in step.activeEdges.map { id(lecture, $0.from) }.sorted() }
        #expect(sent == [["v"], ["a", "u"], ["b", "c"]])
        #expect(backward[1].caption.headline == "∂J/∂v = 3")
        #expect(backward[2].caption.headline == "∂J/∂a = ∂J/∂v · ∂v/∂a = 3 · 1 = 3")
        #expect(backward[2].caption.details == ["∂J/∂u = ∂J/∂v · ∂v/∂u = 3 · 1 = 3"])
        #expect(backward[3].caption.headline == "∂J/∂b = ∂J/∂u · ∂u/∂b = 3 · 2 = 6")
        #expect(backward[3].caption.details == ["∂J/∂c = ∂J/∂u · ∂u/∂c = 3 · 3 = 9"])
        let last = backward.last!
        let grads = Dictionary(uniqueKeysWithValues: last.gradients.map { (id(lecture, $0.key), $0.value.tensor.scalar) })
        #expect(grads == ["J": 1, "v": 3, "a": 3, "u": 3, "b": 6, "c": 9])
        #expect(backward.map(\.caption.title) == ["Backward 1/4", "Backward 2/4", "Backward 3/4", "Backward 4/4"])
    }

    @Test func branchNodeShowsPartialThenSum() throws {
        let e = try evaluate("x = 1\ny = 2 * x\nz = 3 * x\nf = y + z")
        let backward = try Storyboard(e).steps.filter { $0.phase == .backward }
        let x = e.graph.index(of: "x")!
        let states = backward.map { $0.gradients[x] }
        // z is sent back first (reverse order), so x first holds 3 of 2 paths' worth, then the sum.
        #expect(states.compactMap { $0 }.first == .partial(Tensor(3), arrived: 1, of: 2))
        #expect(states.last == .complete(Tensor(5)))
        #expect(backward.last!.caption.headline.hasSuffix("∂f/∂x = 3 + 2 = 5"))
    }

    @Test func summaryListsEveryInputGradient() throws {
        let summary = try Storyboard(lecture).steps.last!
        #expect(summary.caption.headline == "J = 33")
        #expect(summary.caption.details == ["∂J/∂a = 3, ∂J/∂b = 6, ∂J/∂c = 9"])
        #expect(summary.gradients.count == 6)
        #expect(summary.sentBack.count == 5)
    }

    @Test func phasesCanBeSelected() throws {
        var options = Storyboard.Options()
        options.phases = [.backward]
        #expect(try Storyboard(lecture, options: options).steps.allSatisfy { $0.phase == .backward })
    }

    @Test func precisionAndNotation() throws {
        let e = try evaluate("x = 2\nh = x^2 + 3*x + 5\nf = h + 0.000000000019213")
        var options = Storyboard.Options()
        options.precision = 17
        #expect(try Storyboard(e, options: options).steps.last!.caption.headline == "f = 15.000000000019213")
        options.precision = 6
        #expect(try Storyboard(e, options: options).steps.last!.caption.headline == "f = 15")
        options.notation = .code
        #expect(try Storyboard(lecture, options: options).steps.last!.caption.details == ["da = 3, db = 6, dc = 9"])
        options.notation = .leibniz
        #expect(try Storyboard(lecture, options: options).steps.last!.caption.details == ["dJ/da = 3, dJ/db = 6, dJ/dc = 9"])
    }

    @Test func labelsAppearInCaptions() throws {
        let e = try evaluate("apple = 100\nn = 2\nprice = apple * n\nlabel apple \"사과\"")
        let forward = try Storyboard(e).steps.first { $0.phase == .forward }!
        #expect(forward.caption.headline == "price = 사과 × n = 100 × 2 = 200")
    }
}

@Suite struct DisplayNameTests {
    @Test func subscripts() throws {
        #expect(DisplayName.pretty("x_1") == "x₁")
        #expect(DisplayName.pretty("w_10") == "w₁₀")
        #expect(DisplayName.pretty("a_i") == "aᵢ")
        #expect(DisplayName.pretty("apple_count") == "apple_count")   // 'c' has no subscript form
        #expect(DisplayName.pretty("_x") == "_x")
        #expect(DisplayName.pretty("x2") == "x2")
    }

    @Test func captionsUseSubscripts() throws {
        let e = try evaluate("x_1 = 2\nw_1 = 3\nz = w_1 * x_1")
        let forward = try Storyboard(e).steps.first { $0.phase == .forward }!
        #expect(forward.caption.headline == "z = w₁ × x₁ = 3 × 2 = 6")
    }
}

/// The lecture's nudge (a → 5.001), and the central difference at h = 1e-4.
@Suite struct NudgeAndCheckTests {
    let lecture = try! evaluate("a = 5\nb = 3\nc = 2\nu = b * c\nv = a + u\nJ = 3 * v")

    @Test func nudgeTravelsRightWithTheLecturesNumbers() throws {
        var options = Storyboard.Options()
        options.phases = [.nudge]
        options.nudge = (lecture.graph.index(of: "a")!, 0.001)
        let steps = try Storyboard(lecture, options: options).steps
        #expect(steps.map(\.caption.headline) == [
            "a: 5 → 5.001  (Δ = 0.001)",
            "v: 11 → 11.001  (Δ = 0.001)",
            "J: 33 → 33.003  (Δ = 0.003)",
            "ΔJ/Δa = 0.003 / 0.001 = 3  ≈  ∂J/∂a = 3",
        ])
        let last = steps.last!
        let j = lecture.graph.output
        #expect(abs(last.nudges[j]!.new.scalar - 33.003) < 1e-12)
        #expect(abs((last.nudges[j]!.new.scalar - 33) / 0.001 - 3) < 1e-9)
        // b and c are not reached by the change.
        #expect(last.nudges[lecture.graph.index(of: "b")!] == nil)
    }

    @Test func checkStepShowsTheCentralDifferenceInFull() throws {
        let e = try evaluate("x = 2\nf = x^2 + 3*x + 5")
        var options = Storyboard.Options()
        options.phases = [.check]
        let step = try Storyboard(e, options: options).steps[0]
        #expect(step.phase == .check)
        #expect(step.numericGradients[0] == Tensor(7.000000000019213))
        #expect(step.caption.details == ["∂f/∂x = 7  ≈  7.000000000019213"])
        #expect(step.caption.headline.contains("h = 0.0001"))
    }

    @Test func defaultPhasesLeaveNudgeAndCheckOut() throws {
        #expect(Set(try Storyboard(lecture).steps.map(\.phase)) == [.inputs, .forward, .backward, .summary])
    }

    /// Each step's state, rebuilt naively: what the backward pass knows after each operation.
    @Test func stepStatesMatchAReplayOfTheBackwardPass() throws {
        let e = try evaluate("x = 2\na = 3 * x\nb = x * x\nf = a + b\n")
        let steps = try Storyboard(e).steps
        var complete: Set<Int> = []
        for step in steps where step.phase == .backward {
            for (node, state) in step.gradients where state.isComplete { complete.insert(node) }
            // Once complete, a gradient stays complete and known for the rest of the pass.
            #expect(complete.allSatisfy { step.gradients[$0]?.isComplete == true })
            #expect(step.knownValues.count == e.graph.nodes.count)
            #expect(Set(step.activeEdges).isSubset(of: Set(step.sentBack)))
        }
        // Leaving the backward pass for the summary keeps everything; the forward pass has none of it.
        #expect(steps.first { $0.phase == .forward }!.gradients.isEmpty)
        #expect(steps.first { $0.phase == .forward }!.sentBack.isEmpty)
        #expect(steps.last!.gradients.count == e.graph.nodes.filter { $0.kind != .constant }.count)
    }

    /// A storyboard keeps one copy of values and gradients plus what each step changes: memory
    /// grows with nodes + steps, not nodes × steps (a 4 000-node MLP has ~8 000 steps).
    @Test func stepStatesGrowWithNodesPlusSteps() throws {
        var lines = ["x0 = 0.5"]
        for i in 1...600 { lines.append("x\(i) = tanh(x\(i - 1) * \(Double(i % 7) / 7 + 0.1))") }
        let e = try evaluate(lines.joined(separator: "\n"))
        var options = Storyboard.Options()
        options.phases = Set(Step.Phase.allCases)
        options.nudge = (input: 0, h: 0.001)
        let board = try Storyboard(e, options: options)
        let nodes = e.graph.nodes.count, edges = e.graph.edges.count
        #expect(board.steps.count > nodes)
        // Every node becomes known, gets a gradient, is nudged; every edge is sent back: a few
        // changes each per phase, never one per node per step (that would be over 700 000).
        #expect(board.steps[0].states.changeCount <= 12 * (nodes + edges))
        let middle = board.steps[board.steps.count / 2]
        #expect(middle.states.changeCount == board.steps[0].states.changeCount, "one history, shared")
    }
}
