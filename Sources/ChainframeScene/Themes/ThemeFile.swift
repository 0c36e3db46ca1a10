import enum Chainframe.DiagnosticText
import Foundation
import Yams

/// Reads theme files (YAML that sets the fields of a `Theme`) and writes them back.
///
/// A file gives every key, or starts with `extends: NAME` (a theme name or a file path) and
/// gives only the keys it changes. Every problem throws a `ThemeError` that names the file,
/// the line and column, the key path, the value found and what was expected.
/// The layout is `ThemeSchema`; `themes/README.md` documents it.
public enum ThemeFile {
    /// Loads the theme file at `path`; names in `extends` are looked up in `catalog`.
    public static func load(path: String, catalog: ThemeCatalog = .standard) throws -> Theme {
        try load(path: path, catalog: catalog, chain: [])
    }

    /// Loads a theme from the raw bytes of a file; `file` names it in messages and anchors
    /// relative `extends` paths.
    public static func load(data: Data, file: String, catalog: ThemeCatalog = .standard) throws -> Theme {
        try parse(utf8(data, file: file), file: file, catalog: catalog, chain: [Link(file)])
    }

    /// Loads a theme from theme-file text; `file` names it in messages and anchors relative
    /// `extends` paths.
    public static func parse(_ text: String, file: String, catalog: ThemeCatalog = .standard) throws -> Theme {
        try parse(text, file: file, catalog: catalog, chain: [Link(file)])
    }

    /// The longest chain of theme files joined by `extends` (each one is a level of recursion).
    public static let maxExtendsDepth = 32

    /// One file in a chain of `extends`: its name in messages and its resolved path.
    struct Link {
        var display: String
        var identity: String

        init(_ path: String) {
            display = path
            identity = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
    }

    static func load(path: String, catalog: ThemeCatalog, chain: [Link]) throws -> Theme {
        let text = try utf8(read(path), file: path)
        return try parse(text, file: path, catalog: catalog, chain: chain + [Link(path)])
    }

    /// Parses one file; `chain` ends with this file and lists the files that extend it.
    static func parse(_ text: String, file: String, catalog: ThemeCatalog, chain: [Link]) throws -> Theme {
        let source = ThemeSource(file: file, text: text)
        if let (line, column) = YAMLNesting.tooDeep(text) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            throw ThemeError(file: file, line: line, column: column,
                             message: "nested more than \(YAMLNesting.maxDepth) levels deep; a theme file needs only a few",
                             sourceLine: line <= lines.count ? String(lines[line - 1].prefix(200)) : nil)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw syntaxError(error, source: source)
        }
        if let root, YAMLSize.exceeds(root, limit: YAMLSize.maxValues) {
            throw source.error("more than \(YAMLSize.maxValues) values once aliases are expanded; "
                               + "a theme file needs a few hundred", at: nil)
        }
        guard let root, !ThemeDecoder.isNull(root) else {
            throw source.error("the theme file is empty; start it with 'extends: classroom' and add "
                               + "the keys you want to change", at: nil)
        }
        guard case .mapping(let mapping) = root else {
            throw source.error("a theme file must be a mapping of keys (such as 'name: my-theme'), not "
                               + ThemeDecoder.found(root), at: root.mark)
        }
        var theme = Theme.classroom
        let extends = mapping.first { $0.key.scalar?.string == "extends" }?.value
        if let extends {
            let (base, baseName) = try base(extends, source: source, catalog: catalog, chain: chain)
            theme = base
            theme.name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            theme.description = "Based on \(baseName)."
        }
        let decoder = ThemeDecoder(source: source, requireAll: extends == nil)
        try decoder.apply(ThemeSchema.root, mapping: mapping, prefix: "", openedAt: nil,
                          skipping: ["extends"], to: &theme)
        return theme
    }

