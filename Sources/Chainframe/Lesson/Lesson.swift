import Foundation

/// A lesson: a computation graph with every value computed forward and every gradient
/// backward — the library's entry point.
///
/// Read one from .cg text or build one in Swift, then ask for values and gradients by name;
/// `ChainframeRender` adds pictures (`png(step:theme:options:)`) and files
/// (`export(formats:to:theme:options:)`).
///
/// ```swift
/// let lesson = try Lesson(source: "a = 5\nb = 3\nc = 2\nu = b * c\nv = a + u\nJ = 3 * v",
///                         name: "lecture.cg")
/// lesson.value(of: "J")      // 33
/// lesson.gradient(of: "c")   // 9
/// ```
///
/// A lesson is an immutable value: share it freely between tasks.
public struct Lesson: Sendable {
    /// The .cg text and the name diagnostics use.
    public let source: SourceFile
    /// Values, gradients and what flows along each edge.
    public let evaluation: Evaluation

    /// The graph, with the limits it was built under.
    public var graph: Graph { evaluation.graph }
    /// The name used in diagnostics and output file names, e.g. `lecture.cg`.
    public var name: String { source.name }
    /// The lesson's `title`, if it has one.
    public var title: String? { graph.title }
    /// The name of the node that is differentiated.
    public var outputName: String { graph.nodes[graph.output].id }
    /// Every node's name in topological order, including the unnamed parts (`J.1`).
    public var nodeNames: [String] { graph.nodes.map(\.id) }
    /// The inputs' names: the leaves that get a gradient.
    public var inputNames: [String] { graph.nodes.filter { $0.kind == .input }.map(\.id) }

    /// Reads a lesson from .cg text.
    ///
    /// - Parameters:
    ///   - source: the text of a .cg file.
    ///   - name: the file name diagnostics show (`lecture.cg:4:9: error: …`).
    ///   - output: the node to differentiate instead of the file's output.
    ///   - limits: bounds on size, nesting and tensor elements.
    /// - Throws: a ``ChainframeError`` pointing at the line and column of the first problem.
    public init(source: String, name: String = "lesson.cg", output: String? = nil,
                limits: Limits = .standard) throws(ChainframeError) {
        if let problem = limits.problem { throw ChainframeError(.option, problem) }
        let bytes = source.utf8.count
        guard bytes <= limits.maxInputBytes else {
            throw ChainframeError(.source, "the source has \(bytes) bytes, more than the limit of \(limits.maxInputBytes)",
                                  file: name)
        }
        try self.init(source: SourceFile(name: name, text: source), output: output, limits: limits)
    }

    /// Reads a lesson from a .cg file on disk (its path is the name diagnostics show).
    public init(contentsOf url: URL, output: String? = nil, limits: Limits = .standard) throws(ChainframeError) {
        if let problem = limits.problem { throw ChainframeError(.option, problem) }
        let bytes: [UInt8]
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            bytes = [UInt8](try handle.read(upToCount: limits.maxInputBytes + 1) ?? Data())
        } catch {
            throw ChainframeError(.output, "cannot read '\(url.path)': \(error.localizedDescription)")
        }
        let source: SourceFile
        do {
            source = try SourceFile.decode(name: url.path, bytes: bytes, maxBytes: limits.maxInputBytes)
        } catch {
            throw ChainframeError.wrapping(error)
        }
        try self.init(source: source, output: output, limits: limits)
    }

    /// Builds a lesson in Swift (see ``LessonBuilder``).
    ///
    /// - Parameters:
    ///   - title: the title frames and metadata show.
    ///   - name: the name diagnostics and output files use (default: the title, as a file name).
    ///   - limits: bounds on size and tensor elements.
    ///   - build: defines inputs, nodes and the output on the builder, in order.
    public init(title: String, name: String? = nil, limits: Limits = .standard,
                _ build: (LessonBuilder) -> Void) throws(ChainframeError) {
        let builder = LessonBuilder(title: title)
        build(builder)
        let file = SourceFile(name: name ?? Lesson.fileName(for: title), text: builder.text)
        if let problem = builder.problem {
            throw ChainframeError(file.error(problem.message, at: SourceLocation(line: problem.line, column: 1)))
        }
        try self.init(source: file, output: nil, limits: limits)
    }

    /// Builds and evaluates the lesson of `source`.
    public init(source: SourceFile, output: String? = nil, limits: Limits = .standard) throws(ChainframeError) {
        if let problem = limits.problem { throw ChainframeError(.option, problem) }
        do {
            var graph = try GraphBuilder.build(source, limits: limits)
            if let output {
                guard let index = graph.index(of: output) else {
                    let guess = DiagnosticText.suggestion(for: output, among: graph.nodes.map(\.id)).map { "; did you mean '\($0)'?" }
                    throw ChainframeError.invalidOption("output", ": the lesson has no node named '\(output)'\(guess ?? "")")
                }
                graph.choose(output: index)
            }
            self.source = source
            self.evaluation = try Evaluation(graph)
        } catch {
            throw ChainframeError.wrapping(error)
        }
    }

    /// The value of the scalar node `name`; nil for an unknown name or a tensor.
    public func value(of name: String) -> Double? {
        tensor(of: name).flatMap { $0.isScalar ? $0.scalar : nil }
    }

    /// The gradient ∂output/∂`name` of a scalar node; nil for an unknown name, a tensor or a
    /// constant (constants take no gradient).
    public func gradient(of name: String) -> Double? {
        gradientTensor(of: name).flatMap { $0.isScalar ? $0.scalar : nil }
    }

    /// The value of node `name`, scalar or tensor; nil for an unknown name.
    public func tensor(of name: String) -> Tensor? {
        graph.index(of: name).map { evaluation.values[$0] }
    }

    /// The gradient of node `name`, scalar or tensor; nil for an unknown name or a constant.
    public func gradientTensor(of name: String) -> Tensor? {
        graph.index(of: name).flatMap { evaluation.gradients[$0] }
    }

    /// `A neuron` → `a-neuron.cg`.
    static func fileName(for title: String) -> String {
        var slug = ""
        for scalar in title.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return (slug.isEmpty ? "lesson" : slug) + ".cg"
    }
}

extension ChainframeError {
    /// `error` as a ``ChainframeError``: diagnostics keep their place; anything else becomes
    /// an error of kind `fallback`.
    public static func wrapping(_ error: any Error, fallback: Kind = .source) -> ChainframeError {
        switch error {
        case let error as ChainframeError: return error
        case let diagnostic as Diagnostic: return ChainframeError(diagnostic)
        default: return ChainframeError(fallback, "\(error)")
        }
    }
}
