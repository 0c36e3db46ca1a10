import Chainframe
import ChainframeGraphics

/// Builds the scene of each step from the shared layout, the storyboard and the theme.
///
/// Measures text through its own `PangoText`, so use one builder per thread.
public struct SceneBuilder {
    public let storyboard: Storyboard
    public let layout: FrameLayout
    public let theme: Theme
    public let options: FrameOptions
    let fonts: FrameFonts
    let edgeLabels: EdgeLabels
    let text: PangoText

    public init(storyboard: Storyboard, layout: FrameLayout, theme: Theme, options: FrameOptions,
                text: PangoText = PangoText()) {
        self.text = text
        self.storyboard = storyboard
        self.layout = layout
        self.theme = theme
        self.options = options
        self.fonts = FrameFonts(theme: theme, scale: layout.graphScale)
        self.edgeLabels = layout.edgeLabels
    }

    var graph: Graph { storyboard.evaluation.graph }
    var s: Double { layout.graphScale }

    /// The scene of `step`.
    public func scene(for step: Step) -> Scene {
        var elements: [SceneElement] = []
        if let title = graph.title {
            elements.append(.text(TextRun(text: title, font: fonts.graphTitle, color: theme.captionBand.text,
                                          position: Point(x: theme.margins.left, y: theme.margins.top),
                                          anchor: TextAnchor(horizontal: .left, vertical: .top), role: .decoration)))
        }
        elements += forwardEdges(step)
        elements += backwardFlows(step)
        elements += highlights(step)
        for index in graph.nodes.indices { elements.append(node(index, step)) }
        elements += flowLabels(step)
        elements += captionBand(step)
        return Scene(size: layout.canvasSize, background: options.transparent ? nil : theme.background,
                     elements: elements)
    }

    // MARK: Edges

    private func forwardEdges(_ step: Step) -> [SceneElement] {
        var out: [SceneElement] = []
        for edge in layout.edges {
            guard let route = layout.edgeRoutes[edge] else { continue }
            let active = step.activeEdges.contains(edge) && (step.phase == .forward || step.phase == .nudge)
            let color: RGBA
            var opacity = 1.0
            switch step.phase {
            case .inputs:
                color = theme.operation.stroke
                opacity = theme.pendingOpacity
            case .forward:
                let done = step.knownValues.contains(edge.to)
                color = done ? theme.forward : theme.muted
                if !done { opacity = theme.pendingOpacity }
            case .nudge:
                let reached = step.nudges[edge.to] != nil && step.nudges[edge.from] != nil
                color = reached ? theme.forward : theme.muted
            case .backward, .check, .summary:
                color = theme.muted
            }
            let width = (active ? 2 * theme.edgeWidth : theme.edgeWidth) * s
            let arrow = theme.arrowSize * s * (active ? 1.25 : 1)
            let last = route.points.last!
            let path = PathElement.bezierChain(route.points) + [.line(to: route.tip)]
            let line: SceneElement = .path(Array(path.dropLast()), stroke: StrokeStyle(width: width, color: color, lineCap: .round), role: .edge)
            let head: SceneElement = .shape(.polygon(Curves.arrowhead(tip: route.tip, from: Curves.distance(last, route.tip) > 0.5 ? last : route.points[max(0, route.points.count - 2)], size: arrow)),
                                            fill: color, stroke: nil, role: .arrowhead)
            out.append(opacity < 1 ? .group(opacity: opacity, [line, head]) : .group(opacity: 1, [line, head]))
        }
        return out
    }

    /// The polyline of the backward flow along `edge`: from the consumer back to the producer,
    /// beside the forward edge.
    func flowLine(_ edge: Edge) -> [Point]? {
        guard let route = layout.edgeRoutes[edge] else { return nil }
        let forward = Curves.sample(route.points) + [route.tip]
        let gap = (theme.edgeWidth + theme.backwardWidth) / 2 * s + 7 * s
        return Curves.offset(forward, by: gap).reversed()
    }

