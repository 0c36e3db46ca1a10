/// The words of the HTML presenter's controls and tooltips, in the lesson's language.
///
/// Captions come from the storyboard's phrasebook; these are only the buttons, their
/// tooltips (which name the key) and the live-preview messages of `chainframe watch`.
struct HTMLPlayerWords: Sendable {
    var first: String
    var previous: String
    var play: String
    var pause: String
    var next: String
    var last: String
    var fullscreen: String
    var notes: String
    var controls: String
    /// Shown by `watch` when the page has lost its connection to the server.
    var disconnected: String
    /// Heading of the error panel of `watch`.
    var errorHeading: String

    /// The words for a language code; English for any language without its own.
    static func forLanguage(_ code: String) -> HTMLPlayerWords {
        switch code {
        case "ko": korean
        default: english
        }
    }

    static let english = HTMLPlayerWords(
        first: "First step (Home)", previous: "Previous step (← or Page Up)",
        play: "Play (Space)", pause: "Pause (Space)",
        next: "Next step (→ or Page Down)", last: "Last step (End)",
        fullscreen: "Full screen (F)", notes: "Notes: the caption in large type (N)",
        controls: "Presenter controls",
        disconnected: "Lost the connection to chainframe watch; reconnecting…",
        errorHeading: "The file has errors; showing the last good version")

    static let korean = HTMLPlayerWords(
        first: "처음 단계 (Home)", previous: "이전 단계 (← 또는 Page Up)",
        play: "재생 (스페이스)", pause: "일시 정지 (스페이스)",
        next: "다음 단계 (→ 또는 Page Down)", last: "마지막 단계 (End)",
        fullscreen: "전체 화면 (F)", notes: "노트: 설명을 큰 글씨로 (N)",
        controls: "발표 도구",
        disconnected: "chainframe watch와의 연결이 끊겼습니다. 다시 연결하는 중…",
        errorHeading: "파일에 오류가 있습니다. 마지막으로 성공한 버전을 보여 줍니다")
}

/// The presenter's icons as inline SVG paths (24 × 24, drawn with `currentColor`), so no icon
/// depends on a font having a glyph.
enum HTMLPlayerIcons {
    static let first = icon("<path d=\"M6 5v14\" stroke-width=\"2.4\"/><path d=\"M19 5 9 12l10 7z\" fill=\"currentColor\"/>")
    static let previous = icon("<path d=\"M16 4 8 12l8 8\" stroke-width=\"2.8\"/>")
    static let play = icon("<path d=\"M7 4.5v15L19.5 12z\" fill=\"currentColor\"/>", className: "icon-play")
    static let pause = icon("<path d=\"M7 5h3.5v14H7zM13.5 5H17v14h-3.5z\" fill=\"currentColor\"/>", className: "icon-pause")
    static let next = icon("<path d=\"M8 4l8 8-8 8\" stroke-width=\"2.8\"/>")
    static let last = icon("<path d=\"M18 5v14\" stroke-width=\"2.4\"/><path d=\"M5 5l10 7-10 7z\" fill=\"currentColor\"/>")
    static let fullscreen = icon("<path d=\"M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5\" stroke-width=\"2.2\"/>")
    static let notes = icon("<path d=\"M5 6h14M5 11h14M5 16h9\" stroke-width=\"2.2\"/>")

    private static func icon(_ body: String, className: String = "icon") -> String {
        "<svg class=\"\(className)\" viewBox=\"0 0 24 24\" width=\"24\" height=\"24\" aria-hidden=\"true\" "
            + "focusable=\"false\" fill=\"none\" stroke=\"currentColor\" stroke-linecap=\"round\" "
            + "stroke-linejoin=\"round\">\(body)</svg>"
    }
}
