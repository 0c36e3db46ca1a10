import Foundation
import Testing
import Chainframe

/// `Lesson`: the library's entry point — reading, building in Swift, values and gradients by
/// name, errors that say where, and limits that travel with the graph.
@Suite struct LessonTests {
    let lecture = "a = 5\nb = 3\nc = 2\nu = b * c\nv = a + u\nJ = 3 * v\n"

    @Test func valuesAndGradientsByName() throws {
        let lesson = try Lesson(source: lecture, name: "lecture.cg")
        #expect(lesson.value(of: "J") == 33)
        #expect(lesson.value(of: "u") == 6)
        #expect(lesson.gradient(of: "c") == 9)
        #expect(lesson.gradient(of: "b") == 6)
        #expect(lesson.value(of: "nope") == nil)
        #expect(lesson.gradient(of: "nope") == nil)
        #expect(lesson.outputName == "J")
        #expect(lesson.inputNames == ["a", "b", "c"])
    }

    @Test func tensorsHaveNoScalarValue() throws {
        let lesson = try Lesson(source: "v = [1, 2, 3]\nL = sum(v * v)")
        #expect(lesson.value(of: "v") == nil)
        #expect(lesson.tensor(of: "v")?.scalars == [1, 2, 3])
        #expect(lesson.gradientTensor(of: "v")?.scalars == [2, 4, 6])
        #expect(lesson.value(of: "L") == 14)
    }

    @Test func errorsSayWhere() {
        #expect(throws: ChainframeError.self) { try Lesson(source: "a = 5\nb = a * d\n", name: "bad.cg") }
        do {
            _ = try Lesson(source: "a = 5\nb = a * d\n", name: "bad.cg")
        } catch {
            #expect(error.kind == .source)
            #expect(error.localizedDescription == "bad.cg:2:9: error: 'd' is not defined; did you mean 'a'?")
            #expect(error.description == "bad.cg:2:9: error: 'd' is not defined; did you mean 'a'?\nb = a * d\n        ^")
        }
    }

    @Test func anUnknownOutputIsAnOptionError() {
        do {
            _ = try Lesson(source: lecture, output: "K")
            Issue.record("no error")
        } catch {
            #expect(error.kind == .option)
            #expect(error.option == "output")
            #expect(error.message.contains("no node named 'K'"))
        }
    }

    @Test func badLimitsThrow() {
        #expect(throws: ChainframeError.self) { try Lesson(source: lecture, limits: Limits(maxElements: 0)) }
        #expect(throws: ChainframeError.self) { try Lesson(source: lecture, limits: Limits(maxDepth: 1_000_000)) }
        #expect(throws: ChainframeError.self) { try Lesson(source: lecture, limits: Limits(maxInputBytes: 4)) }
    }

    @Test func aNeuronBuiltInSwiftIsTheSameAsItsFile() throws {
        let built = try Lesson(title: "A neuron") { g in
            let x = g.input("x", 2), w = g.input("w", -3)
            let n = g.node("n", x * w + 1)
            g.output("o", tanh(n))
        }
        let read = try Lesson(source: "title \"A neuron\"\nx = 2\nw = -3\nn = x * w + 1\no = tanh(n)\noutput o\n")
        #expect(built.name == "a-neuron.cg")
        #expect(built.title == "A neuron")
        #expect(built.source.text == read.source.text)
        #expect(built.value(of: "n") == -5)
        let t: Double = Foundation.tanh(-5.0)
        #expect(built.value(of: "o") == t)
        let local = 1 - t * t
        #expect(built.gradient(of: "x") == local * -3)
        #expect(built.gradient(of: "w") == local * 2)
        #expect(built.nodeNames == read.nodeNames)
    }

    @Test func numbersOnEitherSideAndParenthesesWhereNeeded() throws {
        let lesson = try Lesson(title: "Mixed") { g in
            let a = g.input("a", 4), b = g.input("b", 0.5)
            let c = g.constant("c", 10)
            g.node("d", 2 * a - (b - 1))       // 8 − (−0.5) = 8.5
            g.node("e", 1 / (a + b) * -a)      // −4 / 4.5
            g.node("f", pow(a, 2) / c + sigmoid(b) - relu(-a) + exp(log(sqrt(a))))
            g.output("g", -(a - b) - 3)
        }
        #expect(lesson.value(of: "d") == 8.5)
        #expect(Swift.abs(lesson.value(of: "e")! - -4 / 4.5) < 1e-12)
        #expect(Swift.abs(lesson.value(of: "f")! - (16.0 / 10 + 1 / (1 + Foundation.exp(-0.5 as Double)) + 2)) < 1e-12)
        #expect(lesson.value(of: "g") == -6.5)
        #expect(lesson.gradient(of: "a") == -1)
        #expect(lesson.gradient(of: "c") == nil)
        #expect(lesson.source.text.contains("d = 2 * a - (b - 1)"))
    }

    @Test func tensorInputsAndLabels() throws {
        let lesson = try Lesson(title: "Affine") { g in
            let x = g.input("X", [[1, 2]]), w = g.input("W", [[1], [2]])
            g.label("X", "입력")
            g.output("L", sum(matmul(x, w)))
        }
        #expect(lesson.value(of: "L") == 5)
        #expect(lesson.gradientTensor(of: "W")?.scalars == [1, 2])
        #expect(lesson.graph.nodes[0].label == "입력")
    }

    @Test func builderMistakesPointAtTheirLine() {
        do {
            _ = try Lesson(title: "Bad") { g in
                let a = g.input("a", 1)
                g.output("o", a * .nan)
            }
            Issue.record("no error")
        } catch {
            #expect(error.header == "bad.cg:3:1: error: a number in the definition of 'o' is not finite (NaN or infinity)")
        }
        do {
            _ = try Lesson(title: "Bad") { g in
                let a = g.input("a", 1)
                g.node("a", a + 1)
            }
            Issue.record("no error")
        } catch {
            #expect(error.header == "bad.cg:3:1: error: 'a' is already defined at line 2")
        }
    }

    /// The nudge phase of a graph with a tensor above the default element limit used to vanish:
    /// the limit reached the nudge's re-evaluation only through a task-local read under `try?`.
    @Test func raisedLimitsReachTheNudge() throws {
        let column = "[" + (1...1_000).map { "[\($0)]" }.joined(separator: ", ") + "]"
        let row = "[[" + (1...1_500).map(String.init).joined(separator: ", ") + "]]"
        let text = "A = \(column)\nB = \(row)\nb = 2\nP = A @ B\nJ = b * sum(P)\n"
        #expect(throws: ChainframeError.self) { try Lesson(source: text) }
        let lesson = try Lesson(source: text, limits: Limits(maxElements: 2_000_000))
        var options = Storyboard.Options()
        options.phases = [.nudge, .summary]
        options.nudge = (lesson.graph.index(of: "b")!, 0.001)
        let phases = try Storyboard(lesson.evaluation, options: options).steps.map(\.phase)
        #expect(phases.filter { $0 == .nudge }.count >= 2)
        #expect(phases.last == .summary)
    }
}
