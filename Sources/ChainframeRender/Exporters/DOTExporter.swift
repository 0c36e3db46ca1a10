import Foundation

extension Exporter {
    /// `dot`: the annotated graph in Graphviz DOT with the frames' positions, to keep styling
    /// with Graphviz tools (`neato -n2 -Tpng lecture.dot` draws it as laid out).
    public static let dot = Exporter(
        name: "dot",
        summary: "Graphviz DOT of the annotated graph with fixed positions (draw with neato -n2).",
        capabilities: [.text, .single],
        files: { base in ["\(base).dot": "dot"] }
    ) { context in
        let url = context.file("\(context.baseName).dot")
        try AtomicFile.write(context.picture.text(.dot), to: url)
        return [url]
    }
}
