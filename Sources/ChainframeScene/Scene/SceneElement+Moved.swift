
extension SceneElement {
    /// The element moved by `offset` (the focus camera slides the graph under its window).
    func moved(by offset: Point) -> SceneElement {
        let move = { (p: Point) in Point(x: p.x + offset.x, y: p.y + offset.y) }
        switch self {
        case .shape(let shape, let fill, let stroke, let role):
            return .shape(shape.moved(by: offset), fill: fill, stroke: stroke, role: role)
        case .path(let elements, let stroke, let role):
            return .path(elements.map { $0.moved(by: offset) }, stroke: stroke, role: role)
        case .text(var run):
            run.position = move(run.position)
            return .text(run)
        case .group(let opacity, let children):
            return .group(opacity: opacity, children.map { $0.moved(by: offset) })
        case .link(let from, let to, let children):
            return .link(from: from, to: to, children.map { $0.moved(by: offset) })
        case .clip(let rect, let children):
            return .clip(rect.offsetBy(dx: offset.x, dy: offset.y), children.map { $0.moved(by: offset) })
        }
    }
}

extension CanvasShape {
    func moved(by offset: Point) -> CanvasShape {
        let move = { (p: Point) in Point(x: p.x + offset.x, y: p.y + offset.y) }
        switch self {
        case .rect(let r): return .rect(r.offsetBy(dx: offset.x, dy: offset.y))
        case .roundedRect(let r, let radius): return .roundedRect(r.offsetBy(dx: offset.x, dy: offset.y), radius: radius)
        case .ellipse(let r): return .ellipse(r.offsetBy(dx: offset.x, dy: offset.y))
        case .circle(let center, let radius): return .circle(center: move(center), radius: radius)
        case .polygon(let points): return .polygon(points.map(move))
        case .path(let elements): return .path(elements.map { $0.moved(by: offset) })
        }
    }
}

extension PathElement {
    func moved(by offset: Point) -> PathElement {
        let move = { (p: Point) in Point(x: p.x + offset.x, y: p.y + offset.y) }
        switch self {
        case .move(let p): return .move(to: move(p))
        case .line(let p): return .line(to: move(p))
        case .cubic(let c1, let c2, let p): return .cubic(control1: move(c1), control2: move(c2), to: move(p))
        case .close: return .close
        }
    }
}

extension SceneElement {
    /// A box around the element's geometry (text by its anchor point only), nil when empty.
    var bounds: Rect? {
        func box(_ points: [Point]) -> Rect? {
            guard let first = points.first else { return nil }
            var r = Rect(x: first.x, y: first.y, width: 0, height: 0)
            for p in points.dropFirst() { r = r.union(Rect(x: p.x, y: p.y, width: 0, height: 0)) }
            return r
        }
        switch self {
        case .shape(let shape, _, _, _):
            switch shape {
            case .rect(let r), .roundedRect(let r, _), .ellipse(let r): return r
            case .circle(let c, let radius): return Rect(x: c.x - radius, y: c.y - radius, width: 2 * radius, height: 2 * radius)
            case .polygon(let points): return box(points)
            case .path(let elements): return box(elements.flatMap(\.points))
            }
        case .path(let elements, _, _): return box(elements.flatMap(\.points))
        case .text(let run): return Rect(x: run.position.x - 1, y: run.position.y - 1, width: 2, height: 2)
        case .group(_, let children), .link(_, _, let children), .clip(_, let children):
            return children.compactMap(\.bounds).reduce(nil) { (sum: Rect?, next: Rect) in sum.map { $0.union(next) } ?? next }
        }
    }
}
