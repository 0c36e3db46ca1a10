import Foundation
import Testing
import ChainframeGraphics
import ChainframeScene

/// Text drawn on several threads at once, each with its own `PangoText` and canvases, as
/// `render --jobs N` does. cairo 1.16 shares scaled fonts between threads; before text went
/// through one lock, a 2 922-node graph drawn on two threads aborted in
/// `cairo_scaled_font_destroy` (`! scaled_font->cache_frozen`).
@Suite struct ConcurrentTextTests {
    @Test func manyThreadsDrawAndReleaseTextTogether() throws {
        let threads = 4
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            for round in 0..<8 {
                // A fresh text engine and a tiny layout cache: fonts and layouts are created and
                // released all the time, on every thread, while the others draw.
                let text = PangoText()
                text.layoutCacheLimit = 4
                guard let canvas = try? CairoCanvas.image(width: 160, height: 40, text: text) else {
                    failures.add("no canvas")
                    return
                }
                for i in 0..<40 {
                    // Many sizes and many different glyphs (Hangul syllables) fill cairo's font
                    // and glyph caches, so that they evict while other threads draw.
                    let size = 8 + Double((i * 7 + round * 3 + worker) % 40) * 0.5
                    let font = FontSpec(family: "DejaVu Sans, NanumGothic", size: size, weight: i % 2 == 0 ? .bold : .regular)
                    canvas.clear(to: .white)
                    let syllables = (0..<8).map { k in
                        String(UnicodeScalar(0xAC00 + UInt32((worker * 997 + round * 131 + i * 17 + k * 7) % 11172))!)
                    }.joined()
                    canvas.drawText("∂J/∂x\(i) = " + syllables, font: font, at: Point(x: 80, y: 20), color: .black)
                }
                if darkPixelCount(canvas) == 0 { failures.add("worker \(worker) drew nothing") }
            }
        }
        #expect(failures.all.isEmpty)
    }

    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [String] = []
        func add(_ message: String) { lock.withLock { messages.append(message) } }
        var all: [String] { lock.withLock { messages } }
    }
}
