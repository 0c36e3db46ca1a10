import Foundation

extension Exporter {
    /// `png`: one picture, the summary step, as `<base>-summary.png` with metadata.
    public static let png = Exporter(
        name: "png",
        summary: "One PNG of the summary step (every value and gradient): <name>-summary.png.",
        capabilities: [.raster, .single],
        files: { base in ["\(base)-summary.png": "png"] }
    ) { context in
        guard !context.storyboard.steps.isEmpty else { throw ExportError("png: the storyboard has no steps") }
        let index = context.summaryStepIndex
        let url = context.file("\(context.baseName)-summary.png")
        try AtomicFile.write(try context.pngBytes(step: index, metadata: context.pngMetadata(step: index)), to: url)
        return [url]
    }
}
