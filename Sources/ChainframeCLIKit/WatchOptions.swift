import ArgumentParser
import Foundation

/// The options of `chainframe watch`, checked by `chainframe` before it hands the command line
/// to `chainframe-watch` (the server), which reads them again.
package struct WatchOptions: ParsableArguments {
    @OptionGroup package var input: InputOptions
    @OptionGroup package var look: LookOptions

    @Option(help: "The address to listen on (default: loopback only; 0.0.0.0 for every interface).")
    package var host: String = "127.0.0.1"

    @Option(help: "The port to listen on (0: a free one, printed).")
    package var port: Int = 8080

    @Flag(help: "Open the page in the default browser (xdg-open).")
    package var open = false

    package init() {}

    /// What `chainframe watch --help` says (the server's own help says the same).
    package static func configuration(commandName: String) -> CommandConfiguration {
        CommandConfiguration(
            commandName: commandName,
            abstract: "Preview a lesson in the browser, re-rendered live on every save.",
            discussion: """
            Renders FILE as the html presenter and serves it at http://127.0.0.1:PORT/. When FILE \
            or the theme file (--theme PATH) changes, the open page shows the new version within a \
            second, on the same step. A file with errors shows its diagnostic in the page and keeps \
            the last good picture. Ctrl-C stops.
            """
        )
    }

    package func validate() throws {
        guard input.file != "-" else { throw ValidationError("watch needs a file to watch, not standard input") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard Self.isAddress(host) else {
            throw ValidationError("--host '\(host)' is not an IP address (for example 127.0.0.1, ::1 or 0.0.0.0)")
        }
    }

    /// Whether `host` is `localhost`, an IPv4 address or (with a colon) an IPv6 address.
    package static func isAddress(_ host: String) -> Bool {
        if host == "localhost" { return true }
        var bytes = [UInt8](repeating: 0, count: 16)
        return inet_pton(host.contains(":") ? AF_INET6 : AF_INET, host, &bytes) == 1
    }
}
