"""Search in real Chromium through the real search page, on a fixture site served under a sub-path."""

import shutil

import pytest

from browser import chromium, serve
from conftest import FIXTURE_TODAY, FIXTURES, write
from xxgk.pipeline import build

TRADITIONAL_DOC = """---
title: 關於政務公開工作的答覆
index_no: 000000001/2024-00009
catalogue: 02-01
published_on: 2024-12-10
doc_no: 測試辦〔2024〕7號
kind: 通知
---
各單位：請做好預決算公開和政務公開工作。
"""


@pytest.fixture(scope="module", params=["one index", "sharded"])
def site(request, tmp_path_factory):
    """Every test runs on the fixture with one index, and with the index in four shards (2025, and
    2024 in runs of months) that the page merges with mergeIndex."""
    root = tmp_path_factory.mktemp("search")
    content = root / "content"
    shutil.copytree(FIXTURES / "minimal", content)
    write(content / "documents/2024/traditional.md", TRADITIONAL_DOC)
    if request.param == "sharded":
        with (content / "site.yaml").open("a", encoding="utf-8") as settings:
            settings.write("limits:\n  search_shard_pages: 2\n")
    result = build(content, root / "site", FIXTURE_TODAY)
    shards = (root / "site/search/index.html").read_text(encoding="utf-8").split('data-index-shards="')[1].split('"')[0]
    assert shards == ("2025 2024-12 2024-11 2024-03" if request.param == "sharded" else "all")
    assert result.written, [p.format() for p in result.check.problems.items]
    with serve(root / "site") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def open_search(browser, url):
    page = browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.locator("html[data-search-ready=true]").wait_for(state="attached", timeout=20000)
    page.errors = errors
    return page


def titles(page) -> list[str]:
    return page.locator(".result-title").all_inner_texts()


def test_query_from_the_url_shows_results_without_input(browser, site):
    page = open_search(browser, site + "search/?q=收费管理")
    assert page.locator("#search-page-input").input_value() == "收费管理"
    assert page.locator("#search-status").inner_text() == "“收费管理”共找到 2 条结果"
    assert page.locator("#search-status").get_attribute("role") == "status"
    assert set(titles(page)) == {"测试市测试局关于规范收费管理的通知", "《测试市测试局关于规范收费管理的通知》政策解读"}
    first = page.locator(".result").first
    assert "发布日期：2024-11-1" in first.inner_text() and "栏目：法规文件" in first.inner_text()
    excerpt = page.locator(".result-excerpt").first.inner_html()
    assert "\u200b" not in excerpt and "<mark>" in excerpt
    assert page.errors == []
    page.get_by_role("link", name="测试市测试局关于规范收费管理的通知", exact=True).click()
    assert page.url == site + "documents/2024/fee-rules/"
    assert page.locator("h1").inner_text() == "测试市测试局关于规范收费管理的通知"


def test_only_matching_documents_are_found(browser, site):
    page = open_search(browser, site + "search/?q=主要职责")
    assert titles(page) == ["测试市测试局主要职责"]


def test_simplified_query_finds_traditional_text_and_the_reverse(browser, site):
    page = open_search(browser, site + "search/?q=政务公开")
    assert "關於政務公開工作的答覆" in titles(page)
    page = open_search(browser, site + "search/?q=收費管理")
    assert "测试市测试局关于规范收费管理的通知" in titles(page)


@pytest.mark.parametrize("typed", ["测试规〔2024〕2号", "测试规[2024]2号", "测试规(2024)2号", "测试规（2024）2号",
                                   "000000001/2024-00001"])
def test_document_number_or_index_number_puts_that_document_first(browser, site, typed):
    page = open_search(browser, site + "search/?q=" + typed)
    assert titles(page)[0] == "测试市测试局关于规范收费管理的通知"
    assert page.locator(".result-title a").first.get_attribute("href") == site + "documents/2024/fee-rules/"
    assert "文号或索引号完全匹配" in page.locator(".result").first.inner_text()
    assert titles(page).count("测试市测试局关于规范收费管理的通知") == 1


