import Foundation
import Testing
@testable import Chainframe

/// Every primitive's derivative against central differences.
@Suite struct PrimitiveTests {
    static let cases: [(String, Double)] = [
        ("x + 2", 0.7), ("2 - x", 0.7), ("x * 3", 0.7), ("3 / x", 0.7), ("x / 3", 0.7),
        ("x^3", 0.7), ("2^x", 0.7), ("x^x", 0.7), ("-x", 0.7), ("exp(x)", 0.7), ("log(x)", 0.7),
        ("sqrt(x)", 0.7), ("sin(x)", 0.7), ("cos(x)", 0.7), ("tanh(x)", 0.7), ("sigmoid(x)", 0.7),
        ("relu(x)", 0.7), ("relu(x)", -0.7), ("abs(x)", 0.7), ("abs(x)", -0.7), ("sum(x)", 0.7),
        ("mean(x)", 0.7), ("dot(x, x)", 0.7), ("transpose(x)", 0.7), ("bce(sigmoid(x), 1)", 0.7), ("bce(sigmoid(x), 0)", 0.7),
    ]

    @Test(arguments: cases)
    func derivativeMatchesCentralDifference(_ expression: String, _ at: Double) throws {
        let e = try evaluate("x = \(at)\nf = \(expression)")
        let check = try NumericalCheck(e, h: 1e-5, tolerance: 1e-7)
        #expect(check.passed, "\(expression) at \(at): analytic \(check.rows[0].analytic), numeric \(check.rows[0].numeric)")
    }

    @Test func sigmoidLocalDerivativeIsYTimesOneMinusY() throws {
        let e = try evaluate("z = 0\na = sigmoid(z)")
        #expect(e.outputValue == 0.5)
        #expect(e.flow("z", "a")?.local == 0.25)
    }
}

/// Driven by the operator table: every primitive, written as its rule spells it, parses back
/// to itself and differentiates like its central difference.
@Suite struct PrimitiveTableTests {
    /// `f` written with primitive `p` applied to the input `x` (and a constant where it takes two).
    static func definition(of p: Primitive) -> (input: String, expression: String) {
        switch p.rule.spelling {
        case .infix("@", _): return ("[[0.7, 0.3]]", "sum(x @ transpose(x))")
        case .infix(let symbol, _): return ("0.7", "x \(symbol) 1.3 + 1.3 \(symbol) x")
        case .prefix(let symbol): return ("0.7", "\(symbol)x")
        case .call(let name): return ("0.7", p.arity == 1 ? "\(name)(x)" : "\(name)(x, 1.3)")
        }
    }

    @Test(arguments: Primitive.allCases)
    func spellingParsesBackAndDerivativeMatches(_ p: Primitive) throws {
        let (input, expression) = Self.definition(of: p)
        let e = try evaluate("x = \(input)\nf = \(expression)")
        #expect(e.graph.nodes.contains { node in
            if case .primitive(p)? = node.operation?.function { true } else { false }
        }, "\(expression) has no \(p) node")
        let check = try NumericalCheck(e, h: 1e-5, tolerance: 1e-6)
        #expect(check.passed, "\(p): \(expression)")
        if case .infix(let symbol, _) = p.rule.spelling { #expect(Primitive.infix(symbol) == p) }
        if let name = p.rule.functionName { #expect(Function.byName[name] == .primitive(p)) }
    }

    @Test func unknownOperatorsAreNotOperators() {
        #expect(Primitive.infix("%") == nil)
        #expect(diagnostic("a = 1\nb = a % 2") != nil)
    }
}
