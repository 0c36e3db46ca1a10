import Testing
import ChainframeGraphics
import ChainframeScene

/// A 6×4 canvas with opaque stripes, or translucent ones when `translucent`.
func stripesCanvas(translucent: Bool) throws -> CairoCanvas {
    let canvas = try CairoCanvas.image(width: 6, height: 4)
    let colors = [RGBA(r: 1, g: 0, b: 0), RGBA(r: 0, g: 0.5, b: 0.25), RGBA(hex: "#3366CC")!]
    if !translucent { canvas.clear(to: .white) }
    for (i, color) in colors.enumerated() {
        let alpha = translucent ? [1, 0.5, 0.2][i] : 1
        canvas.fill(.rect(Rect(x: Double(2 * i), y: 0, width: 2, height: 3)), color: color.withAlpha(alpha))
    }
    return canvas
}

/// The canvas's pixels un-premultiplied, row-major RGBA8.
func canvasRGBA(_ canvas: CairoCanvas, opaque: Bool) -> [UInt8] {
    canvas.withPixelData { pixels in
        var bytes: [UInt8] = []
        for y in 0..<pixels.height {
            for x in 0..<pixels.width {
                let p = pixels.rgba(x: x, y: y)
                bytes += [p.r, p.g, p.b, opaque ? 255 : p.a]
            }
        }
        return bytes
    } ?? []
}

@Suite struct PNGCodecTests {
    @Test func opaqueRoundTripKeepsPixels() throws {
        let canvas = try stripesCanvas(translucent: false)
        let png = try PNGEncoder.encode(canvas)
        let image = try PNGDecoder.decode(png)
        #expect(image.width == 6 && image.height == 4)
        #expect(image.rgba == canvasRGBA(canvas, opaque: true))
        #expect(image.pixel(x: 0, y: 0) == [255, 0, 0, 255])
        #expect(image.pixel(x: 5, y: 3) == [255, 255, 255, 255])
        #expect(png[25] == 2, "colour type RGB")
    }

    @Test func transparentRoundTripUnpremultiplies() throws {
        let canvas = try stripesCanvas(translucent: true)
        let png = try PNGEncoder.encode(canvas, transparent: true)
        let image = try PNGDecoder.decode(png)
        #expect(png[25] == 6, "colour type RGBA")
        #expect(image.rgba == canvasRGBA(canvas, opaque: false))
        #expect(image.pixel(x: 0, y: 0) == [255, 0, 0, 255])
        let green = image.pixel(x: 2, y: 1)
        #expect(green[3] == 128 && abs(Int(green[1]) - 128) <= 2 && abs(Int(green[2]) - 64) <= 2)
        let blue = image.pixel(x: 4, y: 1)
        #expect(blue[3] == 51 && abs(Int(blue[2]) - 0xCC) <= 5)  // 8-bit premultiplied: coarse at low alpha
        #expect(image.pixel(x: 0, y: 3) == [0, 0, 0, 0])
    }

    @Test func filtersAndLevelsDecodeToSamePixels() throws {
        let canvas = try stripesCanvas(translucent: true)
        let reference = try PNGDecoder.decode(try PNGEncoder.encode(canvas, transparent: true)).rgba
        for filter in [PNGFilter.none, .adaptive] {
            for level in [0, 1, 9] {
                let png = try PNGEncoder.encode(canvas, transparent: true, filter: filter, compressionLevel: level)
                #expect(try PNGDecoder.decode(png).rgba == reference)
            }
        }
    }

    @Test func encodingIsDeterministic() throws {
        let text = [(key: "Title", value: "J = 3·v")]
        let first = try PNGEncoder.encode(try stripesCanvas(translucent: false), text: text)
        let second = try PNGEncoder.encode(try stripesCanvas(translucent: false), text: text)
        #expect(first == second)
        #expect(!containsASCII(first, "tIME"))
    }

