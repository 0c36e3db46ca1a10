/// Finds YAML nested too deeply to hand to Yams, whose composer recurses once per level
/// (a fuzzer found that 2 400 nested `[{` overflow the stack).
///
/// Counts flow brackets (`[`, `{`) outside quotes and comments, and block nesting by
/// indentation; a theme or manifest needs a handful of levels, so the limit is generous.
public enum YAMLNesting {
    /// The deepest nesting accepted.
    public static let maxDepth = 64

    /// Where `text` first goes deeper than `maxDepth` levels: 1-based line and column.
    public static func tooDeep(_ text: String) -> (line: Int, column: Int)? {
        var depth = 0
        var line = 1, column = 0
        var quote: Character?
        var comment = false
        var atLineStart = true
        var indentation = 0
        for c in text {
            column += 1
            if c == "\n" || c == "\r\n" {
                line += 1
                column = 0
                comment = false
                atLineStart = true
                indentation = 0
                if quote == "'" || quote == "\"" { continue }
                continue
            }
            if atLineStart {
                if c == " " {
                    indentation += 1
                    // Each block level takes at least one column of indentation.
                    if indentation > maxDepth * 4 { return (line, column) }
                    continue
                }
                atLineStart = false
            }
            if comment { continue }
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "\"", "'": quote = c
            case "#": comment = true
            case "[", "{":
                depth += 1
                if depth > maxDepth { return (line, column) }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }
}
