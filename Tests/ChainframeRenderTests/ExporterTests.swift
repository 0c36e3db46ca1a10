import Chainframe
import ChainframeGraphics
import ChainframeScene
import ChainframeRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The built-in exporters png, apng, pdf, svg and html on examples/lecture.cg.
@Suite(.serialized) struct ExporterTests {
    @Test func pngIsTheSummaryStepWithMetadata() throws {
        let context = try lectureContext()
        let urls = try Exporter.png.export(context)
        #expect(urls.map(\.lastPathComponent) == ["lecture-summary.png"])
        let image = try PNGDecoder.decode(try bytes(urls[0]))
        #expect(image.width == 1920 && image.height == 1080)
        let last = context.storyboard.steps.count - 1
        #expect(context.storyboard.steps[last].phase == .summary)
        #expect(image.rgba == (try PNGDecoder.decode(try context.renderer.png(last))).rgba)
        #expect(image.text.contains { $0.key == "Title" && $0.value.contains("J = 3(a + bc)") })
        #expect(image.text.contains { $0.key == "Source" && $0.value == context.sourceText })
    }

    @Test func apngHasValidChunksAndEveryFrame() throws {
        let context = try lectureContext()
        let urls = try Exporter.apng.export(context)
        #expect(urls.map(\.lastPathComponent) == ["lecture-animation.png"])
        let file = try bytes(urls[0])
        let chunks = try TestPNGChunks.read(file)
        let steps = context.storyboard.steps
        #expect(chunks.first?.type == "IHDR")
        #expect(chunks.last?.type == "IEND")
        let ihdr = chunks[0].data
        let actl = try #require(chunks.first { $0.type == "acTL" })
        #expect(TestPNGChunks.uint32(actl.data, 0) == UInt32(steps.count))
        #expect(TestPNGChunks.uint32(actl.data, 4) == 0)
        // acTL and text come before the first image data.
        let firstIDAT = try #require(chunks.firstIndex { $0.type == "IDAT" })
        #expect(chunks.firstIndex { $0.type == "acTL" }! < firstIDAT)
        #expect(chunks[..<firstIDAT].contains { $0.type == "tEXt" || $0.type == "iTXt" })

        var sequence: [UInt32] = []
        var frames: [(control: [UInt8], data: [UInt8])] = []
        for chunk in chunks {
            switch chunk.type {
            case "fcTL":
                sequence.append(TestPNGChunks.uint32(chunk.data, 0))
                frames.append((chunk.data, []))
            case "fdAT":
                sequence.append(TestPNGChunks.uint32(chunk.data, 0))
                frames[frames.count - 1].data += chunk.data.dropFirst(4)
            case "IDAT":
                #expect(frames.count == 1, "IDAT belongs to the first frame only")
                frames[frames.count - 1].data += chunk.data
            default:
                break
            }
        }
        #expect(sequence == (0..<UInt32(sequence.count)).map { $0 })
        #expect(frames.count == steps.count)
        for (index, frame) in frames.enumerated() {
            #expect(Array(frame.control[4..<12]) == Array(ihdr[0..<8]), "frame \(index) covers the canvas")
            #expect(TestPNGChunks.uint16(frame.control, 20) == UInt16(steps[index].durationMilliseconds))
            #expect(TestPNGChunks.uint16(frame.control, 22) == 1000)
            let standalone = TestPNGChunks.png(header: ihdr, imageData: frame.data)
            let decoded = try PNGDecoder.decode(standalone)
            #expect(decoded.rgba == (try PNGDecoder.decode(try context.renderer.png(index))).rgba, "frame \(index)")
        }
    }

