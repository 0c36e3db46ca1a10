import Foundation

/// Ease-in-out timing for transitions: slow start, slow end, never a jump.
enum Easing {
    /// The cubic ease-in-out of `t` mapped into `window` (0 before it, 1 after it).
    static func inOut(_ t: Double, in window: ClosedRange<Double>) -> Double {
        let span = window.upperBound - window.lowerBound
        let x = span > 0 ? min(1, max(0, (t - window.lowerBound) / span)) : (t >= window.upperBound ? 1 : 0)
        return x < 0.5 ? 4 * x * x * x : 1 - pow(-2 * x + 2, 3) / 2
    }
}

/// Geometry of moving things: part of a line, an arrowhead carried to a new tip, boxes between
/// two places.
enum MotionPath {
    /// The first `fraction` of a polyline's length.
    static func prefix(of line: [Point], fraction: Double) -> [Point] {
        guard fraction < 1, line.count > 1 else { return line }
        var remaining = Curves.length(line) * max(0, fraction)
        var out = [line[0]]
        for (a, b) in zip(line, line.dropFirst()) {
            let d = Curves.distance(a, b)
            if remaining <= d {
                let t = d > 0 ? remaining / d : 0
                out.append(Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
                return out
            }
            remaining -= d
            out.append(b)
        }
        return out
    }

    /// A polyline as path elements.
    static func elements(_ line: [Point]) -> [PathElement] {
        guard let first = line.first else { return [] }
        return [.move(to: first)] + line.dropFirst().map { .line(to: $0) }
    }

    /// `head` (an arrowhead drawn at the end of `line`) moved and turned to sit at the end of
    /// `part` the same way.
    static func carry(_ head: SceneElement, from line: [Point], to part: [Point]) -> SceneElement {
        guard case .shape(.polygon(let points), let fill, let stroke, let role) = head,
              let end = line.last, let tip = part.last else { return head }
        let from = direction(line), to = direction(part)
        let angle = atan2(to.y, to.x) - atan2(from.y, from.x)
        let c = cos(angle), s = sin(angle)
        let moved = points.map { p -> Point in
            let dx = p.x - end.x, dy = p.y - end.y
            return Point(x: tip.x + dx * c - dy * s, y: tip.y + dx * s + dy * c)
        }
        return .shape(.polygon(moved), fill: fill, stroke: stroke, role: role)
    }

    /// The direction of a polyline's last non-empty segment.
    static func direction(_ line: [Point]) -> Point {
        var i = line.count - 1
        while i > 0 {
            let a = line[i - 1], b = line[i]
            if Curves.distance(a, b) > 1e-6 { return Point(x: b.x - a.x, y: b.y - a.y) }
            i -= 1
        }
        return Point(x: 1, y: 0)
    }

    /// The box `f` of the way from `a` to `b`.
    static func lerp(_ a: Rect, _ b: Rect, _ f: Double) -> Rect {
        Rect(x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f,
             width: a.width + (b.width - a.width) * f, height: a.height + (b.height - a.height) * f)
    }
}
