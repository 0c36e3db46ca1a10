import Chainframe
import ChainframeScene
import Foundation
import SceneTestSupport
import Testing

/// ChainframeScene alone — no Pango, no Graphviz, no cairo linked into this test — draws the
/// lecture from the recorded measurements and layouts and writes its DOT, TikZ, SVG, JSON and
/// Markdown exactly as the pipeline does (the goldens of ChainframeRenderTests).
@Suite struct LectureWithoutCTests {
    static func replayed() throws -> (picture: LessonPicture, drawing: ReplayedDrawing) {
        let drawing = ReplayedDrawing(try RecordedDrawing(contentsOf: RecordedDrawing.lectureFile))
        return (try RecordedDrawing.lecturePicture(text: drawing, engine: drawing), drawing)
    }

    @Test(arguments: RecordedDrawing.goldens.map(\.file))
    func theWritersWriteTheGolden(_ file: String) throws {
        let (picture, drawing) = try Self.replayed()
        let write = try #require(RecordedDrawing.goldens.first { $0.file == file }?.write)
        let expected = try String(contentsOf: RecordedDrawing.goldenDirectory.appendingPathComponent(file), encoding: .utf8)
        let text = write(picture)
        #expect(drawing.unanswered.isEmpty, "measured without a recorded answer: \(drawing.unanswered.prefix(3))")
        #expect(text == expected, "\(file) written by ChainframeScene alone differs from the golden")
    }

    /// Every step of the lecture has a scene on the shared canvas, and its SVG names the step.
    @Test func everyStepHasAScene() throws {
        let (picture, _) = try Self.replayed()
        #expect(picture.stepCount == 9)  // inputs, the forward pass by rank, the backward pass, the summary
        for index in 0..<picture.stepCount {
            #expect(picture.scene(index).size == picture.canvasSize)
            #expect(picture.svg(step: index).contains(picture.storyboard.steps[index].caption.title))
        }
    }

    /// A graph the recording never laid out is refused with an error, not drawn from nothing.
    @Test func anUnrecordedLayoutIsAnError() throws {
        let drawing = ReplayedDrawing(try RecordedDrawing(contentsOf: RecordedDrawing.lectureFile))
        let lesson = try Lesson(source: "x = 2\ny = x * x\n", name: "square.cg")
        #expect(throws: ReplayedDrawing.Unrecorded.self) {
            try SceneBuilder(laying: try Storyboard(lesson.evaluation), theme: .classroom, options: FrameOptions(),
                             text: drawing, engine: drawing)
        }
    }
}
