import ChainframeScene

/// Graphviz as the scene's ``GraphLayoutEngine``: `dot` in process, through ``GraphvizLayout``
/// (one lock for every call).
public struct GraphvizEngine: GraphLayoutEngine {
    public init() {}

    /// Lays `request` out with Graphviz's `dot`.
    public func layout(_ request: LayoutRequest) throws -> (layout: GraphLayout, warnings: [String]) {
        try GraphvizLayout.layout(request)
    }
}
