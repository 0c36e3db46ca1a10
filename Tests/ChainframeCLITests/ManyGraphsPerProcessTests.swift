import Foundation
import Testing

/// What `batch` and `watch` do many times in one process: many graphs, many themes.
@Suite struct ManyGraphsPerProcessTests {
    /// Peak resident memory (KiB) and exit status of `chainframe arguments…`.
    ///
    /// A child started from the test process inherits the test process's own peak: Linux
    /// records the peak of the memory a spawned child shares until `exec`. So a small Python
    /// process starts chainframe and reports its children's peak, which starts from its own.
    static func peakMemory(_ arguments: [String]) throws -> (kilobytes: Int, status: Int32) {
        let script = """
            import resource, subprocess, sys
            run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print(run.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, ChainframeProcess.executable.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let fields = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard fields.count == 2 else { return (0, -1) }
        return (fields[1], Int32(fields[0]))
    }

    /// A batch manifest rendering the lecture's graph once per theme, each theme with its own
    /// font sizes (as a lecturer tuning a theme under `watch`, or a course with many looks).
    static func manifest(themes: Int, in directory: URL) throws -> String {
        var lines = ["defaults:", "  formats: [svg]", "graphs:"]
        for k in 0..<themes {
            let theme = """
                extends: classroom
                font:
                  sizes:
                    node: \(10 + Double(k) * 0.13)
                    value: \(12 + Double(k) * 0.11)
                    gradient: \(11 + Double(k) * 0.07)
                    edge-label: \(9 + Double(k) * 0.05)

                """
            let file = directory.appendingPathComponent("t\(k).yaml")
            try Data(theme.utf8).write(to: file)
            lines += ["  - file: lecture.cg", "    out: out\(themes)/g\(k)", "    theme: \(file.path)"]
        }
        let name = "course-\(themes).yaml"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent(name))
        return directory.appendingPathComponent(name).path
    }

    @Test func memoryStaysFlatOverManyThemes() throws {
        // Each thread's default Pango font map kept every font size it had ever been asked
        // for: 130 themes took 40 MB more than 10 (600 themes: 295 MB against 76 MB).
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: ChainframeProcess.packageRoot.appendingPathComponent("examples/lecture.cg"),
                                         to: dir.appendingPathComponent("lecture.cg"))
        let few = try Self.peakMemory(["batch", try Self.manifest(themes: 10, in: dir), "--jobs", "1", "--quiet"])
        let many = try Self.peakMemory(["batch", try Self.manifest(themes: 130, in: dir), "--jobs", "1", "--quiet"])
        #expect(few.status == 0 && many.status == 0)
        let rendered = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out130").path)
        #expect(rendered.count == 130)
        #expect(many.kilobytes - few.kilobytes < 15_000, "10 themes: \(few.kilobytes) KiB, 130 themes: \(many.kilobytes) KiB")
    }
}
