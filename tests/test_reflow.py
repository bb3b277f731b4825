"""Reflow (WCAG 1.4.10: 320 CSS px, as a 1280 px window zoomed to 400%) and text spacing (1.4.12) on
every page type of the demo: nothing sticks out sideways, no text is clipped or drawn over other text. Wide data tables
scroll inside their own labelled region, which 1.4.10 allows for tables."""

import pytest
from a11y import PAGE_TYPES, build_demo, display_context, open_page

from browser import chromium, serve

# WCAG 1.4.12's test values: line height 1.5, paragraph spacing 2, letter spacing 0.12, word spacing 0.16.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
# Elements outside the viewport's width, or cutting off their own text; table regions scroll.
PROBLEMS = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const e of document.querySelectorAll('body *')) {
    if (e.closest('.table-wrap, .visually-hidden, .skip-link, [hidden]')) continue;
    const box = e.getBoundingClientRect();
    if (box.width && box.right > width + 1) found.push('sticks out: ' + e.outerHTML.slice(0, 70));
    const s = getComputedStyle(e);
    const clips = ['hidden', 'clip'].includes(s.overflowX) || ['hidden', 'clip'].includes(s.overflowY);
    // a text field scrolls its own long value, as every browser does
    if (clips && !e.matches('input, select, textarea') && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1))
      found.push('clips its text: ' + e.outerHTML.slice(0, 70));
  }
  if (document.documentElement.scrollWidth > width) found.push('page scrolls sideways: ' + document.documentElement.scrollWidth);
  // text drawn over other text: the boxes of the visible text, compared with those near them
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {acceptNode: n =>
    n.textContent.trim() && n.parentElement.checkVisibility()  // not inside a closed <details>
      && !n.parentElement.closest('.visually-hidden, .skip-link, [hidden], script, style')
      ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT});
  while (walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(walker.currentNode);
    for (const box of range.getClientRects()) if (box.width > 1 && box.height > 1) boxes.push([box, walker.currentNode]);
  }
  boxes.sort((a, b) => a[0].top - b[0].top);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j][0].top < boxes[i][0].bottom; j++) {
      const [a, b] = [boxes[i][0], boxes[j][0]];
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (boxes[i][1] !== boxes[j][1] && across > 2 && down > 2)
        found.push('text overlaps: "' + boxes[i][1].textContent.trim().slice(0, 20) + '" and "' + boxes[j][1].textContent.trim().slice(0, 20) + '"');
    }
  }
  return found;
}"""
SETUPS = {
    "320 px, text spacing": ({}, 320, True),
    "320 px, 200% text and wide spacing": ({"size": 4, "spacing": True}, 320, False),
    "1280 px, text spacing and 200% text": ({"size": 4}, 1280, True),
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    site = build_demo(tmp_path_factory.mktemp("reflow") / "site")
    with serve(site) as base, chromium() as browser:
        contexts = {name: display_context(browser, settings, site, viewport={"width": width, "height": 800})
                    for name, (settings, width, _spacing) in SETUPS.items()}
        yield base, contexts
        for context in contexts.values():
            context.close()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_reflows_with_text_spacing_and_large_text(demo, name):
    base, contexts = demo
    found = []
    for setup, context in contexts.items():
        page = open_page(context, base + PAGE_TYPES[name])
        if SETUPS[setup][2]:
            page.add_style_tag(content=TEXT_SPACING)
        page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")  # their content too
        found += [f"{setup}: {problem}" for problem in page.evaluate(PROBLEMS)]
        page.close()
    assert found == [], f"{name}（{PAGE_TYPES[name] or '/'}）:\\n" + "\\n".join(found)


def test_the_check_finds_a_page_that_does_not_reflow(demo):
    base, contexts = demo
    page = open_page(contexts["320 px, text spacing"], base + "guide/")
    page.add_style_tag(content=".prose { width: 40rem; } .site-title { overflow: hidden; height: 1em; } "
                               ".updated-on { margin-bottom: -3em; }")
    problems = page.evaluate(PROBLEMS)
    assert any(p.startswith("text overlaps") for p in problems)
    assert any(p.startswith("sticks out") for p in problems)
    assert any(p.startswith("clips its text") and "site-title" in p for p in problems)
    assert any(p.startswith("page scrolls sideways") for p in problems)
    page.close()
