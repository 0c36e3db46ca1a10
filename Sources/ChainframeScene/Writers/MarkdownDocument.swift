import Chainframe
import Foundation

/// The Markdown text of a storyboard: title, introduction, source, one section per step
/// (heading, frame image, explanation) and a summary table of values and gradients.
package struct MarkdownDocument {
    let context: LessonPicture

    package init(_ context: LessonPicture) { self.context = context }

    package var text: String {
        let storyboard = context.storyboard
        let graph = storyboard.evaluation.graph
        let output = graph.displayName(of: graph.output)
        var out: [String] = []
        out.append("# " + Self.escaped(graph.title ?? context.sourceName))
        out.append("")
        out.append("The computation graph of `\(Self.codeSpan(context.sourceName))`, step by step: the forward pass "
                   + "computes every node's value, then the backward pass sends the gradient of "
                   + "\(Self.escaped(output)) back along every edge by the chain rule.")
        out.append("")
        let fence = Self.fence(for: context.sourceText)
        out.append(fence + "text")
        out.append(context.sourceText.hasSuffix("\n") ? String(context.sourceText.dropLast()) : context.sourceText)
        out.append(fence)
        for (index, step) in storyboard.steps.enumerated() {
            out.append("")
            out.append("## " + Self.escaped(step.caption.titleWithRule))
            out.append("")
            let alt = Self.escaped(step.caption.titleWithRule + " — " + step.caption.headline)
            out.append("![\(alt)](\(LessonPicture.frameFileName(index)))")
            out.append("")
            out.append(Self.escaped(step.caption.headline))
            if !step.caption.details.isEmpty {
                out.append("")
                out += step.caption.details.map { "- " + Self.escaped($0) }
            }
        }
        // The table belongs to the summary step's section; without one, it gets its own.
        if storyboard.steps.last?.phase != .summary {
            out.append("")
            out.append("## " + Self.escaped(storyboard.options.phrases.name(of: .summary)))
        }
        out.append("")
        out += summaryTable()
        return out.joined(separator: "\n") + "\n"
    }

    /// `| node | value | ∂J/∂node |`, one row per node in topological order.
    func summaryTable() -> [String] {
        let storyboard = context.storyboard
        let evaluation = storyboard.evaluation
        let graph = evaluation.graph
        let text = storyboard.options.values
        let output = graph.displayName(of: graph.output)
        let phrases = storyboard.options.phrases
        let gradientHeader = storyboard.options.notation == .code
            ? phrases.gradient : storyboard.options.notation.derivative(of: output, by: phrases.node)
        var rows = ["| \(Self.cell(phrases.node)) | \(Self.cell(phrases.value)) | \(Self.cell(gradientHeader)) |",
                    "|---|---:|---:|"]
        for index in graph.nodes.indices {
            let value = text.inline(evaluation.values[index])
            let gradient = evaluation.gradients[index].map { text.inline($0) } ?? "—"
            rows.append("| \(Self.cell(graph.displayName(of: index))) | \(Self.cell(value)) | \(Self.cell(gradient)) |")
        }
        return rows
    }

    /// Prose with Markdown's special characters escaped, so `x_1 · x_2` stays as written.
    package static func escaped(_ s: String) -> String {
        var out = ""
        for character in s {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!": out += "\\" + String(character)
            case "\n", "\r\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// A table cell: escaped prose (pipes included).
    static func cell(_ s: String) -> String { escaped(s) }

    /// Text inside a code span: backticks replaced, since a span cannot escape them.
    static func codeSpan(_ s: String) -> String {
        s.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "\n", with: " ")
    }

    /// A code fence longer than any run of backticks in `text`.
    package static func fence(for text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
