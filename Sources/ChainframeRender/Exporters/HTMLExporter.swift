import Foundation

extension Exporter {
    /// `html`: `<base>.html`, an offline player of every step as inline SVG with its caption.
    public static let html = Exporter(
        name: "html",
        summary: "One self-contained HTML player: every step as inline SVG, keys and buttons, play/pause.",
        capabilities: [.vector, .sequence, .animated],
        files: { base in ["\(base).html": "html"] }
    ) { context in
        guard !context.storyboard.steps.isEmpty else { throw ExportError("html: the storyboard has no steps") }
        let url = context.file("\(context.baseName).html")
        try AtomicFile.write(HTMLPlayer.page(context), to: url)
        return [url]
    }
}

/// The HTML player page: one `<figure>` per step (inline SVG, then the caption as HTML text),
/// controls, and the small script and stylesheet of `HTMLPlayerTemplate`. Nothing is loaded
/// from elsewhere, so the file works offline and can be mailed or hosted as it is.
///
/// Without JavaScript every step is shown, one under the other.
enum HTMLPlayer {
    static func page(_ context: ExportContext) -> String {
        let steps = context.storyboard.steps
        let measure = context.renderer.text.metrics
        let escape = SVGWriter.escape
        var html = """
            <!DOCTYPE html>
            <html lang="\(escape(context.storyboard.options.phrases.code))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="Chainframe \(escape(context.version))">
            <title>\(escape(context.graphTitle))</title>
            <style>
            \(HTMLPlayerTemplate.style)</style>
            </head>
            <body>
            <main class="player">
            <h1>\(escape(context.graphTitle))</h1>
            <div class="stage">

            """
        for (index, step) in steps.enumerated() {
            html += "<figure class=\"step\" id=\"step-\(index + 1)\" data-duration=\"\(step.durationMilliseconds)\">\n"
            html += SVGWriter.svg(context.renderer.scene(index), title: context.stepTitle(index),
                                  measure: { measure($0, $1, false) })
            html += "<figcaption>\n"
            html += "<p class=\"caption-title\">\(escape(step.caption.title))</p>\n"
            html += "<p class=\"headline\">\(escape(step.caption.headline))</p>\n"
            if !step.caption.details.isEmpty {
                html += "<ul class=\"details\">\n"
                for line in step.caption.details { html += "<li>\(escape(line))</li>\n" }
                html += "</ul>\n"
            }
            html += "</figcaption>\n</figure>\n"
        }
        html += """
            </div>
            <nav class="controls" hidden>
            <button type="button" data-action="first" title="First step (Home)" aria-label="First step">&#x23EE;</button>
            <button type="button" data-action="previous" title="Previous step (&#x2190;)" aria-label="Previous step">&#x2190;</button>
            <button type="button" data-action="play" title="Play or pause (Space)" aria-label="Play">&#x25B6;&#xFE0E; Play</button>
            <button type="button" data-action="next" title="Next step (&#x2192;)" aria-label="Next step">&#x2192;</button>
            <button type="button" data-action="last" title="Last step (End)" aria-label="Last step">&#x23ED;</button>
            <span class="counter" aria-live="polite">1 / \(steps.count)</span>
            </nav>
            </main>
            <script>
            \(HTMLPlayerTemplate.script)</script>
            </body>
            </html>

            """
        return html
    }
}
