import Testing
import ChainframeGraphics
import ChainframeScene

/// Many layouts in one process, as `batch` and `watch` run them.
///
/// Graphviz 2.42's `decompose` marks visited nodes with a process-wide counter that wraps from
/// 255 to 1. A layout with the inputs pinned to the first rank (`.min`) and another source
/// beside them (a constant) calls it three times, one without pinning twice; when the pinned
/// layout's second call met the wrap, dot found no components and crashed with SIGSEGV in
/// `dot_mincross` (the render fuzzer's crash, only after many layouts). A round of one pinned
/// and two plain layouts advances the counter by 7, which shares no factor with 255, so 255
/// rounds meet the wrap at every call of every layout, whatever ran before in the process
/// (run alone; other tests' layouts in between only shift the phases further).
@Suite struct ManyLayoutsTests {
    /// The lecture's graph with its inputs pinned to the first rank and the constant 3 of
    /// `J = 3 * v` as a node of its own: a source outside the pinned group.
    static func pinnedRequest() -> LayoutRequest {
        var request = exampleRequest()
        request.nodes.append(LayoutNode(id: "three", width: 40, height: 30))
        request.edges.append(LayoutEdge(id: "three->J", from: "three", to: "J"))
        request.rankGroups = [LayoutRequest.RankGroup(.min, ["a", "b", "c"])]
        return request
    }

    @Test func pinnedAndPlainLayoutsAlternateThroughEveryPhase() throws {
        let pinned = Self.pinnedRequest(), plain = exampleRequest(.topToBottom)
        let firstPinned = try GraphvizLayout.layout(pinned).layout
        let firstPlain = try GraphvizLayout.layout(plain).layout
        // The pinned inputs share the first rank, left of every other node.
        let inputs = try ["a", "b", "c"].map { try #require(firstPinned.nodes[$0]) }
        let others = firstPinned.nodes.filter { !["a", "b", "c"].contains($0.key) }.values
        #expect(Set(inputs.map(\.midX)).count == 1)
        #expect(others.allSatisfy { $0.minX > inputs[0].maxX })

        var differing = 0
        for _ in 0..<255 {
            if try GraphvizLayout.layout(pinned).layout != firstPinned { differing += 1 }
            for _ in 0..<2 where try GraphvizLayout.layout(plain).layout != firstPlain { differing += 1 }
        }
        #expect(differing == 0)
    }
}
