import Chainframe
import Foundation

/// Writes a storyboard as numbered PNG frames plus `frames.json` into one directory.
///
/// Each file appears whole (temporary name, then rename). Frames left from an earlier, longer
/// run are removed; nothing else in the directory is touched.
public struct PNGFramesWriter {
    /// One written frame, as listed in `frames.json`.
    public struct Record: Sendable {
        public var index: Int
        public var file: String
        public var phase: Step.Phase
        public var caption: String
        public var durationMilliseconds: Int
    }

    public let directory: URL
    /// The .cg file's name and text, recorded in each PNG's metadata.
    public let sourceName: String
    public let sourceText: String
    public let version: String

    public init(directory: URL, sourceName: String, sourceText: String, version: String) {
        self.directory = directory
        self.sourceName = sourceName
        self.sourceText = sourceText
        self.version = version
    }

    /// The file name of frame `index`: `frame-000.png`.
    public static func fileName(_ index: Int) -> String {
        let digits = String(index)
        return "frame-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits + ".png"
    }

    /// Renders and writes every frame, then `frames.json`; returns the records.
    @discardableResult
    public func write(_ renderer: FrameRenderer) throws -> [Record] {
        try AtomicFile.makeDirectory(directory)
        let storyboard = renderer.storyboard
        let title = storyboard.evaluation.graph.title ?? sourceName
        var records: [Record] = []
        for (index, step) in storyboard.steps.enumerated() {
            let name = Self.fileName(index)
            let metadata: [(key: String, value: String)] = [
                ("Title", "\(title) — \(step.caption.title)"),
                ("Description", step.caption.plainText),
                ("Software", "Chainframe \(version)"),
                ("Source", sourceText),
            ]
            try AtomicFile.write(try renderer.png(index, metadata: metadata), to: directory.appendingPathComponent(name))
            records.append(Record(index: index, file: name, phase: step.phase, caption: step.caption.plainText,
                                  durationMilliseconds: step.durationMilliseconds))
        }
        try AtomicFile.write(Self.json(records, renderer: renderer, sourceName: sourceName).serialized(indent: 2) + "\n",
                             to: directory.appendingPathComponent("frames.json"))
        try removeStaleFrames(keeping: records.count)
        return records
    }

    /// `frames.json`: the frames in order with phase, caption and suggested duration.
    static func json(_ records: [Record], renderer: FrameRenderer, sourceName: String) -> JSONValue {
        .object([
            ("source", .string(sourceName)),
            ("title", renderer.storyboard.evaluation.graph.title.map(JSONValue.string) ?? .null),
            ("width", .number((renderer.layout.canvasSize.width * renderer.options.scale).rounded())),
            ("height", .number((renderer.layout.canvasSize.height * renderer.options.scale).rounded())),
            ("frames", .array(records.map { record in
                .object([
                    ("index", .number(Double(record.index))),
                    ("file", .string(record.file)),
                    ("phase", .string(record.phase.rawValue)),
                    ("caption", .string(record.caption)),
                    ("duration_ms", .number(Double(record.durationMilliseconds))),
                ])
            })),
        ])
    }

    /// Deletes `frame-NNN.png` files numbered `count` or above (left from a longer run).
    func removeStaleFrames(keeping count: Int) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix("frame-") && name.hasSuffix(".png") {
            let digits = name.dropFirst(6).dropLast(4)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
                  let number = Int(digits), number >= count else { continue }
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}
