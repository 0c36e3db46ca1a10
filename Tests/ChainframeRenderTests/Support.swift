import Chainframe
import ChainframeGraphics
import ChainframeScene
import ChainframeRender
import Foundation

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// Loads, evaluates and storyboards an example from `examples/`.
func exampleStoryboard(_ name: String, options: Storyboard.Options = Storyboard.Options()) throws -> Storyboard {
    let url = repositoryRoot.appendingPathComponent("examples/\(name).cg")
    let source = try SourceFile.decode(name: "\(name).cg", bytes: [UInt8](Data(contentsOf: url)))
    return try Storyboard(try Evaluation(GraphBuilder.build(source)), options: options)
}

/// A renderer for an example with the built-in theme.
func exampleRenderer(_ name: String, frame: FrameOptions = FrameOptions(), theme: Theme = .classroom) throws -> FrameRenderer {
    try FrameRenderer(storyboard: try exampleStoryboard(name), theme: theme, options: frame)
}

extension Scene {
    /// Every element, groups flattened.
    var flattened: [SceneElement] {
        func flatten(_ elements: [SceneElement]) -> [SceneElement] {
            elements.flatMap { element -> [SceneElement] in
                if case .group(_, let children) = element { return flatten(children) }
                if case .link(_, _, let children) = element { return flatten(children) }
                if case .clip(_, let children) = element { return flatten(children) }
                return [element]
            }
        }
        return flatten(elements)
    }

    /// The texts of the scene.
    var texts: [String] {
        flattened.compactMap { if case .text(let run) = $0 { run.text } else { nil } }
    }
}
