import Chainframe
import Foundation

/// The one path from a lesson to pictures and files: storyboard → layout → scenes → exporters.
///
/// `chainframe render`, `chainframe batch` and `Lesson`'s `png`/`export` all go through it,
/// so they tell the same story with the same warnings. Laying out happens once, in `init`;
/// every frame and every format then shares that geometry.
///
/// A pipeline draws on one thread at a time (it keeps a canvas); make one per task, or use
/// `Lesson`'s methods, which do.
public final class LessonPipeline {
    /// What the pictures are of.
    public let lesson: Lesson
    /// How the frames look.
    public let theme: Theme
    /// How the lesson is told and drawn.
    public let options: RenderOptions
    /// The steps of the lecture.
    public let storyboard: Storyboard
    /// Draws the frames; its layout is the geometry every output shares.
    public let renderer: FrameRenderer

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
            storyboard = try Storyboard(lesson.evaluation, options: storyboardOptions)
            renderer = try FrameRenderer(storyboard: storyboard, theme: theme, options: options.frameOptions)
        } catch {
            throw ChainframeError.converting(error, fallback: .output)
        }
    }

    /// How many steps (frames) the lesson has with these options.
    public var stepCount: Int { storyboard.steps.count }

    /// What a user should know before trusting the pictures: layout compromises, and texts
    /// that no installed font can draw.
    public var warnings: [String] {
        var messages = renderer.layout.warnings
        let missing = renderer.missingGlyphTexts()
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
            return Data(try renderer.png(step, metadata: exportContext().pngMetadata(step: step)))
        } catch {
            throw ChainframeError.converting(error, fallback: .output)
        }
    }

    /// The scene of step `step`: the picture as plain data (shapes, paths, texts).
    public func scene(step: Int) throws(ChainframeError) -> Scene {
        try checkStep(step)
        return renderer.scene(step)
    }

    /// A text format, in memory: what the exporter of the same name writes into its file.
    public func text(_ format: TextFormat) -> String {
        exportContext().picture.text(format)
    }

    /// The SVG picture of step `step`, in memory (real text, classes by role).
    public func svg(step: Int) throws(ChainframeError) -> String {
        try checkStep(step)
        return exportContext().picture.svg(step: step)
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
        var context = exportContext(directory: directory, baseName: baseName)
        context.jobs = max(1, jobs)
        context.exporterTimeout = exporterTimeout
        context.progress = progress
        do {
            try AtomicFile.makeDirectory(directory)
            let lock = try OutputGuard.lock(directory, waiting: waiting)
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
        } catch {
            throw ChainframeError.converting(error, fallback: .output)
        }
    }

    /// The exporters called `names` (built-in, or external on `PATH`), in order, each once.
    ///
    /// - Parameters:
    ///   - names: the formats' names (`png-frames`, `pdf`, or an external exporter's).
    ///   - available: the exporters to choose from; a caller choosing for many lessons
    ///     passes `ExporterRegistry.all()` once instead of searching `PATH` each time.
    public static func exporters(named names: [String], available: [Exporter] = ExporterRegistry.all())
        throws(ChainframeError) -> [Exporter] {
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
    /// this lesson's renderer, names, source and video options, writing into `directory`
    /// (default: the temporary directory) under `baseName` (default: the lesson's name).
    public func exportContext(directory: URL? = nil, baseName: String? = nil) -> ExportContext {
        var context = ExportContext(renderer: renderer,
                                    directory: directory ?? FileManager.default.temporaryDirectory,
                                    baseName: baseName ?? OutputName.base(of: lesson.name),
                                    sourceName: lesson.name, sourceText: lesson.source.text, version: ChainframeVersion.current)
        context.video = options.videoOptions
        return context
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
