"""Search excerpts in the page's own text, in real Chromium through the real search page: the script the
page was written in, its 《》〔〕“” and full-width digits, the matched words marked, the excerpt around the
match, and Pagefind's excerpt when the original cannot be used."""

import gzip
import json
import shutil

import pytest

from browser import chromium, serve
from conftest import FIXTURE_TODAY, FIXTURES, write
from xxgk.pipeline import build

TRADITIONAL = """---
title: 關於加強政務公開工作的通知
index_no: 000000001/2024-00011
catalogue: 02-01
published_on: 2024-12-10
kind: 通知
---
本局發佈《關於加強政務公開工作的通知》，請各單位認真貫徹落實。乾隆年間的檔案另行處理。
"""

SIMPLIFIED = """---
title: 示例市关于深化改革的意见
index_no: 000000001/2024-00012
catalogue: 02-01
published_on: 2024-12-11
kind: 意见
---
根据《示例市优化营商环境条例》（示发改〔２０２４〕７号），推进“放管服”改革，落实“双随机、一公开”监管，且须满足1<2的要求。
"""

PARAGRAPH = "第{}段：本段介绍一般性的工作安排和日常事务，内容较长，用于测试摘要的位置。"
LONG = """---
title: 示例市年度工作安排
index_no: 000000001/2024-00013
catalogue: 02-01
published_on: 2024-12-12
kind: 通知
---
""" + "\n\n".join(PARAGRAPH.format(i) + ("其中提到了蓝莓种植补贴。" if i == 30 else "") for i in range(1, 61)) + "\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("excerpts")
    content = root / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    write(content / "documents/2024/traditional.md", TRADITIONAL)
    write(content / "documents/2024/simplified.md", SIMPLIFIED)
    write(content / "documents/2024/long.md", LONG)
    result = build(content, root / "site", FIXTURE_TODAY)
    assert result.written, [p.format() for p in result.check.problems.items]
    with serve(root / "site") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def open_search(browser, url, fragments=None):
    """The search page at `url`; `fragments` may rewrite the JSON of Pagefind's result fragments on the way."""
    page = browser.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    if fragments:
        page.route("**/pagefind/fragment/*.pf_fragment", lambda route: rewrite_fragment(route, fragments))
    page.goto(url)
    page.locator("html[data-search-ready=true]").wait_for(state="attached", timeout=20000)
    return page


def rewrite_fragment(route, change) -> None:
    """A fragment is gzip of "pagefind_dcd" and the page's JSON (url, content, meta, ...)."""
    data = gzip.decompress(route.fetch().body())
    assert data.startswith(b"pagefind_dcd")
    fragment = json.loads(data[len(b"pagefind_dcd"):])
    change(fragment)
    route.fulfill(status=200, content_type="application/octet-stream",
                  body=gzip.compress(b"pagefind_dcd" + json.dumps(fragment, ensure_ascii=False).encode()))


def excerpt_of(page, title: str):
    """The excerpt of the result with this title: its text, the marked parts and its HTML."""
    result = page.locator(".result", has=page.get_by_role("link", name=title, exact=True))
    excerpt = result.locator(".result-excerpt")
    return excerpt.inner_text(), excerpt.locator("mark").all_inner_texts(), excerpt.inner_html()


def test_a_traditional_page_shows_its_own_text_for_a_simplified_query(browser, site):
    page = open_search(browser, site + "search/?q=发布")
    text, marks, html = excerpt_of(page, "關於加強政務公開工作的通知")
    assert "本局發佈《關於加強政務公開工作的通知》，請各單位認真貫徹落實。" in text
    assert marks == ["發佈"]
    assert "\u200b" not in html and "发布" not in text
    page = open_search(browser, site + "search/?q=政务公开")
    text, marks, _ = excerpt_of(page, "關於加強政務公開工作的通知")
    assert "《關於加強政務公開工作的通知》" in text and marks == ["政務公開"]
    # a word the build converts as a whole (乾隆 stays 乾隆), found and shown as written
    page = open_search(browser, site + "search/?q=乾隆年间")
    text, marks, _ = excerpt_of(page, "關於加強政務公開工作的通知")
    assert marks == ["乾隆年間"] and "乾隆年間的檔案另行處理。" in text
    assert page.errors == []


def test_a_simplified_page_keeps_its_marks_and_full_width_digits(browser, site):
    page = open_search(browser, site + "search/?q=放管服")
    text, marks, html = excerpt_of(page, "示例市关于深化改革的意见")
    assert "条例》（示发改〔２０２４〕７号），推进“放管服”改革，落实“双随机、一公开”监管" in text
    assert marks == ["放管服"]  # the quotation marks around it are not marked
    assert "<mark>放管服</mark>”改革" in html
    page = open_search(browser, site + "search/?q=2024")
    _, marks, _ = excerpt_of(page, "示例市关于深化改革的意见")
    assert "２０２４" in marks  # as written, though typed in half-width digits
    page = open_search(browser, site + "search/?q=双随机、一公开")
    _, marks, _ = excerpt_of(page, "示例市关于深化改革的意见")
    assert marks == ["双随机、一公开"]  # one phrase of the query: its words marked as one, the 、 inside kept


