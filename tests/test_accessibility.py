"""WCAG 2.1 A/AA with axe-core in real Chromium, on every page type of the demo, in the default display
and in every mode of the display toolbar; 7:1 contrast in the high-contrast mode."""

import pytest
from a11y import DISPLAY_MODES, PAGE_TYPES, WCAG_21_AA, axe_violations, build_demo, display_context, open_page

from browser import chromium, serve


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_demo(tmp_path_factory.mktemp("a11y") / "site")


@pytest.fixture(scope="module")
def demo(site):
    with serve(site) as base:
        yield base


@pytest.fixture(scope="module")
def contexts(site):
    with chromium() as browser:
        made = {mode: display_context(browser, settings, site) for mode, settings in DISPLAY_MODES.items()}
        yield made
        for context in made.values():
            context.close()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_wcag_21_aa_violations_in_any_display_mode(demo, contexts, name):
    found = []
    for mode, context in contexts.items():
        page = open_page(context, demo + PAGE_TYPES[name])
        assert page.evaluate("document.documentElement.dataset.textSize") == str(DISPLAY_MODES[mode].get("size", 0))
        # the high-contrast mode promises 7:1, WCAG's enhanced level
        extra = ("color-contrast-enhanced",) if DISPLAY_MODES[mode].get("contrast") else ()
        found += [f"{mode}: {line}" for line in axe_violations(page, WCAG_21_AA, extra)]
        page.close()
    assert found == [], f"{name}（{PAGE_TYPES[name] or '/'}）:\n" + "\n".join(found)


def test_axe_reports_what_it_should(demo, contexts):
    """The check can fail: a page with a missing label and poor contrast is reported."""
    page = open_page(contexts["默认"], demo + "guide/")
    page.evaluate("""() => {
        const input = document.createElement('input'); document.querySelector('main').append(input);
        const p = document.createElement('p'); p.textContent = '浅灰色文字'; p.style.color = '#bbbbbb';
        document.querySelector('main').append(p);
    }""")
    rules = {line.split("（")[0] for line in axe_violations(page, WCAG_21_AA)}
    assert rules == {"label", "color-contrast"}
    page.close()
