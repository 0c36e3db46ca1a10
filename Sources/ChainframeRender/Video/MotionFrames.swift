import Chainframe
import ChainframeGraphics
import Foundation

/// Draws the distinct pictures of an animation (the in-betweens and one picture per hold) on
/// several threads and hands them over in order.
///
/// Each thread has its own renderer (canvas and Pango layouts are per thread) sharing the one layout, and
/// its own canvas, reused for every picture it draws. At most `window` pictures wait in memory.
struct MotionFrames {
    let renderer: FrameRenderer
    let timeline: MotionTimeline
    let jobs: Int
    /// Draw transparent scenes on the theme's background (video has no alpha channel).
    let opaque: Bool

    /// What a drawing thread has: its renderer and canvas.
    final class Worker {
        let renderer: FrameRenderer
        let canvas: CairoCanvas
        init(_ renderer: FrameRenderer) throws {
            self.renderer = renderer
            canvas = try CairoCanvas.image(width: renderer.layout.canvasSize.width, height: renderer.layout.canvasSize.height,
                                           scale: renderer.options.scale, text: renderer.text)
        }
    }

    /// The scene of every step, then the motion into every step from the one before, built on
    /// `jobs` threads.
    func tweens() -> (scenes: [Scene], tweens: [SceneTween?]) {
        let steps = renderer.storyboard.steps.count
        let scenes = ParallelSlots<Scene>(count: steps)
        let shared = PNGFramesWriter.SharedRenderer(renderer)
        let workers = min(jobs, max(1, steps))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let mine = shared.sibling()
            for index in stride(from: worker, to: steps, by: workers) { scenes[index] = mine.scene(index) }
        }
        let all = scenes.values
        let needed = Set(timeline.segments.filter { $0.transitionFrames > 0 }.map(\.step))
        let tweens = ParallelSlots<SceneTween?>(count: steps)
        DispatchQueue.concurrentPerform(iterations: steps) { index in
            tweens[index] = needed.contains(index) ? SceneTween(from: all[index - 1], to: all[index]) : nil
        }
        return (all, tweens.values)
    }

    /// The scene of `shot`.
    static func scene(of shot: MotionTimeline.Shot, scenes: [Scene], tweens: [SceneTween?]) -> Scene {
        guard shot.isTransition, let tween = tweens[shot.step] else { return scenes[shot.step] }
        return tween.scene(at: shot.progress)
    }

    /// Draws every shot with `draw` on worker threads and passes the results, in order, to
    /// `consume` on the calling thread. The first error stops everything and is rethrown.
    func run<Picture>(draw: @escaping @Sendable (Worker, Scene, MotionTimeline.Shot) throws -> Picture,
                      consume: (MotionTimeline.Shot, Picture) throws -> Void) throws {
        let (scenes, tweens) = tweens()
        let shots = timeline.shots
        let opaque = self.opaque, background = renderer.theme.background
        let queue = OrderedQueue<Picture>(count: shots.count, window: max(2, 2 * jobs))
        let shared = PNGFramesWriter.SharedRenderer(renderer)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, max(1, shots.count)) {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let worker = try Worker(shared.sibling())
                    while let index = queue.claim() {
                        var scene = Self.scene(of: shots[index], scenes: scenes, tweens: tweens)
                        if opaque && scene.background == nil { scene.background = background }
                        queue.put(index, try draw(worker, scene, shots[index]))
                    }
                } catch {
                    queue.fail(error)
                }
            }
        }
        defer { group.wait() }
        do {
            for index in shots.indices {
                try consume(shots[index], try queue.take(index))
            }
        } catch {
            queue.fail(error)
            throw error
        }
    }

    /// The BGRA bytes of `scene`, rows packed (`width × 4` bytes each), as ffmpeg's `bgra` reads them.
    static func pixels(_ scene: Scene, on worker: Worker) throws -> [UInt8] {
        CairoSceneRenderer.draw(scene, on: worker.canvas)
        let bytes = worker.canvas.withPixelData { buffer -> [UInt8] in
            let row = buffer.width * 4
            if buffer.stride == row {
                return [UInt8](UnsafeRawBufferPointer(start: buffer.base, count: row * buffer.height))
            }
            var out = [UInt8](repeating: 0, count: row * buffer.height)
            out.withUnsafeMutableBytes { target in
                for y in 0..<buffer.height {
                    target.baseAddress!.advanced(by: y * row).copyMemory(from: buffer.base.advanced(by: y * buffer.stride), byteCount: row)
                }
            }
            return out
        }
        guard let bytes else { throw ExportError("video: the canvas has no pixels") }
        return bytes
    }
}

/// Results of parallel work, one slot per index.
final class ParallelSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }
    var values: [Value] { lock.withLock { slots.map { $0! } } }
}

/// Hands out indices to workers in increasing order and returns their results in that order,
/// with at most `window` results claimed but not yet taken.
final class OrderedQueue<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var next = 0
    private var taken = 0
    private var results: [Int: Value] = [:]
    private var error: Error?

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next index to work on, or nil when there is none (or something failed).
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while error == nil && next < count && next - taken >= window { condition.wait() }
        guard error == nil, next < count else { return nil }
        next += 1
        return next - 1
    }

    func put(_ index: Int, _ value: Value) {
        condition.lock()
        results[index] = value
        condition.broadcast()
        condition.unlock()
    }

    func fail(_ failure: Error) {
        condition.lock()
        if error == nil { error = failure }
        condition.broadcast()
        condition.unlock()
    }

    /// The result of `index`, waiting for it; rethrows a worker's error.
    func take(_ index: Int) throws -> Value {
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil && error == nil { condition.wait() }
        if let error { throw error }
        taken = index + 1
        condition.broadcast()
        return results.removeValue(forKey: index)!
    }
}
