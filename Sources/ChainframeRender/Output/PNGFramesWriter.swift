import Chainframe
import Foundation

/// Writes a storyboard as numbered PNG frames plus `frames.json` into one directory.
///
/// Each file appears whole (temporary name, then rename). Frames left from an earlier, longer
/// run are removed; nothing else in the directory is touched.
public struct PNGFramesWriter: Sendable {
    /// One written frame, as listed in `frames.json`.
    public struct Record: Sendable {
        public var index: Int
        public var file: String
        public var phase: Step.Phase
        public var caption: String
        public var durationMilliseconds: Int
    }

    public let directory: URL
    /// The .cg file's name (without its directory: see `LessonPicture.publishedName`) and text, recorded
    /// in each PNG's metadata.
    public let sourceName: String
    public let sourceText: String
    public let version: String
    /// How many threads draw and encode frames at once.
    public let jobs: Int
    /// Called after each frame is written (from any thread), e.g. for a progress bar.
    public let progress: (@Sendable () -> Void)?

    public init(directory: URL, sourceName: String, sourceText: String, version: String, jobs: Int = 1,
                progress: (@Sendable () -> Void)? = nil) {
        self.directory = directory
        self.sourceName = LessonPicture.publishedName(sourceName)
        self.sourceText = sourceText
        self.version = version
        self.jobs = max(1, jobs)
        self.progress = progress
    }

    /// The file name of frame `index`, zero-padded to at least `digits` digits: `frame-000.png`
    /// (`LessonPicture.frameFileName(_:digits:)`, which the Markdown document links to).
    public static func fileName(_ index: Int, digits: Int = 3) -> String {
        LessonPicture.frameFileName(index, digits: digits)
    }

    /// Renders and writes every frame, then `frames.json`; returns the records.
    @discardableResult
    public func write(_ renderer: FrameRenderer) throws -> [Record] {
        try AtomicFile.makeDirectory(directory)
        let storyboard = renderer.storyboard
        let title = storyboard.evaluation.graph.title ?? sourceName
        let records = storyboard.steps.enumerated().map { index, step in
            Record(index: index, file: Self.fileName(index), phase: step.phase, caption: step.caption.plainText,
                   durationMilliseconds: step.durationMilliseconds)
        }
        // Frames are drawn and encoded on `jobs` threads, each with its own renderer (canvas,
        // Pango layouts, encoder) sharing the one layout; each frame goes to disk at once.
        let workers = min(jobs, max(1, records.count))
        let failures = FailureBox()
        if workers == 1 {
            for index in records.indices {
                try writeFrame(index, with: renderer, records: records, title: title)
            }
        } else {
            let shared = SharedRenderer(renderer)
            let queue = FrameQueue(count: records.count)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                // The calling thread keeps the renderer it made (its texts already shaped, so it
                // starts drawing at once); every other worker makes its own on its thread. Each
                // takes the next frame when it is free, so no worker idles while another still
                // has frames to draw.
                let mine = shared.forCurrentThread()
                while !failures.hasFailed, let index = queue.next() {
                    do {
                        try writeFrame(index, with: mine, records: records, title: title)
                    } catch {
                        failures.record(error)
                    }
                }
            }
        }
        if let error = failures.first { throw error }
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

    /// Draws, encodes and writes frame `index`.
    private func writeFrame(_ index: Int, with renderer: FrameRenderer, records: [Record], title: String) throws {
        let metadata = Self.metadata(for: renderer.storyboard.steps[index], title: title, version: version, source: sourceText)
        let url = directory.appendingPathComponent(records[index].file)
        try renderer.withPNG(index, metadata: metadata) { try AtomicFile.write($0, to: url) }
        progress?()
    }

    /// A frame's PNG text chunks: Title, Description (the caption), Software and Source (the .cg text).
    public static func metadata(for step: Step, title: String, version: String, source: String) -> [(key: String, value: String)] {
        [("Title", "\(title) — \(step.caption.title)"), ("Description", step.caption.plainText),
         ("Software", "Chainframe \(version)"), ("Source", source)]
    }

    /// The pieces of a renderer that are plain values (storyboard, theme, options, layout),
    /// to hand to worker threads.
    struct SharedRenderer: Sendable {
        private let storyboard: Storyboard
        private let theme: Theme
        private let options: FrameOptions
        private let layout: FrameLayout

        /// The renderer made on the thread that created this value, and that thread.
        private let original: ThreadBound

        init(_ renderer: FrameRenderer) {
            storyboard = renderer.storyboard
            theme = renderer.theme
            options = renderer.options
            layout = renderer.layout
            original = ThreadBound(renderer: renderer, thread: pthread_self())
        }

        /// The original renderer on the thread that made it, else a new one for the calling thread.
        func forCurrentThread() -> FrameRenderer {
            pthread_equal(pthread_self(), original.thread) != 0 ? original.renderer : sibling()
        }

        /// A renderer with the thread it belongs to; handed out only on that thread.
        private final class ThreadBound: @unchecked Sendable {
            let renderer: FrameRenderer
            let thread: pthread_t

            init(renderer: FrameRenderer, thread: pthread_t) {
                self.renderer = renderer
                self.thread = thread
            }
        }

        /// A new renderer for the calling thread.
        func sibling() -> FrameRenderer {
            FrameRenderer(storyboard: storyboard, theme: theme, options: options, layout: layout)
        }
    }

    /// Hands out frame indices in order, each once, to whichever worker asks.
    final class FrameQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var following = 0
        private let count: Int

        init(count: Int) { self.count = count }

        /// The next frame to draw, or nil when every frame is taken.
        func next() -> Int? {
            lock.withLock {
                guard following < count else { return nil }
                defer { following += 1 }
                return following
            }
        }
    }

    /// The first error of any worker; the others stop at their next frame.
    final class FailureBox: @unchecked Sendable {
        private let lock = NSLock()
        private var error: Error?

        var hasFailed: Bool { lock.withLock { error != nil } }
        var first: Error? { lock.withLock { error } }

        func record(_ error: Error) {
            lock.withLock { if self.error == nil { self.error = error } }
        }
    }

    /// Deletes `frame-NNN.png` files numbered `count` or above (left from a longer run) or
    /// numbered in another width than `name` gives (left from a run with motion frames).
    func removeStaleFrames(keeping count: Int, name: (Int) -> String = { PNGFramesWriter.fileName($0) }) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in names where file.hasPrefix("frame-") && file.hasSuffix(".png") {
            let digits = file.dropFirst(6).dropLast(4)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
                  let number = Int(digits), number >= count || name(number) != file else { continue }
            unlink(directory.appendingPathComponent(file).path)  // a file only, never a folder
        }
    }
}
