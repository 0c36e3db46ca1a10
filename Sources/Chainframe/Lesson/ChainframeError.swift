import Foundation

/// The one error type of Chainframe's library API: what went wrong, and where.
///
/// Its `errorDescription` is the compiler-style header, e.g.
/// `bad.cg:2:9: error: 'd' is not defined; did you mean 'a'?`; ``description`` adds the
/// offending source line and a caret under the column, as the command line prints it.
public struct ChainframeError: Error, LocalizedError, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is, and so who can fix it.
    public enum Kind: String, Sendable, Equatable {
        /// The .cg source (or a graph built in Swift) is invalid: a syntax, name or shape error.
        case source
        /// A theme file or theme name is invalid.
        case theme
        /// A render option is invalid: a size, a scale, a step number, a format, a nudge name.
        case option
        /// Writing the output failed (I/O, a failed exporter).
        case output
    }

    /// What kind of problem it is.
    public var kind: Kind
    /// The file or lesson the error is in, when there is one.
    public var file: String?
    /// 1-based line and column in `file`, when known.
    public var location: SourceLocation?
    /// What is wrong, without the position: `'d' is not defined; did you mean 'a'?`.
    public var message: String
    /// The offending line of the source, without its line break, when known.
    public var sourceLine: String?
    /// For an invalid option, its name as batch manifests spell it (`scale`, `nudge-h`); the
    /// message then starts with it, and the command line writes it as a flag (`--scale`).
    public var option: String?

    /// An error of `kind` with `message`, optionally pointing into a file.
    public init(_ kind: Kind, _ message: String, file: String? = nil, location: SourceLocation? = nil,
                sourceLine: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.location = location
        self.sourceLine = sourceLine
    }

    /// An invalid option: the message is `key` followed by `problem` (`scale must be …`).
    public static func invalidOption(_ key: String, _ problem: String) -> ChainframeError {
        var error = ChainframeError(.option, key + (problem.hasPrefix(":") ? "" : " ") + problem)
        error.option = key
        return error
    }

    /// A diagnostic about a .cg source, as an error of kind ``Kind/source``.
    public init(_ diagnostic: Diagnostic) {
        self.init(.source, diagnostic.message, file: diagnostic.file, location: diagnostic.location,
                  sourceLine: diagnostic.sourceLine)
    }

    /// The first line: `file:line:column: error: message` (or `file: error: message`, or
    /// `chainframe: error: message` when no file is involved).
    public var header: String {
        DiagnosticText.header(file: file, line: location?.line, column: location?.column, message: message)
    }

    /// The header, then the source line and a caret under the column when they are known.
    public var description: String {
        DiagnosticText.render(file: file, line: location?.line, column: location?.column, message: message,
                              sourceLine: sourceLine)
    }

    /// The header, for `localizedDescription`.
    public var errorDescription: String? { header }
}
