import Chainframe
import ChainframeGraphics
import Foundation

/// `png-frames --fps N`: every frame of the animation (in-betweens and held frames) as numbered
/// PNGs at N frames per second, with each frame's time in `frames.json`, for video editors
/// (After Effects, DaVinci Resolve, Premiere, Blender import numbered images at a fixed rate).
///
/// Only distinct pictures are drawn and encoded (on `jobs` threads); a held step's PNG is written
/// once per frame it lasts. Numbers are zero-padded to one width so editors see one sequence.
struct MotionFramesWriter {
    let context: ExportContext
    let fps: Int

    /// Writes the frames and `frames.json`; returns the files.
    func write() throws -> [URL] {
        let storyboard = context.storyboard
        let timeline = MotionTimeline(storyboard: storyboard, theme: context.theme, fps: fps)
        let directory = context.directory
        try AtomicFile.makeDirectory(directory)
        let digits = max(3, String(max(0, timeline.frameCount - 1)).count)
        let name = { (index: Int) -> String in PNGFramesWriter.fileName(index, digits: digits) }
        let names = (0..<timeline.frameCount).map(name)
        let title = storyboard.evaluation.graph.title ?? context.sourceName
        let version = context.version, source = context.sourceText
        let frames = MotionFrames(renderer: context.renderer, timeline: timeline, jobs: context.jobs, opaque: false)
        var written: [URL] = []
        try frames.run(draw: { worker, scene, shot in
            let metadata = PNGFramesWriter.metadata(for: storyboard.steps[shot.step], title: title, version: version, source: source)
            return try worker.renderer.withPNG(of: scene, metadata: metadata) { Array($0) }
        }, consume: { shot, png in
            for frame in shot.firstFrame..<(shot.firstFrame + shot.repeats) {
                let url = directory.appendingPathComponent(names[frame])
                try AtomicFile.write(png, to: url)
                written.append(url)
                context.progress?()
            }
        })
        let index = directory.appendingPathComponent("frames.json")
        try AtomicFile.write(json(timeline, names: names).serialized(indent: 2) + "\n", to: index)
        try PNGFramesWriter(directory: directory, sourceName: context.sourceName, sourceText: source, version: version)
            .removeStaleFrames(keeping: timeline.frameCount, name: name)
        return written + [index]
    }

    /// `frames.json` of an animation: the rate and length, every frame with its time, and the
    /// steps with their start and duration.
    func json(_ timeline: MotionTimeline, names: [String]) -> JSONValue {
        let steps = context.storyboard.steps
        let canvas = context.canvasSize, scale = context.pixelScale
        var frames: [JSONValue] = []
        for segment in timeline.segments {
            let step = steps[segment.step]
            for k in 0..<segment.frameCount {
                let index = segment.firstFrame + k
                frames.append(.object([
                    ("index", .number(Double(index))),
                    ("file", .string(names[index])),
                    ("time_ms", .number(Self.rounded(timeline.milliseconds(ofFrame: index)))),
                    ("duration_ms", .number(Self.rounded(1000 / Double(timeline.fps)))),
                    ("step", .number(Double(segment.step))),
                    ("phase", .string(step.phase.rawValue)),
                    ("caption", .string(step.caption.plainText)),
                    ("transition", .bool(k < segment.transitionFrames)),
                ]))
            }
        }
        return .object([
            ("source", .string(context.sourceName)),
            ("title", context.storyboard.evaluation.graph.title.map(JSONValue.string) ?? .null),
            ("width", .number((canvas.width * scale).rounded())),
            ("height", .number((canvas.height * scale).rounded())),
            ("fps", .number(Double(timeline.fps))),
            ("duration_ms", .number(Double(timeline.milliseconds))),
            ("steps", .array(timeline.segments.map { segment in
                .object([
                    ("index", .number(Double(segment.step))),
                    ("phase", .string(steps[segment.step].phase.rawValue)),
                    ("caption", .string(steps[segment.step].caption.plainText)),
                    ("start_ms", .number(Double(segment.startMilliseconds))),
                    ("duration_ms", .number(Double(segment.durationMilliseconds))),
                    ("first_frame", .number(Double(segment.firstFrame))),
                    ("frames", .number(Double(segment.frameCount))),
                ])
            })),
            ("frames", .array(frames)),
        ])
    }

    private static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