def test_exact_title_in_either_script(browser, site):
    for typed in ("关于政务公开工作的答复", "關於政務公開工作的答覆"):
        page = open_search(browser, site + "search/?q=" + typed)
        assert titles(page) == ["關於政務公開工作的答覆"], typed
        assert "完全匹配" in page.locator(".result").first.inner_text()


def test_search_text_in_the_browser_folds_as_the_build_does(browser, site):
    from xxgk.search_exact import exact_key, fnv1a
    from xxgk.simplified import to_simplified
    samples = ["關於市十七屆人大五次會議第0126號建議的答覆", "乾隆年間很乾燥", "示发改规〔2023〕第1号", "肥政辦字［２０２０］１２號",
               "11999900MB0000000X/2025-00038", "𠀋𪚥龘", "Ｈｅｌｌｏ　世界"]
    page = open_search(browser, site + "search/")
    got = page.evaluate("""async ([samples, root]) => {
        const t = await import(new URL("assets/search-text.js", root).href);
        const out = [];
        for (const s of samples) {
            const simplified = await t.toSimplified(s.normalize("NFKC"), root);
            out.push([simplified, t.exactKey(simplified), t.fnv1a(t.exactKey(simplified))]);
        }
        return out;
    }""", [samples, site])
    import unicodedata
    want = [[to_simplified(unicodedata.normalize("NFKC", s)), exact_key(s), fnv1a(exact_key(s))] for s in samples]
    assert got == want


def test_traditional_document_number(browser, site):
    page = open_search(browser, site + "search/?q=测试办[2024]7号")
    assert titles(page)[0] == "關於政務公開工作的答覆"


def test_filters_with_counts_and_browsing_without_a_query(browser, site):
    page = open_search(browser, site + "search/")
    assert page.locator("#search-status").inner_text().startswith("全部信息共找到")
    legends = page.locator(".filter-group legend").all_inner_texts()
    assert legends[:3] == ["栏目", "年份", "发布机构"] and "有效性" in legends and "体裁" in legends
    page.get_by_label("法规文件（2）").check()
    page.locator("#search-status").filter(has_text="共找到 2 条结果").wait_for()
    assert set(titles(page)) == {"测试市测试局关于规范收费管理的通知", "《测试市测试局关于规范收费管理的通知》政策解读"}
    assert "%E6%A0%8F%E7%9B%AE=" in page.url  # the filter is in the address, so it can be shared


def test_two_values_of_one_filter_find_either(browser, site):
    page = open_search(browser, site + "search/")
    years = page.locator("fieldset.filter-group", has_text="年份").locator("label")
    assert years.count() >= 2
    first, second = years.nth(0).inner_text(), years.nth(1).inner_text()
    wanted = sum(int(label.split("（")[1].rstrip("）")) for label in (first, second))
    page.get_by_label(first).check()
    page.locator("#search-status").filter(has_text="共找到").wait_for()
    assert years.nth(1).inner_text() == second  # the other year still shows what ticking it adds
    page.get_by_label(second.split("（")[0], exact=False).check()
    page.locator("#search-status").filter(has_text=f"共找到 {wanted} 条结果").wait_for()
    assert page.url.count("%E5%B9%B4%E4%BB%BD=") == 2  # 年份 twice in the address


def test_exact_title_shows_the_document_and_the_pages_citing_it_without_the_full_text_index(browser, site):
    page = browser.new_page()
    index_requests = []
    page.on("request", lambda request: "/pagefind/index/" in request.url and index_requests.append(request.url))
    page.goto(site + "search/?q=测试市测试局关于规范收费管理的通知")
    page.locator("html[data-search-ready=true]").wait_for(state="attached", timeout=20000)
    assert titles(page) == ["测试市测试局关于规范收费管理的通知", "《测试市测试局关于规范收费管理的通知》政策解读"]
    first, second = page.locator(".result").nth(0), page.locator(".result").nth(1)
    assert "文件名称、文号或索引号完全匹配" in first.inner_text()
    assert "引用了该文件" in second.inner_text()
    assert second.locator(".result-excerpt mark").inner_text() == "《测试市测试局关于规范收费管理的通知》"
    assert "完全匹配的文件及引用它的信息" in page.locator("#search-status").inner_text()
    assert index_requests == []
    page.get_by_role("button", name="在全文中检索，显示所有包含这些文字的信息").focus()
    page.keyboard.press("Enter")
    page.locator("#search-full-text").wait_for(state="hidden")
    assert page.evaluate("document.activeElement.id") == "results-heading"  # the focus is not lost
    assert "full=1" in page.url
    assert titles(page)[0] == "测试市测试局关于规范收费管理的通知"
    assert index_requests  # now the full-text index answers
    assert titles(page).count("测试市测试局关于规范收费管理的通知") == 1


