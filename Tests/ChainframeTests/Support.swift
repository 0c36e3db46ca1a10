@testable import Chainframe

/// Builds and evaluates a graph from source text.
func evaluate(_ text: String, file: String = "test.cg") throws -> Evaluation {
    try Evaluation(GraphBuilder.build(SourceFile(name: file, text: text)))
}

/// The diagnostic that building and evaluating `text` throws, or nil if it succeeds.
func diagnostic(_ text: String, file: String = "test.cg") -> Diagnostic? {
    do {
        _ = try evaluate(text, file: file)
        return nil
    } catch let d as Diagnostic {
        return d
    } catch {
        return nil
    }
}

extension Evaluation {
    /// The value of the node named `id`.
    func value(_ id: String) -> Tensor { values[graph.index(of: id)!] }
    /// The gradient of the node named `id`.
    func grad(_ id: String) -> Tensor? { gradients[graph.index(of: id)!] }
    /// The flow along the edge `from → to`.
    func flow(_ from: String, _ to: String) -> Flow? {
        flows.first { graph.nodes[$0.edge.from].id == from && graph.nodes[$0.edge.to].id == to }
    }
}
