import Chainframe
import Foundation

/// Whole commands, as a user times them: `chainframe render` (start-up, layout, every frame
/// written) divided by its frame count, against `dot -Tpng` run once per frame on the same
/// graph drawn micrograd-style. Each command runs in its own process; its wall time, CPU time
/// and peak resident memory come from `wait4`.
enum WholeCommands {
    /// One finished process.
    struct Run {
        var wall: Double
        var cpu: Double
        var peakMB: Double
        var status: Int32
    }

    /// Runs `arguments` (the first is the program's path) with output discarded.
    static func run(_ arguments: [String]) -> Run {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let start = now()
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else {
            return Run(wall: 0, cpu: 0, peakMB: 0, status: -1)
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let wall = now() - start
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return Run(wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
                   peakMB: Double(usage.ru_maxrss) / 1024, status: status)
    }

    /// The median run of `count` (by wall time), after one unmeasured warm-up run.
    static func median(_ count: Int, _ arguments: [String]) throws -> Run {
        try medians(count, [arguments])[0]
    }

    /// The median run of each command line, `count` runs each, taking turns (one of each, then
    /// again), after one unmeasured warm-up run each: a machine whose speed drifts over the
    /// minutes slows every command alike, so two builds compare side by side.
    static func medians(_ count: Int, _ commands: [[String]]) throws -> [Run] {
        for arguments in commands { _ = run(arguments) }
        var runs = commands.map { _ in [Run]() }
        for _ in 0..<count {
            for (index, arguments) in commands.enumerated() { runs[index].append(run(arguments)) }
        }
        return try zip(commands, runs).map { arguments, runs in
            guard runs.allSatisfy({ $0.status == 0 }) else {
                throw BenchmarkError("failed: \(arguments.joined(separator: " "))")
            }
            return runs.sorted { $0.wall < $1.wall }[runs.count / 2]
        }
    }

    struct BenchmarkError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// A graph to time: its .cg text and extra `render` options.
    struct Case {
        var name: String
        var source: String
        var options: [String] = []
        /// How many of its frames `dot -Tpng` draws (spread over the storyboard); nil: all.
        var dotSample: Int? = nil
        var runs = 5
    }

    /// Prints the whole-command table: one row per case, then start-up and memory rows. With
    /// `against` (another build), each case gets a row for it too, from runs taking turns with
    /// `chainframe`'s.
    static func report(chainframe: String, against: String? = nil, cases: [Case], memoryCase: Case?, runDot: Bool) throws {
        let builds = [against, chainframe].compactMap { $0 }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("chainframe-whole-\(getpid())")
        try? FileManager.default.removeItem(at: work)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }

        print("")
        print("Whole commands — `chainframe render FILE` (default settings: 1920×1080, PNG frames, all cores) per frame,")
        print("against `dot -Tpng` run once per frame on the graph drawn micrograd-style (median of runs; peak RSS per process):")
        print("")
        fflush(nil)
        let header = ["graph", "nodes", "frames", "render, whole command", "per frame", "dot -Tpng / frame", "× dot",
                      "CPU / frame", "dot CPU / frame", "× dot (CPU)", "peak RSS"]
        markdownRow(header)
        markdownRow(header.map { _ in "---" })
        for c in cases {
            let file = work.appendingPathComponent(c.name.replacingOccurrences(of: " ", with: "-") + ".cg")
            try c.source.write(to: file, atomically: true, encoding: .utf8)
            let out = work.appendingPathComponent("out")
            let renders = try medians(c.runs, builds.map { [$0, "render", file.path, "--out", out.path] + c.options })
            let frames = (try? FileManager.default.contentsOfDirectory(atPath: out.path))?
                .filter { $0.hasPrefix("frame-") }.count ?? 0
            let graph = try GraphBuilder.build(SourceFile(name: c.name, text: c.source))
            let storyboard = try Storyboard(try Evaluation(graph))
            var dotPerFrame: Double?
            var dotCPUPerFrame: Double?
            if runDot {
                let all = Array(storyboard.steps.indices)
                let sample = c.dotSample.map { n in stride(from: 0, to: all.count, by: max(1, all.count / n)).map { $0 } } ?? all
                var total = 0.0, cpu = 0.0
                for index in sample {
                    let dotFile = work.appendingPathComponent("frame.dot")
                    try DOTFrames.dot(storyboard, step: storyboard.steps[index]).write(to: dotFile, atomically: true, encoding: .utf8)
                    let r = run(["/usr/bin/dot", "-Tpng", "-o", work.appendingPathComponent("frame.png").path, dotFile.path])
                    guard r.status == 0 else { throw BenchmarkError("dot failed on \(c.name) frame \(index)") }
                    total += r.wall
                    cpu += r.cpu
                }
                dotPerFrame = total / Double(sample.count)
                dotCPUPerFrame = cpu / Double(sample.count)
            }
            for (build, render) in zip(builds, renders) {
                let perFrame = render.wall / Double(max(1, frames))
                let cpuPerFrame = render.cpu / Double(max(1, frames))
                let name = build == against ? "\(c.name) (\(build))" : c.name
                markdownRow([name, "\(graph.nodes.count)", "\(frames)", ms(render.wall), ms(perFrame),
                             dotPerFrame.map(ms) ?? "—", dotPerFrame.map { String(format: "%.1f×", $0 / perFrame) } ?? "—",
                             ms(cpuPerFrame), dotCPUPerFrame.map(ms) ?? "—",
                             dotCPUPerFrame.map { String(format: "%.1f×", $0 / cpuPerFrame) } ?? "—",
                             String(format: "%.0f MB", render.peakMB)])
            }
            try? FileManager.default.removeItem(at: out)
        }

        // Start-up: a one-frame render (a blog illustration) and a command that draws nothing.
        let lecture = work.appendingPathComponent(cases[0].name)
        try cases[0].source.write(to: lecture, atomically: true, encoding: .utf8)
        let ones = try medians(9, builds.map { [$0, "render", lecture.path, "--steps", "summary", "--out", work.appendingPathComponent("one").path] })
        let evals = try medians(9, builds.map { [$0, "eval", lecture.path] })
        print("")
        fflush(nil)
        for (build, (one, eval)) in zip(builds, zip(ones, evals)) {
            let which = build == against ? " (\(build))" : ""
            print("One-frame render of the lecture (`--steps summary`)\(which): \(ms(one.wall)) (CPU \(ms(one.cpu)), peak RSS \(String(format: "%.0f", one.peakMB)) MB); `chainframe eval` (start-up, no drawing): \(ms(eval.wall)).")
        }

        if let m = memoryCase {
            let file = work.appendingPathComponent("memory.cg")
            try m.source.write(to: file, atomically: true, encoding: .utf8)
            let graph = try GraphBuilder.build(SourceFile(name: m.name, text: m.source))
            var byNode = Storyboard.Options()
            byNode.granularity = .node
            let steps = try Storyboard(try Evaluation(graph), options: byNode).steps.count
            let r = try median(1, [chainframe, "render", file.path, "--out", work.appendingPathComponent("memory").path] + m.options)
            print("Memory: \(m.name) (\(graph.nodes.count) nodes, one step per node: \(steps) steps), `render \(m.options.joined(separator: " "))` "
                  + "(whole storyboard, layout, summary picture): peak RSS \(String(format: "%.0f", r.peakMB)) MB, \(String(format: "%.1f", r.wall)) s.")
        }
    }
}