def test_validity_shown_for_normative_documents(browser, site):
    page = open_search(browser, site + "search/?q=收费管理&%E6%9C%89%E6%95%88%E6%80%A7=%E6%9C%89%E6%95%88")
    assert titles(page) == ["测试市测试局关于规范收费管理的通知"]
    assert page.locator(".result .badge").inner_text() == "有效"


def test_sort_newest_first(browser, site):
    page = open_search(browser, site + "search/?sort=date")
    dates = [text.split("发布日期：")[1][:10] for text in page.locator(".result-meta").all_inner_texts()]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 5
    assert page.locator("#search-status").inner_text() == f"全部信息共找到 {len(dates)} 条结果"
    assert page.errors == []


def test_a_query_sorted_by_date_is_newest_first_across_shards(browser, site):
    page = open_search(browser, site + "search/?q=测试&sort=date")
    dates = [text.split("发布日期：")[1][:10] for text in page.locator(".result-meta").all_inner_texts()]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 4
    relevance = open_search(browser, site + "search/?q=测试")
    assert sorted(titles(relevance)) == sorted(titles(page))  # the same pages, in another order


def test_search_box_on_every_page_submits_to_the_search_page_by_keyboard(browser, site):
    page = browser.new_page()
    page.goto(site + "documents/2024/functions/")
    page.locator("#site-search").fill("政策解读")
    page.keyboard.press("Enter")
    page.locator("html[data-search-ready=true]").wait_for(state="attached", timeout=20000)
    assert page.url.startswith(site + "search/?q=")
    assert titles(page)[0] == "《测试市测试局关于规范收费管理的通知》政策解读"
    page.locator("#search-page-input").fill("主要职责")
    page.locator("#search-page-input").press("Enter")
    page.locator("#search-status").filter(has_text="“主要职责”共找到 1 条结果").wait_for()
    assert "q=%E4%B8%BB%E8%A6%81%E8%81%8C%E8%B4%A3" in page.url


def test_filters_and_sorting_work_from_the_keyboard_alone(browser, site):
    page = open_search(browser, site + "search/?q=收费管理")
    page.locator("#search-page-input").focus()
    label = ""
    for _ in range(60):  # Tab until a filter checkbox with results has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "checkbox":
            label = page.evaluate("document.querySelector(`label[for='${document.activeElement.id}']`).textContent")
            if not label.endswith("（0）"):
                break
    assert page.evaluate("document.activeElement.closest('fieldset').querySelector('legend').textContent") == "栏目"
    page.keyboard.press("Space")
    count = label.split("（")[1].rstrip("）")
    page.locator("#search-status").filter(has_text=f"共找到 {count} 条结果").wait_for()
    assert page.evaluate("document.activeElement.checked") is True
    page.locator("#search-sort").focus()
    page.keyboard.press("ArrowDown")  # 按发布日期（新→旧）
    page.wait_for_function("location.search.includes('sort=date')")


def test_no_results_are_explained(browser, site):
    page = open_search(browser, site + "search/?q=量子计算")
    assert page.locator("#search-status").inner_text() == "“量子计算”没有找到结果，请换个关键词或减少筛选条件"


def test_page_explains_itself_without_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "search/?q=收费")
    text = page.locator("main").inner_text()
    assert "搜索结果需要浏览器启用 JavaScript 才能显示" in text
    assert page.locator(".search-layout").is_hidden()
    assert page.get_by_role("link", name="法定主动公开内容").count() >= 1
    context.close()
