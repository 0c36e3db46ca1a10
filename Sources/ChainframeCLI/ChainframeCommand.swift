import ArgumentParser
import Chainframe
import ChainframeCLIKit
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

    /// Runs the command with Chainframe's exit statuses (see `mainReportingErrors()`).
    static func main() {
        mainReportingErrors()
    }
}
