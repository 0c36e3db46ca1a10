import Chainframe
import ChainframeGraphics
import ChainframeRender
import Foundation

/// Chainframe's frame benchmark: the same frames made three ways on one machine in one run —
/// (1) Chainframe (layout once, then scene + cairo + libpng per frame, on one core and on all
/// cores), (2) `dot -Tpng` run once per frame, (3) Graphviz in process, laying out and
/// rendering each frame with its own PNG renderer.
///
/// Then whole commands (`chainframe render` per frame against `dot -Tpng` per frame, start-up,
/// peak memory per graph), each in its own process.
///
/// Usage: ChainframeBenchmark [--quick] [--no-dot] [--whole | --no-whole] [--chainframe PATH] [--against PATH] | --leak-loop N
/// Run it with `scripts/benchmark` (release build). Not a test: it only reports.

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func ms(_ seconds: Double) -> String { String(format: seconds < 0.01 ? "%.2f ms" : "%.1f ms", seconds * 1000) }

let arguments = CommandLine.arguments
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

if let flag = arguments.firstIndex(of: "--leak-loop") {
    let iterations = arguments.count > flag + 1 ? Int(arguments[flag + 1]) ?? 1000 : 1000
    try LeakLoop.run(iterations: iterations, examples: root.appendingPathComponent("examples"))
    exit(0)
}

let runDot = !arguments.contains("--no-dot") && FileManager.default.isExecutableFile(atPath: "/usr/bin/dot")
let quick = arguments.contains("--quick")
let cores = ProcessInfo.processInfo.activeProcessorCount

/// The whole-command table, with the `chainframe` built next to this benchmark.
func wholeCommandTable() throws {
    let chainframe = arguments.firstIndex(of: "--chainframe").flatMap { arguments.count > $0 + 1 ? arguments[$0 + 1] : nil }
        ?? Bundle.main.executableURL!.deletingLastPathComponent().appendingPathComponent("chainframe").path
    let against = arguments.firstIndex(of: "--against").flatMap { arguments.count > $0 + 1 ? arguments[$0 + 1] : nil }
    for program in [chainframe] + (against.map { [$0] } ?? []) where !FileManager.default.isExecutableFile(atPath: program) {
        throw WholeCommands.BenchmarkError("no chainframe executable at \(program) (build it first)")
    }
    let lectureText = try String(contentsOf: root.appendingPathComponent("examples/lecture.cg"), encoding: .utf8)
    var cases = [WholeCommands.Case(name: "lecture.cg", source: lectureText, runs: quick ? 3 : 9),
                 WholeCommands.Case(name: "MLP 5-10-1", source: MLPGenerator.source(inputs: 5, hidden: [10]),
                                    dotSample: quick ? 4 : 12, runs: quick ? 1 : 3)]
    if !quick {
        cases.append(WholeCommands.Case(name: "MLP 4-8-8-1, rank", source: MLPGenerator.source(inputs: 4, hidden: [8, 8]),
                                        options: ["--granularity", "rank"], dotSample: 12, runs: 3))
    }
    let memory = quick ? nil : WholeCommands.Case(name: "MLP 12-30-30-1", source: MLPGenerator.source(inputs: 12, hidden: [30, 30]),
                                                  options: ["--format", "png", "--granularity", "node"])
    try WholeCommands.report(chainframe: chainframe, against: against, cases: cases, memoryCase: memory, runDot: runDot)
}

if arguments.contains("--whole") {
    try wholeCommandTable()
    exit(0)
}

struct Case {
    var name: String
    var source: String
    var granularity: Storyboard.Granularity
}

let lecture = try String(contentsOf: root.appendingPathComponent("examples/lecture.cg"), encoding: .utf8)
var cases = [Case(name: "lecture.cg", source: lecture, granularity: .node)]
let networks: [(Int, [Int])] = quick ? [(3, [6])] : [(3, [6]), (4, [8, 8]), (8, [16, 16]), (12, [30, 30])]
for (inputs, hidden) in networks {
    let source = MLPGenerator.source(inputs: inputs, hidden: hidden)
    cases.append(Case(name: "MLP \(inputs)-\(hidden.map(String.init).joined(separator: "-"))-1", source: source, granularity: .rank))
}

// Warm up fonts and Graphviz so that the first graph's layout time is not the process's start.
_ = try FrameRenderer(storyboard: try Storyboard(try Evaluation(GraphBuilder.build(SourceFile(name: "warm", text: "a = 1\nb = 2 * a\n")))),
                      theme: .classroom, options: FrameOptions()).png(0)

print("Chainframe frame benchmark — 1920×1080 frames, \(cores) cores (rows as Markdown, printed as each graph finishes)")
print("")
fflush(nil)  // the rows below are written unbuffered
let header = ["graph", "nodes", "frames", "layout (once)", "scene", "draw", "PNG", "1 core / frame",
              "\(cores) cores / frame", "frames/s", "dot -Tpng / frame", "Graphviz in process / frame",
              "× dot", "× in process", "peak MB"]
