import ChainframeScene
import CChainframe

extension GraphvizLayout {
    /// Lays out and renders DOT text with Graphviz's own PNG renderer, in process; returns the
    /// size of the PNG. This is how an in-process Graphviz tool draws each frame, kept for the
    /// benchmark's comparison (Chainframe itself lays out once and draws with cairo).
    public static func renderPNG(dot: String) throws -> Int {
        try session.withLock { session in
            cf_gv_messages_begin()
            let context = try session.sharedContext()
            var length = 0
            guard cf_gv_render_png(context, dot, &length) == 0 else {
                throw LayoutError.graphviz(String(cString: cf_gv_messages()))
            }
            return length
        }
    }
}
