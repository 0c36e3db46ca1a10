import enum Chainframe.DiagnosticText
import Yams

/// The text of one theme file, kept so that errors can quote the offending line.
struct ThemeSource {
    /// The file as it is named in messages.
    let file: String
    let lines: [String]

    init(file: String, text: String) {
        self.file = file
        self.lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
    }

    /// An error at `mark` (a file-level error when nil).
    func error(_ message: String, at mark: Mark?) -> ThemeError {
        guard let mark else { return ThemeError(file: file, message: message) }
        return error(message, line: mark.line, column: mark.column)
    }

    /// An error at a 1-based line and column counted in Unicode scalars, as YAML reports it
    /// (the error counts characters, as every diagnostic does).
    func error(_ message: String, line: Int, column: Int) -> ThemeError {
        let text = line >= 1 && line <= lines.count ? lines[line - 1] : nil
        let characterColumn = text.map { DiagnosticText.characterColumn(in: $0, scalarColumn: column) } ?? column
        return ThemeError(file: file, line: line, column: characterColumn, message: message, sourceLine: text)
    }
}

/// Applies the keys of a parsed theme file to a `Theme`, checking each against `ThemeSchema`.
///
/// Problems are reported in file order: the first unknown, repeated or badly valued key
/// throws; missing keys (only checked when `requireAll`) are reported after their group.
struct ThemeDecoder {
    let source: ThemeSource
    /// Whether every key must be present (a theme without `extends`).
    let requireAll: Bool

    /// Applies a mapping's keys; `skipping` names keys handled elsewhere (top-level `extends`).
    func apply(_ entries: [ThemeSchema.Entry], mapping: Node.Mapping, prefix: String, openedAt: Mark?,
               skipping: Set<String> = [], to theme: inout Theme) throws {
        var seen: [String: Mark?] = [:]
        for (keyNode, valueNode) in mapping {
            guard let name = keyNode.scalar?.string else {
                throw source.error("a key must be a plain name, not \(Self.found(keyNode))", at: keyNode.mark)
            }
            let path = prefix.isEmpty ? name : prefix + "." + name
            if let first = seen[name] {
                let whereFirst = first.map { " (first on line \($0.line))" } ?? ""
                throw source.error("'\(path)' is given twice\(whereFirst)", at: keyNode.mark)
            }
            seen[name] = keyNode.mark
            if skipping.contains(name) { continue }
            guard let entry = entries.first(where: { $0.name == name }) else {
                let known = entries.map(\.name) + skipping.sorted()
                let dot = prefix.isEmpty ? "" : prefix + "."
                if let guess = DiagnosticText.suggestion(for: name, among: known) {
                    throw source.error("unknown key '\(path)'; did you mean '\(dot)\(guess)'?", at: keyNode.mark)
                }
                let place = prefix.isEmpty ? "at the top level" : "in '\(prefix)'"
                throw source.error("unknown key '\(path)'; the keys \(place) are \(ThemeWording.list(known))",
                                   at: keyNode.mark)
            }
            try apply(entry.key, node: valueNode, path: path, keyMark: keyNode.mark, to: &theme)
        }
        if requireAll, let missing = entries.first(where: { seen[$0.name] == nil }) {
            let path = prefix.isEmpty ? missing.name : prefix + "." + missing.name
            throw source.error("missing key '\(path)' (\(missing.key.expected)); a theme without "
                               + "'extends' must give every key", at: openedAt)
        }
    }

    /// Applies one key's value: a nested group, or a leaf checked against its rule.
    private func apply(_ key: ThemeSchema.Key, node: Node, path: String, keyMark: Mark?,
                       to theme: inout Theme) throws {
        switch key {
        case .group(let entries):
            guard case .mapping(let mapping) = node else { throw mismatch(path, key.expected, node) }
            try apply(entries, mapping: mapping, prefix: path, openedAt: keyMark, to: &theme)
        case .value(let value):
            try apply(value, expected: key.expected, node: node, path: path, to: &theme)
        }
    }

