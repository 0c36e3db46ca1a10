import Chainframe

/// The search among the ways of laying out a graph (direction, inputs pinned to one rank or
/// not, long gradients on one line or two, full or shortened edge labels) for the one that
/// reads best, without laying out the ways that cannot win.
///
/// `Candidate.isBetter` ranks readable candidates by style, then unsplit gradients, then pinned
/// inputs, and only then by scale, and any readable candidate beats every unreadable one. So
/// the Graphviz layouts are tried in the order of the best rank their product-label candidate
/// can reach, both directions of one rank together; once a rank holds a readable candidate no
/// layout of a lower rank can win and the search stops (for the lecture: two layouts of eight,
/// and the cards are never measured with split gradients). The winner is the one the exhaustive
/// search picks: the first best in the exhaustive order, since every candidate skipped is
/// worse than it (`LayoutSearchTests` compares both on every example).
struct LayoutSearch {
    let storyboard: Storyboard
    let theme: Theme
    let options: FrameOptions
    let text: any TextMeasuring
    let engine: any GraphLayoutEngine
    let space: FrameSpace

    /// The best candidate, and the first warnings Graphviz gave in the exhaustive order of the
    /// layouts made. With `exhaustive`, every layout is made and every candidate compared.
    func best(exhaustive: Bool = false) throws -> (candidate: FrameLayout.Candidate, warnings: [String]) {
        let graph = storyboard.evaluation.graph
        let edges = graph.edges
        let layoutEdges = edges.map { LayoutEdge(id: "e\($0.from)_\($0.to)", from: "n\($0.from)", to: "n\($0.to)") }
        let fonts = FrameFonts(theme: theme, scale: 1)
        let readable = FrameLayout.readableSizes(nodes: graph.nodes.count)
        let smallest = (node: min(theme.fontSizes.node, theme.fontSizes.value, theme.fontSizes.gradient),
                        label: theme.fontSizes.edgeLabel)
        let directions: [RankDirection] = options.rankDirection.map { [$0] }
            ?? (graph.nodes.count <= FrameLayout.bothDirectionsUpTo ? [.leftToRight, .topToBottom] : [.leftToRight])
        let inputs = graph.nodes.indices.filter { graph.nodes[$0].kind == .input }.map { "n\($0)" }
        // Inputs together in the first rank, as on the lecture's slides, or each beside its use.
        let pinnings = graph.nodes.count <= FrameLayout.inputsInOneRankUpTo && inputs.count > 1 ? [true, false] : [false]
        let styles: [EdgeLabels.Style] = [.product, .contribution]

        // Cards as measured, then (small graphs, only when needed) with long gradients on two lines.
        var measures = [CardMeasure(storyboard: storyboard, theme: theme, text: text)]
        var splitMeasured = graph.nodes.count > FrameLayout.splitGradientsUpTo
        func measure(_ index: Int) -> CardMeasure? {
            if index == 1 && !splitMeasured {
                splitMeasured = true
                let split = CardMeasure(storyboard: storyboard, theme: theme, text: text, splitGradients: true)
                if !split.rows.splitGradients.isEmpty { measures.append(split) }
            }
            return index < measures.count ? measures[index] : nil
        }
        // Edge labels and the room each needs depend on the style and direction only.
        var labelsAndRooms: [Int: (labels: EdgeLabels, room: [Double])] = [:]
        func labelsAndRoom(_ style: Int, _ direction: Int) -> (labels: EdgeLabels, room: [Double]) {
            let key = style * directions.count + direction
            if let known = labelsAndRooms[key] { return known }
            let labels = EdgeLabels(storyboard: storyboard, style: styles[style])
            let room = labels.rooms(edges: edges, direction: directions[direction], font: fonts.edgeLabel, theme: theme, text: text)
            labelsAndRooms[key] = (labels, room)
            return (labels, room)
        }

        // A layout's place in the exhaustive order: measure, then direction, then pinning.
        func order(_ m: Int, _ d: Int, _ p: Int) -> Int { (m * directions.count + d) * pinnings.count + p }
        var layouts: [Int: (layout: GraphLayout, warnings: [String])] = [:]
        var candidates: [(order: Int, candidate: FrameLayout.Candidate)] = []
        func evaluate(_ m: Int, _ d: Int, _ p: Int, style: Int) throws -> FrameLayout.Candidate {
            let measured = measures[m], direction = directions[d], pinned = pinnings[p]
            let key = order(m, d, p)
            if layouts[key] == nil {
                var request = LayoutRequest(
                    nodes: measured.layoutNodes, edges: layoutEdges, rankDirection: direction,
                    nodeSeparation: theme.nodeSeparation,
                    rankSeparation: direction == .leftToRight ? theme.rankSeparation * 0.6 : max(theme.rankSeparation * 0.6, 3 * measured.rows.gradient),
                    graphAttributes: ["ordering": "in"])
                // On large graphs one crowded rank of inputs makes dot's crossing minimisation slow
                // (a 1 277-node MLP: 2.7 s with it, 0.6 s without): there they stand beside their use.
                if pinned { request.rankGroups = [LayoutRequest.RankGroup(.min, inputs)] }
                layouts[key] = try engine.layout(request)
            }
            let (labels, room) = labelsAndRoom(style, d)
            let spread = RankSpreading.spread(layouts[key]!.layout, direction: direction) { room[$0] }
            let scale = space.scale(for: spread.boundingBox.insetBy(dx: -space.ringPad, dy: -space.ringPad))
            let candidate = FrameLayout.Candidate(
                direction: direction, style: styles[style], pinned: pinned, measure: measured, layout: spread, labels: labels,
                scale: scale, isReadable: scale * smallest.node >= readable.node - 0.005 && scale * smallest.label >= readable.label - 0.005)
            candidates.append((key * styles.count + style, candidate))
            return candidate
        }

        // Product labels by rank: unsplit and pinned, unsplit, split and pinned, split.
        var decided = false
        rankLoop: for m in 0..<2 { for p in pinnings.indices {
            guard measure(m) != nil else { break rankLoop }
            var readableFound = false
            for d in directions.indices {
                if try evaluate(m, d, p, style: 0).isReadable { readableFound = true }
            }
            if readableFound && !exhaustive { decided = true; break rankLoop }
        } }
        // No readable product-label layout (or an exhaustive search): shortened labels on every layout.
        if !decided {
            for m in measures.indices { for d in directions.indices { for p in pinnings.indices {
                _ = try evaluate(m, d, p, style: 1)
            } } }
        }
        // The first best in the exhaustive order.
        var best: FrameLayout.Candidate?
        for (_, candidate) in candidates.sorted(by: { $0.order < $1.order }) where best == nil || candidate.isBetter(than: best!) {
            best = candidate
        }
        let warnings = layouts.sorted { $0.key < $1.key }.first { !$0.value.warnings.isEmpty }?.value.warnings ?? []
        return (best!, warnings)
    }
}