    private func backwardFlows(_ step: Step) -> [SceneElement] {
        var out: [SceneElement] = []
        for edge in layout.edges where step.sentBack.contains(edge) {
            guard let line = flowLine(edge), line.count > 1 else { continue }
            let active = step.activeEdges.contains(edge) && step.phase == .backward
            let width = theme.backwardWidth * s * (active ? 1.5 : 1)
            let arrow = theme.arrowSize * s * (active ? 1.3 : 1.1)
            let shaft = Curves.trimEnd(line, by: arrow * 0.8)
            let style = StrokeStyle(width: width, color: theme.backward, dash: theme.backwardDash.map { $0 * s },
                                    lineCap: .round, lineJoin: .round)
            out.append(.path([.move(to: shaft[0])] + shaft.dropFirst().map { .line(to: $0) }, stroke: style, role: .flow))
            out.append(.shape(.polygon(Curves.arrowhead(tip: line.last!, from: shaft.last!, size: arrow)),
                              fill: theme.backward, stroke: nil, role: .arrowhead))
        }
        return out
    }

    /// The label of the backward flow along `edge` (`3 · 2 = 6`), its chip and where it goes;
    /// nil for edges nothing flows back along (from constants).
    public func edgeLabel(_ edge: Edge, bold isBold: Bool = false) -> (text: String, chip: Rect)? {
        guard let text = edgeLabels.labels[edge], let line = flowLine(edge) else { return nil }
        let (mid, normal) = Curves.point(at: 0.5, of: line)
        let size = measure(text, isBold ? bold(fonts.edgeLabel) : fonts.edgeLabel)
        // Far enough that the chip's box clears the flow, whatever the edge's angle; the flow
        // runs backwards, so the side away from the forward edge is against its left normal.
        let chipSize = Size(width: size.width + 12 * s, height: size.height + 4 * s)
        let push = abs(normal.x) * chipSize.width / 2 + abs(normal.y) * chipSize.height / 2 + 4 * s
        let center = Point(x: mid.x - normal.x * push, y: mid.y - normal.y * push)
        return (text, Rect(center: center, size: chipSize))
    }

    private func flowLabels(_ step: Step) -> [SceneElement] {
        var out: [SceneElement] = []
        for edge in layout.edges where step.sentBack.contains(edge) {
            let active = step.activeEdges.contains(edge) && step.phase == .backward
            guard let (text, chip) = edgeLabel(edge, bold: active) else { continue }
            out.append(.shape(.roundedRect(chip, radius: chip.height / 2), fill: theme.labelFill,
                              stroke: StrokeStyle(width: (active ? 1.6 : 1) * s, color: theme.backward), role: .label))
            out.append(.text(TextRun(text: text, font: active ? bold(fonts.edgeLabel) : fonts.edgeLabel,
                                     color: theme.backward, position: chip.center, anchor: .center, role: .label)))
        }
        return out
    }

    func measure(_ string: String, _ font: FontSpec) -> Size {
        text.measure(string, font: font)
    }

    /// `font`, made smaller if needed so that `string` fits in `width`.
    func fitting(_ string: String, _ font: FontSpec, width: Double) -> FontSpec {
        let natural = measure(string, font).width
        guard natural > width, natural > 0 else { return font }
        var f = font
        f.size = max(6, font.size * width / natural * 0.98)
        return f
    }

    private func bold(_ font: FontSpec) -> FontSpec {
        var f = font
        f.weight = .bold
        return f
    }

    // MARK: Nodes

    private func highlights(_ step: Step) -> [SceneElement] {
        guard step.phase != .summary else { return [] }
        return step.activeNodes.sorted().map { index in
            let box = layout.nodeBoxes[index].insetBy(dx: -6 * s, dy: -6 * s)
            let round = theme.style(for: layout.cards[index].kind).shape
            let outline: CanvasShape = round == .ellipse || round == .circle ? .ellipse(box) : .roundedRect(box, radius: 14 * s)
            return .shape(outline, fill: theme.highlight.withAlpha(0.18),
                          stroke: StrokeStyle(width: theme.highlightWidth * s, color: theme.highlight), role: .highlight)
        }
    }

