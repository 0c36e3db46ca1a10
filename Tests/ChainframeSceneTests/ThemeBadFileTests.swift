import Foundation
import Testing
@testable import ChainframeScene

/// A theme file that must be refused, with the exact first line of the error.
struct BadThemeFile: Sendable, CustomTestStringConvertible {
    var label: String
    var bytes: [UInt8]
    /// The expected header; `FILE` stands for the file's path and `DIR` for its folder.
    var expected: String
    /// Further files written next to it (for `extends`).
    var neighbours: [String: String] = [:]

    init(_ label: String, _ text: String, _ expected: String, neighbours: [String: String] = [:]) {
        self.init(label, bytes: Array(text.utf8), expected, neighbours: neighbours)
    }

    init(_ label: String, bytes: [UInt8], _ expected: String, neighbours: [String: String] = [:]) {
        self.label = label
        self.bytes = bytes
        self.expected = expected
        self.neighbours = neighbours
    }

    var testDescription: String { label }
}

extension ThemeTests {
    @Suite struct BadFiles {
        static let full = ThemeFile.yaml(for: .classroom)
        static let colour = "a colour \"#RRGGBB\" or \"#RRGGBBAA\""
        static let everyKey = "a theme without 'extends' must give every key"

        static let cases: [BadThemeFile] = [
            // Found by the theme fuzzer: Yams' composer recursed once per level and overflowed the stack.
            BadThemeFile("flow collections nested thousands deep", String(repeating: "[{", count: 1200),
                         "FILE:1:65: error: nested more than 64 levels deep; a theme file needs only a few"),
            BadThemeFile("YAML syntax error", "extends: classroom\nmargins:\n  top: 3\n   left: 4\n",
                         "FILE:4:8: error: invalid YAML: mapping values are not allowed in this context"),
            BadThemeFile("unclosed quote", "extends: classroom\nname: \"mine\n",
                         "FILE:2:7: error: invalid YAML: found unexpected end of stream "
                             + "(while scanning a quoted scalar, which starts here)"),
            BadThemeFile("tab indentation", "extends: classroom\nmargins:\n\ttop: 3\n",
                         "FILE:3:1: error: invalid YAML: found character that cannot start any token "
                             + "(while scanning for the next token); indent with spaces, not tabs"),
            BadThemeFile("unknown key, close to a known one", "extends: classroom\ncolours:\n  forward: \"#000000\"\n",
                         "FILE:2:1: error: unknown key 'colours'; did you mean 'colors'?"),
            BadThemeFile("unknown nested key", "extends: classroom\nnodes:\n  input:\n    fil: \"#FFFFFF\"\n",
                         "FILE:4:5: error: unknown key 'nodes.input.fil'; did you mean 'nodes.input.fill'?"),
            BadThemeFile("unknown key, nothing close", "extends: classroom\nmargins:\n  everywhere: 3\n",
                         "FILE:3:3: error: unknown key 'margins.everywhere'; the keys in 'margins' are "
                             + "top, right, bottom, left"),
            BadThemeFile("repeated key", "extends: classroom\nbackground: \"#000000\"\nbackground: \"#FFFFFF\"\n",
                         "FILE:3:1: error: 'background' is given twice (first on line 2)"),
            BadThemeFile("missing nested key", full.replacingOccurrences(of: "    fill: \"#EAF1FB\"\n", with: ""),
                         "FILE:21:3: error: missing key 'nodes.input.fill' (\(colour)); \(everyKey)"),
            BadThemeFile("missing group", String(full[..<full.range(of: "\n# Room inside")!.lowerBound]) + "\n",
                         "FILE: error: missing key 'spacing' (a mapping with the keys node-padding, "
                             + "node-separation, rank-separation); \(everyKey)"),
            BadThemeFile("scalar where a group belongs", "extends: classroom\nfont: 20\n",
                         "FILE:2:7: error: 'font' must be a mapping with the keys family, sizes, not 20"),
            BadThemeFile("list where a number belongs", "extends: classroom\nlines:\n  edge-width: [2]\n",
                         "FILE:3:15: error: 'lines.edge-width' must be a number greater than 0, not a list"),
            BadThemeFile("word where a number belongs", "extends: classroom\nmargins:\n  top: ten\n",
                         "FILE:3:8: error: 'margins.top' must be a number 0 or greater, not \"ten\""),
            BadThemeFile("short colour", "extends: classroom\ncolors:\n  forward: \"#12345\"\n",
                         "FILE:3:12: error: 'colors.forward' must be \(colour), not \"#12345\""),
            BadThemeFile("colour name", "extends: classroom\ncolors:\n  forward: blue\n",
                         "FILE:3:12: error: 'colors.forward' must be \(colour), not \"blue\""),
            BadThemeFile("unquoted colour", "extends: classroom\nbackground: #FFFFFF\n",
                         "FILE:2:12: error: 'background' must be \(colour), not empty (put colours in quotes: "
                             + "in YAML a # after a space starts a comment)"),
            BadThemeFile("negative size", "extends: classroom\nfont:\n  sizes:\n    node: -3\n",
                         "FILE:4:11: error: 'font.sizes.node' must be a font size from 2 to 400 points, not -3"),
            BadThemeFile("zero width", "extends: classroom\nlines:\n  edge-width: 0\n",
                         "FILE:3:15: error: 'lines.edge-width' must be a number greater than 0, not 0"),
            BadThemeFile("opacity above 1", "extends: classroom\npending-opacity: 1.5\n",
                         "FILE:2:18: error: 'pending-opacity' must be a number from 0 to 1, not 1.5"),
            BadThemeFile("unknown shape", "extends: classroom\nnodes:\n  output:\n    shape: hexagon\n",
                         "FILE:4:12: error: 'nodes.output.shape' must be one of box, rounded-box, ellipse, "
                             + "circle, not \"hexagon\""),
            BadThemeFile("shape typo", "extends: classroom\nnodes:\n  output:\n    shape: rounded_box\n",
                         "FILE:4:12: error: 'nodes.output.shape' must be one of box, rounded-box, ellipse, "
                             + "circle, not \"rounded_box\"; did you mean rounded-box?"),
            BadThemeFile("unknown caption position", "extends: classroom\ncaption-band:\n  position: left\n",
                         "FILE:3:13: error: 'caption-band.position' must be one of top, bottom, none, not \"left\""),
            BadThemeFile("negative dash", "extends: classroom\nlines:\n  backward-dash: [6, -4]\n",
                         "FILE:3:22: error: 'lines.backward-dash[1]' must be a number 0 or greater, not -4"),
            BadThemeFile("all-zero dash", "extends: classroom\nlines:\n  backward-dash: [0, 0]\n",
                         "FILE:3:18: error: 'lines.backward-dash' must contain a number greater than 0 "
                             + "([] for a solid line), not [0, 0]"),
            BadThemeFile("empty name", "extends: classroom\nname: \"\"\n",
                         "FILE:2:7: error: 'name' must be non-empty text, not \"\""),
            BadThemeFile("unknown extends theme", "extends: classrom\n",
                         "FILE:1:10: error: 'extends' names an unknown theme \"classrom\"; did you mean "
                             + "\"classroom\"? (available: chalkboard, classroom, colorblind, print)"),
            BadThemeFile("missing extends file", "extends: base.yaml\n",
                         "FILE:1:10: error: 'extends' names a missing file \"base.yaml\" (looked for DIR/base.yaml)"),
            BadThemeFile("extends itself", "extends: theme.yaml\n",
                         "FILE:1:10: error: 'extends' makes a cycle: FILE -> FILE"),
            BadThemeFile("extends cycle", "extends: other.yaml\n",
                         "DIR/other.yaml:1:10: error: 'extends' makes a cycle: FILE -> DIR/other.yaml -> FILE",
                         neighbours: ["other.yaml": "extends: theme.yaml\n"]),
            BadThemeFile("error inside the extended file", "extends: other.yaml\n",
                         "DIR/other.yaml:2:18: error: 'pending-opacity' must be a number from 0 to 1, not -1",
                         neighbours: ["other.yaml": "extends: classroom\npending-opacity: -1\n"]),
            BadThemeFile("not UTF-8", bytes: Array("extends: classroom\nname: caf".utf8) + [0xE9, 0x0A],
                         "FILE:2:10: error: the theme file is not UTF-8 text (found the byte 0xE9); save it as UTF-8"),
            BadThemeFile("empty file", "",
                         "FILE: error: the theme file is empty; start it with 'extends: classroom' and add the "
                             + "keys you want to change"),
            BadThemeFile("only comments", "# my theme\n\n",
                         "FILE: error: the theme file is empty; start it with 'extends: classroom' and add the "
                             + "keys you want to change"),
            BadThemeFile("a list, not a mapping", "- classroom\n- print\n",
                         "FILE:1:1: error: a theme file must be a mapping of keys (such as 'name: my-theme'), "
                             + "not a list"),
        ]

        @Test(arguments: cases)
        func isRefusedWithItsMessage(_ bad: BadThemeFile) throws {
            let directory = try ThemeTests.makeTemporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let path = directory + "/theme.yaml"
            try Data(bad.bytes).write(to: URL(fileURLWithPath: path))
            for (name, text) in bad.neighbours {
                try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
            }
            let expected = bad.expected.replacingOccurrences(of: "FILE", with: path)
                .replacingOccurrences(of: "DIR", with: directory)
            do {
                let theme = try ThemeFile.load(path: path, catalog: ThemeTests.catalog)
                Issue.record("loaded \(theme.name) instead of failing with: \(expected)")
            } catch let error as ThemeError {
                #expect(error.header == expected)
            }
        }

        @Test func cannotReadAMissingFile() {
            #expect {
                try ThemeFile.load(path: "/nonexistent/theme.yaml", catalog: ThemeTests.catalog)
            } throws: { error in
                (error as? ThemeError)?.description == "/nonexistent/theme.yaml: error: cannot read the theme file: "
                    + "no such file"
            }
        }
    }
}
