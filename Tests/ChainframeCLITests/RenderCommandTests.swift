import ChainframeGraphics
import ChainframeScene
import Foundation
import Testing

/// `chainframe render` as a process: files, frames.json, re-rendering, errors.
@Suite struct RenderCommandTests {
    func frames(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("frame-") }.sorted()
    }

    @Test func rendersTheLectureFramesAndIndex() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("lecture")
        let result = try ChainframeProcess.run(["render", "examples/lecture.cg", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(try frames(in: out) == (0..<9).map { String(format: "frame-%03d.png", $0) })
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("frames.json"))) as! [String: Any]
        let list = index["frames"] as! [[String: Any]]
        #expect(list.count == 9)
        #expect(list.map { $0["phase"] as! String } == ["inputs", "forward", "forward", "forward", "backward", "backward", "backward", "backward", "summary"])
        #expect(list[1]["caption"] as? String == "Forward 1/3 · u = b × c = 3 × 2 = 6")
        #expect(list[7]["file"] as? String == "frame-007.png")
        #expect((list[0]["duration_ms"] as? Int ?? 0) > 0)
        #expect(index["width"] as? Int == 1920)
        let png = try PNGDecoder.decode([UInt8](Data(contentsOf: out.appendingPathComponent("frame-004.png"))))
        #expect(png.width == 1920 && png.height == 1080)
        #expect(png.text.contains { $0.key == "Software" && $0.value.hasPrefix("Chainframe") })
        #expect(png.text.contains { $0.key == "Source" && $0.value.contains("u = b * c") })
    }

    @Test func reRenderingIsByteIdenticalAndRemovesStaleFrames() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Something of the user's in the same directory must survive.
        try Data("keep".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        try Data("old".utf8).write(to: dir.appendingPathComponent("frame-042.png"))
        #expect(try ChainframeProcess.run(["render", "examples/lecture.cg", "-o", dir.path]).status == 0)
        let first = try Data(contentsOf: dir.appendingPathComponent("frame-006.png"))
        #expect(try ChainframeProcess.run(["render", "examples/lecture.cg", "-o", dir.path]).status == 0)
        #expect(try Data(contentsOf: dir.appendingPathComponent("frame-006.png")) == first)
        // A shorter run (backward only) removes the frames it no longer writes.
        #expect(try ChainframeProcess.run(["render", "examples/lecture.cg", "-o", dir.path, "--steps", "backward"]).status == 0)
        #expect(try frames(in: dir).count == 4)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("notes.txt").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func defaultOutputIsOutputSlashName() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = ChainframeProcess.packageRoot.appendingPathComponent("examples/derivative.cg")
        try FileManager.default.copyItem(at: source, to: dir.appendingPathComponent("derivative.cg"))
        let result = try ChainframeProcess.run(["render", "derivative.cg", "--size", "auto"], in: dir)
        #expect(result.status == 0)
        #expect(try frames(in: dir.appendingPathComponent("output/derivative")).count == 6)
    }

    @Test func badOptionsAndInputs() throws {
        let badSize = try ChainframeProcess.run(["render", "examples/lecture.cg", "--size", "big"])
        #expect(badSize.status == 2)
        #expect(badSize.stderr.contains("--size must be WIDTHxHEIGHT"))
        #expect(try ChainframeProcess.run(["render", "examples/lecture.cg", "--steps", "sideways"]).status == 2)
        #expect(try ChainframeProcess.run(["render", "examples/lecture.cg", "--rankdir", "RL"]).status == 2)
        let bad = try ChainframeProcess.run(["render", "-", "-o", "/tmp/never-written-\(UUID())"], stdin: Data("a = 5\nf = a +\n".utf8))
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("-:2:8: error: expected an expression"))
    }

    @Test func unwritableDirectoryIsARunTimeFailure() throws {
        let result = try ChainframeProcess.run(["render", "examples/lecture.cg", "-o", "/proc/chainframe-cannot-write"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("chainframe: error: cannot write '/proc/chainframe-cannot-write'"))
    }
}

/// Themes and fonts seen from the command line.
@Suite struct RenderThemeTests {
    @Test func everyShippedThemeRenders() throws {
        for theme in ["classroom", "chalkboard", "print", "colorblind"] {
            let dir = try ChainframeProcess.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let result = try ChainframeProcess.run(["render", "examples/lecture.cg", "--theme", theme, "-o", dir.path, "--steps", "summary"])
            #expect(result.status == 0, "\(theme): \(result.stderr)")
        }
    }

    @Test func unknownThemeAndBadThemeFileExitWithTwo() throws {
        let unknown = try ChainframeProcess.run(["render", "examples/lecture.cg", "--theme", "no-such-theme", "-o", "/tmp/never"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no-such-theme"))
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("mine.yaml")
        try Data("extends: classroom\ncolors:\n  backward: \"#12345\"\n".utf8).write(to: file)
        let bad = try ChainframeProcess.run(["render", "examples/lecture.cg", "--theme", file.path, "-o", dir.appendingPathComponent("out").path])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("\(file.path):3:"))
        #expect(bad.stderr.contains("colors.backward"))
        #expect(bad.stderr.contains("#12345"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func missingGlyphWarnsOnce() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = "a = 1\nb = 2 * a\nlabel a \"\u{F0000}\"\nlabel b \"\u{F0001}\"\n"
        let result = try ChainframeProcess.run(["render", "-", "-o", dir.path], stdin: Data(source.utf8))
        #expect(result.status == 0)
        let warnings = result.stderr.split(separator: "\n").filter { $0.contains("warning: no installed font") }
        #expect(warnings.count == 1)
    }
}
