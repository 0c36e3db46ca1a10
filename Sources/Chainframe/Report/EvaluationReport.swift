/// The `eval` command's documents: a JSON tree and a readable table.
public enum EvaluationReport {
    /// The JSON document of `chainframe eval --format json`:
    /// `{"output": …, "nodes": [{id, label, kind, op, inputs, shape, value, grad}], "edges": [{from, to, local, grad}]}`.
    public static func json(_ evaluation: Evaluation) -> JSONValue {
        let graph = evaluation.graph
        let nodes: [JSONValue] = graph.nodes.indices.map { index in
            let node = graph.nodes[index]
            return .object([
                ("id", .string(node.id)),
                ("label", .string(node.label)),
                ("kind", .string(node.kind.rawValue)),
                ("op", node.operation.map { .string(OperationText.name(of: $0, node: node, in: graph)) } ?? .null),
                ("inputs", .array(node.inputs.map { .string(graph.nodes[$0].id) })),
                ("shape", .array(evaluation.values[index].shape.map { .number(Double($0)) })),
                ("value", .tensor(evaluation.values[index])),
                ("grad", evaluation.gradients[index].map(JSONValue.tensor) ?? .null),
            ])
        }
        let edges: [JSONValue] = evaluation.flows.map { flow in
            var members: [(String, JSONValue)] = [
                ("from", .string(graph.nodes[flow.edge.from].id)),
                ("to", .string(graph.nodes[flow.edge.to].id)),
            ]
            if let local = flow.local { members.append(("local", .finite(local))) }
            members.append(("grad", flow.gradient.map(JSONValue.tensor) ?? .null))
            return .object(members)
        }
        return .object([
            ("output", .string(graph.nodes[graph.output].id)),
            ("nodes", .array(nodes)),
            ("edges", .array(edges)),
        ])
    }

    /// A table of every node: id, kind, what it computes, shape, value and gradient.
    public static func text(_ evaluation: Evaluation, phrases: Phrasebook = .english) -> String {
        let graph = evaluation.graph
        var rows: [[String]] = [[phrases.node, phrases.kind, phrases.computes, phrases.shape, phrases.value,
                                 "\(phrases.gradient) ∂\(graph.nodes[graph.output].id)/∂\(phrases.node)"]]
        for (index, node) in graph.nodes.enumerated() {
            let computes = node.operation.map { OperationText.formula(of: $0, node: node, in: graph) } ?? ""
            rows.append([
                node.id + (node.label != node.id && !node.label.isEmpty ? " (\(node.label))" : ""),
                node.kind.rawValue,
                computes,
                Tensor.describe(shape: evaluation.values[index].shape),
                evaluation.values[index].description,
                evaluation.gradients[index]?.description ?? "—",
            ])
        }
        var out = TextTable.render(rows)
        out += "\noutput \(graph.nodes[graph.output].id) = \(evaluation.values[graph.output].description)\n"
        let bad = evaluation.nonFiniteNodes
        if !bad.isEmpty {
            out += "warning: \(phrases.notFinite): " + bad.map { graph.nodes[$0].id }.joined(separator: ", ") + "\n"
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
    static func width(_ s: String) -> Int { s.reduce(0) { $0 + Diagnostic.displayWidth($1) } }
}
