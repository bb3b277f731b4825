"""`xxgk serve` in real Chromium: the page a clerk has open reloads by itself after a save, under the
site's own Content-Security-Policy, and shows the errors while there are any."""

from __future__ import annotations

from preview import running_preview, wait_for_generation

from browser import chromium
from conftest import replace_in

GUARD_MS = 120_000  # only to end a hung test


def test_the_open_page_reloads_after_a_change_and_shows_errors(content):
    with running_preview(content) as address, chromium() as browser:
        page = browser.new_page()
        problems = []
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
        page.goto(address + "documents/2024/functions/")
        assert page.locator("h1").inner_text() == "测试市测试局主要职责"
        document = content / "documents/2024/functions.md"
        replace_in(document, "title: 测试市测试局主要职责", "title: 测试市测试局主要职责（修订）")
        page.locator("h1", has_text="（修订）").wait_for(timeout=GUARD_MS)  # reloaded without a click
        replace_in(document, "published_on: 2024-12-06", "published_on: 2024-02-30")
        page.locator("h1", has_text="内容有错误，网站未更新").wait_for(timeout=GUARD_MS)
        assert "functions.md:5: 错误 [date]" in page.locator("pre").inner_text()
        replace_in(document, "published_on: 2024-02-30", "published_on: 2024-12-06")
        wait_for_generation(address, 4)
        page.locator("h1", has_text="（修订）").wait_for(timeout=GUARD_MS)
        assert not [p for p in problems if "Content Security Policy" in p], problems
