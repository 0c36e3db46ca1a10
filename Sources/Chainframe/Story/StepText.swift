import Foundation

/// Writes the captions of a storyboard: numbers for people, derivatives in the chosen notation.
struct StepText {
    let evaluation: Evaluation
    let options: Storyboard.Options

    var graph: Graph { evaluation.graph }
    var phrases: Phrasebook { options.phrases }
    var outputName: String { name(graph.output) }

    /// How a node is called in captions: its label, or its id for unnamed parts.
    func name(_ index: Int) -> String {
        graph.displayName(of: index)
    }

    var values: ValueText { options.values }

    /// A number rounded to the storyboard's precision.
    func number(_ value: Double) -> String { values.number(value) }

    /// A tensor for a caption: a scalar as a number, small tensors written out, large ones by shape.
    func tensor(_ t: Tensor) -> String { values.inline(t) }

    /// A value as an operand: negative numbers in parentheses.
    func operand(_ t: Tensor) -> String { values.operand(t) }

    func d(_ index: Int) -> String { options.notation.derivative(of: outputName, by: name(index)) }

    func title(_ phase: Step.Phase, _ number: Int, _ count: Int) -> String {
        count > 1 ? "\(phrases.name(of: phase)) \(number)/\(count)" : phrases.name(of: phase)
    }

    func inputsCaption() -> Step.Caption {
        let leaves = graph.nodes.indices.filter { graph.nodes[$0].operation == nil }
        let line = leaves.map { "\(name($0)) = \(tensor(evaluation.values[$0]))" }.joined(separator: ", ")
        return Step.Caption(title: title(.inputs, 1, 1), headline: line, details: [])
    }

    /// `u = b × c = 3 × 2 = 6`
    func forwardCaption(_ index: Int, number: Int, of count: Int) -> Step.Caption {
        Step.Caption(title: title(.forward, number, count), headline: forwardEquation(index), details: [])
    }

    func forwardEquation(_ index: Int) -> String {
        let node = graph.nodes[index]
        guard let operation = node.operation else { return "\(name(index)) = \(tensor(evaluation.values[index]))" }
        let symbolic = OperationText.formula(of: operation, node: node, in: graph, style: .math, labels: true)
        // The numbers put into the formula, so that it checks at the digits shown.
        let operands = operation.arguments.map { argument -> Tensor in
            switch argument {
            case .input(let position): return evaluation.values[node.inputs[position]]
            case .constant(let t): return t
            }
        }
        var parts = [name(index)]
        if symbolic != name(index) { parts.append(symbolic) }
        if case .composite(.identity) = operation.function {
            // A pass-through computes nothing: the value alone.
        } else {
            return (parts + [values.equation(operands, result: evaluation.values[index], write: { texts in
                OperationText.render(operation, style: .math) { texts[operation.arguments.firstIndex(of: $0) ?? 0] }
            }, compute: { try? operation.function.forward($0) })]).joined(separator: " = ")
        }
        return (parts + [tensor(evaluation.values[index])]).joined(separator: " = ")
    }

    /// A step that covers a whole rank: the first lines, and how many more.
    func groupCaption(_ phase: Step.Phase, lines: [String], number: Int, of count: Int) -> Step.Caption {
        let shown = 4
        var details = Array(lines.dropFirst().prefix(shown - 1))
        if lines.count > shown { details.append("… (+\(lines.count - shown))") }
        return Step.Caption(title: title(phase, number, count), headline: lines.first ?? "", details: details)
    }

    func seedCaption(count: Int) -> Step.Caption {
        Step.Caption(title: title(.backward, 1, count),
                     headline: "\(d(graph.output)) = \(number(1))", details: [phrases.seedNote])
    }

    /// One line per edge the step sends a gradient back along: the first is the headline.
    func backwardCaption(_ index: Int, number: Int, of count: Int, details: [String]) -> Step.Caption {
        Step.Caption(title: title(.backward, number, count), headline: details.first ?? "",
                     details: Array(details.dropFirst()), rule: rule(for: index))
    }

    /// The node rule of "Deep Learning from Scratch" that node `index` applies backward.
    func rule(for index: Int) -> String? {
        guard let operation = graph.nodes[index].operation else { return nil }
        switch operation.function {
        case .primitive(.add): return phrases.addRule
        case .primitive(.multiply): return phrases.multiplyRule
        case .primitive(.matmul): return phrases.matmulRule
        case .composite(.identity): return nil
        default: return phrases.chainRule
        }
    }

