import Foundation
import Testing
@testable import ChainframeScene

/// Theme files that asked for too much: font sizes, font lists, `extends` chains, aliases, size.
@Suite struct ThemeLimitTests {
    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chainframe-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func message(_ text: String) -> String {
        do {
            _ = try ThemeFile.parse(text, file: "t.yaml")
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func hugeFontSizeIsRefused() {
        let text = message("extends: classroom\nfont:\n  sizes:\n    node: 1e9\n")
        #expect(text.contains("'font.sizes.node' must be a font size from 2 to 400 points, not 1e9"), "\(text)")
    }

    @Test func hugeSeparationIsRefused() {
        let text = message("extends: classroom\nspacing:\n  rank-separation: 1e5\n")
        #expect(text.contains("a number greater than 0 and at most 2000"), "\(text)")
    }

    @Test func tenThousandFontNamesAreRefusedQuickly() {
        let families = (0..<10_000).map { "Font\($0)" }.joined(separator: ", ")
        let text = message("extends: classroom\nfont:\n  family: \"\(families)\"\n")
        #expect(text.contains("a list of at most 32 font families"), "\(text)")
    }

    @Test func aliasesCannotExplode() {
        var yaml = "extends: classroom\nx-a: &a [1,1,1,1,1,1,1,1,1,1]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h"]
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += "x-\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ",") + "]\n"
        }
        #expect(message(yaml).contains("more than 200000 values once aliases are expanded"))
    }

    @Test func longExtendsChainsAreRefused() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for i in 0..<1_000 {
            let base = i == 0 ? "classroom" : "t\(i - 1).yaml"
            try Data("extends: \(base)\n".utf8).write(to: dir.appendingPathComponent("t\(i).yaml"))
        }
        #expect(throws: ThemeError.self) { try ThemeFile.load(path: dir.appendingPathComponent("t999.yaml").path) }
        do {
            _ = try ThemeFile.load(path: dir.appendingPathComponent("t999.yaml").path)
        } catch {
            #expect("\(error)".contains("'extends' chains more than 32 theme files"))
        }
        // A chain within the limit still works.
        #expect(try ThemeFile.load(path: dir.appendingPathComponent("t20.yaml").path).name == "t20")
    }

    @Test func oversizedThemeFileIsNotReadWhole() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big.yaml").path
        try Data(repeating: 0x23, count: 3 << 20).write(to: URL(fileURLWithPath: path))
        #expect(throws: ThemeError.self) { try ThemeFile.load(path: path) }
        do { _ = try ThemeFile.load(path: path) } catch {
            #expect("\(error)".contains("larger than 1024 KiB"))
        }
    }
}
