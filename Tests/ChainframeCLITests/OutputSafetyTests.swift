import Foundation
import Testing

/// Interrupted and concurrent renders leave the output directory whole.
@Suite struct OutputSafetyTests {
    /// A chain long enough that rendering takes a while.
    static let longGraph: String = {
        var text = "x0 = 0.1\n"
        for i in 1...60 { text += "x\(i) = tanh(x\(i - 1) * 1.1 + 0.1)\n" }
        return text
    }()

    @Test func interruptLeavesNoPartialFiles() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.longGraph.utf8).write(to: dir.appendingPathComponent("long.cg"))
        for signal in [SIGINT, SIGTERM] {
            let process = Process()
            process.executableURL = ChainframeProcess.executable
            process.arguments = ["render", "long.cg", "-o", "out"]
            process.currentDirectoryURL = dir
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait until some frames exist, then interrupt.
            let out = dir.appendingPathComponent("out")
            for _ in 0..<200 {
                let count = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).count
                if count > 3 { break }
                usleep(20_000)
            }
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            #expect(!names.contains { $0.contains(".tmp") }, "signal \(signal): \(names.filter { $0.contains(".tmp") })")
            if process.terminationReason == .exit {
                #expect(process.terminationStatus == 128 + signal || process.terminationStatus == 0)
            }
            // Every frame that exists is a whole PNG.
            for name in names where name.hasSuffix(".png") {
                let data = try Data(contentsOf: out.appendingPathComponent(name))
                #expect(data.suffix(8) == Data([0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]), "\(name) ends with IEND")
            }
        }
    }

    @Test func concurrentRendersTakeTurns() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let first = Process(), second = Process()
        for process in [first, second] {
            process.executableURL = ChainframeProcess.executable
            process.arguments = ["render", "examples/logistic-regression.cg", "-o", out]
            process.currentDirectoryURL = ChainframeProcess.packageRoot
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try first.run()
        try second.run()
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        let frames = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("frame-") }
        #expect(frames.count == 15)
        let alone = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: alone) }
        #expect(try ChainframeProcess.run(["render", "examples/logistic-regression.cg", "-o", alone.path]).status == 0)
        for frame in frames {
            #expect(try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(frame))
                    == Data(contentsOf: alone.appendingPathComponent(frame)))
        }
    }
}
