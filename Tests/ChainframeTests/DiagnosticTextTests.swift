@testable import Chainframe
import Testing

/// The one way Chainframe writes errors about files (.cg and theme files alike): header, quoted
/// line, caret, and the "did you mean" suggestion.
struct DiagnosticTextTests {
    @Test func headersWithAndWithoutAPosition() {
        #expect(DiagnosticText.header(file: "a.cg", line: 2, column: 9, message: "m") == "a.cg:2:9: error: m")
        #expect(DiagnosticText.header(file: "a.cg", line: nil, column: nil, message: "m") == "a.cg: error: m")
        #expect(DiagnosticText.header(file: nil, line: nil, column: nil, message: "m") == "chainframe: error: m")
        #expect(DiagnosticText.render(file: "a.cg", line: 1, column: 3, message: "m", sourceLine: nil) == "a.cg:1:3: error: m")
    }

    @Test func caretCountsWideCharactersTwiceAndKeepsTabs() {
        #expect(DiagnosticText.caret(under: "u = b * d", column: 9) == "        ^")
        #expect(DiagnosticText.caret(under: "가격 = 사과 * x", column: 11) == String(repeating: " ", count: 14) + "^")
        #expect(DiagnosticText.caret(under: "\ta = é + d", column: 10) == "\t        ^")
        // A combining accent is part of its letter: one character, one column.
        #expect(DiagnosticText.caret(under: "e\u{301} = d", column: 5) == "    ^")
    }

    @Test func quotedLinesAreSafeToPrint() {
        #expect(DiagnosticText.printable("a = 1\r") == "a = 1 ")
        #expect(DiagnosticText.printable("a\u{1B}[31m = 1") == "a [31m = 1")
        // C1 controls (CSI) and bidirectional overrides act on a terminal too: TerminalText's set.
        #expect(DiagnosticText.printable("a\u{9B}2J = b\u{202E}1") == "a 2J = b 1")
        let long = String(repeating: "x", count: 500)
        #expect(DiagnosticText.printable(long) == String(repeating: "x", count: 400) + " …")
    }

    @Test func scalarColumnsBecomeCharacterColumns() {
        #expect(DiagnosticText.characterColumn(in: "abc", scalarColumn: 3) == 3)
        #expect(DiagnosticText.characterColumn(in: "e\u{301}x: 1", scalarColumn: 3) == 2)
        #expect(DiagnosticText.characterColumn(in: "가격: 1", scalarColumn: 4) == 4)
        #expect(DiagnosticText.characterColumn(in: "", scalarColumn: 5) == 5)
    }

    @Test func oneSuggestionRuleForNamesKeysAndThemes() {
        #expect(DiagnosticText.suggestion(for: "d", among: ["a", "b", "c"]) == "a")
        #expect(DiagnosticText.suggestion(for: "colours", among: ["colors", "margins", "nodes"]) == "colors")
        #expect(DiagnosticText.suggestion(for: "Chalkboard", among: ["chalkboard", "classroom"]) == "chalkboard")
        #expect(DiagnosticText.suggestion(for: "sigmod", among: ["sigmoid", "sqrt"]) == "sigmoid")
        #expect(DiagnosticText.suggestion(for: "everywhere", among: ["top", "right", "bottom", "left"]) == nil)
        #expect(DiagnosticText.suggestion(for: "xy", among: ["ab"]) == nil)
    }

    @Test func aDiagnosticAndAChainframeErrorRenderAlike() {
        let file = SourceFile(name: "가격.cg", text: "사과 = 100\n가격 = 사과 * 개수\n")
        let diagnostic = file.error("'개수' is not defined", at: SourceLocation(line: 2, column: 11))
        #expect(diagnostic.description == "가격.cg:2:11: error: '개수' is not defined\n가격 = 사과 * 개수\n" + String(repeating: " ", count: 14) + "^")
        #expect(ChainframeError(diagnostic).description == diagnostic.description)
    }
}
