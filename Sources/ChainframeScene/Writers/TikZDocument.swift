import Chainframe
import Foundation

/// The TikZ text of a storyboard: every step's scene in one picture, what all steps share drawn
/// once and the rest wrapped in `\only<…>{…}`, so step n is overlay n of a Beamer frame.
package struct TikZDocument {
    let context: LessonPicture
    /// `\definecolor` lines.
    let colorDefinitions: [String]
    /// The `tikzpicture` environment.
    let picture: [String]
    let usesHangul: Bool

    package init(_ context: LessonPicture) {
        self.context = context
        var writer = TikZWriter(theme: context.theme)
        let steps = context.scenes().map { writer.commands($0) }
        let size = context.canvasSize
        var picture = ["\\begin{tikzpicture}[x=1pt, y=-1pt]",
                       "\\useasboundingbox (0,0) rectangle (\(TikZWriter.number(size.width)),\(TikZWriter.number(size.height)));"]
        for run in Self.overlays(steps) {
            if run.steps.count == steps.count {
                picture += run.commands
            } else {
                picture.append("\\only<\(Self.overlaySpecification(run.steps))>{%")
                picture += run.commands.map { "  " + $0 }
                picture.append("}%")
            }
        }
        picture.append("\\end{tikzpicture}%")
        self.picture = picture
        self.colorDefinitions = writer.colorDefinitions
        self.usesHangul = writer.usesHangul
    }

    /// The fragment: colours and the picture, scaled to fit the frame, for
    /// `\begin{frame}\input{lecture.tex}\end{frame}`.
    package var fragment: String {
        var lines = header
        if usesHangul {
            lines.append("% The text has Hangul: under pdflatex, put \\usepackage{kotex} in the preamble (Debian: texlive-lang-korean).")
        }
        lines.append("% Needs \\usepackage{tikz} in a Beamer document (\\usepackage{lmodern} gives text its exact sizes).")
        lines.append("% Define \\chainframescale (e.g. \\def\\chainframescale{0.2}) before \\input to choose the size.")
        if !context.isTransparent {
            lines.append("% The whole slide in the theme's background (a dark theme is then not a dark box on white):")
            lines.append("%   \\setbeamercolor{background canvas}{bg=cfBackground} (after \\input, in the frame's group or the preamble).")
        }
        lines += colorDefinitions
        lines += body
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Beamer document with one frame holding the picture: `pdflatex` compiles it as it is.
    package var standalone: String {
        let size = context.canvasSize
        let aspect = size.width / max(size.height, 1) >= 1.5 ? "aspectratio=169" : "aspectratio=43"
        var lines = header
        lines += ["% A complete document: pdflatex \(context.baseName)-standalone.tex",
                  "\\documentclass[\(aspect)]{beamer}",
                  "\\usepackage{tikz}",
                  "\\IfFileExists{lmodern.sty}{\\usepackage{lmodern}}{} % text at its exact sizes, when installed"]
        if usesHangul {
            lines.append("\\usepackage{kotex} % Hangul under pdflatex (Debian: texlive-lang-korean)")
        }
        lines += ["\\setbeamertemplate{navigation symbols}{}"]
        lines += colorDefinitions
        if !context.isTransparent {
            // The slide itself in the theme's background, so a dark theme fills the page.
            lines.append("\\setbeamercolor{background canvas}{bg=cfBackground}")
        }
        lines += ["\\begin{document}", "\\begin{frame}[plain]", "\\centering"]
        lines += body
        lines += ["\\end{frame}", "\\end{document}"]
        return lines.joined(separator: "\n") + "\n"
    }

    private var header: [String] {
        let graph = context.storyboard.evaluation.graph
        let count = context.storyboard.steps.count
        var lines = ["% \(Self.comment(graph.title ?? context.sourceName)): drawn by Chainframe \(Self.comment(context.version)) "
                     + "from \(Self.comment(context.sourceName)).",
                     "% \(count) step\(count == 1 ? "" : "s") as Beamer overlays \\only<1> to \\only<\(count)>:"]
        for (index, step) in context.storyboard.steps.enumerated() {
            lines.append("%   \(index + 1). \(Self.comment(step.caption.title))")
        }
        return lines
    }

    /// Text for a `%` comment line: no line breaks.
    static func comment(_ s: String) -> String {
        String(s.map { $0.isNewline ? " " : $0 })
    }

    /// The picture scaled to fit the text width and most of the text height (coordinates are
    /// the frames' points; `\chainframescale` overrides the scale).
    private var body: [String] {
        let size = context.canvasSize
        let w = TikZWriter.number(max(size.width, 1)), h = TikZWriter.number(max(size.height, 1))
        return ["\\ifdefined\\chainframescale\\else\\pgfmathsetmacro{\\chainframescale}{min(\\linewidth/\(w), 0.85*\\textheight/\(h))}\\fi",
                "\\scalebox{\\chainframescale}{%"] + picture + ["}"]
    }

    // MARK: Overlays

    /// A run of consecutive commands shown at the same steps (1-based).
    package struct Run: Equatable {
        package var steps: [Int]
        package var commands: [String]
    }

    /// Merges the steps' command lists into one drawing order that keeps every step's own
    /// order (so nothing is drawn over what it was under), and groups consecutive commands
    /// shown at the same steps.
    package static func overlays(_ steps: [[String]]) -> [Run] {
        // A command drawn twice in one step is told apart by its occurrence.
        struct Item: Hashable { var command: String; var occurrence: Int }
        var order: [Item] = []
        var position: [Item: Int] = [:]
        var shownAt: [[Int]] = []
        var successors: [Set<Int>] = []
        var predecessors: [Int] = []
        for (stepIndex, commands) in steps.enumerated() {
            var seen: [String: Int] = [:]
            var previous: Int?
            for command in commands {
                let item = Item(command: command, occurrence: seen[command, default: 0])
                seen[command, default: 0] += 1
                let id: Int
                if let known = position[item] {
                    id = known
                } else {
                    id = order.count
                    position[item] = id
                    order.append(item)
                    shownAt.append([])
                    successors.append([])
                    predecessors.append(0)
                }
                shownAt[id].append(stepIndex + 1)
                if let previous, previous != id, successors[previous].insert(id).inserted { predecessors[id] += 1 }
                previous = id
            }
        }
        // Kahn's algorithm, earliest first appearance first; a cycle (two steps drawing the
        // same things in opposite orders) is broken at its earliest item.
        var done = Array(repeating: false, count: order.count)
        var merged: [Int] = []
        var waiting = predecessors
        var ready = MinHeap(waiting.indices.filter { waiting[$0] == 0 })
        var firstNotDone = 0
        while merged.count < order.count {
            var next: Int
            if let smallest = ready.pop() {
                next = smallest
            } else {
                while done[firstNotDone] { firstNotDone += 1 }
                next = firstNotDone
            }
            guard !done[next] else { continue }
            done[next] = true
            merged.append(next)
            for successor in successors[next] {
                waiting[successor] -= 1
                if waiting[successor] == 0, !done[successor] { ready.push(successor) }
            }
        }
        var runs: [Run] = []
        for id in merged {
            if let last = runs.last, last.steps == shownAt[id] {
                runs[runs.count - 1].commands.append(order[id].command)
            } else {
                runs.append(Run(steps: shownAt[id], commands: [order[id].command]))
            }
        }
        return runs
    }

    /// Beamer's overlay specification for sorted step numbers: `2`, `1-3`, `1,4-6`.
    package static func overlaySpecification(_ steps: [Int]) -> String {
        var parts: [String] = []
        var index = 0
        while index < steps.count {
            var end = index
            while end + 1 < steps.count, steps[end + 1] == steps[end] + 1 { end += 1 }
            parts.append(end == index ? "\(steps[index])" : "\(steps[index])-\(steps[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}

/// A binary min-heap of integers (the merge's ready items, earliest first).
private struct MinHeap {
    private var items: [Int] = []

    init(_ values: [Int]) { for value in values { push(value) } }

    mutating func push(_ value: Int) {
        items.append(value)
        var child = items.count - 1
        while child > 0, items[(child - 1) / 2] > items[child] {
            items.swapAt(child, (child - 1) / 2)
            child = (child - 1) / 2
        }
    }

    mutating func pop() -> Int? {
        guard let first = items.first else { return nil }
        items[0] = items[items.count - 1]
        items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            if smallest == parent { return first }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
