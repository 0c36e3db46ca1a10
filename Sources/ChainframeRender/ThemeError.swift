import Foundation

/// A problem with a theme file or a theme name, pointing at the place that caused it.
///
/// Rendered in the project's diagnostic style:
/// ```
/// themes/mine.yaml:7:11: error: 'nodes.input.fill' must be a colour "#RRGGBB" or "#RRGGBBAA", not "#12345"
///     fill: "#12345"
///           ^
/// ```
/// Without a position the header is `FILE: error: …`; without a file (an unknown theme
/// name) it is `chainframe: error: …`. A command that lets a `ThemeError` escape should exit
/// with status 2 (invalid input).
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as it was named (the user's path, or the path a theme name resolved to).
    public var file: String?
    /// 1-based line and column (columns count Unicode scalars), when known.
    public var line: Int?
    public var column: Int?
    /// What is wrong and what was expected, e.g. `missing key 'nodes.input.fill' (…)`.
    public var message: String
    /// The offending line of the file, without its line break, when known.
    public var sourceLine: String?

    public init(file: String?, line: Int? = nil, column: Int? = nil, message: String,
                sourceLine: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.sourceLine = sourceLine
    }

    /// The first line alone: `file:line:column: error: message`.
    public var header: String {
        guard let file else { return "chainframe: error: \(message)" }
        guard let line, let column else { return "\(file): error: \(message)" }
        return "\(file):\(line):\(column): error: \(message)"
    }

    /// The header, then the source line and a caret under the column when both are known.
    public var description: String {
        guard let sourceLine, let column else { return header }
        var caret = ""
        for (i, scalar) in sourceLine.unicodeScalars.enumerated() where i < column - 1 {
            caret.append(scalar == "\t" ? "\t" : " ")
        }
        return header + "\n" + sourceLine + "\n" + caret + "^"
    }
}

/// Wording shared by the theme loader's messages.
enum ThemeWording {
    /// How a YAML node looks in a message: `-3`, `"hexagon"`, `a list`, `empty`.
    static func found(_ text: String, isNull: Bool, isNumber: Bool) -> String {
        if isNull { return "empty" }
        if isNumber { return text }
        return quoted(text)
    }

    /// `"text"`, escaped and shortened to a readable length.
    static func quoted(_ text: String) -> String {
        var shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        shown = shown.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t")
        return "\"" + shown + "\""
    }

    /// The candidate closest to `word` when it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = editDistance(lowered, candidate.lowercased())
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        guard let best else { return nil }
        let limit = max(2, min(word.count, best.name.count) / 3)
        return best.distance <= limit ? best.name : nil
    }

    /// Levenshtein distance, counting characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `a, b, c`.
    static func list(_ names: [String]) -> String {
        names.joined(separator: ", ")
    }
}
