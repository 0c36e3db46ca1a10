import Chainframe
import Foundation

/// Subtitles for an animation: one cue per step, its caption, timed to the video.
///
/// Written beside every video as `<name>.srt` (SubRip: editors, YouTube, VLC) and `<name>.vtt`
/// (WebVTT: the `<track>` of an HTML `<video>`).
public enum Subtitles {
    /// One cue: when it shows (milliseconds) and its lines.
    public struct Cue: Sendable, Equatable {
        public var start: Int
        public var end: Int
        public var lines: [String]
    }

    /// The cues of a storyboard: step k from the sum of the durations before it to that sum
    /// plus its own duration.
    public static func cues(_ storyboard: Storyboard) -> [Cue] {
        var start = 0
        return storyboard.steps.map { step in
            defer { start += step.durationMilliseconds }
            let caption = step.caption
            let lines = ([caption.titleWithRule, caption.headline] + caption.details)
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            return Cue(start: start, end: start + step.durationMilliseconds, lines: lines)
        }
    }

    /// SubRip text: numbered cues, `00:00:01,500 --> 00:00:03,000`.
    public static func srt(_ cues: [Cue]) -> String {
        cues.enumerated().map { index, cue in
            "\(index + 1)\n\(time(cue.start, ",")) --> \(time(cue.end, ","))\n"
                + cue.lines.map { $0.replacingOccurrences(of: "-->", with: "→") }.joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    /// WebVTT text: `WEBVTT`, then cues `00:00:01.500 --> 00:00:03.000` with escaped text.
    public static func vtt(_ cues: [Cue]) -> String {
        "WEBVTT\n\n" + cues.enumerated().map { index, cue in
            "step-\(index + 1)\n\(time(cue.start, ".")) --> \(time(cue.end, "."))\n"
                + cue.lines.map(escaped).joined(separator: "\n") + "\n"
        }.joined(separator: "\n")
    }

    /// Writes `<base>.srt` and `<base>.vtt` into `directory`.
    static func write(storyboard: Storyboard, directory: URL, baseName: String) throws -> [URL] {
        let cues = cues(storyboard)
        let srtFile = directory.appendingPathComponent("\(baseName).srt")
        let vttFile = directory.appendingPathComponent("\(baseName).vtt")
        try AtomicFile.write(srt(cues), to: srtFile)
        try AtomicFile.write(vtt(cues), to: vttFile)
        return [srtFile, vttFile]
    }

    /// `HH:MM:SS` and milliseconds after `separator`.
    static func time(_ milliseconds: Int, _ separator: String) -> String {
        let ms = max(0, milliseconds)
        return String(format: "%02d:%02d:%02d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60)
            + separator + String(format: "%03d", ms % 1000)
    }

    private static func escaped(_ line: String) -> String {
        line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
