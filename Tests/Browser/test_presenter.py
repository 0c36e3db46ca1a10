"""The `html` presenter in Debian's chromium: keys, deep links, layout, print, language, theme."""
import re

import pytest

from conftest import ROOT

LECTURE_STEPS = 9  # inputs, forward ×3, backward ×4 (seed + three operations), summary


def counter(page):
    return page.locator(".counter").inner_text()


def visible_steps(page):
    return page.evaluate("Array.from(document.querySelectorAll('.step')).filter(s => !s.hidden).map(s => s.id)")


def test_keys_move_through_the_steps(rendered, open_page):
    page = open_page(rendered("lecture.cg").as_uri())
    assert counter(page) == f"1 / {LECTURE_STEPS}"
    for key, expected in [("ArrowRight", 2), ("PageDown", 3), ("ArrowRight", 4), ("PageUp", 3),
                          ("ArrowLeft", 2), ("End", LECTURE_STEPS), ("ArrowRight", LECTURE_STEPS),
                          ("Home", 1), ("ArrowLeft", 1)]:
        page.keyboard.press(key)
        assert counter(page) == f"{expected} / {LECTURE_STEPS}", key
        assert visible_steps(page) == [f"step-{expected}"], key


def test_space_plays_and_pauses_even_after_clicking_a_button(rendered, open_page):
    page = open_page(rendered("lecture.cg").as_uri())
    page.click("[data-action=next]")
    assert counter(page) == f"2 / {LECTURE_STEPS}"
    page.keyboard.press(" ")
    assert "playing" in page.evaluate("document.body.className")
    assert counter(page) == f"2 / {LECTURE_STEPS}", "Space clicked the focused Next button"
    page.keyboard.press(" ")
    assert "playing" not in page.evaluate("document.body.className")
    assert counter(page) == f"2 / {LECTURE_STEPS}"


def test_playing_advances_by_itself_and_stops_at_the_end(rendered, open_page):
    page = open_page(rendered("lecture.cg").as_uri() + f"#step-{LECTURE_STEPS - 1}")
    page.keyboard.press(" ")
    page.wait_for_function(f"document.querySelector('.counter').textContent === '{LECTURE_STEPS} / {LECTURE_STEPS}'",
                           timeout=10_000)
    page.wait_for_function("!document.body.classList.contains('playing')", timeout=10_000)
    assert page.get_attribute("[data-action=play]", "title") == "Play (Space)"


def test_deep_links_open_a_step_and_the_address_follows(rendered, open_page):
    url = rendered("lecture.cg").as_uri()
    page = open_page(url + "#step-6")
    assert counter(page) == f"6 / {LECTURE_STEPS}"
    assert visible_steps(page) == ["step-6"]
    page.keyboard.press("ArrowRight")
    assert page.evaluate("location.hash") == "#step-7"
    page.reload()
    assert counter(page) == f"7 / {LECTURE_STEPS}"
    page.evaluate("location.hash = '#step-3'")
    page.wait_for_function("document.querySelector('.counter').textContent.startsWith('3 /')")
    page.keyboard.press("Home")
    assert page.evaluate("location.hash") == "#step-1"


def test_f_toggles_full_screen(rendered, open_page):
    page = open_page(rendered("lecture.cg").as_uri())
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement !== null")
    page.keyboard.press("f")
    page.wait_for_function("document.fullscreenElement === null")


def test_notes_view_shows_the_caption_in_large_type(rendered, open_page):
    page = open_page(rendered("lecture.cg").as_uri() + "#step-6")
    assert page.locator(".notes").is_hidden()
    page.keyboard.press("n")
    notes = page.locator(".notes")
    assert notes.is_visible()
    assert "∂J/∂v = 3" in notes.inner_text()
    assert float(page.eval_on_selector(".notes .headline", "e => parseFloat(getComputedStyle(e).fontSize)")) >= 32
    page.keyboard.press("ArrowRight")
    assert "∂J/∂a" in notes.inner_text()
    assert_slide_fits(page, minimum=0.5)


