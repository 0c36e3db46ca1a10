/// Makes text from files and other programs safe to print on a terminal.
///
/// Labels, names and an external exporter's messages may hold ESC, BEL, backspace or other
/// control characters; printed raw they could move the cursor, recolour or clear the
/// terminal, or hide text. They are shown as visible escapes instead (`\e`, `\u{7}`), and
/// whole escape sequences (`ESC [ … m`) are dropped from program output.
public enum TerminalText {
    /// `text` with every control character (C0, DEL, C1, and the bidirectional overrides)
    /// written as a visible escape; with `keepingNewlines`, line breaks and tabs stay, and
    /// ANSI escape sequences are removed whole.
    public static func sanitized(_ text: String, keepingNewlines: Bool = false) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if keepingNewlines {
                if scalar == "\n" || scalar == "\t" { out.unicodeScalars.append(scalar); continue }
                if scalar == "\r" { continue }
                if scalar == "\u{1B}" {
                    skipEscapeSequence(&scalars)
                    continue
                }
            }
            if isControl(scalar) {
                out += visible(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `scalar` would act on a terminal instead of being shown.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true  // bidirectional embeddings and isolates
        default: return false
        }
    }

    /// Whether `text` holds anything `sanitized` would change.
    public static func needsSanitizing(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isControl)
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\u{1B}": return "\\e"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return "\\u{" + String(scalar.value, radix: 16) + "}"
        }
    }

    /// Skips the rest of an escape sequence after ESC: CSI (`[` … final byte), OSC (`]` … BEL
    /// or ESC \), or a single following character.
    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let first = scalars.next() else { return }
        switch first {
        case "[":
            while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
        case "]", "P", "_", "^":
            var previous: Unicode.Scalar = first
            while let next = scalars.next() {
                if next == "\u{7}" || (previous == "\u{1B}" && next == "\\") { break }
                previous = next
            }
        default:
            break
        }
    }
}
