import Foundation
import Testing

/// The second adversarial pass: shapes that overran Graphviz, values that trapped, limits that
/// overflowed, inputs read whole, and texts that reached the terminal raw.
extension HostileInputTests {
    /// Writes `files` into a fresh directory and runs `chainframe arguments…` there.
    func run(_ arguments: [String], files: [String: String], stdin: Data? = nil) throws -> ChainframeProcess.Result {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return try ChainframeProcess.run(arguments, in: dir, stdin: stdin)
    }

    /// `x1 = a * a`, `xᵢ = xᵢ₋₁ * a`: every step reads the shared input, so edges span 1…n ranks.
    static func sharedInputChain(_ steps: Int) -> String {
        "a = 1.001\nx1 = a * a\n" + (2...steps).map { "x\($0) = x\($0 - 1) * a\n" }.joined()
    }

    @Test func chainWithASharedInputIsLaidOut() throws {
        // 500 steps overflowed the stack inside Graphviz (124 000 virtual nodes); 300 took 39 s.
        let result = try run(["render", "chain.cg", "--format", "dot", "-o", "out"],
                             files: ["chain.cg": Self.sharedInputChain(500)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("dot: wrote 1 file"))
    }

    @Test(arguments: [("a = 0\nJ = log(a)\n", [String]()), ("a = 1e308\nJ = a * 10\n", []),
                      ("a = 5\nJ = a * 3\n", ["--nudge-h", "1e-320"])])
    func nudgeOnNonFiniteValues(_ source: String, _ extra: [String]) throws {
        let result = try run(["render", "n.cg", "--nudge", "a", "--format", "json", "-o", "out"] + extra,
                             files: ["n.cg": source])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func largestInputLimitDoesNotOverflow() throws {
        let result = try run(["eval", "a.cg", "--max-input-bytes", "9223372036854775807"], files: ["a.cg": "a = 2\nJ = a * a\n"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func standardInputIsCutAtTheLimit() throws {
        let result = try run(["eval", "-", "--max-input-bytes", "1000"], files: [:],
                             stdin: Data(repeating: 0x20, count: 3_000_000))
        #expect(result.status == 2)
        #expect(result.stderr.contains("file is larger than the limit of 1000 bytes"))
    }

    @Test func totalElementsAreLimited() throws {
        // Each node broadcasts to a million elements: the per-tensor limit allowed 1 500 of them.
        let column = "[" + (1...1000).map { "[\($0)]" }.joined(separator: ", ") + "]"
        let row = "[[" + (1...1000).map(String.init).joined(separator: ", ") + "]]"
        var text = "c = \(column)\nr = \(row)\n"
        for i in 1...30 { text += "p\(i) = c + r\n" }
        text += "J = sum(p30)\n"
        let result = try run(["eval", "big.cg"], files: ["big.cg": text])
        #expect(result.status == 2)
        #expect(result.stderr.contains("more than 20000000 elements in all"))
        #expect(result.stderr.contains("--max-total-elements"))
    }

    @Test func autoSizeHonoursThePixelLimit() throws {
        let lecture = try String(contentsOf: ChainframeProcess.packageRoot.appendingPathComponent("examples/lecture.cg"), encoding: .utf8)
        let refused = try run(["render", "l.cg", "--size", "auto", "--max-pixels", "1000", "-o", "out"], files: ["l.cg": lecture])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("chainframe: error: the graph drawn to fit (--size auto) would need"))
        // Too wide for cairo: refused with the same clear message, not cairo's.
        let chain = try run(["render", "c.cg", "--size", "auto", "--format", "png", "-o", "out"],
                            files: ["c.cg": Self.sharedInputChain(150)])
        #expect(chain.status == 1, "\(chain.stderr)")
        #expect(chain.stderr.hasPrefix("chainframe: error: the graph drawn to fit (--size auto) would need"))
    }

    @Test func labelsWithControlCharactersAreShownEscaped() throws {
        let result = try run(["eval", "l.cg"], files: ["l.cg": "label a \"x\u{1B}[2J\u{7}\"\na = 5\nJ = a * log(0)\n"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{7}"))
        #expect(result.stdout.contains("x\\e[2J\\u{7}"))
    }

    @Test func checkSamplesLargeInputs() throws {
        let rows = (0..<300).map { i in "[" + (0..<300).map { j in String((i * 300 + j) % 7) }.joined(separator: ", ") + "]" }
        let text = "W = [" + rows.joined(separator: ", ") + "]\nJ = sum(W * W)\n"
        let result = try run(["check", "w.cg"], files: ["w.cg": text])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("W: 100 of 90000 elements checked, evenly spaced (--all checks every one)"))
        #expect(result.stdout.contains("W[299, 299]"))
    }

    @Test func checkOfSmallInputsIsUnchangedBySampling() throws {
        for example in ["lecture", "affine", "logistic-regression"] {
            let sampled = try ChainframeProcess.run(["check", "examples/\(example).cg"])
            let all = try ChainframeProcess.run(["check", "examples/\(example).cg", "--all"])
            #expect(sampled.stdout == all.stdout && !sampled.stdout.contains("evenly spaced"), "\(example)")
        }
    }

    @Test func aFIFOInABatchDirectoryIsSkipped() throws {
        let dir = try ChainframeProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("in"), withIntermediateDirectories: true)
        try Data("a = 2\nJ = a * a\n".utf8).write(to: dir.appendingPathComponent("in/ok.cg"))
        #expect(mkfifo(dir.appendingPathComponent("in/x.cg").path, 0o644) == 0)
        let result = try ChainframeProcess.run(["batch", "in", "-o", "out", "--format", "dot"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("skipping in/x.cg: not a regular file"))
        #expect(result.stdout.contains("1 graph: 1 rendered"))
    }

    @Test func manifestValuesMustBeScalars() throws {
        let result = try run(["batch", "m.yaml"], files: ["m.yaml": "graphs:\n  - {file: l.cg, size: {x: 1}}\n", "l.cg": "a = 1\nJ = a\n"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("'size' must be a value or a list of values, not a mapping"))
        #expect(!result.stderr.contains("AnyHashable"))
    }

    @Test func manifestAliasesCannotExplode() throws {
        // The "billion laughs": nine levels of nine aliases each, 523 bytes that grew to 8 GB.
        var yaml = "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        yaml += "graphs: [l.cg]\n"
        let result = try run(["batch", "m.yaml"], files: ["m.yaml": yaml, "l.cg": "a = 1\nJ = a\n"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("more than 200000 values once aliases are expanded"))
    }

    @Test func outputUnderAFileIsAClearError() throws {
        let result = try run(["render", "l.cg", "-o", "plain/out"], files: ["l.cg": "a = 1\nJ = a\n", "plain": "x"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/plain' is a file, not a folder"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }
}
