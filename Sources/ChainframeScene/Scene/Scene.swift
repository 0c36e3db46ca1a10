
/// One picture as plain data: a closed set of elements in drawing order.
///
/// Every output (PNG, PDF, SVG, text formats) draws or writes the same scene, so no exporter
/// re-implements placement. Coordinates are canvas points, y pointing down.
public struct Scene: Sendable, Hashable {
    public var size: Size
    /// nil for a transparent background.
    public var background: RGBA?
    public var elements: [SceneElement]

    public init(size: Size, background: RGBA?, elements: [SceneElement]) {
        self.size = size
        self.background = background
        self.elements = elements
    }
}

/// What a scene is made of. Renderers `switch` over it exhaustively, so the compiler finds a
/// case a renderer forgot.
public indirect enum SceneElement: Sendable, Hashable {
    /// A filled and/or outlined shape.
    case shape(CanvasShape, fill: RGBA?, stroke: StrokeStyle?, role: Role)
    /// An open path (an edge or a flow).
    case path([PathElement], stroke: StrokeStyle, role: Role)
    /// One line of text.
    case text(TextRun)
    /// Elements drawn together at an opacity (parts not reached yet are quiet).
    case group(opacity: Double, [SceneElement])
    /// The parts that belong to one edge of the graph (its backward flow and label), named by
    /// the nodes it joins, so exporters can keep them together (SVG `data-from`/`data-to`).
    case link(from: String, to: String, [SceneElement])
    /// Elements seen through a window: drawn only inside the rectangle (the focus camera's
    /// view of a large graph).
    case clip(Rect, [SceneElement])

    /// What an element means, for exporters that keep structure (SVG classes, TikZ styles).
    public enum Role: String, Sendable, Hashable {
        case node, highlight, edge, arrowhead, flow, label, band, decoration
        /// The parts of a slope picture (`chainframe slope`).
        case axis, curve, tangent, secant, point
    }
}

/// A line of text with its style and where it goes.
public struct TextRun: Sendable, Hashable {
    public var text: String
    public var font: FontSpec
    public var color: RGBA
    /// The point where `anchor` of the text's box lies.
    public var position: Point
    public var anchor: TextAnchor
    public var role: SceneElement.Role

    public init(text: String, font: FontSpec, color: RGBA, position: Point, anchor: TextAnchor,
                role: SceneElement.Role) {
        self.text = text
        self.font = font
        self.color = color
        self.position = position
        self.anchor = anchor
        self.role = role
    }
}
