"""The portal's one search page, in real Chromium: every department's index merged in the browser, a
部门 filter, exact lookups across departments, newest first across departments."""

from __future__ import annotations

from pathlib import Path

import pytest
from portal_fixture import CZJ_TITLE, EVERYWHERE, NAMES, ONLY_CZJ, make_portal

from browser import chromium, serve
from conftest import FIXTURE_EPOCH

GUARD_MS = 30_000  # only to end a hung test


@pytest.fixture(scope="module")
def portal_site(tmp_path_factory) -> Path:
    from xxgk.cli import main
    root = tmp_path_factory.mktemp("portal")
    make_portal(root / "platform")
    out = root / "site"
    import os
    os.environ["SOURCE_DATE_EPOCH"] = FIXTURE_EPOCH
    assert main(["portal", "--content", str(root / "platform"), "--out", str(out), "--no-cache"]) == 0
    return out


@pytest.fixture(scope="module")
def browser_and_address(portal_site):
    with serve(portal_site, prefix="/") as address, chromium() as browser:
        yield browser, address


@pytest.fixture(scope="module")
def page(browser_and_address):
    browser, address = browser_and_address
    tab = browser.new_page()  # under the pages' own Content-Security-Policy
    tab.errors = []
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.address = address
    yield tab


def search(page, query: str, extra: str = "") -> list[dict]:
    page.goto(f"{page.address}search/?q={query}{extra}")
    page.locator("html[data-search-ready=true]").wait_for(state="attached", timeout=GUARD_MS)
    page.locator("#search-results-list li").first.wait_for(timeout=GUARD_MS)
    return page.eval_on_selector_all("#search-results-list li.result", """items => items.map(li => ({
        href: li.querySelector('a') ? li.querySelector('a').getAttribute('href') : '',
        text: li.innerText}))""")


def department_of(result: dict, address: str) -> str:
    return result["href"].removeprefix(address).split("/")[0]


def test_a_term_only_one_department_has_comes_first_from_it(page):
    results = search(page, ONLY_CZJ)
    assert department_of(results[0], page.address) == "czj"
    assert CZJ_TITLE in results[0]["text"]
    labels = page.eval_on_selector_all("fieldset legend", "nodes => nodes.map(n => n.textContent)")
    assert labels[0] == "部门"
    assert not page.errors


def test_traditional_characters_find_the_simplified_pages_of_any_department(page):
    results = search(page, "藍莓種植")
    assert department_of(results[0], page.address) == "czj"
    exact = search(page, "測試市財政局關於藍莓種植補貼的通知")
    assert [department_of(r, page.address) for r in exact[:2]] == ["czj", "tjj"]


def test_a_phrase_every_department_has_finds_all_three(page):
    results = search(page, EVERYWHERE)
    assert {department_of(r, page.address) for r in results} == set(NAMES)
    counts = page.eval_on_selector_all("fieldset:first-of-type label", "nodes => nodes.map(n => n.textContent)")
    assert sorted(counts) == sorted(f"{name}（2）" for name in NAMES.values())
    # the 部门 filter narrows to one department
    only = search(page, EVERYWHERE, "&部门=" + NAMES["tjj"])
    assert {department_of(r, page.address) for r in only} == {"tjj"}


def test_an_exact_title_finds_the_page_and_another_departments_page_citing_it(page):
    results = search(page, CZJ_TITLE)
    assert department_of(results[0], page.address) == "czj" and "完全匹配" in results[0]["text"]
    assert department_of(results[1], page.address) == "tjj" and "引用了该文件" in results[1]["text"]


def test_newest_first_runs_across_departments(page):
    page.goto(f"{page.address}search/?sort=date")
    page.locator("html[data-search-ready=true]").wait_for(state="attached", timeout=GUARD_MS)
    page.locator("#search-results-list li").first.wait_for(timeout=GUARD_MS)
    results = page.eval_on_selector_all("#search-results-list li.result", """items => items.map(li => [
        li.querySelector('a').getAttribute('href'), (li.innerText.match(/发布日期：(\\d{4}-\\d{2}-\\d{2})/) || [])[1]])""")
    dated = [(href.removeprefix(page.address).split("/")[0], date) for href, date in results if date]
    assert len(results) == 10 and [d for _s, d in dated] == sorted((d for _s, d in dated), reverse=True)
    documents = [(slug, date) for slug, date in dated if date.startswith("2024-12")]
    # departments interleaved by date: 统计局's newest document, then 财政局's, then the three 12-06 ones
    assert documents[:2] == [("tjj", "2024-12-11"), ("czj", "2024-12-10")]


@pytest.mark.parametrize("path", ["", f"search/?q={EVERYWHERE}", "no/such/page/"])
def test_the_portal_pages_have_no_wcag_21_aa_violations(browser_and_address, path):
    from a11y import WCAG_21_AA, axe_violations
    browser, address = browser_and_address
    page = browser.new_context(bypass_csp=True).new_page()  # axe-core is injected as an inline script
    page.goto(address + path)
    if path.startswith("search/"):
        page.locator("#search-results-list li").first.wait_for(timeout=GUARD_MS)
    assert axe_violations(page, WCAG_21_AA) == []
