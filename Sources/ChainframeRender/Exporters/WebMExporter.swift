import Foundation

extension Exporter {
    /// `webm`: the lesson as a VP9 video with motion between steps, `<name>.webm`, plus subtitles.
    public static let webm = Exporter(
        name: "webm",
        summary: "VP9 video with motion between steps (web pages, open formats): <name>.webm, .srt, .vtt.",
        capabilities: [.raster, .animated, .sequence]
    ) { context in
        try VideoWriter.write(.webm, context: context)
    }
}

extension VideoFormat {
    /// VP9 at constant quality in yuv420p; libvpx's real-time speed settings, which keep flat
    /// slide graphics sharp at a fraction of the "good" deadline's time.
    static let webm = VideoFormat(name: "webm", prepare: { _, _, background in
        ["pad=ceil(iw/2)*2:ceil(ih/2)*2:color=\(background)", "format=yuv420p"]
    }, output: { fps in
        ["-c:v", "libvpx-vp9", "-pix_fmt", "yuv420p", "-crf", "30", "-b:v", "0", "-deadline", "realtime",
         "-cpu-used", "8", "-row-mt", "1", "-g", "\(fps * 10)", "-f", "webm"]
    })
}
