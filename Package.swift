// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Chainframe",
    products: [
        // The engine: parse, evaluate, differentiate, storyboard. Pure Swift, no C libraries.
        .library(name: "Chainframe", targets: ["Chainframe"]),
        // The picture as plain data: geometry, colour, themes, the scene of each step and the
        // text writers (SVG, TikZ, DOT, JSON, Markdown). Pure Swift: no C library of the
        // system below it (Yams, for theme files, compiles its own copy of libyaml).
        .library(name: "ChainframeScene", targets: ["ChainframeScene"]),
        // The pipeline and every exporter: layout (Graphviz), drawing (cairo + Pango), PNG
        // (libpng), PDF, video. Re-exports ChainframeScene.
        .library(name: "ChainframeRender", targets: ["ChainframeRender"]),
        .executable(name: "chainframe", targets: ["ChainframeCLI"]),
        // The server behind `chainframe watch`, which runs it in its own place: its HTTP
        // library's networking dependencies (libcurl and ~25 more) stay out of `chainframe`.
        .executable(name: "chainframe-watch", targets: ["ChainframeWatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
        // `swift package generate-documentation`: the DocC catalogs of Chainframe, ChainframeScene and ChainframeRender.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // The HTTP and WebSocket server of `chainframe watch` (chainframe-watch; no dependencies of its own).
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
        // Storyboard + layout + theme -> scenes and texts. Pure Swift: it measures text and lays
        // graphs out through `TextMeasuring` and `GraphLayoutEngine`, which ChainframeGraphics
        // implements, so the dependency points from the C wrappers to it, never back.
        .target(name: "ChainframeScene",
                dependencies: ["Chainframe", .product(name: "Yams", package: "Yams")]),
        // One Swift wrapper per C library: Graphviz layout, cairo/Pango canvas, libpng codec.
        .target(name: "ChainframeGraphics",
                dependencies: ["ChainframeScene", "CChainframe", "CGraphviz", "CPNG", "CPangoCairo"]),
        // The pipeline (LessonPipeline), the exporter registry, the cairo scene renderer and
        // the pixel, PDF and video exporters.
        .target(name: "ChainframeRender",
                dependencies: ["Chainframe", "ChainframeScene", "ChainframeGraphics"]),
        // What both programs share: the input and look options, error reports and exit statuses.
        .target(name: "ChainframeCLIKit",
                dependencies: ["Chainframe", "ChainframeRender",
                               .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "ChainframeCLI",
                          dependencies: ["Chainframe", "ChainframeRender", "ChainframeCLIKit",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .executableTarget(name: "ChainframeWatch",
                          dependencies: ["Chainframe", "ChainframeRender", "ChainframeGraphics", "ChainframeCLIKit",
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
        // The lecture's text measurements and layouts as Pango and Graphviz gave them: recorded by
        // ChainframeRenderTests, replayed by ChainframeSceneTests. Pure Swift.
        .target(name: "SceneTestSupport", dependencies: ["ChainframeScene", "Chainframe"],
                path: "Tests/SceneTestSupport"),
        // Builds with ChainframeScene alone, no C library linked (checked from the package's
        // description), and writes the lecture's text goldens from the replayed recording.
        .testTarget(name: "ChainframeSceneTests", dependencies: ["ChainframeScene", "Chainframe", "SceneTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ChainframeGraphicsTests", dependencies: ["ChainframeGraphics", "ChainframeScene"]),
        .testTarget(name: "ChainframeRenderTests",
                    dependencies: ["ChainframeRender", "Chainframe", "ChainframeScene", "ChainframeGraphics", "SceneTestSupport",
                                   .product(name: "SnapshotTesting", package: "swift-snapshot-testing")],
                    exclude: ["__Snapshots__", "__Goldens__"]),
        .testTarget(name: "ChainframeCLITests", dependencies: ["ChainframeCLI", "ChainframeWatch", "Chainframe"],
                    exclude: ["Fixtures"]),
    ]
)
