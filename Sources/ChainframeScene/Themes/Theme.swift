
/// Everything about how frames look: colours, fonts, sizes, shapes, margins, caption band.
///
/// Themes are files in `themes/` (YAML, see `themes/README.md`); `Theme.classroom` is the
/// built-in default, kept identical to `themes/classroom.yaml` by a test.
public struct Theme: Sendable, Equatable {
    /// How one kind of node is drawn.
    public struct NodeStyle: Sendable, Equatable {
        public enum Shape: String, Sendable, Equatable, CaseIterable {
            case box, roundedBox = "rounded-box", ellipse, circle
        }
        public var shape: Shape
        public var fill: RGBA
        public var stroke: RGBA
        public var strokeWidth: Double
        /// Dash pattern of the outline (empty: solid); lets `print` tell kinds apart without colour.
        public var dash: [Double]
        /// Colour of the node's name and formula.
        public var text: RGBA
        /// Corner radius of `rounded-box`.
        public var cornerRadius: Double

        public init(shape: Shape, fill: RGBA, stroke: RGBA, strokeWidth: Double, dash: [Double] = [],
                    text: RGBA, cornerRadius: Double = 10) {
            self.shape = shape
            self.fill = fill
            self.stroke = stroke
            self.strokeWidth = strokeWidth
            self.dash = dash
            self.text = text
            self.cornerRadius = cornerRadius
        }
    }

    /// Font sizes in points (graph sizes scale with the graph; caption sizes are fixed).
    public struct FontSizes: Sendable, Equatable {
        /// A node's name or formula.
        public var node: Double
        /// A node's value.
        public var value: Double
        /// The gradient written beside a node.
        public var gradient: Double
        /// Labels on backward edges.
        public var edgeLabel: Double
        /// The caption band's title (`Backward 3/4`).
        public var captionTitle: Double
        /// The caption band's main equation.
        public var caption: Double
        /// The caption band's further lines.
        public var captionDetail: Double
    }

    /// The strip of text that says where the lecture is.
    public struct CaptionBand: Sendable, Equatable {
        public enum Position: String, Sendable, Equatable, CaseIterable { case top, bottom, none }
        public var position: Position
        public var fill: RGBA
        public var title: RGBA
        public var text: RGBA
        /// Inner padding in points.
        public var padding: Double
    }

    /// Space kept free around the graph, in points of the canvas.
    public struct Margins: Sendable, Equatable {
        public var top: Double
        public var right: Double
        public var bottom: Double
        public var left: Double
    }

    public var name: String
    public var description: String
    public var background: RGBA
    /// Font family list for all text, e.g. `DejaVu Sans, NanumGothic`.
    public var fontFamily: String
    /// The most families `fontFamily` may list.
    public static let maxFontFamilies = 32
    public var fontSizes: FontSizes

    public var input: NodeStyle
    public var constant: NodeStyle
    public var operation: NodeStyle
    public var output: NodeStyle

    /// Values (forward pass) and the forward edges in use.
    public var forward: RGBA
    /// Gradients and the backward flow.
    public var backward: RGBA
    /// Edges not in use, and `?` for values not computed yet.
    public var muted: RGBA
    /// The outline and glow of what the current step is about.
    public var highlight: RGBA
    public var highlightWidth: Double
    /// Opacity of parts not reached yet (quiet, but readable).
    public var pendingOpacity: Double
    /// How long the motion into a step lasts in videos, GIFs and motion frames (milliseconds).
    public var transitionMilliseconds: Double

    public var edgeWidth: Double
    public var arrowSize: Double
    public var backwardWidth: Double
    /// Dash pattern of the backward flow (empty: solid).
    public var backwardDash: [Double]
    /// Background of the chips that hold gradient values and edge labels.
    public var labelFill: RGBA

    public var captionBand: CaptionBand
    public var margins: Margins
    /// Padding inside a node box, in points.
    public var nodePadding: Double
    /// Graphviz `nodesep` and `ranksep`, in points.
    public var nodeSeparation: Double
    public var rankSeparation: Double
}

extension Theme {
    /// The built-in default: light, like lecture slides; forward in blue, backward in red.
    public static let classroom = Theme(
        name: "classroom",
        description: "Light, like lecture slides: forward in blue, backward in red (the default).",
        background: RGBA(hex: "#FFFFFF")!,
        fontFamily: "DejaVu Sans, NanumGothic",
        fontSizes: FontSizes(node: 20, value: 22, gradient: 20, edgeLabel: 18,
                             captionTitle: 22, caption: 32, captionDetail: 28),
        input: NodeStyle(shape: .roundedBox, fill: RGBA(hex: "#EAF1FB")!, stroke: RGBA(hex: "#1F4E9E")!,
                         strokeWidth: 2, text: RGBA(hex: "#1B1B1F")!, cornerRadius: 12),
        constant: NodeStyle(shape: .roundedBox, fill: RGBA(hex: "#F2F2F2")!, stroke: RGBA(hex: "#7A7A7A")!,
                            strokeWidth: 1.5, dash: [5, 4], text: RGBA(hex: "#444444")!, cornerRadius: 12),
        operation: NodeStyle(shape: .roundedBox, fill: RGBA(hex: "#FFFFFF")!, stroke: RGBA(hex: "#1B1B1F")!,
                             strokeWidth: 2, text: RGBA(hex: "#1B1B1F")!, cornerRadius: 4),
        output: NodeStyle(shape: .roundedBox, fill: RGBA(hex: "#FFF6DB")!, stroke: RGBA(hex: "#1B1B1F")!,
                          strokeWidth: 3.5, text: RGBA(hex: "#1B1B1F")!, cornerRadius: 4),
        forward: RGBA(hex: "#1F4E9E")!,
        backward: RGBA(hex: "#C62828")!,
        muted: RGBA(hex: "#A7ADB5")!,
        highlight: RGBA(hex: "#F2A900")!,
        highlightWidth: 5,
        pendingOpacity: 0.45,
        transitionMilliseconds: 500,
        edgeWidth: 2,
        arrowSize: 11,
        backwardWidth: 3,
        backwardDash: [],
        labelFill: RGBA(hex: "#FFFFFFE6")!,
        captionBand: CaptionBand(position: .bottom, fill: RGBA(hex: "#F4F6F9")!, title: RGBA(hex: "#5F6670")!,
                                 text: RGBA(hex: "#1B1B1F")!, padding: 22),
        margins: Margins(top: 60, right: 80, bottom: 40, left: 80),
        nodePadding: 14,
        nodeSeparation: 36,
        rankSeparation: 90
    )

    /// The style of a node kind.
    public func style(for kind: NodeKindStyle) -> NodeStyle {
        switch kind {
        case .input: return input
        case .constant: return constant
        case .operation: return operation
        case .output: return output
        }
    }
}

/// The four kinds of node a theme styles.
public enum NodeKindStyle: String, Sendable, CaseIterable {
    case input, constant, operation, output
}
