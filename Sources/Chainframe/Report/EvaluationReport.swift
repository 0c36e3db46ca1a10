/// The `eval` command's documents: a JSON tree and a readable table.
public enum EvaluationReport {
    /// The JSON document of `chainframe eval --format json`: `{"output": …, "nodes": […], "edges": […]}`,
    /// nodes and edges as ``GraphRecord`` writes them (the `json` exporter's, without geometry).
    public static func json(_ evaluation: Evaluation) -> JSONValue {
        let record = GraphRecord(evaluation)
        return .object([
            ("output", .string(record.output)),
            ("nodes", .array(record.nodes.map { .object($0.members) })),
            ("edges", .array(record.edges.map { .object($0.members) })),
        ])
    }

    /// A table of every node: name, kind, what it computes, shape, value and gradient, in
    /// full or (with `decimals`) with fixed decimals.
    public static func text(_ evaluation: Evaluation, phrases: Phrasebook = .english, decimals: Int? = nil) -> String {
        let graph = evaluation.graph
        let fixed = decimals.map { ValueText(precision: 17, decimals: $0) }
        func write(_ t: Tensor) -> String {
            guard let fixed else { return t.description }
            return fixed.inline(t, maxElements: Int.max).replacingOccurrences(of: "−", with: "-")
        }
        var rows: [[String]] = [[phrases.node, phrases.kind, phrases.computes, phrases.shape, phrases.value,
                                 "\(phrases.gradient) " + Notation.partial.derivative(of: graph.displayName(of: graph.output), by: phrases.node)]]
        for (index, node) in graph.nodes.enumerated() {
            let computes = node.operation == nil ? "" : graph.formula(of: index)
            rows.append([
                graph.displayName(of: index) + (node.isNamed && node.label != node.id ? " (\(node.id))" : ""),
                node.kind.rawValue,
                computes,
                Tensor.describe(shape: evaluation.values[index].shape),
                write(evaluation.values[index]),
                evaluation.gradients[index].map(write) ?? "—",
            ])
        }
        var out = TextTable.render(rows)
        // Labels may hold control characters: shown escaped, as in the table.
        let name = { (index: Int) in TerminalText.sanitized(graph.displayName(of: index)) }
        out += "\noutput \(name(graph.output)) = \(write(evaluation.values[graph.output]))\n"
        let bad = evaluation.nonFiniteNodes
        if !bad.isEmpty {
            out += "warning: \(phrases.notFinite): " + bad.map(name).joined(separator: ", ") + "\n"
        }
        return out
    }
}

/// Aligns rows of text into columns, the first row as a header.
public enum TextTable {
    /// Cells holding control characters (a label with ESC or BEL) are shown with visible escapes.
    public static func render(_ rows: [[String]]) -> String {
        let rows = rows.map { $0.map { TerminalText.needsSanitizing($0) ? TerminalText.sanitized($0) : $0 } }
        guard let header = rows.first else { return "" }
        var widths = Array(repeating: 0, count: header.count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], width(cell)) } }
        var out = ""
        for (r, row) in rows.enumerated() {
            let line = row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - width(cell))
            }.joined(separator: "  ")
            out += line + "\n"
            if r == 0 { out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }

    /// Display width: wide East Asian characters count twice.
    static func width(_ s: String) -> Int { s.reduce(0) { $0 + DiagnosticText.displayWidth($1) } }
}
