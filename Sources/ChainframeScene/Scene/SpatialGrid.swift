/// Items bucketed by the square cells their boxes touch, for near-neighbour questions that
/// stay fast on graphs with thousands of nodes (label placement asks thousands of them).
///
/// Cells inside `area` (given when the grid is made) are an array indexed by column and row;
/// cells outside it, where few items fall, a dictionary. Either way an item is found in every
/// cell its box touches, so the answers do not depend on `area`. A box (item or question)
/// 4 096 cells or more across is ignored: no chip or line of a canvas comes near that.
struct SpatialGrid {
    let cell: Double
    private(set) var boxes: [Rect] = []
    /// Each item's first column and row (where a query reports it from, see `forEach`).
    private var firstCells: [(x: Int64, y: Int64)] = []
    /// The dense part: columns `origin.x ..< origin.x + columns`, rows likewise, row by row.
    private let origin: (x: Int64, y: Int64)
    private let columns: Int64, rows: Int64
    private var dense: [[Int]]
    private var sparse: [Int64: [Int]] = [:]

    /// A grid of square cells `cell` wide, stored densely over `area`.
    init(cell: Double, area: Rect) {
        self.cell = max(cell, 1)
        let x0 = Self.index(area.minX, cell: self.cell), y0 = Self.index(area.minY, cell: self.cell)
        let columns = area.width > 0 ? min(Self.index(area.maxX, cell: self.cell) - x0 + 1, 1024) : 0
        let rows = area.height > 0 ? min(Self.index(area.maxY, cell: self.cell) - y0 + 1, 1024) : 0
        origin = (x0, y0)
        self.columns = columns
        self.rows = rows
        dense = Array(repeating: [], count: Int(columns * rows))
    }

    /// Adds an item with bounding box `box`; returns its index.
    @discardableResult
    mutating func insert(_ box: Rect) -> Int {
        let item = boxes.count
        boxes.append(box)
        firstCells.append((index(box.minX), index(box.minY)))
        guard let cells = cells(box) else { return item }
        for x in cells.x {
            for y in cells.y {
                if let slot = denseSlot(x, y) {
                    dense[slot].append(item)
                } else {
                    sparse[Self.sparseKey(x, y), default: []].append(item)
                }
            }
        }
        return item
    }

    /// Calls `body` with the index of every item whose box intersects `box`, each once.
    ///
    /// An item in several of the cells visited is reported from the first of them only: the
    /// cell at the larger of its own and the query's first column and row (no set of seen
    /// items to fill for each of the thousands of questions label placement asks).
    func forEach(intersecting box: Rect, _ body: (Int) -> Void) {
        guard let cells = cells(box) else { return }
        for x in cells.x {
            for y in cells.y {
                let bucket = denseSlot(x, y).map { dense[$0] } ?? sparse[Self.sparseKey(x, y)] ?? []
                for item in bucket {
                    let first = firstCells[item]
                    guard max(first.x, cells.x.lowerBound) == x, max(first.y, cells.y.lowerBound) == y,
                          boxes[item].intersects(box) else { continue }
                    body(item)
                }
            }
        }
    }

    /// The columns and rows of the cells `box` touches; nil when it spans 4 096 or more.
    private func cells(_ box: Rect) -> (x: ClosedRange<Int64>, y: ClosedRange<Int64>)? {
        let x0 = index(box.minX), x1 = index(box.maxX)
        let y0 = index(box.minY), y1 = index(box.maxY)
        guard x1 - x0 < 4096, y1 - y0 < 4096 else { return nil }
        return (x0...x1, y0...y1)
    }

    /// The column (or row) of the cells that coordinate `value` falls in.
    private func index(_ value: Double) -> Int64 {
        Self.index(value, cell: cell)
    }

    private static func index(_ value: Double, cell: Double) -> Int64 {
        Int64((value / cell).rounded(.down))
    }

    /// The dictionary key of cell (`x`, `y`) outside the dense part.
    private static func sparseKey(_ x: Int64, _ y: Int64) -> Int64 {
        x &* 1_000_003 &+ y
    }

    /// Where cell (`x`, `y`) is in `dense`, or nil outside the dense part.
    private func denseSlot(_ x: Int64, _ y: Int64) -> Int? {
        let column = x - origin.x, row = y - origin.y
        guard column >= 0, column < columns, row >= 0, row < rows else { return nil }
        return Int(row * columns + column)
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
