import ArgumentParser
import Chainframe
import ChainframeGraphics
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
        } catch let diagnostic as Diagnostic {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
            Foundation.exit(ExitStatus.invalidInput)
        } catch let error as ChainframeError {
            switch error.kind {
            case .source, .theme:
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                Foundation.exit(ExitStatus.invalidInput)
            case .option:
                FileHandle.standardError.write(Data((fullMessage(for: ValidationError(error.commandLineMessage)) + "\n").utf8))
                Foundation.exit(ExitStatus.invalidInput)
            case .output:
                FileHandle.standardError.write(Data(("chainframe: error: \(error.message)\n").utf8))
                Foundation.exit(ExitStatus.failure)
            }
        } catch let themeError as ThemeError {
            FileHandle.standardError.write(Data((themeError.description + "\n").utf8))
            Foundation.exit(ExitStatus.invalidInput)
        } catch let failure as RunFailure {
            FileHandle.standardError.write(Data(("chainframe: error: \(TerminalText.sanitized(failure.message, keepingNewlines: true))\n").utf8))
            Foundation.exit(ExitStatus.failure)
        } catch let error as LayoutError {
            runTimeFailure(error.description)
        } catch let error as CanvasError {
            runTimeFailure("cannot draw: \(error.message)")
        } catch let error as AutoCanvas.TooLarge {
            runTimeFailure(error.description)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
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

/// Reports a run-time failure as `chainframe: error: …` and exits with status 1.
private func runTimeFailure(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("chainframe: error: \(message)\n").utf8))
    Foundation.exit(ExitStatus.failure)
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
