import Chainframe
import ChainframeGraphics
@testable import ChainframeRender
@testable import ChainframeScene
import Foundation
import Testing

/// The text exporters: TikZ (Beamer overlays), DOT, Markdown, and the JSON document's schema.
struct TextExporterTests {
    // MARK: TikZ

    @Test func tikzHasOneOverlayPerStepAndTheThemeColours() throws {
        let export = try ExampleExport("lecture")
        defer { export.remove() }
        let files = try export.run(.tikz)
        #expect(files.map(\.lastPathComponent) == ["lecture.tex", "lecture-standalone.tex"])
        let tex = try export.text("lecture.tex")
        let count = export.context.storyboard.steps.count
        #expect(count == 9)
        #expect(tex.contains("\\begin{tikzpicture}[x=1pt, y=-1pt]") && tex.contains("\\end{tikzpicture}"))
        for n in 1...count { #expect(tex.contains("\\only<\(n)>{"), "no overlay of its own for step \(n)") }
        #expect(!tex.contains("\\only<\(count + 1)"))
        #expect(tex.contains("\\definecolor{cfForward}{HTML}{1F4E9E}"))
        #expect(tex.contains("\\definecolor{cfBackward}{HTML}{C62828}"))
        #expect(!tex.contains("\\documentclass") && !tex.contains("kotex"))
        // pdflatex-safe: only ASCII (this example has no Hangul).
        #expect(tex.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(tex.contains("$\\partial$J/$\\partial$b = $\\partial$J/$\\partial$u $\\cdot$ $\\partial$u/$\\partial$b = 3 $\\cdot$ 2 = 6"))
        let standalone = try export.text("lecture-standalone.tex")
        #expect(standalone.contains("\\documentclass[aspectratio=169]{beamer}") && standalone.contains("\\usepackage{tikz}"))
        #expect(standalone.contains("\\begin{document}") && standalone.contains("\\end{document}"))
    }

    @Test func tikzOverlaysReproduceEveryStepInOrder() throws {
        let renderer = try exampleRenderer("lecture")
        var writer = TikZWriter(theme: renderer.theme)
        let steps = renderer.storyboard.steps.indices.map { writer.commands(renderer.scene($0)) }
        let runs = TikZDocument.overlays(steps)
        for (index, commands) in steps.enumerated() {
            #expect(runs.filter { $0.steps.contains(index + 1) }.flatMap(\.commands) == commands)
        }
        // Shared parts (node outlines of the inputs, the caption band) are drawn once.
        #expect(runs.first { $0.steps.count == steps.count }.map { !$0.commands.isEmpty } == true)
        #expect(TikZDocument.overlaySpecification([1, 2, 3, 5, 7, 8]) == "1-3,5,7-8")
        let merged = TikZDocument.overlays([["A", "B", "C"], ["A", "X", "C"]])
        #expect(merged == [.init(steps: [1, 2], commands: ["A"]), .init(steps: [1], commands: ["B"]),
                           .init(steps: [2], commands: ["X"]), .init(steps: [1, 2], commands: ["C"])])
    }

    @Test func tikzTextIsWrittenForPdflatex() throws {
        #expect(LaTeXText.escaped("∂J/∂x₁ = σ(z) · 2 × 3 − 1") == "$\\partial$J/$\\partial$x$_{1}$ = $\\sigma$(z) $\\cdot$ 2 $\\times$ 3 $-$ 1")
        #expect(LaTeXText.escaped("# $ % & _ { } ~ ^ \\") == "\\# \\$ \\% \\& \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}")
        #expect(LaTeXText.escaped("Wᵀ… 사과 😀") == "W$^{\\mathsf{T}}$\\ldots{} 사과 ?")
        let export = try ExampleExport("shopping")
        defer { export.remove() }
        _ = try export.run(.tikz)
        #expect(try export.text("shopping-standalone.tex").contains("\\usepackage{kotex}"))
        #expect(try export.text("shopping.tex").contains("% The text has Hangul"))
    }

    /// Every text of every example, in every phase, has a pdflatex spelling (no `?` for an
    /// unknown character).
    @Test func tikzKnowsEveryCharacterOfTheExamples() throws {
        var options = Storyboard.Options()
        options.phases = Set(Step.Phase.allCases)
        options.nudge = (input: 0, h: 0.001)
        var checked = 0
        for name in ExampleExport.examples {
            let renderer = try FrameRenderer(storyboard: try exampleStoryboard(name, options: options), theme: .classroom,
                                             options: FrameOptions())
            for index in renderer.storyboard.steps.indices {
                for text in renderer.scene(index).texts where !text.contains("?") {
                    #expect(!LaTeXText.escaped(text).contains("?"), "\(name): \(text)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }

    /// Compiles the standalone document when pdflatex is installed (the project does not need it:
    /// without it this test is skipped).
    @Test(.enabled(if: ExternalTool.hasPdflatexWithBeamer, "pdflatex with beamer and tikz is not installed"))
    func tikzStandaloneCompilesWithPdflatex() throws {
        let export = try ExampleExport("lecture")
        defer { export.remove() }
        _ = try export.run(.tikz)
        let result = try ExternalTool.run("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "lecture-standalone.tex"],
                                          in: export.directory)
        #expect(result.status == 0, "\(result.output.suffix(3000))")
        #expect(FileManager.default.fileExists(atPath: export.directory.appendingPathComponent("lecture-standalone.pdf").path))
        #expect(result.output.contains("(9 pages"), "one page per step")
    }

    /// Every example compiles too (Hangul ones only where kotex is installed).
    @Test(.enabled(if: ExternalTool.hasPdflatexWithBeamer, "pdflatex with beamer and tikz is not installed"),
          // mlp.cg: 154 overlays of a 119-node graph in one Beamer frame exceed TeX's main
          // memory (whatever the camera); the exporter would need one frame per step for it.
          arguments: ExampleExport.examples.filter { $0 != "lecture" && $0 != "mlp" })
    func tikzOfEveryExampleCompiles(_ name: String) throws {
        let export = try ExampleExport(name)
        defer { export.remove() }
        _ = try export.run(.tikz)
        let standalone = try export.text("\(name)-standalone.tex")
        if standalone.contains("\\usepackage{kotex}") {
            let kotex = try ExternalTool.run("kpsewhich", ["kotex.sty"], in: export.directory)
            guard kotex.status == 0 else { print("skipped \(name): kotex is not installed"); return }
        }
        let result = try ExternalTool.run("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "\(name)-standalone.tex"],
                                          in: export.directory)
        #expect(result.status == 0, "\(result.output.suffix(3000))")
        #expect(result.output.contains("(\(export.context.storyboard.steps.count) pages"))
    }

    // MARK: DOT

    @Test func dotParsesBackThroughGraphvizWithPositions() throws {
        let export = try ExampleExport("lecture")
        defer { export.remove() }
        #expect(try export.run(.dot).map(\.lastPathComponent) == ["lecture.dot"])
        let dot = try export.text("lecture.dot")
        let counts = try GraphvizLayout.parse(dot: dot)
        #expect(counts.nodes == 6 + 2 && counts.edges == 5, "the graph's nodes and the canvas's two corners")
        let statements = dot.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let nodes = statements.filter { $0.hasPrefix("\"") && !$0.hasPrefix("\"#canvas") && !$0.contains(" -> ") }
        let edges = statements.filter { $0.contains(" -> ") }
        #expect(nodes.count == 6 && edges.count == 5)
        for node in nodes { #expect(node.contains("pos=\"") && node.contains("!\"") && node.contains("width=")) }
        for edge in edges { #expect(edge.contains("pos=\"e,")) }
        #expect(dot.contains("bb=\"0,0,1920,1080\"") && dot.contains("splines=true"))
        #expect(dot.contains("\"b\" -> \"u\" [pos=\"e,") && dot.contains("label=\"3 · 2 = 6\""))
        #expect(dot.contains("\"u\" [label=\"u = b × c\\n6\\n∂J/∂u = 3\""))
        // y up: the input a (top of the frames) is above c (bottom).
        func y(_ id: String) -> Double? {
            guard let line = nodes.first(where: { $0.hasPrefix("\"\(id)\" ") }), let range = line.range(of: "pos=\"") else { return nil }
            return Double(line[range.upperBound...].prefix { $0 != "!" }.split(separator: ",")[1])
        }
        #expect(try #require(y("a")) > #require(y("c")))
    }

    @Test func dotQuotesUnicodeAndSpecialCharacters() throws {
        #expect(DOTDocument.quoted("say \"hi\" \\ now\nthen") == "\"say \\\"hi\\\" \\\\ now\\nthen\"")
        let export = try ExampleExport("shopping")
        defer { export.remove() }
        _ = try export.run(.dot)
        let dot = try export.text("shopping.dot")
        #expect(try GraphvizLayout.parse(dot: dot) == (nodes: 9 + 2, edges: 8))
        #expect(dot.contains("지불 금액"))
        let error = #expect(throws: LayoutError.self) { try GraphvizLayout.parse(dot: "digraph { a -> ") }
        #expect(error?.description.contains("syntax error") == true, "\(String(describing: error))")
        #expect(try GraphvizLayout.parse(dot: "digraph { a -> b; b -> c }") == (nodes: 3, edges: 2))
    }

    // MARK: Markdown

    @Test func markdownShowsEveryStepAndItsFrame() throws {
        let export = try ExampleExport("lecture")
        defer { export.remove() }
        let files = try export.run(.markdown)
        let steps = export.context.storyboard.steps
        #expect(files.first?.lastPathComponent == "lecture.md")
        #expect(files.count == 1 + steps.count + 1)
        let markdown = try export.text("lecture.md")
        #expect(markdown.hasPrefix("# J = 3(a + bc)\n"))
        #expect(markdown.contains("```text\n# J(a, b, c) = 3(a + bc)"))
        for (index, step) in steps.enumerated() {
            let file = PNGFramesWriter.fileName(index)
            #expect(markdown.components(separatedBy: "](\(file))").count == 2, "one image reference to \(file)")
            #expect(FileManager.default.fileExists(atPath: export.directory.appendingPathComponent(file).path))
            #expect(markdown.contains("## \(step.caption.titleWithRule)\n"))
            #expect(markdown.contains("\n\(step.caption.headline)\n"))
        }
        #expect(markdown.components(separatedBy: "![").count - 1 == steps.count)
        #expect(markdown.contains("∂J/∂b = ∂J/∂u · ∂u/∂b = 3 · 2 = 6"))
        #expect(markdown.contains("| node | value | ∂J/∂node |\n|---|---:|---:|\n| a | 5 | 3 |\n| b | 3 | 6 |\n| c | 2 | 9 |"))
        #expect(markdown.hasSuffix("| J | 33 | 1 |\n"))
    }

    @Test func markdownEscapesNamesWithUnderscores() throws {
        #expect(MarkdownDocument.escaped("x_1 * w_1 | [a]") == "x\\_1 \\* w\\_1 \\| \\[a\\]")
        #expect(MarkdownDocument.fence(for: "a ```` b") == "`````")
    }

    // MARK: JSON

    @Test func jsonDocumentOfTheLecture() throws {
        let export = try ExampleExport("lecture")
        defer { export.remove() }
        _ = try export.run(.json)
        let data = try Data(contentsOf: export.directory.appendingPathComponent("lecture.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(document["format"] as? String == "chainframe")
        #expect(document["version"] as? Int == 1)
        #expect((document["nodes"] as? [Any])?.count == 6)
        let edges = try #require(document["edges"] as? [[String: Any]])
        #expect(edges.count == 5)
        #expect((document["steps"] as? [Any])?.count == 9)
        let bu = try #require(edges.first { $0["from"] as? String == "b" && $0["to"] as? String == "u" })
        #expect(bu["local"] as? Double == 2 && bu["grad"] as? Double == 6)
        #expect(bu["label"] as? String == "3 · 2 = 6")
    }

    /// `eval --format json` and the `json` exporter write every node and edge from one model:
    /// eval's members are the exporter's first members, key for key and value for value.
    @Test func evalNodesAndEdgesEqualTheJSONExportersOfEveryExample() throws {
        func members(_ value: JSONValue?, _ key: String) -> [[(String, JSONValue)]] {
            guard case .object(let top)? = value, case .array(let items)? = top.first(where: { $0.0 == key })?.1 else { return [] }
            return items.map { if case .object(let m) = $0 { m } else { [] } }
        }
        for name in ExampleExport.examples {
            let export = try ExampleExport(name)
            defer { export.remove() }
            let eval = EvaluationReport.json(export.context.storyboard.evaluation)
            let document = ChainframeDocument.json(export.context.picture)
            for key in ["nodes", "edges"] {
                let ours = members(eval, key), theirs = members(document, key)
                #expect(ours.count == theirs.count && !ours.isEmpty, "\(name): \(key)")
                for (a, b) in zip(ours, theirs) {
                    #expect(a.map(\.0) == Array(b.prefix(a.count)).map(\.0), "\(name): \(key) keys")
                    #expect(JSONValue.object(a) == JSONValue.object(Array(b.prefix(a.count))), "\(name): \(key) values")
                }
            }
            #expect(members(eval, "edges").allSatisfy { $0.contains { $0.0 == "local" } })
        }
    }

    /// Validates the `json` exporter's document of every example against docs/chainframe.schema.json
    /// (skipped when python3 or its jsonschema package is missing).
    @Test(.enabled(if: PythonJSONSchema.isAvailable, "python3 with jsonschema is not installed"))
    func jsonOfEveryExampleMatchesTheSchema() throws {
        var documents: [URL] = []
        var exports: [ExampleExport] = []
        defer { exports.forEach { $0.remove() } }
        for name in ExampleExport.examples {
            let export = try ExampleExport(name)
            exports.append(export)
            documents += try export.run(.json)
        }
        #expect(documents.count >= 7)
        // The opt-in phases too: the lecture with a nudge of a and the numerical check.
        var options = Storyboard.Options()
        options.phases = Set(Step.Phase.allCases)
        options.nudge = (input: 0, h: 0.001)
        let everyPhase = try ExampleExport("lecture", options: options)
        exports.append(everyPhase)
        documents += try everyPhase.run(.json)
        #expect(Set(everyPhase.context.storyboard.steps.map(\.phase)) == Set(Step.Phase.allCases))
        let schema = repositoryRoot.appendingPathComponent("docs/chainframe.schema.json")
        #expect(try PythonJSONSchema.errors(schema: schema, documents: documents) == "")
        // The schema is strict: an unknown field or a number written as text is an error.
        let broken = documents[0].deletingLastPathComponent().appendingPathComponent("broken.json")
        let text = try String(contentsOf: documents[0], encoding: .utf8)
        try (text.replacingOccurrences(of: "\"format\": \"chainframe\",", with: "\"format\": \"chainframe\", \"extra\": 1,")
            .replacingOccurrences(of: "\"duration_ms\": 1500", with: "\"duration_ms\": \"1500\"")).write(to: broken, atomically: true, encoding: .utf8)
        let errors = try PythonJSONSchema.errors(schema: schema, documents: [broken])
        #expect(errors.contains("'extra' was unexpected") && errors.contains("'1500' is not of type 'integer'"))
    }
}
