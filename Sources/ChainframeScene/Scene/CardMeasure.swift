import Chainframe

/// Node cards measured once: the box Graphviz places for each node and the row heights the
/// scene builder fills, in graph units (theme points at scale 1).
struct CardMeasure {
    let cards: [NodeCard]
    let rows: FrameLayout.RowMetrics
    let layoutNodes: [LayoutNode]

    /// With `splitGradients`, a gradient row wider than the card's title and value is written
    /// on two lines, for graphs whose width limits the text.
    init(storyboard: Storyboard, theme: Theme, text: any TextMeasuring, splitGradients: Bool = false) {
        let graph = storyboard.evaluation.graph
        let cards = graph.nodes.indices.map { NodeCard(index: $0, storyboard: storyboard) }
        let fonts = FrameFonts(theme: theme, scale: 1)
        let lineHeight = { (font: FontSpec) in text.measure("Ag∂가", font: font).height }
        var rows = FrameLayout.RowMetrics(padding: theme.nodePadding * FrameLayout.verticalPadding, title: lineHeight(fonts.title),
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
            // The gradient sits in a tinted chip inset from the card's sides.
            let gradientWidth = { (lines: [String]) in lines.map { text.measure($0, font: fonts.gradient).width + 12 }.max() ?? 0 }
            if splitGradients && gradientWidth(Array(gradientTexts)) > width * 1.15 {
                rows.splitGradients.insert(card.index)
                gradientCount = rows.drawn(card.finalGradientLines, card: card.index).count
                for step in statefulSteps[card.index] ?? [] {
                    gradientCount = max(gradientCount, rows.drawn(card.gradientLines(in: step, storyboard: storyboard), card: card.index).count)
                }
                width = max(width, gradientWidth(rows.drawn(Array(gradientTexts), card: card.index)))
            } else {
                width = max(width, gradientWidth(Array(gradientTexts)))
            }
            rows.valueLines.append(valueCount)
            rows.gradientLines.append(gradientCount)
            let height = FrameLayout.cardHeight(rows, valueLines: valueCount, gradientLines: gradientCount)
            // Compact: the padding around the widest text and no more (a lone digit keeps a
            // card-like minimum width).
            let contentWidth = max(width + 2 * theme.nodePadding, 72)
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
        self.cards = cards
        self.rows = rows
        self.layoutNodes = layoutNodes
    }
}
