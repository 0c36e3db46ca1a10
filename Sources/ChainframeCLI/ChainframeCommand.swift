import ArgumentParser
import Chainframe
import ChainframeRender
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

    /// Runs the command with Chainframe's exit statuses: 0 success, 1 run-time failure or
    /// failed check, 2 invalid input or usage.
    static func main() {
        OutputGuard.installSignalHandlers()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            if let report = ErrorReport(error) {
                // A bad option reads as swift-argument-parser's own usage errors do.
                let text = report.kind == .usage ? fullMessage(for: ValidationError(report.commandLineMessage)) : report.text
                FileHandle.standardError.write(Data((text + "\n").utf8))
                Foundation.exit(report.status)
            }
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Foundation.exit(code == .validationFailure ? ExitStatus.invalidInput : code.rawValue)
        }
    }
}

/// The exit statuses Chainframe promises.
enum ExitStatus {
    static let success: Int32 = 0
    /// A run-time failure (I/O) or a failed check.
    static let failure: Int32 = 1
    /// Invalid input or usage.
    static let invalidInput: Int32 = 2
}

/// A run-time failure: reported as `chainframe: error: …`, exit status 1.
struct RunFailure: Error {
    var message: String
}
