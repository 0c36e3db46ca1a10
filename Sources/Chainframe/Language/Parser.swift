/// Parses .cg source into a `Syntax.File`.
///
/// Grammar, from low to high precedence:
/// ```
/// statement  := name "=" definition | "const" name "=" expr | "output" name
///             | "label" name string | "title" string
/// definition := signed-number | literal | expr
/// expr       := term (("+" | "-") term)*
/// term       := unary (("*" | "/" | "@") unary)*
/// unary      := "-" unary | power
/// power      := primary ("^" unary)?            -- right-associative, binds tighter than unary minus
/// primary    := number | name | name "(" args ")" | "(" expr ")"
/// ```
/// so `-a^2` is `-(a^2)` and `2^-1` is `2^(-1)`.
public struct Parser {
    private let source: SourceFile
    private let tokens: [Token]
    private var position = 0
    private var depth = 0
    /// The deepest nesting of parentheses and operators accepted before an error
    /// (recursive descent must not overflow the stack on hostile input).
    public let maxDepth: Int

    /// The default nesting limit.
    public static let defaultMaxDepth = 200

    public init(source: SourceFile, maxDepth: Int = Parser.defaultMaxDepth) throws {
        self.source = source
        self.tokens = try Lexer.tokenize(source)
        self.maxDepth = maxDepth
    }

    /// Parses a whole file.
    public static func parse(_ source: SourceFile, maxDepth: Int = Parser.defaultMaxDepth) throws -> Syntax.File {
        var parser = try Parser(source: source, maxDepth: maxDepth)
        return try parser.file()
    }

    private var current: Token { tokens[position] }
    private func peek(_ offset: Int) -> Token { tokens[min(position + offset, tokens.count - 1)] }
    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private func isSymbol(_ token: Token, _ s: String) -> Bool { token.kind == .symbol(s) }

    private mutating func expect(_ symbol: String, _ context: String) throws -> Token {
        let token = current
        guard isSymbol(token, symbol) else {
            throw source.error("expected '\(symbol)' \(context), found \(token.spelling)", at: token.location)
        }
        advance()
        return token
    }

    private mutating func file() throws -> Syntax.File {
        var statements: [Syntax.Statement] = []
        while true {
            switch current.kind {
            case .end:
                return Syntax.File(statements: statements, end: current.location)
            case .newline:
                advance()
            default:
                statements.append(try statement())
                switch current.kind {
                case .newline, .end: break
                default:
                    throw source.error("expected the end of the line after the statement, found \(current.spelling)", at: current.location)
                }
            }
        }
    }

    private mutating func statement() throws -> Syntax.Statement {
        let token = current
        guard case .identifier(let word) = token.kind else {
            if case .number = token.kind {
                throw source.error("a statement must start with a name, as in 'x = 1'", at: token.location)
            }
            throw source.error("expected a name at the start of the statement, found \(token.spelling)", at: token.location)
        }
        let nextIsEquals = isSymbol(peek(1), "=")
        switch word {
        case "output" where !nextIsEquals:
            advance()
            let (name, at) = try identifier("after 'output'")
            return .output(name: name, at: at)
        case "label" where !nextIsEquals:
            advance()
            let (name, at) = try identifier("after 'label'")
            return .label(name: name, at: at, text: try stringLiteral("the label text, in double quotes"))
        case "title" where !nextIsEquals:
            advance()
            return .title(try stringLiteral("the title, in double quotes"), at: token.location)
        case "const" where !nextIsEquals:
            advance()
            let (name, at) = try identifier("after 'const'")
            _ = try expect("=", "after the name '\(name)'")
            return .define(name: name, at: at, .constant(try expressionOrLiteral()))
        default:
            advance()
            guard isSymbol(current, "=") else {
                throw source.error("expected '=' after the name '\(word)', found \(current.spelling)", at: current.location)
            }
            advance()
            return .define(name: word, at: token.location, try definition())
        }
    }

