import ChainframeGraphics
import ChainframeScene
import Foundation
import Testing

/// What `render` publishes, checked on the files themselves: no directory of the input in any
/// of them, no internal node ids where people read, DOT that neato draws on the PNG's canvas,
/// Beamer slides in the theme's background.
@Suite struct PublishedOutputTests {
    static let everyFormat = "png-frames,png,apng,pdf,svg,html,tikz,dot,json,markdown"

    /// Every file below `directory`, recursively.
    func files(below directory: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }
    }

    @Test func noOutputContainsTheDirectoryOfTheInput() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // An untitled graph, read by its absolute path from a directory with a telling name.
        let lessons = dir.appendingPathComponent("private-course-materials/week 3")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        let source = ChainframeProcess.packageRoot.appendingPathComponent("examples/affine.cg")
        let input = lessons.appendingPathComponent("affine.cg")
        try FileManager.default.copyItem(at: source, to: input)
        let out = dir.appendingPathComponent("out")
        let result = try ChainframeProcess.run(["render", input.path, "--format", Self.everyFormat, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let written = files(below: out)
        #expect(written.count > 20)
        for needle in [lessons.path, dir.path, "private-course-materials"] {
            for file in written {
                let bytes = try Data(contentsOf: file)
                #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(file.lastPathComponent) contains \(needle)")
                // PDF strings may be UTF-16 (big-endian, with a byte order mark).
                let utf16 = Data(needle.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
                #expect(bytes.range(of: utf16) == nil, "\(file.lastPathComponent) contains \(needle) as UTF-16")
            }
        }
        // Titled by its file name everywhere a title is published.
        let png = try PNGDecoder.decode([UInt8](Data(contentsOf: out.appendingPathComponent("frame-000.png"))))
        #expect(png.text.first { $0.key == "Title" }?.value.hasPrefix("affine.cg") == true, "\(png.text)")
        let html = try String(contentsOf: out.appendingPathComponent("affine.html"), encoding: .utf8)
        #expect(html.contains("<title>affine.cg</title>") && html.contains("<span class=\"lesson-title\">affine.cg</span>"))
        let markdown = try String(contentsOf: out.appendingPathComponent("affine.md"), encoding: .utf8)
        #expect(markdown.hasPrefix("# affine.cg\n"))
        let dot = try String(contentsOf: out.appendingPathComponent("affine.dot"), encoding: .utf8)
        #expect(dot.contains("digraph \"affine.cg\""))
        let frames = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("frames.json"))) as! [String: Any]
        #expect(frames["source"] as? String == "affine.cg")
    }

    /// The affine layer's X·W is `Y.1` inside; nothing people read calls it that.
    @Test func noInternalIDWherePeopleRead() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["affine", "logistic-regression", "central-difference", "gradient"] {
            let out = dir.appendingPathComponent(name)
            let file = "examples/\(name).cg"
            // Every format with text for people (PDF and APNG draw the same scenes as SVG and PNG).
            let render = try ChainframeProcess.run(["render", file, "--steps", "all", "--format", "png-frames,svg,html,tikz,dot,markdown",
                                                    "--out", out.path])
            #expect(render.status == 0, "\(render.stderr)")
            let ids = try Self.internalIDs(of: file)
            #expect(!ids.isEmpty)
            var texts: [(String, String)] = []
            for url in files(below: out) {
                switch url.pathExtension {
                case "md", "svg", "tex", "html":
                    texts.append((url.lastPathComponent, try String(contentsOf: url, encoding: .utf8)))
                case "dot":
                    // Node statements keep their ids (for machines); labels are for people.
                    let dot = try String(contentsOf: url, encoding: .utf8)
                    let labels = dot.components(separatedBy: "label=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
                    texts.append((url.lastPathComponent, labels.joined(separator: "\n")))
                case "png":
                    let png = try PNGDecoder.decode([UInt8](Data(contentsOf: url)))
                    texts.append((url.lastPathComponent, png.text.filter { $0.key != "Source" }.map(\.value).joined(separator: "\n")))
                default: break
                }
            }
            let frames = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("frames.json"))) as! [String: Any]
            let captions = (frames["frames"] as! [[String: Any]]).map { $0["caption"] as! String }
            texts.append(("frames.json", captions.joined(separator: "\n")))
            for command in [["eval", file], ["check", file]] {
                let run = try ChainframeProcess.run(command)
                texts.append((command.joined(separator: " "), run.stdout))
            }
            for (source, text) in texts {
                for id in ids { #expect(!text.contains(id), "\(name): \(source) shows the internal id \(id)") }
            }
        }
    }

    /// The ids of the unnamed nodes (`Y.1`), from `eval --format json`.
    static func internalIDs(of file: String) throws -> [String] {
        let run = try ChainframeProcess.run(["eval", file, "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        return (document["nodes"] as! [[String: Any]]).compactMap { node in
            let id = node["id"] as! String
            return id.contains(".") ? id : nil
        }
    }

    @Test func evalWritesFixedDecimals() throws {
        let run = try ChainframeProcess.run(["eval", "examples/logistic-regression.cg", "--decimals", "4"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("w₂           input                       scalar  -0.2500  -0.9500"), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("output L = 0.6444\n"))
        let bad = try ChainframeProcess.run(["render", "examples/lecture.cg", "--decimals", "40"])
        #expect(bad.status == 2 && bad.stderr.contains("--decimals"))
    }

    /// `neato -n2 -Tpng` of the DOT export is the PNG's canvas, with nothing at its edges
    /// (Graphviz is a test-only tool: scripts/install-deps installs it).
    @Test(.enabled(if: ChainframeProcess.isInstalled("neato"), "Graphviz's neato is not installed"),
          arguments: ["lecture", "shopping", "logistic-regression"])
    func dotDrawsOnThePNGsCanvasThroughNeato(_ name: String) throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let render = try ChainframeProcess.run(["render", "examples/\(name).cg", "--format", "dot,png", "--out", dir.path])
        #expect(render.status == 0, "\(render.stderr)")
        let drawn = dir.appendingPathComponent("neato.png")
        let neato = Process()
        neato.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        neato.arguments = ["neato", "-n2", "-Tpng", dir.appendingPathComponent("\(name).dot").path, "-o", drawn.path]
        neato.standardError = FileHandle.nullDevice
        try neato.run()
        neato.waitUntilExit()
        #expect(neato.terminationStatus == 0)
        let picture = try PNGDecoder.decode([UInt8](Data(contentsOf: drawn)))
        let summary = try PNGDecoder.decode([UInt8](Data(contentsOf: dir.appendingPathComponent("\(name)-summary.png"))))
        #expect(picture.width == summary.width && picture.height == summary.height)
        // Every pixel within 8 px of the edge is the background: no border is cut off.
        let background = picture.pixel(x: 0, y: 0)
        var touched = 0
        for y in 0..<picture.height {
            for x in 0..<picture.width where x < 8 || y < 8 || x >= picture.width - 8 || y >= picture.height - 8 {
                if picture.pixel(x: x, y: y) != background { touched += 1 }
            }
        }
        #expect(touched == 0, "\(touched) drawn pixels at the edge of neato's picture")
    }

    /// With a dark theme the Beamer slide is dark to its edges, not a dark box on white.
    @Test func beamerSlidesTakeTheThemesBackground() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let render = try ChainframeProcess.run(["render", "examples/lecture.cg", "--theme", "chalkboard", "--format", "tikz", "--out", dir.path])
        #expect(render.status == 0, "\(render.stderr)")
        let standalone = try String(contentsOf: dir.appendingPathComponent("lecture-standalone.tex"), encoding: .utf8)
        #expect(standalone.contains("\\setbeamercolor{background canvas}{bg=cfBackground}"))
        #expect(standalone.contains("\\definecolor{cfBackground}{HTML}{1E2B26}"), "the chalkboard's background")
        guard ChainframeProcess.isInstalled("pdflatex"), ChainframeProcess.isInstalled("pdftoppm") else {
            print("skipped compiling: pdflatex or pdftoppm is not installed")
            return
        }
        for (program, arguments) in [("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "lecture-standalone.tex"]),
                                     ("pdftoppm", ["-r", "20", "-f", "1", "-l", "1", "-png", "lecture-standalone.pdf", "page"])] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
            process.currentDirectoryURL = dir
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                print("skipped: \(program) failed (beamer or tikz missing?)")
                return
            }
        }
        let page = try PNGDecoder.decode([UInt8](Data(contentsOf: dir.appendingPathComponent("page-1.png"))))
        for (x, y) in [(0, 0), (page.width - 1, 0), (0, page.height - 1), (page.width - 1, page.height - 1)] {
            let pixel = page.pixel(x: x, y: y)
            #expect(pixel[0] < 60 && pixel[1] < 70 && pixel[2] < 70, "corner (\(x), \(y)) is \(pixel), not the dark background")
        }
    }
}