    private func apply(_ value: ThemeSchema.Value, expected: String, node: Node, path: String,
                       to theme: inout Theme) throws {
        let text = Self.isNull(node) ? nil : node.scalar?.string
        switch value {
        case .text(let target, let allowEmpty):
            if allowEmpty, Self.isNull(node) { theme[keyPath: target] = ""; return }
            guard let text, allowEmpty || !text.isEmpty else { throw mismatch(path, expected, node) }
            // Font matching is slow in the length of the list (10 000 names: 8 s): keep it short.
            if target == \Theme.fontFamily,
               text.split(separator: ",").count > Theme.maxFontFamilies || text.utf8.count > 4096 {
                throw mismatch(path, "a list of at most \(Theme.maxFontFamilies) font families", node)
            }
            theme[keyPath: target] = text
        case .colour(let target):
            guard let text, let colour = Self.colour(text) else { throw mismatch(path, expected, node) }
            theme[keyPath: target] = colour
        case .number(let target, let rule):
            guard let text, let x = Self.number(text), rule.accepts(x) else {
                throw mismatch(path, expected, node)
            }
            theme[keyPath: target] = x
        case .dash(let target):
            theme[keyPath: target] = try dash(node, path: path, expected: expected)
        case .shape(let target):
            guard let text, let shape = Theme.NodeStyle.Shape(rawValue: text) else {
                throw mismatch(path, expected, node, suggesting: Theme.NodeStyle.Shape.allCases.map(\.rawValue))
            }
            theme[keyPath: target] = shape
        case .position(let target):
            guard let text, let position = Theme.CaptionBand.Position(rawValue: text) else {
                throw mismatch(path, expected, node,
                               suggesting: Theme.CaptionBand.Position.allCases.map(\.rawValue))
            }
            theme[keyPath: target] = position
        }
    }

    /// A dash pattern: a list of lengths, none negative, not all zero.
    private func dash(_ node: Node, path: String, expected: String) throws -> [Double] {
        guard case .sequence(let sequence) = node else { throw mismatch(path, expected, node) }
        var pattern: [Double] = []
        for (i, element) in sequence.enumerated() {
            let text = Self.isNull(element) ? nil : element.scalar?.string
            guard let text, let x = Self.number(text), x >= 0 else {
                throw mismatch("\(path)[\(i)]", ThemeSchema.NumberRule.nonNegative.expected, element)
            }
            pattern.append(x)
        }
        if !pattern.isEmpty && !pattern.contains(where: { $0 > 0 }) {
            let shown = "[" + pattern.map(ThemeFile.number).joined(separator: ", ") + "]"
            throw source.error("'\(path)' must contain a number greater than 0 ([] for a solid line), "
                               + "not \(shown)", at: node.mark)
        }
        return pattern
    }

    /// `'path' must be EXPECTED, not FOUND`, with a hint for the usual slips.
    private func mismatch(_ path: String, _ expected: String, _ node: Node,
                          suggesting candidates: [String] = []) -> ThemeError {
        var message = "'\(path)' must be \(expected), not \(Self.found(node))"
        if Self.isNull(node), expected.hasPrefix("a colour") {
            message += " (put colours in quotes: in YAML a # after a space starts a comment)"
        } else if let text = node.scalar?.string, let guess = DiagnosticText.suggestion(for: text, among: candidates) {
            message += "; did you mean \(guess)?"
        }
        return source.error(message, at: node.mark)
    }

    /// How a node looks in a message: `-3`, `"hexagon"`, `a list`, `a mapping`, `empty`.
    static func found(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            return ThemeWording.found(scalar.string, isNull: isNull(node),
                                      isNumber: plain && number(scalar.string) != nil)
        }
    }

    /// Whether a node is YAML's null: nothing after the colon, `~` or `null`.
    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A finite decimal number (`2`, `-1.5`, `1e3`); not hex, `.inf` or `.nan`.
    static func number(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ "0123456789+-.eE".contains($0) }),
              let x = Double(text), x.isFinite else { return nil }
        return x
    }

    /// `#RRGGBB` or `#RRGGBBAA` exactly (the `#RGB` shorthand is not part of the file format).
    static func colour(_ text: String) -> RGBA? {
        guard text.first == "#", text.count == 7 || text.count == 9,
              text.dropFirst().allSatisfy(\.isHexDigit) else { return nil }
        return RGBA(hex: text)
    }
}
