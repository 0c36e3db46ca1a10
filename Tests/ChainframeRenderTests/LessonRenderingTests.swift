import Chainframe
import ChainframeRender
import Foundation
import Testing

/// `Lesson`'s pictures and files: PNG in memory, text formats in memory, exports, and errors
/// (never traps) for steps out of range and bad sizes or scales.
@Suite struct LessonRenderingTests {
    let lesson: Lesson = {
        do { return try Lesson(source: "a = 5\nb = 3\nc = 2\nu = b * c\nv = a + u\nJ = 3 * v\n", name: "lecture.cg") }
        catch { fatalError("\(error)") }
    }()

    @Test func pngOfAStep() throws {
        let png = try lesson.png(step: 0, theme: .chalkboard)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try lesson.stepCount() == 9)
        var options = RenderOptions()
        options.nudge = "a"
        #expect(try lesson.stepCount(options: options) > 9)
    }

    /// One pipeline shared by many tasks at once (it is `Sendable`) draws every step exactly as
    /// it draws them one after another, and the text formats alongside.
    @Test func onePipelineServesManyTasks() async throws {
        let pipeline = try LessonPipeline(lesson: lesson, theme: .chalkboard)
        let alone = try (0..<pipeline.stepCount).map { try pipeline.png(step: $0) }
        let dot = pipeline.text(.dot)
        let shared = try await withThrowingTaskGroup(of: (Int, Data, String).self) { group in
            for round in 0..<3 {
                for step in 0..<pipeline.stepCount {
                    group.addTask { (step, try pipeline.png(step: step), round == 0 ? pipeline.text(.dot) : dot) }
                }
            }
            var results: [(Int, Data, String)] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(shared.count == 3 * pipeline.stepCount)
        for (step, png, text) in shared {
            #expect(png == alone[step], "step \(step) drawn from a shared pipeline differs")
            #expect(text == dot)
        }
    }

    @Test func aStepOutOfRangeThrows() {
        for step in [-1, 9, 99] {
            do {
                _ = try lesson.png(step: step)
                Issue.record("step \(step) did not throw")
            } catch {
                #expect(error.kind == .option)
                #expect(error.localizedDescription == "lecture.cg: error: step \(step) is out of range: the lesson has 9 steps (0 to 8)")
            }
        }
    }

    @Test func badSizesAndScalesThrow() {
        for scale in [Double.nan, 0, -1, .infinity, 100] {
            var options = RenderOptions()
            options.scale = scale
            #expect(throws: ChainframeError.self) { try lesson.png(step: 0, options: options) }
        }
        for (w, h) in [(Double.nan, 100.0), (0, 100), (-5, 100), (1e9, 1e9), (.infinity, 100)] {
            var options = RenderOptions()
            options.size = .fixed(width: w, height: h)
            #expect(throws: ChainframeError.self) { try lesson.png(step: 0, options: options) }
        }
        var options = RenderOptions()
        options.nudge = "u"
        do {
            _ = try lesson.png(step: 0, options: options)
            Issue.record("no error")
        } catch {
            #expect(error.option == "nudge")
            #expect(error.message == "nudge 'u' is not an input of the graph (inputs: a, b, c)")
        }
    }

    @Test func textFormatsInMemoryAreTheExportersFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try lesson.export(formats: ["dot", "json", "tikz"], to: directory)
        #expect(files.map(\.lastPathComponent) == ["lecture.dot", "lecture.json", "lecture.tex", "lecture-standalone.tex"])
        #expect(try String(contentsOf: files[0], encoding: .utf8) == lesson.text(.dot))
        #expect(try String(contentsOf: files[1], encoding: .utf8) == lesson.text(.json))
        #expect(try String(contentsOf: files[2], encoding: .utf8) == lesson.text(.tikz))
        #expect(try String(contentsOf: files[3], encoding: .utf8) == lesson.text(.tikzStandalone))
        #expect(try lesson.svg(step: 8).contains("<svg"))
        #expect(try lesson.text(.markdown).contains("frame-000.png"))
    }

    @Test func exportWritesFramesAndRefusesUnknownFormats() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var options = RenderOptions()
        options.size = .fixed(width: 640, height: 360)
        let files = try lesson.export(formats: ["png-frames", "pdf"], to: directory, options: options)
        #expect(files.filter { $0.pathExtension == "png" }.count == 9)
        #expect(files.contains { $0.lastPathComponent == "lecture.pdf" })
        #expect(files.allSatisfy { FileManager.default.fileExists(atPath: $0.path) })
        #expect(throws: ChainframeError.self) { try lesson.export(formats: ["bmp"], to: directory) }
    }

    @Test func optionsReadTheirTextualForm() throws {
        var options = RenderOptions()
        try options.set("size", to: "1280x720")
        try options.set("steps", to: "forward,summary")
        try options.set("rankdir", to: "tb")
        #expect(options.size == .fixed(width: 1280, height: 720))
        #expect(options.phases == [.forward, .summary])
        #expect(options.direction == .topToBottom)
        #expect(throws: ChainframeError.self) { try options.set("size", to: "huge") }
        #expect(throws: ChainframeError.self) { try options.set("colour", to: "red") }
    }

    /// A lesson and its options are values a server can share between tasks.
    @Test func lessonsAreSharedAcrossTasks() async throws {
        let lesson = self.lesson
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for step in 0..<3 { group.addTask { try lesson.png(step: step).count } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(sizes.count == 3 && sizes.allSatisfy { $0 > 1000 })
    }
}
