import Chainframe
import ChainframeGraphics

/// The one geometry every frame of a storyboard shares: node boxes sized for the largest
/// text any frame puts in them, laid out once by Graphviz, fitted into one canvas.
public struct FrameLayout: Sendable {
    /// The canvas size in points.
    public let canvasSize: Size
    /// Graph units → canvas points.
    public let graphScale: Double
    /// Each node's box on the canvas, by node index.
    public let nodeBoxes: [Rect]
    /// Each edge's Bézier control points on the canvas (p0, then triples) and arrow tip.
    public let edgeRoutes: [Edge: (points: [Point], tip: Point)]
    /// The caption band, if the theme has one.
    public let captionBand: Rect?
    /// The Graphviz layout in graph units (for exporters that keep Graphviz coordinates).
    package let graphLayout: GraphLayout
    /// Warnings from Graphviz and from font checks.
    public let warnings: [String]
    /// The graph's edges, in `Graph.edges` order (computed once, read by every scene).
    let edges: [Edge]
    /// The text on each backward edge.
    let edgeLabels: EdgeLabels

    let cards: [NodeCard]
    let rows: RowMetrics
    let captionLines: Int

    /// Row heights of a card, in graph units.
    struct RowMetrics: Sendable {
        var padding: Double
        var title: Double
        var value: Double
        var gradient: Double
        var valueLines: [Int]
        var gradientLines: [Int]
        /// The height of each card's content (rows and padding), by node index.
        var contentHeights: [Double] = []
    }

