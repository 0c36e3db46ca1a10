import Foundation
import Testing

/// Inputs too large to keep as fixtures, generated on the fly: no crash, no hang, a clear error.
@Suite struct HostileInputTests {
    func run(_ bytes: [UInt8], name: String, extra: [String] = []) throws -> ChainframeProcess.Result {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(bytes).write(to: dir.appendingPathComponent(name))
        return try ChainframeProcess.run(["eval", name] + extra, in: dir)
    }

    @Test func tenMegabyteFileIsRefused() throws {
        let line = Array("a = 5\n".utf8)
        var bytes: [UInt8] = []
        while bytes.count < 10_000_000 { bytes += line }
        let result = try run(bytes, name: "big.cg")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("big.cg:1:1: error: file is larger than the limit of 4194304 bytes; raise it with --max-input-bytes"))
    }

    @Test func hundredThousandNestedParentheses() throws {
        let text = "a = 1\nf = " + String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000) + "\n"
        let result = try run(Array(text.utf8), name: "deep.cg")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("deep.cg:2:205: error: expression nested more than 200 levels deep"))
    }

    @Test func millionCharacterLine() throws {
        // A chain of 250 000 additions would build a tree 250 000 levels deep.
        let text = "a = 1\nf = a" + String(repeating: " + a", count: 250_000) + "\n"
        let result = try run(Array(text.utf8), name: "long.cg")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("long.cg:2:807: error: expression nested more than 200 levels deep"))
        // The quoted line is cut, not a megabyte of terminal output.
        #expect(result.stderr.utf8.count < 2_000)
    }

    @Test func millionCharacterCommentIsFine() throws {
        let text = "# " + String(repeating: "x", count: 1_000_000) + "\na = 1\nf = 2 * a\n"
        let result = try run(Array(text.utf8), name: "comment.cg")
        #expect(result.status == 0)
    }

    @Test func nodeLimit() throws {
        var text = "x0 = 1\n"
        for i in 1...1_500 { text += "x\(i) = x\(i - 1) + 1\n" }
        let result = try run(Array(text.utf8), name: "many.cg", extra: ["--max-nodes", "1000"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("many.cg:1001:14: error: the graph has more than 1000 nodes (raise the limit with --max-nodes)"))
        #expect(try run(Array(text.utf8), name: "many.cg").status == 0)
    }
}
