import ArgumentParser
import Chainframe
import ChainframeGraphics
import ChainframeRender
import Foundation

/// `chainframe render FILE`: the frames of the lecture as PNG images.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the forward and backward pass as numbered PNG frames.",
        discussion: """
        Writes frame-000.png, frame-001.png, … and frames.json into output/<file name>/ \
        (or --out). Every frame shares one layout: nothing moves between frames.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var look: LookOptions

    @Option(name: .shortAndLong, help: "The directory for the frames (default: output/<file name>).")
    var out: String?

    func run() throws {
        let graph = try input.loadGraph()
        let evaluation = try Evaluation(graph)
        let storyboard = Storyboard(evaluation, options: look.storyboardOptions)
        let theme = try look.loadTheme()
        let renderer = try FrameRenderer(storyboard: storyboard, theme: theme, options: look.frameOptions)
        Warnings.report(renderer.layout.warnings)
        let missing = renderer.missingGlyphTexts()
        if let first = missing.first {
            Warnings.report(["no installed font can draw some characters of \"\(first)\"\(missing.count > 1 ? " (and \(missing.count - 1) more texts)" : ""); install fonts-nanum and fonts-dejavu-core"])
        }
        let directory = URL(fileURLWithPath: out ?? defaultDirectory())
        let writer = PNGFramesWriter(directory: directory, sourceName: input.file, sourceText: graph.source.text,
                                     version: ChainframeVersion.current)
        do {
            let records = try writer.write(renderer)
            print("wrote \(records.count) frames to \(directory.relativePath)/")
        } catch let error as AtomicFile.WriteError {
            throw RunFailure(message: error.description)
        }
    }

    /// `output/<file name without extension>`.
    private func defaultDirectory() -> String {
        let base = input.file == "-" ? "stdin" : URL(fileURLWithPath: input.file).deletingPathExtension().lastPathComponent
        return "output/" + OutputName.sanitized(base)
    }
}

/// Prints warnings once each, as `chainframe: warning: …`.
enum Warnings {
    static func report(_ messages: [String]) {
        for message in messages {
            FileHandle.standardError.write(Data("chainframe: warning: \(message)\n".utf8))
        }
    }
}

/// Makes a file name safe from user text: no separators, no `..`, no control characters.
enum OutputName {
    static func sanitized(_ name: String) -> String {
        var out = String(name.unicodeScalars.map { scalar -> Character in
            if scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F { return "_" }
            return Character(scalar)
        })
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "graph" : out
    }
}
