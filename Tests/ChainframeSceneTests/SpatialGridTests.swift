@testable import ChainframeScene
import Testing

/// `SpatialGrid` answers exactly what testing every box would, whether a box's cells lie in
/// the dense part of the grid, outside it, or both.
@Suite struct SpatialGridTests {
    /// A small deterministic generator (the same boxes on every run).
    struct Numbers {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        mutating func next(_ range: ClosedRange<Double>) -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Double(state >> 11) / Double(1 << 53) * (range.upperBound - range.lowerBound)
        }
        mutating func box() -> Rect {
            Rect(x: next(-300...1300), y: next(-300...1300), width: next(0...250), height: next(0...250))
        }
    }

    @Test(arguments: [Rect(x: 0, y: 0, width: 1000, height: 1000), Rect(x: 200, y: 100, width: 300, height: 500),
                      Rect(x: 0, y: 0, width: 0, height: 0)])
    func answersAsTestingEveryBox(area: Rect) {
        var numbers = Numbers()
        var grid = SpatialGrid(cell: 60, area: area)
        var boxes: [Rect] = []
        for _ in 0..<400 {
            let box = numbers.box()
            #expect(grid.insert(box) == boxes.count)
            boxes.append(box)
        }
        for _ in 0..<400 {
            let question = numbers.box()
            let expected = boxes.indices.filter { boxes[$0].intersects(question) }
            var found: [Int] = []
            grid.forEach(intersecting: question) { found.append($0) }
            #expect(found.sorted() == expected, "query \(question)")
            #expect(Set(found).count == found.count, "each item once")
        }
    }
}
