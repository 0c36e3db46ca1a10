@testable import Chainframe
import Foundation
import Testing

/// Names a student can follow (no internal ids like `z.3`) and numbers that add up at the
/// digits shown.
@Suite struct NodeNameTests {
    let logistic = """
        x_1 = 1
        x_2 = 2
        w_1 = 0.5
        w_2 = -0.25
        b = 0.1
        const y = 1
        z = w_1 * x_1 + w_2 * x_2 + b
        a = sigmoid(z)
        L = bce(a, y)
        """

    /// Every caption line of every phase, for checks over whole lessons.
    func captions(_ e: Evaluation, nudge: String? = nil) throws -> [String] {
        var options = Storyboard.Options()
        options.phases = Set(Step.Phase.allCases)
        options.nudge = (e.graph.index(of: nudge ?? e.graph.nodes.first { $0.kind == .input }!.id)!, 0.001)
        return try Storyboard(e, options: options).steps.flatMap { [$0.caption.headline] + $0.caption.details }
    }

    @Test func unnamedPartsAreCalledByTheirFormulaInNamedTerms() throws {
        let e = try evaluate(logistic)
        let g = e.graph
        #expect(g.displayName(of: g.index(of: "z.1")!) == "w₁x₁")
        #expect(g.displayName(of: g.index(of: "z.2")!) == "w₂x₂")
        #expect(g.displayName(of: g.index(of: "z.3")!) == "w₁x₁ + w₂x₂")
        #expect(g.formula(of: g.index(of: "z")!) == "w₁x₁ + w₂x₂ + b")
        let lines = try captions(e)
        #expect(lines.contains("z = w₁x₁ + w₂x₂ + b = 0 + 0.1 = 0.1"))
        #expect(lines.contains("w₁x₁ = w₁ × x₁ = 0.5 × 1 = 0.5"))
        #expect(lines.contains { $0.hasPrefix("∂L/∂(w₁x₁ + w₂x₂) = ∂L/∂z · ∂z/∂(w₁x₁ + w₂x₂) = ") })
        for line in lines { #expect(!line.contains("z.1") && !line.contains("z.2") && !line.contains("z.3"), "\(line)") }
    }

    @Test func theAffineProductHasOneName() throws {
        let e = try evaluate("X = [[1, 2], [3, 4]]\nW = [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]\nB = [0.1, 0.2, 0.3]\nY = X @ W + B\nL = sum(Y)")
        let g = e.graph
        #expect(g.displayName(of: g.index(of: "Y.1")!) == "X·W")
        #expect(g.formula(of: g.index(of: "Y")!) == "X·W + B")
        let lines = try captions(e)
        #expect(lines.contains { $0.contains("∂L/∂(X·W)") })
        for line in lines { #expect(!line.contains("Y.1"), "\(line)") }
    }

    @Test func parenthesesFollowPrecedence() throws {
        let g = try evaluate("a = 1\nb = 2\nc = 3\nJ = 3 * (a + b)\nK = (a + b)^2 - c\nM = a / (b * c)\nN = -(a - b)").graph
        #expect(g.formula(of: g.index(of: "J")!) == "3 × (a + b)")
        #expect(g.displayName(of: g.index(of: "K.2")!) == "(a + b)²")
        #expect(g.formula(of: g.index(of: "K")!) == "(a + b)² − c")
        #expect(g.formula(of: g.index(of: "M")!) == "a ÷ (bc)")
        #expect(g.formula(of: g.index(of: "N")!) == "−(a − b)")
        #expect(g.displayName(of: g.index(of: "J.1")!) == "a + b")
    }

    @Test func aProductNeverReadsAsAName() throws {
        let g = try evaluate("a = 1\nb = 2\nab = 5\nc = 3\nJ = a * b + ab + b * c").graph
        #expect(g.displayName(of: g.index(of: "J.1")!) == "a × b")   // "ab" is a node of its own
        #expect(g.displayName(of: g.index(of: "J.3")!) == "bc")
    }

    @Test func aLongFormulaGetsAGeneratedNameThatItsCardDefines() throws {
        let e = try evaluate("""
            x1 = 1
            x2 = 2
            x3 = 3
            w1 = 0.5
            w2 = 0.25
            w3 = 0.125
            n = tanh(w1 * x1 + w2 * x2 + w3 * x3)
            """)
        let g = e.graph
        // w1·x1 + w2·x2 is too long to be a name; adding w3·x3 to that name is short again.
        let pair = g.index(of: "n.3")!, sum = g.index(of: "n.5")!
        #expect(g.displayName(of: g.index(of: "n.1")!) == "w1 × x1")
        #expect(g.displayName(of: pair) == "n₍₁₎")
        #expect(g.hasName(pair) && !g.hasName(g.index(of: "n.1")!) && !g.hasName(sum))
        #expect(g.formula(of: pair) == "w1 × x1 + w2 × x2")
        #expect(g.displayName(of: sum) == "n₍₁₎ + w3 × x3")
        #expect(g.formula(of: g.index(of: "n")!) == "tanh(n₍₁₎ + w3 × x3)")
        let text = EvaluationReport.text(e)
        #expect(text.contains("n₍₁₎ ") && text.contains("w1 × x1 + w2 × x2"))
        #expect(!text.contains("n.5") && !text.contains("n.3"))
        for line in try captions(e) { #expect(!line.contains("n.")) }
    }

    @Test func tablesUseDisplayNamesAndJSONKeepsIDs() throws {
        let e = try evaluate(logistic)
        let table = EvaluationReport.text(e)
        #expect(table.contains("w₁x₁ + w₂x₂  operation  w₁x₁ + w₂x₂"))
        #expect(!table.contains("z.3") && !table.contains("x_1"))
        let json = EvaluationReport.json(e).serialized(indent: 0)
        #expect(json.contains("\"id\":\"z.3\"") || json.contains("\"id\": \"z.3\""))
        #expect(json.contains("w₁x₁ + w₂x₂"))
        let check = try NumericalCheck(e)
        let checkTable = CheckReport.text(check, graph: e.graph)
        #expect(checkTable.contains("x₁ ") && !checkTable.contains("x_1"))
    }

    @Test func derivativesGroupCompoundNames() {
        #expect(Notation.partial.derivative(of: "L", by: "w₁x₁") == "∂L/∂(w₁x₁)")
        #expect(Notation.partial.derivative(of: "f", by: "x²") == "∂f/∂(x²)")
        #expect(Notation.partial.derivative(of: "f", by: "3x") == "∂f/∂(3x)")
        #expect(Notation.partial.derivative(of: "J", by: "x₁") == "∂J/∂x₁")
        #expect(Notation.partial.derivative(of: "J", by: "x0") == "∂J/∂x0")
        #expect(Notation.partial.derivative(of: "n", by: "n₍₁₎") == "∂n/∂n₍₁₎")
        #expect(Notation.partial.derivative(of: "지불 금액", by: "사과") == "∂(지불 금액)/∂사과")
    }

    @Test func subscriptsAreAllOrNothing() {
        #expect(DisplayName.pretty("x_1") == "x₁")
        #expect(DisplayName.pretty("w_10") == "w₁₀")
        #expect(DisplayName.pretty("w1_0_2") == "w1_0_2")
        #expect(DisplayName.pretty("my_x_1") == "my_x_1")
        #expect(DisplayName.pretty("x_") == "x_")
        #expect(DisplayName.pretty("x_1a") == "x₁ₐ")
        #expect(DisplayName.pretty("x_1b") == "x_1b")
    }
}

@Suite struct ShownArithmeticTests {
    let four = ValueText(precision: 4)

    @Test func theLecturesProductsStayExact() throws {
        #expect(four.chainProduct(gradient: 3, local: 2, contribution: 6) == "3 · 2 = 6")
        #expect(four.chainProduct(gradient: 3, local: 3, contribution: 9) == "3 · 3 = 9")
        #expect(four.sum([Tensor(3), Tensor(4)], total: Tensor(7)) == "3 + 4 = 7")
    }

    @Test func aProductThatDoesNotCheckGetsTheDigitsItTakes() {
        // 2.2868 · 0.32748 = 0.748881: at 4 digits, 2.287 · 0.3275 = 0.7489 would be wrong
        // (2.287 · 0.3275 = 0.74899): the factors get one more digit.
        let g = 2.2868, l = 0.32748
        let text = four.chainProduct(gradient: g, local: l, contribution: g * l)
        #expect(text == "2.2868 · 0.32748 = 0.7489")
        #expect(!Self.checks("2.287 · 0.3275 = 0.7489"))
        #expect(Self.checks(text))
    }

    @Test func aPowerShowsItsBase() throws {
        let e = try evaluate("x = 3.0003\ny = x^2")
        let forward = try Storyboard(e).steps.first { $0.phase == .forward }!
        #expect(forward.caption.headline == "y = x² = 3.0003² = 9.002")
    }

    @Test func whenNoDigitsHelpTheEquationSaysApproximately() {
        let text = four.equation([Tensor(1.00000049)], result: Tensor(4.9), write: { $0[0] },
                                 compute: { Tensor(($0[0].scalar - 1) * 1e7) })
        #expect(text == "1 ≈ 4.9")
    }

    @Test func decimalsAreFixed() {
        let fixed = ValueText(precision: 4, decimals: 4)
        #expect(fixed.number(0.5) == "0.5000")
        #expect(fixed.number(-0.25) == "−0.2500")
        #expect(fixed.number(-0.00001) == "0.0000")
        #expect(fixed.number(33) == "33.0000")
        #expect(fixed.number(.infinity) == "∞")
        #expect(fixed.number(1e300) == "1e300")
        #expect(NumberFormat.fixed(2.5, decimals: 0) == "2")
    }

    @Test func decimalsReachCaptionsAndLabels() throws {
        let e = try evaluate("a = 5\nb = 3\nc = 2\nu = b * c\nv = a + u\nJ = 3 * v")
        var options = Storyboard.Options()
        options.decimals = 2
        let lines = try Storyboard(e, options: options).steps.map(\.caption.headline)
        #expect(lines.contains("u = b × c = 3.00 × 2.00 = 6.00"))
        #expect(lines.contains("∂J/∂b = ∂J/∂u · ∂u/∂b = 3.00 · 2.00 = 6.00"))
    }

    @Test func nudgedValuesAgreeWithTheirChange() {
        // 4 → 4.004001 (Δ = 0.004001): old and new carry the digits of the change.
        let digits = ValueText.digits(showing: 0.004001, largest: 4.004001, minimum: 4)
        #expect(ValueText(precision: digits).number(4.004001) == "4.004001")
        #expect(ValueText.digits(showing: .infinity, largest: 1, minimum: 4) == 4)
        #expect(ValueText.digits(showing: 1e-300, largest: 1e300, minimum: 4) == 17)
    }

    /// Every shown `x · y = z`, `x + y = z` and `x / y = z` of every lesson checks at the digits
    /// shown, or says ≈.
    @Test func everyShownEquationOfTheExamplesChecks() throws {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".cg") }
        var checked = 0
        for file in files {
            let e = try evaluate(try String(contentsOf: examples.appendingPathComponent(file), encoding: .utf8))
            for precision in [2, 3, 4] {
                var options = Storyboard.Options()
                options.phases = Set(Step.Phase.allCases)
                options.precision = precision
                options.nudge = (e.graph.nodes.firstIndex { $0.kind == .input }!, 0.001)
                for step in try Storyboard(e, options: options).steps {
                    for line in [step.caption.headline] + step.caption.details {
                        for equation in Self.scalarEquations(in: line) {
                            #expect(Self.checks(equation), "\(file) at \(precision) digits: \(equation) in \(line)")
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked > 100)
    }

    /// The `a op b = c` pieces of a line whose operands are plain numbers.
    static func scalarEquations(in line: String) -> [String] {
        // Exponents as NumberFormat writes them (`5.5e-5`) or with a minus sign.
        let number = #"\(?−?[0-9.]+(?:e[−-]?[0-9]+)?\)?"#
        let pattern = try! NSRegularExpression(pattern: "\(number)(?: (?:·|\\+|/|×) \(number))+ [=≈] −?[0-9.]+(?:e[−-]?[0-9]+)?")
        let range = NSRange(line.startIndex..., in: line)
        return pattern.matches(in: line, range: range).map { String(line[Range($0.range, in: line)!]) }
    }

    /// Whether `a op b … = c` holds at the digits of `c` (always true for `≈`).
    static func checks(_ equation: String) -> Bool {
        if equation.contains(" ≈ ") { return true }
        let sides = equation.components(separatedBy: " = ")
        guard sides.count == 2 else { return false }
        func value(_ s: String) -> Double? {
            Double(s.replacingOccurrences(of: "−", with: "-").trimmingCharacters(in: CharacterSet(charactersIn: "()")))
        }
        let words = sides[0].split(separator: " ").map(String.init)
        guard var total = value(words[0]), let result = value(sides[1]) else { return false }
        var index = 1
        while index + 1 < words.count {
            guard let x = value(words[index + 1]) else { return false }
            switch words[index] {
            case "·", "×": total *= x
            case "+": total += x
            case "/": total /= x
            default: return false
            }
            index += 2
        }
        let decimals = sides[1].split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
        let unit = pow(10, Double(-decimals))
        return abs(total - result) <= unit / 2 + 1e-9 * max(1, abs(result))
    }
}

/// `NumberFormat` writes what Foundation's `String(format:)` writes for the same format, for
/// numbers of every size and sign and every precision (it formats with C's `vsnprintf`).
@Suite struct NumberFormatTests {
    /// Values from 1e-320 to 1e308, both signs, ties and exact halves among them.
    static let values: [Double] = {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var out: [Double] = [0.5, 1.5, 2.5, 0.125, 1e15, 1e-4, 9.9999e-5, 123456.5, 33, 7.000000000019213, 2.999999999957481,
                             .leastNonzeroMagnitude, .greatestFiniteMagnitude, -0.0]
        for _ in 0..<4_000 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let mantissa = Double(state >> 11) / Double(1 << 53)
            let exponent = Int(state % 640) - 320
            out.append((state & 1 == 0 ? 1 : -1) * mantissa * pow(10, Double(exponent)))
        }
        return out
    }()

    @Test func roundedFixedAndCoordinatesMatchFoundationsFormatting() {
        for value in Self.values {
            for digits in [1, 3, 6, 10, 17] {
                let magnitude = abs(value)
                let expected: String
                if !value.isFinite || value == 0 {
                    expected = NumberFormat.full(value)
                } else if magnitude >= 1e-4 && magnitude < 1e15 {
                    let decimals = max(0, digits - 1 - Int(floor(log10(magnitude))))
                    expected = NumberFormat.trimZeros(String(format: "%.\(decimals)f", value))
                } else {
                    let text = String(format: "%.\(digits - 1)e", value)
                    let e = text.firstIndex(of: "e")!
                    expected = NumberFormat.trimZeros(String(text[..<e])) + "e\(Int(text[text.index(after: e)...])!)"
                }
                #expect(NumberFormat.rounded(value, significantDigits: digits) == expected, "\(value) to \(digits) digits")
            }
            guard abs(value) < 1e20 else { continue }
            for decimals in [0, 2, 4, 17] {
                let fixed = String(format: "%.\(decimals)f", value)
                let unsigned = fixed.hasPrefix("-") && fixed.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(fixed.dropFirst()) : fixed
                #expect(NumberFormat.fixed(value, decimals: decimals) == unsigned, "\(value) with \(decimals) decimals")
                #expect(NumberFormat.coordinate(value, decimals: decimals) == NumberFormat.trimZeros(fixed), "\(value) as a coordinate")
            }
        }
    }
}
