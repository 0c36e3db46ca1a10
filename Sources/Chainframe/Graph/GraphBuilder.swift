/// Turns a parsed file into a `Graph`: resolves names, folds constants, names the unnamed
/// parts of compound expressions.
public struct GraphBuilder {
    private let source: SourceFile
    private var graph: Graph
    private var labels: [(name: String, at: SourceLocation, text: String)] = []
    /// Where each name is defined, from a first pass, to tell "used before it is defined"
    /// from "not defined".
    private var definitions: [String: SourceLocation] = [:]
    private var lastNamed: Int?
    /// The limits the graph is built under.
    public let limits: Limits
    /// The number of nodes a graph may have.
    public var maxNodes: Int { limits.maxNodes }

    /// The default limit on nodes per graph.
    public static let defaultMaxNodes = 100_000

    /// Parses and builds a graph from source text.
    public static func build(_ source: SourceFile, maxNodes: Int = GraphBuilder.defaultMaxNodes,
                             maxDepth: Int = Parser.defaultMaxDepth) throws -> Graph {
        try build(source, limits: Limits(maxNodes: maxNodes, maxDepth: maxDepth))
    }

    /// Parses and builds a graph from source text within `limits` (which the graph keeps).
    public static func build(_ source: SourceFile, limits: Limits) throws -> Graph {
        let file = try Parser.parse(source, maxDepth: limits.maxDepth)
        var builder = GraphBuilder(source: source, limits: limits)
        return try builder.build(file)
    }

    init(source: SourceFile, limits: Limits) {
        self.source = source
        self.graph = Graph(source: source, limits: limits)
        self.limits = limits
    }

    /// A value while lowering an expression: a node, or a constant still to be folded.
    private enum Value {
        case node(Int)
        case constant(Tensor)
    }

    mutating func build(_ file: Syntax.File) throws -> Graph {
        for case .define(let name, let at, _) in file.statements where definitions[name] == nil {
            definitions[name] = at
        }
        var output: (name: String, at: SourceLocation)?
        for statement in file.statements {
            switch statement {
            case .define(let name, let at, let definition):
                try define(name, at: at, definition)
            case .output(let name, let at):
                if let previous = output {
                    throw source.error("the output is already chosen ('\(previous.name)' at line \(previous.at.line))", at: at)
                }
                output = (name, at)
            case .label(let name, let at, let text):
                labels.append((name, at, text))
            case .title(let text, let at):
                if graph.title != nil { throw source.error("the title is already set", at: at) }
                graph.title = text
            }
        }
        for label in labels {
            guard let index = graph.index(of: label.name) else { throw undefined(label.name, at: label.at) }
            graph.nodes[index].label = label.text
        }
        if let output {
            guard let index = graph.index(of: output.name) else { throw undefined(output.name, at: output.at) }
            graph.output = index
            graph.outputLocation = output.at
        } else if let lastNamed {
            graph.output = lastNamed
            graph.outputLocation = graph.nodes[lastNamed].nameLocation ?? graph.nodes[lastNamed].location
        } else {
            throw source.error("the file defines no nodes; start with an input such as 'a = 5'",
                               at: SourceLocation(line: 1, column: 1))
        }
        graph.names = NodeNames(graph)
        return graph
    }

    private func undefined(_ name: String, at: SourceLocation) -> Diagnostic {
        if let defined = definitions[name] {
            return source.error("'\(name)' is used before it is defined (at line \(defined.line))", at: at)
        }
        var message = "'\(name)' is not defined"
        if let guess = DiagnosticText.suggestion(for: name, among: Array(graph.indexByID.keys.filter { !$0.contains(".") })) {
            message += "; did you mean '\(guess)'?"
        }
        return source.error(message, at: at)
    }

    private mutating func define(_ name: String, at: SourceLocation, _ definition: Syntax.Definition) throws {
        if let existing = graph.index(of: name) {
            throw source.error("'\(name)' is already defined at line \(graph.nodes[existing].location.line)", at: at)
        }
        var counter = 0
        switch definition {
        case .input(let literal):
            if literal.tensor.count > limits.maxElements {
                throw source.error("the literal has \(literal.tensor.count) elements, more than the limit of \(limits.maxElements) (raise it with --max-elements)", at: literal.location)
            }
            try append(Node(id: name, label: name, isNamed: true, kind: .input, operation: nil, inputs: [],
                            literal: literal.tensor, location: at))
        case .constant(let expression):
            switch try lower(expression, owner: name, counter: &counter, inlineConstants: true) {
            case .constant(let value):
                try append(Node(id: name, label: name, isNamed: true, kind: .constant, operation: nil, inputs: [],
                                literal: value, location: at))
            case .node:
                throw source.error("a 'const' may only use numbers and other constants, not inputs or computed nodes", at: expression.location)
            }
        case .computed(let expression):
            switch try lower(expression, owner: name, counter: &counter, isTop: true) {
            case .constant(let value):
                try append(Node(id: name, label: name, isNamed: true, kind: .constant, operation: nil, inputs: [],
                                literal: value, location: at))
            case .node(let index) where graph.nodes[index].id != name:
                // `w = v`: a node of its own that passes v through.
                try append(Node(id: name, label: name, isNamed: true, kind: .operation,
                                operation: Operation(function: .composite(.identity), arguments: [.input(0)]),
                                inputs: [index], literal: nil, location: at))
            case .node:
                break
            }
        }
        lastNamed = graph.nodes.count - 1
        graph.nodes[graph.nodes.count - 1].nameLocation = at
    }

