import Chainframe
import ChainframeGraphics
@testable import ChainframeRender
@testable import ChainframeScene
import Foundation
import Testing

/// mp4, webm, gif and motion frames, checked with Debian's ffprobe/ffmpeg (scripts/install-deps).
@Suite(.serialized) struct VideoTests {
    /// The lecture at 640×360 (the motion is the same at any size, and small is quick).
    func context(fps: Int = 30, environment: [String: String]? = nil) throws -> ExportContext {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chainframe-video-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var frame = FrameOptions()
        frame.size = .fixed(width: 640, height: 360)
        let source = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/lecture.cg"), encoding: .utf8)
        var context = ExportContext(renderer: try exampleRenderer("lecture", frame: frame), directory: directory,
                                    baseName: "lecture", sourceName: "lecture.cg", sourceText: source, version: "test", jobs: 2)
        context.video = VideoOptions(fps: fps, environment: environment ?? ProcessInfo.processInfo.environment)
        return context
    }

    var totalMilliseconds: Int { (try? exampleStoryboard("lecture").steps.map(\.durationMilliseconds).reduce(0, +)) ?? 0 }

    @Test func mp4IsH264YUV420WithTheIndexFirstAndTheStoryboardsLength() throws {
        let context = try context()
        defer { try? FileManager.default.removeItem(at: context.directory) }
        let files = try Exporter.mp4.export(context)
        #expect(files.map(\.lastPathComponent) == ["lecture.mp4", "lecture.srt", "lecture.vtt"])
        let stream = try probe(files[0])
        #expect(stream["codec_name"] == "h264")
        #expect(stream["pix_fmt"] == "yuv420p")
        #expect(stream["width"] == "640" && stream["height"] == "360")
        #expect(stream["r_frame_rate"] == "30/1")
        let seconds = try #require(Double(stream["duration"] ?? ""))
        #expect(abs(seconds * 1000 - Double(totalMilliseconds)) <= 1000.0 / 30 + 0.5)
        // +faststart: the moov box (the index) precedes the mdat box (the pictures).
        let boxes = try topLevelBoxes(files[0])
        #expect(boxes.contains("moov") && boxes.contains("mdat"))
        #expect(boxes.firstIndex(of: "moov")! < boxes.firstIndex(of: "mdat")!)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: context.directory.path).sorted()
                == ["lecture.mp4", "lecture.srt", "lecture.vtt"])
    }

    @Test func framesInsideATransitionDifferFromBothNeighbouringHolds() throws {
        let context = try context()
        defer { try? FileManager.default.removeItem(at: context.directory) }
        let url = try Exporter.mp4.export(context)[0]
        let timeline = MotionTimeline(storyboard: context.storyboard, theme: context.theme, fps: 30)
        for step in [1, 5] {
            let segment = timeline.segments[step]
            let before = try decodedFrame(url, segment.firstFrame - 1)
            let inside = try decodedFrame(url, segment.firstFrame + segment.transitionFrames / 2)
            let after = try decodedFrame(url, segment.firstFrame + segment.frameCount - 1)
            #expect(meanDifference(inside, before) > 0.002, "step \(step) vs the hold before")
            #expect(meanDifference(inside, after) > 0.002, "step \(step) vs the hold after")
            #expect(meanDifference(before, after) > 0.002)
        }
    }

    @Test func sameInputGivesIdenticalDecodedFrames() throws {
        let first = try context(), second = try context()
        defer {
            try? FileManager.default.removeItem(at: first.directory)
            try? FileManager.default.removeItem(at: second.directory)
        }
        let a = try frameHashes(try Exporter.mp4.export(first)[0])
        let b = try frameHashes(try Exporter.mp4.export(second)[0])
        #expect(a.count == MotionTimeline(storyboard: first.storyboard, theme: first.theme, fps: 30).frameCount)
        #expect(a == b)
    }

    @Test func webmIsVP9AndGifLoopsAt960PixelsOrLess() throws {
        let context = try context(fps: 30)
        defer { try? FileManager.default.removeItem(at: context.directory) }
        let webm = try probe(try Exporter.webm.export(context)[0])
        #expect(webm["codec_name"] == "vp9")
        #expect(webm["pix_fmt"] == "yuv420p")
        let gifURL = try Exporter.gif.export(context)[0]
        let gif = try probe(gifURL)
        #expect(gif["codec_name"] == "gif")
        #expect(gif["width"] == "640")   // never enlarged past the canvas
        #expect(gif["r_frame_rate"] == "25/1")
        let seconds = try #require(Double(gif["duration"] ?? ""))
        #expect(abs(seconds * 1000 - Double(totalMilliseconds)) <= 40)
        // NETSCAPE2.0 application extension, loop count 0 = forever.
        let bytes = [UInt8](try Data(contentsOf: gifURL))
        let netscape = Array("NETSCAPE2.0".utf8)
        let at = try #require((0..<(bytes.count - 16)).first { Array(bytes[$0..<($0 + 11)]) == netscape })
        #expect(bytes[at + 13] == 0 && bytes[at + 14] == 0)
    }

    @Test func withoutFFmpegTheErrorNamesThePackageAndNothingIsWritten() throws {
        let context = try context(environment: ["PATH": "/nonexistent"])
        defer { try? FileManager.default.removeItem(at: context.directory) }
        for exporter in [Exporter.mp4, .webm, .gif] {
            #expect {
                try exporter.export(context)
            } throws: { error in
                let message = "\(error)"
                return message.contains("ffmpeg") && message.contains("apt-get install ffmpeg")
            }
        }
        let broken = try self.context(environment: ["PATH": "/usr/bin:/bin", "CHAINFRAME_FFMPEG": "/nonexistent/ffmpeg"])
        defer { try? FileManager.default.removeItem(at: broken.directory) }
        #expect(throws: ExportError.self) { try Exporter.mp4.export(broken) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: context.directory.path).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: broken.directory.path).isEmpty)
    }

    @Test func aFailingEncoderLeavesNoPartialFile() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("fake-ffmpeg-\(UUID().uuidString)")
        try "#!/bin/sh\nhead -c 1000 > /dev/null\necho 'boom: encoder broke' >&2\nexit 3\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        defer { try? FileManager.default.removeItem(at: script) }
        let context = try context(environment: ["CHAINFRAME_FFMPEG": script.path])
        defer { try? FileManager.default.removeItem(at: context.directory) }
        #expect {
            try Exporter.mp4.export(context)
        } throws: { error in
            "\(error)".contains("boom: encoder broke")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: context.directory.path).isEmpty)
    }

    @Test func pngFramesWithFPSWriteEveryFrameWithItsTime() throws {
        let context = try context(fps: 10)
        defer { try? FileManager.default.removeItem(at: context.directory) }
        let files = try Exporter.pngFrames.export(context)
        let timeline = MotionTimeline(storyboard: context.storyboard, theme: context.theme, fps: 10)
        #expect(files.count == timeline.frameCount + 1)
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: context.file("frames.json"))) as! [String: Any]
        #expect(index["fps"] as? Int == 10)
        #expect(index["duration_ms"] as? Int == totalMilliseconds)
        let frames = index["frames"] as! [[String: Any]]
        #expect(frames.count == timeline.frameCount)
        #expect(frames[16]["file"] as? String == "frame-016.png")
        #expect(frames[16]["time_ms"] as? Int == 1600)
        #expect(frames[16]["transition"] as? Bool == true)
        #expect(frames[14]["transition"] as? Bool == false)
        #expect((index["steps"] as! [[String: Any]]).count == context.storyboard.steps.count)
        // A transition frame is its own picture; a hold repeats its step's picture.
        let png = { (i: Int) in try PNGDecoder.decode([UInt8](Data(contentsOf: context.file(frames[i]["file"] as! String)))).rgba }
        #expect(try png(16) != png(14) && png(16) != png(29))
        #expect(try png(25) == png(29))
    }

    // MARK: ffmpeg helpers

    func run(_ tool: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments.joined(separator: " "))")
        return data
    }

    /// The first video stream's properties (and the container's duration).
    func probe(_ url: URL) throws -> [String: String] {
        let text = String(decoding: try run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_entries",
                                                         "stream=codec_name,pix_fmt,width,height,r_frame_rate:format=duration",
                                                         "-of", "default=noprint_wrappers=1", url.path]), as: UTF8.self)
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }

    /// Frame `index` decoded to RGB bytes.
    func decodedFrame(_ url: URL, _ index: Int) throws -> [UInt8] {
        [UInt8](try run("ffmpeg", ["-v", "error", "-i", url.path, "-vf", "select=eq(n\\,\(index))", "-frames:v", "1",
                                   "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]))
    }

    /// One hash per decoded frame.
    func frameHashes(_ url: URL) throws -> [String] {
        String(decoding: try run("ffmpeg", ["-v", "error", "-i", url.path, "-f", "framemd5", "-"]), as: UTF8.self)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.split(separator: ",").last ?? "") }
    }

    func meanDifference(_ a: [UInt8], _ b: [UInt8]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 1 }
        return Double(zip(a, b).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }) / Double(a.count) / 255
    }

    /// The types of an MP4 file's top-level boxes, in order.
    func topLevelBoxes(_ url: URL) throws -> [String] {
        let bytes = [UInt8](try Data(contentsOf: url))
        var offset = 0, types: [String] = []
        while offset + 8 <= bytes.count {
            var size = Int(TestPNGChunks.uint32(bytes, offset))
            types.append(String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self))
            if size == 1, offset + 16 <= bytes.count {
                size = Int(UInt64(TestPNGChunks.uint32(bytes, offset + 8)) << 32 | UInt64(TestPNGChunks.uint32(bytes, offset + 12)))
            }
            guard size >= 8 else { break }
            offset += size
        }
        return types
    }
}
