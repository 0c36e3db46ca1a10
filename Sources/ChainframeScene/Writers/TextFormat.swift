import Chainframe

/// The text formats a ``LessonPicture`` (and so a `LessonPipeline` and a `Lesson`) gives in memory.
public enum TextFormat: String, Sendable, CaseIterable {
    /// Graphviz DOT with the computed positions (the `dot` exporter's file).
    case dot
    /// The versioned JSON document (the `json` exporter's file; docs/json-format.md).
    case json
    /// The TikZ picture with Beamer overlays, to `\input` (the `tikz` exporter's `<name>.tex`).
    case tikz
    /// The TikZ picture as a document pdflatex compiles on its own.
    case tikzStandalone = "tikz-standalone"
    /// The blog-post skeleton (its images are the `png-frames` files, not included).
    case markdown
}

extension LessonPicture {
    /// The text of `format`, in memory: what the exporter of the same name writes into its file.
    public func text(_ format: TextFormat) -> String {
        switch format {
        case .dot: return DOTDocument(self).text
        case .json: return ChainframeDocument.json(self).serialized(indent: 2) + "\n"
        case .tikz: return TikZDocument(self).fragment
        case .tikzStandalone: return TikZDocument(self).standalone
        case .markdown: return MarkdownDocument(self).text
        }
    }

    /// The SVG picture of step `index` (real text, classes by role), titled as the PNG frames are.
    public func svg(step index: Int) -> String {
        SVGWriter.svg(scene(index), title: stepTitle(index), measure: textMetrics)
    }
}
