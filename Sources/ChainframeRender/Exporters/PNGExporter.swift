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

extension ExportContext {
    /// The step shown as the one picture of a graph: the last summary step, else the last step.
    var summaryStepIndex: Int {
        storyboard.steps.lastIndex { $0.phase == .summary } ?? storyboard.steps.count - 1
    }

    /// The graph's title (or the source file's name).
    var graphTitle: String { storyboard.evaluation.graph.title ?? sourceName }

    /// `<graph title> — <step title>`, as the PNG frames' Title metadata.
    func stepTitle(_ index: Int) -> String {
        "\(graphTitle) — \(storyboard.steps[index].caption.title)"
    }
}
