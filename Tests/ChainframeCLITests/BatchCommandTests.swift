import Foundation
import Testing

/// `chainframe batch`: many graphs, failures, incremental runs, shards, manifests.
@Suite struct BatchCommandTests {
    /// A directory with three good graphs and a bad one.
    func workspace() throws -> URL {
        let dir = try ChainframeProcess.temporaryDirectory()
        for name in ["lecture", "derivative", "branch"] {
            try FileManager.default.copyItem(at: ChainframeProcess.packageRoot.appendingPathComponent("examples/\(name).cg"),
                                             to: dir.appendingPathComponent("graphs/\(name).cg").creatingParent())
        }
        try Data("a = 5\nf = a +\n".utf8).write(to: dir.appendingPathComponent("graphs/bad.cg"))
        return dir
    }

    /// A run-time failure names the graph it happened to, as a diagnostic names its file.
    @Test func aRunTimeFailureNamesItsGraph() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("graphs/bad.cg"))
        // A regular file where the output directory should be: nothing can be written under it.
        try Data().write(to: dir.appendingPathComponent("blocked"))
        let result = try ChainframeProcess.run(["batch", "graphs/lecture.cg", "--out", "blocked", "--format", "dot"], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr.contains("graphs/lecture.cg: error: "), "\(result.stderr)")
    }

    @Test func renderAllReportFailuresAndGoOn() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try ChainframeProcess.run(["batch", "graphs", "--out", "out", "--report", "report.json", "--jobs", "2"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("4 graphs: 3 rendered, 0 unchanged, 1 failed"))
        #expect(result.stderr.contains("graphs/bad.cg:2:8: error: expected an expression"))
        for name in ["lecture", "derivative", "branch"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/\(name)/frame-000.png").path))
        }
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("report.json"))) as! [String: Any]
        #expect(report["failed"] as? Int == 1)
        #expect(report["rendered"] as? Int == 3)
        let graphs = report["graphs"] as! [[String: Any]]
        #expect(graphs.first { ($0["source"] as! String).hasSuffix("bad.cg") }?["status"] as? String == "failed")
        // Parallel frames are the same bytes as a plain render.
        let single = try ChainframeProcess.run(["render", "graphs/lecture.cg", "-o", "single", "--jobs", "1"], in: dir)
        #expect(single.status == 0)
        #expect(try Data(contentsOf: dir.appendingPathComponent("out/lecture/frame-006.png"))
                == Data(contentsOf: dir.appendingPathComponent("single/frame-006.png")))
    }

    @Test func unchangedGraphsAreSkippedUntilSomethingChanges() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("graphs/bad.cg"))
        #expect(try ChainframeProcess.run(["batch", "graphs", "-o", "out"], in: dir).stdout.contains("3 rendered"))
        #expect(try ChainframeProcess.run(["batch", "graphs", "-o", "out"], in: dir).stdout.contains("0 rendered, 3 unchanged"))
        // A new option, a changed source and --force each render again.
        #expect(try ChainframeProcess.run(["batch", "graphs", "-o", "out", "--theme", "print"], in: dir).stdout.contains("3 rendered"))
        try Data("x = 3\nf = x * x\n".utf8).write(to: dir.appendingPathComponent("graphs/derivative.cg"))
        #expect(try ChainframeProcess.run(["batch", "graphs", "-o", "out", "--theme", "print"], in: dir).stdout.contains("1 rendered, 2 unchanged"))
        #expect(try ChainframeProcess.run(["batch", "graphs", "-o", "out", "--theme", "print", "--force"], in: dir).stdout.contains("3 rendered"))
    }

    @Test func shardsSplitTheGraphsDeterministically() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        var seen: [String] = []
        for shard in 1...3 {
            let result = try ChainframeProcess.run(["batch", "graphs", "-o", "out\(shard)", "--shard", "\(shard)/3", "--report", "r\(shard).json"], in: dir)
            let report = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("r\(shard).json"))) as! [String: Any]
            seen += (report["graphs"] as! [[String: Any]]).map { $0["source"] as! String }
            _ = result
        }
        #expect(seen.sorted() == ["graphs/bad.cg", "graphs/branch.cg", "graphs/derivative.cg", "graphs/lecture.cg"])
        #expect(try ChainframeProcess.run(["batch", "graphs", "--shard", "4/3"], in: dir).status == 2)
    }

    @Test func manifestGivesEachGraphItsOptions() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let manifest = """
        defaults:
          size: 960x540
          formats: [png-frames, json]
        graphs:
          - file: graphs/lecture.cg
            out: dark
            theme: chalkboard
            steps: [backward]
          - graphs/branch.cg
        """
        try Data(manifest.utf8).write(to: dir.appendingPathComponent("course.yaml"))
        let result = try ChainframeProcess.run(["batch", "course.yaml", "-o", "out"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let frames = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("dark").path).filter { $0.hasPrefix("frame-") }
        #expect(frames.count == 4)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("dark/lecture.json").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/branch/branch.json").path))
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("dark/frames.json"))) as! [String: Any]
        #expect(index["width"] as? Int == 960)
        // A JSON manifest works too, and a mistake in one names the key.
        try Data(#"{"graphs": [{"file": "graphs/lecture.cg", "colour": "red"}]}"#.utf8).write(to: dir.appendingPathComponent("bad.json"))
        let bad = try ChainframeProcess.run(["batch", "bad.json"], in: dir)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown key 'colour'"))
    }

    /// A theme file in a manifest is found beside the manifest (as `file:` is), from any
    /// working directory; a theme name is still a name.
    @Test func manifestThemeFilesAreRelativeToTheManifest() throws {
        let dir = try workspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let course = dir.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: course.appendingPathComponent("looks"), withIntermediateDirectories: true)
        try Data("extends: classroom\nname: \"board\"\nbackground: \"#123456\"\n".utf8)
            .write(to: course.appendingPathComponent("looks/board.yaml"))
        let manifest = """
        defaults:
          theme: ./looks/board.yaml
          formats: [svg]
        graphs:
          - file: ../graphs/lecture.cg
            out: board
          - file: ../graphs/branch.cg
            out: named
            theme: chalkboard
        """
        try Data(manifest.utf8).write(to: course.appendingPathComponent("course.yaml"))
        // Run from the parent directory, where ./looks/board.yaml does not exist.
        let result = try ChainframeProcess.run(["batch", "course/course.yaml"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let board = try String(contentsOf: course.appendingPathComponent("board/svg/lecture-summary.svg"), encoding: .utf8)
        #expect(board.contains("#123456"))
        let named = try String(contentsOf: course.appendingPathComponent("named/svg/branch-summary.svg"), encoding: .utf8)
        #expect(named.contains("#1E2B26"))
        // Run from inside: the same files.
        let inside = try ChainframeProcess.run(["batch", "course.yaml", "--force"], in: course)
        #expect(inside.status == 0, "\(inside.stderr)")
        #expect(try String(contentsOf: course.appendingPathComponent("board/svg/lecture-summary.svg"), encoding: .utf8) == board)
    }
}

extension URL {
    /// Creates the parent directory and returns the URL.
    func creatingParent() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
