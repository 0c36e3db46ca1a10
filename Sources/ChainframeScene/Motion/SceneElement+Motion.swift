
extension SceneElement {
    /// The element's role (texts carry theirs in the run); nil for groups.
    var role: Role? {
        switch self {
        case .shape(_, _, _, let role), .path(_, _, let role): return role
        case .text(let run): return run.role
        case .group, .link, .clip: return nil
        }
    }

    /// The box of a rectangle, rounded rectangle or ellipse shape.
    var box: Rect? {
        guard case .shape(let shape, _, _, _) = self else { return nil }
        switch shape {
        case .rect(let r), .roundedRect(let r, _), .ellipse(let r): return r
        case .circle, .polygon, .path: return nil
        }
    }

    /// The element with its style removed, to find the same thing restyled.
    var geometry: SceneElement? {
        let clear = RGBA(r: 0, g: 0, b: 0, a: 0)
        switch self {
        case .shape(let shape, _, _, let role): return .shape(shape, fill: nil, stroke: nil, role: role)
        case .path(let elements, _, let role): return .path(elements, stroke: StrokeStyle(width: 0, color: clear), role: role)
        case .text(let run):
            // The same words at the same place, in another weight or colour (a label no longer bold).
            return .text(TextRun(text: run.text, font: FontSpec(), color: clear, position: run.position,
                                 anchor: run.anchor, role: run.role))
        case .group, .link, .clip: return nil
        }
    }

    /// The same shape moved into `rect` (rectangles, rounded rectangles and ellipses).
    func withBox(_ rect: Rect) -> SceneElement {
        guard case .shape(let shape, let fill, let stroke, let role) = self else { return self }
        switch shape {
        case .rect: return .shape(.rect(rect), fill: fill, stroke: stroke, role: role)
        case .roundedRect(_, let radius):
            return .shape(.roundedRect(rect, radius: min(radius, rect.width / 2, rect.height / 2)), fill: fill, stroke: stroke, role: role)
        case .ellipse: return .shape(.ellipse(rect), fill: fill, stroke: stroke, role: role)
        case .circle, .polygon, .path: return self
        }
    }

    /// The centre of a text's anchor point or of a box-shaped shape.
    var center: Point? {
        if case .text(let run) = self { return run.position }
        return box?.center
    }

    /// Whether `other` is the same kind of thing at about the same size (for texts: the same words).
    func isLike(_ other: SceneElement) -> Bool {
        switch (self, other) {
        case (.text(let a), .text(let b)):
            return a.text == b.text
        default:
            guard let a = box, let b = other.box, b.width > 0, b.height > 0 else { return false }
            return (0.7...1.4).contains(a.width / b.width) && (0.7...1.4).contains(a.height / b.height)
        }
    }
}
