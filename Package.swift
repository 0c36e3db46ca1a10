// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Chainframe",
    products: [
        // The engine: parse, evaluate, differentiate, storyboard. Pure Swift, no C libraries.
        .library(name: "Chainframe", targets: ["Chainframe"]),
        // Layout (Graphviz), drawing (cairo + Pango) and PNG encoding (libpng).
        .library(name: "ChainframeRender", targets: ["ChainframeRender"]),
        .executable(name: "chainframe", targets: ["ChainframeCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
        // `swift package generate-documentation`: the DocC catalogs of Chainframe and ChainframeRender.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // The HTTP and WebSocket server of `chainframe watch` (no dependencies of its own).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .target(name: "Chainframe"),
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc",
                       providers: [.apt(["libgraphviz-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng",
                       providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate",
                       providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo",
                       providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        // Small C shims for what Swift cannot call: Graphviz's ND_/ED_ macros, libpng's setjmp
        // (and libdeflate, which deflates the image data libpng writes).
        .target(name: "CChainframe", dependencies: ["CGraphviz", "CPNG", "CDeflate"],
                linkerSettings: [.linkedLibrary("z")]),
        // One Swift wrapper per C library: Graphviz layout, cairo/Pango canvas, libpng codec.
        .target(name: "ChainframeGraphics",
                dependencies: ["CChainframe", "CGraphviz", "CPNG", "CPangoCairo"]),
        // Themes, scenes and exporters: storyboard + layout + theme -> pictures.
        .target(name: "ChainframeRender",
                dependencies: ["Chainframe", "ChainframeGraphics",
                               .product(name: "Yams", package: "Yams")]),
        .executableTarget(name: "ChainframeCLI",
                          dependencies: ["Chainframe", "ChainframeRender",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser"),
                                         .product(name: "FlyingFox", package: "FlyingFox")]),
        // Not a test: `scripts/benchmark` runs it and the README reports its numbers.
        .executableTarget(name: "ChainframeBenchmark",
                          dependencies: ["Chainframe", "ChainframeGraphics", "ChainframeRender"],
                          path: "Benchmarks/ChainframeBenchmark"),
        // Fuzz targets: libFuzzer entry points with `scripts/fuzz`, replay tools otherwise.
        .executableTarget(name: "FuzzGraph", dependencies: ["Chainframe"], path: "Fuzz/FuzzGraph"),
        .executableTarget(name: "FuzzTheme", dependencies: ["ChainframeRender"], path: "Fuzz/FuzzTheme"),
        .executableTarget(name: "FuzzRender", dependencies: ["Chainframe", "ChainframeGraphics", "ChainframeRender"],
                          path: "Fuzz/FuzzRender"),
        .testTarget(name: "ChainframeTests", dependencies: ["Chainframe"]),
        .testTarget(name: "ChainframeGraphicsTests", dependencies: ["ChainframeGraphics"]),
        .testTarget(name: "ChainframeRenderTests",
                    dependencies: ["ChainframeRender", "Chainframe", "ChainframeGraphics",
                                   .product(name: "SnapshotTesting", package: "swift-snapshot-testing")],
                    exclude: ["__Snapshots__", "__Goldens__"]),
        .testTarget(name: "ChainframeCLITests", dependencies: ["ChainframeCLI", "Chainframe"],
                    exclude: ["Fixtures"]),
    ]
)
