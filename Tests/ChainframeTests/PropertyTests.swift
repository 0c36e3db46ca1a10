import Testing
@testable import Chainframe

/// Property: on many random expressions, reverse-mode gradients agree with central differences.
@Suite struct PropertyTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A random smooth expression over `a`, `b`, `c`, kept in well-behaved domains
    /// (log and division only of positive quantities).
    static func expression(depth: Int, _ rng: inout SplitMix) -> String {
        if depth == 0 || Int.random(in: 0..<4, using: &rng) == 0 {
            let leaves = ["a", "b", "c", "a", "b", "c", "2", "0.5", "3"]
            return leaves.randomElement(using: &rng)!
        }
        let x = expression(depth: depth - 1, &rng)
        let y = expression(depth: depth - 1, &rng)
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: return "(\(x) + \(y))"
        case 1: return "(\(x) - \(y))"
        case 2: return "(\(x) * \(y))"
        case 3: return "(\(x) / (1 + (\(y))^2))"
        case 4: return "sin(\(x))"
        case 5: return "cos(\(x))"
        case 6: return "tanh(\(x))"
        case 7: return "sigmoid(\(x))"
        case 8: return "log(1 + (\(x))^2)"
        case 9: return "exp(tanh(\(x)))"
        case 10: return "sqrt(1 + (\(x))^2)"
        default: return "-(\(x))^2"
        }
    }

    @Test(arguments: 0..<200)
    func gradientsAgreeWithCentralDifferences(seed: Int) throws {
        var rng = SplitMix(state: UInt64(seed) &* 7919 &+ 17)
        let values = (0..<3).map { _ in Double(Int.random(in: -20...20, using: &rng)) / 10 }
        var body = Self.expression(depth: 4, &rng)
        // Make sure every input takes part, so every gradient is exercised.
        body = "\(body) + 0.1 * a * b * c"
        let source = "a = \(values[0])\nb = \(values[1])\nc = \(values[2])\nf = \(body)"
        let evaluation = try evaluate(source)
        let check = try NumericalCheck(evaluation, h: 1e-5, tolerance: 1e-6)
        for row in check.rows where !row.passed {
            Issue.record("seed \(seed): \(source)\n∂f/∂\(evaluation.graph.nodes[row.node].id): analytic \(row.analytic), numeric \(row.numeric)")
        }
    }

    @Test(arguments: 0..<50)
    func tensorExpressionsAgreeToo(seed: Int) throws {
        var rng = SplitMix(state: UInt64(seed) &+ 1000)
        let m = (0..<6).map { _ in Double(Int.random(in: -10...10, using: &rng)) / 10 }
        let v = (0..<3).map { _ in Double(Int.random(in: -10...10, using: &rng)) / 10 }
        let forms = [
            "sum(tanh(M @ v))", "mean(sigmoid(M * v + 1))", "sum((M @ v) * (M @ v))",
            "dot(v, transpose(M) @ [1, 2]) ", "sum(exp(M - v) / 3)", "mean(M @ transpose(M))",
        ]
        var form = forms[seed % forms.count]
        if form.contains("[1, 2]") { form = "sum(transpose(M) @ w) * sum(v)" }
        let source = """
        M = [[\(m[0]), \(m[1]), \(m[2])], [\(m[3]), \(m[4]), \(m[5])]]
        v = [\(v[0]), \(v[1]), \(v[2])]
        w = [1, 2]
        f = \(form)
        """
        let evaluation = try evaluate(source)
        for index in evaluation.graph.nodes.indices {
            #expect(evaluation.gradients[index]?.shape ?? evaluation.values[index].shape == evaluation.values[index].shape)
        }
        let check = try NumericalCheck(evaluation, h: 1e-5, tolerance: 1e-6)
        for row in check.rows where !row.passed {
            Issue.record("seed \(seed): \(source)\n∂f/∂\(evaluation.graph.nodes[row.node].id)\(row.position): analytic \(row.analytic), numeric \(row.numeric)")
        }
    }
}
