/// A colour with straight (non-premultiplied) alpha; each channel in 0...1.
public struct RGBA: Sendable, Hashable, Codable {
    public var r: Double
    public var g: Double
    public var b: Double
    public var a: Double

    public init(r: Double, g: Double, b: Double, a: Double = 1) {
        self.r = r
        self.g = g
        self.b = b
        self.a = a
    }

    /// Parses `#RRGGBB` or `#RRGGBBAA` (also `#RGB`/`#RGBA`; the `#` is optional).
    /// Returns nil for anything else.
    public init?(hex: String) {
        var digits = Substring(hex)
        if digits.first == "#" { digits = digits.dropFirst() }
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        let expanded: String
        switch digits.count {
        case 3, 4: expanded = String(digits.flatMap { [$0, $0] })
        case 6, 8: expanded = String(digits)
        default: return nil
        }
        guard var value = UInt32(expanded, radix: 16) else { return nil }
        if expanded.count == 6 { value = value << 8 | 0xFF }
        self.init(r: Double(value >> 24 & 0xFF) / 255, g: Double(value >> 16 & 0xFF) / 255,
                  b: Double(value >> 8 & 0xFF) / 255, a: Double(value & 0xFF) / 255)
    }

    /// `#RRGGBB`, or `#RRGGBBAA` when not fully opaque.
    public var hexString: String {
        func byte(_ v: Double) -> String {
            let n = Int((min(max(v, 0), 1) * 255).rounded())
            return n < 16 ? "0" + String(n, radix: 16, uppercase: true) : String(n, radix: 16, uppercase: true)
        }
        return "#" + byte(r) + byte(g) + byte(b) + (a < 1 ? byte(a) : "")
    }

    /// The same colour with alpha replaced.
    public func withAlpha(_ alpha: Double) -> RGBA {
        RGBA(r: r, g: g, b: b, a: alpha)
    }

    public static let black = RGBA(r: 0, g: 0, b: 0)
    public static let white = RGBA(r: 1, g: 1, b: 1)
    public static let clear = RGBA(r: 0, g: 0, b: 0, a: 0)
}
