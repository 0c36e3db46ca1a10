import ArgumentParser
import Chainframe
import ChainframeGraphics
import ChainframeRender
import Foundation

/// How Chainframe's programs tell an error.
///
/// One reading of every error the pipeline throws, for a command's own exit, `batch`'s
/// per-graph failures and `watch`'s page.
///
/// Bad input — a .cg or theme file's diagnostic — is its own `file:line:column: error:` text
/// with the source line and a caret (exit status 2); a bad option is a usage error (status 2);
/// the rest are run-time failures, `chainframe: error: …` (status 1).
package struct ErrorReport {
    package enum Kind: Equatable {
        /// A file's diagnostic, with its place.
        case input
        /// An invalid option.
        case usage
        /// A run-time failure: I/O, layout, drawing, an exporter.
        case failure
    }

    package let kind: Kind
    /// The diagnostic (input), else the message alone, options named as manifests spell them.
    package let message: String
    /// For a usage error, the message with options written as flags (`--scale`).
    package let commandLineMessage: String

    /// The report of `error`, or nil for swift-argument-parser's own errors (parsing, help).
    package init?(_ error: any Error) {
        switch error {
        case let diagnostic as Diagnostic: self.init(.input, diagnostic.description)
        case let error as ChainframeError:
            switch error.kind {
            case .source, .theme: self.init(.input, error.description)
            case .option: self.init(.usage, error.message, commandLine: error.commandLineMessage)
            case .output: self.init(.failure, error.message)
            }
        case let error as ThemeError: self.init(.input, error.description)
        case let failure as RunFailure: self.init(.failure, TerminalText.sanitized(failure.message, keepingNewlines: true))
        case let error as LayoutError: self.init(.failure, error.description)
        case let error as CanvasError: self.init(.failure, "cannot draw: \(error.message)")
        case let error as AutoCanvas.TooLarge: self.init(.failure, error.description)
        default: return nil
        }
    }

    private init(_ kind: Kind, _ message: String, commandLine: String? = nil) {
        self.kind = kind
        self.message = message
        self.commandLineMessage = commandLine ?? message
    }

    /// The exit status: 2 for bad input or usage, 1 for a run-time failure.
    package var status: Int32 { kind == .failure ? ExitStatus.failure : ExitStatus.invalidInput }

    /// As the terminal shows it: a diagnostic as it is, anything else after `chainframe: error: `.
    package var text: String {
        kind == .input ? message : "chainframe: error: " + commandLineMessage
    }

    /// As `batch` lists it under the graph `file`: a diagnostic as it is (it names its file),
    /// anything else after `file: error: `.
    package func text(forGraph file: String) -> String {
        kind == .input ? message : "\(file): error: \(message)"
    }

    /// Any error as the terminal shows it: the report's text, or swift-argument-parser's message.
    package static func text(for error: any Error) -> String {
        ErrorReport(error)?.text ?? "chainframe: error: " + CommandLineMessage.message(for: error)
    }

    /// Any error as `batch` lists it under the graph `file` (see ``text(forGraph:)``).
    package static func text(for error: any Error, graph file: String) -> String {
        ErrorReport(error)?.text(forGraph: file) ?? "\(file): error: " + CommandLineMessage.message(for: error)
    }
}

/// swift-argument-parser's text for one of its own errors (a parse error, help), as any command
/// would print it.
private struct CommandLineMessage: ParsableCommand {}
