/// Places the nodes and routes the edges of a graph: what `FrameLayout` asks for, once per
/// candidate layout of a storyboard.
///
/// ChainframeGraphics' `GraphvizEngine` (Graphviz's `dot`, in process) is the engine the
/// pipeline uses.
public protocol GraphLayoutEngine {
    /// The positions of `request`'s nodes and the routes of its edges, in graph units, and
    /// the engine's warnings (e.g. a layout that had to compromise).
    func layout(_ request: LayoutRequest) throws -> (layout: GraphLayout, warnings: [String])
}
