import Foundation
import Testing
@testable import ChainframeRender
@testable import ChainframeScene

/// Writes that replace files whole, never through links, with unpredictable temporary names.
@Suite struct AtomicFileTests {
    @Test func writeReplacesASymbolicLinkInsteadOfFollowingIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chainframe-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let victim = dir.appendingPathComponent("victim.txt")
        try Data("precious".utf8).write(to: victim)
        let target = dir.appendingPathComponent("out.txt")
        try FileManager.default.createSymbolicLink(atPath: target.path, withDestinationPath: victim.path)
        try AtomicFile.write("new", to: target)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        #expect(try FileManager.default.attributesOfItem(atPath: target.path)[.type] as? FileAttributeType == .typeRegular)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["out.txt", "victim.txt"])
    }

    @Test func temporaryNamesAreUnpredictableAndExclusive() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chainframe-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("x.pdf")
        let first = try OutputGuard.createTemporary(for: url), second = try OutputGuard.createTemporary(for: url)
        defer {
            for temporary in [first, second] {
                close(temporary.descriptor)
                unlink(temporary.path)
                OutputGuard.unregister(temporary.path)
            }
        }
        #expect(first.path != second.path)
        #expect(URL(fileURLWithPath: first.path).lastPathComponent.hasPrefix(".x.pdf.tmp-\(getpid())-"))
        #expect(OutputGuard.temporaryOwner(URL(fileURLWithPath: first.path).lastPathComponent) == getpid())
        #expect(OutputGuard.temporaryOwner(".x.pdf.tmp-12") == 12)
        #expect(OutputGuard.temporaryOwner(".x.pdf.tmp-12-zz") == nil)
        #expect(OutputGuard.temporaryOwner("x.pdf.tmp-12") == nil)
    }
}
