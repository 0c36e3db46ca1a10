import ArgumentParser
import Chainframe
import ChainframeCLIKit
import ChainframeGraphics
import ChainframeRender
import Foundation

/// What happened to one graph of a batch.
struct BatchResult: Sendable {
    enum Status: String, Sendable { case rendered, skipped, failed }
    var job: BatchJob
    var status: Status
    var frames: Int
    var seconds: Double
    /// The diagnostic or failure message.
    var error: String?
}

/// Renders the jobs one graph at a time (Graphviz is serialized anyway), each graph's frames
/// on `jobs` threads; a bad graph is recorded and the others go on.
struct BatchRunner {
    var jobs: Int
    var force: Bool
    var limits: Limits
    var exporterTimeout: Double = ExportContext.defaultExporterTimeout
    var progress: BatchProgress
    /// The exporters the jobs choose from, found once for the whole batch (`PATH` is searched once).
    var available: [Exporter] = ExporterRegistry.all()

    func run(_ job: BatchJob) -> BatchResult {
        let start = Date()
        progress.begin(job.file)
        var result = BatchResult(job: job, status: .failed, frames: 0, seconds: 0, error: nil)
        do {
            let (status, frames) = try render(job)
            result.status = status
            result.frames = frames
        } catch {
            result.error = ErrorReport.text(for: error, graph: job.file)
        }
        result.seconds = Date().timeIntervalSince(start)
        progress.finish(frames: result.frames, line: line(result))
        return result
    }

    private func render(_ job: BatchJob) throws -> (BatchResult.Status, Int) {
        let exporters = try LessonPipeline.exporters(named: job.formats, available: available)
        let lesson = try InputOptions.loadLesson(job.file, limits: limits)
        let theme = try ThemeCatalog.standard.resolve(job.look.theme)
        let stamp = RenderStamp(version: ChainframeVersion.current, source: lesson.source.text, arguments: job.look.options.settings,
                                formats: job.formats, theme: ThemeFile.yaml(for: theme))
        if !force && RenderStamp.saved(in: job.output) == stamp.value {
            return (.skipped, 0)
        }
        let pipeline = try LessonPipeline(lesson: lesson, theme: theme, options: job.look.options)
        Warnings.report(pipeline.warnings.map { "\(job.file): \($0)" })
        let directory = URL(fileURLWithPath: job.output)
        let stampFile = directory.appendingPathComponent(RenderStamp.fileName)
        let progress = self.progress
        let written = FrameCount()
        _ = try pipeline.export(exporters, to: directory, baseName: OutputName.base(of: job.file), jobs: jobs,
                                exporterTimeout: exporterTimeout,
                                progress: { written.add(); progress.frameWritten() },
                                // A stale stamp must not survive a render that fails half-way.
                                before: { try? FileManager.default.removeItem(at: stampFile) },
                                after: { try AtomicFile.write(stamp.value + "\n", to: stampFile) })
        // Frames written (video frames included); formats that write no frames count the steps.
        return (.rendered, max(written.value, pipeline.stepCount))
    }

    private func line(_ result: BatchResult) -> String {
        switch result.status {
        case .rendered:
            return "\(result.job.file) → \(result.job.output)/: \(result.frames) frames in " + String(format: "%.2f s", result.seconds)
        case .skipped:
            return "\(result.job.file): unchanged, skipped"
        case .failed:
            return "\(result.job.file): FAILED"
        }
    }
}

/// Frames written for one graph, counted from any thread.
final class FrameCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
