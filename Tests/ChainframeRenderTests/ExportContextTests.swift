import Chainframe
import ChainframeGraphics
@testable import ChainframeRender
@testable import ChainframeScene
import Foundation
import Testing

/// The export context's documented accessors agree with what the frames draw.
struct ExportContextTests {
    @Test func pixelsArePNGBytesDecoded() throws {
        let export = try ExampleExport("lecture")
        defer { export.remove() }
        let context = export.context
        #expect(context.stepCount == 9)
        let last = context.stepCount - 1
        let pixels = try context.pixels(step: last)
        let decoded = try PNGDecoder.decode(try context.pngBytes(step: last))
        #expect(pixels.width == Int(context.canvasSize.width * context.pixelScale) && pixels.height == decoded.height)
        #expect(pixels.width == decoded.width && pixels.rgba.count == pixels.width * pixels.height * 4)
        // The PNG is opaque RGB: compare colours (alpha is 255 everywhere).
        var differing = 0
        for i in stride(from: 0, to: pixels.rgba.count, by: 4) where pixels.rgba[i..<i + 3] != decoded.rgba[i..<i + 3] {
            differing += 1
        }
        #expect(differing == 0)
        #expect(Set(pixels.rgba.enumerated().filter { $0.offset % 4 == 3 }.map(\.element)) == [255])
    }

    @Test func cardTextsAndGeometryOfTheLecture() throws {
        let export = try ExampleExport("lecture")
        defer { export.remove() }
        let context = export.context
        let graph = context.storyboard.evaluation.graph
        let u = try #require(graph.index(of: "u")), b = try #require(graph.index(of: "b"))
        let card = context.picture.cardText(u)
        #expect(card.title == "u = b × c")
        #expect(card.values == ["6"] && card.gradients == ["∂J/∂u = 3"])
        #expect(card.lines == ["u = b × c", "6", "∂J/∂u = 3"])
        #expect(context.picture.cardText(b).lines == ["b", "3", "∂J/∂b = 6"])
        let edge = try #require(graph.edges.first { $0.from == b && $0.to == u })
        #expect(context.picture.edgeLabel(edge)?.text == "3 · 2 = 6")
        let route = try #require(context.picture.edgeRoute(edge))
        #expect(route.tip.x <= context.picture.nodeBox(u).minX + 1 && route.points.first!.x >= context.picture.nodeBox(b).maxX - 1)
        #expect(context.picture.nodeStyle(b) == context.theme.style(for: .input))
        #expect(context.picture.scenes().count == context.stepCount)
        #expect(context.hasCaptionInPicture && !context.isTransparent)
        let size = context.picture.textMetrics("∂J/∂b", font: FontSpec(family: context.theme.fontFamily, size: 20)).size
        #expect(size.width > 20 && size.height > 10)
    }
}
