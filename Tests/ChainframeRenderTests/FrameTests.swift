import Chainframe
import ChainframeGraphics
import ChainframeScene
import ChainframeRender
import Foundation
import SnapshotTesting
import Testing

@Suite(.serialized) struct FrameTests {
    @Test func everyFrameHasTheSameNodeGeometry() throws {
        let renderer = try exampleRenderer("lecture")
        var cards: [[CanvasShape]] = []
        for index in renderer.storyboard.steps.indices {
            // Each node is a group whose first element is its card.
            cards.append(renderer.scene(index).elements.compactMap { element -> CanvasShape? in
                guard case .group(_, let children) = element, case .shape(let shape, _, _, .node)? = children.first else { return nil }
                return shape
            })
        }
        #expect(cards.count == 9)
        #expect(cards.allSatisfy { $0.count == 6 })
        #expect(Set(cards.map { "\($0)" }).count == 1)
        #expect(renderer.layout.nodeBoxes.count == 6)
    }

    /// Workers take frames from one queue, the calling thread with the renderer it made and the
    /// others with renderers of their own (all sharing one font map): the files are the bytes a
    /// single thread writes.
    @Test func framesWrittenOnSeveralThreadsAreTheBytesOfOneThread() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chainframe-jobs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var written: [Int: [String: Data]] = [:]
        for jobs in [1, 3] {
            let directory = root.appendingPathComponent("jobs-\(jobs)")
            let writer = PNGFramesWriter(directory: directory, sourceName: "lecture.cg", sourceText: "a = 5", version: "test", jobs: jobs)
            let records = try writer.write(try exampleRenderer("lecture"))
            #expect(records.count == 9)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            written[jobs] = try Dictionary(uniqueKeysWithValues: names.map { ($0, try Data(contentsOf: directory.appendingPathComponent($0))) })
        }
        #expect(written[1]?.count == 10)  // nine frames and frames.json
        #expect(written[1] == written[3])
    }

    @Test func sizeOfEveryFrameIsTheCanvas() throws {
        let renderer = try exampleRenderer("lecture")
        for index in renderer.storyboard.steps.indices {
            let image = try PNGDecoder.decode(try renderer.png(index))
            #expect(image.width == 1920 && image.height == 1080)
        }
        var options = FrameOptions()
        options.scale = 2
        options.size = .fixed(width: 800, height: 450)
        let small = try PNGDecoder.decode(try exampleRenderer("lecture", frame: options).png(0))
        #expect(small.width == 1600 && small.height == 900)
    }

    @Test func autoSizeFitsTheGraph() throws {
        var options = FrameOptions()
        options.size = .auto
        let renderer = try exampleRenderer("lecture", frame: options)
        #expect(renderer.layout.canvasSize.width < 1920)
        #expect(renderer.layout.graphScale == 1)
        for box in renderer.layout.nodeBoxes {
            #expect(box.minX >= 0 && box.maxX <= renderer.layout.canvasSize.width)
            #expect(box.minY >= 0 && box.maxY <= renderer.layout.canvasSize.height)
        }
    }

    @Test func renderingIsByteIdentical() throws {
        let first = try exampleRenderer("lecture")
        let second = try exampleRenderer("lecture")
        for index in [0, 4, 8] {
            #expect(try first.png(index) == second.png(index))
        }
    }

    @Test func transparentBackgroundHasAlpha() throws {
        var options = FrameOptions()
        options.transparent = true
        let image = try PNGDecoder.decode(try exampleRenderer("lecture", frame: options).png(0))
        #expect(image.rgba[3] == 0)   // the top-left corner is see-through
        let opaque = try PNGDecoder.decode(try exampleRenderer("lecture").png(0))
        #expect(opaque.rgba[3] == 255)
    }

    @Test func topToBottomPutsInputsAbove() throws {
        var options = FrameOptions()
        options.rankDirection = .topToBottom
        let renderer = try exampleRenderer("lecture", frame: options)
        let graph = renderer.storyboard.evaluation.graph
        let j = renderer.layout.nodeBoxes[graph.index(of: "J")!]
        for input in ["a", "b", "c"] {
            #expect(renderer.layout.nodeBoxes[graph.index(of: input)!].maxY < j.minY)
        }
    }

    @Test func inputsStandInTheFirstColumn() throws {
        let renderer = try exampleRenderer("lecture")
        let graph = renderer.storyboard.evaluation.graph
        let xs = ["a", "b", "c"].map { renderer.layout.nodeBoxes[graph.index(of: $0)!].midX }
        #expect(Set(xs.map { Int($0.rounded()) }).count == 1)
        #expect(xs[0] < renderer.layout.nodeBoxes[graph.index(of: "u")!].minX)
    }

    @Test func scenesShowValuesGradientsAndTheChainRule() throws {
        let renderer = try exampleRenderer("lecture")
        let inputs = renderer.scene(0).texts
        #expect(inputs.contains("u = b × c"))
        #expect(inputs.contains("?"))
        #expect(inputs.contains("×3") == false)   // J is named: it shows its formula
        #expect(inputs.contains("J = 3 × v"))
        let last = renderer.scene(7).texts   // backward 4/4
        #expect(last.contains("∂J/∂b = 6"))
        #expect(last.contains("∂J/∂c = 9"))
        #expect(last.contains("3 · 2 = 6"))
        #expect(last.contains("3 · 3 = 9"))
        #expect(last.contains("Backward 4/4 · multiply node: each input gets the gradient times the other input"))
        #expect(last.contains("∂J/∂b = ∂J/∂u · ∂u/∂b = 3 · 2 = 6"))
    }

    @Test func hangulAndPartialSignsAreDrawnNotBoxes() throws {
        let renderer = try exampleRenderer("shopping")
        #expect(renderer.missingGlyphTexts().isEmpty)
        let text = PangoText()
        let font = FontSpec(family: Theme.classroom.fontFamily, size: 20)
        #expect(text.unknownGlyphCount(in: "사과 ∂J/∂a σ · × x₁", font: font) == 0)
        // A glyph no font has is detected (so the warning can fire).
        #expect(text.hasMissingGlyphs(in: "\u{10FFFD}", font: font))
        // The Hangul label really leaves ink: render the summary and look at the first card.
        let image = try PNGDecoder.decode(try renderer.png(renderer.storyboard.steps.count - 1))
        let box = renderer.layout.nodeBoxes[0]
        var dark = 0
        for y in Int(box.minY)..<Int(box.minY + box.height / 3) {
            for x in Int(box.minX)..<Int(box.maxX) {
                let i = (y * image.width + x) * 4
                if image.rgba[i] < 100 && image.rgba[i + 1] < 100 { dark += 1 }
            }
        }
        #expect(dark > 30)
    }

    @Test func pngCarriesMetadata() throws {
        let renderer = try exampleRenderer("lecture")
        let image = try PNGDecoder.decode(try renderer.png(0, metadata: [("Title", "J = 3(a + bc)"), ("Source", "사과 = 100")]))
        #expect(image.text.contains { $0.key == "Title" && $0.value == "J = 3(a + bc)" })
        #expect(image.text.contains { $0.key == "Source" && $0.value == "사과 = 100" })
    }

    // Golden images of frames we have looked at: the inputs, a backward step, the summary.
    // Re-record with `SNAPSHOT_TESTING_RECORD=all swift test --filter FrameTests` after looking
    // at the new pictures.

    @Test func lectureInputsFrame() throws { try assertGolden(frame: 0) }
    @Test func lectureBackwardFrame() throws { try assertGolden(frame: 6) }
    @Test func lectureSummaryFrame() throws { try assertGolden(frame: 8) }

    private func assertGolden(frame index: Int, testName: String = #function) throws {
        let renderer = try exampleRenderer("lecture")
        let image = PNGImage(bytes: try renderer.png(index))
        let record: SnapshotTestingConfiguration.Record =
            ProcessInfo.processInfo.environment["SNAPSHOT_TESTING_RECORD"] == "all" ? .all : .missing
        withSnapshotTesting(record: record) {
            assertSnapshot(of: image, as: .png(), testName: testName)
        }
    }
}

/// Tensors in frames: shapes on edges and nodes, small matrices written out.
@Suite struct TensorFrameTests {
    @Test func affineShowsShapesAndMatrices() throws {
        let renderer = try exampleRenderer("affine")
        let summary = renderer.scene(renderer.storyboard.steps.count - 1).texts
        #expect(summary.contains("W  (2×3)"))
        #expect(summary.contains("X  (2×2)"))
        // dW = Xᵀ·dY written out row by row, with the shape of W.
        #expect(summary.contains("∂L/∂W ="))
        #expect(summary.contains("[4, 4, 4]"))
        #expect(summary.contains("[6, 6, 6]"))
        // Tensor edges are labelled with their shapes.
        #expect(summary.contains("(2×3)"))
        #expect(summary.contains("(2×2)"))
        #expect(renderer.storyboard.steps.contains { $0.caption.rule == "MatMul node: dX = dY·Wᵀ, dW = Xᵀ·dY" })
    }

    @Test func branchExampleSumsAtTheBranch() throws {
        let renderer = try exampleRenderer("branch")
        let backward = renderer.storyboard.steps.filter { $0.phase == .backward }
        #expect(backward.last!.caption.headline.hasSuffix("∂f/∂x = 4 + 3 = 7"))
    }
}
