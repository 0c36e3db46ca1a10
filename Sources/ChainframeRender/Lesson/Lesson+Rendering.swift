import Chainframe
import Foundation

extension Lesson {
    /// How many steps (frames) the lesson has with `options`.
    public func stepCount(options: RenderOptions = RenderOptions()) throws(ChainframeError) -> Int {
        do {
            return try Storyboard(evaluation, options: try options.storyboardOptions(for: graph)).steps.count
        } catch {
            throw ChainframeError.converting(error, fallback: .source)
        }
    }

    /// The PNG image of step `step` (0-based), as `render` writes it, with its metadata.
    ///
    /// - Throws: a `ChainframeError` for a step out of range or invalid options.
    public func png(step: Int, theme: Theme = .classroom, options: RenderOptions = RenderOptions()) throws(ChainframeError) -> Data {
        try LessonPipeline(lesson: self, theme: theme, options: options).png(step: step)
    }

    /// The SVG picture of step `step` (0-based), in memory.
    public func svg(step: Int, theme: Theme = .classroom, options: RenderOptions = RenderOptions()) throws(ChainframeError) -> String {
        try LessonPipeline(lesson: self, theme: theme, options: options).svg(step: step)
    }

    /// A text format in memory: DOT, the JSON document, TikZ or the Markdown skeleton.
    public func text(_ format: TextFormat, theme: Theme = .classroom,
                     options: RenderOptions = RenderOptions()) throws(ChainframeError) -> String {
        try LessonPipeline(lesson: self, theme: theme, options: options).text(format)
    }

    /// Writes `formats` (names as `chainframe exporters` lists them: `png-frames`, `pdf`, `svg`,
    /// …) into `directory`, creating it; returns every file written.
    ///
    /// Files are written whole (a temporary name, then a rename), so a reader never sees half a
    /// file; two exports into one directory take turns.
    public func export(formats: [String], to directory: URL, theme: Theme = .classroom,
                       options: RenderOptions = RenderOptions()) throws(ChainframeError) -> [URL] {
        let exporters = try LessonPipeline.exporters(named: formats)
        let pipeline = try LessonPipeline(lesson: self, theme: theme, options: options)
        return try pipeline.export(exporters, to: directory, jobs: ProcessInfo.processInfo.activeProcessorCount)
            .flatMap(\.files)
    }
}
