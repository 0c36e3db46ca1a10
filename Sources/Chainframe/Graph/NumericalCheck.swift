/// Checks the analytic gradients against central differences, as the lecture's `numerical_diff` does:
/// `(f(x + h) − f(x − h)) / 2h` with `h = 1e-4`, one input element at a time.
public struct NumericalCheck: Sendable {
    /// One input element's comparison.
    public struct Row: Sendable {
        /// The input node's index.
        public let node: Int
        /// The element's position in the input (empty for a scalar, `[i]` or `[i, j]`).
        public let position: [Int]
        public let analytic: Double
        public let numeric: Double
        /// `|analytic − numeric| / max(1, |analytic|, |numeric|)`: a relative error that stays
        /// meaningful when the gradient is near zero.
        public let error: Double
        public let passed: Bool
    }

    public let h: Double
    public let tolerance: Double
    public let rows: [Row]
    /// Inputs checked at a sample of their elements: node index → (checked, total).
    public let sampled: [Int: (checked: Int, total: Int)]
    /// True when every row is within tolerance.
    public var passed: Bool { rows.allSatisfy(\.passed) }

    /// The step the lecture uses: h = 1e-4.
    public static let defaultH = 1e-4
    /// The default tolerance on the relative error.
    public static let defaultTolerance = 1e-6
    /// How many elements of a larger input are checked by default. Each element costs two
    /// evaluations of the whole graph, so checking all of a 300×300 input took 84 s.
    public static let defaultSample = 100

    /// Compares the elements of every input of `evaluation`'s graph: all of them for inputs of
    /// at most `sample` elements (or when `sample` is nil), otherwise `sample` elements evenly
    /// spaced from the first to the last.
    public init(_ evaluation: Evaluation, h: Double = NumericalCheck.defaultH,
                tolerance: Double = NumericalCheck.defaultTolerance,
                sample: Int? = NumericalCheck.defaultSample) throws {
        self.h = h
        self.tolerance = tolerance
        let graph = evaluation.graph
        var rows: [Row] = []
        var sampled: [Int: (checked: Int, total: Int)] = [:]
        for (index, node) in graph.nodes.enumerated() where node.kind == .input {
            let value = evaluation.values[index]
            let elements = NumericalCheck.elements(count: value.count, sample: sample)
            if elements.count < value.count { sampled[index] = (elements.count, value.count) }
            for element in elements {
                let numeric = try NumericalCheck.centralDifference(graph, input: index, element: element, h: h)
                let analytic = evaluation.gradients[index]!.scalars[element]
                let error = NumericalCheck.relativeError(analytic, numeric)
                rows.append(Row(node: index, position: NumericalCheck.position(of: element, in: value.shape),
                                analytic: analytic, numeric: numeric, error: error,
                                passed: error <= tolerance))
            }
        }
        self.rows = rows
        self.sampled = sampled
    }

    /// The elements checked of an input with `count` elements: all, or `sample` of them evenly
    /// spaced, first and last included.
    static func elements(count: Int, sample: Int?) -> [Int] {
        guard let sample, count > sample, sample > 0 else { return Array(0..<count) }
        guard sample > 1 else { return [0] }
        return (0..<sample).map { $0 * (count - 1) / (sample - 1) }
    }

    /// `(f(x + h) − f(x − h)) / (2·h)` for one element of one input, evaluated exactly in
    /// that order so that the lecture's numbers (7.000000000019213) come out bit for bit.
    public static func centralDifference(_ graph: Graph, input: Int, element: Int, h: Double) throws -> Double {
        let base = graph.nodes[input].literal!
        var plus = base, minus = base
        plus.scalars[element] = base.scalars[element] + h
        minus.scalars[element] = base.scalars[element] - h
        let fPlus = try Evaluation.forward(graph, overrides: [input: plus])[graph.output].scalar
        let fMinus = try Evaluation.forward(graph, overrides: [input: minus])[graph.output].scalar
        return (fPlus - fMinus) / (2 * h)
    }

    static func relativeError(_ a: Double, _ b: Double) -> Double {
        if a == b { return 0 }
        guard a.isFinite, b.isFinite else { return .infinity }
        return Swift.abs(a - b) / max(1, Swift.abs(a), Swift.abs(b))
    }

    static func position(of element: Int, in shape: [Int]) -> [Int] {
        switch shape.count {
        case 0: return []
        case 1: return [element]
        default: return [element / shape[1], element % shape[1]]
        }
    }
}
