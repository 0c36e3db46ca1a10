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
        _ = try listenAddress()
    }

    /// An address to listen on: IPv4 or IPv6, as text.
    package enum ListenAddress: Equatable {
        case ip4(String)
        case ip6(String)
    }

    /// `host` as an address: `localhost` is 127.0.0.1, text with a colon IPv6, else IPv4;
    /// a usage error when it is none of these.
    package func listenAddress() throws -> ListenAddress {
        let address: ListenAddress = host == "localhost" ? .ip4("127.0.0.1") : host.contains(":") ? .ip6(host) : .ip4(host)
        var bytes = [UInt8](repeating: 0, count: 16)
        let parsed = switch address {
        case .ip4(let text): inet_pton(AF_INET, text, &bytes)
        case .ip6(let text): inet_pton(AF_INET6, text, &bytes)
        }
        guard parsed == 1 else {
            throw ValidationError("--host '\(host)' is not an IP address (for example 127.0.0.1, ::1 or 0.0.0.0)")
        }
        return address
    }
}
