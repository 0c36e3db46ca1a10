import Foundation

/// Makes a file name safe from user text: no separators, no `..`, no control characters.
public enum OutputName {
    /// The base of output names for a .cg path: its file name without the extension, made safe
    /// (`stdin` for standard input).
    public static func base(of file: String) -> String {
        sanitized(file == "-" ? "stdin" : URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent)
    }

    public static func sanitized(_ name: String) -> String {
        var out = String(name.unicodeScalars.map { scalar -> Character in
            if scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F { return "_" }
            return Character(scalar)
        })
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "graph" : out
    }
}
