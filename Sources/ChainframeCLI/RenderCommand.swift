import ArgumentParser
import Chainframe
import ChainframeCLIKit
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

    @OptionGroup var export: ExportOptions

    /// The exporters `validate()` chose, so `run()` does not search `PATH` a second time.
    private var chosen: [Exporter]?

    /// The arguments; `chosen` is not one.
    private enum CodingKeys: String, CodingKey {
        case input, look, out, format, export
    }

    mutating func validate() throws {
        chosen = try exporters()
    }

    /// The exporters named by `--format`, in order, each once.
    func exporters() throws -> [Exporter] {
        let names = format.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        do {
            return try LessonPipeline.exporters(named: names)
        } catch {
            throw ValidationError("--format: \(error.message)")
        }
    }

    func run() throws {
        let exporters = try chosen ?? exporters()
        if let (file, formats) = Exporter.collision(among: exporters, baseName: baseName()) {
            throw ValidationError("--format: \(formats.0) and \(formats.1) would both write \(file); "
                                  + "render them into different directories (--out)")
        }
        let pipeline = try RenderPipeline.lessonPipeline(input: input, look: look)
        let directory = URL(fileURLWithPath: out ?? defaultDirectory())
        _ = try pipeline.export(exporters, to: directory, baseName: baseName(), jobs: export.jobs,
                                exporterTimeout: export.exporterTimeout, waiting: {
            Warnings.report(["another chainframe run is writing into \(directory.relativePath)/; waiting for it to finish"])
        }, exported: { name, files in
            print("\(name): wrote \(files.count) file\(files.count == 1 ? "" : "s") to \(directory.relativePath)/")
        })
    }

    private func baseName() -> String {
        OutputName.base(of: input.file)
    }

    /// `output/<file name without extension>`.
    private func defaultDirectory() -> String {
        "output/" + baseName()
    }
}
