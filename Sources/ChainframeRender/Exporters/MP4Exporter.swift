import Foundation

extension Exporter {
    /// `mp4`: the lesson as an H.264 video with motion between steps, `<name>.mp4`, plus subtitles.
    public static let mp4 = Exporter(
        name: "mp4",
        summary: "H.264 video with motion between steps (browsers, PowerPoint, Keynote, phones): <name>.mp4, .srt, .vtt.",
        capabilities: [.raster, .animated, .sequence]
    ) { context in
        try VideoWriter.write(.mp4, context: context)
    }
}

extension VideoFormat {
    /// H.264 in yuv420p (what every player decodes), the index at the front (`+faststart`: plays
    /// while downloading). Odd canvas sizes get one more row or column of background, as 4:2:0 needs even ones.
    static let mp4 = VideoFormat(name: "mp4", prepare: { _, _, background in
        ["pad=ceil(iw/2)*2:ceil(ih/2)*2:color=\(background)", "format=yuv420p"]
    }, output: { fps in
        ["-c:v", "libx264", "-preset", "veryfast", "-tune", "stillimage", "-crf", "20", "-g", "\(fps * 10)",
         "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-f", "mp4"]
    })
}
