import Foundation
import Testing

/// External exporters that misbehave: exit early, hang, leave children, print escapes.
@Suite struct ExporterFaultTests {
    /// A directory holding one executable `chainframe-export-NAME` with `script` as its body.
    static func exporter(_ name: String, _ script: String) throws -> URL {
        let bin = try ChainframeProcess.temporaryDirectory()
        let file = bin.appendingPathComponent("chainframe-export-\(name)")
        try Data(("#!/bin/sh\n" + script).utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return bin
    }

    /// A graph whose JSON document is far larger than a pipe's buffer.
    static let largeGraph = "x0 = 0.5\n" + (1...400).map { "x\($0) = tanh(x\($0 - 1) * 1.01)\n" }.joined()

    @Test func exporterThatNeverReadsItsInputDoesNotKillChainframe() throws {
        let bin = try Self.exporter("early", "exit 0\n")
        defer { try? FileManager.default.removeItem(at: bin) }
        try Data(Self.largeGraph.utf8).write(to: bin.appendingPathComponent("big.cg"))
        for _ in 0..<5 {
            let result = try ChainframeProcess.run(["render", "big.cg", "--steps", "summary", "--format", "early", "-o", "out"],
                                                   in: bin, extraPath: bin.path)
            #expect(result.status == 0, "\(result.status): \(result.stderr)")
        }
    }

    @Test func hungExporterIsStoppedWithItsChildren() throws {
        let marker = "4242\(getpid())"
        let bin = try Self.exporter("hang", "sleep \(marker) &\nsleep \(marker)\n")
        defer { try? FileManager.default.removeItem(at: bin) }
        let start = Date()
        let result = try ChainframeProcess.run(["render", "examples/lecture.cg", "--format", "hang", "--exporter-timeout", "1",
                                                "-o", bin.appendingPathComponent("out").path], extraPath: bin.path)
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(result.status == 1)
        #expect(result.stderr.contains("did not finish within 1 s and was stopped"))
        usleep(300_000)
        // (`slee[p]` keeps pgrep from finding the shell that runs it.)
        #expect(!OutputFaultTests.shell("pgrep -f 'slee[p] \(marker)'"), "no exporter process is left")
    }

    @Test func backgroundChildHoldingStandardErrorDoesNotBlock() throws {
        let bin = try Self.exporter("bg", "cat > /dev/null\n(sleep 30 >&2 &)\nexit 0\n")
        defer { try? FileManager.default.removeItem(at: bin) }
        let start = Date()
        let result = try ChainframeProcess.run(["render", "examples/lecture.cg", "--format", "bg",
                                                "-o", bin.appendingPathComponent("out").path], extraPath: bin.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(start) < 15)
    }

    @Test func exporterStandardErrorIsBoundedAndSanitised() throws {
        let bin = try Self.exporter("noisy", """
            cat > /dev/null
            printf 'bad \\033[2J\\033]0;title\\007 news\\n' >&2
            head -c 2000000 /dev/zero | tr '\\000' x >&2
            exit 3

            """)
        defer { try? FileManager.default.removeItem(at: bin) }
        let result = try ChainframeProcess.run(["render", "examples/lecture.cg", "--format", "noisy",
                                                "-o", bin.appendingPathComponent("out").path], extraPath: bin.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("failed (exit status 3):\nbad  news\n"))
        #expect(!result.stderr.contains("\u{1B}") && !result.stderr.contains("\u{7}"))
        #expect(result.stderr.contains("(standard error cut at 16 KiB)"))
        #expect(result.stderr.utf8.count < 20_000)
    }
}
