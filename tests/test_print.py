"""Printing, in real Chromium: navigation hidden, where links lead written out, tables inside the page
width, black on white whatever the screen's display settings. PDFs are kept in tests/artifacts/."""

import pytest
from a11y import build_demo, display_context, open_page

from browser import ARTIFACTS, chromium, serve

A4_WIDTH = 718  # CSS px of an A4 page inside Chromium's default margins
HIDDEN_ON_PAPER = (".skip-link", ".site-nav", ".search-form", ".breadcrumbs", ".display-toolbar", ".site-footer")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    site = build_demo(tmp_path_factory.mktemp("print") / "site")
    with serve(site) as base, chromium() as browser:
        context = display_context(browser, {"size": 4, "contrast": True}, site,
                                  viewport={"width": A4_WIDTH, "height": 1000})
        yield base, context
        context.close()


def printed(context, url):
    page = open_page(context, url)
    page.emulate_media(media="print")
    return page


@pytest.mark.parametrize("path", ["documents/2024/project-approval-service-guide/", "reports/2024/", "catalogue/",
                                  "columns/04/04-02/"])
def test_on_paper_navigation_is_hidden_and_tables_fit_the_page(demo, path):
    base, context = demo
    page = printed(context, base + path)
    for selector in HIDDEN_ON_PAPER:
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    assert page.locator("main").is_visible()
    too_wide = page.evaluate("""width => [...document.querySelectorAll('main table')]
        .filter(t => t.getBoundingClientRect().right > width + 1).map(t => t.id || t.className)""", A4_WIDTH)
    assert too_wide == []
    assert page.evaluate("document.documentElement.scrollWidth") <= A4_WIDTH
    # black on white, although the screen showed 200% text in high contrast
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "16px"
    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / f"print-{path.strip('/').replace('/', '-')}.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.stat().st_size > 10_000
    page.close()


def test_links_show_where_they_lead(demo):
    base, context = demo
    page = printed(context, base + "documents/2024/project-approval-service-guide/")
    attachment = page.locator(".attachments a").first
    after = attachment.evaluate("e => getComputedStyle(e, '::after').content")
    assert after.startswith('"（' + base) and after.endswith('.pdf）"')
    assert "附件1" in after  # the address is readable, not percent-encoded
    inside = page.locator("main a[href^='../']").first  # a link within the site, written relative
    assert inside.evaluate("e => getComputedStyle(e, '::after').content").startswith('"（' + base)
    page.close()


def test_folded_sections_are_printed_open(demo):
    base, context = demo
    page = printed(context, base + "columns/03/03-01/")
    requirements = page.locator(".catalogue-item dl")
    assert page.locator(".catalogue-item").get_attribute("open") is None  # closed on screen
    assert requirements.evaluate("e => e.checkVisibility()")
    assert "公开时限" in requirements.inner_text()
    page.close()


def test_report_tables_repeat_their_header_rows_and_keep_rows_whole(demo):
    base, context = demo
    page = printed(context, base + "reports/2024/")
    assert page.locator("#table-3 thead").evaluate("e => getComputedStyle(e).display") == "table-header-group"
    assert page.locator("#table-3 tbody tr").first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    page.close()
