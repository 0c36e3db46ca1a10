import Chainframe
import ChainframeGraphics
import ChainframeRender
import Foundation

/// Chainframe's frame benchmark: where the time of a frame goes (layout once, then drawing and
/// PNG encoding per frame), next to `dot -Tpng` run once per frame on the same graph.
///
/// Usage: chainframe-benchmark [--frames-limit N] [--no-dot]
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

let arguments = CommandLine.arguments
let runDot = !arguments.contains("--no-dot")

if let flag = arguments.firstIndex(of: "--leak-loop") {
    let iterations = arguments.count > flag + 1 ? Int(arguments[flag + 1]) ?? 1000 : 1000
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples")
    try LeakLoop.run(iterations: iterations, examples: examples)
    exit(0)
}
let repeats = 3

struct Case {
    var name: String
    var source: String
}

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let lecture = try String(contentsOf: root.appendingPathComponent("examples/lecture.cg"), encoding: .utf8)
let cases = [
    Case(name: "lecture.cg", source: lecture),
    Case(name: "MLP 3-6-6-1 (scalar)", source: MLPGenerator.source(inputs: 3, hidden: [6, 6])),
]

print("Chainframe frame benchmark — 1920×1080 frames, best of \(repeats) runs, one core")
print("")
var rows: [[String]] = [["graph", "nodes", "frames", "layout (once)", "scene / frame", "draw / frame", "PNG encode / frame",
                         "total / frame", "frames/s", "dot -Tpng / frame", "speed-up"]]
for c in cases {
    let source = SourceFile(name: c.name, text: c.source)
    let graph = try GraphBuilder.build(source)
    let storyboard = Storyboard(try Evaluation(graph))
    var bestLayout = Double.infinity, bestScene = Double.infinity, bestDraw = Double.infinity, bestEncode = Double.infinity
    var frameBytes = 0
    for _ in 0..<repeats {
        let t0 = now()
        let renderer = try FrameRenderer(storyboard: storyboard, theme: .classroom, options: FrameOptions())
        let t1 = now()
        let canvas = try CairoCanvas.image(width: renderer.layout.canvasSize.width, height: renderer.layout.canvasSize.height)
        var build = 0.0, draw = 0.0, encode = 0.0
        frameBytes = 0
        for index in storyboard.steps.indices {
            let start = now()
            let scene = renderer.scene(index)
            let a = now()
            CairoSceneRenderer.draw(scene, on: canvas)
            let b = now()
            build += a - start
            let png = try PNGEncoder.encode(canvas)
            let c = now()
            draw += b - a
            encode += c - b
            frameBytes += png.count
        }
        bestLayout = min(bestLayout, t1 - t0)
        bestDraw = min(bestDraw, draw / Double(storyboard.steps.count))
        bestScene = min(bestScene, build / Double(storyboard.steps.count))
        bestEncode = min(bestEncode, encode / Double(storyboard.steps.count))
    }
    let frames = storyboard.steps.count
    let total = bestScene + bestDraw + bestEncode + bestLayout / Double(frames)
    var dotPerFrame = "—", speedup = "—"
    if runDot {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chainframe-bench-dot")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var elapsed = 0.0
        for (index, step) in storyboard.steps.enumerated() {
            let file = directory.appendingPathComponent("frame-\(index).dot")
            try DOTFrames.dot(storyboard, step: step).write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
            process.arguments = ["-Tpng", "-o", directory.appendingPathComponent("frame-\(index).png").path, file.path]
            let a = now()
            try process.run()
            process.waitUntilExit()
            elapsed += now() - a
        }
        let perFrame = elapsed / Double(frames)
        dotPerFrame = String(format: "%.1f ms", perFrame * 1000)
        speedup = String(format: "%.1f×", perFrame / total)
    }
    rows.append([c.name, "\(graph.nodes.count)", "\(frames)", String(format: "%.1f ms", bestLayout * 1000),
                 String(format: "%.2f ms", bestScene * 1000), String(format: "%.2f ms", bestDraw * 1000),
                 String(format: "%.2f ms", bestEncode * 1000),
                 String(format: "%.2f ms", total * 1000), String(format: "%.0f", 1 / total),
                 dotPerFrame, speedup])
    _ = frameBytes
}
print(TextTable.render(rows))
print(String(format: "peak memory: %.0f MB", peakMemoryMB()))

// PNG settings, measured on the lecture's summary frame: the encoder's defaults come from here.
print("")
print("PNG encoding of one 1920×1080 frame (lecture summary), by row filter and zlib level:")
let summaryStoryboard = Storyboard(try Evaluation(GraphBuilder.build(SourceFile(name: "lecture.cg", text: lecture))))
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
        pngRows.append(["\(filter)", "\(level)", String(format: "%.1f ms", best * 1000), "\(size / 1024) KB"])
    }
}
print(TextTable.render(pngRows))
