import Chainframe
import Foundation

/// Draws "the derivative as a slope": the curve of f, its tangent at the point, a secant for
/// a visible h with its legs (h and Δf), and the slope written out in the caption band.
public struct SlopeSceneBuilder {
    public let study: SlopeStudy
    public let theme: Theme
    public let size: Size
    public let phrases: Phrasebook
    public let precision: Int
    let text: any TextMeasuring

    public init(study: SlopeStudy, theme: Theme, size: Size, phrases: Phrasebook = .english, precision: Int = 4,
                text: any TextMeasuring) {
        self.study = study
        self.theme = theme
        self.size = size
        self.phrases = phrases
        self.precision = precision
        self.text = text
    }

    /// Maps function coordinates to canvas points inside `plot`.
    public struct Mapping: Sendable {
        public let plot: Rect
        public let xRange: ClosedRange<Double>
        public let yRange: ClosedRange<Double>

        public func point(_ x: Double, _ y: Double) -> Point {
            Point(x: plot.minX + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * plot.width,
                  y: plot.maxY - (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * plot.height)
        }
    }

    var values: ValueText { ValueText(precision: precision) }
    func n(_ x: Double) -> String { values.number(x) }

    /// The caption: headline `f(a) = a²,  f′(2) = 4`, then the secant and the small h = 0.001.
    public var caption: Step.Caption {
        let v = DisplayName.pretty(study.variable)
        let f = "f(\(v)) = \(ExpressionText.math(study.expression) ?? study.expression)"
        let x0 = n(study.x0), x1 = n(study.x0 + study.h), xs = n(study.x0 + study.smallH)
        let headline = "\(f),   f′(\(x0)) = \(n(study.derivative))"
        let secant = "\(phrases.secant), h = \(n(study.h)): (f(\(x1)) − f(\(x0))) / \(n(study.h)) = "
            + "(\(n(study.secantValue)) − \(n(study.value))) / \(n(study.h)) = \(n(study.secantSlope))"
        let small = "h = \(NumberFormat.full(study.smallH)): (f(\(xs)) − f(\(x0))) / \(NumberFormat.full(study.smallH)) = "
            + "\(ValueText(precision: 10).number(study.smallSlope))  →  \(phrases.tangent): \(n(study.derivative))"
        return Step.Caption(title: phrases.slopeTitle, headline: headline, details: [secant, small])
    }

    /// The plot's coordinates: the function's range, padded, and the drawing area.
    public var mapping: Mapping {
        let captionHeight = FrameLayout.bandHeight(theme, lines: 3, text: text)
        let m = theme.margins
        let top = m.top + (theme.captionBand.position == .top ? captionHeight : 0)
        let plot = Rect(x: m.left + 40, y: top, width: size.width - m.left - m.right - 40,
                        height: size.height - m.top - m.bottom - captionHeight - 30)
        var ys = study.samples.map(\.y) + [study.value, study.secantValue].filter(\.isFinite)
        if ys.isEmpty { ys = [0] }
        var low = ys.min()!, high = ys.max()!
        if high - low < 1e-9 { low -= 1; high += 1 }
        let pad = (high - low) * 0.12
        return Mapping(plot: plot, xRange: study.range, yRange: (low - pad)...(high + pad))
    }

