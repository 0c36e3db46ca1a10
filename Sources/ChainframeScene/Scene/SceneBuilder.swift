import Chainframe

/// Builds the scene of each step from the shared layout, the storyboard and the theme.
///
/// Measures text through its own text measurer (`TextMeasuring`), so use one builder per thread.
public struct SceneBuilder {
    public let storyboard: Storyboard
    public let layout: FrameLayout
    public let theme: Theme
    public let options: FrameOptions
    let fonts: FrameFonts
    let edgeLabels: EdgeLabels
    let text: any TextMeasuring

    public init(storyboard: Storyboard, layout: FrameLayout, theme: Theme, options: FrameOptions,
                text: any TextMeasuring) {
        self.text = text
        self.storyboard = storyboard
        self.layout = layout
        self.theme = theme
        self.options = options
        self.fonts = FrameFonts(theme: theme, scale: layout.graphScale)
        self.edgeLabels = layout.edgeLabels
    }

    /// Lays `storyboard`'s graph out once — measuring text with `text`, placing nodes with
    /// `engine` — and builds its scenes from that layout. Captions too long for the band are
    /// continued on further frames, so the builder's `storyboard` may have more steps.
    public init(laying storyboard: Storyboard, theme: Theme, options: FrameOptions, text: any TextMeasuring,
                engine: any GraphLayoutEngine) throws {
        let storyboard = CaptionLines.continued(storyboard, theme: theme, options: options, text: text)
        let layout = try FrameLayout(storyboard: storyboard, theme: theme, options: options, text: text, engine: engine)
        self.init(storyboard: storyboard, layout: layout, theme: theme, options: options, text: text)
    }

    var graph: Graph { storyboard.evaluation.graph }
    var s: Double { layout.graphScale }

