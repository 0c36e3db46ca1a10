import Chainframe
import Foundation
import Testing
@testable import ChainframeScene

/// Theme files, the theme catalog and the shipped themes (`swift test --filter ThemeTests`).
@Suite struct ThemeTests {
    /// The `themes/` folder of this repository, found from this file's path.
    static let themesDirectory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("themes").path
    }()

    /// A catalog of the repository's themes only (no environment, no executable folders).
    static let catalog = ThemeCatalog(directories: [themesDirectory])

    /// Every `*.yaml` in `themes/`, sorted.
    static func themeFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: themesDirectory)
            .filter { $0.hasSuffix(".yaml") }.sorted()
            .map { themesDirectory + "/" + $0 }
    }

    /// A fresh empty folder under the system's temporary folder.
    static func makeTemporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("chainframe-theme-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

extension ThemeTests {
    @Suite struct Files {
        @Test func everyThemeFileLoads() throws {
            let files = try themeFiles()
            #expect(files.map { ($0 as NSString).lastPathComponent }
                    == ["chalkboard.yaml", "classroom.yaml", "colorblind.yaml", "print.yaml"])
            for file in files {
                let theme = try ThemeFile.load(path: file, catalog: catalog)
                let stem = (((file as NSString).lastPathComponent) as NSString).deletingPathExtension
                #expect(theme.name == stem)
                #expect(!theme.description.isEmpty)
            }
        }

        /// After changing `Theme.classroom`, run `CHAINFRAME_UPDATE_THEMES=1 swift test --filter ThemeTests`
        /// to rewrite `themes/classroom.yaml` (then review the diff).
        @Test func builtInClassroomIsTheFile() throws {
            let path = themesDirectory + "/classroom.yaml"
            if ProcessInfo.processInfo.environment["CHAINFRAME_UPDATE_THEMES"] != nil {
                try ThemeFile.yaml(for: .classroom).write(toFile: path, atomically: true, encoding: .utf8)
            }
            #expect(try ThemeFile.load(path: path, catalog: catalog) == Theme.classroom)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == ThemeFile.yaml(for: .classroom))
        }

        /// `themes/README.md` has a row for every key, ending with classroom's value.
        @Test func readmeDocumentsEveryKeyWithItsDefault() throws {
            let readme = try String(contentsOfFile: themesDirectory + "/README.md", encoding: .utf8)
            let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { row in
                row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            func row(_ key: String) -> [String]? { rows.first { $0.first == "`\(key)`" } }
            let values = ThemeFile.values(of: .classroom)
            for (path, text) in values where path != "description" && !path.hasPrefix("nodes.") {
                #expect(row(path)?.last == "`\(text)`", "README row for \(path)")
            }
            let nodeKeys = values.filter { $0.path.hasPrefix("nodes.input.") }.map { $0.path.dropFirst(12) }
            for key in nodeKeys {
                let expected = NodeKindStyle.allCases.map { kind in
                    "`" + values.first { $0.path == "nodes.\(kind).\(key)" }!.text + "`"
                }
                #expect(row(String(key)).map { Array($0.suffix(4)) } == expected, "README row for nodes.KIND.\(key)")
            }
            #expect(row("description") != nil)
        }

        @Test func yamlRoundTripsEveryTheme() throws {
            var themes = [Theme.classroom]
            for file in try themeFiles() { themes.append(try ThemeFile.load(path: file, catalog: catalog)) }
            for theme in themes {
                let text = ThemeFile.yaml(for: theme)
                #expect(try ThemeFile.parse(text, file: "\(theme.name).yaml", catalog: catalog) == theme)
            }
        }

        @Test func roundTripKeepsOddTextAndNumbers() throws {
            var theme = Theme.classroom
            theme.description = "Quotes \" and \\ backslashes, # hash: colon, tab\t, 한글"
            theme.pendingOpacity = 0.123456789
            theme.backwardDash = [0.5, 3, 0]
            theme.labelFill = RGBA(hex: "#0000007F")!
            #expect(try ThemeFile.parse(ThemeFile.yaml(for: theme), file: "odd.yaml", catalog: catalog) == theme)
        }

        @Test func extendsOverridesOneColour() throws {
            let directory = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let path = directory + "/mine.yaml"
            try "extends: classroom\ncolors:\n  backward: \"#00FF00\"\n".write(toFile: path, atomically: true,
                                                                          encoding: .utf8)
            let theme = try ThemeFile.load(path: path, catalog: catalog)
            var expected = Theme.classroom
            expected.name = "mine"
            expected.description = "Based on classroom."
            expected.backward = RGBA(r: 0, g: 1, b: 0)
            #expect(theme == expected)
        }

        @Test func extendsChainsAcrossNamesAndPaths() throws {
            let directory = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try "extends: chalkboard\nname: \"dark\"\nlines:\n  backward-dash: [4, 2]\n"
                .write(toFile: directory + "/dark.yaml", atomically: true, encoding: .utf8)
            try "extends: dark.yaml\ndescription: \"Mine.\"\npending-opacity: 0.3\n"
                .write(toFile: directory + "/darker.yaml", atomically: true, encoding: .utf8)
            let theme = try ThemeFile.load(path: directory + "/darker.yaml", catalog: catalog)
            var expected = try catalog.resolve("chalkboard")
            expected.name = "darker"
            expected.description = "Mine."
            expected.backwardDash = [4, 2]
            expected.pendingOpacity = 0.3
            #expect(theme == expected)
        }

        /// Theme files get the caret .cg files get: wide characters count twice, columns count characters.
        @Test func errorCaretsMatchCGDiagnosticsOnWideCharacters() throws {
            let line = "{extends: classroom, description: \"한글 테마\", colours: 1}"
            do {
                _ = try ThemeFile.parse(line + "\n", file: "mine.yaml", catalog: catalog)
                Issue.record("no error")
            } catch let error as ThemeError {
                let column = line.distance(from: line.startIndex, to: line.range(of: "colours")!.lowerBound) + 1
                #expect(error.header == "mine.yaml:1:\(column): error: unknown key 'colours'; did you mean 'colors'?")
                let cg = SourceFile(name: "mine.yaml", text: line).error("unknown key 'colours'; did you mean 'colors'?",
                                                                      at: SourceLocation(line: 1, column: column))
                #expect(error.description == cg.description)
                #expect(error.description.hasSuffix("\n" + String(repeating: " ", count: column - 1 + 4) + "^"))
            }
        }

        @Test func errorShowsTheLineAndACaret() throws {
            let text = "extends: classroom\nnodes:\n  input:\n    fill: \"#12345\"\n"
            #expect(throws: ThemeError.self) { try ThemeFile.parse(text, file: "mine.yaml", catalog: catalog) }
            do {
                _ = try ThemeFile.parse(text, file: "mine.yaml", catalog: catalog)
            } catch let error as ThemeError {
                #expect(error.description == """
                    mine.yaml:4:11: error: 'nodes.input.fill' must be a colour "#RRGGBB" or "#RRGGBBAA", not "#12345"
                        fill: "#12345"
                              ^
                    """)
                #expect(error.file == "mine.yaml" && error.line == 4 && error.column == 11)
            }
        }
    }

    @Suite struct Catalog {
        /// The four themes are built in: they resolve with no `themes/` folder, as the files do.
        @Test func builtInThemesWorkWithoutAnyFolder() throws {
            let empty = ThemeCatalog(directories: [])
            #expect(try empty.resolve("classroom") == .classroom)
            for name in ["chalkboard", "colorblind", "print"] {
                let builtIn = try empty.resolve(name)
                #expect(builtIn == Theme.builtIn(named: name))
                #expect(builtIn == (try catalog.resolve(themesDirectory + "/\(name).yaml")))
            }
            #expect(Theme.chalkboard.name == "chalkboard" && Theme.chalkboard != .classroom)
            #expect(empty.available().map(\.name) == ["chalkboard", "classroom", "colorblind", "print"])
            #expect(empty.available().allSatisfy { $0.source == .builtIn && !$0.description.isEmpty })
            // A user's theme may extend a built-in one by name, anywhere.
            let mine = try ThemeFile.parse("extends: chalkboard\nname: mine\n", file: "mine.yaml", catalog: empty)
            #expect(mine.background == Theme.chalkboard.background)
        }

        /// After editing a file in `themes/`, run `CHAINFRAME_UPDATE_THEMES=1 swift test --filter ThemeTests`
        /// to regenerate `Sources/ChainframeScene/Themes/BuiltInThemeFiles.swift` (then review the diff).
        @Test func builtInThemeFilesAreTheFiles() throws {
            var files: [String: String] = [:]
            for name in ["chalkboard", "colorblind", "print"] {
                files[name] = try String(contentsOfFile: themesDirectory + "/\(name).yaml", encoding: .utf8)
            }
            let path = repositoryRoot.appendingPathComponent("Sources/ChainframeScene/Themes/BuiltInThemeFiles.swift").path
            let generated = BuiltInThemeFilesSource.text(files)
            if ProcessInfo.processInfo.environment["CHAINFRAME_UPDATE_THEMES"] != nil {
                try generated.write(toFile: path, atomically: true, encoding: .utf8)
            }
            #expect(try String(contentsOfFile: path, encoding: .utf8) == generated)
            #expect(Theme.builtInFiles.mapValues { $0 + "\n" } == files)
        }

        @Test func namesAndPathsResolve() throws {
            let byName = try catalog.resolve("chalkboard")
            let byPath = try catalog.resolve(themesDirectory + "/chalkboard.yaml")
            #expect(byName == byPath && byName.name == "chalkboard")
            #expect(ThemeCatalog.isPath("mine.yml") && ThemeCatalog.isPath("./mine") && !ThemeCatalog.isPath("mine"))
        }

        @Test func availableListsEachThemeOnce() {
            let entries = catalog.available()
            #expect(entries.map(\.name) == ["chalkboard", "classroom", "colorblind", "print"])
            #expect(entries.allSatisfy { $0.problem == nil && !$0.description.isEmpty })
            #expect(entries[1].source == .file(themesDirectory + "/classroom.yaml"))
        }

        @Test func brokenFilesAreListedWithTheirProblem() throws {
            let directory = try makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            try "extends: classroom\ncolors: 3\n".write(toFile: directory + "/broken.yaml", atomically: true,
                                                        encoding: .utf8)
            let entries = ThemeCatalog(directories: [directory]).available()
            #expect(entries.map(\.name) == ["broken", "chalkboard", "classroom", "colorblind", "print"])
            #expect(entries[0].problem?.message.hasPrefix("'colors' must be a mapping") == true)
            #expect(entries[2].source == .builtIn)
        }

        @Test func unknownNameSuggestsAndListsFolders() {
            #expect {
                try catalog.resolve("chalkbord")
            } throws: { error in
                (error as? ThemeError)?.description == "chainframe: error: unknown theme \"chalkbord\"; did you mean "
                    + "\"chalkboard\"? (available: chalkboard, classroom, colorblind, print; a theme NAME is the "
                    + "file NAME.yaml in one of: \(themesDirectory))"
            }
        }

        @Test func standardDirectoriesInOrder() {
            let directories = ThemeCatalog.standardDirectories(
                environment: ["CHAINFRAME_THEMES": "/a/themes:/b"],
                executableDirectories: ["/x/.build/release", "/usr/local/bin", "/y/.build/x86_64-unknown-linux-gnu/debug"])
            #expect(directories == ["/a/themes", "/b", "themes", "/x/themes", "/x/.build/share/chainframe/themes",
                                    "/usr/themes", "/usr/local/share/chainframe/themes",
                                    "/y/.build/themes", "/y/themes", "/y/.build/x86_64-unknown-linux-gnu/share/chainframe/themes"])
            #expect(ThemeCatalog.standardDirectories(environment: [:], executableDirectories: []) == ["themes"])
            #expect(ThemeCatalog.lexicallyNormalized("/a/b/../c/./d/") == "/a/c/d")
        }
    }
}

/// Writes `Sources/ChainframeScene/Themes/BuiltInThemeFiles.swift` from the theme files' texts.
enum BuiltInThemeFilesSource {
    static func text(_ files: [String: String]) -> String {
        var lines = [
            "// Generated from themes/chalkboard.yaml, themes/colorblind.yaml and themes/print.yaml by",
            "// `CHAINFRAME_UPDATE_THEMES=1 swift test --filter ThemeTests`; a test keeps it identical to the files.",
            "",
            "extension Theme {",
            "    /// The text of each theme file built into Chainframe besides `classroom` (which is",
            "    /// `Theme.classroom` itself), by name, so every built-in theme works with no `themes/`",
            "    /// folder beside the program or library.",
            "    static let builtInFiles: [String: String] = [",
        ]
        for name in files.keys.sorted() {
            lines.append("        \"\(name)\": #\"\"\"")
            lines.append(String(files[name]!.dropLast(files[name]!.hasSuffix("\n") ? 1 : 0)))
            lines.append("\"\"\"#,")
        }
        lines += ["    ]", "}"]
        return lines.joined(separator: "\n") + "\n"
    }
}
