import Foundation

/// Writes values and gradients for people, at a chosen precision.
public struct ValueText: Sendable {
    /// Significant digits.
    public var precision: Int

    public init(precision: Int) {
        self.precision = precision
    }

    /// The most elements written out; larger tensors are written by their shape.
    public static let maxShownElements = 12

    /// Enough significant digits (at least `minimum`) to show a change of `delta` in a value
    /// whose largest element is `largest`: 11 → 11.001 needs 6.
    public static func digits(showing delta: Double, largest: Double, minimum: Int) -> Int {
        guard delta > 0, largest > 0, largest.isFinite else { return minimum }
        // A subnormal delta makes the ratio infinite: clamp before converting to Int.
        let magnitude = (largest / delta).log10Rounded
        guard magnitude.isFinite else { return magnitude > 0 ? 17 : minimum }
        return min(17, max(minimum, Int(min(magnitude, 17)) + 2))
    }

    /// A number: `33`, `0.644397`, `−3` (with a real minus sign), `∞`, `NaN`.
    public func number(_ value: Double) -> String {
        let text = NumberFormat.rounded(value, significantDigits: precision)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// A tensor on one line: `6`, `[1, 2]`, `[[1, 2], [3, 4]]`, or `(20×30)` when large.
    public func inline(_ t: Tensor, maxElements: Int = 6) -> String {
        switch t.rank {
        case 0: return number(t.scalar)
        case 1 where t.count <= maxElements: return "[" + t.scalars.map(number).joined(separator: ", ") + "]"
        case 2 where t.count <= maxElements:
            return "[" + t.rows.map { "[" + $0.map(number).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        default: return "(" + Tensor.describe(shape: t.shape) + ")"
        }
    }

    /// A tensor as lines for a node: one line for scalars and vectors, one line per row for
    /// small matrices, the shape for large ones.
    public func lines(_ t: Tensor) -> [String] {
        switch t.rank {
        case 0: return [number(t.scalar)]
        case 1 where t.count <= ValueText.maxShownElements:
            return ["[" + t.scalars.map(number).joined(separator: ", ") + "]"]
        case 2 where t.count <= ValueText.maxShownElements && t.shape[0] <= 4:
            return t.rows.map { "[" + $0.map(number).joined(separator: ", ") + "]" }
        default:
            let finite = t.scalars.filter(\.isFinite)
            guard let lo = finite.min(), let hi = finite.max() else { return [Tensor.describe(shape: t.shape)] }
            return [Tensor.describe(shape: t.shape), number(lo) + " … " + number(hi)]
        }
    }
}

extension Double {
    /// log10, rounded down, for positive finite numbers.
    var log10Rounded: Double { Foundation.log10(self).rounded(.down) }
}
