import Foundation

/// Formats numbers for people: `33`, not `33.0`; `7.000000000019213` in full or rounded.
public enum NumberFormat {
    /// The shortest text that reads back as exactly `value`, without a trailing `.0`.
    ///
    /// Non-finite values read `NaN`, `∞` and `-∞`.
    public static func full(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "∞" : "-∞" }
        if value == 0 { return "0" }   // also folds -0 into 0
        if value == value.rounded(), abs(value) < 1e16 {
            return String(Int64(value))
        }
        var text = "\(value)"
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// `value` rounded to at most `significantDigits` significant digits, trailing zeros
    /// dropped: `rounded(7.000000000019213, 6)` is `7`, `rounded(0.1234567, 3)` is `0.123`.
    public static func rounded(_ value: Double, significantDigits: Int) -> String {
        guard value.isFinite, value != 0 else { return full(value) }
        let digits = max(1, min(17, significantDigits))
        let magnitude = abs(value)
        if magnitude >= 1e-4 && magnitude < 1e15 {
            let exponent = Int(floor(log10(magnitude)))
            let decimals = max(0, digits - 1 - exponent)
            return trimZeros(cFormatted("%.*f", precision: decimals, value))
        }
        let text = cFormatted("%.*e", precision: digits - 1, value)
        guard let e = text.firstIndex(of: "e") else { return text }
        let mantissa = trimZeros(String(text[..<e]))
        let exponent = Int(text[text.index(after: e)...]) ?? 0
        return "\(mantissa)e\(exponent)"
    }

    /// `value` with exactly `decimals` decimals, as C's `%.4f`: `0.5000`, `−0.0000` as `0.0000`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return full(value) }
        let text = cFormatted("%.*f", precision: max(0, min(17, decimals)), value)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }

    /// A coordinate for text formats (SVG, TikZ, DOT): at most `decimals` decimals (17 at
    /// most), trailing zeros and `-0` removed (`12.5`, `3`); non-finite values as `0`.
    public static func coordinate(_ x: Double, decimals: Int = 2) -> String {
        guard x.isFinite else { return "0" }
        return trimZeros(cFormatted("%.*f", precision: max(0, min(17, decimals)), x))
    }

    /// One number as C's `printf` writes it with a precision (`%.*f`, `%.*e`) in the C locale,
    /// whatever locale the process has set: what `String(format:)` writes, without Foundation's
    /// format parser (a tenth of the time; every caption, card and frame formats numbers).
    private static func cFormatted(_ format: StaticString, precision: Int, _ value: Double) -> String {
        let previous = uselocale(cLocale)
        defer { uselocale(previous) }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
            // A finite double has at most 309 digits before the point; callers ask for at most
            // 20 after it.
            let count = withVaList([Int32(precision), value]) {
                vsnprintf(buffer.baseAddress!, buffer.count, UnsafeRawPointer(format.utf8Start).assumingMemoryBound(to: CChar.self), $0)
            }
            return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: Int(max(0, min(count, 399)))), as: UTF8.self)
        }
    }

    /// The C locale's number formatting, made once (`uselocale` sets it for the calling thread).
    nonisolated(unsafe) private static let cLocale = newlocale(LC_NUMERIC_MASK, "C", nil)

    /// `text` without trailing zeros after the point, nor the point itself, and `-0` as `0`.
    static func trimZeros(_ text: String) -> String {
        guard text.contains(".") else { return text == "-0" ? "0" : text }
        var t = text
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t == "-0" ? "0" : t
    }
}
