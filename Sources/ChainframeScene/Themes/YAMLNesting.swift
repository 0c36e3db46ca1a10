/// Finds YAML nested too deeply to hand to Yams, whose composer recurses once per level
/// (the theme fuzzer found that a few thousand nested `[{` overflow the stack).
///
/// Deliberately conservative: every `[` and `{` counts, inside quotes and comments too (a real
/// theme or manifest never has 64 unclosed brackets), and so does block nesting — indentation,
/// and the `- ` / `? ` indicators that open a level on the same line.
public enum YAMLNesting {
    /// The deepest nesting accepted.
    public static let maxDepth = 64

    /// Where `text` first goes deeper than `maxDepth` levels: 1-based line and column.
    public static func tooDeep(_ text: String) -> (line: Int, column: Int)? {
        var flow = 0
        var line = 1, column = 0
        var atLineStart = true
        var blockLevels = 0
        var previous: Character = "\n"
        for c in text {
            column += 1
            if c == "\n" || c == "\r\n" {
                line += 1
                column = 0
                atLineStart = true
                blockLevels = 0
                previous = "\n"
                continue
            }
            if atLineStart {
                // Leading spaces, and "- " or "? " indicators, each open at most one level.
                if c == " " {
                    if previous == "-" || previous == "?" { blockLevels += 1 }
                    blockLevels += column % 2 == 0 ? 1 : 0
                    if blockLevels > maxDepth * 2 { return (line, column) }
                    previous = c
                    continue
                }
                if c == "-" || c == "?" { previous = c; continue }
                atLineStart = false
            }
            switch c {
            case "[", "{":
                flow += 1
                if flow > maxDepth { return (line, column) }
            case "]", "}":
                flow = max(0, flow - 1)
            default:
                break
            }
            previous = c
        }
        return nil
    }
}
