import Chainframe

/// The one geometry every frame of a storyboard shares: node boxes sized for the largest
/// text any frame puts in them, laid out once (by Graphviz, through a ``GraphLayoutEngine``),
/// fitted into one canvas.
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
        /// Cards whose gradient is written on two lines (`∂L/∂w =` over `−0.95`), by node index.
        var splitGradients: Set<Int> = []

        /// The gradient rows of card `index` as drawn: split after ` = ` on split cards.
        func drawn(_ lines: [String], card index: Int) -> [String] {
            guard splitGradients.contains(index) else { return lines }
            return lines.flatMap { line -> [String] in
                guard let range = line.range(of: " = ") else { return [line] }
                return [String(line[..<range.lowerBound]) + " =", String(line[range.upperBound...])]
            }
        }
    }

    /// The direction the ranks progress in (chosen by size when the options leave it open).
    public let rankDirection: RankDirection
    /// Each backward edge's flow line on the canvas: from the consumer back to the producer.
    let flowLines: [Edge: [Point]]
    /// Each edge label's chip, placed once for every frame (see `LabelPlacement`).
    let labelChips: [Edge: Rect]
    /// The title's box, when the graph has a title.
    let titleBox: Rect?
    /// The camera every step uses: `whole` or `focus` (resolved from `FrameOptions.camera`).
    public let camera: FrameOptions.Camera
    /// Where the graph is drawn on the canvas (without margins, title and caption band).
    public let graphArea: Rect
    /// The whole drawing with room for rings: on the canvas for `whole`, larger for `focus`.
    public let drawing: Rect

    /// Measures, lays out and fits the storyboard's graph.
    package init(storyboard: Storyboard, theme: Theme, options: FrameOptions, text: any TextMeasuring,
                 engine: any GraphLayoutEngine) throws {
        let graph = storyboard.evaluation.graph
        let fonts = FrameFonts(theme: theme, scale: 1)
        let edges = graph.edges
        let space = FrameSpace(storyboard: storyboard, theme: theme, options: options, text: text)
        let readable = FrameLayout.readableSizes(nodes: graph.nodes.count)
        let smallest = (node: min(theme.fontSizes.node, theme.fontSizes.value, theme.fontSizes.gradient),
                        label: theme.fontSizes.edgeLabel)
        // The way of laying out that reads best (see `LayoutSearch`).
        let (chosen, allWarnings) = try LayoutSearch(storyboard: storyboard, theme: theme, options: options,
                                                     text: text, engine: engine, space: space).best()
        let layout = chosen.layout
        let canvas = space.canvas(for: layout.boundingBox.insetBy(dx: -space.ringPad, dy: -space.ringPad))
        if options.size == .auto { try AutoCanvas.check(canvas, options: options) }
        let area = space.graphArea(canvas)
        let graphBox = layout.boundingBox
        // The camera: the whole graph when its text is readable (or asked for), else each step's
        // part of a graph drawn at a readable scale (see `FrameCamera`).
        let focus: Bool
        switch options.camera {
        case .whole: focus = false
        case .focus: focus = options.size != .auto
        case .auto: focus = options.size != .auto && !chosen.isReadable
        }
        let scale = focus
            ? max(chosen.scale, readable.node / smallest.node, readable.label / smallest.label) : chosen.scale
        let pad = space.ringPad * scale
        let originX = focus ? area.minX + pad : area.minX + (area.width - graphBox.width * scale) / 2
        let originY = focus ? area.minY + pad : area.minY + (area.height - graphBox.height * scale) / 2
        let map = { (p: Point) in Point(x: originX + p.x * scale, y: originY + p.y * scale) }

        self.canvasSize = canvas
        self.graphScale = scale
        self.rankDirection = chosen.direction
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
        self.captionBand = space.band(canvas)
        self.titleBox = space.titleBox
        self.graphLayout = layout
        self.cards = chosen.measure.cards
        self.rows = chosen.measure.rows
        self.captionLines = space.captionLineCount
        self.warnings = allWarnings.map { "graphviz: " + $0 }
        self.edges = edges
        self.edgeLabels = chosen.labels

        // Flows beside the forward edges, then every label's chip, once for all frames.
        let flowGap = (theme.edgeWidth + theme.backwardWidth) / 2 * scale + 7 * scale
        var flows: [Edge: [Point]] = [:]
        var lines: [Edge: [[Point]]] = [:]
        for (edge, route) in routes {
            let forward = Curves.sample(route.points) + [route.tip]
            let flow = Array(Curves.offset(forward, by: flowGap).reversed())
            flows[edge] = flow
            lines[edge] = [forward, flow]
        }
        self.flowLines = flows
        // The ring, plus half the widest chip outline (the active chip is drawn 1.6 wide).
        let ring = (6 + theme.highlightWidth / 2 + 0.8) * scale + 0.5
        let clearance = FrameLayout.labelClearance
        var allowed = area.insetBy(dx: -space.margins.left + clearance, dy: 0)
        allowed.y = (space.titleBox?.maxY ?? 0) + clearance
        allowed.height = (captionBand.map { $0.minY == 0 ? canvas.height : $0.minY } ?? canvas.height) - clearance - allowed.y
        if let band = captionBand, band.minY == 0 { allowed.y = max(allowed.y, band.maxY + clearance) ; allowed.height = canvas.height - clearance - allowed.y }
        // Seen through the focus camera, the drawing is larger than the canvas.
        let drawing = Rect(x: originX - pad, y: originY - pad, width: graphBox.width * scale + 2 * pad,
                           height: graphBox.height * scale + 2 * pad)
        if focus { allowed = drawing.insetBy(dx: -area.width / 4, dy: -area.height / 4) }
        let placement = LabelPlacement(keepOut: nodeBoxes.map { $0.insetBy(dx: -ring, dy: -ring) },
                                       allowed: allowed, clearance: clearance, lines: lines)
        let bold = FontSpec(family: fonts.edgeLabel.family, size: fonts.edgeLabel.size * scale, weight: .bold)
        let toPlace = edges.compactMap { edge -> LabelPlacement.Label? in
            guard let label = chosen.labels.labels[edge], let flow = flows[edge], flow.count > 1 else { return nil }
            let size = text.measure(label, font: bold)
            return LabelPlacement.Label(edge: edge, flow: flow,
                                        chip: Size(width: size.width + 12 * scale, height: size.height + 4 * scale),
                                        flowGap: flowGap)
        }
        self.labelChips = placement.place(toPlace)
        self.camera = focus ? .focus : .whole
        self.graphArea = area
        self.drawing = drawing
    }

    /// The least room kept between a label chip and anything else, in canvas points.
    static let labelClearance = 6.0
    /// The largest graph laid out both ways to pick the direction with the larger text.
    static let bothDirectionsUpTo = 300
    /// The largest graph also tried with long gradients on two lines.
    static let splitGradientsUpTo = 60

    /// The smallest node text and edge label a lecture hall can read at 1920×1080, by graph size.
    public static func readableSizes(nodes: Int) -> (node: Double, label: Double) {
        nodes <= 10 ? (24, 20) : (20, 18)
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
        rows.padding * 2 + rows.title + titleGap + Double(valueLines) * rows.value + valueGap
            + Double(max(1, gradientLines)) * rows.gradient + 4
    }

    /// Compact cards: the theme's padding at the sides, less above and below, small gaps
    /// between the rows (graph units).
    static let verticalPadding = 0.6, titleGap = 2.0, valueGap = 6.0

    /// The height of a caption band of a title, a headline and `lines - 1` detail lines.
    static func bandHeight(_ theme: Theme, lines: Int, text: any TextMeasuring) -> Double {
        guard theme.captionBand.position != .none else { return 0 }
        let fonts = FrameFonts(theme: theme, scale: 1)
        let title = text.measure("Ag", font: fonts.captionTitle).height
        let headline = text.measure("Ag∂가", font: fonts.caption).height
        let detail = text.measure("Ag∂가", font: fonts.captionDetail).height
        return 2 * theme.captionBand.padding + title + 6 + headline + Double(max(0, lines - 1)) * (detail + 4)
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

    /// How much a label says: the whole product, or only what arrives.
    enum Style { case product, contribution }

    init(storyboard: Storyboard, style: Style = .product) {
        let evaluation = storyboard.evaluation
        let text = storyboard.options.values
        var labels: [Edge: String] = [:]
        for flow in evaluation.flows {
            guard let contribution = flow.gradient else { continue }
            if style == .product, let local = flow.local, let g = evaluation.gradients[flow.edge.to] {
                // As in the captions: (−0.475) · (−0.25) = 0.1188, checking at the digits shown.
                labels[flow.edge] = text.chainProduct(gradient: g.scalar, local: local, contribution: contribution.scalar)
            } else if contribution.isScalar {
                labels[flow.edge] = text.number(contribution.scalar)
            } else {
                labels[flow.edge] = text.inline(contribution, maxElements: 3)
            }
        }
        self.labels = labels
    }

    var all: [String] { Array(labels.values) }
}
