import Foundation
import Testing

/// The fuzz targets' committed corpora (seeds and every crash the fuzzers found) replay
/// without a crash, through the same code the fuzzers run.
@Suite struct FuzzCorpusTests {
    static func replay(_ product: String, corpus: String) throws -> (status: Int32, files: Int) {
        let binary = ChainframeProcess.executable.deletingLastPathComponent().appendingPathComponent(product)
        let directory = ChainframeProcess.packageRoot.appendingPathComponent("Fuzz/corpus/\(corpus)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .map { directory.appendingPathComponent($0).path }
        let process = Process()
        process.executableURL = binary
        process.arguments = files
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, files.count)
    }

    @Test func graphCorpusReplays() throws {
        let result = try Self.replay("FuzzGraph", corpus: "graph")
        #expect(result.files >= 50)
        #expect(result.status == 0)
    }

    @Test func renderCorpusReplays() throws {
        let result = try Self.replay("FuzzRender", corpus: "render")
        #expect(result.files >= 15)
        #expect(result.status == 0)
    }

    @Test func themeCorpusReplays() throws {
        let result = try Self.replay("FuzzTheme", corpus: "theme")
        #expect(result.files >= 4)
        #expect(result.status == 0)
    }
}
