
/// Curve helpers for edges: sampling Graphviz's Bézier chains, offsetting, arrowheads.
enum Curves {
    /// Points along a Bézier chain (p0, then triples), `perSegment` samples per cubic.
    static func sample(_ points: [Point], perSegment: Int = 16) -> [Point] {
        guard let first = points.first else { return [] }
        var out = [first]
        var i = 1
        while i + 2 < points.count {
            let p0 = points[i - 1], c1 = points[i], c2 = points[i + 1], p3 = points[i + 2]
            for k in 1...perSegment {
                let t = Double(k) / Double(perSegment), u = 1 - t
                let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                out.append(Point(x: a * p0.x + b * c1.x + c * c2.x + d * p3.x,
                                 y: a * p0.y + b * c1.y + c * c2.y + d * p3.y))
            }
            i += 3
        }
        return out
    }

    /// The unit normal to the left of the direction from `a` to `b` (y pointing down).
    static func normal(_ a: Point, _ b: Point) -> Point {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
        return Point(x: dy / length, y: -dx / length)
    }

    /// The polyline moved sideways by `distance` (to the left of its direction).
    static func offset(_ line: [Point], by distance: Double) -> [Point] {
        guard line.count > 1 else { return line }
        return line.indices.map { i in
            let a = line[max(0, i - 1)], b = line[min(line.count - 1, i + 1)]
            let n = normal(a, b)
            return Point(x: line[i].x + n.x * distance, y: line[i].y + n.y * distance)
        }
    }

    /// Total length of a polyline.
    static func length(_ line: [Point]) -> Double {
        zip(line, line.dropFirst()).reduce(0) { $0 + distance($1.0, $1.1) }
    }

    static func distance(_ a: Point, _ b: Point) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    /// The point at `fraction` of the polyline's length, with the direction there.
    static func point(at fraction: Double, of line: [Point]) -> (point: Point, normal: Point) {
        let total = length(line)
        var remaining = total * fraction
        for (a, b) in zip(line, line.dropFirst()) {
            let d = distance(a, b)
            if remaining <= d && d > 0 {
                let t = remaining / d
                return (Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t), normal(a, b))
            }
            remaining -= d
        }
        let n = line.count > 1 ? normal(line[line.count - 2], line[line.count - 1]) : Point(x: 0, y: -1)
        return (line.last ?? Point(x: 0, y: 0), n)
    }

    /// The polyline shortened by `amount` at its end (to leave room for an arrowhead).
    static func trimEnd(_ line: [Point], by amount: Double) -> [Point] {
        var out = line
        var remaining = amount
        while out.count > 1 {
            let a = out[out.count - 2], b = out[out.count - 1]
            let d = distance(a, b)
            if d > remaining {
                let t = (d - remaining) / d
                out[out.count - 1] = Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
                return out
            }
            remaining -= d
            out.removeLast()
        }
        return out
    }

    /// A triangular arrowhead with its tip at `tip`, pointing away from `from`.
    static func arrowhead(tip: Point, from: Point, size: Double) -> [Point] {
        let dx = tip.x - from.x, dy = tip.y - from.y
        let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
        let ux = dx / length, uy = dy / length
        let base = Point(x: tip.x - ux * size, y: tip.y - uy * size)
        let half = size * 0.42
        return [tip, Point(x: base.x - uy * half, y: base.y + ux * half), Point(x: base.x + uy * half, y: base.y - ux * half)]
    }
}
