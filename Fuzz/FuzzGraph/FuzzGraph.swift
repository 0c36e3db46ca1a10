import Chainframe
import Foundation

/// Fuzz target: bytes → parse → evaluate → differentiate → storyboard → numerical check.
///
/// Any input must end in a value or a diagnostic, never a crash or a hang. Built with
/// `scripts/fuzz graph` (libFuzzer, `-sanitize=fuzzer` and `-D FUZZING`); in an ordinary build
/// it is a replay tool: `FuzzGraph FILE…` runs the same code on each file (the regression
/// corpus in Fuzz/corpus/graph is replayed by the tests this way).
func fuzzGraph(_ bytes: [UInt8]) {
    guard let source = try? SourceFile.decode(name: "fuzz.cg", bytes: bytes, maxBytes: 1 << 16),
          let graph = try? GraphBuilder.build(source, limits: Limits(maxNodes: 2_000, maxDepth: 200, maxElements: 10_000))
    else { return }
    guard let evaluation = try? Evaluation(graph) else { return }
    var options = Storyboard.Options()
    options.phases = Set(Step.Phase.allCases)
    options.nudge = graph.nodes.firstIndex { $0.kind == .input }.map { ($0, 0.001) }
    guard let storyboard = try? Storyboard(evaluation, options: options) else { return }
    for step in storyboard.steps { _ = step.caption.plainText }
    _ = EvaluationReport.json(evaluation).serialized(indent: 2)
    _ = EvaluationReport.text(evaluation)
    if graph.nodes.count < 200, let check = try? NumericalCheck(evaluation) {
        _ = CheckReport.text(check, graph: graph)
    }
}

#if FUZZING
/// libFuzzer's driver (from `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point as `<Target>_main`: hand control to libFuzzer.
@_cdecl("FuzzGraph_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in
        guard let data else { return 0 }
        fuzzGraph(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
}
#else
/// Replays files through the fuzz target (for regression inputs).
@main
struct ReplayGraph {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(1)
            }
            fuzzGraph([UInt8](data))
        }
    }
}
#endif
