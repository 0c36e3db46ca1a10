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

/// Everything an exporter needs: the picture (storyboard, the shared layout and scenes, the
/// theme, the source's names), the renderer that draws it in pixels, and where to write.
///
/// Exporters read the picture through ``picture`` — its properties (`storyboard`, `theme`,
/// `canvasSize`, `baseName`, …) also read as the context's own — and pixels through
/// `pngBytes(step:metadata:)` and `pixels(step:)` (ExportContext+Output.swift), not the
/// layout's or the renderer's internals.
@dynamicMemberLookup
public struct ExportContext {
    /// Draws the frames in pixels; its `layout` is the one geometry every output shares.
    public let renderer: FrameRenderer
    /// The lesson drawn as plain data: what the text writers read.
    public let picture: LessonPicture
    /// The directory to write into (created before the exporter runs).
    public let directory: URL
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

    /// A context for `renderer`'s frames, writing into `directory` under `baseName`.
    public init(renderer: FrameRenderer, directory: URL, baseName: String, sourceName: String,
                sourceText: String, version: String, jobs: Int = 1, progress: (@Sendable () -> Void)? = nil) {
        self.jobs = jobs
        self.progress = progress
        self.renderer = renderer
        self.directory = directory
        self.picture = LessonPicture(builder: renderer.builder, baseName: baseName, sourceName: sourceName,
                                     sourceText: sourceText, version: version)
    }

    /// A property of the ``picture``, read as the context's own (`context.storyboard`).
    public subscript<Value>(dynamicMember path: KeyPath<LessonPicture, Value>) -> Value { picture[keyPath: path] }

    /// `directory/name`.
    public func file(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// PNG metadata for step `index`: Title, Description, Software, Source.
    public func pngMetadata(step index: Int) -> [(key: String, value: String)] {
        PNGFramesWriter.metadata(for: picture.storyboard.steps[index], title: picture.graphTitle,
                                 version: picture.version, source: picture.sourceText)
    }
}

/// Why an export failed (reported as a run-time failure, exit status 1).
public struct ExportError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
