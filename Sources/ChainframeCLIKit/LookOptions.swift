import ArgumentParser
import Foundation
import Chainframe
import ChainframeRender

/// The options that decide how frames look, shared by the commands that draw.
package struct LookOptions: ParsableArguments {
    package init() {}

    @Option(help: "A theme name (see 'chainframe themes') or the path of a theme file.")
    package var theme: String = "classroom"

    @Option(help: "Canvas size in points: WIDTHxHEIGHT (default 1920x1080, a 16:9 slide) or 'auto' to fit the graph.")
    package var size: String = "1920x1080"

    @Option(help: "Pixels per point, e.g. 2 for high-DPI images.")
    package var scale: Double = RenderOptions().scale

    @Option(help: "Refuse canvases with more pixels than this (width × height × scale²).")
    package var maxPixels: Int = RenderOptions().maxPixels

    @Flag(help: "Leave the background transparent.")
    package var transparent = false

    @Option(help: "Layout direction: LR (left to right), TB (top to bottom) or auto (the one giving larger text).")
    package var rankdir: String = "auto"

    @Option(help: "What frames show: whole (the whole graph), focus (each step's nodes and neighbours, with an overview) or auto (whole when its text is readable).")
    package var camera: String = "auto"

    @Option(help: "Phases to show, comma-separated: inputs, forward, backward, nudge, check, summary, or all.")
    package var steps: String = "inputs,forward,backward,summary"

    @Option(help: "Nudge this input by --nudge-h after the backward pass and follow the change (adds the nudge phase).")
    package var nudge: String?

    @Option(help: "The nudge's step h.")
    package var nudgeH: Double = RenderOptions().nudgeH

    @Option(help: "The step h of the check phase's central differences.")
    package var checkH: Double = RenderOptions().checkH

    @Option(help: "Significant digits of numbers in frames and captions.")
    package var precision: Int = RenderOptions().precision

    @Option(help: "Fixed decimals for every number in frames and captions (4 writes 0.5 as 0.5000, as micrograd's %.4f), instead of --precision's significant digits.")
    package var decimals: Int?

    @Option(help: "How derivatives are written: partial (∂J/∂a), leibniz (dJ/da) or code (da).")
    package var notation: String = "partial"

    @OptionGroup package var language: LanguageOption

    @Option(help: "One step per node, or per rank of the layout (all nodes at one depth at once): node, rank, or auto (node up to 150 nodes, rank beyond).")
    package var granularity: String = "auto"

    @Option(help: "Frames per second of videos (mp4, webm, gif; default 30); with png-frames, write every frame of the animation at this rate.")
    package var fps: Int?

    @Option(help: "Width of GIFs in pixels (the height follows).")
    package var gifWidth: Int = RenderOptions().gifWidth

    package func validate() throws {
        _ = try renderOptions()
    }

    /// The options as one value, checked; a problem is a `ValidationError` naming its flag.
    package func renderOptions() throws -> RenderOptions {
        var options = RenderOptions()
        do {
            for (key, text) in settings { try options.set(key, to: text) }
            try options.validate()
        } catch {
            throw ValidationError(error.commandLineMessage)
        }
        return options
    }

    /// Each flag as the option key it sets and its text.
    private var settings: [(String, String)] {
        var settings = [("size", size), ("scale", NumberFormat.full(scale)), ("max-pixels", "\(maxPixels)"),
                        ("transparent", "\(transparent)"), ("rankdir", rankdir), ("camera", camera), ("steps", steps),
                        ("nudge-h", NumberFormat.full(nudgeH)), ("check-h", NumberFormat.full(checkH)),
                        ("precision", "\(precision)"), ("notation", notation), ("lang", language.lang),
                        ("granularity", granularity)]
        if let decimals { settings.append(("decimals", "\(decimals)")) }
        if let nudge { settings.append(("nudge", nudge)) }
        if let fps { settings.append(("fps", "\(fps)")) }
        settings.append(("gif-width", "\(gifWidth)"))
        return settings
    }

    package func loadTheme() throws -> Theme {
        try ThemeCatalog.standard.resolve(theme)
    }
}

extension ChainframeError {
    /// The message as the command line says it: an option's name as its flag (`--scale must be …`).
    package var commandLineMessage: String {
        option != nil ? "--" + message : message
    }
}
