import Foundation

extension Exporter {
    /// `gif`: the lesson as a looping animated GIF with motion between steps, `<name>.gif`.
    public static let gif = Exporter(
        name: "gif",
        summary: "Looping animated GIF with motion between steps, 960 px wide (blog posts): <name>.gif, .srt, .vtt.",
        capabilities: [.raster, .animated, .sequence]
    ) { context in
        try VideoWriter.write(.gif, context: context)
    }
}

extension VideoFormat {
    /// Scaled to `gifWidth` (never enlarged), one 256-colour palette made for the whole picture
    /// (palettegen, then paletteuse), looping forever. GIF delays are whole hundredths of a
    /// second, so the rate is the largest of 50, 25, 20, 10, 5, 4, 2, 1 not above `--fps`:
    /// the animation keeps its length.
    static let gif = VideoFormat(name: "gif", prepare: { options, width, _ in
        ["scale=\(min(options.gifWidth, width)):-1:flags=lanczos"]
    }, finish: { fps in
        ["fps=\(gifRate(fps)),split[a][b];[a]palettegen=max_colors=256:stats_mode=full[p];"
            + "[b][p]paletteuse=dither=sierra2_4a:diff_mode=rectangle"]
    }, output: { _ in
        ["-loop", "0", "-f", "gif"]
    })

    /// The GIF frame rate for `fps`: a divisor of 100 (GIF delays are in hundredths of a second).
    static func gifRate(_ fps: Int) -> Int {
        [50, 25, 20, 10, 5, 4, 2, 1].first { $0 <= fps } ?? 1
    }
}
