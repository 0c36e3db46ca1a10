import Testing
import ChainframeGraphics
import ChainframeScene

/// The chain-rule example a=5, b=3, c=2, u=b*c, v=a+u, J=3*v.
func exampleRequest(_ direction: RankDirection = .leftToRight) -> LayoutRequest {
    let nodes = [
        LayoutNode(id: "a", width: 60, height: 30, shape: .roundedBox),
        LayoutNode(id: "b", width: 60, height: 30, shape: .roundedBox),
        LayoutNode(id: "c", width: 60, height: 30, shape: .roundedBox),
        LayoutNode(id: "u", width: 70.5, height: 36.25, shape: .ellipse),
        LayoutNode(id: "v", width: 44, height: 44, shape: .circle),
        LayoutNode(id: "J", width: 80, height: 40, shape: .box),
    ]
    let edges = [("a", "v"), ("b", "u"), ("c", "u"), ("u", "v"), ("v", "J")].map {
        LayoutEdge(id: "\($0)->\($1)", from: $0, to: $1)
    }
    return LayoutRequest(nodes: nodes, edges: edges, rankDirection: direction)
}

/// A layered, MLP-like graph: `layers` ranks of `width` nodes, each node feeding two in the next rank.
func layeredRequest(layers: Int, width: Int) -> LayoutRequest {
    var nodes: [LayoutNode] = [], edges: [LayoutEdge] = []
    for layer in 0..<layers {
        for i in 0..<width {
            nodes.append(LayoutNode(id: "L\(layer).\(i)", width: 50, height: 24))
            guard layer > 0 else { continue }
            for source in width > 1 ? [i, (i + 1) % width] : [i] {
                edges.append(LayoutEdge(id: "e\(edges.count)", from: "L\(layer - 1).\(source)", to: "L\(layer).\(i)"))
            }
        }
    }
    return LayoutRequest(nodes: nodes, edges: edges)
}

@Suite struct GraphvizLayoutTests {
    @Test func leftToRightPutsInputsLeftOfOutput() throws {
        let (layout, warnings) = try GraphvizLayout.layout(exampleRequest())
        #expect(warnings.isEmpty)
        let j = try #require(layout.nodes["J"])
        for input in ["a", "b", "c"] {
            let box = try #require(layout.nodes[input])
            #expect(box.maxX < j.minX)
        }
        #expect(layout.boundingBox.origin == .zero)
        for box in layout.nodes.values {
            #expect(box.minX >= -0.5 && box.maxX <= layout.boundingBox.maxX + 0.5)
            #expect(box.minY >= -0.5 && box.maxY <= layout.boundingBox.maxY + 0.5)
        }
    }

    @Test func nodeBoxesHaveRequestedSizes() throws {
        let request = exampleRequest()
        let layout = try GraphvizLayout.layout(request).layout
        for node in request.nodes {
            let box = try #require(layout.nodes[node.id])
            #expect(box.width == node.width && box.height == node.height)
        }
    }

    @Test func circlesUseTheLargerSide() throws {
        let nodes = [LayoutNode(id: "o", width: 60, height: 40, shape: .circle), LayoutNode(id: "p", width: 30, height: 30)]
        let layout = try GraphvizLayout.layout(LayoutRequest(nodes: nodes, edges: [LayoutEdge(id: "e", from: "o", to: "p")])).layout
        #expect(layout.nodes["o"]?.size == Size(width: 60, height: 60))
    }

    @Test func edgesAreBezierChainsEndingAtArrowheads() throws {
        let request = exampleRequest()
        let layout = try GraphvizLayout.layout(request).layout
        #expect(layout.edges.map(\.id) == request.edges.map(\.id))
        for edge in layout.edges {
            #expect(edge.points.count >= 4)
            #expect((edge.points.count - 1) % 3 == 0)
            let head = try #require(layout.nodes[edge.to])
            let tip = try #require(edge.arrowTip)
            #expect(head.insetBy(dx: -2, dy: -2).contains(tip))
            let tail = try #require(layout.nodes[edge.from])
            #expect(tail.insetBy(dx: -2, dy: -2).contains(edge.points[0]))
        }
    }

    @Test func topToBottomPutsInputsAboveOutput() throws {
        let layout = try GraphvizLayout.layout(exampleRequest(.topToBottom)).layout
        let j = try #require(layout.nodes["J"])
        for input in ["a", "b", "c"] {
            #expect(try #require(layout.nodes[input]).maxY < j.minY)
        }
    }

    @Test func unicodeIdsMapBack() throws {
        let ids = ["사과", "x.1", "a#b", "∂J/∂a", "\"quoted\" -> {x}", ""]
        let nodes = ids.map { LayoutNode(id: $0, width: 40, height: 20) }
        let edges = zip(ids, ids.dropFirst()).map { LayoutEdge(id: "\($0)→\($1)", from: $0, to: $1) }
        let layout = try GraphvizLayout.layout(LayoutRequest(nodes: nodes, edges: edges)).layout
        #expect(Set(layout.nodes.keys) == Set(ids))
        #expect(layout.edges.map(\.from) == Array(ids.dropLast()))
    }

    @Test func layoutIsDeterministic() throws {
        let request = layeredRequest(layers: 6, width: 5)
        let first = try GraphvizLayout.layout(request).layout
        let second = try GraphvizLayout.layout(request).layout
        #expect(first == second)
    }

    @Test func concurrentLayoutsAreSerialized() async throws {
        let expected = try GraphvizLayout.layout(layeredRequest(layers: 5, width: 4)).layout
        let results = try await withThrowingTaskGroup(of: GraphLayout.self) { group in
            for _ in 0..<24 {
                group.addTask { try GraphvizLayout.layout(layeredRequest(layers: 5, width: 4)).layout }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 24)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func largeGraphLaysOut() throws {
        let request = layeredRequest(layers: 30, width: 10)
        let layout = try GraphvizLayout.layout(request).layout
        #expect(layout.nodes.count == 300)
        #expect(layout.edges.allSatisfy { $0.points.count >= 4 })
    }

    @Test func graphvizWarningsAreReturned() throws {
        var request = exampleRequest()
        request.graphAttributes = ["splines": "bogus"]
        let (_, warnings) = try GraphvizLayout.layout(request)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("splines") == true)
    }

    @Test func graphvizErrorsAreThrown() throws {
        var request = exampleRequest()
        request.graphAttributes = ["ordering": "bogus"]
        #expect {
            try GraphvizLayout.layout(request)
        } throws: { error in
            guard case LayoutError.graphviz(let message) = error else { return false }
            return message.contains("ordering")
        }
        // The lock and message capture recover: the next layout is clean.
        #expect(try GraphvizLayout.layout(exampleRequest()).warnings.isEmpty)
    }

    @Test func invalidRequestsAreRejected() {
        let node = LayoutNode(id: "a", width: 10, height: 10)
        #expect(throws: LayoutError.self) {
            try GraphvizLayout.layout(LayoutRequest(nodes: [node, node], edges: []))
        }
        #expect(throws: LayoutError.self) {
            try GraphvizLayout.layout(LayoutRequest(nodes: [node], edges: [LayoutEdge(id: "e", from: "a", to: "zz")]))
        }
    }

    @Test func emptyGraphHasEmptyLayout() throws {
        let layout = try GraphvizLayout.layout(LayoutRequest(nodes: [], edges: [])).layout
        #expect(layout.nodes.isEmpty && layout.edges.isEmpty)
    }
}
