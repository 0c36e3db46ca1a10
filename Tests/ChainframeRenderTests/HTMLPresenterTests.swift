import Chainframe
import ChainframeGraphics
import Foundation
import Testing
@testable import ChainframeRender
@testable import ChainframeScene

/// The `html` presenter's page as text: language, icons, theme colours, the live variant.
/// (Its behaviour in a real browser is tested by Tests/Browser, run by scripts/test.)
struct HTMLPresenterTests {
    @Test func controlsAndTooltipsSpeakTheLessonsLanguage() throws {
        var options = Storyboard.Options()
        options.phrases = .korean
        let korean = try page(FrameRenderer(storyboard: exampleStoryboard("shopping", options: options),
                                            theme: .classroom, options: FrameOptions()))
        #expect(korean.hasPrefix("<!DOCTYPE html>\n<html lang=\"ko\">"))
        for words in ["처음 단계 (Home)", "다음 단계 (→ 또는 Page Down)", "재생 (스페이스)", "일시 정지 (스페이스)", "전체 화면 (F)"] {
            #expect(korean.contains(words), "\(words)")
        }
        #expect(!korean.contains("Next step"))
        let english = try page(exampleRenderer("lecture"))
        #expect(english.contains("title=\"Next step (→ or Page Down)\"") && !english.contains("다음 단계"))
    }

    @Test func iconsAreInlineSVGNotFontGlyphs() throws {
        let html = try page(exampleRenderer("lecture"))
        for glyph in ["\u{23EE}", "\u{23ED}", "\u{25B6}", "\u{275A}", "&#x23EE;", "&#x23ED;"] {
            #expect(!html.contains(glyph), "\(glyph)")
        }
        let buttons = html.components(separatedBy: "<button ").dropFirst()
        #expect(buttons.count == 7)
        for button in buttons { #expect(button.contains("<svg class=\"icon")) }
    }

    @Test func theCaptionIsShownOnceInThePictureOrBelowItWhenThePictureHasNone() throws {
        let html = try page(exampleRenderer("lecture"))
        #expect(html.contains("<body class=\"presenter\" style=\"--aspect: 1.78\""))
        var bandless = Theme.classroom
        bandless.captionBand.position = .none
        let withoutBand = try page(exampleRenderer("lecture", theme: bandless))
        #expect(withoutBand.contains("<body class=\"presenter caption-below\""))
    }

    @Test func pageColoursComeFromTheTheme() throws {
        let chalkboard = HTMLPlayer.colours(try ThemeCatalog.standard.resolve("chalkboard"))
        #expect(chalkboard.contains("color-scheme: dark"))
        #expect(chalkboard.contains("--ink: #F2F0E6"))
        let classroom = HTMLPlayer.colours(.classroom)
        #expect(classroom.contains("color-scheme: light"))
        #expect(classroom.contains("--accent: \(Theme.classroom.forward.hexString)"))
    }

    @Test func onlyTheLivePageFollowsWatch() throws {
        let renderer = try exampleRenderer("lecture")
        let plain = try page(renderer)
        #expect(!plain.contains("WebSocket") && !plain.contains("data-version") && !plain.contains("class=\"live-status\""))
        let live = HTMLPlayer.page(context(renderer), live: HTMLPlayer.Live(version: 7))
        #expect(live.contains(" data-version=\"7\">") && live.contains("new WebSocket") && live.contains("class=\"live-status\""))
    }

    private func context(_ renderer: FrameRenderer) -> ExportContext {
        ExportContext(renderer: renderer, directory: FileManager.default.temporaryDirectory, baseName: "lesson",
                      sourceName: "lesson.cg", sourceText: "", version: "test")
    }

    private func page(_ renderer: FrameRenderer) throws -> String {
        HTMLPlayer.page(context(renderer))
    }
}
