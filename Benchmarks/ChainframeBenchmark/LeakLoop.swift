import Chainframe
import ChainframeGraphics
import ChainframeRender
import Foundation

/// Renders every example (layout, every frame, PNG encoding, PDF, SVG) `iterations` times in
/// one process and prints the resident memory as it goes: a leak in the Graphviz, cairo/Pango
/// or libpng bridges shows as growth.
enum LeakLoop {
    static func residentMB() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Double($0) }) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576
    }

    static func run(iterations: Int, examples: URL) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".cg") }.sorted()
        let sources = try files.map { SourceFile(name: $0, text: try String(contentsOf: examples.appendingPathComponent($0), encoding: .utf8)) }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chainframe-leak-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var baseline = 0.0
        for iteration in 1...iterations {
            for source in sources {
                var options = Storyboard.Options()
                options.phases = Set(Step.Phase.allCases)
                let graph = try GraphBuilder.build(source)
                options.nudge = graph.nodes.firstIndex { $0.kind == .input }.map { ($0, 0.001) }
                let storyboard = try Storyboard(try Evaluation(graph), options: options)
                var frame = FrameOptions()
                frame.size = .fixed(width: 640, height: 360)
                let renderer = try FrameRenderer(storyboard: storyboard, theme: .classroom, options: frame)
                for index in storyboard.steps.indices { _ = try renderer.png(index) }
                let context = ExportContext(renderer: renderer, directory: scratch, baseName: "leak", sourceName: source.name,
                                            sourceText: source.text, version: "leak")
                _ = try Exporter.pdf.export(context)
                _ = try Exporter.svg.export(context)
                _ = try Exporter.dot.export(context)
            }
            if iteration == min(10, iterations) { baseline = residentMB() }
            if iteration % 100 == 0 || iteration == iterations {
                print(String(format: "iteration %5d: resident %.1f MB", iteration, residentMB()))
            }
        }
        let final = residentMB()
        print(String(format: "resident after warm-up (10 iterations): %.1f MB, after %d: %.1f MB, growth %.1f MB",
                     baseline, iterations, final, final - baseline))
    }
}
