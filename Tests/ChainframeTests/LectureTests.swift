import Foundation
import Testing
@testable import Chainframe

/// The lecture's graph J = 3(a + bc) with a = 5, b = 3, c = 2, number for number.
@Suite struct LectureTests {
    let lecture = """
    a = 5
    b = 3
    c = 2
    u = b * c
    v = a + u
    J = 3 * v
    """

    @Test func forwardValues() throws {
        let e = try evaluate(lecture)
        #expect(e.value("u") == Tensor(6))
        #expect(e.value("v") == Tensor(11))
        #expect(e.value("J") == Tensor(33))
        #expect(e.outputValue == 33)
    }

    @Test func backwardGradients() throws {
        let e = try evaluate(lecture)
        let expected: [String: Double] = ["J": 1, "v": 3, "a": 3, "u": 3, "b": 6, "c": 9]
        for (id, grad) in expected {
            #expect(e.grad(id) == Tensor(grad), "∂J/∂\(id)")
        }
    }

    @Test func edgesCarryLocalDerivativeAndChainRuleProduct() throws {
        let e = try evaluate(lecture)
        #expect(e.flow("v", "J")?.local == 3)
        #expect(e.flow("a", "v")?.local == 1)
        #expect(e.flow("u", "v")?.local == 1)
        #expect(e.flow("b", "u")?.local == 2)   // ∂u/∂b = c
        #expect(e.flow("c", "u")?.local == 3)   // ∂u/∂c = b
        #expect(e.flow("b", "u")?.gradient == Tensor(6))
        #expect(e.flow("c", "u")?.gradient == Tensor(9))
        #expect(e.flows.count == 5)   // the constant 3 is part of "×3", not an edge
    }

    @Test func constantIsPartOfTheOperation() throws {
        let e = try evaluate(lecture)
        let j = e.graph.nodes[e.graph.index(of: "J")!]
        #expect(j.inputs.map { e.graph.nodes[$0].id } == ["v"])
        #expect(OperationText.symbol(of: j.operation!) == "×3")
        #expect(e.graph.nodes.count == 6)
    }

    @Test func compoundExpressionHasStableIDs() throws {
        let e = try evaluate("a = 5\nb = 3\nc = 2\nJ = 3 * (a + b * c)")
        #expect(e.graph.nodes.map(\.id) == ["a", "b", "c", "J.1", "J.2", "J"])
        #expect(e.value("J.1") == Tensor(6))
        #expect(e.value("J.2") == Tensor(11))
        #expect(e.outputValue == 33)
        #expect(e.grad("b") == Tensor(6))
        #expect(e.grad("c") == Tensor(9))
    }

    @Test func lectureNumbers() throws {
        // The lesson on slopes: f(a) = 3a has slope 3; f(a) = a² has slope 2a = 4 at a = 2.
        #expect(try evaluate("a = 2\nf = 3 * a").grad("a") == Tensor(3))
        #expect(try evaluate("a = 5\nf = 3 * a").grad("a") == Tensor(3))
        #expect(try evaluate("a = 2\nf = a^2").grad("a") == Tensor(4))
        // The numerical-gradient lesson: the gradient of x0² + 5x1 + 2x2² at (3, 2, 1) is (6, 5, 4).
        let g = try evaluate("x0 = 3\nx1 = 2\nx2 = 1\nf = x0^2 + 5*x1 + 2*x2^2")
        #expect([g.grad("x0"), g.grad("x1"), g.grad("x2")] == [Tensor(6), Tensor(5), Tensor(4)])
    }

    @Test func centralDifferenceMatchesTheLectureBitForBit() throws {
        // numerical_diff(f, 2) for f(x) = x**2 + 3*x + 5 prints 7.000000000019213 in Python.
        let e = try evaluate("x = 2\nf = x^2 + 3*x + 5")
        let check = try NumericalCheck(e)
        #expect(check.rows.count == 1)
        #expect(check.rows[0].numeric == 7.000000000019213)
        #expect(check.rows[0].analytic == 7)
        #expect(NumberFormat.full(check.rows[0].numeric) == "7.000000000019213")
        #expect(check.passed)
    }

    @Test func nudgeFromTheLecture() throws {
        // a 5 → 5.001 moves v 11 → 11.001 and J 33 → 33.003.
        let e = try evaluate(lecture)
        let a = e.graph.index(of: "a")!
        let nudged = try Evaluation.forward(e.graph, overrides: [a: Tensor(5.001)])
        #expect(abs(nudged[e.graph.index(of: "v")!].scalar - 11.001) < 1e-12)
        #expect(abs(nudged[e.graph.output].scalar - 33.003) < 1e-12)
    }
}

/// The logistic-regression example of the lecture series.
@Suite struct LogisticRegressionTests {
    @Test func dzIsAMinusY() throws {
        let e = try evaluate("x_1 = 1\nx_2 = 2\nw_1 = 0.5\nw_2 = -0.25\nb = 0.1\nconst y = 1\nz = w_1 * x_1 + w_2 * x_2 + b\na = sigmoid(z)\nL = bce(a, y)")
        let a = e.value("a").scalar
        #expect(abs(e.grad("z")!.scalar - (a - 1)) < 1e-15)
        #expect(abs(e.grad("w_1")!.scalar - 1 * (a - 1)) < 1e-15)
        #expect(abs(e.grad("w_2")!.scalar - 2 * (a - 1)) < 1e-15)
        #expect(abs(e.grad("b")!.scalar - (a - 1)) < 1e-15)
        #expect(abs(e.outputValue - -Foundation.log(a)) < 1e-15)
        #expect(try NumericalCheck(e).passed)
    }
}
