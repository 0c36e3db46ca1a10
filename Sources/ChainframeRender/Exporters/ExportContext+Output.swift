import Chainframe
import Foundation

/// What an exporter reads from its ``ExportContext``: the shared picture (canvas, scenes,
/// pixels, PNG bytes), the geometry of nodes and edges, and the texts every frame shows.
///
/// Exporters use these instead of the layout's and renderer's internals, so the layout and
/// drawing can change without touching an exporter.
extension ExportContext {
    // MARK: The picture

    /// The canvas every frame shares, in points.
    public var canvasSize: Size { layout.canvasSize }
    /// Pixels per point of raster outputs (`--scale`).
    public var pixelScale: Double { renderer.options.scale }
    /// Whether the frames have a transparent background (`--transparent`).
    public var isTransparent: Bool { renderer.options.transparent }
    /// Whether the caption is drawn inside the picture (a theme's caption band) rather than
    /// left to the output (a `figcaption`, a notes line).
    public var hasCaptionInPicture: Bool { layout.captionBand != nil }
    /// The number of steps, and so of frames and pages.
    public var stepCount: Int { storyboard.steps.count }

    /// The scene of step `index`: what every format draws.
    public func scene(_ index: Int) -> Scene { renderer.scene(index) }

    /// The scene of every step, in order.
    public func scenes() -> [Scene] { storyboard.steps.indices.map(scene) }

    /// The PNG of step `index`, encoded exactly as `png-frames` encodes it, with `metadata`
    /// as text chunks (``pngMetadata(step:)`` gives the frames' own).
    public func pngBytes(step index: Int, metadata: [(key: String, value: String)] = []) throws -> [UInt8] {
        try renderer.png(index, metadata: metadata)
    }

    /// The pixels of step `index`: un-premultiplied 8-bit RGBA rows, as a video encoder reads them.
    public func pixels(step index: Int) throws -> FramePixels {
        try renderer.pixels(index)
    }

    /// The size of `text` in `font` as the frames draw it (Pango), in points: what text
    /// writers (SVG, HTML) need to place text as the PNG does.
    public func textMetrics(_ text: String, font: FontSpec) -> TextMetrics {
        renderer.text.metrics(text, font: font, markup: false)
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
    public func edgeLabel(_ edge: Edge) -> (text: String, chip: Rect)? { renderer.edgeLabel(edge) }

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

/// The pixels of one frame: `height` rows of `width` un-premultiplied RGBA bytes.
public struct FramePixels: Sendable, Equatable {
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// `width × height × 4` bytes, row by row, top row first.
    public var rgba: [UInt8]
}
