import ChainframeGraphics
import Foundation

/// Writes one scene as a picture file: PNG (cairo + libpng), PDF (cairo) or SVG (SVGWriter) —
/// the same devices the storyboard exporters use, for pictures that are not storyboards.
public enum ScenePictureWriter {
    /// The picture formats.
    public enum Format: String, CaseIterable, Sendable {
        case png, pdf, svg
    }

    /// Writes `scene` to `url` in `format`, whole or not at all.
    public static func write(_ scene: Scene, format: Format, to url: URL, title: String?, scale: Double = 1,
                             transparent: Bool = false, metadata: [(key: String, value: String)] = [],
                             text: PangoText = PangoText()) throws {
        switch format {
        case .png:
            let canvas = try CairoCanvas.image(width: scene.size.width, height: scene.size.height, scale: scale, text: text)
            CairoSceneRenderer.draw(scene, on: canvas)
            try AtomicFile.write(try PNGEncoder.encode(canvas, transparent: transparent, text: metadata), to: url)
        case .pdf:
            try PDFFile.write(pages: 1, pageSize: scene.size, title: title, text: text, to: url) { _ in scene }
        case .svg:
            try AtomicFile.write(SVGWriter.svg(scene, title: title, measure: { text.metrics($0, font: $1) }), to: url)
        }
    }
}