    /// Measures, lays out and fits the storyboard's graph.
    package init(storyboard: Storyboard, theme: Theme, options: FrameOptions, text: PangoText) throws {
        let graph = storyboard.evaluation.graph
        let cards = graph.nodes.indices.map { NodeCard(index: $0, storyboard: storyboard) }
        let fonts = FrameFonts(theme: theme, scale: 1)
        let lineHeight = { (font: FontSpec) in text.measure("Ag∂가", font: font).height }
        var rows = RowMetrics(padding: theme.nodePadding, title: lineHeight(fonts.title),
                              value: lineHeight(fonts.value), gradient: lineHeight(fonts.gradient),
                              valueLines: [], gradientLines: [])
        var layoutNodes: [LayoutNode] = []
        let statefulSteps = FrameLayout.stepsWithOwnText(storyboard)
        for card in cards {
            // Every text any step puts in the card, measured once each.
            var valueTexts: Set<String> = Set(card.valueLines(known: true) + ["?"])
            var gradientTexts: Set<String> = Set(card.finalGradientLines)
            var valueCount = card.valueLines(known: true).count
            var gradientCount = card.finalGradientLines.count
            for step in statefulSteps[card.index] ?? [] {
                let values = card.valueLines(in: step, storyboard: storyboard)
                valueCount = max(valueCount, values.count)
                valueTexts.formUnion(values)
                let gradients = card.gradientLines(in: step, storyboard: storyboard)
                gradientCount = max(gradientCount, gradients.count)
                gradientTexts.formUnion(gradients)
            }
            var width = text.measure(card.title, font: fonts.title).width
            for line in valueTexts { width = max(width, text.measure(line, font: fonts.value).width) }
            for line in gradientTexts { width = max(width, text.measure(line, font: fonts.gradient).width + 12) }
            rows.valueLines.append(valueCount)
            rows.gradientLines.append(gradientCount)
            let height = FrameLayout.cardHeight(rows, valueLines: valueCount, gradientLines: gradientCount)
            let contentWidth = max(width + 2 * theme.nodePadding, 96)
            rows.contentHeights.append(height)
            // An ellipse or circle must hold the card's content rectangle inside it: √2 larger.
            switch theme.style(for: card.kind).shape {
            case .box, .roundedBox:
                layoutNodes.append(LayoutNode(id: "n\(card.index)", width: contentWidth, height: height, shape: .box))
            case .ellipse:
                layoutNodes.append(LayoutNode(id: "n\(card.index)", width: contentWidth * 1.42, height: height * 1.42,
                                              shape: .ellipse))
            case .circle:
                let diameter = max(contentWidth, height) * 1.42
                layoutNodes.append(LayoutNode(id: "n\(card.index)", width: diameter, height: diameter, shape: .circle))
            }
        }
        // Backward labels sit beside edges: keep ranks far enough apart for the widest one.
        let edges = graph.edges
        let edgeLabels = EdgeLabels(storyboard: storyboard)
        let labelWidth = edgeLabels.all.map { text.measure($0, font: fonts.edgeLabel).width }.max() ?? 0
        let rankSeparation = options.rankDirection == .leftToRight
            ? max(theme.rankSeparation, labelWidth + 80) : max(theme.rankSeparation, 3 * rows.gradient + 30)
        var request = LayoutRequest(
            nodes: layoutNodes,
            edges: edges.map { LayoutEdge(id: "e\($0.from)_\($0.to)", from: "n\($0.from)", to: "n\($0.to)") },
            rankDirection: options.rankDirection,
            nodeSeparation: theme.nodeSeparation + (options.rankDirection == .leftToRight ? 2 * rows.gradient : 0),
            rankSeparation: rankSeparation,
            graphAttributes: ["ordering": "in"])
        // The inputs stand together on the left (or top), as on the lecture's slides. On large
        // graphs that one crowded rank makes dot's crossing minimisation slow (a 1 277-node
        // MLP: 2.7 s with it, 0.6 s without), and sources land next to their use anyway.
        if graph.nodes.count <= FrameLayout.inputsInOneRankUpTo {
            request.rankGroups = [LayoutRequest.RankGroup(.min, graph.nodes.indices
                .filter { graph.nodes[$0].kind == .input }.map { "n\($0)" })]
        }
        let (layout, warnings) = try GraphvizLayout.layout(request)
        var sizeWarnings: [String] = []

        // Caption band: tall enough for the longest caption of any step.
        let captionLines = storyboard.steps.map { 1 + $0.caption.details.count }.max() ?? 1
        let bandHeight = FrameLayout.bandHeight(theme, lines: captionLines, text: text)
        var margins = theme.margins
        if graph.title != nil {
            // Room for the graph's title above the graph.
            margins.top += text.measure("Ag", font: FrameFonts(theme: theme, scale: 1).graphTitle).height + 12
        }
        let graphBox = layout.boundingBox
        let canvas: Size
        var scale: Double
        switch options.size {
        case .fixed(let w, let h):
            canvas = Size(width: w, height: h)
            let availableWidth = w - margins.left - margins.right
            let availableHeight = h - margins.top - margins.bottom - bandHeight
            scale = min(availableWidth / max(graphBox.width, 1), availableHeight / max(graphBox.height, 1))
            scale = min(scale, 2.4)
        case .auto:
            let captionWidth = FrameLayout.widestCaption(storyboard, theme: theme, text: text)
            (canvas, scale) = try AutoCanvas.fit(graph: graphBox.size, margins: margins, bandHeight: bandHeight,
                                                 minimumWidth: captionWidth + 2 * theme.captionBand.padding,
                                                 options: options)
            if scale < 1 {
                sizeWarnings.append("the graph's natural size is more than --max-pixels allows; drawn at "
                                + "\(Int((scale * 100).rounded(.down)))% (raise --max-pixels for more)")
            }
        }
        scale = max(scale, 0.05)
        let bandAtTop = theme.captionBand.position == .top
        let graphAreaTop = margins.top + (bandAtTop ? bandHeight : 0)
        let graphAreaHeight = canvas.height - margins.top - margins.bottom - bandHeight
        let originX = margins.left + (canvas.width - margins.left - margins.right - graphBox.width * scale) / 2
        let originY = graphAreaTop + (graphAreaHeight - graphBox.height * scale) / 2
        let map = { (p: Point) in Point(x: originX + p.x * scale, y: originY + p.y * scale) }

        self.canvasSize = canvas
        self.graphScale = scale
        self.nodeBoxes = graph.nodes.indices.map { index in
            let r = layout.nodes["n\(index)"]!
            return Rect(x: originX + r.x * scale, y: originY + r.y * scale, width: r.width * scale, height: r.height * scale)
        }
        var routes: [Edge: (points: [Point], tip: Point)] = [:]
        for route in layout.edges {
            let parts = route.id.dropFirst().split(separator: "_")
            let edge = Edge(from: Int(parts[0])!, to: Int(parts[1])!)
            let points = route.points.map(map)
            routes[edge] = (points, route.arrowTip.map(map) ?? points.last!)
        }
        self.edgeRoutes = routes
        switch theme.captionBand.position {
        case .none: captionBand = nil
        case .top: captionBand = Rect(x: 0, y: 0, width: canvas.width, height: bandHeight)
        case .bottom: captionBand = Rect(x: 0, y: canvas.height - bandHeight, width: canvas.width, height: bandHeight)
        }
        self.graphLayout = layout
        self.cards = cards
        self.rows = rows
        self.captionLines = captionLines
        self.warnings = warnings.map { "graphviz: " + $0 } + sizeWarnings
        self.edges = edges
        self.edgeLabels = edgeLabels
    }

