import Chainframe
import ChainframeGraphics
import ChainframeScene
import ChainframeRender
import Foundation
import Testing

/// "The derivative as a slope" (f(a) = a² at a = 2), checked from the scene, not by eye.
@Suite struct SlopeTests {
    func builder(_ expression: String, at x0: Double) throws -> SlopeSceneBuilder {
        let study = try SlopeStudy(expression: expression, variable: "a", at: x0)
        return SlopeSceneBuilder(study: study, theme: .classroom, size: Size(width: 1920, height: 1080))
    }

    /// The first path with `role`, as two canvas points.
    func line(_ scene: Scene, role: SceneElement.Role) -> (Point, Point)? {
        for element in scene.elements {
            if case .path(let elements, _, let r) = element, r == role,
               case .move(let a)? = elements.first, case .line(let b)? = elements.last { return (a, b) }
        }
        return nil
    }

    @Test(arguments: [("a^2", 2.0, 4.0, 4.0), ("3*a", 2.0, 6.0, 3.0), ("3*a", 5.0, 15.0, 3.0), ("a^3 - a", 1.0, 0.0, 2.0)])
    func tangentTouchesThePointWithTheDerivativeAsSlope(_ expression: String, _ x0: Double, _ value: Double, _ slope: Double) throws {
        let b = try builder(expression, at: x0)
        #expect(b.study.value == value)
        #expect(b.study.derivative == slope)
        let scene = b.scene()
        let (p, q) = try #require(line(scene, role: .tangent))
        let map = b.mapping
        // Back from canvas points to function coordinates.
        func unmap(_ point: Point) -> (Double, Double) {
            let x = map.xRange.lowerBound + (point.x - map.plot.minX) / map.plot.width * (map.xRange.upperBound - map.xRange.lowerBound)
            let y = map.yRange.lowerBound + (map.plot.maxY - point.y) / map.plot.height * (map.yRange.upperBound - map.yRange.lowerBound)
            return (x, y)
        }
        let (x1, y1) = unmap(p), (x2, y2) = unmap(q)
        #expect(abs((y2 - y1) / (x2 - x1) - slope) < 1e-9)
        // The line passes through (x0, f(x0)).
        #expect(abs(y1 + slope * (x0 - x1) - value) < 1e-9)
        // And the marked point sits there.
        let touch = map.point(x0, value)
        let hasPoint = scene.elements.contains { element in
            if case .shape(.circle(let center, _), _, _, .point) = element {
                return abs(center.x - touch.x) < 1e-9 && abs(center.y - touch.y) < 1e-9
            }
            return false
        }
        #expect(hasPoint)
    }

    @Test func captionWritesTheSlopeOut() throws {
        let caption = try builder("a^2", at: 2).caption
        #expect(caption.headline == "f(a) = a²,   f′(2) = 4")
        #expect(caption.details[0] == "secant, h = 0.5: (f(2.5) − f(2)) / 0.5 = (6.25 − 4) / 0.5 = 4.5")
        #expect(caption.details[1].hasPrefix("h = 0.001: (f(2.001) − f(2)) / 0.001 = 4.001"))
        let linear = try builder("3*a", at: 2).caption
        #expect(linear.headline == "f(a) = 3 × a,   f′(2) = 3")
    }

    @Test func secantHasTheSecantsSlope() throws {
        let b = try builder("a^2", at: 2)
        #expect(b.study.secantSlope == 4.5)
        #expect(abs(b.study.smallSlope - 4.001) < 1e-9)
        #expect(line(b.scene(), role: .secant) != nil)
    }

    @Test func expressionsAreWrittenInMaths() {
        #expect(ExpressionText.math("x^2 + 3*x + 5") == "x² + 3 × x + 5")
        #expect(ExpressionText.math("-(a + b)^2") == "−(a + b)²")
        #expect(ExpressionText.math("a - (b - c)") == "a − (b − c)")
        #expect(ExpressionText.math("sigmoid(w_1 * x_1)") == "σ(w₁ × x₁)")
    }

    @Test func writesPNGPDFAndSVG() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slope-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scene = try builder("a^2", at: 2).scene()
        for format in ScenePictureWriter.Format.allCases {
            let url = dir.appendingPathComponent("s.\(format.rawValue)")
            try ScenePictureWriter.write(scene, format: format, to: url, title: "a²")
            #expect(FileManager.default.fileExists(atPath: url.path))
        }
        let png = try PNGDecoder.decode([UInt8](Data(contentsOf: dir.appendingPathComponent("s.png"))))
        #expect(png.width == 1920)
        let svg = try String(contentsOf: dir.appendingPathComponent("s.svg"), encoding: .utf8)
        #expect(svg.contains("f′(2) = 4"))
        #expect(try Data(contentsOf: dir.appendingPathComponent("s.pdf")).prefix(4) == Data("%PDF".utf8))
    }
}
