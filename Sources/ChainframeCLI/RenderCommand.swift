import ArgumentParser
import Chainframe
import ChainframeGraphics
import ChainframeRender
import Foundation

/// `chainframe render FILE`: the frames of the lecture as PNG images.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the forward and backward pass: PNG frames, slides, animations, documents.",
        discussion: """
        By default writes frame-000.png, frame-001.png, … and frames.json into \
        output/<file name>/ (or --out). --format chooses other outputs (see 'chainframe \
        exporters'). Every output shares one layout: nothing moves between frames.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var look: LookOptions

    @Option(name: .shortAndLong, help: "The directory for the frames (default: output/<file name>).")
    var out: String?

    @Option(help: "Output formats, comma-separated (see 'chainframe exporters').")
    var format: String = "png-frames"

    @Option(help: "Frames drawn and encoded at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Seconds an external exporter may run before it (and its children) are stopped.")
    var exporterTimeout: Double = ExportContext.defaultExporterTimeout

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard exporterTimeout > 0, exporterTimeout.isFinite else {
            throw ValidationError("--exporter-timeout must be a positive number of seconds")
        }
        _ = try exporters()
    }

    /// The exporters named by `--format`, in order, each once.
    func exporters() throws -> [Exporter] {
        let available = ExporterRegistry.all()
        var chosen: [Exporter] = []
        for word in format.split(separator: ",") {
            let name = word.trimmingCharacters(in: .whitespaces)
            guard let exporter = available.first(where: { $0.name == name }) else {
                throw ValidationError("--format: unknown format '\(name)'; available: "
                                      + available.map(\.name).joined(separator: ", "))
            }
            if !chosen.contains(where: { $0.name == name }) { chosen.append(exporter) }
        }
        guard !chosen.isEmpty else { throw ValidationError("--format needs at least one format") }
        return chosen
    }

    func run() throws {
        let exporters = try exporters()
        if let (file, formats) = Exporter.collision(among: exporters, baseName: baseName()) {
            throw ValidationError("--format: \(formats.0) and \(formats.1) would both write \(file); "
                                  + "render them into different directories (--out)")
        }
        let renderer = try RenderPipeline.frameRenderer(input: input, look: look)
        let graph = renderer.storyboard.evaluation.graph
        let directory = URL(fileURLWithPath: out ?? defaultDirectory())
        var context = ExportContext(renderer: renderer, directory: directory, baseName: baseName(),
                                    sourceName: input.file, sourceText: graph.source.text,
                                    version: ChainframeVersion.current, jobs: jobs)
        context.exporterTimeout = exporterTimeout
        do {
            try AtomicFile.makeDirectory(directory)
            let lock = try OutputGuard.lock(directory) {
                Warnings.report(["another chainframe run is writing into \(directory.relativePath)/; waiting for it to finish"])
            }
            defer { lock.release() }
            for exporter in exporters {
                let files = try exporter.export(context)
                print("\(exporter.name): wrote \(files.count) file\(files.count == 1 ? "" : "s") to \(directory.relativePath)/")
            }
        } catch let error as AtomicFile.WriteError {
            throw RunFailure(message: error.description)
        } catch let error as ExportError {
            throw RunFailure(message: error.description)
        }
    }

    private func baseName() -> String {
        OutputName.base(of: input.file)
    }

    /// `output/<file name without extension>`.
    private func defaultDirectory() -> String {
        "output/" + baseName()
    }
}

/// The stages `render` and `watch` share: read and evaluate the file, build the storyboard,
/// load the theme and lay the graph out once; warns about layout problems and missing glyphs.
enum RenderPipeline {
    static func frameRenderer(input: InputOptions, look: LookOptions) throws -> FrameRenderer {
        let graph = try input.loadGraph()
        let evaluation = try input.evaluate(graph)
        let storyboard = Storyboard(evaluation, options: try look.storyboardOptions(for: graph))
        let theme = try look.loadTheme()
        let renderer = try FrameRenderer(storyboard: storyboard, theme: theme, options: look.frameOptions)
        Warnings.report(renderer.layout.warnings)
        let missing = renderer.missingGlyphTexts()
        if let first = missing.first {
            Warnings.report(["no installed font can draw some characters of \"\(first)\"\(missing.count > 1 ? " (and \(missing.count - 1) more texts)" : ""); install fonts-nanum and fonts-dejavu-core"])
        }
        return renderer
    }
}

/// Prints warnings once each, as `chainframe: warning: …`.
enum Warnings {
    static func report(_ messages: [String]) {
        for message in messages {
            FileHandle.standardError.write(Data("chainframe: warning: \(TerminalText.sanitized(message))\n".utf8))
        }
    }
}

/// Makes a file name safe from user text: no separators, no `..`, no control characters.
enum OutputName {
    /// The base of output names for a .cg path: its file name without the extension, made safe
    /// (`stdin` for standard input).
    static func base(of file: String) -> String {
        sanitized(file == "-" ? "stdin" : URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
    }

    static func sanitized(_ name: String) -> String {
        var out = String(name.unicodeScalars.map { scalar -> Character in
            if scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F { return "_" }
            return Character(scalar)
        })
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "graph" : out
    }
}
