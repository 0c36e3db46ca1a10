import Chainframe
import ChainframeGraphics
import ChainframeRender
import Foundation
import SceneTestSupport
import Testing

/// The recording ChainframeSceneTests replays (Tests/ChainframeSceneTests/Fixtures) is what
/// Pango and Graphviz answer today, and drawing through the recorder writes the goldens.
///
/// After a change to text measurement or layout, re-record with
/// `CHAINFRAME_RECORD=1 swift test --filter RecordedDrawingTests` and look at the diff.
@Suite struct RecordedDrawingTests {
    @Test func theLectureRecordingIsCurrent() throws {
        let text = RecordingText(PangoText())
        let engine = RecordingLayout(GraphvizEngine())
        let picture = try RecordedDrawing.lecturePicture(text: text, engine: engine)
        // Everything the goldens need is measured while they are written.
        for golden in RecordedDrawing.goldens {
            let expected = try String(contentsOf: RecordedDrawing.goldenDirectory.appendingPathComponent(golden.file), encoding: .utf8)
            #expect(golden.write(picture) == expected, "\(golden.file) drawn through the recorder differs from its golden")
        }
        let recorded = try RecordedDrawing(measurements: text.measurements, layouts: engine.layouts).encoded()
        #expect(!engine.layouts.isEmpty && text.measurements.count > 20)
        if ProcessInfo.processInfo.environment["CHAINFRAME_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: RecordedDrawing.lectureFile.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try recorded.write(to: RecordedDrawing.lectureFile)
        }
        let stored = try Data(contentsOf: RecordedDrawing.lectureFile)
        #expect(stored == recorded, "the recording differs from what Pango and Graphviz answer: re-record and review")
    }

    /// The recording's storyboard and frame options are the library's defaults, so replaying
    /// it draws what `Lesson`/`LessonPipeline` draw.
    @Test func theRecordingUsesThePipelinesDefaults() throws {
        let url = RecordedDrawing.repositoryRoot.appendingPathComponent("examples/lecture.cg")
        let pipeline = try LessonPipeline(lesson: try Lesson(source: try String(contentsOf: url, encoding: .utf8), name: "lecture.cg"))
        #expect(RenderOptions().frameOptions == FrameOptions())
        let storyboard = try RecordedDrawing.lectureStoryboard()
        #expect(pipeline.storyboard.steps.map(\.caption.plainText) == storyboard.steps.map(\.caption.plainText))
    }
}
