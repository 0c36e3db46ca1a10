import Chainframe

/// The `json` exporter's document, also what external exporters read on standard input:
/// nodes, edges, values, gradients, local derivatives, geometry and the steps.
///
/// Documented in docs/json-format.md, with a JSON Schema in docs/chainframe.schema.json.
/// `version` changes when a field changes meaning or disappears; new fields may be added
/// without a new version.
public enum ChainframeDocument {
    /// The current version of the document.
    public static let version = 1

    public static func json(_ context: LessonPicture) -> JSONValue {
        let storyboard = context.storyboard
        let evaluation = storyboard.evaluation
        let graph = evaluation.graph
        let text = storyboard.options.values
        func id(_ index: Int) -> JSONValue { .string(graph.nodes[index].id) }
        func point(_ p: Point) -> JSONValue { .array([.number(round2(p.x)), .number(round2(p.y))]) }
        func rect(_ r: Rect) -> JSONValue {
            .object([("x", .number(round2(r.x))), ("y", .number(round2(r.y))),
                     ("width", .number(round2(r.width))), ("height", .number(round2(r.height)))])
        }
        let record = GraphRecord(evaluation)
        let nodes: [JSONValue] = zip(graph.nodes.indices, record.nodes).map { index, node in
            .object(node.members + [
                ("value_text", .string(text.inline(evaluation.values[index]))),
                ("box", rect(context.nodeBox(index))),
            ])
        }
        let edges: [JSONValue] = zip(evaluation.flows, record.edges).map { flow, edge in
            var members = edge.members
            if let route = context.edgeRoute(flow.edge) {
                members.append(("points", .array(route.points.map(point))))
                members.append(("arrow_tip", point(route.tip)))
            }
            if let label = context.edgeLabel(flow.edge) {
                members.append(("label", .string(label.text)))
                members.append(("label_box", rect(label.chip)))
            } else {
                members.append(("label", .null))
            }
            return .object(members)
        }
        let steps: [JSONValue] = storyboard.steps.enumerated().map { index, step in
            let gradients: [(String, JSONValue)] = step.gradients.keys.sorted().map { node in
                let state = step.gradients[node]!
                return (graph.nodes[node].id, .object([("value", .tensor(state.tensor)),
                                                      ("complete", .bool(state.isComplete))]))
            }
            func edgeList(_ edges: some Sequence<Edge>) -> JSONValue {
                .array(edges.sorted { ($0.to, $0.from) < ($1.to, $1.from) }.map { .array([id($0.from), id($0.to)]) })
            }
            return .object([
                ("index", .number(Double(index))),
                ("phase", .string(step.phase.rawValue)),
                ("number", .number(Double(step.number))),
                ("count", .number(Double(step.phaseCount))),
                ("title", .string(step.caption.title)),
                ("headline", .string(step.caption.headline)),
                ("details", .array(step.caption.details.map(JSONValue.string))),
                ("duration_ms", .number(Double(step.durationMilliseconds))),
                ("active_nodes", .array(step.activeNodes.sorted().map(id))),
                ("active_edges", edgeList(step.activeEdges)),
                ("known_values", .array(step.knownValues.sorted().map(id))),
                ("gradients", .object(gradients)),
                ("sent_back", edgeList(step.sentBack)),
            ])
        }
        return .object([
            ("format", .string("chainframe")),
            ("version", .number(Double(version))),
            ("generator", .string("Chainframe \(context.version)")),
            ("source", .string(context.sourceName)),
            ("title", graph.title.map(JSONValue.string) ?? .null),
            ("output", .string(record.output)),
            ("notation", .string(storyboard.options.notation.rawValue)),
            ("canvas", .object([("width", .number(context.canvasSize.width)), ("height", .number(context.canvasSize.height)),
                                ("scale", .number(context.pixelScale)), ("units", .string("pt"))])),
            ("nodes", .array(nodes)),
            ("edges", .array(edges)),
            ("steps", .array(steps)),
        ])
    }

    /// Coordinates to 1/100 pt: enough for drawing, and stable text.
    static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