func markdownRow(_ cells: [String]) { FileHandle.standardOutput.write(Data(("| " + cells.joined(separator: " | ") + " |\n").utf8)) }
markdownRow(header)
markdownRow(header.map { _ in "---" })
for c in cases {
    let graph = try GraphBuilder.build(SourceFile(name: c.name, text: c.source))
    var options = Storyboard.Options()
    options.granularity = c.granularity
    let storyboard = try Storyboard(try Evaluation(graph), options: options)
    let frames = storyboard.steps.count

    // (1) Chainframe on one core: where the time goes.
    let t0 = now()
    let renderer = try FrameRenderer(storyboard: storyboard, theme: .classroom, options: FrameOptions())
    let layoutTime = now() - t0
    FileHandle.standardError.write(Data("\(c.name): \(graph.nodes.count) nodes, \(frames) frames, layout \(ms(layoutTime))\n".utf8))
    let canvas = try CairoCanvas.image(width: renderer.layout.canvasSize.width, height: renderer.layout.canvasSize.height)
    var sceneTime = 0.0, drawTime = 0.0, encodeTime = 0.0
    for index in storyboard.steps.indices {
        let a = now()
        let scene = renderer.scene(index)
        let b = now()
        CairoSceneRenderer.draw(scene, on: canvas)
        let c2 = now()
        _ = try PNGEncoder.encode(canvas)
        let d = now()
        sceneTime += b - a
        drawTime += c2 - b
        encodeTime += d - c2
    }
    let perFrame = (sceneTime + drawTime + encodeTime + layoutTime) / Double(frames)

    // (1b) Chainframe on all cores, writing the files as `render` does.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chainframe-bench-\(getpid())")
    try? FileManager.default.removeItem(at: directory)
    let t1 = now()
    let parallel = try FrameRenderer(storyboard: storyboard, theme: .classroom, options: FrameOptions())
    try PNGFramesWriter(directory: directory, sourceName: c.name, sourceText: c.source, version: "bench", jobs: cores).write(parallel)
    let allCores = (now() - t1) / Double(frames)
    try? FileManager.default.removeItem(at: directory)

    // (2) and (3): sampled frames, since Graphviz lays out every frame again.
    let sample = Array(Set(stride(from: 0, to: frames, by: max(1, frames / (quick ? 3 : 6))).map { $0 } + [frames - 1])).sorted()
    var dotPerFrame: Double?
    var inProcessPerFrame: Double?
    let dotTexts = sample.map { DOTFrames.dot(storyboard, step: storyboard.steps[$0]) }
    if runDot {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("chainframe-bench-dot-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        var elapsed = 0.0
        for (k, text) in dotTexts.enumerated() {
            let file = work.appendingPathComponent("frame-\(k).dot")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
            process.arguments = ["-Tpng", "-o", work.appendingPathComponent("frame-\(k).png").path, file.path]
            let a = now()
            try process.run()
            process.waitUntilExit()
            elapsed += now() - a
        }
        try? FileManager.default.removeItem(at: work)
        dotPerFrame = elapsed / Double(dotTexts.count)
    }
    var elapsed = 0.0
    for text in dotTexts {
        let a = now()
        _ = try GraphvizLayout.renderPNG(dot: text)
        elapsed += now() - a
    }
    inProcessPerFrame = elapsed / Double(dotTexts.count)

    let speedDot = dotPerFrame.map { String(format: "%.1f×", $0 / allCores) } ?? "—"
    let speedInProcess = inProcessPerFrame.map { String(format: "%.1f×", $0 / allCores) } ?? "—"
    markdownRow([c.name, "\(graph.nodes.count)", "\(frames)", ms(layoutTime), ms(sceneTime / Double(frames)),
                 ms(drawTime / Double(frames)), ms(encodeTime / Double(frames)), ms(perFrame), ms(allCores),
                 String(format: "%.0f", 1 / allCores), dotPerFrame.map(ms) ?? "—", inProcessPerFrame.map(ms) ?? "—",
                 speedDot, speedInProcess, String(format: "%.0f", peakMemoryMB())])
    FileHandle.standardError.write(Data("done: \(c.name)\n".utf8))
}
print("")
print("scene, draw and PNG are per frame on one core; layout is once per graph (Pango measuring + Graphviz).")
print("MLPs use --granularity rank (one step per rank); Graphviz columns time \(quick ? 3 : 6)-7 sampled frames.")

// PNG settings, measured on the lecture's summary frame: the encoder's defaults come from here.
print("")
print("PNG encoding of one 1920×1080 frame (lecture summary), by row filter and deflate level")
print("(no filter: libdeflate; adaptive: libpng's own filtering and zlib):")
let summaryStoryboard = try Storyboard(try Evaluation(GraphBuilder.build(SourceFile(name: "lecture.cg", text: lecture))))
let summaryRenderer = try FrameRenderer(storyboard: summaryStoryboard, theme: .classroom, options: FrameOptions())
let summaryCanvas = try CairoCanvas.image(width: 1920, height: 1080)
CairoSceneRenderer.draw(summaryRenderer.scene(summaryStoryboard.steps.count - 1), on: summaryCanvas)
var pngRows: [[String]] = [["filter", "level", "encode", "size"]]
for filter in [PNGFilter.none, .adaptive] {
    for level in [1, 3, 6, 9] {
        var best = Double.infinity
        var size = 0
        for _ in 0..<5 {
            let a = now()
            size = try PNGEncoder.encode(summaryCanvas, filter: filter, compressionLevel: level).count
            best = min(best, now() - a)
        }
        pngRows.append(["\(filter)", "\(level)", ms(best), "\(size / 1024) KB"])
    }
}
print(TextTable.render(pngRows))

if !arguments.contains("--no-whole") {
    try wholeCommandTable()
}
