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
        for signal in [SIGINT, SIGTERM, SIGHUP] {
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

/// A full disk, and names that must not escape the output directory.
@Suite struct OutputFaultTests {
    /// Runs a shell command; true when it exits 0.
    static func shell(_ command: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// A 100 KB tmpfs can be mounted (root in a sandbox that allows it, as CI here).
    static let canMountTmpfs: Bool = {
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("chainframe-mount-probe-\(getpid())").path
        defer { _ = shell("umount \(probe); rmdir \(probe)") }
        return shell("mkdir -p \(probe) && mount -t tmpfs -o size=100k tmpfs \(probe)")
    }()

    @Test(.enabled(if: canMountTmpfs, "needs permission to mount a small tmpfs (root)"))
    func fullDiskIsAClearRunTimeFailure() throws {
        let mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent("chainframe-full-\(UUID())").path
        #expect(Self.shell("mkdir -p \(mountPoint) && mount -t tmpfs -o size=100k tmpfs \(mountPoint)"))
        defer { _ = Self.shell("umount \(mountPoint); rmdir \(mountPoint)") }
        let result = try ChainframeProcess.run(["render", "examples/lecture.cg", "-o", mountPoint + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no space left on device"))
        let names = try FileManager.default.contentsOfDirectory(atPath: mountPoint + "/out")
        #expect(!names.contains { $0.contains(".tmp") })
        for name in names where name.hasSuffix(".png") {
            let data = try Data(contentsOf: URL(fileURLWithPath: mountPoint + "/out/" + name))
            #expect(data.suffix(8) == Data([0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]), "\(name) is whole")
        }
    }

    @Test func outputNamesFromFileNamesAreSanitised() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = try String(contentsOf: ChainframeProcess.packageRoot.appendingPathComponent("examples/derivative.cg"), encoding: .utf8)
        for name in ["..sneaky.cg", "tab\there.cg", "..cg"] {
            try Data(source.utf8).write(to: dir.appendingPathComponent(name))
            let result = try ChainframeProcess.run(["render", name, "--steps", "summary"], in: dir)
            #expect(result.status == 0, "\(name): \(result.stderr)")
        }
        let outputs = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("output").path).sorted()
        #expect(outputs == ["cg", "sneaky", "tab_here"])   // leading dots go: nothing hidden, no ".."
        // Nothing was written beside the output directory.
        let top = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasSuffix(".cg") }
        #expect(top == ["output"])
    }
}
