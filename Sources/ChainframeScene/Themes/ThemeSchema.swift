
/// The layout of a theme file: every key, in canonical order, bound to its place in `Theme`.
///
/// Both the loader (`ThemeFile.load`) and the writer (`ThemeFile.yaml(for:)`) walk this one
/// tree, so the two cannot drift apart; `themes/README.md` documents the same keys.
enum ThemeSchema {
    /// Which numbers a numeric key accepts.
    enum NumberRule {
        /// Sizes and widths: greater than 0.
        case positive
        /// Radii, paddings and margins: 0 or greater.
        case nonNegative
        /// Opacities: from 0 to 1.
        case unit
        /// Font sizes in points: from 2 to 400 (larger text cannot fit a frame, and Pango
        /// refuses sizes in the millions).
        case fontSize
        /// Gaps between nodes and ranks: greater than 0, at most 2 000 points (Graphviz refuses
        /// edges longer than 65 535).
        case separation
    }

    /// A leaf key: what it must look like and where it goes in `Theme`.
    enum Value {
        case text(WritableKeyPath<Theme, String>, allowEmpty: Bool)
        case colour(WritableKeyPath<Theme, RGBA>)
        case number(WritableKeyPath<Theme, Double>, NumberRule)
        case dash(WritableKeyPath<Theme, [Double]>)
        case shape(WritableKeyPath<Theme, Theme.NodeStyle.Shape>)
        case position(WritableKeyPath<Theme, Theme.CaptionBand.Position>)
    }

    /// A key of a theme file: a value, or a group of further keys.
    indirect enum Key {
        case value(Value)
        case group([Entry])
    }

    /// A named key, with the comment the writer puts above it (groups only).
    struct Entry {
        var name: String
        var key: Key
        var comment: String? = nil
    }

    /// The top-level keys of a theme file, in the order the writer emits them.
    ///
    /// `extends` is not listed: it is handled before the schema is applied.
    static var root: [Entry] {
        [
            Entry(name: "name", key: .value(.text(\.name, allowEmpty: false))),
            Entry(name: "description", key: .value(.text(\.description, allowEmpty: true))),
            Entry(name: "background", key: .value(.colour(\.background))),
            Entry(name: "font", key: .group([
                Entry(name: "family", key: .value(.text(\.fontFamily, allowEmpty: false))),
                Entry(name: "sizes", key: .group([
                    size("node", \.node), size("value", \.value), size("gradient", \.gradient),
                    size("edge-label", \.edgeLabel), size("caption-title", \.captionTitle),
                    size("caption", \.caption), size("caption-detail", \.captionDetail),
                ])),
            ]), comment: "Text: a font family list, and sizes in points."),
            Entry(name: "nodes", key: .group([
                nodeStyle("input", \.input), nodeStyle("constant", \.constant),
                nodeStyle("operation", \.operation), nodeStyle("output", \.output),
            ]), comment: "How each kind of node is drawn. Shapes: box, rounded-box, ellipse, circle."),
            Entry(name: "colors", key: .group([
                Entry(name: "forward", key: .value(.colour(\.forward))),
                Entry(name: "backward", key: .value(.colour(\.backward))),
                Entry(name: "muted", key: .value(.colour(\.muted))),
                Entry(name: "highlight", key: .value(.colour(\.highlight))),
                Entry(name: "label-fill", key: .value(.colour(\.labelFill))),
            ]), comment: "Colours of the lecture: values, gradients, unused parts, the current step."),
            Entry(name: "lines", key: .group([
                Entry(name: "edge-width", key: .value(.number(\.edgeWidth, .positive))),
                Entry(name: "arrow-size", key: .value(.number(\.arrowSize, .positive))),
                Entry(name: "backward-width", key: .value(.number(\.backwardWidth, .positive))),
                Entry(name: "backward-dash", key: .value(.dash(\.backwardDash))),
                Entry(name: "highlight-width", key: .value(.number(\.highlightWidth, .positive))),
            ]), comment: "Line widths and dash patterns, in points ([] is a solid line)."),
            Entry(name: "pending-opacity", key: .value(.number(\.pendingOpacity, .unit)),
                  comment: "Opacity of the parts the lecture has not reached yet (0 to 1)."),
            Entry(name: "transition-ms", key: .value(.number(\.transitionMilliseconds, .nonNegative)),
                  comment: "How long the motion into each step lasts in videos (mp4, webm, gif), in milliseconds."),
            Entry(name: "caption-band", key: .group([
                Entry(name: "position", key: .value(.position(\.captionBand.position))),
                Entry(name: "fill", key: .value(.colour(\.captionBand.fill))),
                Entry(name: "title", key: .value(.colour(\.captionBand.title))),
                Entry(name: "text", key: .value(.colour(\.captionBand.text))),
                Entry(name: "padding", key: .value(.number(\.captionBand.padding, .nonNegative))),
            ]), comment: "The strip of text that says where the lecture is: top, bottom or none."),
            Entry(name: "margins", key: .group([
                Entry(name: "top", key: .value(.number(\.margins.top, .nonNegative))),
                Entry(name: "right", key: .value(.number(\.margins.right, .nonNegative))),
                Entry(name: "bottom", key: .value(.number(\.margins.bottom, .nonNegative))),
                Entry(name: "left", key: .value(.number(\.margins.left, .nonNegative))),
            ]), comment: "Space kept free around the graph, in points."),
            Entry(name: "spacing", key: .group([
                Entry(name: "node-padding", key: .value(.number(\.nodePadding, .nonNegative))),
                Entry(name: "node-separation", key: .value(.number(\.nodeSeparation, .separation))),
                Entry(name: "rank-separation", key: .value(.number(\.rankSeparation, .separation))),
            ]), comment: "Room inside nodes, between nodes of a rank, and between ranks, in points."),
        ]
    }

