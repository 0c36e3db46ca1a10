import Chainframe
import ChainframeGraphics
import Foundation

/// Draws the steps of a storyboard as PNG images: layout once, then one scene per step,
/// drawn with cairo and encoded with libpng.
public final class FrameRenderer {
    public let storyboard: Storyboard
    public let theme: Theme
    public let options: FrameOptions
    public let layout: FrameLayout
    package let text: PangoText
    package let builder: SceneBuilder
    /// The bitmap every frame is drawn on and the encoder's buffers: made once per renderer
    /// (one per thread), reused by every frame it draws.
    private var canvas: CairoCanvas?
    private let encoder = PNGFrameEncoder()

    /// Lays out the graph (the only Graphviz call) and prepares the scene builder. Captions
    /// too long for the band are continued on further frames (`storyboard` then has more steps).
    public convenience init(storyboard: Storyboard, theme: Theme, options: FrameOptions) throws {
        let text = PangoText()
        let laidOut = try SceneBuilder(laying: storyboard, theme: theme, options: options, text: text, engine: GraphvizEngine())
        self.init(storyboard: laidOut.storyboard, theme: theme, options: options, layout: laidOut.layout, text: text)
    }

    /// A renderer that shares an existing layout (one per thread: its canvas, layouts and encoder are).
    package init(storyboard: Storyboard, theme: Theme, options: FrameOptions, layout: FrameLayout,
                text: PangoText = PangoText()) {
        self.storyboard = storyboard
        self.theme = theme
        self.options = options
        self.text = text
        self.layout = layout
        self.builder = SceneBuilder(storyboard: storyboard, layout: layout, theme: theme, options: options, text: text)
    }

    /// The scene of step `index`.
    public func scene(_ index: Int) -> Scene {
        builder.scene(for: storyboard.steps[index])
    }

    /// The label of the backward flow along `edge` and its chip, as every frame draws it.
    public func edgeLabel(_ edge: Edge) -> (text: String, chip: Rect)? {
        builder.edgeLabel(edge)
    }

    /// The PNG bytes of step `index`, with `metadata` as text chunks.
    public func png(_ index: Int, metadata: [(key: String, value: String)] = []) throws -> [UInt8] {
        try withPNG(index, metadata: metadata) { Array($0) }
    }

    /// Draws and encodes step `index` and hands the PNG bytes to `body`, valid only inside it
    /// (the next frame reuses the buffer): writing a file needs no copy.
    public func withPNG<Result>(_ index: Int, metadata: [(key: String, value: String)] = [],
                                _ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
        try withPNG(of: scene(index), metadata: metadata, body)
    }

    /// Draws `scene` (a step's, or an in-between of the animation) on this renderer's canvas and
    /// encodes it with its encoder, handing the file's bytes to `body` (valid only inside it).
    func withPNG<Result>(of scene: Scene, metadata: [(key: String, value: String)] = [],
                         _ body: (UnsafeRawBufferPointer) throws -> Result) throws -> Result {
        let canvas = try imageCanvas()
        CairoSceneRenderer.draw(scene, on: canvas)
        // Every frame starts with a clear of the whole canvas, so its pixels may be used up.
        return try encoder.encode(canvas, transparent: options.transparent, text: metadata,
                                  filter: .none, consumingPixels: true, body)
    }

    /// The pixels of step `index`, as ``png(_:metadata:)`` would encode them.
    public func pixels(_ index: Int) throws -> FramePixels {
        let canvas = try imageCanvas()
        CairoSceneRenderer.draw(scene(index), on: canvas)
        return canvas.withPixelData { buffer in
            var rgba = [UInt8](repeating: 0, count: buffer.width * buffer.height * 4)
            for y in 0..<buffer.height {
                for x in 0..<buffer.width {
                    let p = buffer.rgba(x: x, y: y), at = (y * buffer.width + x) * 4
                    (rgba[at], rgba[at + 1], rgba[at + 2], rgba[at + 3]) = (p.r, p.g, p.b, p.a)
                }
            }
            return FramePixels(width: buffer.width, height: buffer.height, rgba: rgba)
        } ?? FramePixels(width: 0, height: 0, rgba: [])
    }

    /// Texts of the storyboard that no installed font can draw (checked once), for a warning:
    /// the first and last scenes (every label and value) and every caption.
    public func missingGlyphTexts() -> [String] {
        var seen = Set<String>()
        var missing: [String] = []
        guard !storyboard.steps.isEmpty else { return [] }
        for index in Set([0, storyboard.steps.count - 1]).sorted() {
            collectTexts(scene(index).elements, into: &seen, missing: &missing)
        }
        let font = FontSpec(family: theme.fontFamily, size: theme.fontSizes.caption)
        for step in storyboard.steps {
            for line in [step.caption.titleWithRule, step.caption.headline] + step.caption.details
            where seen.insert(line).inserted && text.hasMissingGlyphs(in: line, font: font) {
                missing.append(line)
            }
        }
        return missing
    }

    private func collectTexts(_ elements: [SceneElement], into seen: inout Set<String>, missing: inout [String]) {
        for element in elements {
            switch element {
            case .text(let run):
                if seen.insert(run.text).inserted, text.hasMissingGlyphs(in: run.text, font: run.font) {
                    missing.append(run.text)
                }
            case .group(_, let children), .link(_, _, let children), .clip(_, let children):
                collectTexts(children, into: &seen, missing: &missing)
            case .shape, .path:
                break
            }
        }
    }

    private func imageCanvas() throws -> CairoCanvas {
        if let canvas { return canvas }
        let made = try CairoCanvas.image(width: layout.canvasSize.width, height: layout.canvasSize.height,
                                         scale: options.scale, text: text)
        canvas = made
        return made
    }
}