    /// The picture.
    public func scene() -> Scene {
        let map = mapping
        var elements: [SceneElement] = []
        elements += axes(map)
        elements += curve(map)
        let p0 = map.point(study.x0, study.value)
        let p1 = map.point(study.x0 + study.h, study.secantValue)
        // The secant, its legs, the tangent, the points and their labels.
        if let secant = clippedLine(through: (study.x0, study.value), slope: study.secantSlope, map) {
            elements.append(.path([.move(to: secant.0), .line(to: secant.1)],
                                  stroke: StrokeStyle(width: 2.5, color: theme.operation.stroke, dash: [10, 7]), role: .secant))
            elements.append(label("\(phrases.secant): \(phrases.slope) \(n(study.secantSlope))", near: secant.1,
                                  color: theme.operation.stroke, role: .secant, map))
        }
        let corner = map.point(study.x0 + study.h, study.value)
        let leg = StrokeStyle(width: 1.8, color: theme.muted, dash: [3, 4])
        elements.append(.path([.move(to: p0), .line(to: corner), .line(to: p1)], stroke: leg, role: .secant))
        elements.append(.text(TextRun(text: "h = \(n(study.h))", font: font(18), color: theme.captionBand.text,
                                      position: Point(x: (p0.x + corner.x) / 2, y: corner.y + (p1.y <= corner.y ? 8 : -8)),
                                      anchor: TextAnchor(horizontal: .center, vertical: p1.y <= corner.y ? .top : .bottom),
                                      role: .label)))
        elements.append(.text(TextRun(text: "Δf = \(n(study.secantValue - study.value))", font: font(18),
                                      color: theme.captionBand.text, position: Point(x: corner.x + 10, y: (corner.y + p1.y) / 2),
                                      anchor: .left, role: .label)))
        if let tangent = clippedLine(through: (study.x0, study.value), slope: study.derivative, map) {
            elements.append(.path([.move(to: tangent.0), .line(to: tangent.1)],
                                  stroke: StrokeStyle(width: 3.5, color: theme.backward, lineCap: .round), role: .tangent))
            elements.append(label("\(phrases.tangent): \(phrases.slope) f′(\(n(study.x0))) = \(n(study.derivative))",
                                  near: tangent.0, color: theme.backward, role: .tangent, map))
        }
        elements.append(.shape(.circle(center: p1, radius: 7), fill: theme.background, stroke: StrokeStyle(width: 3, color: theme.operation.stroke), role: .point))
        elements.append(.shape(.circle(center: p0, radius: 9), fill: theme.highlight, stroke: StrokeStyle(width: 3, color: theme.backward), role: .point))
        elements.append(.text(TextRun(text: "(\(n(study.x0)), \(n(study.value)))", font: font(20, bold: true),
                                      color: theme.captionBand.text, position: Point(x: p0.x - 14, y: p0.y - 12),
                                      anchor: TextAnchor(horizontal: .right, vertical: .bottom), role: .label)))
        elements += band()
        return Scene(size: size, background: theme.background, elements: elements)
    }

    func font(_ size: Double, bold: Bool = false) -> FontSpec {
        FontSpec(family: theme.fontFamily, size: size, weight: bold ? .bold : .regular)
    }

    /// A label in a chip, placed inside the plot near `point`.
    func label(_ string: String, near point: Point, color: RGBA, role: SceneElement.Role, _ map: Mapping) -> SceneElement {
        let f = font(19)
        let measured = text.measure(string, font: f)
        let chipSize = Size(width: measured.width + 16, height: measured.height + 8)
        var center = Point(x: point.x, y: point.y)
        center.x = min(max(center.x, map.plot.minX + chipSize.width / 2 + 4), map.plot.maxX - chipSize.width / 2 - 4)
        center.y = min(max(center.y, map.plot.minY + chipSize.height / 2 + 4), map.plot.maxY - chipSize.height / 2 - 4)
        let chip = Rect(center: center, size: chipSize)
        return .group(opacity: 1, [
            .shape(.roundedRect(chip, radius: chip.height / 2), fill: theme.labelFill, stroke: StrokeStyle(width: 1.2, color: color), role: role),
            .text(TextRun(text: string, font: f, color: color, position: center, anchor: .center, role: role)),
        ])
    }

    /// The line through `point` with `slope`, cut to the plot (nil when it misses it).
    func clippedLine(through point: (Double, Double), slope: Double, _ map: Mapping) -> (Point, Point)? {
        guard slope.isFinite, point.1.isFinite else { return nil }
        let (x0, y0) = point
        var t0 = map.xRange.lowerBound, t1 = map.xRange.upperBound
        let y = { (x: Double) in y0 + slope * (x - x0) }
        // Keep the part of [t0, t1] where low ≤ y(x) ≤ high.
        for bound in [map.yRange.lowerBound, map.yRange.upperBound] where slope != 0 {
            let x = x0 + (bound - y0) / slope
            let below = bound == map.yRange.lowerBound
            if (slope > 0) == below { t0 = max(t0, x) } else { t1 = min(t1, x) }
        }
        if slope == 0 && !map.yRange.contains(y0) { return nil }
        guard t0 < t1 else { return nil }
        return (map.point(t0, y(t0)), map.point(t1, y(t1)))
    }
}