    /// `∂J/∂b = ∂J/∂u · ∂u/∂b = 3 · 2 = 6`, with the branch sum when a node's last
    /// contribution arrives: `∂J/∂x = 2 + 3 = 5`.
    func edgeLine(_ flow: Evaluation.Flow, parts: [Tensor], expected: Int) -> String {
        let from = flow.edge.from, to = flow.edge.to
        let contribution = flow.gradient!
        var line: String
        if let local = flow.local {
            let chain = "\(d(to)) · \(options.notation.local(of: name(to), by: name(from)))"
            let g = evaluation.gradients[to]!.scalar
            line = "\(d(from)) = \(chain) = " + values.chainProduct(gradient: g, local: local, contribution: contribution.scalar)
            if to == graph.output {
                // The first step back: the chain is just the local derivative.
                let localText = options.notation.local(of: name(to), by: name(from))
                line = localText == d(from) ? "\(d(from)) = \(tensor(contribution))"
                    : "\(d(from)) = \(localText) = \(tensor(contribution))"
            }
        } else {
            line = "\(d(from)) ← \(d(to)) (\(Tensor.describe(shape: contribution.shape))) = \(tensor(contribution))"
        }
        if expected > 1 {
            let words = Phrasebook.fill(phrases.partialArrival, ["k": "\(parts.count)", "n": "\(expected)"])
            if parts.count == expected {
                line += "; " + Phrasebook.fill(phrases.branchSum, ["n": "\(expected)"]) + ": \(d(from)) = "
                    + values.sum(parts, total: evaluation.gradients[from]!)
            } else {
                line += " (\(words))"
            }
        }
        return line
    }

    /// `a: 5 → 5.001 (Δ = 0.001)`
    func nudgeCaption(_ index: Int, old: Tensor, new: Tensor, h: Double, number: Int, of count: Int) -> Step.Caption {
        let change = zip(new.scalars, old.scalars).map { $0 - $1 }
        let delta = change.map { Swift.abs($0) }.max() ?? 0
        let largest = new.scalars.map { Swift.abs($0) }.max() ?? 0
        let precise = ValueText(precision: ValueText.digits(showing: max(delta, Swift.abs(h) * 1e-3), largest: largest,
                                                            minimum: options.precision))
        let deltaText = new.isScalar ? values.number(change[0]) : values.inline(Tensor(shape: new.shape, scalars: change))
        let headline = "\(name(index)): \(precise.inline(old)) → \(precise.inline(new))  (Δ = \(deltaText))"
        return Step.Caption(title: title(.nudge, number, count), headline: headline, details: [])
    }

    /// `ΔJ/Δa = 0.003 / 0.001 = 3  ≈  ∂J/∂a = 3`
    func nudgeRatioCaption(input: Int, old: Tensor, new: Tensor, h: Double, count: Int) -> Step.Caption {
        let change = new.scalar - old.scalar
        let ratio = change / h
        let out = Notation.grouped(outputName), x = Notation.grouped(name(input))
        let analytic = evaluation.gradients[input].map { values.inline($0) } ?? "—"
        let quotient = values.equation([Tensor(change), Tensor(h)], result: Tensor(ratio), write: { $0.joined(separator: " / ") },
                                       compute: { Tensor($0[0].scalar / $0[1].scalar) })
        let headline = "Δ\(out)/Δ\(x) = \(quotient)  ≈  \(d(input)) = \(analytic)"
        return Step.Caption(title: title(.nudge, count, count), headline: headline, details: [])
    }

    /// One line per input: analytic, numeric (in full) and the relative error.
    func checkCaption(_ check: NumericalCheck) -> Step.Caption {
        let worst = check.rows.map(\.error).max() ?? 0
        let headline = "(f(x + h) − f(x − h)) / 2h,  h = \(NumberFormat.full(check.h)):  " + phrases.relativeError
            + " ≤ " + (worst == 0 ? "0" : NumberFormat.rounded(worst, significantDigits: 2))
        var details = check.rows.prefix(6).map { row -> String in
            let position = row.position.isEmpty ? "" : "[" + row.position.map(String.init).joined(separator: ", ") + "]"
            return "\(d(row.node))\(position) = \(NumberFormat.full(row.analytic))  ≈  \(NumberFormat.full(row.numeric))"
        }
        if check.rows.count > 6 { details.append("… (\(check.rows.count - 6) more)") }
        return Step.Caption(title: title(.check, 1, 1), headline: headline, details: details)
    }

    func summaryCaption() -> Step.Caption {
        let inputs = graph.nodes.indices.filter { graph.nodes[$0].kind == .input }
        let grads = inputs.map { "\(d($0)) = \(tensor(evaluation.gradients[$0]!))" }
        return Step.Caption(title: title(.summary, 1, 1),
                            headline: "\(outputName) = \(tensor(evaluation.values[graph.output]))",
                            details: grads.isEmpty ? [] : [grads.joined(separator: ", ")])
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
