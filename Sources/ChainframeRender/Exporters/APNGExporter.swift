import Foundation

extension Exporter {
    /// `apng`: the whole storyboard as one animated PNG, `<base>-animation.png`, looping forever.
    public static let apng = Exporter(
        name: "apng",
        summary: "One animated PNG of every step (each shown for its duration), looping: <name>-animation.png.",
        capabilities: [.raster, .animated, .sequence],
        files: { base in ["\(base)-animation.png": "apng"] }
    ) { context in
        let steps = context.storyboard.steps
        guard !steps.isEmpty else { throw ExportError("apng: the storyboard has no steps") }
        var animation = APNGAssembler(frameCount: steps.count, plays: 0)
        let metadata: [(key: String, value: String)] = [
            ("Title", context.graphTitle), ("Software", "Chainframe \(context.version)"), ("Source", context.sourceText),
        ]
        for (index, step) in steps.enumerated() {
            // Frames are encoded exactly as png-frames encodes them; only the first keeps text.
            let png = try context.pngBytes(step: index, metadata: index == 0 ? metadata : [])
            try animation.add(png: png, milliseconds: step.durationMilliseconds)
        }
        let url = context.file("\(context.baseName)-animation.png")
        try AtomicFile.write(try animation.finish(), to: url)
        return [url]
    }
}
