import Foundation

extension Exporter {
    /// `json`: the documented, versioned document of the graph, its geometry and steps.
    public static let json = Exporter(
        name: "json",
        summary: "A versioned JSON document: nodes, edges, values, gradients, geometry, steps (docs/json-format.md).",
        capabilities: [.text],
        files: { base in ["\(base).json": "json"] }
    ) { context in
        let url = context.file("\(context.baseName).json")
        try AtomicFile.write(context.picture.text(.json), to: url)
        return [url]
    }
}
