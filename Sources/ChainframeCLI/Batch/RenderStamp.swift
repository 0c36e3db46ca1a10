import Foundation

/// What a successful render was made from, kept in `<output>/.chainframe-stamp`, so an
/// unchanged graph is skipped next time.
///
/// The stamp is a 64-bit FNV-1a hash of Chainframe's version, the .cg source, the options,
/// the formats and the full theme: it detects change, it is not a security measure.
struct RenderStamp: Equatable {
    let value: String

    static let fileName = ".chainframe-stamp"

    init(version: String, source: String, arguments: [String], formats: [String], theme: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in [version, source, arguments.joined(separator: "\u{1F}"), formats.joined(separator: ","), theme] {
            for byte in part.utf8 + [0x1E] {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        value = String(hash, radix: 16)
    }

    /// The stamp saved in `directory`, if any.
    static func saved(in directory: String) -> String? {
        (try? String(contentsOfFile: (directory as NSString).appendingPathComponent(fileName), encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
