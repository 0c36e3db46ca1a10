/// The `check` command's documents: analytic against numerical gradients.
public enum CheckReport {
    /// `{"output", "h", "tolerance", "passed", "inputs": [{id, position, analytic, numeric, error, passed}]}`
    public static func json(_ check: NumericalCheck, graph: Graph) -> JSONValue {
        .object([
            ("output", .string(graph.nodes[graph.output].id)),
            ("h", .number(check.h)),
            ("tolerance", .number(check.tolerance)),
            ("passed", .bool(check.passed)),
            ("sampled", .array(check.sampled.keys.sorted().map { node in
                .object([
                    ("id", .string(graph.nodes[node].id)),
                    ("checked", .number(Double(check.sampled[node]!.checked))),
                    ("elements", .number(Double(check.sampled[node]!.total))),
                ])
            })),
            ("inputs", .array(check.rows.map { row in
                .object([
                    ("id", .string(graph.nodes[row.node].id)),
                    ("display", .string(graph.displayName(of: row.node))),
                    ("position", .array(row.position.map { .number(Double($0)) })),
                    ("analytic", .finite(row.analytic)),
                    ("numeric", .finite(row.numeric)),
                    ("error", .finite(row.error)),
                    ("passed", .bool(row.passed)),
                ])
            })),
        ])
    }

    /// A table with analytic, numeric and relative error side by side, and a verdict line.
    public static func text(_ check: NumericalCheck, graph: Graph, phrases: Phrasebook = .english) -> String {
        let output = graph.displayName(of: graph.output)
        var rows: [[String]] = [[phrases.input, "\(phrases.analytic) ∂\(output)/∂\(phrases.input)",
                                 Phrasebook.fill(phrases.numeric, ["h": NumberFormat.full(check.h)]), phrases.relativeError, ""]]
        for row in check.rows {
            let id = graph.displayName(of: row.node)
            let name = row.position.isEmpty ? id : id + "[" + row.position.map(String.init).joined(separator: ", ") + "]"
            rows.append([name, NumberFormat.full(row.analytic), NumberFormat.full(row.numeric),
                         row.error == 0 ? "0" : NumberFormat.rounded(row.error, significantDigits: 2),
                         row.passed ? "ok" : "FAILED"])
        }
        var out = TextTable.render(rows)
        for node in check.sampled.keys.sorted() {
            let (checked, total) = check.sampled[node]!
            out += Phrasebook.fill(phrases.sampledCheck, ["name": TerminalText.sanitized(graph.nodes[node].id),
                                                          "k": "\(checked)", "n": "\(total)"]) + "\n"
        }
        let failed = check.rows.filter { !$0.passed }.count
        let tolerance = NumberFormat.full(check.tolerance)
        if check.rows.isEmpty {
            out += "no inputs to check\n"
        } else if failed == 0 {
            out += Phrasebook.fill(phrases.allAgree, ["n": "\(check.rows.count)", "tolerance": tolerance]) + "\n"
        } else {
            out += Phrasebook.fill(phrases.someDiffer, ["failed": "\(failed)", "n": "\(check.rows.count)", "tolerance": tolerance]) + "\n"
        }
        return out
    }
}
