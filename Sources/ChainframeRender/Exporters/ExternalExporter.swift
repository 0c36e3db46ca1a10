import Foundation

/// Exporters outside Chainframe: any executable named `chainframe-export-NAME` on `PATH`.
///
/// Protocol: the executable is run with the output directory as its only argument and the
/// Chainframe JSON document (the `json` exporter's output, see docs/json-format.md) on standard
/// input. It writes its files into the directory and exits 0; anything else is a failure,
/// reported with its exit status and standard error.
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
        Exporter(name: name, summary: "External exporter (\(path)).", capabilities: []) { context in
            try run(path: path, context: context)
        }
    }

    static func run(path: String, context: ExportContext) throws -> [URL] {
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: context.directory.path)) ?? [])
        let document = ChainframeDocument.json(context).serialized(indent: 2) + "\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [context.directory.path]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ExportError("cannot run external exporter '\(path)': \(error.localizedDescription)")
        }
        // Feed standard input from another thread so a large document cannot deadlock
        // against a child that writes a lot to standard error first.
        let writer = input.fileHandleForWriting
        let data = Data(document.utf8)
        let fed = DispatchSemaphore(value: 0)
        Thread {
            try? writer.write(contentsOf: data)
            try? writer.close()
            fed.signal()
        }.start()
        let stderrText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        fed.wait()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit ? "exit status \(process.terminationStatus)"
                : "signal \(process.terminationStatus)"
            let detail = stderrText.trimmingCharacters(in: .whitespacesAndNewlines)
            throw ExportError("external exporter '\(URL(fileURLWithPath: path).lastPathComponent)' failed (\(how))"
                              + (detail.isEmpty ? "" : ":\n" + detail))
        }
        let after = (try? FileManager.default.contentsOfDirectory(atPath: context.directory.path)) ?? []
        return after.filter { !before.contains($0) }.sorted().map { context.file($0) }
    }
}