    @Test func textChunksUseTEXtOrITXt() throws {
        let text = [(key: "Title", value: "café ×"), (key: "Source", value: "사과 = 5\n∂J/∂a")]
        let png = try PNGEncoder.encode(try stripesCanvas(translucent: false), text: text)
        #expect(containsASCII(png, "tEXt") && containsASCII(png, "iTXt"))
        let chunks = try PNGDecoder.decode(png).text
        #expect(chunks == [PNGTextChunk(key: "Title", value: "café ×", isInternational: false),
                           PNGTextChunk(key: "Source", value: "사과 = 5\n∂J/∂a", isInternational: true)])
    }

    @Test func badInputThrows() throws {
        #expect(throws: PNGError.self) { try PNGDecoder.decode([1, 2, 3]) }
        var png = try PNGEncoder.encode(try stripesCanvas(translucent: false))
        png.removeLast(30)
        #expect(throws: PNGError.self) { try PNGDecoder.decode(png) }
        #expect(throws: PNGError.self) {
            try PNGEncoder.encode(try stripesCanvas(translucent: false), text: [(key: "", value: "x")])
        }
        #expect(throws: PNGError.self) {
            try PNGEncoder.encode(try stripesCanvas(translucent: false), compressionLevel: 12)
        }
    }

    /// One encoder reused for frames of different sizes and colour types gives the bytes a
    /// fresh encoder gives, every time (its buffers carry nothing from frame to frame).
    @Test func reusedEncoderGivesFreshEncodersBytes() throws {
        let encoder = PNGFrameEncoder()
        let big = try CairoCanvas.image(width: 300, height: 200)
        big.clear(to: .white)
        big.fill(.circle(center: Point(x: 150, y: 100), radius: 80), color: RGBA(r: 0.2, g: 0.4, b: 0.8, a: 0.6))
        let small = try stripesCanvas(translucent: true)
        for (canvas, transparent) in [(big, false), (small, true), (big, true), (small, true), (big, false)] {
            let reused = try encoder.encode(canvas, transparent: transparent, text: [("Title", "x")]) { Array($0) }
            let fresh = try PNGEncoder.encode(canvas, transparent: transparent, text: [("Title", "x")])
            #expect(reused == fresh)
            #expect(try PNGDecoder.decode(reused).rgba == canvasRGBA(canvas, opaque: !transparent))
        }
    }

    /// Encoding that uses up the canvas (opaque rows converted over its own pixels) writes the
    /// bytes the ordinary encoding writes, at every width (the SSSE3 shuffle of four pixels,
    /// which leaves the last two to five, the four-pixel scalar loop and its tail) and for
    /// transparent frames (which keep the separate buffer); the canvas is then drawn again
    /// from a clear.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 301, 1921])
    func consumingThePixelsGivesTheSameBytes(width: Int) throws {
        let encoder = PNGFrameEncoder()
        let canvas = try CairoCanvas.image(width: Double(width), height: 37)
        for (round, transparent) in [false, true, false].enumerated() {
            func draw() {
                canvas.clear(to: transparent ? nil : .white)
                canvas.fill(.circle(center: Point(x: Double(width) / 2, y: 18), radius: 15 + Double(round)),
                            color: RGBA(r: 0.2, g: 0.4, b: 0.8, a: 0.6))
                canvas.fill(.rect(Rect(x: 0, y: 30, width: Double(width), height: 3)), color: RGBA(r: 0.9, g: 0.1, b: 0.3))
            }
            draw()
            let expected = try PNGEncoder.encode(canvas, transparent: transparent)
            let pixels = canvasRGBA(canvas, opaque: !transparent)
            let consumed = try encoder.encode(canvas, transparent: transparent, consumingPixels: true) { Array($0) }
            #expect(consumed == expected)
            #expect(try PNGDecoder.decode(consumed).rgba == pixels)
        }
    }
}

func containsASCII(_ bytes: [UInt8], _ needle: String) -> Bool {
    let pattern = Array(needle.utf8)
    guard bytes.count >= pattern.count else { return false }
    return (0...(bytes.count - pattern.count)).contains { bytes[$0..<$0 + pattern.count].elementsEqual(pattern) }
}
