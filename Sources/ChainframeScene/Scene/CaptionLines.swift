import Chainframe

/// A step's caption broken into the lines the caption band shows: the title (with the rule),
/// then the headline and each detail, wrapped to the band's width instead of running off it.
package struct CaptionLines {
    /// One line of the band and the font it is set in.
    struct Line {
        var text: String
        var font: FontSpec
        var height: Double
    }

    /// The most lines a band holds; further text is summarised by a last `… (N more)` line.
    static let maximumLines = 8

    let lines: [Line]

    init(_ caption: Step.Caption, fonts: FrameFonts, width: Double?, measure: (String, FontSpec) -> Size) {
        func height(_ font: FontSpec) -> Double { measure("Ag∂가", font).height }
        let lines = [Line(text: caption.titleWithRule, font: fonts.captionTitle, height: height(fonts.captionTitle) + 2)]
        let (headline, more) = CaptionLines.split(caption)
        var pieces: [(String, FontSpec)] = [(headline, fonts.caption)]
        pieces += more.map { ($0, fonts.captionDetail) }
        var wrapped: [Line] = []
        for (text, font) in pieces {
            let parts = width.map { CaptionLines.wrap(text, width: $0) { measure($0, font).width } } ?? [text]
            wrapped += parts.map { Line(text: $0, font: font, height: height(font) + 4) }
        }
        if wrapped.count > CaptionLines.maximumLines - 1 {
            let kept = CaptionLines.maximumLines - 2
            let more = wrapped.count - kept
            wrapped = Array(wrapped.prefix(kept))
                + [Line(text: "… (+\(more))", font: fonts.captionDetail, height: height(fonts.captionDetail) + 4)]
        }
        self.lines = lines + wrapped
    }

    /// The headline's first line, and every further line: the headline's others (a step that
    /// covers a whole rank writes one equation per line), then the details, one line each.
    static func split(_ caption: Step.Caption) -> (headline: String, details: [String]) {
        let lines = { (text: String) in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        let headline = lines(caption.headline)
        return (headline.first ?? "", Array(headline.dropFirst()) + caption.details.flatMap(lines))
    }

    /// The height of the band's text (without its padding).
    var height: Double { lines.reduce(0) { $0 + $1.height } }

    /// `text` broken at `, ` (then at spaces) into lines no wider than `width`; a word wider
    /// than the line keeps a line of its own.
    static func wrap(_ text: String, width: Double, measure: (String) -> Double) -> [String] {
        guard measure(text) > width else { return [text] }
        let separator = text.contains(", ") ? ", " : " "
        let words = text.components(separatedBy: separator)
        var lines: [String] = []
        var current = ""
        for (i, word) in words.enumerated() {
            let piece = word + (i < words.count - 1 ? separator.trimmingTrailingSpace : "")
            let candidate = current.isEmpty ? piece : current + " " + piece
            if current.isEmpty || measure(candidate) <= width {
                current = candidate
            } else {
                lines.append(current)
                current = piece
            }
        }
        if !current.isEmpty { lines.append(current) }
        // A piece that is still too wide (one long formula) breaks at spaces.
        if separator == ", " {
            return lines.flatMap { measure($0) > width ? wrap($0, width: width, measure: measure) : [$0] }
        }
        return lines
    }
}

private extension String {
    var trimmingTrailingSpace: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

extension CaptionLines {
    /// `storyboard` with every caption too long for one band continued on further frames
    /// (`Summary (1/2)`, `Summary (2/2)`), each showing the same picture. Only fixed-size
    /// canvases have a band width to wrap to; fitted canvases grow with their captions.
    package static func continued(_ storyboard: Storyboard, theme: Theme, options: FrameOptions, text: any TextMeasuring) -> Storyboard {
        guard case .fixed(let canvasWidth, _) = options.size, theme.captionBand.position != .none else { return storyboard }
        let width = canvasWidth - 2 * max(theme.captionBand.padding, theme.margins.left)
        let fonts = FrameFonts(theme: theme, scale: 1)
        let perFrame = maximumLines - 2  // the title and the headline start every frame
        var steps: [Step] = []
        var changed = false
        for step in storyboard.steps {
            let (headline, rest) = split(step.caption)
            let details = rest.flatMap { detail in
                wrap(detail, width: width) { text.measure($0, font: fonts.captionDetail).width }
            }
            let headlineLines = wrap(headline, width: width) { text.measure($0, font: fonts.caption).width }.count
            let room = perFrame - (headlineLines - 1)
            guard details.count > room, room > 0 else { steps.append(step); continue }
            changed = true
            let pages = stride(from: 0, to: details.count, by: room).map { Array(details[$0..<min($0 + room, details.count)]) }
            for (i, page) in pages.enumerated() {
                var part = step
                part.caption.title = step.caption.title + " (\(i + 1)/\(pages.count))"
                part.caption.headline = headline
                part.caption.details = page
                steps.append(part)
            }
        }
        return changed ? storyboard.replacingSteps(steps) : storyboard
    }
}