    /// The theme an `extends` value names, and that name.
    private static func base(_ node: Node, source: ThemeSource, catalog: ThemeCatalog,
                             chain: [Link]) throws -> (Theme, String) {
        guard !ThemeDecoder.isNull(node), let reference = node.scalar?.string, !reference.isEmpty else {
            throw source.error("'extends' must be the name of a theme or the path of a theme file, not "
                               + ThemeDecoder.found(node), at: node.mark)
        }
        let path: String
        if ThemeCatalog.isPath(reference) {
            let directory = (source.file as NSString).deletingLastPathComponent
            path = reference.hasPrefix("/") || directory.isEmpty
                ? reference : (directory as NSString).appendingPathComponent(reference)
            guard FileManager.default.fileExists(atPath: path) else {
                throw source.error("'extends' names a missing file \(ThemeWording.quoted(reference)) "
                                   + "(looked for \(path))", at: node.mark)
            }
        } else if let found = catalog.file(named: reference) {
            path = found
        } else if let builtIn = Theme.builtIn(named: reference) {
            return (builtIn, reference)
        } else {
            let names = catalog.names()
            let guess = DiagnosticText.suggestion(for: reference, among: names).map { "; did you mean \"\($0)\"?" } ?? ""
            throw source.error("'extends' names an unknown theme \(ThemeWording.quoted(reference))\(guess) "
                               + "(available: \(ThemeWording.list(names)))", at: node.mark)
        }
        guard chain.count < maxExtendsDepth else {
            throw source.error("'extends' chains more than \(maxExtendsDepth) theme files; "
                               + "join some of them into one file", at: node.mark)
        }
        let link = Link(path)
        if let start = chain.firstIndex(where: { $0.identity == link.identity }) {
            let cycle = chain[start...].map(\.display) + [link.display]
            throw source.error("'extends' makes a cycle: " + cycle.joined(separator: " -> "), at: node.mark)
        }
        return (try load(path: path, catalog: catalog, chain: chain), reference)
    }

    /// The largest theme file read: real ones are a few kilobytes.
    public static let maxBytes = 1 << 20

    /// The bytes of a file (at most `maxBytes`, checked while reading), or a `ThemeError` saying why not.
    static func read(_ path: String) throws -> Data {
        let bytes: [UInt8]
        do {
            bytes = try BoundedRead.bytes(of: path, limit: maxBytes)
        } catch {
            let reason = error.reason == "it is a directory" ? "it is a folder" : error.reason
            throw ThemeError(file: path, message: "cannot read the theme file: \(reason)")
        }
        guard bytes.count <= maxBytes else {
            throw ThemeError(file: path, message: "the theme file is larger than \(maxBytes / 1024) KiB; "
                             + "a theme needs only a few kilobytes")
        }
        return Data(bytes)
    }

    /// The text of a UTF-8 file (a leading byte-order mark dropped), or an error at the first bad byte.
    static func utf8(_ data: Data, file: String) throws -> String {
        if var text = String(validating: data, as: UTF8.self) {
            if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
            return text
        }
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0, line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar):
                offset += scalar.count
                if scalar.count == 1 && scalar.first == 0x0A { line += 1; column = 1 } else { column += 1 }
            case .error:
                let byte = data[data.startIndex + offset]
                let hex = String(byte, radix: 16, uppercase: true)
                throw ThemeError(file: file, line: line, column: column,
                                 message: "the theme file is not UTF-8 text (found the byte 0x"
                                     + (hex.count < 2 ? "0" + hex : hex) + "); save it as UTF-8")
            case .emptyInput:
                throw ThemeError(file: file, message: "the theme file is not UTF-8 text; save it as UTF-8")
            }
        }
    }

    /// A Yams error as a `ThemeError` at the position libyaml reports.
    static func syntaxError(_ error: Error, source: ThemeSource) -> ThemeError {
        guard let yaml = error as? YamlError else {
            return source.error("invalid YAML: \(error)", at: nil)
        }
        switch yaml {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "invalid YAML: \(problem)"
            let problemLine = mark.line <= source.lines.count ? source.lines[mark.line - 1] : ""
            if let context, problemLine.allSatisfy(\.isWhitespace) {
                // At the end of the file: point at what was left open instead.
                return source.error(message + " (\(context.text), which starts here)", at: context.mark)
            }
            if let context {
                let at = context.mark.line == mark.line && context.mark.column == mark.column
                    ? "" : " at line \(context.mark.line), column \(context.mark.column)"
                message += " (\(context.text)\(at))"
            }
            if mark.line <= source.lines.count,
               source.lines[mark.line - 1].unicodeScalars.dropFirst(mark.column - 1).first == "\t" {
                message += "; indent with spaces, not tabs"
            }
            return source.error(message, at: mark)
        case let .reader(problem, offset, _, text):
            guard let offset, offset <= text.count else { return source.error("invalid YAML: \(problem)", at: nil) }
            let before = text.prefix(offset)
            let line = before.reduce(1) { $1.isNewline ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(where: \.isNewline).map { before.index(after: $0) } ?? before.startIndex
            let column = before[lineStart...].unicodeScalars.count + 1
            return source.error("invalid YAML: \(problem)", line: line, column: column)
        default:
            return source.error("invalid YAML: \(yaml)", at: nil)
        }
    }
}
