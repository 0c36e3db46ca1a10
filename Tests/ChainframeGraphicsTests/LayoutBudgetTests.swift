import Testing
@testable import ChainframeGraphics
import ChainframeScene

/// Shapes that cost `dot` quadratic work: long edges are drawn as arcs instead.
@Suite struct LayoutBudgetTests {
    /// `x1 = a * a`, `xᵢ = xᵢ₋₁ * a`: the shared input `a` reaches every rank.
    static func sharedInputChain(_ steps: Int, direction: RankDirection = .leftToRight) -> LayoutRequest {
        var nodes = [LayoutNode(id: "a", width: 60, height: 30)]
        var edges = [LayoutEdge(id: "a-x1", from: "a", to: "x1"), LayoutEdge(id: "a-x1'", from: "a", to: "x1")]
        for i in 1...steps {
            nodes.append(LayoutNode(id: "x\(i)", width: 60, height: 30))
            if i > 1 {
                edges.append(LayoutEdge(id: "x\(i - 1)-x\(i)", from: "x\(i - 1)", to: "x\(i)"))
                edges.append(LayoutEdge(id: "a-x\(i)", from: "a", to: "x\(i)"))
            }
        }
        var request = LayoutRequest(nodes: nodes, edges: edges, rankDirection: direction)
        request.rankGroups = [.init(.min, ["a"])]
        return request
    }

    @Test func smallGraphsGoToGraphvizWhole() {
        let request = Self.sharedInputChain(40)
        let index = Dictionary(uniqueKeysWithValues: request.nodes.enumerated().map { ($1.id, $0) })
        #expect(LayoutBudget.plan(request, nodeIndex: index).arcs.isEmpty)
    }

    @Test func longEdgesBecomeArcsWithinTheBudget() {
        let request = Self.sharedInputChain(500)
        let index = Dictionary(uniqueKeysWithValues: request.nodes.enumerated().map { ($1.id, $0) })
        let ranks = LayoutBudget.estimatedRanks(request, nodeIndex: index)
        #expect(ranks[index["a"]!] == 0 && ranks[index["x500"]!] == 500)
        let plan = LayoutBudget.plan(request, nodeIndex: index)
        #expect(!plan.arcs.isEmpty)
        #expect(plan.arcs.allSatisfy { request.edges[$0].from == "a" })
        let virtual = plan.request.edges.map { edge in ranks[index[edge.to]!] - ranks[index[edge.from]!] - 1 }.reduce(0, +)
        #expect(virtual <= LayoutBudget.maxVirtualNodes)
    }

    @Test(arguments: [RankDirection.leftToRight, .topToBottom])
    func sharedInputChainIsLaidOutWithEveryEdge(_ direction: RankDirection) throws {
        // 500 steps overflowed the stack inside Graphviz's network simplex; 300 took 39 s.
        let request = Self.sharedInputChain(300, direction: direction)
        let (layout, _) = try GraphvizLayout.layout(request)
        #expect(layout.edges.map(\.id) == request.edges.map(\.id))
        #expect(layout.nodes.count == request.nodes.count)
        let box = layout.boundingBox
        for route in layout.edges {
            #expect(route.points.count >= 4 && (route.points.count - 1) % 3 == 0)
            for point in LayoutBudget.sampled(route.points) {
                #expect(point.x >= -1 && point.y >= -1 && point.x <= box.width + 1 && point.y <= box.height + 1, "\(route.id)")
            }
        }
        for node in layout.nodes.values {
            #expect(node.minX >= -0.5 && node.minY >= -0.5 && node.maxX <= box.width + 0.5 && node.maxY <= box.height + 0.5)
        }
    }

    @Test func gapsGraphvizCannotRepresentAreAClearError() {
        var request = Self.sharedInputChain(3)
        request.rankSeparation = 100_000
        #expect(throws: LayoutError.self) { try GraphvizLayout.layout(request) }
        do { _ = try GraphvizLayout.layout(request) } catch {
            #expect("\(error)".hasPrefix("the graph is too large to lay out"))
        }
    }
}