def assert_slide_fits(page, minimum=0.85):
    """The visible slide fills `minimum` of the window's width or height, nothing scrolls, and
    no panel or control covers it."""
    geometry = page.evaluate("""() => {
        const svg = document.querySelector('.step:not([hidden]) > svg').getBoundingClientRect();
        const covers = Array.from(document.querySelectorAll('.controls, .notes, .live-status'))
            .filter(e => !e.hidden).map(e => e.getBoundingClientRect())
            .filter(r => r.top < svg.bottom - 0.5 && r.bottom > svg.top + 0.5 && r.left < svg.right && r.right > svg.left);
        return {svg: svg.toJSON(), covers: covers.length, width: innerWidth, height: innerHeight,
                scrollWidth: document.documentElement.scrollWidth, scrollHeight: document.documentElement.scrollHeight,
                scrollY: scrollY};
    }""")
    svg = geometry["svg"]
    assert svg["left"] >= 0 and svg["top"] >= 0
    assert svg["right"] <= geometry["width"] and svg["bottom"] <= geometry["height"]
    assert svg["width"] >= minimum * geometry["width"] or svg["height"] >= minimum * geometry["height"], geometry
    assert geometry["covers"] == 0, geometry
    assert geometry["scrollWidth"] <= geometry["width"] and geometry["scrollHeight"] <= geometry["height"], geometry
    assert geometry["scrollY"] == 0
    return svg


@pytest.mark.parametrize("width,height", [(1920, 1080), (1366, 768)])
@pytest.mark.parametrize("lesson", [("lecture.cg",), ("shopping.cg", "--lang", "ko")])
def test_the_slide_fills_the_window_without_scrolling_or_covered_parts(rendered, open_page, width, height, lesson):
    page = open_page(rendered(*lesson).as_uri(), width, height)
    total = int(counter(page).split("/")[1])
    for _ in range(total):
        assert_slide_fits(page)
        page.keyboard.press("ArrowRight")


def test_print_has_one_page_per_step(rendered, open_page):
    page = open_page(rendered("lecture.cg").as_uri() + "#step-4")
    pdf = page.pdf(prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == LECTURE_STEPS


def test_controls_speak_the_lessons_language(rendered, open_page):
    english = open_page(rendered("lecture.cg").as_uri())
    assert english.get_attribute("[data-action=next]", "title") == "Next step (→ or Page Down)"
    korean = open_page(rendered("shopping.cg", "--lang", "ko").as_uri())
    assert korean.get_attribute("html", "lang") == "ko"
    titles = korean.eval_on_selector_all(".controls button", "bs => bs.map(b => b.title)")
    assert titles == ["처음 단계 (Home)", "이전 단계 (← 또는 Page Up)", "재생 (스페이스)", "다음 단계 (→ 또는 Page Down)",
                      "마지막 단계 (End)", "노트: 설명을 큰 글씨로 (N)", "전체 화면 (F)"]
    korean.keyboard.press(" ")
    assert korean.get_attribute("[data-action=play]", "title") == "일시 정지 (스페이스)"


def test_icons_are_inline_svg_not_glyphs(rendered, open_page):
    page = open_page(rendered("lecture.cg").as_uri())
    buttons = page.eval_on_selector_all(
        ".controls button", "bs => bs.map(b => [b.textContent.trim(), b.querySelectorAll('svg').length])")
    assert buttons and all(text == "" and icons >= 1 for text, icons in buttons), buttons


def test_the_caption_appears_once(rendered, open_page):
    page = open_page(rendered("lecture.cg").as_uri() + "#step-6")
    step = page.locator("#step-6")
    assert "∂J/∂v = 3" in step.locator("svg").inner_html()
    box = step.locator("figcaption").bounding_box()
    assert box["width"] <= 1 and box["height"] <= 1, "the caption is shown as text as well as in the picture"


def test_page_colours_come_from_the_theme(rendered, open_page):
    def page_luminance(page):
        rgb = page.evaluate("getComputedStyle(document.body).backgroundColor")
        r, g, b = (int(v) for v in re.findall(r"\d+", rgb)[:3])
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255

    chalkboard = open_page(rendered("lecture.cg", "--theme", "chalkboard").as_uri())
    classroom = open_page(rendered("lecture.cg").as_uri())
    assert page_luminance(chalkboard) < 0.2
    assert page_luminance(classroom) > 0.8
    assert chalkboard.evaluate("getComputedStyle(document.documentElement).colorScheme") == "dark"


def test_one_offline_file(rendered, open_page, browser):
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    url = rendered("lecture.cg").as_uri()
    page.goto(url)
    page.keyboard.press("ArrowRight")
    assert requests == [url]
    page.close()
