import Foundation
import Testing

/// What `batch` and `watch` do many times in one process: many graphs, many themes.
@Suite struct ManyGraphsPerProcessTests {
    /// Peak resident memory (KiB) and exit status of `chainframe arguments…`, from the kernel's
    /// own account of that one child (`wait4`).
    static func peakMemory(_ arguments: [String]) throws -> (kilobytes: Int, status: Int32) {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([ChainframeProcess.executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, ChainframeProcess.executable.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        return (usage.ru_maxrss, status)
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
