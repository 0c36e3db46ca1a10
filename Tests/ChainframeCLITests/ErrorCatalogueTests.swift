import Foundation
import Testing

/// Every bad input in `Fixtures/errors` gets its exact diagnostic and exit status 2.
///
/// Each `NAME.cg` sits beside `NAME.expected`, the exact standard error. Re-record the
/// expected files with `CHAINFRAME_RECORD=1 swift test` after checking the new messages.
@Suite struct ErrorCatalogueTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/errors")

    static let fixtures: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".cg") }.map { String($0.dropLast(3)) }.sorted()
    }()

    @Test func catalogueIsLarge() {
        #expect(Self.fixtures.count >= 50)
    }

    @Test(arguments: fixtures)
    func badInputGetsItsDiagnostic(_ name: String) throws {
        let result = try ChainframeProcess.run(["eval", "\(name).cg"], in: Self.directory)
        let expectedURL = Self.directory.appendingPathComponent("\(name).expected")
        if ProcessInfo.processInfo.environment["CHAINFRAME_RECORD"] != nil {
            try Data(result.stderr.utf8).write(to: expectedURL)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(result.status == 2, "\(name): exit status")
        #expect(result.stdout.isEmpty, "\(name): nothing on standard output")
        #expect(result.stderr == expected, "\(name)")
        // The header is file:line:column: error: message.
        #expect(result.stderr.hasPrefix("\(name).cg:"))
        #expect(result.stderr.split(separator: "\n").first?.contains(": error: ") == true)
    }
}
