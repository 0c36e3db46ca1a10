
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
        forEachCell(box) { key, _, _ in keys.append(key) }
        for key in keys { buckets[key, default: []].append(index) }
        return index
    }

    /// Indices of the items whose boxes intersect `box` (each once).
    ///
    /// An item in several of the cells visited is reported from the first of them only: the
    /// cell at the larger of its own and the query's first column and row (no set of seen
    /// items to fill for each of the thousands of questions label placement asks).
    func query(_ box: Rect) -> [Int] {
        var found: [Int] = []
        let queryStart = (x: index(box.minX), y: index(box.minY))
        forEachCell(box) { key, x, y in
            for item in buckets[key] ?? [] {
                let own = boxes[item]
                guard max(index(own.minX), queryStart.x) == x, max(index(own.minY), queryStart.y) == y,
                      own.intersects(box) else { continue }
                found.append(item)
            }
        }
        return found
    }

    /// The column (or row) of the cells that coordinate `value` falls in.
    private func index(_ value: Double) -> Int64 {
        Int64((value / cell).rounded(.down))
    }

    private func forEachCell(_ box: Rect, _ body: (_ key: Int64, _ x: Int64, _ y: Int64) -> Void) {
        let x0 = index(box.minX), x1 = index(box.maxX)
        let y0 = index(box.minY), y1 = index(box.maxY)
        guard x1 - x0 < 4096, y1 - y0 < 4096 else { return }
        for x in x0...x1 {
            for y in y0...y1 { body(x &* 1_000_003 &+ y, x, y) }
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
        // Corners in order around the box, as a tuple: no array to allocate on this hot path.
        let corners = (Point(x: minX, y: minY), Point(x: maxX, y: minY), Point(x: maxX, y: maxY), Point(x: minX, y: maxY))
        if Curves.segmentsCross(a, b, corners.0, corners.1) || Curves.segmentsCross(a, b, corners.1, corners.2)
            || Curves.segmentsCross(a, b, corners.2, corners.3) || Curves.segmentsCross(a, b, corners.3, corners.0) {
            return 0
        }
        var best = Double.infinity
        best = min(best, Curves.distance(corners.0, toSegment: a, b))
        best = min(best, Curves.distance(corners.1, toSegment: a, b))
        best = min(best, Curves.distance(corners.2, toSegment: a, b))
        best = min(best, Curves.distance(corners.3, toSegment: a, b))
        func pointDistance(_ p: Point) -> Double {
            let dx = max(0, max(minX - p.x, p.x - maxX)), dy = max(0, max(minY - p.y, p.y - maxY))
            return (dx * dx + dy * dy).squareRoot()
        }
        best = min(best, pointDistance(a))
        return min(best, pointDistance(b))
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
