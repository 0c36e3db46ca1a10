import Foundation

extension Exporter {
    /// `png-frames`: the numbered frames `frame-000.png`, … and `frames.json`.
    public static let pngFrames = Exporter(
        name: "png-frames",
        summary: "Numbered PNG frames, one per step (with --fps N: every frame of the animation), and frames.json.",
        capabilities: [.raster, .sequence],
        files: { base in ["frames.json": "png-frames"] }
    ) { context in
        if let fps = context.video.fps {
            // Every frame of the animation, in-betweens included, for video editors.
            return try MotionFramesWriter(context: context, fps: fps).write()
        }
        let writer = PNGFramesWriter(directory: context.directory, sourceName: context.sourceName,
                                     sourceText: context.sourceText, version: context.version,
                                     jobs: context.jobs, progress: context.progress)
        let records = try writer.write(context.renderer)
        return records.map { context.file($0.file) } + [context.file("frames.json")]
    }
}
