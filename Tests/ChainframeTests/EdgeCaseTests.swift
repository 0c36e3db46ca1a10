import Foundation
import Testing
@testable import Chainframe

/// Values at the edges: confident cross-entropy, a constant as the output, sampled checks,
/// old line breaks, control characters, and the total-elements limit.
@Suite struct EdgeCaseTests {
    @Test(arguments: [("bce(a, 1)", 1.0), ("bce(a, 0)", 0.0), ("bce(sigmoid(a), 1)", 40.0)])
    func confidentRightAnswerCostsNothing(_ expression: String, _ at: Double) throws {
        // 0 · log 0 = 0: the loss is 0 (not NaN), and so is its gradient at the sigmoid.
        let e = try evaluate("a = \(at)\nJ = \(expression)")
        #expect(e.outputValue == 0 || abs(e.outputValue) < 1e-15, "\(expression)")
        #expect(e.values.allSatisfy { $0.isFinite })
        let gradient = try #require(e.gradients[0]).scalar
        #expect(gradient.isFinite, "\(expression): ∂J/∂a = \(gradient)")
    }

    @Test func confidentCrossEntropyGradients() throws {
        // ∂/∂a of −(y log a + (1 − y) log(1 − a)) at a = y = 1 is −y/a = −1; at a = y = 0 it is 1.
        #expect(try evaluate("a = 1\nJ = bce(a, 1)").gradients[0]?.scalar == -1)
        #expect(try evaluate("a = 0\nJ = bce(a, 0)").gradients[0]?.scalar == 1)
        // Tensors broadcast against a scalar label, as before.
        let e = try evaluate("a = [0.25, 1]\nJ = sum(bce(a, 1))")
        #expect(e.gradients[0]?.scalars == [-4, -1])
        #expect(abs(e.outputValue - Foundation.log(4)) < 1e-15)
    }

    @Test func constantOutputHasNoGradient() throws {
        var graph = try GraphBuilder.build(SourceFile(name: "k.cg", text: "const k = 3\na = 2\nJ = a * k\n"))
        graph.choose(output: try #require(graph.index(of: "k")))
        let e = try Evaluation(graph)
        #expect(e.gradients[try #require(graph.index(of: "k"))] == nil)
        #expect(e.gradients[try #require(graph.index(of: "a"))]?.scalar == 0)
        let json = EvaluationReport.json(e).serialized(indent: 0)
        #expect(json.contains("\"id\":\"k\"") || json.contains("\"id\": \"k\""))
    }

    @Test func sampledElementsSpanTheInput() {
        #expect(NumericalCheck.elements(count: 5, sample: 100) == [0, 1, 2, 3, 4])
        #expect(NumericalCheck.elements(count: 5, sample: nil) == [0, 1, 2, 3, 4])
        let picked = NumericalCheck.elements(count: 90_000, sample: 100)
        #expect(picked.count == 100 && picked.first == 0 && picked.last == 89_999)
        #expect(Set(picked).count == 100)
    }

    @Test func windowsAndClassicMacLineBreaks() {
        for text in ["a = 5\r\nb = 3\r\n", "a = 5\rb = 3\r"] {
            let source = SourceFile(name: "x.cg", text: text)
            #expect(source.lines == ["a = 5", "b = 3", ""])
            #expect(source.text == "a = 5\nb = 3\n")
        }
    }

    @Test func terminalTextShowsControlsAndDropsEscapeSequences() {
        #expect(TerminalText.sanitized("x\u{1B}[31mred\u{7}") == "x\\e[31mred\\u{7}")
        #expect(TerminalText.sanitized("a\u{202E}b") == "a\\u{202e}b")
        #expect(TerminalText.sanitized("ok\n\u{1B}[2Jgone \u{1B}]0;title\u{7}x\r\n", keepingNewlines: true) == "ok\ngone x\n")
        #expect(TerminalText.sanitized("가 ∂J/∂a") == "가 ∂J/∂a")
    }

    @Test func totalElementsLimit() throws {
        let text = "a = [[1, 2, 3]]\nb = [[1], [2], [3]]\nc = a + b\nd = c + c\nJ = sum(d)\n"
        func evaluate(total: Int) throws -> Evaluation {
            try Evaluation(GraphBuilder.build(SourceFile(name: "t.cg", text: text), limits: Limits(maxTotalElements: total)))
        }
        #expect(throws: Diagnostic.self) { _ = try evaluate(total: 20) }
        #expect(try evaluate(total: 30).outputValue == 72)
    }
}
