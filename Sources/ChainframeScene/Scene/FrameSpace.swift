import Chainframe

/// The parts of the canvas around the graph: margins, the graph's title, the caption band
/// (as tall as the longest wrapped caption), and the area left for the graph.
struct FrameSpace {
    let options: FrameOptions
    let theme: Theme
    /// Margins with room for the title added at the top.
    let margins: Theme.Margins
    /// The caption band's height (0 without a band).
    let bandHeight: Double
    let captionLineCount: Int
    /// The title's box on the canvas, when the graph has a title.
    let titleBox: Rect?
    /// Room kept around the graph's bounding box for highlight rings, in graph units.
    let ringPad: Double
    /// The widest caption line (for canvases fitted to the graph).
    let widestCaption: Double

    init(storyboard: Storyboard, theme: Theme, options: FrameOptions, text: any TextMeasuring) {
        self.options = options
        self.theme = theme
        let fonts = FrameFonts(theme: theme, scale: 1)
        var margins = theme.margins
        if let title = storyboard.evaluation.graph.title {
            // Room for the graph's title above the graph, and a gap below it.
            let size = text.measure(title, font: fonts.graphTitle)
            titleBox = Rect(x: theme.margins.left, y: theme.margins.top, width: size.width, height: size.height)
            margins.top += size.height + 12
        } else {
            titleBox = nil
        }
        self.margins = margins
        ringPad = 6 + theme.highlightWidth / 2 + 0.5
        let measure = { (s: String, f: FontSpec) in text.measure(s, font: f) }
        var width: Double?
        if case .fixed(let w, _) = options.size {
            width = w - 2 * max(theme.captionBand.padding, theme.margins.left)
        }
        var tallest = 0.0, lines = 1, widest = 0.0
        if theme.captionBand.position != .none {
            var seen = Set<String>()
            for step in storyboard.steps
            where seen.insert(([step.caption.titleWithRule, step.caption.headline] + step.caption.details).joined(separator: "\n")).inserted {
                let caption = CaptionLines(step.caption, fonts: fonts, width: width, measure: measure)
                if caption.height > tallest { tallest = caption.height; lines = caption.lines.count }
                if width == nil { widest = max(widest, caption.lines.map { measure($0.text, $0.font).width }.max() ?? 0) }
            }
        }
        bandHeight = theme.captionBand.position == .none ? 0 : 2 * theme.captionBand.padding + tallest
        captionLineCount = lines
        widestCaption = widest
    }

    /// The scale at which `box` (graph units) fills the graph area; 1 on fitted canvases.
    func scale(for box: Rect) -> Double {
        switch options.size {
        case .fixed(let w, let h):
            let area = graphArea(Size(width: w, height: h))
            let scale = min(area.width / max(box.width, 1), area.height / max(box.height, 1), FrameSpace.largestScale)
            return max(scale, FrameSpace.smallestScale)
        case .auto:
            return 1
        }
    }

    /// The canvas for a graph whose padded bounding box is `box`.
    func canvas(for box: Rect) -> Size {
        switch options.size {
        case .fixed(let w, let h):
            return Size(width: w, height: h)
        case .auto:
            return Size(width: max(box.width + margins.left + margins.right, widestCaption + 2 * theme.captionBand.padding),
                        height: box.height + margins.top + margins.bottom + bandHeight)
        }
    }

    /// Where the graph may be drawn: the canvas without margins, title and caption band.
    func graphArea(_ canvas: Size) -> Rect {
        let top = margins.top + (theme.captionBand.position == .top ? bandHeight : 0)
        return Rect(x: margins.left, y: top, width: canvas.width - margins.left - margins.right,
                    height: canvas.height - margins.top - margins.bottom - bandHeight)
    }

    /// The caption band's rectangle, if the theme has one.
    func band(_ canvas: Size) -> Rect? {
        switch theme.captionBand.position {
        case .none: return nil
        case .top: return Rect(x: 0, y: 0, width: canvas.width, height: bandHeight)
        case .bottom: return Rect(x: 0, y: canvas.height - bandHeight, width: canvas.width, height: bandHeight)
        }
    }

    /// The largest graph scale: beyond it cards look inflated rather than readable.
    static let largestScale = 2.4
    /// The smallest graph scale: text then still measures 1/70 point, far above the 1/1024
    /// point Pango can represent. A whole graph that needs less does not fit any canvas.
    static let smallestScale = 0.001
}

extension EdgeLabels {
    /// The room each edge's label asks for along the rank axis, by edge index, in graph units:
    /// the chip and clearance to the rings of the nodes on both sides.
    func rooms(edges: [Edge], direction: RankDirection, font: FontSpec, theme: Theme, text: any TextMeasuring) -> [Double] {
        var bold = font
        bold.weight = .bold
        let ring = 6 + theme.highlightWidth / 2 + FrameLayout.labelClearance
        return edges.map { edge in
            guard let label = labels[edge] else { return 0 }
            let size = text.measure(label, font: bold)
            let chip = direction == .leftToRight ? size.width + 12 : size.height + 4 + theme.arrowSize * 2
            return chip + 2 * ring + 8
        }
    }
}
