import Chainframe
import ChainframeRender
import Foundation
import Testing

/// The lecture's text outputs, byte for byte: DOT, TikZ, SVG, the JSON document and Markdown,
/// as `Lesson`/`LessonPipeline` give them in memory (the exporters write the same texts).
///
/// After a deliberate change, look at the diff, then re-record with
/// `CHAINFRAME_RECORD=1 swift test --filter TextGoldenTests`.
@Suite struct TextGoldenTests {
    static let directory = repositoryRoot.appendingPathComponent("Tests/ChainframeRenderTests/__Goldens__")

    static func lecture() throws -> LessonPipeline {
        let url = repositoryRoot.appendingPathComponent("examples/lecture.cg")
        let lesson = try Lesson(source: try String(contentsOf: url, encoding: .utf8), name: "lecture.cg")
        return try LessonPipeline(lesson: lesson)
    }

    @Test(arguments: ["lecture.dot", "lecture.tex", "lecture-standalone.tex", "lecture.json", "lecture.md",
                      "lecture-summary.svg"])
    func lectureTextIsTheGolden(_ name: String) throws {
        let pipeline = try Self.lecture()
        let text: String = switch name {
        case "lecture.dot": pipeline.text(.dot)
        case "lecture.tex": pipeline.text(.tikz)
        case "lecture-standalone.tex": pipeline.text(.tikzStandalone)
        case "lecture.json": pipeline.text(.json)
        case "lecture.md": pipeline.text(.markdown)
        default: try pipeline.svg(step: pipeline.stepCount - 1)
        }
        let url = Self.directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CHAINFRAME_RECORD"] != nil {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        if text != golden {
            let lines = zip(text.split(separator: "\n", omittingEmptySubsequences: false),
                            golden.split(separator: "\n", omittingEmptySubsequences: false))
            var place = " in length"
            if let first = lines.enumerated().first(where: { $0.element.0 != $0.element.1 }) {
                place = " at line \(first.offset + 1):\n  now:    \(first.element.0)\n  golden: \(first.element.1)"
            }
            Issue.record(Comment(rawValue: "\(name) differs from its golden" + place))
        }
    }
}
