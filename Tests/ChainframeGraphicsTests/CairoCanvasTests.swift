import Testing
import Foundation
import ChainframeGraphics
import ChainframeScene

let testFont = FontSpec(family: "DejaVu Sans, NanumGothic", size: 24)

/// Number of pixels darker than mid-grey.
func darkPixelCount(_ canvas: CairoCanvas) -> Int {
    canvas.withPixelData { pixels in
        var count = 0
        for y in 0..<pixels.height {
            for x in 0..<pixels.width {
                let p = pixels.rgba(x: x, y: y)
                if p.a > 0, Int(p.r) + Int(p.g) + Int(p.b) < 3 * 128 { count += 1 }
            }
        }
        return count
    } ?? 0
}

func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("chainframe-\(UUID().uuidString)-\(name)").path
}

@Suite struct CairoCanvasTests {
    @Test(arguments: ["사과", "∂J/∂a", "σ(x)·w × 2"])
    func textRendersWithoutMissingGlyphs(_ text: String) throws {
        let canvas = try CairoCanvas.image(width: 200, height: 60)
        canvas.clear(to: .white)
        #expect(!canvas.missingGlyphs(in: text, font: testFont))
        canvas.drawText(text, font: testFont, at: Point(x: 100, y: 30), anchor: .center, color: .black)
        #expect(darkPixelCount(canvas) > 30)
    }

    @Test func missingGlyphsAreDetected() throws {
        let canvas = try CairoCanvas.image(width: 10, height: 10)
        #expect(canvas.missingGlyphs(in: "𐀀", font: testFont))
    }

    @Test func markupSubscriptsAndEscaping() throws {
        let canvas = try CairoCanvas.image(width: 10, height: 10)
        let plain = canvas.measureText("x1", font: testFont)
        let subscripted = canvas.measureText("x<sub>1</sub>", font: testFont, markup: true)
        #expect(subscripted.width < plain.width)
        // Plain text is shown verbatim, including markup characters.
        #expect(canvas.measureText("<b>", font: testFont).width > canvas.measureText("b", font: testFont).width)
        #expect(PangoText.escapeMarkup("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;")
        #expect(PangoText.markupError("x<sub>1") != nil)
        #expect(PangoText.markupError("x<sub>1</sub>") == nil)
        // Invalid markup falls back to the literal text instead of failing.
        #expect(canvas.measureText("x<sub>1", font: testFont, markup: true).width > plain.width)
    }

    @Test func measurementIgnoresScale() throws {
        let small = try CairoCanvas.image(width: 50, height: 20, scale: 1)
        let large = try CairoCanvas.image(width: 50, height: 20, scale: 2, text: PangoText())
        #expect(large.pixelSize?.width == 100 && large.pixelSize?.height == 40)
        let a = small.measureText("∂J/∂a = 3", font: testFont), b = large.measureText("∂J/∂a = 3", font: testFont)
        #expect(a == b && a.width > 50 && a.height > 20)
    }

    @Test func shapesAndAnchorsLandWherePlaced() throws {
        let canvas = try CairoCanvas.image(width: 100, height: 100, scale: 2)
        canvas.clear(to: nil)
        canvas.fill(.roundedRect(Rect(x: 10, y: 10, width: 30, height: 20), radius: 5), color: RGBA(hex: "#FF0000")!)
        canvas.stroke(.ellipse(Rect(x: 50, y: 50, width: 40, height: 20)),
                      style: StrokeStyle(width: 2, color: .black, dash: [4, 2]))
        canvas.fill(.polygon([Point(x: 60, y: 10), Point(x: 70, y: 15), Point(x: 60, y: 20)]), color: .black)
        canvas.stroke(path: PathElement.bezierChain([Point(x: 0, y: 90), Point(x: 30, y: 60),
                                                     Point(x: 60, y: 99), Point(x: 99, y: 90)]),
                      style: StrokeStyle(width: 3, color: .black, lineCap: .round))
        canvas.withPixelData { pixels in
            #expect(pixels.rgba(x: 50, y: 40) == (255, 0, 0, 255))    // (25, 20) pt inside the red box
            #expect(pixels.rgba(x: 2, y: 2).a == 0)                     // untouched: transparent
            #expect(pixels.rgba(x: 128, y: 30).a == 255)                // arrowhead
        }
        let anchored = try CairoCanvas.image(width: 100, height: 40)
        anchored.clear(to: .white)
        anchored.drawText("WWW", font: testFont, at: Point(x: 100, y: 20), anchor: .right)
        let size = anchored.measureText("WWW", font: testFont)
        anchored.withPixelData { pixels in
            #expect(pixels.rgba(x: 99 - Int(size.width) - 2, y: 20).r == 255) // left of the text stays white
        }
        #expect(darkPixelCount(anchored) > 50)
    }

    @Test func pdfHasOnePagePerEndPage() throws {
        let path = temporaryPath("pages.pdf")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let canvas = try CairoCanvas.pdf(path: path, pageSize: Size(width: 320, height: 180), title: "∂ 사과")
        for page in 1...3 {
            if page == 3 { canvas.beginPage(size: Size(width: 400, height: 300)) }
            canvas.fill(.rect(Rect(x: 10, y: 10, width: 100, height: 50)), color: .black)
            canvas.drawText("Page \(page): 사과 ∂J/∂a", font: testFont, at: Point(x: 160, y: 90))
            canvas.endPage()
        }
        try canvas.finish()
        let data = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        #expect(data.hasPrefix("%PDF"))
        let pages = data.components(separatedBy: "/Type /Page").count - 1
            - (data.components(separatedBy: "/Type /Pages").count - 1)
        #expect(pages == 3)
    }

    @Test func svgIsWritten() throws {
        let path = temporaryPath("frame.svg")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let canvas = try CairoCanvas.svg(path: path, size: Size(width: 200, height: 100))
        canvas.fill(.circle(center: Point(x: 50, y: 50), radius: 20), color: RGBA(hex: "#336699")!)
        canvas.drawText("x<sub>1</sub>", font: testFont, at: Point(x: 120, y: 50), markup: true)
        try canvas.finish()
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("</svg>"))
    }

    @Test func unwritablePathThrows() {
        #expect(throws: CanvasError.self) {
            let canvas = try CairoCanvas.pdf(path: "/nonexistent-dir/x.pdf", pageSize: Size(width: 10, height: 10))
            canvas.endPage()
            try canvas.finish()
        }
    }

    @Test func hexColours() {
        #expect(RGBA(hex: "#FF8000") == RGBA(r: 1, g: 128.0 / 255, b: 0))
        #expect(RGBA(hex: "#00000080")?.a == 128.0 / 255)
        #expect(RGBA(hex: "fff") == .white)
        #expect(RGBA(hex: "#12345") == nil && RGBA(hex: "#GG0000") == nil)
        #expect(RGBA(hex: "#3366CC")?.hexString == "#3366CC")
    }
}