def test_page_text_is_shown_as_text_never_as_html(browser, site):
    page = open_search(browser, site + "search/?q=要求")
    text, marks, html = excerpt_of(page, "示例市关于深化改革的意见")
    assert "且须满足1<2的要求。" in text and marks == ["要求"]
    assert "1&lt;2" in html
    excerpt = page.locator(".result", has=page.get_by_role("link", name="示例市关于深化改革的意见")).locator(".result-excerpt")
    assert excerpt.evaluate("p => [...p.querySelectorAll('*')].map(e => e.tagName)") == ["MARK"]


def test_a_match_far_into_a_long_page_is_shown_with_its_surroundings(browser, site):
    page = open_search(browser, site + "search/?q=蓝莓")
    text, marks, _ = excerpt_of(page, "示例市年度工作安排")
    assert marks == ["蓝莓"]
    assert "其中提到了蓝莓种植补贴。 第31段" in text  # from the start of the match's sentence
    assert "第1段" not in text and "示例市年度工作安排" not in text
    assert len(text) < 80  # about 40 characters, as before


def test_without_a_query_the_excerpt_is_the_start_of_the_page_text(browser, site):
    page = open_search(browser, site + "search/?%E4%BD%93%E8%A3%81=%E9%80%9A%E7%9F%A5")  # 体裁=通知
    page.locator(".result-excerpt").first.wait_for()
    text, marks, _ = excerpt_of(page, "關於加強政務公開工作的通知")
    assert text.startswith("000000001/2024-00011") and "本局發佈《關於" in text and marks == []


def test_a_match_in_the_title_only_shows_the_title_marked(browser, site):
    page = open_search(browser, site + "search/?q=年度工作安排")
    text, marks, _ = excerpt_of(page, "示例市年度工作安排")
    assert text.startswith("示例市年度工作安排") and marks == ["年度工作安排"]


def test_pagefind_excerpt_when_the_original_is_missing_or_does_not_align(browser, site):
    def without_original(fragment):
        fragment["meta"].pop("text", None)

    def other_original(fragment):
        if "text" in fragment["meta"]:
            fragment["meta"]["text"] = "完全不同的另一段文字"

    for change in (without_original, other_original):
        page = open_search(browser, site + "search/?q=发布", fragments=change)
        text, marks, html = excerpt_of(page, "關於加強政務公開工作的通知")
        # Pagefind's excerpt of the index copy: Simplified, without 《》, the query marked
        assert "本局发布 关于加强政务公开工作的通知" in text and "《" not in text
        assert [mark.strip() for mark in marks] == ["发布"] and "\u200b" not in html
        assert page.errors == []


def test_the_alignment_on_its_own(browser, site):
    """ownExcerpt in search-text.js on hand-made results, with the text stored as the build stores it:
    aligned, or null (then Pagefind's excerpt is shown)."""
    from xxgk.search_text import excerpt_text
    assert excerpt_text("本局發佈《辦法》。乾隆年間很乾燥 a~b^c") == "~~發佈《辦~》。~~~間~乾~ ~^~~^^~"
    page = open_search(browser, site + "search/")
    z = "\u200b"

    def result(text, words, locations, title="通知"):
        return {"meta": {"title": title, "text": excerpt_text(text)},
                "raw_content": z.join(["通", "知", ". ", *words]), "locations": locations}

    cases = [
        result("本局發佈《辦法》。", ["本", "局", "发", "布 ", "办", "法 ", "。"], [5, 6]),
        result("本局發佈《辦法》。", ["本", "局", "发", "布 ", "办", "法 ", "。", "另"], [5]),  # 另 is not on the page
        result("示发改〔２０２４〕７号", ["示", "发", "改 ", "2025 ", "7", "号"], [6]),  # nor is 2025
        {"meta": {"title": "通知"}, "raw_content": "通" + z + "知", "locations": [0]},  # no stored text
        result("示发改〔２０２４〕７号", ["示", "发", "改 ", "2024 ", "7", "号"], [6]),
        result("乾隆年間很乾燥 a~b", ["乾", "隆", "年", "间", "很", "干", "燥 ", "a ", "~", "b"], [6, 7, 8, 9]),
        result("甲……乙①號", ["甲", "......", "乙", "1", "号"], [6, 7]),  # NFKC: … is ..., ① is 1
    ]
    got = page.evaluate("""async ([root, cases]) => {
        const t = await import(new URL("assets/search-text.js", root).href);
        return cases.map((data) => t.ownExcerpt(data, 40));
    }""", [site, cases])
    assert got[0] == [["本局", False], ["發佈", True], ["《辦法》。", False]]
    assert got[1:4] == [None, None, None]
    assert got[4] == [["示发改〔", False], ["２０２４", True], ["〕７号", False]]
    assert got[5] == [["乾隆年", False], ["間很乾燥", True], [" a~b", False]]
    assert got[6] == [["甲……乙", False], ["①號", True]]