    /// The scene of `step`.
    public func scene(for step: Step) -> Scene {
        var elements: [SceneElement] = []
        if let title = graph.title, let box = layout.titleBox {
            elements.append(.text(TextRun(text: title, font: fonts.graphTitle, color: theme.captionBand.text,
                                          position: box.origin,
                                          anchor: TextAnchor(horizontal: .left, vertical: .top), role: .decoration)))
        }
        var drawing = forwardEdges(step)
        drawing += highlights(step)
        for index in graph.nodes.indices { drawing.append(node(index, step)) }
        drawing += backwardLinks(step)
        if layout.camera == .focus {
            let camera = FrameCamera(layout: layout, graph: graph)
            let offset = camera.offset(for: step)
            // Only what the window can show, moved under it and clipped to it.
            let window = layout.graphArea.offsetBy(dx: -offset.x, dy: -offset.y)
            let overview = camera.overview(for: step, offset: offset, theme: theme)
            let covered = overview.panel.offsetBy(dx: -offset.x, dy: -offset.y)
            elements.append(.clip(layout.graphArea, camera.visible(drawing, window: window, covered: covered)
                .map { $0.moved(by: offset) }))
            elements += overview.elements
        } else {
            elements += drawing
        }
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
            // The line runs on to the arrowhead's base (the gap before the tip grows when the
            // ranks are spread apart).
            let gap = Curves.distance(last, route.tip)
            let base = gap > arrow ? Point(x: route.tip.x - (route.tip.x - last.x) / gap * arrow * 0.8,
                                           y: route.tip.y - (route.tip.y - last.y) / gap * arrow * 0.8) : last
            let path = PathElement.bezierChain(route.points) + (gap > arrow ? [.line(to: base)] : [])
            let line: SceneElement = .path(path, stroke: StrokeStyle(width: width, color: color, lineCap: .round), role: .edge)
            let head: SceneElement = .shape(.polygon(Curves.arrowhead(tip: route.tip, from: Curves.distance(last, route.tip) > 0.5 ? last : route.points[max(0, route.points.count - 2)], size: arrow)),
                                            fill: color, stroke: nil, role: .arrowhead)
            out.append(opacity < 1 ? .group(opacity: opacity, [line, head]) : .group(opacity: 1, [line, head]))
        }
        return out
    }

    /// The polyline of the backward flow along `edge`: from the consumer back to the producer,
    /// beside the forward edge.
    func flowLine(_ edge: Edge) -> [Point]? {
        layout.flowLines[edge]
    }

    /// Each backward flow sent so far with its label (`3 · 2 = 6`), one `.link` per edge.
    private func backwardLinks(_ step: Step) -> [SceneElement] {
        var out: [SceneElement] = []
        for edge in layout.edges where step.sentBack.contains(edge) {
            guard let line = flowLine(edge), line.count > 1 else { continue }
            let active = step.activeEdges.contains(edge) && step.phase == .backward
            let width = theme.backwardWidth * s * (active ? 1.5 : 1)
            let arrow = theme.arrowSize * s * (active ? 1.3 : 1.1)
            let shaft = Curves.trimEnd(line, by: arrow * 0.8)
            let style = StrokeStyle(width: width, color: theme.backward, dash: theme.backwardDash.map { $0 * s },
                                    lineCap: .round, lineJoin: .round)
            var parts: [SceneElement] = [
                .path([.move(to: shaft[0])] + shaft.dropFirst().map { .line(to: $0) }, stroke: style, role: .flow),
                .shape(.polygon(Curves.arrowhead(tip: line.last!, from: shaft.last!, size: arrow)),
                       fill: theme.backward, stroke: nil, role: .arrowhead),
            ]
            if let (text, chip) = edgeLabel(edge) {
                parts.append(.shape(.roundedRect(chip, radius: chip.height / 2), fill: theme.labelFill,
                                    stroke: StrokeStyle(width: (active ? 1.6 : 1) * s, color: theme.backward), role: .label))
                parts.append(.text(TextRun(text: text, font: active ? bold(fonts.edgeLabel) : fonts.edgeLabel,
                                           color: theme.backward, position: chip.center, anchor: .center, role: .label)))
            }
            // Named as people read them (the graph's display names, never internal ids).
            out.append(.link(from: graph.displayName(of: edge.from), to: graph.displayName(of: edge.to), parts))
        }
        return out
    }

    /// The label of the backward flow along `edge` (`3 · 2 = 6`) and its chip, placed once for
    /// every frame; nil for edges nothing flows back along (from constants).
    public func edgeLabel(_ edge: Edge) -> (text: String, chip: Rect)? {
        guard let text = edgeLabels.labels[edge], let chip = layout.labelChips[edge] else { return nil }
        return (text, chip)
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
        y += (rows.title + FrameLayout.titleGap) * s
        let valueColor = known ? theme.forward : theme.muted
        let values = card.valueLines(in: step, storyboard: storyboard)
        let valueTop = y + Double(rows.valueLines[index] - values.count) * rows.value * s / 2
        for (i, line) in values.enumerated() {
            parts.append(.text(TextRun(text: line, font: fonts.value, color: valueColor,
                                       position: Point(x: box.midX, y: valueTop + Double(i) * rows.value * s),
                                       anchor: TextAnchor(horizontal: .center, vertical: .top), role: .node)))
        }
        y += (Double(rows.valueLines[index]) * rows.value + FrameLayout.valueGap) * s
        let state = step.gradients[index]
        let gradient = rows.drawn(card.gradientLines(in: step, storyboard: storyboard), card: index)
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
        let lines = CaptionLines(step.caption, fonts: fonts, width: width, measure: measure)
        for (i, line) in lines.lines.enumerated() {
            // Only a word wider than the band (a long formula) is set smaller to fit.
            out.append(.text(TextRun(text: line.text, font: fitting(line.text, line.font, width: width),
                                     color: i == 0 ? band_.title : band_.text, position: Point(x: left, y: y),
                                     anchor: TextAnchor(horizontal: .left, vertical: .top), role: .band)))
            y += line.height
        }
        return out
    }
}
