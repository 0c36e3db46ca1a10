import Chainframe
import Foundation
import Synchronization

/// The one path from a lesson to pictures and files: storyboard → layout → scenes → exporters.
///
/// `chainframe render`, `chainframe batch` and `Lesson`'s `png`/`export` all go through it,
/// so they tell the same story with the same warnings. Laying out happens once, in `init`;
/// every frame and every format then shares that geometry.
///
/// A pipeline is `Sendable`: a server can prepare a lesson once and draw its steps from many
/// tasks at once. Each call draws with a renderer (canvas, text shaper, PNG encoder) that no
/// other call is using at the same time — an idle one kept from an earlier call, or a new one
/// on the shared layout — so frames are drawn as fast as from a renderer of one's own.
public final class LessonPipeline: Sendable {
    /// What the pictures are of.
    public let lesson: Lesson
    /// How the frames look.
    public let theme: Theme
    /// How the lesson is told and drawn.
    public let options: RenderOptions
    /// The steps of the lecture, captions too long for one frame continued on the next.
    public let storyboard: Storyboard
    /// The geometry every frame and every output shares.
    public let layout: FrameLayout
    /// Renderers no call is using, kept for the next calls (at most one per core).
    private let idle: Mutex<[IdleRenderer]>

    /// A renderer waiting in the pipeline's pool: only ever used by the one call that took it
    /// out, so it can cross between the calls' threads.
    private struct IdleRenderer: @unchecked Sendable {
        let renderer: FrameRenderer
    }

    /// Builds the storyboard and lays the graph out.
    ///
    /// - Throws: a `ChainframeError`: of kind `option` for invalid options (a bad size or
    ///   scale, an unknown nudge input), `source` when the nudge or check cannot be computed.
    public init(lesson: Lesson, theme: Theme = .classroom, options: RenderOptions = RenderOptions()) throws(ChainframeError) {
        self.lesson = lesson
        self.theme = theme
        self.options = options
        let storyboardOptions = try options.storyboardOptions(for: lesson.graph)
        do {
            let renderer = try FrameRenderer(storyboard: try Storyboard(lesson.evaluation, options: storyboardOptions),
                                             theme: theme, options: options.frameOptions)
            storyboard = renderer.storyboard
            layout = renderer.layout
            idle = Mutex([IdleRenderer(renderer: renderer)])
        } catch {
            throw ChainframeError.converting(error, fallback: .output)
        }
    }

    /// How many steps (frames) the lesson has with these options.
    public var stepCount: Int { storyboard.steps.count }

    /// What a user should know before trusting the pictures: layout compromises, and texts
    /// that no installed font can draw.
    public var warnings: [String] {
        var messages = layout.warnings
        let missing = withRenderer { $0.missingGlyphTexts() }
        if let first = missing.first {
            messages.append("no installed font can draw some characters of \"\(first)\""
                            + (missing.count > 1 ? " (and \(missing.count - 1) more texts)" : "")
                            + "; install fonts-nanum and fonts-dejavu-core")
        }
        return messages
    }

    /// The PNG image of step `step`, with the metadata the `png-frames` files carry.
    public func png(step: Int) throws(ChainframeError) -> Data {
        try checkStep(step)
        do {
            return try withRenderer { renderer in
                Data(try renderer.png(step, metadata: context(renderer).pngMetadata(step: step)))
            }
        } catch {
            throw ChainframeError.converting(error, fallback: .output)
        }
    }

    /// The scene of step `step`: the picture as plain data (shapes, paths, texts).
    public func scene(step: Int) throws(ChainframeError) -> Scene {
        try checkStep(step)
        return withRenderer { $0.scene(step) }
    }

    /// A text format, in memory: what the exporter of the same name writes into its file.
    public func text(_ format: TextFormat) -> String {
        withRenderer { context($0).picture.text(format) }
    }

    /// The SVG picture of step `step`, in memory (real text, classes by role).
    public func svg(step: Int) throws(ChainframeError) -> String {
        try checkStep(step)
        return withRenderer { context($0).picture.svg(step: step) }
    }

    /// Runs `exporters` into `directory` (created if needed) while holding its lock, so two runs
    /// into one directory take turns; returns each exporter's name with the files it wrote.
    ///
    /// - Parameters:
    ///   - exporters: the formats to write, in order.
    ///   - directory: where to write (created when missing).
    ///   - baseName: the base of file names (default: the lesson's name without extension).
    ///   - jobs: how many threads may draw frames at once.
    ///   - exporterTimeout: seconds an external exporter may run before its process group is stopped.
    ///   - progress: called once per frame written, from any thread.
    ///   - waiting: called when another run holds the directory and this one waits.
    ///   - before: runs under the lock before the exporters.
    ///   - after: runs under the lock after the exporters.
    ///   - exported: called with each exporter's name and files as soon as it is done.
    public func export(_ exporters: [Exporter], to directory: URL, baseName: String? = nil, jobs: Int = 1,
                       exporterTimeout: Double = ExportContext.defaultExporterTimeout,
                       progress: (@Sendable () -> Void)? = nil, waiting: () -> Void = {},
                       before: () throws -> Void = {}, after: () throws -> Void = {},
                       exported: (String, [URL]) -> Void = { _, _ in })
        throws(ChainframeError) -> [(exporter: String, files: [URL])] {
        do {
            return try withRenderer { renderer in
                var context = context(renderer, directory: directory, baseName: baseName)
                context.jobs = max(1, jobs)
                context.exporterTimeout = exporterTimeout
                context.progress = progress
                return try export(exporters, context: context, waiting: waiting, before: before, after: after, exported: exported)
            }
        } catch {
            throw ChainframeError.converting(error, fallback: .output)
        }
    }

