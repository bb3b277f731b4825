"""Keyboard use in real Chromium: the focus order of a page and a visible focus indicator everywhere."""

import pytest
from a11y import build_demo, open_page

from browser import chromium, serve

# Where the focused element is, in the order the page must visit the regions.
REGION = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  if (e.matches('.skip-link')) return 'skip link';
  if (e.closest('header')) return 'header';
  if (e.closest('nav.site-nav')) return 'navigation';
  if (e.closest('nav.breadcrumbs')) return 'breadcrumbs';
  if (e.closest('main')) return 'main';
  if (e.closest('footer')) return 'footer';
  return 'elsewhere: ' + e.outerHTML.slice(0, 80);
}"""
# What shows the focus: an outline of at least 2 px, or a box shadow.
INDICATOR = """() => {
  const s = getComputedStyle(document.activeElement);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
  const shadow = s.boxShadow !== 'none';
  const box = document.activeElement.getBoundingClientRect();
  return {visible: outline || shadow, onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0,
          what: document.activeElement.outerHTML.slice(0, 80)};
}"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    site = build_demo(tmp_path_factory.mktemp("keyboard") / "site")
    with serve(site) as base, chromium() as browser:
        context = browser.new_context()
        yield base, context
        context.close()


def tab_through(page, limit: int = 400) -> list[tuple[str, dict]]:
    """Press Tab from the top of the page until the focus leaves it; what got the focus, in order."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        region = page.evaluate(REGION)
        if region is None:
            break
        visited.append((region, page.evaluate(INDICATOR)))
    return visited


def regions_in_order(visited) -> list[str]:
    order = []
    for region, _indicator in visited:
        if not order or order[-1] != region:
            order.append(region)
    return order


@pytest.mark.parametrize(("path", "expected"), [
    ("", ["skip link", "header", "navigation", "main", "footer"]),
    ("documents/2026/credit-repair-measures/", ["skip link", "header", "navigation", "breadcrumbs", "main", "footer"]),
])
def test_focus_order_and_a_visible_indicator_on_every_stop(demo, path, expected):
    base, context = demo
    page = open_page(context, base + path)
    visited = tab_through(page)
    assert regions_in_order(visited) == expected
    assert len(visited) > 15
    hidden = [indicator["what"] for _region, indicator in visited if not (indicator["visible"] and indicator["onScreen"])]
    assert hidden == []
    page.close()


def test_the_header_offers_search_and_the_display_toolbar_before_the_navigation(demo):
    base, context = demo
    page = open_page(context, base)
    names = []
    for _ in range(12):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.textContent.trim() || document.activeElement.id"))
    assert names[:1] == ["跳到正文"]
    assert names.index("site-search") < names.index("放大字号") < names.index("恢复默认")
    page.close()


def test_the_skip_link_shows_when_focused_and_moves_the_focus_to_the_main_content(demo):
    base, context = demo
    page = open_page(context, base + "rules/")  # a page whose main content has links to reach
    page.keyboard.press("Tab")
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0 and box["height"] > 10  # on screen, not just in the accessibility tree
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")
    page.close()
