/// Plain-data descriptions of what a canvas can draw: shapes, strokes, fonts, anchors.

/// One step of a path, in points.
public enum PathElement: Sendable, Hashable, Codable {
    case move(to: Point)
    case line(to: Point)
    /// A cubic Bézier from the current point through two control points to `to`.
    case cubic(control1: Point, control2: Point, to: Point)
    case close

    /// The points this step names: its end point, and before it a curve's two control points
    /// (which enclose the curve); none for `close`.
    public var points: [Point] {
        switch self {
        case .move(let p), .line(let p): [p]
        case .cubic(let c1, let c2, let p): [c1, c2, p]
        case .close: []
        }
    }

    /// A path through Bézier control points as produced by Graphviz:
    /// the start point, then (control, control, end) triples.
    public static func bezierChain(_ points: [Point]) -> [PathElement] {
        guard let first = points.first else { return [] }
        var elements: [PathElement] = [.move(to: first)]
        var i = 1
        while i + 2 < points.count {
            elements.append(.cubic(control1: points[i], control2: points[i + 1], to: points[i + 2]))
            i += 3
        }
        // A malformed tail (not a whole triple) is joined with straight lines.
        while i < points.count {
            elements.append(.line(to: points[i]))
            i += 1
        }
        return elements
    }
}

/// A closed or open figure a canvas can fill or stroke.
public enum CanvasShape: Sendable, Hashable {
    case rect(Rect)
    case roundedRect(Rect, radius: Double)
    /// The ellipse inscribed in a rectangle.
    case ellipse(Rect)
    case circle(center: Point, radius: Double)
    /// A closed polygon (e.g. an arrowhead).
    case polygon([Point])
    case path([PathElement])
}

/// How lines are drawn.
public struct StrokeStyle: Sendable, Hashable, Codable {
    public enum LineCap: String, Sendable, Hashable, Codable { case butt, round, square }
    public enum LineJoin: String, Sendable, Hashable, Codable { case miter, round, bevel }

    public var width: Double
    public var color: RGBA
    /// Alternating on/off lengths in points; empty for a solid line.
    public var dash: [Double]
    public var lineCap: LineCap
    public var lineJoin: LineJoin

    public init(width: Double = 1, color: RGBA = .black, dash: [Double] = [],
                lineCap: LineCap = .butt, lineJoin: LineJoin = .miter) {
        self.width = width
        self.color = color
        self.dash = dash
        self.lineCap = lineCap
        self.lineJoin = lineJoin
    }
}

/// A font request: a comma-separated family list, a size in points, weight and slant.
public struct FontSpec: Sendable, Hashable, Codable {
    public enum Weight: String, Sendable, Hashable, Codable { case regular, bold }

    /// Fallback list, e.g. `"DejaVu Sans, NanumGothic"`.
    public var family: String
    /// Size in points (canvas units), not scaled by the screen resolution.
    public var size: Double
    public var weight: Weight
    public var italic: Bool

    public init(family: String = "DejaVu Sans, NanumGothic", size: Double = 12,
                weight: Weight = .regular, italic: Bool = false) {
        self.family = family
        self.size = size
        self.weight = weight
        self.italic = italic
    }
}

/// Which point of a text's logical box is placed at the drawing position.
public struct TextAnchor: Sendable, Hashable, Codable {
    public enum Horizontal: String, Sendable, Hashable, Codable { case left, center, right }
    public enum Vertical: String, Sendable, Hashable, Codable { case top, center, baseline, bottom }

    public var horizontal: Horizontal
    public var vertical: Vertical

    public init(horizontal: Horizontal, vertical: Vertical = .center) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    public static let center = TextAnchor(horizontal: .center, vertical: .center)
    public static let left = TextAnchor(horizontal: .left, vertical: .center)
    public static let right = TextAnchor(horizontal: .right, vertical: .center)
}

/// The measured extent of a piece of text.
public struct TextMetrics: Sendable, Hashable, Codable {
    /// Logical size (advance width × line height(s)).
    public var size: Size
    /// Distance from the top of the logical box to the first line's baseline.
    public var baseline: Double

    public init(size: Size, baseline: Double) {
        self.size = size
        self.baseline = baseline
    }
}
