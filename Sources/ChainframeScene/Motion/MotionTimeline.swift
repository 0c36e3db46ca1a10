import Chainframe

/// When each frame of an animation is shown: every step opens with a transition from the step
/// before (the theme's `transition-ms`), then holds for the rest of its `duration_ms`, so the
/// animation lasts exactly the sum of the steps' durations (rounded to whole frames).
public struct MotionTimeline: Sendable, Equatable {
    /// One step's stretch of the animation.
    public struct Segment: Sendable, Equatable {
        public var step: Int
        /// The step's first frame and how many frames it has.
        public var firstFrame: Int
        public var frameCount: Int
        /// How many of its frames are in-betweens (the rest show the step itself).
        public var transitionFrames: Int
        /// Start and length in milliseconds, as frames.json gives them.
        public var startMilliseconds: Int
        public var durationMilliseconds: Int
    }

    /// One distinct picture of the animation and how many frames in a row show it.
    public struct Shot: Sendable, Equatable {
        public var step: Int
        /// Progress of the transition into `step` (1: the step itself, held).
        public var progress: Double
        public var firstFrame: Int
        public var repeats: Int
        public var isTransition: Bool { progress < 1 }
    }

    public let fps: Int
    public let segments: [Segment]
    public let shots: [Shot]

    /// The timeline of steps lasting `durations` milliseconds each, at `fps` frames per second,
    /// each step after the first opening with a transition of `transitionMilliseconds`
    /// (at most half the step).
    public init(durations: [Int], fps: Int, transitionMilliseconds: Double) {
        self.fps = fps
        var segments: [Segment] = []
        var shots: [Shot] = []
        var start = 0
        for (step, duration) in durations.enumerated() {
            let first = Self.frame(atMilliseconds: start, fps: fps)
            let next = Self.frame(atMilliseconds: start + duration, fps: fps)
            let count = next - first
            let wanted = Int((min(transitionMilliseconds, Double(duration) / 2) * Double(fps) / 1000).rounded())
            let transition = step == 0 || count == 0 ? 0 : max(0, min(wanted, count - 1))
            segments.append(Segment(step: step, firstFrame: first, frameCount: count, transitionFrames: transition,
                                    startMilliseconds: start, durationMilliseconds: duration))
            for j in 0..<transition {
                // In-betweens at (j + 1) / (n + 1): the last frame of the transition is the step.
                shots.append(Shot(step: step, progress: Double(j + 1) / Double(transition + 1), firstFrame: first + j, repeats: 1))
            }
            if count > transition {
                shots.append(Shot(step: step, progress: 1, firstFrame: first + transition, repeats: count - transition))
            }
            start += duration
        }
        self.segments = segments
        self.shots = shots
    }

    /// The timeline of a storyboard under a theme.
    public init(storyboard: Storyboard, theme: Theme, fps: Int) {
        self.init(durations: storyboard.steps.map(\.durationMilliseconds), fps: fps,
                  transitionMilliseconds: theme.transitionMilliseconds)
    }

    /// Frames in the whole animation.
    public var frameCount: Int { segments.last.map { $0.firstFrame + $0.frameCount } ?? 0 }

    /// The animation's length in milliseconds (the sum of the steps' durations).
    public var milliseconds: Int { segments.last.map { $0.startMilliseconds + $0.durationMilliseconds } ?? 0 }

    /// The frame shown at `milliseconds` from the start.
    static func frame(atMilliseconds milliseconds: Int, fps: Int) -> Int {
        Int((Double(milliseconds) * Double(fps) / 1000).rounded())
    }

    /// When frame `index` starts, in milliseconds.
    public func milliseconds(ofFrame index: Int) -> Double {
        Double(index) * 1000 / Double(fps)
    }
}
