import Chainframe
import Foundation

/// An output format: a name, what it can do, and a function that writes it.
///
/// Every exporter receives the same storyboard, layout and theme (through `ExportContext`),
/// so every output shows the same picture. Built-in exporters each live in a file of their
/// own and are listed once, in `ExporterRegistry.builtIn`; external ones are executables
/// named `chainframe-export-NAME` on `PATH` (see `ExternalExporter`).
public struct Exporter: Sendable {
    /// What an exporter produces.
    public struct Capabilities: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Pixels (PNG).
        public static let raster = Capabilities(rawValue: 1 << 0)
        /// Shapes and text that scale (PDF, SVG, TikZ).
        public static let vector = Capabilities(rawValue: 1 << 1)
        /// One picture.
        public static let single = Capabilities(rawValue: 1 << 2)
        /// One picture (or page) per step.
        public static let sequence = Capabilities(rawValue: 1 << 3)
        /// Plays by itself (APNG, the HTML player).
        public static let animated = Capabilities(rawValue: 1 << 4)
        /// Text or data rather than a picture (DOT, JSON, Markdown).
        public static let text = Capabilities(rawValue: 1 << 5)

        /// The capabilities as words, for `chainframe exporters`.
        public var words: [String] {
            [(Capabilities.raster, "raster"), (.vector, "vector"), (.single, "single"), (.sequence, "sequence"),
             (.animated, "animated"), (.text, "text")].filter { contains($0.0) }.map(\.1)
        }
    }

    /// The name used with `--format`.
    public var name: String
    /// One line for `chainframe exporters`.
    public var summary: String
    public var capabilities: Capabilities
    /// The fixed names it writes for a base name, each with the exporter that produces the file
    /// (`markdown` writes `frames.json` through `png-frames`), so that two formats writing one
    /// name are caught before anything is written. Empty for external exporters (unknown).
    public var files: @Sendable (_ baseName: String) -> [String: String]
    /// Writes the output into `context.directory`; returns the files written.
    public var export: @Sendable (ExportContext) throws -> [URL]

    public init(name: String, summary: String, capabilities: Capabilities,
                files: @escaping @Sendable (_ baseName: String) -> [String: String] = { _ in [:] },
                export: @escaping @Sendable (ExportContext) throws -> [URL]) {
        self.name = name
        self.summary = summary
        self.capabilities = capabilities
        self.files = files
        self.export = export
    }

    /// The first name two of `exporters` would both write (as different files) for `baseName`:
    /// the name and the two formats.
    public static func collision(among exporters: [Exporter], baseName: String) -> (file: String, formats: (String, String))? {
        var owners: [String: (producer: String, format: String)] = [:]
        for exporter in exporters {
            for (file, producer) in exporter.files(baseName).sorted(by: { $0.key < $1.key }) {
                if let earlier = owners[file], earlier.producer != producer {
                    return (file, (earlier.format, exporter.name))
                }
                owners[file] = owners[file] ?? (producer, exporter.name)
            }
        }
        return nil
    }
}

/// Everything an exporter needs: the storyboard, the shared layout and scenes, the theme,
/// where to write, and what the files were made from.
///
/// Exporters read the picture through its documented accessors (ExportContext+Output.swift):
/// `scene(_:)`, `pixels(step:)`, `pngBytes(step:metadata:)`, `cardText(_:)`, `nodeBox(_:)`,
/// `edgeRoute(_:)`, `edgeLabel(_:)`, `textMetrics(_:font:)`, not the
/// layout's or the renderer's internals.
public struct ExportContext {
    /// Draws the frames; its `layout` is the one geometry every output shares.
    public let renderer: FrameRenderer
    /// The directory to write into (created before the exporter runs).
    public let directory: URL
    /// The base of file names: `lecture` for `lecture.cg`.
    public let baseName: String
    /// The .cg file's name without its directory (published outputs never show where the
    /// input lives), and its text.
    public let sourceName: String
    public let sourceText: String
    /// Chainframe's version, for metadata.
    public let version: String
    /// How many threads may draw frames at once.
    public var jobs: Int
    /// Called once per frame written (from any thread), for progress bars; videos call it once
    /// per video frame.
    public var progress: (@Sendable () -> Void)?
    /// Seconds an external exporter may run before its process group is stopped.
    public var exporterTimeout: Double = ExportContext.defaultExporterTimeout

    /// The default of `--exporter-timeout`: ten minutes, far beyond any exporter that works.
    public static let defaultExporterTimeout: Double = 600
    /// Frame rate, GIF width and where ffmpeg is found (videos and motion frames).
    public var video = VideoOptions()

    public init(renderer: FrameRenderer, directory: URL, baseName: String, sourceName: String,
                sourceText: String, version: String, jobs: Int = 1, progress: (@Sendable () -> Void)? = nil) {
        self.jobs = jobs
        self.progress = progress
        self.renderer = renderer
        self.directory = directory
        self.baseName = baseName
        self.sourceName = PNGFramesWriter.publishedName(sourceName)
        self.sourceText = sourceText
        self.version = version
    }

    public var storyboard: Storyboard { renderer.storyboard }
    public var theme: Theme { renderer.theme }
    public var layout: FrameLayout { renderer.layout }

    /// `directory/name`.
    public func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// PNG metadata for step `index`: Title, Description, Software, Source.
    public func pngMetadata(step index: Int) -> [(key: String, value: String)] {
        PNGFramesWriter.metadata(for: storyboard.steps[index], title: storyboard.evaluation.graph.title ?? sourceName,
                                 version: version, source: sourceText)
    }
}

/// Why an export failed (reported as a run-time failure, exit status 1).
public struct ExportError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
