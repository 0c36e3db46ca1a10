/// Limits that keep hostile input from exhausting memory or time; raised by flags.
public enum Limits {
    /// The most elements a tensor may have (`--max-elements`).
    @TaskLocal public static var maxElements = 1_000_000

    /// The default of `maxElements`.
    public static let defaultMaxElements = 1_000_000

    /// The most elements all of a graph's values may hold together (`--max-total-elements`):
    /// the per-tensor limit alone let 1 500 broadcast nodes of a million elements each take 12 GB.
    @TaskLocal public static var maxTotalElements = 20_000_000

    /// The default of `maxTotalElements`.
    public static let defaultMaxTotalElements = 20_000_000

    /// Throws when a result of `count` elements would exceed the limit.
    static func check(elements count: Int) throws(Primitive.ShapeError) {
        if count > maxElements { throw .tooLarge(elements: count, limit: maxElements) }
    }

    /// The product of `shape`, saturating instead of overflowing.
    static func count(_ shape: [Int]) -> Int {
        shape.reduce(1) { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }
    }
}
