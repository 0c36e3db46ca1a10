import Chainframe
import Foundation

/// How videos are made: frame rate, GIF width, and where ffmpeg is looked for.
public struct VideoOptions: Sendable {
    /// Frames per second of videos; for `png-frames`, nil keeps one frame per step and a number
    /// writes every frame of the animation at that rate.
    public var fps: Int?
    /// The width of GIFs in pixels (the height follows); never wider than the canvas.
    public var gifWidth: Int
    /// The environment in which `ffmpeg` is found (`PATH`, `CHAINFRAME_FFMPEG`).
    public var environment: [String: String]

    /// The frame rate videos use when none is given.
    public static let defaultFPS = 30

    public init(fps: Int? = nil, gifWidth: Int = 960,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.fps = fps
        self.gifWidth = gifWidth
        self.environment = environment
    }
}

/// A video container and codec, as ffmpeg is asked to write it.
struct VideoFormat: Sendable {
    /// The format's name and file extension (`mp4`).
    var name: String
    /// Filters for each distinct picture, before holds are repeated (pixel format, size), given
    /// the canvas width and the background colour (`0xRRGGBB`) for padding.
    var prepare: @Sendable (_ options: VideoOptions, _ width: Int, _ background: String) -> [String]
    /// Filters after holds are repeated (GIF: frame rate and palette).
    var finish: @Sendable (_ fps: Int) -> [String] = { _ in [] }
    /// ffmpeg's output options: codec, container.
    var output: @Sendable (_ fps: Int) -> [String]
}

/// Writes an animation of the storyboard with ffmpeg, and its subtitles beside it.
///
/// The steps' scenes and the in-betweens come from the one shared layout; only distinct
/// pictures are drawn (on `jobs` threads) and piped, each once, as raw BGRA. A held step's
/// picture is converted once and repeated inside ffmpeg (its `loop` filter), so a hold costs the
/// encoder a run of skipped blocks and nothing else. The file appears whole or not at all.
enum VideoWriter {
    /// Writes `<base>.<format>`, `<base>.srt` and `<base>.vtt`; returns the files.
    static func write(_ format: VideoFormat, context: ExportContext) throws -> [URL] {
        let storyboard = context.storyboard
        guard !storyboard.steps.isEmpty else { throw ExportError("\(format.name): the storyboard has no steps") }
        let options = context.video
        let ffmpeg = try FFmpegEncoder.locate(format: format.name, environment: options.environment)
        let fps = options.fps ?? VideoOptions.defaultFPS
        let timeline = MotionTimeline(storyboard: storyboard, theme: context.theme, fps: fps)
        let scale = context.pixelScale
        let width = Int((context.canvasSize.width * scale).rounded())
        let height = Int((context.canvasSize.height * scale).rounded())
        let url = context.file("\(context.baseName).\(format.name)")
        // The filter graph can be long (one `loop` per held step): ffmpeg reads it from a file.
        let script = FileManager.default.temporaryDirectory
            .appendingPathComponent("chainframe-filters-\(getpid())-\(UUID().uuidString).txt")
        OutputGuard.register(script.path)
        defer {
            try? FileManager.default.removeItem(at: script)
            OutputGuard.unregister(script.path)
        }
        let background = "0x" + context.theme.background.withAlpha(1).hexString.dropFirst()
        let filters = format.prepare(options, width, background) + holdFilters(timeline) + ["setpts=N/FRAME_RATE/TB"] + format.finish(fps)
        do {
            try filters.joined(separator: ",\n").write(to: script, atomically: false, encoding: .utf8)
        } catch {
            throw AtomicFile.WriteError(path: script.path, reason: AtomicFile.reason(error))
        }
        try AtomicFile.replace(url) { temporary in
            let arguments = ["-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                             "-f", "rawvideo", "-pix_fmt", "bgra", "-video_size", "\(width)x\(height)",
                             "-framerate", "\(fps)", "-i", "pipe:0", "-filter_script:v", script.path]
                + format.output(fps) + ["-fflags", "+bitexact", "-map_metadata", "-1", temporary.path]
            let encoder = try FFmpegEncoder(executable: ffmpeg, arguments: arguments)
            do {
                let frames = MotionFrames(renderer: context.renderer, timeline: timeline, jobs: context.jobs, opaque: true)
                try frames.run(draw: { worker, scene, _ in try MotionFrames.pixels(scene, on: worker) },
                               consume: { shot, pixels in
                                   try encoder.write(pixels)
                                   for _ in 0..<shot.repeats { context.progress?() }
                               })
                try encoder.finish()
            } catch {
                encoder.cancel()
                throw error
            }
        }
        return [url] + (try Subtitles.write(storyboard: storyboard, directory: context.directory, baseName: context.baseName))
    }

    /// One `loop` filter per held picture: it repeats the picture to fill the hold. Each
    /// filter sees the frames of the ones before it already repeated, so a hold starts at its
    /// own frame number.
    static func holdFilters(_ timeline: MotionTimeline) -> [String] {
        timeline.shots.filter { $0.repeats > 1 }.map { shot in
            "loop=loop=\(shot.repeats - 1):size=1:start=\(shot.firstFrame)"
        }
    }
}
