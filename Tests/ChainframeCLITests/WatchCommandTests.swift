import Foundation
import Testing

/// `chainframe watch` refusing what it cannot serve, before it listens. (Serving, live
/// updates, a busy port and signals are tested in a real browser by Tests/Browser.)
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
}