    /// For each node, the steps in which its card shows something other than its plain value
    /// or final gradient: a partial sum arriving, a nudge, a numerical gradient. Looking only at
    /// these keeps measuring linear in the size of the graph.
    static func stepsWithOwnText(_ storyboard: Storyboard) -> [Int: [Step]] {
        var found: [Int: [Step]] = [:]
        var lastNudge: Step?
        for step in storyboard.steps {
            switch step.phase {
            case .backward:
                for node in step.activeNodes { found[node, default: []].append(step) }
            case .nudge:
                lastNudge = step
            case .check:
                for node in step.numericGradients.keys { found[node, default: []].append(step) }
            case .inputs, .forward, .summary:
                break
            }
        }
        // The last nudge step holds every node the change reached.
        if let lastNudge { for node in lastNudge.nudges.keys { found[node, default: []].append(lastNudge) } }
        return found
    }

    /// The largest graph whose inputs are all put in the first rank.
    static let inputsInOneRankUpTo = 300

    static func cardHeight(_ rows: RowMetrics, valueLines: Int, gradientLines: Int) -> Double {
        rows.padding * 2 + rows.title + 4 + Double(valueLines) * rows.value + 8 + Double(max(1, gradientLines)) * rows.gradient + 4
    }

    static func bandHeight(_ theme: Theme, lines: Int, text: PangoText) -> Double {
        guard theme.captionBand.position != .none else { return 0 }
        let fonts = FrameFonts(theme: theme, scale: 1)
        let title = text.measure("Ag", font: fonts.captionTitle).height
        let headline = text.measure("Ag∂가", font: fonts.caption).height
        let detail = text.measure("Ag∂가", font: fonts.captionDetail).height
        return 2 * theme.captionBand.padding + title + 6 + headline + Double(max(0, lines - 1)) * (detail + 4)
    }

    static func widestCaption(_ storyboard: Storyboard, theme: Theme, text: PangoText) -> Double {
        let fonts = FrameFonts(theme: theme, scale: 1)
        return storyboard.steps.flatMap { step in
            [text.measure(step.caption.headline, font: fonts.caption).width]
                + step.caption.details.map { text.measure($0, font: fonts.captionDetail).width }
        }.max() ?? 0
    }
}

/// The fonts of a frame, graph fonts scaled with the graph.
struct FrameFonts {
    let title, value, gradient, edgeLabel, captionTitle, caption, captionDetail, graphTitle: FontSpec

    init(theme: Theme, scale: Double) {
        let family = theme.fontFamily
        let sizes = theme.fontSizes
        title = FontSpec(family: family, size: sizes.node * scale)
        value = FontSpec(family: family, size: sizes.value * scale, weight: .bold)
        gradient = FontSpec(family: family, size: sizes.gradient * scale, weight: .bold)
        edgeLabel = FontSpec(family: family, size: sizes.edgeLabel * scale)
        captionTitle = FontSpec(family: family, size: sizes.captionTitle, weight: .bold)
        caption = FontSpec(family: family, size: sizes.caption)
        captionDetail = FontSpec(family: family, size: sizes.captionDetail)
        graphTitle = FontSpec(family: family, size: sizes.caption * 0.85, weight: .bold)
    }
}

/// The text written on each backward edge: `3 · 2 = 6` (gradient · local = contribution).
struct EdgeLabels {
    let labels: [Edge: String]

    init(storyboard: Storyboard) {
        let evaluation = storyboard.evaluation
        let text = storyboard.options.values
        var labels: [Edge: String] = [:]
        for flow in evaluation.flows {
            guard let contribution = flow.gradient else { continue }
            if let local = flow.local, let g = evaluation.gradients[flow.edge.to] {
                // As in the captions: (−0.475) · (−0.25) = 0.1188, checking at the digits shown.
                labels[flow.edge] = text.chainProduct(gradient: g.scalar, local: local, contribution: contribution.scalar)
            } else {
                labels[flow.edge] = text.inline(contribution, maxElements: 3)
            }
        }
        self.labels = labels
    }

    var all: [String] { Array(labels.values) }
}
