import Chainframe
import ChainframeGraphics
import ChainframeScene
import ChainframeRender
import Testing

/// The whole-graph camera keeps every element of the scene on the canvas, however long the graph.
@Suite struct CanvasBoundsTests {
    /// `x1 = a * a`, `xᵢ = xᵢ₋₁ * a`: a shared input read by every step (long edges become arcs).
    static func sharedInputChain(_ steps: Int) throws -> Storyboard {
        var lines = ["a = 2", "x1 = a * a"]
        for i in stride(from: 2, through: steps, by: 1) { lines.append("x\(i) = x\(i - 1) * a") }
        let source = try SourceFile.decode(name: "chain.cg", bytes: Array(lines.joined(separator: "\n").utf8))
        return try Storyboard(try Evaluation(GraphBuilder.build(source)))
    }

    /// The extent of an element as drawn (strokes included; curves by their control points,
    /// which enclose them; text by its measured box).
    static func bounds(_ element: SceneElement, text: PangoText) -> [Rect] {
        func box(_ points: [Point], stroke: Double) -> Rect {
            let xs = points.map(\.x), ys = points.map(\.y)
            return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
                .insetBy(dx: -stroke / 2, dy: -stroke / 2)
        }
        switch element {
        case .shape(let shape, _, let stroke, _):
            let width = stroke?.width ?? 0
            switch shape {
            case .rect(let r), .roundedRect(let r, _), .ellipse(let r): return [r.insetBy(dx: -width / 2, dy: -width / 2)]
            case .circle(let c, let radius): return [Rect(center: c, size: Size(width: 2 * radius + width, height: 2 * radius + width))]
            case .polygon(let p): return p.isEmpty ? [] : [box(p, stroke: width)]
            case .path(let p): return p.isEmpty ? [] : [box(p.flatMap(\.points), stroke: width)]
            }
        case .path(let p, let stroke, _):
            return p.isEmpty ? [] : [box(p.flatMap(\.points), stroke: stroke.width)]
        case .text(let run):
            let size = text.measure(run.text, font: run.font)
            let x = switch run.anchor.horizontal {
            case .left: run.position.x
            case .center: run.position.x - size.width / 2
            case .right: run.position.x - size.width
            }
            // The baseline lies within the box: take the box around the anchor generously.
            let y = run.anchor.vertical == .top ? run.position.y
                : run.anchor.vertical == .bottom ? run.position.y - size.height
                : run.anchor.vertical == .center ? run.position.y - size.height / 2 : run.position.y - size.height * 0.8
            return [Rect(x: x, y: y, width: size.width, height: size.height)]
        case .group(_, let children), .link(_, _, let children), .clip(_, let children):
            return children.flatMap { bounds($0, text: text) }
        }
    }

    /// 200 steps, spread for their edge labels, needed a scale below the old floor of 0.02:
    /// the chain and its arcs ran off both sides of the canvas.
    @Test func aLongSharedInputChainStaysOnTheCanvas() throws {
        var options = FrameOptions()
        options.camera = .whole
        let renderer = try FrameRenderer(storyboard: try Self.sharedInputChain(200), theme: .classroom, options: options)
        #expect(renderer.layout.camera == .whole)
        let canvas = Rect(x: 0, y: 0, width: renderer.layout.canvasSize.width, height: renderer.layout.canvasSize.height)
        let text = PangoText()
        let steps = renderer.storyboard.steps
        for index in [0, steps.count / 2, steps.count - 1] {
            let scene = renderer.scene(index)
            var outside = 0, first = ""
            for element in scene.elements {
                for rect in Self.bounds(element, text: text)
                where rect.minX < -0.5 || rect.minY < -0.5 || rect.maxX > canvas.width + 0.5 || rect.maxY > canvas.height + 0.5 {
                    outside += 1
                    if first.isEmpty { first = "\(rect)" }
                }
            }
            #expect(outside == 0, "step \(index): \(outside) element(s) leave the \(canvas.width)×\(canvas.height) canvas, first \(first)")
        }
        // The graph fills the width it has, rather than shrinking to a dot.
        let xs = renderer.layout.nodeBoxes.flatMap { [$0.minX, $0.maxX] }
        #expect(xs.max()! - xs.min()! > renderer.layout.graphArea.width * 0.8)
    }
}
