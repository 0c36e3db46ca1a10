"""Fixtures of the browser tests: the built `chainframe`, Debian's chromium through Playwright,
and lessons rendered by the `html` exporter."""
import os
import pathlib
import subprocess

import pytest
from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chainframe():
    """The executable under test (scripts/test-browser builds it)."""
    path = pathlib.Path(os.environ.get("CHAINFRAME", ROOT / ".build/debug/chainframe"))
    assert path.exists(), f"{path} is missing: run scripts/test-browser (it builds it)"
    return str(path)


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, never a downloaded browser."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def rendered(chainframe, tmp_path_factory):
    """`render --format html` of a lesson, by key: (file, extra arguments) -> page path."""
    directory = tmp_path_factory.mktemp("html")
    cache = {}

    def render(example, *arguments):
        key = (example, arguments)
        if key not in cache:
            out = directory / f"{len(cache)}"
            subprocess.run([chainframe, "render", str(ROOT / "examples" / example), "--format", "html",
                            "--out", str(out), *arguments], check=True, capture_output=True)
            cache[key] = out / (pathlib.Path(example).stem + ".html")
        return cache[key]

    return render


@pytest.fixture
def open_page(browser):
    """Opens a URL in a fresh page of the given window size; closes them afterwards."""
    pages = []

    def open_(url, width=1366, height=768):
        page = browser.new_page(viewport={"width": width, "height": height})
        pages.append(page)
        page.goto(url)
        return page

    yield open_
    for page in pages:
        page.close()
