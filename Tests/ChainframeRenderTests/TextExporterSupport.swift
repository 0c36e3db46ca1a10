import Chainframe
import ChainframeRender
import Foundation

/// An export of an example into a fresh temporary directory, removed by `remove()`.
struct ExampleExport {
    let context: ExportContext

    init(_ name: String, options: Storyboard.Options = Storyboard.Options()) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("chainframe-export-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let source = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/\(name).cg"), encoding: .utf8)
        let renderer = try FrameRenderer(storyboard: try exampleStoryboard(name, options: options), theme: .classroom,
                                         options: FrameOptions())
        context = ExportContext(renderer: renderer, directory: directory, baseName: name,
                                sourceName: "\(name).cg", sourceText: source, version: "test")
    }

    var directory: URL { context.directory }

    /// Runs `exporter`; returns the files it wrote.
    func run(_ exporter: Exporter) throws -> [URL] { try exporter.export(context) }

    /// The text of `name` in the directory.
    func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// Deletes the directory, unless `CHAINFRAME_KEEP_EXPORTS` is set (then prints where it is).
    func remove() {
        if ProcessInfo.processInfo.environment["CHAINFRAME_KEEP_EXPORTS"] != nil {
            print("kept export: \(directory.path)")
            return
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// Every example's name (`lecture`, `shopping`, …), sorted.
    static var examples: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("examples").path)) ?? []
        return names.filter { $0.hasSuffix(".cg") }.map { String($0.dropLast(3)) }.sorted()
    }
}

/// Runs programs the tests use only when they are installed (pdflatex, python3 with jsonschema).
enum ExternalTool {
    /// Whether pdflatex is installed with the packages the TikZ exporter's documents load
    /// (beamer, tikz); Debian: texlive-latex-base, texlive-latex-recommended, texlive-pictures.
    static let hasPdflatexWithBeamer: Bool = {
        guard isInstalled("pdflatex"), isInstalled("kpsewhich"),
              let found = try? run("kpsewhich", ["beamer.cls", "tikz.sty"], in: FileManager.default.temporaryDirectory)
        else { return false }
        return found.status == 0 && found.output.split(whereSeparator: \.isNewline).count == 2
    }()

    /// Whether `name` is an executable file in a directory of `PATH`.
    static func isInstalled(_ name: String) -> Bool {
        path(of: name) != nil
    }

    static func path(of name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `name arguments…` in `directory`; returns its exit status and its output (stdout
    /// then stderr, through a file so a chatty program cannot fill a pipe and block).
    static func run(_ name: String, _ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        guard let executable = path(of: name) else { return (127, "\(name) is not installed") }
        let log = directory.appendingPathComponent(".\(name)-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}

/// JSON Schema validation through Python's `jsonschema` (draft 2020-12), when installed.
enum PythonJSONSchema {
    /// Whether `python3 -c "import jsonschema"` works here.
    static let isAvailable: Bool = {
        guard ExternalTool.isInstalled("python3") else { return false }
        let result = try? ExternalTool.run("python3", ["-c", "import jsonschema; jsonschema.Draft202012Validator"],
                                           in: FileManager.default.temporaryDirectory)
        return result?.status == 0
    }()

    /// Validates every document against the schema; returns the errors (empty when all are valid).
    static func errors(schema: URL, documents: [URL]) throws -> String {
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        failed = False
        for path in sys.argv[2:]:
            for error in validator.iter_errors(json.load(open(path, encoding="utf-8"))):
                failed = True
                print(f"{path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
        sys.exit(1 if failed else 0)
        """
        let result = try ExternalTool.run("python3", ["-c", script, schema.path] + documents.map(\.path),
                                          in: FileManager.default.temporaryDirectory)
        return result.status == 0 ? "" : result.output
    }
}
