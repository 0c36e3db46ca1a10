import Foundation
import Testing

/// `chainframe watch` refusing what it cannot serve, before it listens, and handing the command
/// line to `chainframe-watch`. (Serving, live updates, a busy port and signals are tested in a
/// real browser by Tests/Browser.)
@Suite struct WatchCommandTests {
    @Test func standardInputCannotBeWatched() throws {
        let result = try ChainframeProcess.run(["watch", "-"], stdin: Data("a = 1\n".utf8))
        #expect(result.status == 2)
        #expect(result.stderr.contains("watch needs a file to watch, not standard input"))
    }

    @Test func aHostMustBeAnAddressAndAPortInRange() throws {
        let host = try ChainframeProcess.run(["watch", "examples/lecture.cg", "--host", "lecture.example"])
        #expect(host.status == 2)
        #expect(host.stderr.contains("--host 'lecture.example' is not an IP address"))
        let port = try ChainframeProcess.run(["watch", "examples/lecture.cg", "--port", "70000"])
        #expect(port.status == 2)
        #expect(port.stderr.contains("--port must be between 0 and 65535"))
    }

    @Test func aFileWithErrorsAtStartIsReportedLikeRender() throws {
        let directory = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("a = 5\nu = a * d\n".utf8).write(to: directory.appendingPathComponent("broken.cg"))
        let result = try ChainframeProcess.run(["watch", "broken.cg", "--port", "0"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("broken.cg:2:9: error: 'd' is not defined"))
        #expect(result.stdout.isEmpty)
    }

    @Test func theServerIsFoundBesideChainframeThroughASymbolicLink() throws {
        let directory = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("a = 5\nu = a * d\n".utf8).write(to: directory.appendingPathComponent("broken.cg"))
        let link = directory.appendingPathComponent("chainframe")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: ChainframeProcess.executable)
        // The diagnostic comes from chainframe-watch: chainframe checks only the options.
        let result = try ChainframeProcess.run(["watch", "broken.cg", "--port", "0"], in: directory, executable: link)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("broken.cg:2:9: error: 'd' is not defined"))
    }

    @Test func aMissingServerIsARunTimeFailure() throws {
        let directory = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let alone = directory.appendingPathComponent("chainframe")
        try FileManager.default.copyItem(at: ChainframeProcess.executable, to: alone)
        let result = try ChainframeProcess.run(["watch", "lecture.cg", "--port", "0"],
                                               in: ChainframeProcess.packageRoot.appendingPathComponent("examples"),
                                               executable: alone)
        #expect(result.status == 1)
        #expect(result.stderr.contains("chainframe: error: watch needs chainframe-watch beside chainframe (\(directory.path)/chainframe-watch)"))
        #expect(result.stdout.isEmpty)
    }

    /// `chainframe` stays free of the server's HTTP library and what it pulls in (libcurl and
    /// its ~25 libraries: about 8 ms more at every start); only `chainframe-watch` links it.
    @Test func onlyTheServerLinksTheNetworkingLibraries() throws {
        func libraries(of program: URL) throws -> String {
            let ldd = Process()
            ldd.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
            ldd.arguments = [program.path]
            let out = Pipe()
            ldd.standardOutput = out
            try ldd.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            ldd.waitUntilExit()
            return text
        }
        let server = ChainframeProcess.executable.deletingLastPathComponent().appendingPathComponent("chainframe-watch")
        #expect(try libraries(of: server).contains("libcurl"))
        let chainframe = try libraries(of: ChainframeProcess.executable)
        #expect(chainframe.contains("libcairo"))
        #expect(!chainframe.contains("libcurl"))
    }
}
