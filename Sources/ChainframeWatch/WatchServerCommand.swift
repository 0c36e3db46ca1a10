import ArgumentParser
import Chainframe
import ChainframeCLIKit
import ChainframeGraphics
import ChainframeRender
import Foundation

/// `chainframe-watch`, the server behind `chainframe watch FILE` (which checks the options and
/// then runs this program in its place): the lesson in the HTML presenter, served on this
/// machine and re-rendered whenever the .cg file or the theme file is saved.
@main
struct WatchServerCommand: ParsableCommand {
    static let configuration = WatchOptions.configuration(commandName: "chainframe watch")

    @OptionGroup var options: WatchOptions

    /// How often the files are checked for changes.
    static let pollInterval: Duration = .milliseconds(150)

    /// Runs the server with Chainframe's exit statuses (see `mainReportingErrors()`).
    static func main() {
        mainReportingErrors()
    }

    func run() throws {
        PangoText.prepareFonts()  // fontconfig's set-up overlaps reading the input
        let lesson = WatchedLesson(input: options.input, look: options.look, render: renderPage)
        // Stamped before the first render, so a save during it is not missed.
        let stamps = FileStamps(lesson.watchedPaths)
        let first = try renderPage(version: 1)
        let outcome = WatchOutcome()
        let done = DispatchSemaphore(value: 0)
        let address = try options.listenAddress()
        Task { [host = options.host, port = options.port, open = options.open] in
            do {
                try await lesson.serve(host: host, address: address, port: UInt16(port), first: first, stamps: stamps, open: open)
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    /// The same pipeline as `render`, into the presenter page in memory.
    func renderPage(version: Int) throws -> String {
        let pipeline = try RenderPipeline.lessonPipeline(input: options.input, look: options.look)
        guard pipeline.stepCount > 0 else { throw RunFailure(message: "the lesson has no steps") }
        return HTMLPlayer.page(pipeline.exportContext(baseName: OutputName.base(of: options.input.file)),
                               live: HTMLPlayer.Live(version: version))
    }
}

/// How the watch ended, handed from its task to the command's thread.
private final class WatchOutcome: @unchecked Sendable {
    var error: (any Error)?
}

/// One watched lesson: its files, how to render it, and the serve-and-watch loop.
private struct WatchedLesson: @unchecked Sendable {
    let input: InputOptions
    let look: LookOptions
    let render: (Int) throws -> String

    /// The files whose saves trigger a new render: the .cg file and a theme given as a path.
    var watchedPaths: [String] {
        var paths = [input.file]
        if FileManager.default.fileExists(atPath: look.theme) { paths.append(look.theme) }
        return paths
    }

    func serve(host: String, address: WatchOptions.ListenAddress, port: UInt16, first: String, stamps: FileStamps,
               open: Bool) async throws {
        let preview = LivePreview()
        await preview.publish(page: first, version: 1)
        let server = try PreviewServer(host: host, address: address, port: port, preview: preview)
        let (bound, serving) = try await server.start()
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let url = "http://\(shownHost):\(bound)/"
        say("chainframe: serving \(input.file) at \(url) — watching \(watchedPaths.joined(separator: ", ")); Ctrl-C stops")
        if open { openInBrowser(url) }
        try await watch(preview, from: stamps)
        serving.cancel()
    }

    /// Polls the files; after a change, renders again (off the server's threads) and publishes
    /// the page or the error.
    private func watch(_ preview: LivePreview, from stamps: FileStamps) async throws {
        var seen = stamps
        var version = 1
        while !Task.isCancelled {
            try await Task.sleep(for: WatchServerCommand.pollInterval)
            let now = FileStamps(watchedPaths)
            guard now != seen else { continue }
            seen = now
            let next = version + 1
            let result: Result<String, any Error> = await withCheckedContinuation { [self] done in
                DispatchQueue.global().async { done.resume(returning: Result { try self.render(next) }) }
            }
            switch result {
            case .success(let page):
                version = next
                await preview.publish(page: page, version: version)
                say("chainframe: updated (version \(version))")
            case .failure(let error):
                let message = ErrorReport.text(for: error)
                await preview.fail(message)
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
        }
    }

    private func openInBrowser(_ url: String) {
        let opener = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/xdg-open" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let opener else {
            say("chainframe: no browser opener (xdg-open) found; open \(url) yourself")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }

    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
