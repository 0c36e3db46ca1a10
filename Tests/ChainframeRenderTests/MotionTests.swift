import Chainframe
import ChainframeGraphics
@testable import ChainframeRender
@testable import ChainframeScene
import Foundation
import Testing

/// Motion between steps without ffmpeg: the timeline, the in-between scenes, subtitles.
@Suite struct MotionTests {
    @Test func timelineLastsTheSumOfTheDurationsAndOpensEachStepWithATransition() {
        let timeline = MotionTimeline(durations: [1500, 1500, 2000, 3000], fps: 30, transitionMilliseconds: 500)
        #expect(timeline.milliseconds == 8000)
        #expect(timeline.frameCount == 240)
        #expect(timeline.segments.map(\.firstFrame) == [0, 45, 90, 150])
        #expect(timeline.segments.map(\.transitionFrames) == [0, 15, 15, 15])
        // The shots cover every frame once, in order; only holds repeat.
        var next = 0
        for shot in timeline.shots {
            #expect(shot.firstFrame == next)
            #expect(shot.isTransition ? shot.repeats == 1 : shot.repeats >= 1)
            next += shot.repeats
        }
        #expect(next == 240)
        let progress = timeline.shots.filter { $0.step == 1 }.map(\.progress)
        #expect(progress.first! > 0 && progress.dropLast().allSatisfy { $0 < 1 } && progress.last == 1)
        #expect(zip(progress, progress.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func aShortStepMovesForAtMostHalfItsDurationAndOddRatesKeepTheLength() {
        let timeline = MotionTimeline(durations: [400, 400, 1001], fps: 24, transitionMilliseconds: 500)
        #expect(timeline.segments[1].transitionFrames == 5)   // 200 ms at 24 fps
        #expect(timeline.frameCount == 43)                    // 1.801 s × 24
        let none = MotionTimeline(durations: [1000, 1000], fps: 30, transitionMilliseconds: 0)
        #expect(none.shots.count == 2)
    }

    @Test func tweenStartsAtOneStepAndEndsAtTheNext() throws {
        let renderer = try exampleRenderer("lecture")
        for step in [1, 5] {
            let a = renderer.scene(step - 1), b = renderer.scene(step)
            let tween = SceneTween(from: a, to: b)
            let end = try pixels(tween.scene(at: 1)), start = try pixels(tween.scene(at: 0))
            let first = try pixels(a), second = try pixels(b)
            let none = [Int.max, Int.max, -1, -1]
            #expect(differingBox(end, second) == none, "step \(step) at t = 1")
            #expect(differingBox(start, first) == none, "step \(step) at t = 0")
            let middle = try pixels(tween.scene(at: 0.5))
            #expect(difference(middle, first) > 0.001)
            #expect(difference(middle, second) > 0.001)
        }
    }

    @Test func theGradientGrowsFromTheConsumerBeforeTheInputsGradientAppears() throws {
        let renderer = try exampleRenderer("lecture")
        // Backward 3/4: v sends ∂J/∂v back to a and to u.
        let index = try #require(renderer.storyboard.steps.firstIndex { $0.phase == .backward && $0.number == 3 })
        let tween = SceneTween(from: renderer.scene(index - 1), to: renderer.scene(index))
        let grows = tween.items.compactMap { item -> [Point]? in
            if case .grow(let line, _, .flow, _, _) = item.motion { return line }
            return nil
        }
        #expect(grows.count == 2)
        let early = tween.scene(at: 0.2)
        let flows = SceneTween.leaves(early.elements).compactMap { leaf -> [Point]? in
            if case .path(let elements, _, .flow) = leaf.element { return SceneTween.polyline(elements) }
            return nil
        }
        // Part-way along, each new flow starts where its full line starts (at the consumer).
        for line in grows {
            let partial = try #require(flows.first { Curves.distance($0[0], line[0]) < 0.01 && $0.count < line.count + 1 })
            #expect(Curves.length(partial) < Curves.length(line) * 0.5)
        }
        // The inputs' gradient texts are not there yet at 0.2, fully there at 1.
        let gradientText = "∂J/∂a = 3"
        #expect(!texts(early).contains(gradientText))
        #expect(texts(tween.scene(at: 1)).contains(gradientText))
    }

    @Test func theHighlightGlidesBetweenNodes() throws {
        let renderer = try exampleRenderer("lecture")
        let tween = SceneTween(from: renderer.scene(1), to: renderer.scene(2))
        func highlightBox(_ t: Double) -> Rect? {
            SceneTween.leaves(tween.scene(at: t).elements).lazy.compactMap {
                $0.element.role == .highlight ? $0.element.box : nil
            }.first
        }
        let start = try #require(highlightBox(0)), middle = try #require(highlightBox(0.3)), end = try #require(highlightBox(1))
        #expect(middle.midX > min(start.midX, end.midX) && middle.midX < max(start.midX, end.midX))
    }

    @Test func subtitlesHaveOneCuePerStepTimedByTheDurations() throws {
        let storyboard = try exampleStoryboard("lecture")
        let cues = Subtitles.cues(storyboard)
        #expect(cues.count == storyboard.steps.count)
        #expect(cues.first?.start == 0)
        #expect(cues.last?.end == storyboard.steps.map(\.durationMilliseconds).reduce(0, +))
        #expect(zip(cues, cues.dropFirst()).allSatisfy { $0.end == $1.start })
        let srt = Subtitles.srt(cues)
        #expect(srt.hasPrefix("1\n00:00:00,000 --> 00:00:01,500\nInputs\na = 5, b = 3, c = 2\n\n2\n"))
        #expect(srt.components(separatedBy: " --> ").count - 1 == cues.count)
        let vtt = Subtitles.vtt(cues)
        #expect(vtt.hasPrefix("WEBVTT\n\nstep-1\n00:00:00.000 --> 00:00:01.500\n"))
        #expect(vtt.contains("u = b × c = 3 × 2 = 6"))
        #expect(Subtitles.time(3_723_004, ",") == "01:02:03,004")
    }

    // MARK: Helpers

    func pixels(_ scene: Scene) throws -> [UInt8] {
        let canvas = try CairoCanvas.image(width: scene.size.width, height: scene.size.height)
        CairoSceneRenderer.draw(scene, on: canvas)
        return canvas.withPixelData { buffer in
            [UInt8](UnsafeRawBufferPointer(start: buffer.base, count: buffer.stride * buffer.height))
        } ?? []
    }

    /// Mean absolute difference of two pictures' bytes, 0 to 1.
    func difference(_ a: [UInt8], _ b: [UInt8]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 1 }
        return Double(zip(a, b).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }) / Double(a.count) / 255
    }

    /// Where two 1920-wide pictures differ: (min x, min y, max x, max y).
    func differingBox(_ a: [UInt8], _ b: [UInt8]) -> [Int] {
        var box = [Int.max, Int.max, -1, -1]
        for i in stride(from: 0, to: min(a.count, b.count), by: 4) where a[i..<(i + 4)] != b[i..<(i + 4)] {
            let x = i / 4 % 1920, y = i / 4 / 1920
            box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
        }
        return box
    }

    func texts(_ scene: Scene) -> [String] {
        SceneTween.leaves(scene.elements).compactMap { leaf in
            if case .text(let run) = leaf.element { return run.text }
            return nil
        }
    }
}
