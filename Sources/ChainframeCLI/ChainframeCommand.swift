import ArgumentParser
import Chainframe
import ChainframeCLIKit
import ChainframeGraphics
import Foundation

/// The `chainframe` command: a thin root that dispatches to one subcommand per file.
@main
struct ChainframeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chainframe",
        abstract: "Turn a small computation graph into the frames of a lecture on the chain rule.",
        version: ChainframeVersion.current,
        subcommands: [EvalCommand.self, CheckCommand.self, RenderCommand.self, ThemesCommand.self, ExportersCommand.self, SlopeCommand.self, BatchCommand.self, WatchCommand.self]
    )

    /// The subcommands that draw text.
    static let drawingCommands: [any ParsableCommand.Type] = [RenderCommand.self, BatchCommand.self, SlopeCommand.self]

    /// Runs the command with Chainframe's exit statuses (see `mainReportingErrors()`).
    static func main() {
        // A command that will draw makes Pango's font map first: fontconfig then reads its
        // configuration and font caches (several milliseconds) on a thread of its own while
        // the arguments are parsed and the input read, instead of delaying the first text.
        if let name = CommandLine.arguments.dropFirst().first,
           drawingCommands.contains(where: { $0.configuration.commandName == name }) {
            PangoText.prepareFonts()
        }
        mainReportingErrors()
    }
}
