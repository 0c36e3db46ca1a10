import Foundation
import Testing

/// `render` and `batch` with the video formats, as a user runs them.
@Suite(.serialized) struct VideoCommandTests {
    /// Runs `chainframe arguments…` with `environment` changes; returns status and standard error.
    func run(_ arguments: [String], in directory: URL, environment changes: [String: String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in changes { environment[key] = value }
        process.environment = environment
        process.executableURL = ChainframeProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func missingFFmpegExitsOneNamingThePackageAndWritesNoVideo() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let lecture = ChainframeProcess.packageRoot.appendingPathComponent("examples/lecture.cg").path
        // No ffmpeg on PATH (an empty directory) …
        let empty = dir.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let noPath = try run(["render", lecture, "--format", "mp4", "-o", "out"], in: dir, environment: ["PATH": empty.path])
        #expect(noPath.status == 1)
        #expect(noPath.stderr.contains("mp4 needs the ffmpeg program; install Debian's 'ffmpeg' package"), "\(noPath.stderr)")
        // … or CHAINFRAME_FFMPEG naming a program that is not there.
        let override = try run(["render", lecture, "--format", "gif", "-o", "out"], in: dir,
                               environment: ["CHAINFRAME_FFMPEG": "/nonexistent/ffmpeg"])
        #expect(override.status == 1)
        #expect(override.stderr.contains("CHAINFRAME_FFMPEG='/nonexistent/ffmpeg' is not an executable program"))
        let left = (try? FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)) ?? []
        #expect(left.filter { !$0.hasPrefix(".chainframe.lock") }.isEmpty, "\(left)")
    }

    @Test func batchManifestTakesVideoFormatsAndCountsVideoFrames() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: ChainframeProcess.packageRoot.appendingPathComponent("examples/lecture.cg"),
                                         to: dir.appendingPathComponent("lecture.cg"))
        try """
        defaults:
          size: 320x180
          fps: 10
        graphs:
          - file: lecture.cg
            formats: [mp4, png-frames]
        """.write(to: dir.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        let result = try run(["batch", "course.yaml", "--out", "out", "--report", "report.json"], in: dir, environment: [:])
        #expect(result.status == 0, "\(result.stderr)")
        let out = dir.appendingPathComponent("out/lecture")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(files.contains("lecture.mp4") && files.contains("lecture.srt") && files.contains("lecture.vtt"))
        // The lesson's length at 10 fps: as many video frames as motion PNG frames.
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("frames.json"))) as! [String: Any]
        let milliseconds = try #require(index["duration_ms"] as? Int)
        #expect(milliseconds >= 10_000)
        let frames = milliseconds / 100
        #expect(files.filter { $0.hasPrefix("frame-") }.count == frames)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("report.json"))) as! [String: Any]
        #expect(report["frames"] as? Int == 2 * frames)
    }
}
