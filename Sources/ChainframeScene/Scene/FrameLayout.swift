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
        // Cards as measured, then (small graphs) with long gradients on two lines.
        var measures = [CardMeasure(storyboard: storyboard, theme: theme, text: text)]
        if graph.nodes.count <= FrameLayout.splitGradientsUpTo {
            let split = CardMeasure(storyboard: storyboard, theme: theme, text: text, splitGradients: true)
            if !split.rows.splitGradients.isEmpty { measures.append(split) }
        }
        let fonts = FrameFonts(theme: theme, scale: 1)
        let edges = graph.edges
        let space = FrameSpace(storyboard: storyboard, theme: theme, options: options, text: text)

        // Candidates: each direction (when not fixed) and each way of writing edge labels.
        let directions: [RankDirection] = options.rankDirection.map { [$0] }
            ?? (graph.nodes.count <= FrameLayout.bothDirectionsUpTo ? [.leftToRight, .topToBottom] : [.leftToRight])
        let styles: [EdgeLabels.Style] = [.product, .contribution]
        var best: Candidate?
        var allWarnings: [String] = []
        let readable = FrameLayout.readableSizes(nodes: graph.nodes.count)
        let smallest = (node: min(theme.fontSizes.node, theme.fontSizes.value, theme.fontSizes.gradient),
                        label: theme.fontSizes.edgeLabel)
        let inputs = graph.nodes.indices.filter { graph.nodes[$0].kind == .input }.map { "n\($0)" }
        // Inputs together in the first rank, as on the lecture's slides, or each beside its use.
        let pinnings = graph.nodes.count <= FrameLayout.inputsInOneRankUpTo && inputs.count > 1 ? [true, false] : [false]
        for measured in measures { for direction in directions { for pinned in pinnings {
            var request = LayoutRequest(
                nodes: measured.layoutNodes,
                edges: edges.map { LayoutEdge(id: "e\($0.from)_\($0.to)", from: "n\($0.from)", to: "n\($0.to)") },
                rankDirection: direction,
                nodeSeparation: theme.nodeSeparation,
                rankSeparation: direction == .leftToRight ? theme.rankSeparation * 0.6 : max(theme.rankSeparation * 0.6, 3 * measured.rows.gradient),
                graphAttributes: ["ordering": "in"])
            // On large graphs one crowded rank of inputs makes dot's crossing minimisation slow
            // (a 1 277-node MLP: 2.7 s with it, 0.6 s without): there they stand beside their use.
            if pinned { request.rankGroups = [LayoutRequest.RankGroup(.min, inputs)] }
            let (raw, warnings) = try engine.layout(request)
            if allWarnings.isEmpty { allWarnings = warnings }
            for style in styles {
                let labels = EdgeLabels(storyboard: storyboard, style: style)
                let room = labels.rooms(edges: edges, direction: direction, font: fonts.edgeLabel, theme: theme, text: text)
                let spread = RankSpreading.spread(raw, direction: direction) { room[$0] }
                let scale = space.scale(for: spread.boundingBox.insetBy(dx: -space.ringPad, dy: -space.ringPad))
                let candidate = Candidate(direction: direction, style: style, pinned: pinned, measure: measured,
                                          layout: spread, labels: labels,
                                          scale: scale, isReadable: scale * smallest.node >= readable.node - 0.005
                                            && scale * smallest.label >= readable.label - 0.005)
                if best == nil || candidate.isBetter(than: best!) { best = candidate }
            }
        } } }
        let chosen = best!
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

    /// One way to lay out the graph, and the scale it fits the canvas at.
    struct Candidate {
        var direction: RankDirection
        var style: EdgeLabels.Style
        var pinned: Bool
        var measure: CardMeasure
        var layout: GraphLayout
        var labels: EdgeLabels
        var scale: Double
        /// Whether every text reaches the readable sizes.
        var isReadable: Bool

        /// Readable beats unreadable. Among readable layouts the full product labels and the
        /// inputs standing together win (they read best; shortened labels leave the chain rule
        /// to the caption), then larger text. Among unreadable ones larger text wins.
        func isBetter(than other: Candidate) -> Bool {
            if isReadable != other.isReadable { return isReadable }
            if isReadable {
                func rank(_ c: Candidate) -> Int {
                    (c.style == .product ? 4 : 0) + (c.measure.rows.splitGradients.isEmpty ? 2 : 0) + (c.pinned ? 1 : 0)
                }
                let mine = rank(self), theirs = rank(other)
                if mine != theirs { return mine > theirs }
            }
            // Left to right wins a near-tie: it reads like the lecture's slides.
            func preference(_ c: Candidate) -> Double { c.direction == .leftToRight ? 1.03 : 1 }
            return scale * preference(self) > other.scale * preference(other)
        }
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
