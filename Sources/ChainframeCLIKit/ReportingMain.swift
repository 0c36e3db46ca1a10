import ArgumentParser
import ChainframeRender
import Foundation

extension ParsableCommand {
    /// Parses the command line and runs the command with Chainframe's exit statuses: 0 success,
    /// 1 run-time failure or failed check, 2 invalid input or usage; the error as
    /// ``ErrorReport`` tells it. Signals leave no partial files behind.
    package static func mainReportingErrors() {
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
