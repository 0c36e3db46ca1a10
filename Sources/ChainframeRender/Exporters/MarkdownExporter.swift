import Foundation

extension Exporter {
    /// `markdown`: a blog-post skeleton with one section per step, its frame and its equations.
    ///
    /// Writes the PNG frames it shows too (through `pngFrames`), so the images exist.
    public static let markdown = Exporter(
        name: "markdown",
        summary: "A blog-post skeleton: the source, each step's frame and equations, a table of gradients (writes the PNG frames too).",
        capabilities: [.text, .sequence],
        files: { base in Exporter.pngFrames.files(base).merging(["\(base).md": "markdown"]) { first, _ in first } }
    ) { context in
        let frames = try Exporter.pngFrames.export(context)
        let url = context.file("\(context.baseName).md")
        try AtomicFile.write(context.picture.text(.markdown), to: url)
        return [url] + frames
    }
}
