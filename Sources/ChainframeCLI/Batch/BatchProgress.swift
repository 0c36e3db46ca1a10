import Foundation

/// Reports a batch's progress: a bar redrawn in place on a terminal, one line per graph
/// otherwise, nothing with `--quiet` (failures and the summary are always printed).
final class BatchProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let quiet: Bool
    private let terminal: Bool
    private let start = Date()
    private var graphsDone = 0
    private var framesDone = 0
    private var framesPerGraph: [Int] = []
    private var current = ""

    init(graphs: Int, quiet: Bool) {
        total = graphs
        self.quiet = quiet
        terminal = isatty(STDERR_FILENO) == 1
    }

    /// A graph starts rendering.
    func begin(_ name: String) {
        lock.withLock { current = name }
        redraw()
    }

    /// A frame was written (called from worker threads).
    func frameWritten() {
        lock.withLock { framesDone += 1 }
        redraw()
    }

    /// A graph is finished; `line` describes it.
    func finish(frames: Int, line: String) {
        lock.withLock {
            graphsDone += 1
            if frames > 0 { framesPerGraph.append(frames) }
        }
        if quiet { return }
        if terminal {
            write("\r\u{1B}[2K" + line + "\n")
            redraw()
        } else {
            write(line + "\n")
        }
    }

    /// Clears the bar before the summary.
    func close() {
        if terminal && !quiet { write("\r\u{1B}[2K") }
    }

    private func redraw() {
        guard terminal, !quiet else { return }
        let text: String = lock.withLock {
            let elapsed = max(Date().timeIntervalSince(start), 0.001)
            let rate = Double(framesDone) / elapsed
            let average = framesPerGraph.isEmpty ? 0 : Double(framesPerGraph.reduce(0, +)) / Double(framesPerGraph.count)
            let remainingFrames = max(0, average * Double(total) - Double(framesDone))
            let left = rate > 0 && average > 0 ? Self.duration(remainingFrames / rate) : "…"
            let width = 24
            let filled = total == 0 ? width : width * graphsDone / total
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            return "\r\u{1B}[2K[\(bar)] \(graphsDone)/\(total) graphs · \(framesDone) frames · "
                + String(format: "%.0f", rate) + " frames/s · \(left) left · \(current)"
        }
        write(text)
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
