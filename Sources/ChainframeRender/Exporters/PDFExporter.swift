import ChainframeGraphics
import Foundation

extension Exporter {
    /// `pdf`: `<base>.pdf`, one page per step, text kept as text.
    public static let pdf = Exporter(
        name: "pdf",
        summary: "One PDF with a page per step, the size of the canvas in points (text stays text).",
        capabilities: [.vector, .sequence],
        files: { base in ["\(base).pdf": "pdf"] }
    ) { context in
        let url = context.file("\(context.baseName).pdf")
        try PDFFile.write(context, to: url)
        return [url]
    }
}

/// Writes the storyboard as a multi-page PDF with cairo, whole or not at all.
enum PDFFile {
    /// The creation date written into every PDF, so identical input gives identical bytes.
    static let creationDate = "2000-01-01T00:00:00Z"

    /// Draws every step on its own page into a temporary file beside `url`, then renames it.
    static func write(_ context: ExportContext, to url: URL) throws {
        let steps = context.storyboard.steps
        guard !steps.isEmpty else { throw ExportError("pdf: the storyboard has no steps") }
        try write(pages: steps.count, pageSize: context.canvasSize, title: context.graphTitle,
                  text: context.renderer.text, to: url) { context.picture.scene($0) }
    }

    /// Draws `pages` scenes, one a page, into a temporary file beside `url`, then renames it.
    static func write(pages: Int, pageSize: Size, title: String?, text: PangoText?, to url: URL,
                      scene: (Int) -> Scene) throws {
        try AtomicFile.replace(url) { temporary in
            do {
                let canvas = try CairoCanvas.pdf(path: temporary.path, pageSize: pageSize, title: title,
                                                 creationDate: creationDate, text: text)
                for index in 0..<pages {
                    canvas.beginPage(size: pageSize)
                    CairoSceneRenderer.draw(scene(index), on: canvas)
                    canvas.endPage()
                }
                try canvas.finish()
            } catch {
                throw AtomicFile.WriteError(path: url.path, reason: "\(error)")
            }
        }
    }
}
