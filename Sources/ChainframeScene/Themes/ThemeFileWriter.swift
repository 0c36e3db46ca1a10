import Chainframe

extension ThemeFile {
    /// The canonical full theme file for `theme`: every key, in the documented order.
    ///
    /// `themes/classroom.yaml` is exactly `yaml(for: .classroom)`, and loading the result gives
    /// `theme` back (colours are stored to the byte, as `#RRGGBB` or `#RRGGBBAA`).
    public static func yaml(for theme: Theme) -> String {
        var out = "# Chainframe theme \(quoted(theme.name)). Every key is explained in themes/README.md.\n"
        out += "# To change only a few keys, start a file with 'extends: \(theme.name)' and give just those.\n"
        write(ThemeSchema.root, of: theme, indent: "", into: &out)
        return out
    }

    private static func write(_ entries: [ThemeSchema.Entry], of theme: Theme, indent: String,
                              into out: inout String) {
        for entry in entries {
            if let comment = entry.comment {
                out += "\n\(indent)# \(comment)\n"
            }
            switch entry.key {
            case .group(let children):
                out += "\(indent)\(entry.name):\n"
                write(children, of: theme, indent: indent + "  ", into: &out)
            case .value(let value):
                out += "\(indent)\(entry.name): \(text(of: value, in: theme))\n"
            }
        }
    }

    /// Every leaf key of `theme` as a dotted path (`nodes.input.fill`) with its value as the
    /// file spells it (`"#EAF1FB"`), in file order.
    static func values(of theme: Theme) -> [(path: String, text: String)] {
        func walk(_ entries: [ThemeSchema.Entry], prefix: String) -> [(path: String, text: String)] {
            entries.flatMap { entry -> [(path: String, text: String)] in
                let path = prefix + entry.name
                switch entry.key {
                case .group(let children): return walk(children, prefix: path + ".")
                case .value(let value): return [(path, text(of: value, in: theme))]
                }
            }
        }
        return walk(ThemeSchema.root, prefix: "")
    }

    /// One value as the file spells it.
    private static func text(of value: ThemeSchema.Value, in theme: Theme) -> String {
        switch value {
        case .text(let path, _): return quoted(theme[keyPath: path])
        case .colour(let path): return "\"" + theme[keyPath: path].hexString + "\""
        case .number(let path, _): return number(theme[keyPath: path])
        case .dash(let path): return "[" + theme[keyPath: path].map(number).joined(separator: ", ") + "]"
        case .shape(let path): return theme[keyPath: path].rawValue
        case .position(let path): return theme[keyPath: path].rawValue
        }
    }

    /// `20`, `1.5`, `0.45`: whole numbers without a decimal point, others as short as exact.
    static func number(_ x: Double) -> String {
        NumberFormat.full(x)
    }

    /// A YAML double-quoted string (a JSON string literal is one).
    private static func quoted(_ text: String) -> String {
        JSONValue.quoted(text)
    }
}
