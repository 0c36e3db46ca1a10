import Chainframe
import Foundation

/// One lesson drawn as plain data: its storyboard, its theme, the one layout every frame
/// shares and the scene of each step, with the names of the source it was made from.
///
/// What the text writers (SVG, TikZ, DOT, JSON, Markdown) read, through these documented
/// accessors rather than the layout's internals, so the layout and drawing can change without
/// touching a writer. The pipeline's `ExportContext` carries one as `picture`.
///
/// Scenes are built with the builder's text measurer, which is not thread-safe: use a picture
/// on one thread at a time.
public struct LessonPicture {
    /// Builds the scene of each step from the shared layout.
    public let builder: SceneBuilder
    /// The base of file names: `lecture` for `lecture.cg`.
    public let baseName: String
    /// The .cg file's name without its directory (published outputs never show where the
    /// input lives).
    public let sourceName: String
    /// The .cg file's text.
    public let sourceText: String
    /// Chainframe's version, for metadata.
    public let version: String

    /// A picture of `builder`'s storyboard; `sourceName` is published without its directory.
    public init(builder: SceneBuilder, baseName: String, sourceName: String, sourceText: String, version: String) {
        self.builder = builder
        self.baseName = baseName
        self.sourceName = LessonPicture.publishedName(sourceName)
        self.sourceText = sourceText
        self.version = version
    }

    /// The name outputs publish for a source path: its file name alone (`lecture.cg` for
    /// `/home/me/course/lecture.cg`), `stdin` for `-`. Published files never carry the
    /// directory of the input; an untitled graph is titled by this name.
    public static func publishedName(_ path: String) -> String {
        if path == "-" || path.isEmpty { return "stdin" }
        let name = URL(fileURLWithPath: path).lastPathComponent
        return name.isEmpty || name == "/" ? "stdin" : name
    }

    /// The file name of frame `index` of the `png-frames` files, zero-padded to at least
    /// `digits` digits: `frame-000.png`.
    public static func frameFileName(_ index: Int, digits: Int = 3) -> String {
        let number = String(index)
        return "frame-" + String(repeating: "0", count: max(0, digits - number.count)) + number + ".png"
    }

    /// The steps of the lesson.
    public var storyboard: Storyboard { builder.storyboard }
    /// How the frames look.
    public var theme: Theme { builder.theme }
    /// The one geometry every frame shares.
    public var layout: FrameLayout { builder.layout }
    /// Canvas size, scale, background and camera of the frames.
    public var options: FrameOptions { builder.options }

    // MARK: The picture

    /// The canvas every frame shares, in points.
    public var canvasSize: Size { layout.canvasSize }
    /// Pixels per point of raster outputs (`--scale`).
    public var pixelScale: Double { options.scale }
    /// Whether the frames have a transparent background (`--transparent`).
    public var isTransparent: Bool { options.transparent }
    /// Whether the caption is drawn inside the picture (a theme's caption band) rather than
    /// left to the output (a `figcaption`, a notes line).
    public var hasCaptionInPicture: Bool { layout.captionBand != nil }
    /// The number of steps, and so of frames and pages.
    public var stepCount: Int { storyboard.steps.count }

    /// The scene of step `index`: what every format draws.
    public func scene(_ index: Int) -> Scene { builder.scene(for: storyboard.steps[index]) }

    /// The scene of every step, in order.
    public func scenes() -> [Scene] { storyboard.steps.indices.map(scene) }

    /// The size of `text` in `font` as the frames draw it, in points: what text writers (SVG,
    /// HTML) need to place text as the PNG does.
    public func textMetrics(_ text: String, font: FontSpec) -> TextMetrics {
        builder.text.metrics(text, font: font, markup: false)
    }

    /// The step shown as the one picture of a graph: the last summary step, else the last step.
    public var summaryStepIndex: Int {
        storyboard.steps.lastIndex { $0.phase == .summary } ?? storyboard.steps.count - 1
    }

    /// The graph's title (or the source file's name).
    public var graphTitle: String { storyboard.evaluation.graph.title ?? sourceName }

    /// `<graph title> — <step title>`, as the PNG frames' Title metadata.
    public func stepTitle(_ index: Int) -> String {
        "\(graphTitle) — \(storyboard.steps[index].caption.title)"
    }

    // MARK: Geometry

    /// How much the layout scales the theme's sizes (fonts, strokes) so the graph fits the canvas.
    public var graphScale: Double { layout.graphScale }

    /// The box of node `index` on the canvas.
    public func nodeBox(_ index: Int) -> Rect { layout.nodeBoxes[index] }

    /// The route of `edge`: a start point, then (control, control, end) triples of cubic
    /// Béziers, and where the arrowhead touches the node; nil if the layout gave none.
    public func edgeRoute(_ edge: Edge) -> (points: [Point], tip: Point)? { layout.edgeRoutes[edge] }

    /// The backward label frames draw beside `edge` and its chip, or nil when nothing flows back.
    public func edgeLabel(_ edge: Edge) -> (text: String, chip: Rect)? { builder.edgeLabel(edge) }

    // MARK: Texts

    /// The texts node `index` shows once everything is known (the summary's card).
    public func cardText(_ index: Int) -> CardText {
        let card = layout.cards[index]
        return CardText(title: card.title, values: card.valueLines(known: true), gradients: card.finalGradientLines)
    }

    /// The theme's style of node `index` (input, constant, operation or output).
    public func nodeStyle(_ index: Int) -> Theme.NodeStyle { theme.style(for: layout.cards[index].kind) }
}

/// The rows of text a node's card shows: its title (name, or what it computes), its value and
/// its gradient, one string per line.
public struct CardText: Sendable, Equatable {
    /// The name, or `name = formula` for an operation.
    public var title: String
    /// The value, one line per matrix row.
    public var values: [String]
    /// The gradient (`∂J/∂a = 3`), empty for a constant.
    public var gradients: [String]

    /// Every row, top to bottom.
    public var lines: [String] { [title] + values + gradients }
}
