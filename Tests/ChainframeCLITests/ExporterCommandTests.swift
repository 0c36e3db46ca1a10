import Foundation
import Testing

/// `--format`, `chainframe exporters` and the external-exporter protocol, as a user runs them.
@Suite struct ExporterCommandTests {
    static let plugins = ChainframeProcess.packageRoot.appendingPathComponent("examples/plugins").path

    @Test func exportersListsBuiltInsAndExternals() throws {
        let result = try ChainframeProcess.run(["exporters"], extraPath: Self.plugins)
        #expect(result.status == 0)
        for name in ["png-frames", "json", "outline"] { #expect(result.stdout.contains(name)) }
        #expect(result.stdout.contains("external"))
    }

    @Test func shippedExamplePluginWritesItsOutline() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try ChainframeProcess.run(["render", "examples/lecture.cg", "--format", "outline", "-o", dir.path],
                                               extraPath: Self.plugins)
        #expect(result.status == 0, "\(result.stderr)")
        let outline = try String(contentsOf: dir.appendingPathComponent("lecture-outline.txt"), encoding: .utf8)
        #expect(outline.contains("Backward 4/4: ∂J/∂b = ∂J/∂u · ∂u/∂b = 3 · 2 = 6"))
        #expect(outline.contains("Summary: J = 33"))
    }

    @Test func failingPluginIsReportedWithStatusAndStandardError() throws {
        let bin = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: bin) }
        let script = bin.appendingPathComponent("chainframe-export-broken")
        try Data("#!/bin/sh\ncat > /dev/null\necho 'the printer is on fire' >&2\nexit 3\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let out = bin.appendingPathComponent("out")
        let result = try ChainframeProcess.run(["render", "examples/lecture.cg", "--format", "broken", "-o", out.path],
                                               extraPath: bin.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("external exporter 'chainframe-export-broken' failed (exit status 3)"))
        #expect(result.stderr.contains("the printer is on fire"))
    }

    @Test func severalFormatsInOneRun() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try ChainframeProcess.run(["render", "examples/lecture.cg", "--format", "png-frames,json", "-o", dir.path])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("frame-000.png").path))
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("lecture.json"))) as! [String: Any]
        #expect(document["version"] as? Int == 1)
        #expect((document["steps"] as? [Any])?.count == 9)
    }

    @Test func unknownFormatIsAUsageError() throws {
        let result = try ChainframeProcess.run(["render", "examples/lecture.cg", "--format", "bmp"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown format 'bmp'"))
    }
}
