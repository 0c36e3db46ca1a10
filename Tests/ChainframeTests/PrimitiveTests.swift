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
