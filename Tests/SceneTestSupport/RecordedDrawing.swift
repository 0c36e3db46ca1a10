import Chainframe
import ChainframeScene
import Foundation

/// What Pango and Graphviz answered while a lesson was drawn — every text measurement and
/// every graph layout — so that ChainframeScene can draw the lesson again without either.
///
/// ChainframeRenderTests records the lecture's answers (and checks the recording is current);
/// ChainframeSceneTests replays them, with no C library linked, and must write the lecture's
/// DOT, TikZ, SVG, JSON and Markdown goldens byte for byte.
public struct RecordedDrawing: Codable, Equatable, Sendable {
    /// One text measured in one font.
    public struct Measurement: Codable, Hashable, Sendable {
        public var text: String
        public var font: FontSpec
        public var markup: Bool
        public var metrics: TextMetrics
    }

    /// One graph laid out.
    public struct Layout: Codable, Equatable, Sendable {
        public var request: LayoutRequest
        public var layout: GraphLayout
        public var warnings: [String]
    }

    /// Every measurement, sorted, each once.
    public var measurements: [Measurement]
    /// Every layout, in the order they were asked for, each once.
    public var layouts: [Layout]

    /// The repository's root, found from this file's path.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Where the lecture's recording lives.
    public static let lectureFile = repositoryRoot.appendingPathComponent("Tests/ChainframeSceneTests/Fixtures/lecture-drawing.json")

    /// The lecture's text goldens (`Tests/ChainframeRenderTests/__Goldens__`), by file name.
    public static let goldenDirectory = repositoryRoot.appendingPathComponent("Tests/ChainframeRenderTests/__Goldens__")

    public init(measurements: [Measurement], layouts: [Layout]) {
        self.measurements = measurements
        self.layouts = layouts
    }

    /// Reads a recording.
    public init(contentsOf url: URL) throws {
        self = try JSONDecoder().decode(RecordedDrawing.self, from: Data(contentsOf: url))
    }

    /// The recording as stable JSON text (sorted keys, one value per line).
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// The lecture's graph (examples/lecture.cg), storyboarded with the default options.
    public static func lectureStoryboard() throws -> Storyboard {
        let url = repositoryRoot.appendingPathComponent("examples/lecture.cg")
        let lesson = try Lesson(source: try String(contentsOf: url, encoding: .utf8), name: "lecture.cg")
        return try Storyboard(lesson.evaluation)
    }

    /// The lecture drawn with `text` and `engine`, with the classroom theme and default options,
    /// as `Lesson`/`LessonPipeline` draw it.
    public static func lecturePicture(text: any TextMeasuring, engine: any GraphLayoutEngine) throws -> LessonPicture {
        let builder = try SceneBuilder(laying: try lectureStoryboard(), theme: .classroom, options: FrameOptions(),
                                       text: text, engine: engine)
        return LessonPicture(builder: builder, baseName: "lecture", sourceName: "lecture.cg",
                             sourceText: try String(contentsOf: repositoryRoot.appendingPathComponent("examples/lecture.cg"),
                                                    encoding: .utf8),
                             version: ChainframeVersion.current)
    }

    /// The golden files and how each is written from a picture: the text formats, and the
    /// summary step's SVG.
    public static let goldens: [(file: String, write: @Sendable (LessonPicture) -> String)] = [
        ("lecture.dot", { $0.text(.dot) }),
        ("lecture.tex", { $0.text(.tikz) }),
        ("lecture-standalone.tex", { $0.text(.tikzStandalone) }),
        ("lecture.json", { $0.text(.json) }),
        ("lecture.md", { $0.text(.markdown) }),
        ("lecture-summary.svg", { $0.svg(step: $0.stepCount - 1) }),
    ]
}

/// Measures through another measurer and keeps every answer.
public final class RecordingText: TextMeasuring {
    let measurer: any TextMeasuring
    private var answers: Set<RecordedDrawing.Measurement> = []

    public init(_ measurer: any TextMeasuring) { self.measurer = measurer }

    public func metrics(_ text: String, font: FontSpec, markup: Bool) -> TextMetrics {
        let metrics = measurer.metrics(text, font: font, markup: markup)
        answers.insert(RecordedDrawing.Measurement(text: text, font: font, markup: markup, metrics: metrics))
        return metrics
    }

    /// The answers so far, in a stable order.
    public var measurements: [RecordedDrawing.Measurement] {
        answers.sorted { ($0.text, $0.font.family, $0.font.size, $0.font.weight.rawValue, $0.font.italic ? 1 : 0, $0.markup ? 1 : 0)
            < ($1.text, $1.font.family, $1.font.size, $1.font.weight.rawValue, $1.font.italic ? 1 : 0, $1.markup ? 1 : 0) }
    }
}

/// Lays out through another engine and keeps every answer.
public final class RecordingLayout: GraphLayoutEngine {
    let engine: any GraphLayoutEngine
    public private(set) var layouts: [RecordedDrawing.Layout] = []

    public init(_ engine: any GraphLayoutEngine) { self.engine = engine }

    public func layout(_ request: LayoutRequest) throws -> (layout: GraphLayout, warnings: [String]) {
        let answer = try engine.layout(request)
        if !layouts.contains(where: { $0.request == request }) {
            layouts.append(RecordedDrawing.Layout(request: request, layout: answer.layout, warnings: answer.warnings))
        }
        return answer
    }
}

/// Answers from a recording; a question it has no answer for is an error (measurements: a
/// zero size, reported in `unanswered`).
public final class ReplayedDrawing: TextMeasuring, GraphLayoutEngine {
    private let measurements: [Key: TextMetrics]
    private let layouts: [RecordedDrawing.Layout]
    /// Texts measured that the recording does not hold.
    public private(set) var unanswered: [String] = []

    private struct Key: Hashable {
        var text: String
        var font: FontSpec
        var markup: Bool
    }

    /// Why a layout could not be replayed.
    public struct Unrecorded: Error, CustomStringConvertible {
        public var description: String
    }

    public init(_ recording: RecordedDrawing) {
        measurements = Dictionary(recording.measurements.map { (Key(text: $0.text, font: $0.font, markup: $0.markup), $0.metrics) },
                                  uniquingKeysWith: { first, _ in first })
        layouts = recording.layouts
    }

    public func metrics(_ text: String, font: FontSpec, markup: Bool) -> TextMetrics {
        if let metrics = measurements[Key(text: text, font: font, markup: markup)] { return metrics }
        unanswered.append(text)
        return TextMetrics(size: Size(width: 0, height: 0), baseline: 0)
    }

    public func layout(_ request: LayoutRequest) throws -> (layout: GraphLayout, warnings: [String]) {
        guard let recorded = layouts.first(where: { $0.request == request }) else {
            throw Unrecorded(description: "no recorded layout for a request of \(request.nodes.count) nodes, \(request.rankDirection)")
        }
        return (recorded.layout, recorded.warnings)
    }
}
