import Chainframe
import ChainframeGraphics
import ChainframeRender
import Foundation

/// Fuzz target: bytes → graph → storyboard → layout (Graphviz) → scenes → drawing (cairo,
/// Pango) → PNG and SVG.
///
/// The first byte chooses how to draw (direction, canvas, granularity, notation); the rest is a
/// .cg file. Graphs are kept small (80 nodes, 2 000 elements) so that each input takes
/// milliseconds, and the canvas small, so that the fuzzer spends its time on shapes of graphs
/// rather than on pixels. Any input must end in pictures or a clean error, never a crash, a
/// trap or a hang. Built with `scripts/fuzz render`; otherwise a replay tool like `FuzzGraph`.
func fuzzRender(_ bytes: [UInt8]) {
    guard let choice = bytes.first else { return }
    let limits = Limits(maxInputBytes: 1 << 14, maxNodes: 80, maxDepth: 60, maxElements: 2_000, maxTotalElements: 20_000)
    guard let source = try? SourceFile.decode(name: "fuzz.cg", bytes: Array(bytes.dropFirst()), maxBytes: limits.maxInputBytes),
          let graph = try? GraphBuilder.build(source, limits: limits),
          let evaluation = try? Evaluation(graph) else { return }
    var story = Storyboard.Options()
    story.phases = Set(Step.Phase.allCases)
    story.nudge = graph.nodes.firstIndex { $0.kind == .input }.map { ($0, choice & 1 == 0 ? 0.001 : 1e-300) }
    story.granularity = choice & 2 == 0 ? .node : .rank
    story.notation = [.partial, .leibniz, .code][Int(choice >> 2) % 3]
    story.precision = 1 + Int(choice >> 4) % 17
    guard let storyboard = try? Storyboard(evaluation, options: story) else { return }
    var options = FrameOptions()
    options.rankDirection = choice & 8 == 0 ? .leftToRight : .topToBottom
    options.size = choice & 32 == 0 ? .fixed(width: 320, height: 180) : .auto
    options.maxPixels = 500_000  // PNG encoding under AddressSanitizer is slow
    options.scale = choice & 64 == 0 ? 1 : 0.5
    guard let renderer = try? FrameRenderer(storyboard: storyboard, theme: .classroom, options: options) else { return }
    let steps = storyboard.steps.indices
    guard !steps.isEmpty else { return }
    for index in Set([steps.first!, steps.last!]) {
        _ = try? renderer.png(index)
        _ = SVGWriter.svg(renderer.scene(index), title: graph.title)
    }
}

#if FUZZING
/// libFuzzer's driver (from `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point as `<Target>_main`: hand control to libFuzzer.
@_cdecl("FuzzRender_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        fuzzRender(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
#else
/// Replays files through the fuzz target (for regression inputs).
@main
struct ReplayRender {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(1)
            }
            fuzzRender([UInt8](data))
        }
    }
}
#endif
