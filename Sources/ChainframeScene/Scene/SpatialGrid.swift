
/// Items bucketed by the square cells their boxes touch, for near-neighbour questions that
/// stay fast on graphs with thousands of nodes (label placement asks thousands of them).
struct SpatialGrid {
    let cell: Double
    private var buckets: [Int64: [Int]] = [:]
    private(set) var boxes: [Rect] = []

    init(cell: Double) {
        self.cell = max(cell, 1)
    }

    /// Adds an item with bounding box `box`; returns its index.
    @discardableResult
    mutating func insert(_ box: Rect) -> Int {
        let index = boxes.count
        boxes.append(box)
        // Keys first: mutating the buckets from inside a call on `self` would copy them each time.
        var keys: [Int64] = []
        forEachCell(box) { keys.append($0) }
        for key in keys { buckets[key, default: []].append(index) }
        return index
    }

    /// Indices of the items whose boxes intersect `box` (each once).
    func query(_ box: Rect) -> [Int] {
        var found: [Int] = []
        var seen = Set<Int>()
        forEachCell(box) { key in
            for index in buckets[key] ?? [] where seen.insert(index).inserted && boxes[index].intersects(box) {
                found.append(index)
            }
        }
        return found
    }

    private func forEachCell(_ box: Rect, _ body: (Int64) -> Void) {
        let x0 = Int64((box.minX / cell).rounded(.down)), x1 = Int64((box.maxX / cell).rounded(.down))
        let y0 = Int64((box.minY / cell).rounded(.down)), y1 = Int64((box.maxY / cell).rounded(.down))
        guard x1 - x0 < 4096, y1 - y0 < 4096 else { return }
        for x in x0...x1 {
            for y in y0...y1 { body(x &* 1_000_003 &+ y) }
        }
    }
}

extension Rect {
    /// Whether the two boxes overlap (touching edges do not count).
    func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// The shortest distance between the two boxes (0 when they overlap).
    func distance(to other: Rect) -> Double {
        let dx = max(0, max(other.minX - maxX, minX - other.maxX))
        let dy = max(0, max(other.minY - maxY, minY - other.maxY))
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The shortest distance from the box to the segment `a`–`b` (0 when they cross).
    func distance(toSegment a: Point, _ b: Point) -> Double {
        if contains(a) || contains(b) { return 0 }
        let corners = [Point(x: minX, y: minY), Point(x: maxX, y: minY), Point(x: maxX, y: maxY), Point(x: minX, y: maxY)]
        for i in 0..<4 where Curves.segmentsCross(a, b, corners[i], corners[(i + 1) % 4]) { return 0 }
        var best = Double.infinity
        for corner in corners { best = min(best, Curves.distance(corner, toSegment: a, b)) }
        for p in [a, b] {
            let dx = max(0, max(minX - p.x, p.x - maxX)), dy = max(0, max(minY - p.y, p.y - maxY))
            best = min(best, (dx * dx + dy * dy).squareRoot())
        }
        return best
    }
}

extension Curves {
    /// The distance from `p` to the segment `a`–`b`.
    static func distance(_ p: Point, toSegment a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        let t = length2 > 0 ? max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0
        return distance(p, Point(x: a.x + t * dx, y: a.y + t * dy))
    }

    /// Whether segments `a`–`b` and `c`–`d` cross.
    static func segmentsCross(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Bool {
        func side(_ p: Point, _ q: Point, _ r: Point) -> Double { (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x) }
        let d1 = side(c, d, a), d2 = side(c, d, b), d3 = side(a, b, c), d4 = side(a, b, d)
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
    }

    /// The distance from `p` to the polyline.
    static func distance(_ p: Point, toPolyline line: [Point]) -> Double {
        guard line.count > 1 else { return line.first.map { distance(p, $0) } ?? .infinity }
        var best = Double.infinity
        for (a, b) in zip(line, line.dropFirst()) { best = min(best, distance(p, toSegment: a, b)) }
        return best
    }
}
