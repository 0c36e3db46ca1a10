import Foundation
import SceneTestSupport
import Testing

/// ChainframeScene is pure Swift: nothing it depends on, directly or through other targets,
/// is a C library of the system (cairo, Pango, Graphviz, libpng) or the package's C shims,
/// and the C wrappers depend on it, never the other way. Read from the build's own record of
/// its targets (SwiftPM's build description), since `swift package describe` would wait for
/// the lock of the `swift test` that runs this.
@Suite struct ModuleBoundaryTests {
    /// What SwiftPM wrote down about the build that produced this test: its
    /// `description.json`, beside the test bundle (`.build/<triple>/<configuration>/`).
    struct BuildDescription: Decodable {
        struct SwiftCommand: Decodable {
            var moduleName: String
            var otherArguments: [String]
        }

        /// Each target and every target it depends on, directly or not.
        var targetDependencyMap: [String: [String]]
        var swiftCommands: [String: SwiftCommand]

        static func load() throws -> BuildDescription {
            let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            let url = bundle.deletingLastPathComponent().appendingPathComponent("description.json")
            return try JSONDecoder().decode(BuildDescription.self, from: Data(contentsOf: url))
        }

        /// The compiler arguments of `module`.
        func arguments(of module: String) throws -> [String] {
            try #require(swiftCommands.values.first { $0.moduleName == module }).otherArguments
        }
    }

    /// The package's own C modules and system libraries.
    static let cModules: Set<String> = ["CChainframe", "CGraphviz", "CPNG", "CDeflate", "CPangoCairo"]

    @Test func theSceneModuleDependsOnNoCLibrary() throws {
        let build = try BuildDescription.load()
        let scene = try #require(build.targetDependencyMap["ChainframeScene"])
        // The engine, and Yams with the libyaml it compiles from its own sources: no system library.
        #expect(Set(scene) == ["Chainframe", "Yams", "CYaml"])
        for target in ["ChainframeSceneTests", "SceneTestSupport"] {
            let dependencies = try #require(build.targetDependencyMap[target])
            #expect(Self.cModules.isDisjoint(with: dependencies), "\(target) depends on \(dependencies)")
        }
        // Compiled without a header search path or module map of cairo, Pango, Graphviz or libpng.
        for module in ["ChainframeScene", "ChainframeSceneTests", "SceneTestSupport"] {
            let arguments = try build.arguments(of: module).joined(separator: " ")
            for library in ["cairo", "pango", "graphviz", "libpng", "CChainframe", "CGraphviz", "CPangoCairo"] {
                #expect(!arguments.contains(library), "\(module) is compiled with \(library) in its arguments")
            }
        }
    }

    @Test func theCWrappersDependOnTheSceneModule() throws {
        let build = try BuildDescription.load()
        #expect(try #require(build.targetDependencyMap["ChainframeGraphics"]).contains("ChainframeScene"))
        let render = Set(try #require(build.targetDependencyMap["ChainframeRender"]))
        #expect(render.isSuperset(of: Self.cModules.union(["ChainframeScene", "ChainframeGraphics"])))
    }

    /// The sources import only the engine, Foundation and Yams: a module that is not a
    /// declared dependency can still be importable once built, so the imports are read too.
    @Test func theSourcesImportNoCModule() throws {
        let directory = RecordedDrawing.repositoryRoot.appendingPathComponent("Sources/ChainframeScene")
        let files = try #require(FileManager.default.enumerator(atPath: directory.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 30)
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.contains(" import ") && line.hasPrefix("@") {
                let module = line.split(separator: " ").last.map { String($0.split(separator: ".").first ?? $0) } ?? ""
                #expect(["Chainframe", "Foundation", "Yams"].contains(module), "\(file): \(line)")
            }
        }
    }
}
