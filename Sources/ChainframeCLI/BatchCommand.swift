import ArgumentParser
import Chainframe
import ChainframeCLIKit
import ChainframeGraphics
import ChainframeRender
import Foundation

/// `chainframe batch PATH…`: many graphs, all cores, progress, incremental, sharded.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render many graphs: .cg files, directories of them, or YAML/JSON manifests.",
        discussion: """
        Each graph goes to its own directory, as 'render' would write it. A graph whose source, \
        options, theme and Chainframe version are unchanged since its last successful render is \
        skipped (--force renders anyway). One bad graph does not stop the others; the exit status \
        is 1 if any failed. --shard I/N renders a deterministic 1/N share of the graphs.
        """
    )

    @Argument(help: ".cg files, directories (searched for .cg files) or manifests (.yaml, .yml, .json).")
    var paths: [String]

    @Option(name: .shortAndLong, help: "The directory that holds one directory per graph.")
    var out: String = "output"

    @Option(help: "Output formats for graphs that do not choose their own, comma-separated.")
    var format: String = "png-frames"

    @OptionGroup var export: ExportOptions

    @Flag(help: "Render even graphs that are unchanged since their last render.")
    var force = false

    @Option(help: "Render only shard I of N (1-based), e.g. 2/8: graph k belongs to shard (k mod N) + 1.")
    var shard: String?

    @Flag(help: "Print only failures and the summary.")
    var quiet = false

    @Option(help: "Write the summary as JSON to this file.")
    var report: String?

    @OptionGroup var look: LookOptions

    func validate() throws {
        _ = try shardNumbers()
        let available = ExporterRegistry.all()
        for name in format.split(separator: ",") where !available.contains(where: { $0.name == name }) {
            throw ValidationError("--format: unknown format '\(name)'")
        }
    }

    func shardNumbers() throws -> (index: Int, count: Int)? {
        guard let shard else { return nil }
        let parts = shard.split(separator: "/").map { Int($0) }
        guard parts.count == 2, let i = parts[0], let n = parts[1], n >= 1, i >= 1, i <= n else {
            throw ValidationError("--shard must be I/N with 1 ≤ I ≤ N, e.g. 1/4")
        }
        return (i, n)
    }

    func run() throws {
        var jobs = try BatchPlan.jobs(paths: paths, outputRoot: out,
                                      defaults: BatchLook(theme: look.theme, options: try look.renderOptions()),
                                      formats: format.split(separator: ",").map(String.init))
        if let (index, count) = try shardNumbers() { jobs = BatchPlan.shard(jobs, index: index, count: count) }
        let progress = BatchProgress(graphs: jobs.count, quiet: quiet)
        let runner = BatchRunner(jobs: export.jobs, force: force, limits: .standard, exporterTimeout: export.exporterTimeout,
                                 progress: progress)
        let start = Date()
        let results = jobs.map(runner.run)
        progress.close()
        let elapsed = Date().timeIntervalSince(start)
        let summary = BatchSummary(results: results, seconds: elapsed)
        for failure in results where failure.status == .failed {
            FileHandle.standardError.write(Data("\(failure.error ?? "\(failure.job.file): failed")\n".utf8))
        }
        print(summary.text)
        if let report {
            do {
                try AtomicFile.write(summary.json.serialized(indent: 2) + "\n", to: URL(fileURLWithPath: report))
            } catch let error as AtomicFile.WriteError {
                throw RunFailure(message: error.description)
            }
        }
        if summary.failed > 0 { throw ExitCode(ExitStatus.failure) }
    }
}

/// The totals of a batch, as text and as the `--report` JSON.
struct BatchSummary {
    var results: [BatchResult]
    var seconds: Double

    var rendered: Int { results.filter { $0.status == .rendered }.count }
    var skipped: Int { results.filter { $0.status == .skipped }.count }
    var failed: Int { results.filter { $0.status == .failed }.count }
    var frames: Int { results.map(\.frames).reduce(0, +) }

    var text: String {
        "\(results.count) graph\(results.count == 1 ? "" : "s"): \(rendered) rendered, \(skipped) unchanged, \(failed) failed; "
            + "\(frames) frames in " + String(format: "%.1f s", seconds)
            + (seconds > 0 && frames > 0 ? String(format: " (%.0f frames/s)", Double(frames) / seconds) : "")
    }

    var json: JSONValue {
        .object([
            ("graphs", .array(results.map { result in
                .object([
                    ("source", .string(result.job.file)),
                    ("output", .string(result.job.output)),
                    ("status", .string(result.status.rawValue)),
                    ("frames", .number(Double(result.frames))),
                    ("seconds", .number((result.seconds * 1000).rounded() / 1000)),
                    ("error", result.error.map(JSONValue.string) ?? .null),
                ])
            })),
            ("rendered", .number(Double(rendered))),
            ("skipped", .number(Double(skipped))),
            ("failed", .number(Double(failed))),
            ("frames", .number(Double(frames))),
            ("seconds", .number((seconds * 1000).rounded() / 1000)),
        ])
    }
}