    private mutating func append(_ node: Node) throws {
        guard graph.nodes.count < maxNodes else {
            throw source.error("the graph has more than \(maxNodes) nodes (raise the limit with --max-nodes)", at: node.location)
        }
        graph.indexByID[node.id] = graph.nodes.count
        graph.nodes.append(node)
    }

    /// Lowers an expression; the outermost operation of a computed definition (`isTop`)
    /// becomes the node named `owner`, inner ones `owner.1`, `owner.2`, ….
    ///
    /// Named constants are nodes of their own (drawn as leaves), except inside a `const`
    /// definition (`inlineConstants`), where they fold into the new constant.
    private mutating func lower(_ expression: Syntax.Expression, owner: String, counter: inout Int,
                                isTop: Bool = false, inlineConstants: Bool = false) throws -> Value {
        switch expression {
        case .number(let value, _):
            return .constant(Tensor(value))
        case .name(let name, let at):
            guard let index = graph.index(of: name), graph.nodes[index].isNamed else {
                if name == owner { throw source.error("'\(name)' cannot be defined in terms of itself", at: at) }
                throw undefined(name, at: at)
            }
            if inlineConstants, graph.nodes[index].kind == .constant, let value = graph.nodes[index].literal {
                return .constant(value)
            }
            return .node(index)
        case .negate(let inner, let at):
            let x = try lower(inner, owner: owner, counter: &counter, inlineConstants: inlineConstants)
            return try apply(.primitive(.negate), [x], at: at, owner: owner, counter: &counter, isTop: isTop)
        case .binary(let op, let lhs, let rhs, let at):
            let a = try lower(lhs, owner: owner, counter: &counter, inlineConstants: inlineConstants)
            let b = try lower(rhs, owner: owner, counter: &counter, inlineConstants: inlineConstants)
            return try apply(.primitive(op), [a, b], at: at, owner: owner, counter: &counter, isTop: isTop)
        case .call(let name, let arguments, let at):
            guard let function = Function.byName[name] else {
                var message = "unknown function '\(name)'"
                if let guess = DiagnosticText.suggestion(for: name, among: Array(Function.byName.keys)) {
                    message += "; did you mean '\(guess)'?"
                }
                throw source.error(message, at: at)
            }
            guard arguments.count == function.arity else {
                let expected = function.arity == 1 ? "1 argument" : "\(function.arity) arguments"
                throw source.error("'\(name)' takes \(expected), but \(arguments.count) \(arguments.count == 1 ? "is" : "are") given", at: at)
            }
            var values: [Value] = []
            for argument in arguments { values.append(try lower(argument, owner: owner, counter: &counter, inlineConstants: inlineConstants)) }
            return try apply(function, values, at: at, owner: owner, counter: &counter, isTop: isTop)
        }
    }

    /// Folds an operation on constants, or appends an operation node.
    private mutating func apply(_ function: Function, _ values: [Value], at: SourceLocation, owner: String,
                                counter: inout Int, isTop: Bool) throws -> Value {
        var inputs: [Int] = []
        var arguments: [Operation.Argument] = []
        for value in values {
            switch value {
            case .constant(let t):
                arguments.append(.constant(t))
            case .node(let index):
                if let position = inputs.firstIndex(of: index) {
                    arguments.append(.input(position))
                } else {
                    inputs.append(index)
                    arguments.append(.input(inputs.count - 1))
                }
            }
        }
        if inputs.isEmpty {
            let constants = arguments.map { if case .constant(let t) = $0 { t } else { Tensor(0) } }
            do {
                return .constant(try function.forward(constants, limits: limits))
            } catch {
                throw source.error(error.text(operator: nil), at: at)
            }
        }
        let id: String
        if isTop { id = owner } else { counter += 1; id = "\(owner).\(counter)" }
        try append(Node(id: id, label: isTop ? owner : "", isNamed: isTop, kind: .operation,
                        operation: Operation(function: function, arguments: arguments),
                        inputs: inputs, literal: nil, location: at))
        return .node(graph.nodes.count - 1)
    }
}
