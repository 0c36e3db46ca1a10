import Testing
@testable import Chainframe

@Suite struct LanguageTests {
    @Test func precedenceOfPowerAndUnaryMinus() throws {
        #expect(try evaluate("a = 3\nf = -a^2").outputValue == -9)
        #expect(try evaluate("a = 2\nf = a^3^2").outputValue == 512)    // right-associative
        #expect(try evaluate("a = 2\nf = a^-1").outputValue == 0.5)
        #expect(try evaluate("a = 2\nf = a**3").outputValue == 8)
        #expect(try evaluate("a = 2\nf = 1 + 2 * a - 6 / a").outputValue == 2)
        #expect(try evaluate("a = 2\nf = (1 + 2) * a").outputValue == 6)
    }

    @Test func inputsAndSignedNumbers() throws {
        let e = try evaluate("x = -4\nh = 1e-4\nf = x * h")
        #expect(e.value("x") == Tensor(-4))
        #expect(e.value("h") == Tensor(1e-4))
        #expect(e.graph.nodes[0].kind == .input)
    }

    @Test func tensorLiterals() throws {
        let e = try evaluate("v = [1, 2, 3]\nM = [[1, 2],\n     [3, 4]]\nf = sum(M) + sum(v)")
        #expect(e.value("v").shape == [3])
        #expect(e.value("M") == Tensor(rows: [[1, 2], [3, 4]]))
        #expect(e.outputValue == 16)
    }

    @Test func unicodeNamesAndLabels() throws {
        let e = try evaluate("사과 = 100\n개수 = 2\n가격 = 사과 * 개수\nlabel 사과 \"apple\"\ntitle \"쇼핑\"")
        #expect(e.outputValue == 200)
        #expect(e.grad("사과") == Tensor(2))
        #expect(e.graph.nodes[0].label == "apple")
        #expect(e.graph.title == "쇼핑")
        #expect(try evaluate("x_1 = 1\nw2 = 2\nf = x_1 * w2").outputValue == 2)
    }

    @Test func outputDirectiveAndDefault() throws {
        let e = try evaluate("a = 1\nb = a * 2\nc = a * 3\noutput b")
        #expect(e.graph.nodes[e.graph.output].id == "b")
        #expect(e.grad("a") == Tensor(2))
        #expect(try evaluate("a = 1\nb = a * 2\nc = a * 3").graph.nodes.last!.id == "c")
    }

    @Test func constants() throws {
        let e = try evaluate("const y = 1\nconst k = y * 2 + 1\nx = 2\nL = k * x - y")
        #expect(e.outputValue == 5)
        #expect(e.grad("y") == nil)
        #expect(e.grad("x") == Tensor(3))
        #expect(e.graph.nodes[e.graph.index(of: "k")!].kind == .constant)
        #expect(e.flow("y", "L") != nil)
        #expect(e.flow("y", "L")?.gradient == nil)
        // A constant-only expression folds into a constant node.
        #expect(try evaluate("k = 2 * 3\nx = 1\nf = k * x").graph.nodes[0].kind == .constant)
    }

    @Test func operandUsedTwiceHasOneEdgeWithTheTotalDerivative() throws {
        let e = try evaluate("b = 3\nu = b * b")
        #expect(e.flows.count == 1)
        #expect(e.flow("b", "u")?.local == 6)
        #expect(e.grad("b") == Tensor(6))
    }

    @Test func branchNodeSumsWhatFlowsBack() throws {
        // x feeds both y and z: ∂f/∂x = 2 + 3.
        let e = try evaluate("x = 1\ny = 2 * x\nz = 3 * x\nf = y + z")
        #expect(e.grad("x") == Tensor(5))
        #expect(e.flow("x", "y")?.gradient == Tensor(2))
        #expect(e.flow("x", "z")?.gradient == Tensor(3))
    }

    @Test func aliasIsANodeOfItsOwn() throws {
        let e = try evaluate("a = 2\nb = a")
        #expect(e.graph.nodes.count == 2)
        #expect(e.grad("a") == Tensor(1))
    }

    @Test func commentsBlankLinesAndCRLF() throws {
        #expect(try evaluate("# header\r\na = 2 # two\r\n\r\nf = a * a\r\n").outputValue == 4)
    }

    @Test func nonFiniteValuesDoNotCrash() throws {
        let e = try evaluate("x = 0\nf = log(x)")
        #expect(e.outputValue == -.infinity)
        #expect(e.nonFiniteNodes.map { e.graph.nodes[$0].id } == ["x", "f"])
        let nan = try evaluate("x = 0\nf = x / x")
        #expect(nan.outputValue.isNaN)
        #expect(EvaluationReport.json(nan).serialized().contains("\"NaN\""))
    }
}
