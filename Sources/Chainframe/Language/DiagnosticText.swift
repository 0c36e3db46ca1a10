/// How every Chainframe error about a user's file is written, for .cg files and theme files
/// alike: the compiler-style header, the offending line, a caret under the column, and the
/// one "did you mean" suggestion.
///
/// ```
/// lecture.cg:4:9: error: 'd' is not defined; did you mean 'c'?
/// u = b * d
///         ^
/// ```
/// Columns are 1-based and count characters (what a reader sees as one letter, `한` or `é`).
public enum DiagnosticText {
    /// `file:line:column: error: message`; `file: error: message` without a position;
    /// `chainframe: error: message` when no file is involved. Control characters in the file
    /// name or message are written as visible escapes (``TerminalText``).
    public static func header(file: String?, line: Int?, column: Int?, message: String) -> String {
        let header: String
        if let file, let line, let column {
            header = "\(file):\(line):\(column): error: \(message)"
        } else if let file {
            header = "\(file): error: \(message)"
        } else {
            header = "chainframe: error: \(message)"
        }
        return TerminalText.needsSanitizing(header) ? TerminalText.sanitized(header) : header
    }

    /// The header, then — when both are known — the source line and a caret under `column`.
    public static func render(file: String?, line: Int?, column: Int?, message: String, sourceLine: String?) -> String {
        let first = header(file: file, line: line, column: column, message: message)
        guard let sourceLine, let column else { return first }
        return first + "\n" + printable(sourceLine) + "\n" + caret(under: sourceLine, column: column)
    }

    /// The longest part of a source line that is quoted; the rest is shown as ` …`.
    public static let maxQuotedCharacters = 400

    /// The source line as it is safe to print: control characters as ``TerminalText`` knows them
    /// (a stray carriage return, an escape, C1 controls, bidirectional overrides) as spaces, so
    /// the caret stays in its column; tabs kept; very long lines cut after ``maxQuotedCharacters``.
    public static func printable(_ line: String) -> String {
        var out = ""
        for (i, ch) in line.enumerated() {
            if i >= maxQuotedCharacters { out += " …"; break }
            if ch == "\t" { out.append(ch); continue }
            if ch.unicodeScalars.contains(where: TerminalText.isControl) {
                out.append(" ")
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// What goes under ``printable(_:)``'s line: a tab for each tab before `column`, two spaces
    /// for each wide East Asian character, one for any other, then `^`.
    public static func caret(under line: String, column: Int) -> String {
        var pad = ""
        for (i, ch) in line.enumerated() where i < column - 1 {
            if i >= maxQuotedCharacters { break }
            if ch == "\t" { pad += "\t" } else { pad += String(repeating: " ", count: displayWidth(ch)) }
        }
        return pad + "^"
    }

    /// The 1-based character column of a 1-based column that counts Unicode scalars (as YAML
    /// parsers report them): combining marks and joined emoji are part of one character.
    public static func characterColumn(in line: String, scalarColumn: Int) -> Int {
        var scalars = 0, characters = 0
        for ch in line {
            if scalars >= scalarColumn - 1 { break }
            scalars += ch.unicodeScalars.count
            characters += 1
        }
        return characters + 1 + max(0, scalarColumn - 1 - scalars)
    }

    /// The number of terminal columns a character takes: 2 for wide East Asian characters.
    public static func displayWidth(_ ch: Character) -> Int {
        guard let v = ch.unicodeScalars.first?.value else { return 1 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// The "did you mean" of every message: the candidate closest to `word` when it is close
    /// enough to be a likely typo (at most one edit in three characters, at least one),
    /// ignoring case; ties go to the alphabetically first.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() where candidate != word {
            let d = editDistance(target, Array(candidate.lowercased()))
            if d <= max(1, word.count / 3) && d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// Levenshtein distance between two character sequences.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
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
}