    private static func size(_ name: String, _ path: WritableKeyPath<Theme.FontSizes, Double>) -> Entry {
        let sizes: WritableKeyPath<Theme, Theme.FontSizes> = \.fontSizes
        return Entry(name: name, key: .value(.number(sizes.appending(path: path), .fontSize)))
    }

    private static func nodeStyle(_ name: String, _ style: WritableKeyPath<Theme, Theme.NodeStyle>) -> Entry {
        func at<T>(_ path: WritableKeyPath<Theme.NodeStyle, T>) -> WritableKeyPath<Theme, T> {
            style.appending(path: path)
        }
        return Entry(name: name, key: .group([
            Entry(name: "shape", key: .value(.shape(at(\.shape)))),
            Entry(name: "fill", key: .value(.colour(at(\.fill)))),
            Entry(name: "stroke", key: .value(.colour(at(\.stroke)))),
            Entry(name: "stroke-width", key: .value(.number(at(\.strokeWidth), .positive))),
            Entry(name: "dash", key: .value(.dash(at(\.dash)))),
            Entry(name: "text", key: .value(.colour(at(\.text)))),
            Entry(name: "corner-radius", key: .value(.number(at(\.cornerRadius), .nonNegative))),
        ]))
    }
}

extension ThemeSchema.Key {
    /// What a value of this key must be, as a message says it: `a colour "#RRGGBB" or …`.
    var expected: String {
        switch self {
        case .group(let entries):
            return "a mapping with the keys " + ThemeWording.list(entries.map(\.name))
        case .value(let value):
            switch value {
            case .text(_, let allowEmpty): return allowEmpty ? "text" : "non-empty text"
            case .colour: return "a colour \"#RRGGBB\" or \"#RRGGBBAA\""
            case .number(_, let rule): return rule.expected
            case .dash: return "a list of numbers 0 or greater, such as [6, 4] ([] for a solid line)"
            case .shape:
                return "one of " + ThemeWording.list(Theme.NodeStyle.Shape.allCases.map(\.rawValue))
            case .position:
                return "one of " + ThemeWording.list(Theme.CaptionBand.Position.allCases.map(\.rawValue))
            }
        }
    }
}

extension ThemeSchema.NumberRule {
    /// `a number greater than 0`, …
    var expected: String {
        switch self {
        case .positive: return "a number greater than 0"
        case .nonNegative: return "a number 0 or greater"
        case .unit: return "a number from 0 to 1"
        case .fontSize: return "a font size from 2 to 400 points"
        case .separation: return "a number greater than 0 and at most 2000"
        }
    }

    /// Whether `x` is allowed.
    func accepts(_ x: Double) -> Bool {
        switch self {
        case .positive: return x > 0
        case .nonNegative: return x >= 0
        case .unit: return x >= 0 && x <= 1
        case .fontSize: return x >= 2 && x <= 400
        case .separation: return x > 0 && x <= 2000
        }
    }
}