    @Test func pdfHasAPagePerStep() throws {
        let context = try lectureContext()
        let urls = try Exporter.pdf.export(context)
        #expect(urls.map(\.lastPathComponent) == ["lecture.pdf"])
        let file = try bytes(urls[0])
        #expect(file.starts(with: Array("%PDF-".utf8)))
        let text = String(decoding: file, as: UTF8.self)
        #expect(pageObjectCount(text) == context.storyboard.steps.count)
        #expect(text.contains("/MediaBox [ 0 0 1920 1080 ]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: context.directory.path) == ["lecture.pdf"],
                "no temporary file is left")
    }

    @Test func svgFilesAreXMLWithRealText() throws {
        let context = try lectureContext()
        let urls = try Exporter.svg.export(context)
        let steps = context.storyboard.steps
        #expect(urls.count == steps.count + 1)
        let directory = context.directory.appendingPathComponent("svg")
        for (index, step) in steps.enumerated() {
            let name = String(format: "lecture-%03d.svg", index)
            let document = try SVGTexts.parse(try Data(contentsOf: directory.appendingPathComponent(name)))
            #expect(document.root == "svg")
            #expect(!document.texts.isEmpty)
            #expect(document.texts.contains(step.caption.headline), "\(name): \(step.caption.headline)")
            #expect(document.classes.isSuperset(of: ["node", "edge", "band"]))
        }
        let summary = try Data(contentsOf: directory.appendingPathComponent("lecture-summary.svg"))
        #expect(summary == (try Data(contentsOf: directory.appendingPathComponent("lecture-008.svg"))))
    }

    @Test func svgRemovesOnlyStaleNumberedFiles() throws {
        let context = try lectureContext()
        let directory = context.directory.appendingPathComponent("svg")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let kept = ["lecture-0042.svg", "lecture-042-old.svg", "other-042.svg", "lecture-42.svg", "notes.txt"]
        for name in kept + ["lecture-009.svg", "lecture-1000.svg"] {
            try Data("x".utf8).write(to: directory.appendingPathComponent(name))
        }
        _ = try Exporter.svg.export(context)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        #expect(names.isSuperset(of: kept))
        #expect(!names.contains("lecture-009.svg") && !names.contains("lecture-1000.svg"))
        #expect(names.contains("lecture-008.svg"))
    }

    @Test func svgWriterEscapesAndFormats() {
        #expect(SVGWriter.number(1920) == "1920")
        #expect(SVGWriter.number(-0.001) == "0")
        #expect(SVGWriter.number(12.5) == "12.5")
        #expect(SVGWriter.number(-3.14159) == "-3.14")
        #expect(SVGWriter.number(0.07) == "0.07")
        #expect(SVGWriter.escape("a < b & \"c\" > d\u{1}\u{7}") == "a &lt; b &amp; &quot;c&quot; &gt; d")
        let run = TextRun(text: "x <&> y", font: FontSpec(), color: .black, position: Point(x: 1, y: 2),
                          anchor: .center, role: .label)
        let scene = Scene(size: Size(width: 10, height: 10), background: nil,
                          elements: [.group(opacity: 0.5, [.text(run)])])
        let svg = SVGWriter.svg(scene, title: "T & \"Q\"")
        #expect(svg.contains("<g opacity=\"0.5\">"))
        #expect(svg.contains(">x &lt;&amp;&gt; y</text>"))
        #expect((try? SVGTexts.parse(Data(svg.utf8)))?.texts == ["x <&> y"])
    }

    @Test func estimatedTextMetricsAreCloseToPango() {
        let text = PangoText()
        for font in [FontSpec(size: 20), FontSpec(size: 31.6, weight: .bold)] {
            let measured = text.metrics("J = 3 × v", font: font)
            let estimated = SVGWriter.estimatedMetrics("J = 3 × v", font: font)
            #expect(abs(measured.baseline - estimated.baseline) < 0.05 * font.size)
            #expect(abs(measured.size.height - estimated.size.height) < 0.05 * font.size)
        }
    }

    @Test func htmlIsOneSelfContainedPlayer() throws {
        let context = try lectureContext()
        let urls = try Exporter.html.export(context)
        #expect(urls.map(\.lastPathComponent) == ["lecture.html"])
        let html = try String(contentsOf: urls[0], encoding: .utf8)
        let withoutNamespace = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        #expect(!withoutNamespace.contains("http://") && !withoutNamespace.contains("https://"))
        #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("@import") && !html.contains("url("))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>J = 3(a + bc)</title>"))
        #expect(html.components(separatedBy: "<svg xmlns=").count - 1 == context.storyboard.steps.count)
        #expect(html.components(separatedBy: "</figure>").count - 1 == context.storyboard.steps.count)
        for step in context.storyboard.steps {
            #expect(html.contains("<p class=\"headline\">\(SVGWriter.escape(step.caption.headline))</p>"))
            #expect(html.contains("data-duration=\"\(step.durationMilliseconds)\""))
        }
        #expect(html.contains("<script>") && html.contains("ArrowRight") && html.contains("</html>"))
    }

    /// Driven by the registry: every built-in format, run twice on the lecture, writes the same
    /// file names with the same bytes.
    @Test func everyExporterIsByteIdenticalWhenRunTwice() throws {
        let first = try lectureContext(), second = try lectureContext()
        defer { try? FileManager.default.removeItem(at: first.directory); try? FileManager.default.removeItem(at: second.directory) }
        for exporter in ExporterRegistry.builtIn {
            let a = try exporter.export(first), b = try exporter.export(second)
            #expect(a.map(\.lastPathComponent) == b.map(\.lastPathComponent))
            for (x, y) in zip(a, b) {
                #expect(try Data(contentsOf: x) == Data(contentsOf: y), "\(exporter.name): \(x.lastPathComponent)")
            }
        }
    }

    // MARK: Helpers

    /// An export context for examples/lecture.cg writing into a fresh temporary directory.
    func lectureContext() throws -> ExportContext {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("chainframe-exporter-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let source = try String(contentsOf: repositoryRoot.appendingPathComponent("examples/lecture.cg"), encoding: .utf8)
        return ExportContext(renderer: try exampleRenderer("lecture"), directory: directory, baseName: "lecture",
                             sourceName: "lecture.cg", sourceText: source, version: "test")
    }

    func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    /// Page objects (`/Type /Page`, not `/Pages`) of an uncompressed PDF object table.
    func pageObjectCount(_ pdf: String) -> Int {
        pdf.components(separatedBy: "/Type /Page").dropFirst().filter { !$0.hasPrefix("s") }.count
    }
}
