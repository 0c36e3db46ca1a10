import Foundation

/// Writes values and gradients for people, at a chosen precision.
public struct ValueText: Sendable {
    /// Significant digits.
    public var precision: Int
    /// Fixed decimals instead of significant digits (`--decimals 4` writes 0.5 as `0.5000`, as
    /// micrograd's `%.4f`); nil for significant digits.
    public var decimals: Int?

    public init(precision: Int, decimals: Int? = nil) {
        self.precision = precision
        self.decimals = decimals
    }

    /// The most elements written out; larger tensors are written by their shape.
    public static let maxShownElements = 12

    /// Enough significant digits (at least `minimum`) to show a change of `delta` in a value
    /// whose largest element is `largest` with the change's own `minimum` digits, so that
    /// old → new and Δ agree: 11 → 11.001 (Δ = 0.001), 4 → 4.004001 (Δ = 0.004001).
    public static func digits(showing delta: Double, largest: Double, minimum: Int) -> Int {
        guard delta > 0, largest > 0, delta.isFinite, largest.isFinite else { return minimum }
        let needed = largest.log10Rounded - delta.log10Rounded + Double(minimum)
        return needed.isFinite ? min(17, max(minimum, Int(needed))) : minimum
    }

    /// The same text with `extra` more digits (significant or decimal).
    public func adding(digits extra: Int) -> ValueText {
        ValueText(precision: min(17, precision + extra), decimals: decimals.map { min(17, $0 + extra) })
    }

    /// A number: `33`, `0.644397`, `−3` (with a real minus sign), `∞`, `NaN`; with `decimals`,
    /// always that many decimals (`0.5000`).
    public func number(_ value: Double) -> String {
        let text: String
        if let decimals, value.isFinite, Swift.abs(value) < 1e15 {
            text = NumberFormat.fixed(value, decimals: decimals)
        } else {
            text = NumberFormat.rounded(value, significantDigits: precision)
        }
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// A value as an operand of an equation: negative numbers in parentheses.
    public func operand(_ t: Tensor) -> String {
        let s = inline(t)
        return s.hasPrefix("−") ? "(\(s))" : s
    }

    /// The value as written: each element rounded as `number` writes it.
    func shown(_ t: Tensor) -> Tensor {
        Tensor(shape: t.shape, scalars: t.scalars.map { x in
            Double(number(x).replacingOccurrences(of: "−", with: "-")) ?? x
        })
    }

    /// `operands … = result`, written so that it checks at the digits shown: `compute`
    /// applied to the operands as written must give the result as written. The operands get
    /// up to two more digits when that makes it check (`3.0003² = 9.002`, not `3² = 9.002`);
    /// otherwise the equation says `≈`. `write` joins the operands' texts (`a · b`).
    public func equation(_ operands: [Tensor], result: Tensor, write: ([String]) -> String,
                         compute: ([Tensor]) -> Tensor?) -> String {
        let shownResult = inline(result)
        for extra in 0...2 {
            let text = adding(digits: extra)
            let written = write(operands.map(text.operand))
            guard let recomputed = compute(operands.map(text.shown)) else { return written + " = " + shownResult }
            if inline(recomputed) == shownResult { return written + " = " + shownResult }
        }
        return write(operands.map(operand)) + " ≈ " + shownResult
    }

    /// The chain rule's product on an edge: `3 · 2 = 6`, `(−0.475) · 2 = −0.95`.
    public func chainProduct(gradient: Double, local: Double, contribution: Double) -> String {
        equation([Tensor(gradient), Tensor(local)], result: Tensor(contribution),
                 write: { $0.joined(separator: " · ") },
                 compute: { Tensor($0[0].scalar * $0[1].scalar) })
    }

    /// A branch node's sum: `3 + 4 = 7`.
    public func sum(_ parts: [Tensor], total: Tensor) -> String {
        equation(parts, result: total, write: { $0.joined(separator: " + ") }, compute: { shown in
            guard var total = shown.first else { return nil }
            for part in shown.dropFirst() {
                guard part.shape == total.shape else { return nil }
                total = Tensor(shape: total.shape, scalars: zip(total.scalars, part.scalars).map { $0 + $1 })
            }
            return total
        })
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
