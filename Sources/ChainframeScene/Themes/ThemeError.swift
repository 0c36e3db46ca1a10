import Chainframe
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
    /// 1-based line and column (columns count characters, as in .cg diagnostics), when known.
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
        DiagnosticText.header(file: file, line: line, column: column, message: message)
    }

    /// The header, then the source line and a caret under the column when both are known,
    /// written by `DiagnosticText` exactly as errors in .cg files are.
    public var description: String {
        DiagnosticText.render(file: file, line: line, column: column, message: message, sourceLine: sourceLine)
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

    /// `a, b, c`.
    static func list(_ names: [String]) -> String {
        names.joined(separator: ", ")
    }
}
