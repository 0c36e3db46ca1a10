/// One lexical token of the .cg language.
public struct Token: Sendable, Equatable {
    /// What kind of token this is.
    public enum Kind: Sendable, Equatable {
        case identifier(String)
        case number(Double)
        case string(String)
        case symbol(String)     // = + - * / ^ ** @ ( ) [ ] ,
        case newline
        case end
    }

    public var kind: Kind
    public var location: SourceLocation

    /// The token as the user wrote it, for messages.
    public var spelling: String {
        switch kind {
        case .identifier(let name): return "'\(name)'"
        case .number: return "a number"
        case .string: return "a string"
        case .symbol(let s): return "'\(s)'"
        case .newline: return "end of line"
        case .end: return "end of file"
        }
    }
}

/// Splits .cg source text into tokens.
///
/// `#` starts a comment to the end of the line. Line breaks end statements, except inside
/// brackets and parentheses, so a matrix may span several lines.
public struct Lexer {
    private let source: SourceFile
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    private var nesting = 0

    public init(source: SourceFile) {
        self.source = source
        self.characters = Array(source.text)
    }

    /// All tokens, ending with `.end`.
    public static func tokenize(_ source: SourceFile) throws -> [Token] {
        var lexer = Lexer(source: source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var here: SourceLocation { SourceLocation(line: line, column: column) }

    private mutating func advance() {
        if characters[index] == "\n" || characters[index] == "\r\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    private mutating func next() throws -> Token {
        while let c = peek() {
            if c == "#" {
                while let d = peek(), d != "\n", d != "\r\n" { advance() }
            } else if c == "\n" || c == "\r\n" {
                let start = here
                advance()
                if nesting == 0 { return Token(kind: .newline, location: start) }
            } else if c == " " || c == "\t" || c == "\r" || c == "\u{FEFF}" {
                advance()
            } else {
                break
            }
        }
        let start = here
        guard let c = peek() else { return Token(kind: .end, location: start) }
        if c.isNumber && c.isASCII || (c == "." && (peek(1)?.isASCII ?? false) && (peek(1)?.isNumber ?? false)) {
            return try number(start)
        }
        if Lexer.isIdentifierStart(c) {
            var name = ""
            while let d = peek(), Lexer.isIdentifierContinue(d) { name.append(d); advance() }
            return Token(kind: .identifier(name), location: start)
        }
        if c == "\"" { return try string(start) }
        advance()
        switch c {
        case "*":
            if peek() == "*" { advance(); return Token(kind: .symbol("^"), location: start) }
            return Token(kind: .symbol("*"), location: start)
        case "(", "[":
            nesting += 1
            return Token(kind: .symbol(String(c)), location: start)
        case ")", "]":
            nesting = max(0, nesting - 1)
            return Token(kind: .symbol(String(c)), location: start)
        case "=", "+", "-", "/", "^", "@", ",":
            return Token(kind: .symbol(String(c)), location: start)
        case "×", "·": return Token(kind: .symbol("*"), location: start)
        case "−": return Token(kind: .symbol("-"), location: start)
        default:
            let shown = c.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
                ? "'\(c)'" : "U+" + String(c.unicodeScalars.first!.value, radix: 16, uppercase: true)
            throw source.error("unexpected character \(shown)", at: start)
        }
    }

    private mutating func number(_ start: SourceLocation) throws -> Token {
        var text = ""
        while let d = peek(), d.isASCII, d.isNumber || d == "." { text.append(d); advance() }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1)
            let hasSign = sign == "+" || sign == "-"
            if let digit = peek(hasSign ? 2 : 1), digit.isASCII, digit.isNumber {
                text.append("e"); advance()
                if hasSign { text.append(sign!); advance() }
                while let d = peek(), d.isASCII, d.isNumber { text.append(d); advance() }
            }
        }
        if let d = peek(), Lexer.isIdentifierContinue(d) {
            throw source.error("invalid number '\(text)\(d)'", at: start)
        }
        guard text.filter({ $0 == "." }).count <= 1, let value = Double(text) else {
            throw source.error("invalid number '\(text)'", at: start)
        }
        guard value.isFinite else {
            throw source.error("number '\(text)' is too large for a 64-bit float", at: start)
        }
        return Token(kind: .number(value), location: start)
    }

    private mutating func string(_ start: SourceLocation) throws -> Token {
        advance()   // opening quote
        var text = ""
        while let c = peek() {
            if c == "\"" { advance(); return Token(kind: .string(text), location: start) }
            if c == "\n" || c == "\r\n" { break }
            if c == "\\", let n = peek(1), n == "\"" || n == "\\" { advance(); text.append(n); advance(); continue }
            text.append(c)
            advance()
        }
        throw source.error("unterminated string", at: start)
    }

    /// Letters of any script and `_` may start a name.
    static func isIdentifierStart(_ c: Character) -> Bool {
        c == "_" || c.isLetter
    }

    /// Letters, digits, `_` and combining marks may continue a name.
    static func isIdentifierContinue(_ c: Character) -> Bool {
        c == "_" || c.isLetter || (c.isNumber && c.unicodeScalars.first!.properties.numericType == .decimal)
            || c.unicodeScalars.first!.properties.generalCategory == .nonspacingMark
    }
}
