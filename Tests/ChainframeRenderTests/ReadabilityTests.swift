import Chainframe
import ChainframeGraphics
import ChainframeScene
import ChainframeRender
import Foundation
import Testing

/// Slides a lecture hall can read: text sizes measured from the SVG output, and edge labels
/// that never crowd, over every frame of every example at the default 1920×1080.
@Suite struct ReadabilityTests {
    /// Every `.cg` file in `examples/`.
    static let examples: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("examples").path)) ?? []
        return names.filter { $0.hasSuffix(".cg") }.map { String($0.dropLast(3)) }.sorted()
    }()

    @Test func everyExampleIsChecked() {
        #expect(Self.examples.contains("lecture") && Self.examples.count >= 8)
    }

    /// The smallest `font-size` of `<text class="CLASS">` in an SVG document.
    static func smallestFontSize(_ svg: String, textClass: String) -> Double? {
        var smallest: Double?
        for line in svg.split(separator: "\n") where line.contains("<text class=\"\(textClass)\"") {
            guard let range = line.range(of: "font-size=\""),
                  let end = line[range.upperBound...].firstIndex(of: "\""),
                  let size = Double(line[range.upperBound..<end]) else { continue }
            smallest = min(smallest ?? size, size)
        }
        return smallest
    }

    @Test(arguments: examples) func textIsReadableInTheSVG(example: String) throws {
        let renderer = try exampleRenderer(example)
        let nodes = renderer.storyboard.evaluation.graph.nodes.count
        var (node, label) = FrameLayout.readableSizes(nodes: nodes)
        if example == "lecture" { node = 32 }
        var smallestNode = Double.infinity, smallestLabel = Double.infinity
        for index in renderer.storyboard.steps.indices {
            let svg = SVGWriter.svg(renderer.scene(index), title: nil)
            smallestNode = min(smallestNode, Self.smallestFontSize(svg, textClass: "node") ?? .infinity)
            smallestLabel = min(smallestLabel, Self.smallestFontSize(svg, textClass: "label") ?? .infinity)
        }
        #expect(smallestNode >= node, "\(example): smallest node text \(smallestNode) px")
        #expect(smallestLabel >= label, "\(example): smallest edge label \(smallestLabel) px")
    }

    @Test(arguments: examples) func labelsNeverCrowd(example: String) throws {
        let renderer = try exampleRenderer(example)
        let graph = renderer.storyboard.evaluation.graph
        let canvas = renderer.layout.canvasSize
        let boxes = renderer.layout.nodeBoxes
        // Each edge's forward route and backward flow, sampled.
        var lines: [String: [[Point]]] = [:]
        for (edge, route) in renderer.layout.edgeRoutes {
            lines["\(graph.displayName(of: edge.from))→\(graph.displayName(of: edge.to))", default: []].append(sampled(route.points) + [route.tip])
        }
        // Through the focus camera frames are windows onto one larger drawing: check the drawing,
        // with every node ringed.
        if renderer.layout.camera == .focus {
            for (edge, route) in renderer.layout.edgeRoutes where renderer.edgeLabel(edge) != nil {
                _ = route
                let key = "\(graph.displayName(of: edge.from))→\(graph.displayName(of: edge.to))"
                let chip = renderer.edgeLabel(edge)!.chip
                let ring = 9.3 * renderer.layout.graphScale
                for box in boxes { #expect(gap(chip, box.insetBy(dx: -ring, dy: -ring)) >= 6, "\(example): label of \(key) near a ring") }
                for (other, _) in renderer.layout.edgeRoutes where other != edge {
                    if let o = renderer.edgeLabel(other)?.chip { #expect(gap(chip, o) >= 6, "\(example): labels of \(key) crowd") }
                }
            }
            return
        }
        for index in renderer.storyboard.steps.indices {
            let scene = renderer.scene(index)
            var chips: [(key: String, rect: Rect)] = []
            var rings: [Rect] = []
            for element in scene.elements {
                if case .shape(.roundedRect(let r, _), _, let stroke?, .highlight) = element {
                    rings.append(r.insetBy(dx: -stroke.width / 2, dy: -stroke.width / 2))
                }
                guard case .link(let from, let to, let parts) = element else { continue }
                for part in parts {
                    if case .path(let path, _, .flow) = part {
                        lines["\(from)→\(to)", default: []].append(path.compactMap(\.endPoint))
                    }
                    if case .shape(.roundedRect(let chip, _), _, let stroke, .label) = part {
                        let grown = chip.insetBy(dx: -(stroke?.width ?? 0) / 2, dy: -(stroke?.width ?? 0) / 2)
                        chips.append(("\(from)→\(to)", grown))
                    }
                }
            }
            let frame = "\(example) frame \(index)"
            for (i, chip) in chips.enumerated() {
                #expect(chip.rect.minX >= 0 && chip.rect.minY >= 0 && chip.rect.maxX <= canvas.width && chip.rect.maxY <= canvas.height,
                        "\(frame): label of \(chip.key) leaves the canvas")
                for box in boxes { #expect(gap(chip.rect, box) >= 6, "\(frame): label of \(chip.key) within 6 px of a node") }
                for ring in rings { #expect(gap(chip.rect, ring) >= 6, "\(frame): label of \(chip.key) within 6 px of a ring") }
                for other in chips[(i + 1)...] {
                    #expect(gap(chip.rect, other.rect) >= 6, "\(frame): labels of \(chip.key) and \(other.key) within 6 px")
                }
                let own = (lines[chip.key] ?? []).map { distance(chip.rect, $0) }.min() ?? .infinity
                for (key, polylines) in lines where key != chip.key {
                    let nearest = polylines.map { distance(chip.rect, $0) }.min() ?? .infinity
                    #expect(own < nearest, "\(frame): label of \(chip.key) is as near \(key) (\(nearest)) as its own edge (\(own))")
                }
            }
        }
    }

    @Test func lectureKeyFrameLabelKeepsClearOfBsRing() throws {
        let renderer = try exampleRenderer("lecture")
        let step = renderer.storyboard.steps.firstIndex { $0.caption.title == "Backward 4/4" }!
        let scene = renderer.scene(step)
        let svg = SVGWriter.svg(scene, title: nil)
        #expect(svg.contains("<g class=\"link\" data-from=\"c\" data-to=\"u\">"))
        guard let (text, chip) = renderer.edgeLabel(Edge(from: 2, to: 3)) else { Issue.record("no label on c → u"); return }
        #expect(text == "3 · 3 = 9")
        let ring = renderer.layout.nodeBoxes[1].insetBy(dx: -8.5 * renderer.layout.graphScale, dy: -8.5 * renderer.layout.graphScale)
        #expect(gap(chip, ring) >= 6)
    }

    @Test func theTitleKeepsClearOfNodesAndRings() throws {
        for example in ["lecture", "shopping", "logistic-regression", "branch"] {
            let renderer = try exampleRenderer(example)
            let title = renderer.scene(0).elements.compactMap { element -> TextRun? in
                if case .text(let run) = element, run.role == .decoration { return run } else { return nil }
            }.first!
            let ringTop = renderer.layout.nodeBoxes.map { $0.minY - 8.5 * renderer.layout.graphScale }.min()!
            #expect(ringTop - (title.position.y + title.font.size * 1.17) >= 6, "\(example): title too near the graph")
        }
    }

    @Test func aStraightChainIsDrawnStraight() throws {
        let source = try SourceFile.decode(name: "neuron.cg", bytes: Array("""
            x1 = 2
            w1 = -3
            x2 = 0
            w2 = 1
            b = 6.8813735870195432
            n = x1*w1 + x2*w2 + b
            o = tanh(n)
            """.utf8))
        let storyboard = try Storyboard(try Evaluation(GraphBuilder.build(source)))
        let renderer = try FrameRenderer(storyboard: storyboard, theme: .classroom, options: FrameOptions())
        let graph = storyboard.evaluation.graph
        // From the sum to the output every node has one consumer: one straight row (or column).
        let n = graph.index(of: "n")!, o = graph.index(of: "o")!
        let boxes = renderer.layout.nodeBoxes
        let horizontal = renderer.layout.rankDirection == .leftToRight
        let offset = horizontal ? abs(boxes[n].midY - boxes[o].midY) : abs(boxes[n].midX - boxes[o].midX)
        #expect(offset < 1, "n and o are \(offset) pt out of line")
    }

    private func gap(_ a: Rect, _ b: Rect) -> Double {
        let dx = max(0, max(b.minX - a.maxX, a.minX - b.maxX))
        let dy = max(0, max(b.minY - a.maxY, a.minY - b.maxY))
        return (dx * dx + dy * dy).squareRoot()
    }

    private func distance(_ rect: Rect, _ line: [Point]) -> Double {
        var best = Double.infinity
        for (a, b) in zip(line, line.dropFirst()) {
            for k in 0...8 {
                let t = Double(k) / 8
                let p = Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
                let dx = max(0, max(rect.minX - p.x, p.x - rect.maxX)), dy = max(0, max(rect.minY - p.y, p.y - rect.maxY))
                best = min(best, (dx * dx + dy * dy).squareRoot())
            }
        }
        return best
    }

    private func sampled(_ points: [Point]) -> [Point] {
        guard var out = points.first.map({ [$0] }) else { return [] }
        var i = 1
        while i + 2 < points.count {
            let p0 = points[i - 1], c1 = points[i], c2 = points[i + 1], p3 = points[i + 2]
            for k in 1...16 {
                let t = Double(k) / 16, u = 1 - t
                out.append(Point(x: u * u * u * p0.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * p3.x,
                                 y: u * u * u * p0.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * p3.y))
            }
            i += 3
        }
        return out
    }
}

private extension PathElement {
    var endPoint: Point? {
        switch self {
        case .move(let p), .line(let p), .cubic(_, _, let p): p
        case .close: nil
        }
    }
}
