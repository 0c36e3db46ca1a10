import Foundation
import Testing

/// The file system promise: nothing written or deleted outside the output directory, whatever
/// the names and whatever is planted there; collisions found before anything is written.
@Suite struct OutputFileSystemTests {
    static let lecture = ChainframeProcess.packageRoot.appendingPathComponent("examples/lecture.cg").path

    @Test func plantedSymbolicLinksAreNotFollowed() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("out/svg").path, withDestinationPath: "../elsewhere")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("out/.chainframe.lock").path,
                                  withDestinationPath: "../elsewhere/lock")
        let svg = try ChainframeProcess.run(["render", Self.lecture, "-o", "out", "--format", "svg"], in: dir)
        #expect(svg.status == 1)
        #expect(svg.stderr.contains("it exists and is not a folder (a symbolic link is not followed)"))
        #expect(try fm.contentsOfDirectory(atPath: dir.appendingPathComponent("elsewhere").path).isEmpty)
        // A symbolic link where a frame goes is replaced, never written through.
        try fm.removeItem(at: dir.appendingPathComponent("out/svg"))
        try Data("precious".utf8).write(to: dir.appendingPathComponent("elsewhere/precious.png"))
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("out/frame-000.png").path,
                                  withDestinationPath: "../elsewhere/precious.png")
        #expect(try ChainframeProcess.run(["render", Self.lecture, "-o", "out"], in: dir).status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("elsewhere/precious.png"), encoding: .utf8) == "precious")
        let frame = try fm.attributesOfItem(atPath: dir.appendingPathComponent("out/frame-000.png").path)
        #expect(frame[.type] as? FileAttributeType == .typeRegular)
        #expect(try fm.contentsOfDirectory(atPath: dir.appendingPathComponent("elsewhere").path) == ["precious.png"])
    }

    @Test func noLockFileIsLeftBehind() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try ChainframeProcess.run(["render", Self.lecture, "-o", "out", "--format", "dot"], in: dir).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path) == ["lecture.dot"])
    }

    @Test func staleTemporariesOfKilledRunsAreRemoved() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out.appendingPathComponent("svg"), withIntermediateDirectories: true)
        // A process id that cannot exist (above pid_max), and the running test's own parent.
        let dead = ["out/.lecture.pdf.tmp-99999999", "out/.frame-003.png.tmp-99999998-3fa9c2", "out/svg/.lecture-001.svg.tmp-99999997-11"]
        let live = "out/.other.pdf.tmp-\(getppid())-ab"
        for name in dead + [live, "out/.notes.tmp-x"] { try Data("partial".utf8).write(to: dir.appendingPathComponent(name)) }
        #expect(try ChainframeProcess.run(["render", Self.lecture, "-o", "out", "--format", "dot"], in: dir).status == 0)
        for name in dead { #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(name).path), "\(name)") }
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(live).path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/.notes.tmp-x").path))
    }

    @Test func batchNamesStayInsideTheOutputRoot() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("in"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("root"), withIntermediateDirectories: true)
        try Data("a = 2\nJ = a * a\n".utf8).write(to: dir.appendingPathComponent("in/...cg"))
        try Data("keep".utf8).write(to: dir.appendingPathComponent("frame-042.png"))
        let result = try ChainframeProcess.run(["batch", "in", "-o", "root"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("root").path) == ["cg"])
        #expect(try String(contentsOf: dir.appendingPathComponent("frame-042.png"), encoding: .utf8) == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["frame-042.png", "in", "root"])
    }

    @Test func formatsWritingOneNameAreRefusedBeforeWriting() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("a = 2\nJ = a * a\n".utf8).write(to: dir.appendingPathComponent("frames.cg"))
        let render = try ChainframeProcess.run(["render", "frames.cg", "--format", "png-frames,json", "-o", "out"], in: dir)
        #expect(render.status == 2)
        #expect(render.stderr.contains("png-frames and json would both write frames.json"))
        let batch = try ChainframeProcess.run(["batch", "frames.cg", "--format", "markdown,json", "-o", "root"], in: dir)
        #expect(batch.status == 2)
        #expect(batch.stderr.contains("markdown and json would both write frames.json"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("root").path))
        // Formats that share files the same way (markdown writes the PNG frames) are fine.
        #expect(try ChainframeProcess.run(["render", "frames.cg", "--format", "png-frames,markdown", "-o", "ok"], in: dir).status == 0)
    }

    @Test func manifestOutputsMeetingThroughALinkCollide() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("a = 2\nJ = a * a\n".utf8).write(to: dir.appendingPathComponent("a.cg"))
        try Data("b = 3\nJ = b * b\n".utf8).write(to: dir.appendingPathComponent("b.cg"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("real"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link").path, withDestinationPath: "real")
        try Data("graphs:\n  - {file: a.cg, out: real/x}\n  - {file: b.cg, out: link/x}\n".utf8)
            .write(to: dir.appendingPathComponent("m.yaml"))
        let result = try ChainframeProcess.run(["batch", "m.yaml"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("would both write into"))
    }

    @Test func emptyFormatsAreRefused() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("a = 2\nJ = a * a\n".utf8).write(to: dir.appendingPathComponent("a.cg"))
        try Data("graphs:\n  - {file: a.cg, formats: []}\n".utf8).write(to: dir.appendingPathComponent("m.yaml"))
        let result = try ChainframeProcess.run(["batch", "m.yaml", "-o", "root"], in: dir)
        #expect(result.status == 2)
        #expect(result.stderr.contains("'formats' names no format"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("root").path))
    }
}
