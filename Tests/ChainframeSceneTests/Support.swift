import Foundation
import SceneTestSupport

/// The repository's root.
let repositoryRoot = RecordedDrawing.repositoryRoot
