import Foundation

/// A position in a source file: 1-based line and column (columns count characters).
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// An error in a user's input, pointing at the place that caused it.
///
/// Rendered the way compilers do:
/// ```
/// lecture.cg:4:9: error: 'd' is not defined
/// u = b * d
///         ^
/// ```
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name as the user gave it.
    public var file: String
    public var location: SourceLocation
    public var message: String
    /// The full text of the offending line, without its line break.
    public var sourceLine: String

    public init(file: String, location: SourceLocation, message: String, sourceLine: String) {
        self.file = file
        self.location = location
        self.message = message
        self.sourceLine = sourceLine
    }

    /// The three-line rendering: header, source line, caret (written by ``DiagnosticText``).
    public var description: String {
        DiagnosticText.render(file: file, line: location.line, column: location.column, message: message,
                              sourceLine: sourceLine)
    }
}

/// The text of a source file split into lines, so diagnostics can quote them.
public struct SourceFile: Sendable {
    /// The name used in diagnostics (usually the path as given).
    public let name: String
    /// The whole text.
    public let text: String
    /// The lines, without line breaks.
    public let lines: [String]

    /// Windows (CR LF) and classic Mac (CR) line breaks become LF, so that lines, columns and
    /// the parser agree whatever editor saved the file. (In Swift "\r\n" is one Character, so
    /// splitting on "\n" alone left a CRLF file as one line.)
    public init(name: String, text: String) {
        self.name = name
        let normalized = text.contains("\r") || text.contains("\r\n") ? SourceFile.unixLineBreaks(text) : text
        self.text = normalized
        self.lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// `text` with CR LF and lone CR replaced by LF.
    static func unixLineBreaks(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousCR = true
                continue
            }
            if !(scalar == "\n" && previousCR) { scalars.append(scalar) }
            previousCR = false
        }
        return String(scalars)
    }

    /// A diagnostic at `location` with `message`.
    public func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        let line = location.line >= 1 && location.line <= lines.count ? lines[location.line - 1] : ""
        return Diagnostic(file: name, location: location, message: message, sourceLine: line)
    }

    /// Decodes raw bytes as UTF-8, rejecting invalid bytes, NUL bytes and oversized input
    /// with a diagnostic that points at the first offending byte.
    public static func decode(name: String, bytes: [UInt8], maxBytes: Int = SourceFile.defaultMaxBytes) throws -> SourceFile {
        if bytes.count > maxBytes {
            throw Diagnostic(file: name, location: SourceLocation(line: 1, column: 1),
                             message: "file is larger than the limit of \(maxBytes) bytes; raise it with --max-input-bytes",
                             sourceLine: "")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }   // UTF-8 byte order mark
        var line = 1
        var lineStart = body.startIndex
        var index = body.startIndex
        while index < body.endIndex {
            let byte = body[index]
            if byte == 0x0A { line += 1; lineStart = index + 1; index += 1; continue }
            let length: Int
            if byte == 0 {
                throw byteError(name, body, line, lineStart, index, "NUL byte in source (is this a binary file?)")
            } else if byte < 0x80 { length = 1 }
            else if byte & 0xE0 == 0xC0 && byte >= 0xC2 { length = 2 }
            else if byte & 0xF0 == 0xE0 { length = 3 }
            else if byte & 0xF8 == 0xF0 && byte <= 0xF4 { length = 4 }
            else { throw byteError(name, body, line, lineStart, index, String(format: "invalid UTF-8 byte 0x%02X", byte)) }
            if length > 1 {
                guard index + length <= body.endIndex,
                      body[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }),
                      String(validating: body[index..<(index + length)], as: UTF8.self) != nil else {
                    throw byteError(name, body, line, lineStart, index, String(format: "invalid UTF-8 sequence starting with byte 0x%02X", byte))
                }
            }
            index += length
        }
        return SourceFile(name: name, text: String(decoding: body, as: UTF8.self))
    }

    /// The default input size limit: 4 MiB, far beyond any hand-written graph.
    public static let defaultMaxBytes = 4 << 20

    private static func byteError(_ name: String, _ body: ArraySlice<UInt8>, _ line: Int,
                                  _ lineStart: Int, _ index: Int, _ message: String) -> Diagnostic {
        let prefix = String(decoding: body[lineStart..<index], as: UTF8.self)
        var end = index
        while end < body.endIndex && body[end] != 0x0A { end += 1 }
        let shown = prefix + "\u{FFFD}" + String(decoding: body[min(index + 1, end)..<end], as: UTF8.self)
        return Diagnostic(file: name, location: SourceLocation(line: line, column: prefix.count + 1),
                          message: message, sourceLine: shown.replacingNUL())
    }
}

extension String {
    fileprivate func replacingNUL() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0.value == 0 ? "\u{FFFD}" : $0 }))
    }
}