    private mutating func identifier(_ context: String) throws -> (String, SourceLocation) {
        guard case .identifier(let name) = current.kind else {
            throw source.error("expected a name \(context), found \(current.spelling)", at: current.location)
        }
        let at = current.location
        advance()
        return (name, at)
    }

    private mutating func stringLiteral(_ what: String) throws -> String {
        guard case .string(let text) = current.kind else {
            throw source.error("expected \(what), found \(current.spelling)", at: current.location)
        }
        advance()
        return text
    }

    /// A right-hand side: a plain signed number or a bracketed literal is an input.
    private mutating func definition() throws -> Syntax.Definition {
        let start = current.location
        if isSymbol(current, "[") {
            return .input(Syntax.Literal(tensor: try tensorLiteral(), location: start))
        }
        var sign = 1.0
        var offset = 0
        if isSymbol(current, "-") || isSymbol(current, "+") { sign = isSymbol(current, "-") ? -1 : 1; offset = 1 }
        if case .number(let value) = peek(offset).kind, isStatementEnd(peek(offset + 1)) {
            position += offset
            advance()
            return .input(Syntax.Literal(tensor: Tensor(sign * value), location: start))
        }
        return .computed(try expression())
    }

    /// For `const`: a literal tensor or an expression.
    private mutating func expressionOrLiteral() throws -> Syntax.Expression {
        if isSymbol(current, "[") {
            throw source.error("tensor literals define inputs; write 'name = [ … ]'", at: current.location)
        }
        return try expression()
    }

    private func isStatementEnd(_ token: Token) -> Bool {
        token.kind == .newline || token.kind == .end
    }

    private mutating func tensorLiteral() throws -> Tensor {
        let open = try expect("[", "to start a list")
        if isSymbol(current, "[") {
            var rows: [[Double]] = []
            var firstRowAt = current.location
            repeat {
                if !rows.isEmpty { advance() }     // the comma
                if isSymbol(current, "]") && !rows.isEmpty { break }   // trailing comma
                let rowStart = current.location
                if rows.isEmpty { firstRowAt = rowStart }
                guard isSymbol(current, "[") else {
                    throw source.error("expected '[' to start row \(rows.count + 1) of the matrix, found \(current.spelling)", at: rowStart)
                }
                if case .symbol("[") = peek(1).kind {
                    throw source.error("tensors have at most 2 dimensions", at: peek(1).location)
                }
                let row = try numberRow()
                if let first = rows.first, row.count != first.count {
                    throw source.error("ragged matrix: row \(rows.count + 1) has \(Parser.elements(row.count)) but row 1 (line \(firstRowAt.line)) has \(first.count)", at: rowStart)
                }
                rows.append(row)
            } while isSymbol(current, ",")
            if current.kind == .end { throw source.error("this '[' is never closed", at: open.location) }
            _ = try expect("]", "to close the matrix opened at line \(open.location.line)")
            guard rows.first?.isEmpty == false else {
                throw source.error("a matrix needs at least one element", at: open.location)
            }
            return Tensor(rows: rows)
        }
        position -= 1
        let values = try numberRow()
        guard !values.isEmpty else { throw source.error("a vector needs at least one element", at: open.location) }
        return Tensor(vector: values)
    }

    /// `[n, n, …]` of signed numbers.
    private mutating func numberRow() throws -> [Double] {
        let openAt = try expect("[", "to start a list").location
        var values: [Double] = []
        while !isSymbol(current, "]") {
            var sign = 1.0
            if isSymbol(current, "-") { sign = -1; advance() } else if isSymbol(current, "+") { advance() }
            guard case .number(let value) = current.kind else {
                if isSymbol(current, "[") { throw source.error("tensors have at most 2 dimensions", at: current.location) }
                if case .end = current.kind { throw source.error("this '[' is never closed", at: openAt) }
                throw source.error("expected a number in the list, found \(current.spelling)", at: current.location)
            }
            values.append(sign * value)
            advance()
            if isSymbol(current, ",") { advance() } else if current.kind == .end {
                throw source.error("this '[' is never closed", at: openAt)
            } else if !isSymbol(current, "]") {
                throw source.error("expected ',' or ']' in the list, found \(current.spelling)", at: current.location)
            }
        }
        advance()
        return values
    }

