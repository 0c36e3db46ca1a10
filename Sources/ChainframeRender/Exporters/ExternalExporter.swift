import Chainframe
import Foundation

/// Exporters outside Chainframe: any executable named `chainframe-export-NAME` on `PATH`.
///
/// Protocol: the executable is run with the output directory as its only argument and the
/// Chainframe JSON document (the `json` exporter's output, see docs/json-format.md) on standard
/// input. It writes its files into the directory and exits 0; anything else is a failure,
/// reported with its exit status and standard error.
///
/// The exporter runs in a process group of its own. Chainframe survives it closing standard
/// input early, keeps at most `ExporterProcess.maxErrorBytes` of its standard error (control
/// characters and escape sequences removed), stops waiting when it exits even if a background
/// child still holds standard error, and ends the whole group when it exits or when it runs
/// longer than the timeout (`--exporter-timeout`).
public enum ExternalExporter {
    /// The prefix of external exporters' executable names.
    public static let prefix = "chainframe-export-"

    /// The external exporters on `PATH`, first one found for each name.
    public static func discover(environment: [String: String]) -> [Exporter] {
        let directories = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        var found: [String: String] = [:]
        var order: [String] = []
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for file in names.sorted() where file.hasPrefix(prefix) && file.count > prefix.count {
                let path = directory + "/" + file
                guard FileManager.default.isExecutableFile(atPath: path) else { continue }
                let name = String(file.dropFirst(prefix.count))
                if found[name] == nil { found[name] = path; order.append(name) }
            }
        }
        return order.map { exporter(name: $0, path: found[$0]!) }
    }

    /// An exporter that runs the executable at `path`.
    static func exporter(name: String, path: String) -> Exporter {
        Exporter(name: name, summary: "External exporter (\(TerminalText.sanitized(path))).", capabilities: []) { context in
            try run(path: path, context: context)
        }
    }

    static func run(path: String, context: ExportContext) throws -> [URL] {
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: context.directory.path)) ?? [])
        let document = Array((ChainframeDocument.json(context.picture).serialized(indent: 2) + "\n").utf8)
        let name = TerminalText.sanitized(URL(fileURLWithPath: path).lastPathComponent)
        let outcome: ExporterProcess.Outcome
        do {
            outcome = try ExporterProcess.run(path: path, arguments: [context.directory.path], input: document,
                                              timeout: context.exporterTimeout)
        } catch {
            throw ExportError("cannot run external exporter '\(TerminalText.sanitized(path))': \(error.reason)")
        }
        let detail = outcome.errorText.trimmingCharacters(in: .whitespacesAndNewlines)
        let suffix = detail.isEmpty ? "" : ":\n" + detail
        switch outcome.ending {
        case .exited(0):
            break
        case .exited(let status):
            throw ExportError("external exporter '\(name)' failed (exit status \(status))" + suffix)
        case .signalled(let signal):
            throw ExportError("external exporter '\(name)' failed (signal \(signal))" + suffix)
        case .timedOut:
            throw ExportError("external exporter '\(name)' did not finish within "
                              + NumberFormat.full(context.exporterTimeout)
                              + " s and was stopped; raise --exporter-timeout if it needs longer" + suffix)
        }
        let after = (try? FileManager.default.contentsOfDirectory(atPath: context.directory.path)) ?? []
        return after.filter { !before.contains($0) }.sorted().map { context.file($0) }
    }
}
