import Chainframe
import ChainframeRender
import Foundation

/// `render` and `watch` build their `LessonPipeline` the same way: the file as a lesson, the
/// theme, the look flags as `RenderOptions`; warns about layout problems and missing glyphs.
package enum RenderPipeline {
    package static func lessonPipeline(input: InputOptions, look: LookOptions) throws -> LessonPipeline {
        let pipeline = try LessonPipeline(lesson: try input.loadLesson(), theme: try look.loadTheme(),
                                          options: try look.renderOptions())
        Warnings.report(pipeline.warnings)
        return pipeline
    }
}

/// Prints warnings once each, as `chainframe: warning: …`.
package enum Warnings {
    package static func report(_ messages: [String]) {
        for message in messages {
            FileHandle.standardError.write(Data("chainframe: warning: \(TerminalText.sanitized(message))\n".utf8))
        }
    }
}
