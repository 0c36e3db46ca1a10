import Chainframe

/// The numbers of "the derivative as a slope" (the lesson on slopes) for a function of one variable:
/// the value and derivative at a point (by the engine's backward pass), samples of the
/// curve, and the slope of a secant for a visible h and for the small h = 0.001.
public struct SlopeStudy: Sendable {
    /// The function as written, e.g. `a^2`.
    public let expression: String
    /// The variable's name, e.g. `a`.
    public let variable: String
    public let x0: Double
    public let value: Double
    /// f′(x0), from reverse-mode differentiation.
    public let derivative: Double
    /// The secant's h (large enough to see) and its slope (f(x0 + h) − f(x0)) / h.
    public let h: Double
    public let secantValue: Double
    public let secantSlope: Double
    /// The lesson's small h (0.001) and the slope it gives.
    public let smallH: Double
    public let smallSlope: Double
    /// Points (x, f(x)) across `range`; non-finite values are left out.
    public let samples: [(x: Double, y: Double)]
    public let range: ClosedRange<Double>

    /// Evaluates `expression` in `variable` around `x0`.
    ///
    /// - Throws: a `Diagnostic` (as for .cg files, in a file named `<expression>`) when the
    ///   expression does not parse, uses other names, or is not a scalar.
    public init(expression: String, variable: String, at x0: Double, h: Double = 0.5, smallH: Double = 0.001,
                range: ClosedRange<Double>? = nil, samples count: Int = 240) throws {
        self.expression = expression
        self.variable = variable
        self.x0 = x0
        self.h = h
        self.smallH = smallH
        let source = SourceFile(name: "<expression>", text: "\(variable) = \(x0)\nf = \(expression)\n")
        let graph = try GraphBuilder.build(source)
        let evaluation = try Evaluation(graph)
        let input = graph.index(of: variable)!
        value = evaluation.outputValue
        derivative = evaluation.gradients[input]!.scalar
        func f(_ x: Double) -> Double {
            (try? Evaluation.forward(graph, overrides: [input: Tensor(x)])[graph.output].scalar) ?? .nan
        }
        secantValue = f(x0 + h)
        secantSlope = (secantValue - value) / h
        smallSlope = (f(x0 + smallH) - value) / smallH
        let span = range ?? (x0 - max(3, 2 * abs(h)))...(x0 + max(3, 2 * abs(h)))
        self.range = span
        samples = (0...count).compactMap { k in
            let x = span.lowerBound + (span.upperBound - span.lowerBound) * Double(k) / Double(count)
            let y = f(x)
            return y.isFinite ? (x, y) : nil
        }
    }

    /// The one free name of `expression` (nil when there is none or several).
    public static func freeVariable(of expression: String) -> [String] {
        guard let tokens = try? Lexer.tokenize(SourceFile(name: "<expression>", text: expression)) else { return [] }
        var names: [String] = []
        for (i, token) in tokens.enumerated() {
            guard case .identifier(let name) = token.kind else { continue }
            let isCall = i + 1 < tokens.count && tokens[i + 1].kind == .symbol("(")
            if !isCall && !names.contains(name) { names.append(name) }
        }
        return names
    }
}
