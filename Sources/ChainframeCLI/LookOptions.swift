import ArgumentParser
import Foundation
import Chainframe
import ChainframeGraphics
import ChainframeRender

/// The options that decide how frames look, shared by the commands that draw.
struct LookOptions: ParsableArguments {
    @Option(help: "A theme name (see 'chainframe themes') or the path of a theme file.")
    var theme: String = "classroom"

    @Option(help: "Canvas size in points: WIDTHxHEIGHT (default 1920x1080, a 16:9 slide) or 'auto' to fit the graph.")
    var size: String = "1920x1080"

    @Option(help: "Pixels per point, e.g. 2 for high-DPI images.")
    var scale: Double = 1

    @Option(help: "Refuse canvases with more pixels than this (width × height × scale²).")
    var maxPixels: Int = 40_000_000

    @Flag(help: "Leave the background transparent.")
    var transparent = false

    @Option(help: "Layout direction: LR (left to right) or TB (top to bottom).")
    var rankdir: String = "LR"

    @Option(help: "Phases to show, comma-separated: inputs, forward, backward, nudge, check, summary, or all.")
    var steps: String = "inputs,forward,backward,summary"

    @Option(help: "Nudge this input by --nudge-h after the backward pass and follow the change (adds the nudge phase).")
    var nudge: String?

    @Option(help: "The nudge's step h.")
    var nudgeH: Double = 0.001

    @Option(help: "The step h of the check phase's central differences.")
    var checkH: Double = NumericalCheck.defaultH

    @Option(help: "Significant digits of numbers in frames and captions.")
    var precision: Int = 4

    @Option(help: "Fixed decimals for every number in frames and captions (4 writes 0.5 as 0.5000, as micrograd's %.4f), instead of --precision's significant digits.")
    var decimals: Int?

    @Option(help: "How derivatives are written: partial (∂J/∂a), leibniz (dJ/da) or code (da).")
    var notation: String = "partial"

    @OptionGroup var language: LanguageOption

    @Option(help: "One step per node, or per rank of the layout (all nodes at one depth at once): node or rank.")
    var granularity: String = "node"

    func validate() throws {
        guard FrameOptions.CanvasSize(parsing: size) != nil else {
            throw ValidationError("--size must be WIDTHxHEIGHT (each 16 to 16384) or 'auto', not '\(size)'")
        }
        guard scale > 0, scale <= 8 else { throw ValidationError("--scale must be greater than 0 and at most 8") }
        guard Storyboard.Granularity(rawValue: granularity) != nil else {
            throw ValidationError("--granularity must be node or rank")
        }
        guard maxPixels > 0 else { throw ValidationError("--max-pixels must be positive") }
        if case .fixed(let w, let h)? = FrameOptions.CanvasSize(parsing: size), w * h * scale * scale > Double(maxPixels) {
            throw ValidationError("--size \(size) at --scale \(NumberFormat.full(scale)) is \(Int(w * h * scale * scale)) pixels, more than the limit of \(maxPixels) (raise it with --max-pixels)")
        }
        guard ["LR", "TB"].contains(rankdir.uppercased()) else { throw ValidationError("--rankdir must be LR or TB") }
        guard (1...17).contains(precision) else { throw ValidationError("--precision must be from 1 to 17") }
        if let decimals, !(0...12).contains(decimals) { throw ValidationError("--decimals must be from 0 to 12") }
        guard Notation(rawValue: notation) != nil else {
            throw ValidationError("--notation must be partial, leibniz or code")
        }
        guard nudgeH != 0, nudgeH.isFinite else { throw ValidationError("--nudge-h must be a non-zero number") }
        guard checkH > 0, checkH.isFinite else { throw ValidationError("--check-h must be a positive number") }
        _ = try phases()
    }

    /// The storyboard options for `graph`: resolves `--nudge NAME` to an input.
    func storyboardOptions(for graph: Graph) throws -> Storyboard.Options {
        var options = storyboardOptions
        options.checkH = checkH
        if let nudge {
            guard let index = graph.index(of: nudge), graph.nodes[index].kind == .input else {
                let inputs = graph.nodes.filter { $0.kind == .input }.map(\.id)
                throw ValidationError("--nudge: '\(nudge)' is not an input of the graph (inputs: \(inputs.joined(separator: ", ")))")
            }
            options.nudge = (index, nudgeH)
        }
        return options
    }

    func phases() throws -> Set<Step.Phase> {
        var result: Set<Step.Phase> = []
        for word in steps.split(separator: ",") {
            let name = word.trimmingCharacters(in: .whitespaces).lowercased()
            if name == "all" {
                result.formUnion(Step.Phase.allCases)
                continue
            }
            guard let phase = Step.Phase(rawValue: name) else {
                throw ValidationError("--steps: unknown phase '\(name)'; use inputs, forward, backward, summary or all")
            }
            result.insert(phase)
        }
        guard !result.isEmpty else { throw ValidationError("--steps needs at least one phase") }
        if nudge != nil { result.insert(.nudge) } else if result.contains(.nudge) && steps != "all" {
            throw ValidationError("--steps nudge needs --nudge NAME (the input to nudge)")
        }
        return result
    }

    var storyboardOptions: Storyboard.Options {
        var options = Storyboard.Options()
        options.phases = (try? phases()) ?? Step.Phase.standard
        options.precision = precision
        options.decimals = decimals
        options.notation = Notation(rawValue: notation) ?? .partial
        options.phrases = language.phrases
        options.granularity = Storyboard.Granularity(rawValue: granularity) ?? .node
        return options
    }

    var frameOptions: FrameOptions {
        var options = FrameOptions()
        options.size = FrameOptions.CanvasSize(parsing: size) ?? options.size
        options.scale = scale
        options.transparent = transparent
        options.maxPixels = maxPixels
        options.rankDirection = rankdir.uppercased() == "TB" ? .topToBottom : .leftToRight
        return options
    }

    /// The options as command-line words again (for `batch`, which adds each graph's own).
    var arguments: [String] {
        var words = ["--theme", theme, "--size", size, "--scale", NumberFormat.full(scale), "--rankdir", rankdir,
                     "--steps", steps, "--precision", "\(precision)", "--notation", notation, "--lang", language.lang,
                     "--granularity", granularity, "--nudge-h", NumberFormat.full(nudgeH),
                     "--check-h", NumberFormat.full(checkH), "--max-pixels", "\(maxPixels)"]
        if transparent { words.append("--transparent") }
        if let decimals { words += ["--decimals", "\(decimals)"] }
        if let nudge { words += ["--nudge", nudge] }
        return words
    }

    func loadTheme() throws -> Theme {
        try ThemeCatalog.standard.resolve(theme)
    }
}