    static func elements(_ n: Int) -> String { n == 1 ? "1 element" : "\(n) elements" }

    private mutating func nest(_ at: SourceLocation) throws {
        depth += 1
        if depth > maxDepth {
            throw source.error("expression nested more than \(maxDepth) levels deep; split it into named steps or raise the limit with --max-depth", at: at)
        }
    }

    /// A chain `a + b + c …` builds a tree as deep as it is long, so each operator in a
    /// chain counts as one level of nesting too.
    private mutating func expression() throws -> Syntax.Expression {
        let outer = depth
        defer { depth = outer }
        var lhs = try term()
        while let op = infixOperator(.sum) {
            let at = current.location
            try nest(at)
            advance()
            lhs = .binary(op, lhs, try term(), at)
        }
        return lhs
    }

    private mutating func term() throws -> Syntax.Expression {
        let outer = depth
        defer { depth = outer }
        var lhs = try unary()
        while let op = infixOperator(.product) {
            let at = current.location
            try nest(at)
            advance()
            lhs = .binary(op, lhs, try unary(), at)
        }
        return lhs
    }

    private mutating func unary() throws -> Syntax.Expression {
        if isSymbol(current, "-") {
            let at = current.location
            try nest(at)
            defer { depth -= 1 }
            advance()
            return .negate(try unary(), at)
        }
        if isSymbol(current, "+") {
            try nest(current.location)
            defer { depth -= 1 }
            advance()
            return try unary()
        }
        return try power()
    }

    private mutating func power() throws -> Syntax.Expression {
        let base = try primary()
        if let op = infixOperator(.power) {
            let at = current.location
            try nest(at)
            defer { depth -= 1 }
            advance()
            return .binary(op, base, try unary(), at)
        }
        return base
    }

    /// The primitive of the current token when it is an infix operator of `precedence` (from
    /// the primitives' rules).
    private func infixOperator(_ precedence: Spelling.Precedence) -> Primitive? {
        guard case .symbol(let symbol) = current.kind, let primitive = Primitive.infix(symbol),
              case .infix(_, precedence) = primitive.rule.spelling else { return nil }
        return primitive
    }

    private mutating func primary() throws -> Syntax.Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            advance()
            return .number(value, token.location)
        case .identifier(let name):
            advance()
            guard isSymbol(current, "(") else { return .name(name, token.location) }
            try nest(token.location)
            defer { depth -= 1 }
            advance()
            var arguments: [Syntax.Expression] = []
            while !isSymbol(current, ")") {
                arguments.append(try expression())
                if isSymbol(current, ",") { advance(); continue }
                guard isSymbol(current, ")") else {
                    if current.kind == .end {
                        throw source.error("the arguments of '\(name)' are never closed with ')'", at: token.location)
                    }
                    throw source.error("expected ',' or ')' in the arguments of '\(name)', found \(current.spelling)", at: current.location)
                }
            }
            advance()
            return .call(name, arguments, token.location)
        case .symbol("("):
            try nest(token.location)
            defer { depth -= 1 }
            advance()
            if isSymbol(current, ")") { throw source.error("expected an expression inside '( )'", at: current.location) }
            let inner = try expression()
            guard isSymbol(current, ")") else {
                if current.kind == .end {
                    throw source.error("this '(' is never closed", at: token.location)
                }
                throw source.error("expected ')' to close the '(' at line \(token.location.line), column \(token.location.column), found \(current.spelling)", at: current.location)
            }
            advance()
            return inner
        case .symbol("["):
            throw source.error("tensor literals may only stand alone, as in 'x = [1, 2]'", at: token.location)
        case .string:
            throw source.error("strings are only used by 'label' and 'title'", at: token.location)
        default:
            throw source.error("expected an expression, found \(token.spelling)", at: token.location)
        }
    }
}
