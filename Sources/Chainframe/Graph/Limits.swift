/// Limits that keep hostile input from exhausting memory or time, carried as a value from the
/// command line (or a library caller) through parsing, evaluation and the storyboard.
///
/// A graph remembers the limits it was built under (``Graph/limits``), so every later
/// evaluation of it — the nudge, the numerical check — works within the same bounds.
public struct Limits: Sendable, Hashable {
    /// The largest source accepted, in bytes (`--max-input-bytes`).
    public var maxInputBytes: Int
    /// The most nodes a graph may have (`--max-nodes`).
    public var maxNodes: Int
    /// The deepest expression nesting accepted (`--max-depth`, at most ``deepestAllowed``).
    public var maxDepth: Int
    /// The most elements a tensor may have (`--max-elements`).
    public var maxElements: Int
    /// The most elements all of a graph's values may hold together (`--max-total-elements`):
    /// the per-tensor limit alone let 1 500 broadcast nodes of a million elements each take 12 GB.
    public var maxTotalElements: Int

    /// The default of ``maxElements``.
    public static let defaultMaxElements = 1_000_000
    /// The largest ``maxDepth`` that cannot overflow the parser's stack.
    public static let deepestAllowed = 2_000
    /// The defaults of every limit.
    public static let standard = Limits()

    /// The default of ``maxTotalElements``.
    public static let defaultMaxTotalElements = 20_000_000

    /// Limits with the given values (each defaults to the command line's default).
    public init(maxInputBytes: Int = SourceFile.defaultMaxBytes, maxNodes: Int = GraphBuilder.defaultMaxNodes,
                maxDepth: Int = Parser.defaultMaxDepth, maxElements: Int = Limits.defaultMaxElements,
                maxTotalElements: Int = Limits.defaultMaxTotalElements) {
        self.maxInputBytes = maxInputBytes
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
        self.maxElements = maxElements
        self.maxTotalElements = maxTotalElements
    }

    /// Why these limits cannot be used (one is not positive, or the depth is too deep); nil when
    /// they can.
    public var problem: String? {
        guard maxInputBytes > 0, maxNodes > 0, maxDepth > 0, maxElements > 0, maxTotalElements > 0 else {
            return "limits must be positive"
        }
        guard maxDepth <= Limits.deepestAllowed else {
            return "the depth limit is at most \(Limits.deepestAllowed) (deeper nesting could overflow the stack)"
        }
        return nil
    }

    /// Throws when a result of `count` elements would exceed ``maxElements``.
    func check(elements count: Int) throws(Primitive.ShapeError) {
        if count > maxElements { throw .tooLarge(elements: count, limit: maxElements) }
    }

    /// The product of `shape`, saturating instead of overflowing.
    static func count(_ shape: [Int]) -> Int {
        shape.reduce(1) { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }
    }
}
