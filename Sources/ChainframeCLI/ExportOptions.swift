import ArgumentParser
import ChainframeRender
import Foundation

/// How exporting runs, shared by `render` and `batch`: threads for frames and the external
/// exporters' time limit.
struct ExportOptions: ParsableArguments {
    @Option(help: "Frames drawn and encoded at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Seconds an external exporter may run before it (and its children) are stopped.")
    var exporterTimeout: Double = ExportContext.defaultExporterTimeout

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard exporterTimeout > 0, exporterTimeout.isFinite else {
            throw ValidationError("--exporter-timeout must be a positive number of seconds")
        }
    }
}