    private func node(_ index: Int, _ step: Step) -> SceneElement {
        let card = layout.cards[index]
        let style = theme.style(for: card.kind)
        let box = layout.nodeBoxes[index]
        let known = step.knownValues.contains(index)
        var parts: [SceneElement] = []
        let outline = StrokeStyle(width: style.strokeWidth * s, color: style.stroke, dash: style.dash.map { $0 * s })
        parts.append(.shape(shape(style, box), fill: style.fill, stroke: outline, role: .node))

        let rows = layout.rows
        // Content is centred vertically (an ellipse's box is taller than its content).
        var y = box.midY - rows.contentHeights[index] * s / 2 + rows.padding * s
        parts.append(.text(TextRun(text: card.title, font: fonts.title, color: style.text,
                                   position: Point(x: box.midX, y: y), anchor: TextAnchor(horizontal: .center, vertical: .top),
                                   role: .node)))
        y += (rows.title + 4) * s
        let valueColor = known ? theme.forward : theme.muted
        let values = card.valueLines(in: step, storyboard: storyboard)
        let valueTop = y + Double(rows.valueLines[index] - values.count) * rows.value * s / 2
        for (i, line) in values.enumerated() {
            parts.append(.text(TextRun(text: line, font: fonts.value, color: valueColor,
                                       position: Point(x: box.midX, y: valueTop + Double(i) * rows.value * s),
                                       anchor: TextAnchor(horizontal: .center, vertical: .top), role: .node)))
        }
        y += (Double(rows.valueLines[index]) * rows.value + 8) * s
        let state = step.gradients[index]
        let gradient = card.gradientLines(in: step, storyboard: storyboard)
        if gradient.isEmpty, step.phase == .backward, storyboard.evaluation.gradients[index] != nil {
            // Not arrived yet: a quiet placeholder where the gradient will appear.
            let placeholder = storyboard.options.notation.derivative(
                of: graph.displayName(of: graph.output), by: graph.displayName(of: index)) + " = ?"
            parts.append(.text(TextRun(text: placeholder, font: fonts.gradient, color: theme.muted,
                                       position: Point(x: box.midX, y: y), anchor: TextAnchor(horizontal: .center, vertical: .top),
                                       role: .node)))
        }
        if !gradient.isEmpty {
            let height = Double(gradient.count) * rows.gradient * s
            let inset = style.shape == .ellipse || style.shape == .circle ? box.width * 0.15 : 6 * s
            let chip = Rect(x: box.minX + inset, y: y - 3 * s, width: box.width - 2 * inset, height: height + 6 * s)
            let complete = state?.isComplete ?? true
            parts.append(.shape(.roundedRect(chip, radius: 6 * s), fill: theme.backward.withAlpha(complete ? 0.12 : 0.05),
                                stroke: complete ? nil : StrokeStyle(width: 1 * s, color: theme.backward.withAlpha(0.6), dash: [4 * s, 3 * s]),
                                role: .node))
            for (i, line) in gradient.enumerated() {
                parts.append(.text(TextRun(text: line, font: fonts.gradient, color: theme.backward,
                                           position: Point(x: box.midX, y: y + Double(i) * rows.gradient * s),
                                           anchor: TextAnchor(horizontal: .center, vertical: .top), role: .node)))
            }
        }
        let quiet = !known && (step.phase == .inputs || step.phase == .forward)
        return .group(opacity: quiet ? theme.pendingOpacity : 1, parts)
    }

    private func shape(_ style: Theme.NodeStyle, _ box: Rect) -> CanvasShape {
        switch style.shape {
        case .box: return .rect(box)
        case .roundedBox: return .roundedRect(box, radius: style.cornerRadius * s)
        case .ellipse, .circle: return .ellipse(box)
        }
    }

    // MARK: Caption

    private func captionBand(_ step: Step) -> [SceneElement] {
        guard let band = layout.captionBand else { return [] }
        let band_ = theme.captionBand
        var out: [SceneElement] = [.shape(.rect(band), fill: band_.fill, stroke: nil, role: .band)]
        let left = band.minX + max(band_.padding, theme.margins.left)
        let width = band.width - 2 * max(band_.padding, theme.margins.left)
        var y = band.minY + band_.padding
        let title = measure(step.caption.titleWithRule, fonts.captionTitle)
        out.append(.text(TextRun(text: step.caption.titleWithRule, font: fitting(step.caption.titleWithRule, fonts.captionTitle, width: width), color: band_.title,
                                 position: Point(x: left, y: y), anchor: TextAnchor(horizontal: .left, vertical: .top), role: .band)))
        y += title.height + 6
        let headlineFont = fitting(step.caption.headline, fonts.caption, width: width)
        out.append(.text(TextRun(text: step.caption.headline, font: headlineFont, color: band_.text,
                                 position: Point(x: left, y: y), anchor: TextAnchor(horizontal: .left, vertical: .top), role: .band)))
        y += measure("Ag∂가", fonts.caption).height + 4
        for line in step.caption.details {
            let font = fitting(line, fonts.captionDetail, width: width)
            out.append(.text(TextRun(text: line, font: font, color: band_.text,
                                     position: Point(x: left, y: y), anchor: TextAnchor(horizontal: .left, vertical: .top), role: .band)))
            y += measure("Ag∂가", fonts.captionDetail).height + 4
        }
        return out
    }
}
