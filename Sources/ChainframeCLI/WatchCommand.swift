import ArgumentParser
import ChainframeCLIKit
import Foundation

/// `chainframe watch FILE`: the lesson in the HTML presenter, served on this machine and
/// re-rendered whenever the .cg file or the theme file is saved.
///
/// The server is its own program, `chainframe-watch`, installed beside `chainframe`: this
/// command checks the options and then becomes that program (`execv`, same process and
/// terminal). The HTTP library it links (FlyingFox) brings libcurl and some 25 libraries more
/// through Foundation's networking, about 8 ms of loading at every start, so `chainframe`
/// itself does not link it.
struct WatchCommand: ParsableCommand {
    static let configuration = WatchOptions.configuration(commandName: "watch")

    @OptionGroup var options: WatchOptions

    func run() throws {
        // Everything after the subcommand's name, exactly as typed.
        let arguments = CommandLine.arguments
        let start = (arguments.dropFirst().firstIndex(of: "watch") ?? 1) + 1
        try WatchServerLauncher.exec(arguments: Array(arguments[start...]))
    }
}

/// Starts `chainframe-watch` in place of this process.
enum WatchServerLauncher {
    static let programName = "chainframe-watch"

    /// The server's path: beside the running `chainframe` (symbolic links resolved).
    static func serverPath() -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(programName).path
    }

    /// Replaces this process with `chainframe-watch ARGUMENTS`; returns only by throwing.
    static func exec(arguments: [String]) throws -> Never {
        let path = serverPath()
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw RunFailure(message: "watch needs \(programName) beside chainframe (\(path)); "
                             + "build it with 'swift build -c release --product \(programName)' (scripts/demo builds both)")
        }
        // Signals chainframe ignores (it handles them itself) would stay ignored in the new program.
        for number in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { signal(number, SIG_DFL) }
        var none = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, nil)
        fflush(nil)
        let argv = ([programName] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        throw RunFailure(message: "cannot start \(path): \(String(cString: strerror(errno)))")
    }
}