extension FrameLayout {
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

    /// What the layout search chose, for comparing the pruned search with the exhaustive one.
    package struct Choice: Equatable, Sendable {
        package var direction: RankDirection
        package var productLabels: Bool
        package var pinnedInputs: Bool
        package var splitGradients: Set<Int>
        package var scale: Double
        package var readable: Bool
        package var nodes: [String: Rect]
    }

    /// The choice of the layout search for a storyboard, pruned as `FrameLayout` makes it or
    /// `exhaustive`ly.
    package static func choice(storyboard: Storyboard, theme: Theme, options: FrameOptions, text: any TextMeasuring,
                               engine: any GraphLayoutEngine, exhaustive: Bool) throws -> Choice {
        let storyboard = CaptionLines.continued(storyboard, theme: theme, options: options, text: text)
        let space = FrameSpace(storyboard: storyboard, theme: theme, options: options, text: text)
        let (c, _) = try LayoutSearch(storyboard: storyboard, theme: theme, options: options, text: text, engine: engine,
                                    space: space)
            .best(exhaustive: exhaustive)
        return Choice(direction: c.direction, productLabels: c.style == .product, pinnedInputs: c.pinned,
                      splitGradients: c.measure.rows.splitGradients, scale: c.scale, readable: c.isReadable,
                      nodes: c.layout.nodes)
    }
}
