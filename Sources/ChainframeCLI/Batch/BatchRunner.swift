import ArgumentParser
import Chainframe
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
    var limits: [String]
    var exporterTimeout: Double = ExportContext.defaultExporterTimeout
    var progress: BatchProgress

    func run(_ job: BatchJob) -> BatchResult {
        let start = Date()
        progress.begin(job.file)
        var result = BatchResult(job: job, status: .failed, frames: 0, seconds: 0, error: nil)
        do {
            let (status, frames) = try render(job)
            result.status = status
            result.frames = frames
        } catch let diagnostic as Diagnostic {
            result.error = diagnostic.description
        } catch let error as ThemeError {
            result.error = error.description
        } catch let error as RunFailure {
            result.error = error.message
        } catch let error as LayoutError {
            result.error = error.description
        } catch let error as CanvasError {
            result.error = "cannot draw: \(error.message)"
        } catch let error as AutoCanvas.TooLarge {
            result.error = error.description
        } catch {
            result.error = LookOptions.message(for: error)
        }
        result.seconds = Date().timeIntervalSince(start)
        progress.finish(frames: result.frames, line: line(result))
        return result
    }

    private func render(_ job: BatchJob) throws -> (BatchResult.Status, Int) {
        let look = try LookOptions.parse(job.arguments)
        let input = try InputOptions.parse([job.file] + limits)
        let exporters = try job.formats.map { name in
            guard let exporter = ExporterRegistry.exporter(named: name) else {
                throw RunFailure(message: "unknown format '\(name)'")
            }
            return exporter
        }
        let graph = try input.loadGraph()
        let theme = try look.loadTheme()
        let stamp = RenderStamp(version: ChainframeVersion.current, source: graph.source.text, arguments: job.arguments,
                                formats: job.formats, theme: ThemeFile.yaml(for: theme))
        if !force && RenderStamp.saved(in: job.output) == stamp.value {
            return (.skipped, 0)
        }
        let storyboard = Storyboard(try input.evaluate(graph), options: try look.storyboardOptions(for: graph))
        let renderer = try FrameRenderer(storyboard: storyboard, theme: theme, options: look.frameOptions)
        let directory = URL(fileURLWithPath: job.output)
        let progress = self.progress
        var context = ExportContext(renderer: renderer, directory: directory,
                                    baseName: OutputName.base(of: job.file),
                                    sourceName: job.file, sourceText: graph.source.text, version: ChainframeVersion.current,
                                    jobs: jobs, progress: { progress.frameWritten() })
        context.exporterTimeout = exporterTimeout
        do {
            try AtomicFile.makeDirectory(directory)
            let lock = try OutputGuard.lock(directory) {}
            defer { lock.release() }
            // A stale stamp must not survive a render that fails half-way.
            try? FileManager.default.removeItem(atPath: (job.output as NSString).appendingPathComponent(RenderStamp.fileName))
            for exporter in exporters { _ = try exporter.export(context) }
            try AtomicFile.write(stamp.value + "\n", to: directory.appendingPathComponent(RenderStamp.fileName))
        } catch let error as AtomicFile.WriteError {
            throw RunFailure(message: error.description)
        } catch let error as ExportError {
            throw RunFailure(message: error.description)
        }
        return (.rendered, storyboard.steps.count)
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

extension LookOptions {
    /// The message swift-argument-parser would print for a parse or validation error.
    static func message(for error: Error) -> String {
        fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
