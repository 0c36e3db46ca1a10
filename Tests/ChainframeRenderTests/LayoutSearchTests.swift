import Chainframe
import ChainframeGraphics
import ChainframeScene
import ChainframeRender
import Testing

/// The pruned layout search (`FrameLayout` tries the layouts of the best ranks first and stops
/// at the first rank with a readable one) picks exactly what trying every layout picks.
@Suite struct LayoutSearchTests {
    /// Canvas sizes: the default slide, a small one where fewer layouts are readable, one so
    /// small that none is (the search then compares every candidate), and a fitted canvas.
    static let sizes: [FrameOptions.CanvasSize] = [
        .fixed(width: 1920, height: 1080), .fixed(width: 960, height: 540), .fixed(width: 320, height: 180), .auto,
    ]

    @Test(arguments: ReadabilityTests.examples) func prunedSearchChoosesAsTheExhaustiveOne(example: String) throws {
        let storyboard = try exampleStoryboard(example)
        for size in Self.sizes {
            for theme in [Theme.classroom, .chalkboard] {
                var options = FrameOptions()
                options.size = size
                let pruned = try FrameLayout.choice(storyboard: storyboard, theme: theme, options: options, text: PangoText(), engine: GraphvizEngine(), exhaustive: false)
                let exhaustive = try FrameLayout.choice(storyboard: storyboard, theme: theme, options: options, text: PangoText(), engine: GraphvizEngine(), exhaustive: true)
                #expect(pruned == exhaustive, "\(example) at \(size) on \(theme.name)")
            }
        }
    }

    @Test func fixedDirectionNudgeAndCheckChooseAsTheExhaustiveOne() throws {
        var storyboardOptions = Storyboard.Options()
        storyboardOptions.nudge = (input: 0, h: 0.01)
        storyboardOptions.phases = Step.Phase.standard.union([.nudge, .check])
        let storyboard = try exampleStoryboard("lecture", options: storyboardOptions)
        for direction in [RankDirection.leftToRight, .topToBottom] {
            var options = FrameOptions()
            options.rankDirection = direction
            let pruned = try FrameLayout.choice(storyboard: storyboard, theme: .classroom, options: options, text: PangoText(), engine: GraphvizEngine(), exhaustive: false)
            let exhaustive = try FrameLayout.choice(storyboard: storyboard, theme: .classroom, options: options, text: PangoText(), engine: GraphvizEngine(), exhaustive: true)
            #expect(pruned == exhaustive)
            #expect(pruned.direction == direction)
        }
    }

    /// The lecture's slide needs only the first rank: full labels, inputs together, one-line gradients.
    @Test func lectureKeepsTheBestRank() throws {
        let choice = try FrameLayout.choice(storyboard: try exampleStoryboard("lecture"), theme: .classroom,
                                            options: FrameOptions(), text: PangoText(), engine: GraphvizEngine(), exhaustive: false)
        #expect(choice.readable && choice.productLabels && choice.pinnedInputs && choice.splitGradients.isEmpty)
    }
}
