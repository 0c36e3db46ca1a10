import ChainframeScene
import CChainframe

extension GraphvizLayout {
    /// Parses DOT text with Graphviz's own parser (in process) and counts its nodes and edges.
    ///
    /// Holds the same process-wide lock as `layout(_:)`, since Graphviz's parser keeps global
    /// state. Only the first graph in `dot` is read. Throws `LayoutError.graphviz` with
    /// Graphviz's message when the text is not a valid graph.
    public static func parse(dot: String) throws -> (nodes: Int, edges: Int) {
        try session.withLock { _ in
            cf_gv_messages_begin()
            var nodes: Int32 = 0, edges: Int32 = 0
            guard cf_gv_parse_counts(dot, &nodes, &edges) == 0 else {
                let messages = String(cString: cf_gv_messages())
                    .split(whereSeparator: \.isNewline)
                    .map { String($0) }
                    .filter { !$0.allSatisfy(\.isWhitespace) }
                throw LayoutError.graphviz(messages.isEmpty ? "not a valid DOT graph" : messages.joined(separator: "\n"))
            }
            return (Int(nodes), Int(edges))
        }
    }
}
