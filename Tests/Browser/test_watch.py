"""`chainframe watch` in Debian's chromium: live updates on the same step, errors in the page,
a busy port, and stopping with Ctrl-C or SIGTERM."""
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import os
import time

import pytest

from conftest import ROOT


class Watch:
    """A running `chainframe watch` on a copy of the lecture and of the chalkboard theme."""

    def __init__(self, chainframe, directory: pathlib.Path, *arguments, env=None):
        self.lesson = directory / "lesson.cg"
        self.theme = directory / "board.yaml"
        shutil.copy(ROOT / "examples/lecture.cg", self.lesson)
        shutil.copy(ROOT / "themes/chalkboard.yaml", self.theme)
        self.process = subprocess.Popen(
            [chainframe, "watch", "lesson.cg", "--theme", "board.yaml", "--port", "0", *arguments],
            cwd=directory, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line + self.process.stderr.read()
        self.url = match.group(0)
        self.port = int(match.group(1))

    def edit(self, path: pathlib.Path, old: str, new: str):
        text = path.read_text()
        assert old in text
        path.write_text(text.replace(old, new))

    def stop(self, number=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(number)
        try:
            return self.process.wait(timeout=5)
        finally:
            self.process.stdout.close()
            self.process.stderr.close()


@pytest.fixture
def watch(chainframe, tmp_path):
    running = Watch(chainframe, tmp_path)
    yield running
    if running.process.poll() is None:
        running.stop()


def wait_for_version(page, version, timeout):
    page.wait_for_function(f"document.body.dataset.version === '{version}'", timeout=timeout)


def test_a_save_shows_the_new_version_within_a_second_on_the_same_step(watch, open_page):
    page = open_page(watch.url + "#step-4", 1366, 768)
    assert page.locator(".counter").inner_text() == "4 / 9"
    assert "J = 33" not in page.locator("#step-4 svg").inner_html()
    page.wait_for_function("document.querySelector('.live-status').hidden")  # connected, no error
    start = time.monotonic()
    watch.edit(watch.lesson, "a = 5", "a = 7")
    wait_for_version(page, 2, timeout=1000)
    elapsed = time.monotonic() - start
    assert elapsed < 1.0, elapsed
    assert page.locator(".counter").inner_text() == "4 / 9"
    assert page.evaluate("location.hash") == "#step-4"
    assert page.locator("#step-4").is_visible()
    page.keyboard.press("End")
    assert "39" in page.locator(f"#step-9 svg").inner_html()  # J = 3(7 + 6)


def test_a_theme_save_recolours_the_page(watch, open_page):
    page = open_page(watch.url)
    before = page.evaluate("getComputedStyle(document.body).backgroundColor")
    watch.edit(watch.theme, 'background: "#1E2B26"', 'background: "#402020"')
    wait_for_version(page, 2, timeout=1000)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != before
    assert 'fill="#402020"' in page.locator(".step:not([hidden]) svg").inner_html()


def test_errors_show_in_the_page_keeping_the_last_good_picture(watch, open_page):
    page = open_page(watch.url + "#step-2")
    watch.edit(watch.lesson, "u = b * c", "u = b * d")
    panel = page.locator(".live-status")
    panel.wait_for(state="visible", timeout=1000)
    text = panel.inner_text()
    line = watch.lesson.read_text().splitlines().index("u = b * d") + 1
    assert f"lesson.cg:{line}:9: error: 'd' is not defined" in text
    assert "u = b * d" in text and "^" in text
    assert page.evaluate("document.body.dataset.version") == "1"
    assert page.locator("#step-2 svg").is_visible()
    assert page.locator(".counter").inner_text() == "2 / 9"
    from test_presenter import assert_slide_fits
    assert_slide_fits(page, minimum=0.6)
    watch.edit(watch.lesson, "u = b * d", "u = b * c")
    panel.wait_for(state="hidden", timeout=1000)
    wait_for_version(page, 2, timeout=1000)


def test_a_busy_port_is_a_clear_error(watch, chainframe, tmp_path):
    result = subprocess.run([chainframe, "watch", "lesson.cg", "--port", str(watch.port)],
                            cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert result.stderr == (f"chainframe: error: port {watch.port} on 127.0.0.1 is already in use; "
                             "choose another with --port (--port 0 picks a free one)\n")


@pytest.mark.parametrize("number,status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_ctrl_c_and_sigterm_stop_it_and_free_the_port(watch, number, status):
    assert watch.stop(number) == status
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", watch.port))


def test_the_page_reconnects_after_a_restart_and_says_so_meanwhile(watch, open_page):
    page = open_page(watch.url)
    page.wait_for_function("document.querySelector('.live-status').hidden")
    watch.stop()
    panel = page.locator(".live-status")
    panel.wait_for(state="visible", timeout=3000)
    assert "reconnecting" in panel.inner_text()


def test_open_hands_the_address_to_xdg_open(chainframe, tmp_path):
    bin_directory = tmp_path / "bin"
    bin_directory.mkdir()
    opened = tmp_path / "opened.txt"
    opener = bin_directory / "xdg-open"
    opener.write_text(f"#!/bin/sh\necho \"$1\" > {opened}\n")
    opener.chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_directory}:{os.environ['PATH']}")
    running = Watch(chainframe, tmp_path, "--open", env=env)
    try:
        deadline = time.monotonic() + 5
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert opened.read_text().strip() == running.url
    finally:
        running.stop()
