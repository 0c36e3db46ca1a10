import Chainframe
import Foundation

extension SlopeSceneBuilder {
    /// Ticks at 1, 2 or 5 × 10ⁿ, about six across `range`.
    static func ticks(_ range: ClosedRange<Double>) -> [Double] {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return [] }
        let raw = span / 6
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        var tick = (range.lowerBound / step).rounded(.up) * step
        var out: [Double] = []
        while tick <= range.upperBound + step * 1e-9 {
            out.append(abs(tick) < step * 1e-9 ? 0 : tick)
            tick += step
        }
        return out
    }

    /// Grid, axes with arrowheads, tick labels and the variable's name.
    func axes(_ map: Mapping) -> [SceneElement] {
        var out: [SceneElement] = []
        let grid = StrokeStyle(width: 1, color: theme.muted.withAlpha(0.35))
        let axis = StrokeStyle(width: 2, color: theme.captionBand.text)
        let xAxisY = map.yRange.contains(0) ? 0 : map.yRange.lowerBound
        let yAxisX = map.xRange.contains(0) ? 0 : map.xRange.lowerBound
        for x in Self.ticks(map.xRange) {
            let top = map.point(x, map.yRange.upperBound), bottom = map.point(x, map.yRange.lowerBound)
            out.append(.path([.move(to: top), .line(to: bottom)], stroke: grid, role: .axis))
            let at = map.point(x, xAxisY)
            out.append(.text(TextRun(text: n(x), font: font(16), color: theme.captionBand.title,
                                     position: Point(x: at.x, y: at.y + 6), anchor: TextAnchor(horizontal: .center, vertical: .top), role: .axis)))
        }
        for y in Self.ticks(map.yRange) {
            let left = map.point(map.xRange.lowerBound, y), right = map.point(map.xRange.upperBound, y)
            out.append(.path([.move(to: left), .line(to: right)], stroke: grid, role: .axis))
            let at = map.point(yAxisX, y)
            out.append(.text(TextRun(text: n(y), font: font(16), color: theme.captionBand.title,
                                     position: Point(x: at.x - 8, y: at.y), anchor: .right, role: .axis)))
        }
        let xStart = map.point(map.xRange.lowerBound, xAxisY), xEnd = map.point(map.xRange.upperBound, xAxisY)
        let yStart = map.point(yAxisX, map.yRange.lowerBound), yEnd = map.point(yAxisX, map.yRange.upperBound)
        out.append(.path([.move(to: xStart), .line(to: xEnd)], stroke: axis, role: .axis))
        out.append(.path([.move(to: yStart), .line(to: yEnd)], stroke: axis, role: .axis))
        out.append(.shape(.polygon(Curves.arrowhead(tip: Point(x: xEnd.x + 12, y: xEnd.y), from: xEnd, size: 12)),
                          fill: theme.captionBand.text, stroke: nil, role: .axis))
        out.append(.shape(.polygon(Curves.arrowhead(tip: Point(x: yEnd.x, y: yEnd.y - 12), from: yEnd, size: 12)),
                          fill: theme.captionBand.text, stroke: nil, role: .axis))
        out.append(.text(TextRun(text: DisplayName.pretty(study.variable), font: font(22, bold: true), color: theme.captionBand.text,
                                 position: Point(x: xEnd.x + 18, y: xEnd.y), anchor: .left, role: .axis)))
        out.append(.text(TextRun(text: "f(\(DisplayName.pretty(study.variable)))", font: font(22, bold: true),
                                 color: theme.captionBand.text, position: Point(x: yEnd.x + 10, y: yEnd.y - 8),
                                 anchor: TextAnchor(horizontal: .left, vertical: .bottom), role: .axis)))
        return out
    }

    /// The curve, broken where the function is not defined.
    func curve(_ map: Mapping) -> [SceneElement] {
        var out: [SceneElement] = []
        var run: [PathElement] = []
        let style = StrokeStyle(width: 4, color: theme.forward, lineCap: .round, lineJoin: .round)
        var previousX: Double?
        let gap = (map.xRange.upperBound - map.xRange.lowerBound) / Double(max(1, study.samples.count)) * 1.5
        for sample in study.samples {
            // The y range spans every sample, so the curve stays inside the plot.
            let p = map.point(sample.x, sample.y)
            if let previousX, sample.x - previousX > gap, run.count > 1 {
                out.append(.path(run, stroke: style, role: .curve))
                run = []
            }
            run.append(run.isEmpty ? .move(to: p) : .line(to: p))
            previousX = sample.x
        }
        if run.count > 1 { out.append(.path(run, stroke: style, role: .curve)) }
        return out
    }

    /// The caption band with the slope written out.
    func band() -> [SceneElement] {
        guard theme.captionBand.position != .none else { return [] }
        let c = caption
        let height = FrameLayout.bandHeight(theme, lines: 3, text: text)
        let band = theme.captionBand.position == .top ? Rect(x: 0, y: 0, width: size.width, height: height)
            : Rect(x: 0, y: size.height - height, width: size.width, height: height)
        let left = max(theme.captionBand.padding, theme.margins.left)
        var y = band.minY + theme.captionBand.padding
        var out: [SceneElement] = [.shape(.rect(band), fill: theme.captionBand.fill, stroke: nil, role: .band)]
        let title = font(theme.fontSizes.captionTitle, bold: true)
        out.append(.text(TextRun(text: c.title, font: title, color: theme.captionBand.title, position: Point(x: left, y: y),
                                 anchor: TextAnchor(horizontal: .left, vertical: .top), role: .band)))
        y += text.measure("Ag", font: title).height + 6
        for (i, line) in ([c.headline] + c.details).enumerated() {
            let f = font(i == 0 ? theme.fontSizes.caption : theme.fontSizes.captionDetail)
            out.append(.text(TextRun(text: line, font: f, color: theme.captionBand.text, position: Point(x: left, y: y),
                                     anchor: TextAnchor(horizontal: .left, vertical: .top), role: .band)))
            y += text.measure("Ag∂가", font: f).height + 4
        }
        return out
    }
}
