extension Theme {
    /// Dark slides for projectors and dimmed rooms (`themes/chalkboard.yaml`, built in).
    public static let chalkboard = builtIn("chalkboard")
    /// Colours told apart with any colour vision (`themes/colorblind.yaml`, built in).
    public static let colorblind = builtIn("colorblind")
    /// Black on white for paper and grey-scale printing (`themes/print.yaml`, built in).
    public static let print = builtIn("print")

    /// The names of the themes built into Chainframe, sorted.
    public static let builtInNames: [String] = ([ThemeCatalog.builtInName] + builtInFiles.keys).sorted()

    /// The built-in theme called `name`, or nil.
    public static func builtIn(named name: String) -> Theme? {
        switch name {
        case ThemeCatalog.builtInName: return .classroom
        case "chalkboard": return .chalkboard
        case "colorblind": return .colorblind
        case "print": return .print
        default: return nil
        }
    }

    /// Parses the built-in file `name`, extending the built-in classroom (never a file on disk).
    /// The texts are checked by the theme tests, so parsing them cannot fail in a build that
    /// passed its tests.
    private static func builtIn(_ name: String) -> Theme {
        do {
            return try ThemeFile.parse(builtInFiles[name] ?? "", file: "\(name).yaml (built in)",
                                       catalog: ThemeCatalog(directories: []))
        } catch {
            preconditionFailure("the built-in theme \(name) does not parse: \(error)")
        }
    }
}
