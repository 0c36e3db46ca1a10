import ChainframeGraphics
import Foundation

extension Exporter {
    /// `html`: `<base>.html`, an offline presenter of every step as inline SVG.
    public static let html = Exporter(
        name: "html",
        summary: "One self-contained HTML presenter: every step as inline SVG, full-window slides, keys, deep links, print.",
        capabilities: [.vector, .sequence, .animated],
        files: { base in ["\(base).html": "html"] }
    ) { context in
        guard !context.storyboard.steps.isEmpty else { throw ExportError("html: the storyboard has no steps") }
        let url = context.file("\(context.baseName).html")
        try AtomicFile.write(HTMLPlayer.page(context), to: url)
        return [url]
    }
}

/// The HTML presenter page: one `<figure>` per step (inline SVG with its caption band, and the
/// caption again as hidden text for screen readers and the notes view), a control bar with
/// inline-SVG icons, and the stylesheet and script of `HTMLPlayerTemplate`. Nothing is loaded
/// from elsewhere, so the file works offline and can be mailed or hosted as it is.
///
/// Without JavaScript every step is shown, one under the other.
public enum HTMLPlayer {
    /// What `chainframe watch` adds to the page: the version it serves (the page asks the
    /// server for newer ones over a WebSocket at `/live`).
    public struct Live: Sendable {
        public var version: Int
        public init(version: Int) { self.version = version }
    }

    /// The whole page; with `live`, the page also follows `chainframe watch`'s updates.
    public static func page(_ context: ExportContext, live: Live? = nil) -> String {
        let steps = context.storyboard.steps
        let escape = SVGWriter.escape
        let words = HTMLPlayerWords.forLanguage(context.storyboard.options.phrases.code)
        let canvas = context.canvasSize
        let captionInPicture = context.hasCaptionInPicture
        var html = """
            <!DOCTYPE html>
            <html lang="\(escape(context.storyboard.options.phrases.code))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Chainframe \(escape(context.version))">
            <title>\(escape(context.graphTitle))</title>
            <style>
            \(colours(context.theme))\(HTMLPlayerTemplate.style)</style>
            </head>
            <body class="presenter\(captionInPicture ? "" : " caption-below")" style="--aspect: \(SVGWriter.number(canvas.width / max(canvas.height, 1)))"\(live.map { " data-version=\"\($0.version)\"" } ?? "")>
            <main class="stage">

            """
        for (index, step) in steps.enumerated() {
            html += "<figure class=\"step\" id=\"step-\(index + 1)\" data-duration=\"\(step.durationMilliseconds)\">\n"
            html += context.picture.svg(step: index)
            html += "<figcaption>\n"
            html += "<p class=\"caption-title\">\(escape(step.caption.titleWithRule))</p>\n"
            html += "<p class=\"headline\">\(escape(step.caption.headline))</p>\n"
            if !step.caption.details.isEmpty {
                html += "<ul class=\"details\">\n"
                for line in step.caption.details { html += "<li>\(escape(line))</li>\n" }
                html += "</ul>\n"
            }
            html += "</figcaption>\n</figure>\n"
        }
        html += "</main>\n<section class=\"notes\" aria-live=\"polite\" hidden></section>\n"
        if live != nil {
            html += "<section class=\"live-status\" role=\"alert\" hidden data-error-heading=\"\(escape(words.errorHeading))\" "
                + "data-disconnected=\"\(escape(words.disconnected))\"><p class=\"live-heading\"></p><pre></pre></section>\n"
        }
        html += controls(words, title: context.graphTitle, count: steps.count)
        html += "<script>\n\(HTMLPlayerTemplate.script)"
        if live != nil { html += HTMLPlayerTemplate.liveScript }
        html += "</script>\n</body>\n</html>\n"
        return html
    }

    /// The control bar: title, step buttons, counter, notes and full screen.
    private static func controls(_ words: HTMLPlayerWords, title: String, count: Int) -> String {
        let escape = SVGWriter.escape
        func button(_ action: String, _ label: String, _ icon: String, extra: String = "") -> String {
            "<button type=\"button\" data-action=\"\(action)\" title=\"\(escape(label))\" aria-label=\"\(escape(label))\"\(extra)>\(icon)</button>\n"
        }
        return "<nav class=\"controls\" aria-label=\"\(escape(words.controls))\" hidden>\n"
            + "<span class=\"lesson-title\">\(escape(title))</span>\n"
            + "<span class=\"buttons\">\n"
            + button("first", words.first, HTMLPlayerIcons.first)
            + button("previous", words.previous, HTMLPlayerIcons.previous)
            + button("play", words.play, HTMLPlayerIcons.play + HTMLPlayerIcons.pause,
                     extra: " data-play=\"\(escape(words.play))\" data-pause=\"\(escape(words.pause))\"")
            + button("next", words.next, HTMLPlayerIcons.next)
            + button("last", words.last, HTMLPlayerIcons.last)
            + "</span>\n"
            + "<span class=\"counter\" aria-live=\"polite\">1 / \(count)</span>\n"
            + button("notes", words.notes, HTMLPlayerIcons.notes, extra: " aria-pressed=\"false\"")
            + button("fullscreen", words.fullscreen, HTMLPlayerIcons.fullscreen)
            + "</nav>\n"
    }

    /// The page's colours from the theme: the board around the slide a shade darker than the
    /// slide, text and buttons in the theme's caption colours; dark themes get a dark page.
    static func colours(_ theme: Theme) -> String {
        let background = theme.background.a > 0 ? theme.background : .white
        let dark = 0.2126 * background.r + 0.7152 * background.g + 0.0722 * background.b < 0.45
        let page = mix(background, .black, dark ? 0.4 : 0.09)
        let bar = mix(background, .black, dark ? 0.25 : 0.04)
        return """
            :root { color-scheme: \(dark ? "dark" : "light"); --page: \(page.hexString); --bar: \(bar.hexString);
                    --ink: \(theme.captionBand.text.hexString); --muted: \(theme.muted.hexString);
                    --button: \(background.hexString); --accent: \(theme.forward.hexString);
                    --error: \(theme.backward.hexString); }

            """
    }

    private static func mix(_ a: RGBA, _ b: RGBA, _ t: Double) -> RGBA {
        RGBA(r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t)
    }
}
