import ArgumentParser
import ChainframeRender

/// `chainframe themes`: the themes `--theme` accepts, or one theme's full YAML.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the available themes.",
        discussion: """
            Themes are NAME.yaml files in $CHAINFRAME_THEMES, ./themes, or the themes folder \
            installed with chainframe; classroom, chalkboard, colorblind and print are built in. --show prints a theme's full \
            file, to copy and edit (or start a file with 'extends: NAME' and change a few keys).
            """
    )

    @Option(name: .long, help: ArgumentHelp("Print this theme's full YAML (a name or a path).",
                                             valueName: "name"))
    var show: String?

    func run() throws {
        let catalog = ThemeCatalog.standard
        if let show {
            print(ThemeFile.yaml(for: try catalog.resolve(show)), terminator: "")
            return
        }
        print(Self.listing(catalog.available()), terminator: "")
    }

    /// The list: each name with its description, and where it comes from on the next line.
    static func listing(_ entries: [ThemeCatalog.Entry]) -> String {
        let width = (entries.map(\.name.count).max() ?? 0) + 2
        let indent = String(repeating: " ", count: width)
        var out = ""
        for entry in entries {
            let padded = entry.name + String(repeating: " ", count: width - entry.name.count)
            if let problem = entry.problem {
                out += padded + "(cannot be loaded: \(problem.header))\n"
            } else {
                out += padded + entry.description + "\n"
            }
            out += indent + "from \(entry.source)\n"
        }
        out += "\nUse one with --theme NAME (or --theme PATH.yaml); see its keys with "
            + "'chainframe themes --show NAME'.\n"
        return out
    }
}