    private func export(_ exporters: [Exporter], context: ExportContext, waiting: () -> Void,
                        before: () throws -> Void, after: () throws -> Void,
                        exported: (String, [URL]) -> Void) throws -> [(exporter: String, files: [URL])] {
        try AtomicFile.makeDirectory(context.directory)
        let lock = try OutputGuard.lock(context.directory, waiting: waiting)
        defer { lock.release() }
        try before()
        var written: [(exporter: String, files: [URL])] = []
        for exporter in exporters {
            let files = try exporter.export(context)
            exported(exporter.name, files)
            written.append((exporter.name, files))
        }
        try after()
        return written
    }

    /// The exporters called `names` (built-in, or external on `PATH`), in order, each once.
    ///
    /// - Parameters:
    ///   - names: the formats' names (`png-frames`, `pdf`, or an external exporter's).
    ///   - available: the exporters to choose from; a caller choosing for many lessons
    ///     passes `ExporterRegistry.all()` once instead of searching `PATH` each time. Without
    ///     it, `PATH` is searched only when a name is not built in (built-in names win anyway),
    ///     so `render` with built-in formats reads no directory of `PATH`.
    public static func exporters(named names: [String], available: [Exporter]? = nil)
        throws(ChainframeError) -> [Exporter] {
        let builtInOnly = names.allSatisfy { name in ExporterRegistry.builtIn.contains { $0.name == name } }
        let available = available ?? (builtInOnly ? ExporterRegistry.builtIn : ExporterRegistry.all())
        var chosen: [Exporter] = []
        for name in names {
            guard let exporter = available.first(where: { $0.name == name }) else {
                throw ChainframeError(.option, "unknown format '\(name)'; available: " + available.map(\.name).joined(separator: ", "))
            }
            if !chosen.contains(where: { $0.name == name }) { chosen.append(exporter) }
        }
        guard !chosen.isEmpty else { throw ChainframeError(.option, "at least one format is needed") }
        return chosen
    }

    private func checkStep(_ step: Int) throws(ChainframeError) {
        guard storyboard.steps.indices.contains(step) else {
            throw ChainframeError(.option, "step \(step) is out of range: the lesson has \(stepCount) steps (0 to \(stepCount - 1))",
                                  file: lesson.name)
        }
    }

    /// What exporters read, for a caller that drives one itself (the `watch` presenter page):
    /// this lesson's picture with a renderer of its own, names, source and video options,
    /// writing into `directory` (default: the temporary directory) under `baseName` (default:
    /// the lesson's name).
    public func exportContext(directory: URL? = nil, baseName: String? = nil) -> ExportContext {
        context(idle.withLock { $0.popLast() }?.renderer ?? makeRenderer(), directory: directory, baseName: baseName)
    }

    private func context(_ renderer: FrameRenderer, directory: URL? = nil, baseName: String? = nil) -> ExportContext {
        var context = ExportContext(renderer: renderer,
                                    directory: directory ?? FileManager.default.temporaryDirectory,
                                    baseName: baseName ?? OutputName.base(of: lesson.name),
                                    sourceName: lesson.name, sourceText: lesson.source.text, version: ChainframeVersion.current)
        context.video = options.videoOptions
        return context
    }

    /// Runs `body` with a renderer no other call is using: an idle one, or a new one on the
    /// shared layout; afterwards it waits for the next call (at most one per core are kept).
    private func withRenderer<Result, Failure: Error>(_ body: (FrameRenderer) throws(Failure) -> Result) throws(Failure) -> Result {
        let renderer = idle.withLock { $0.popLast() }?.renderer ?? makeRenderer()
        defer {
            let kept = IdleRenderer(renderer: renderer)
            idle.withLock { if $0.count < ProcessInfo.processInfo.activeProcessorCount { $0.append(kept) } }
        }
        return try body(renderer)
    }

    private func makeRenderer() -> FrameRenderer {
        FrameRenderer(storyboard: storyboard, theme: theme, options: options.frameOptions, layout: layout)
    }
}

extension ChainframeError {
    /// Render-side errors as `ChainframeError`s: theme errors keep their place, write and export
    /// failures are of kind `output`.
    static func converting(_ error: any Error, fallback: Kind) -> ChainframeError {
        switch error {
        case let error as ThemeError:
            return ChainframeError(.theme, error.message, file: error.file,
                                   location: error.line.flatMap { line in error.column.map { SourceLocation(line: line, column: $0) } },
                                   sourceLine: error.sourceLine)
        case let error as AtomicFile.WriteError: return ChainframeError(.output, error.description)
        case let error as ExportError: return ChainframeError(.output, error.description)
        default: return wrapping(error, fallback: fallback)
        }
    }
}
