"""WCAG 2.1 A/AA with axe-core in real Chromium, on every page type of the demo, in the default display,
in every mode of the display toolbar and with the system's more-contrast setting; 7:1 contrast in the
high-contrast modes; every kind of control keeps its contrast and a visible indicator when focused."""

import pytest
from a11y import (
    DISPLAY_MODES,
    PAGE_TYPES,
    SYSTEM_HIGH_CONTRAST,
    WCAG_21_AA,
    axe_rule_violations,
    axe_violations,
    build_demo,
    display_context,
    open_page,
)

from browser import chromium, serve

SYSTEM_MODE = "系统高对比度（prefers-contrast: more）"
MODES = [*DISPLAY_MODES, SYSTEM_MODE]


def high_contrast(mode: str) -> bool:
    return mode == SYSTEM_MODE or bool(DISPLAY_MODES[mode].get("contrast"))


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
        made[SYSTEM_MODE] = display_context(browser, {}, site, **SYSTEM_HIGH_CONTRAST)
        yield made
        for context in made.values():
            context.close()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_no_wcag_21_aa_violations_in_any_display_mode(demo, contexts, name):
    found = []
    for mode in MODES:
        page = open_page(contexts[mode], demo + PAGE_TYPES[name])
        assert page.evaluate("document.documentElement.dataset.textSize") == str(DISPLAY_MODES.get(mode, {}).get("size", 0))
        if "search/" in PAGE_TYPES[name]:
            assert page.locator("#search-results-list li").count() > 0  # checked with its results shown
        # the high-contrast modes promise 7:1, WCAG's enhanced level
        extra = ("color-contrast-enhanced",) if high_contrast(mode) else ()
        found += [f"{mode}: {line}" for line in axe_violations(page, WCAG_21_AA, extra)]
        page.close()
    assert found == [], f"{name} ({PAGE_TYPES[name] or '/'}):\n" + "\n".join(found)


def test_every_kind_of_control_keeps_its_contrast_and_shows_its_focus_in_every_mode(demo, contexts):
    """Tab through the search page, which has every kind of control: links, the skip link, text boxes,
    buttons, a select, checkboxes. Each focused element is checked by axe and must show an indicator."""
    found = []
    for mode in MODES:
        page = open_page(contexts[mode], demo + "search/?q=价格")
        rules = ["color-contrast", *(["color-contrast-enhanced"] if high_contrast(mode) else [])]
        kinds = set()
        for _ in range(60):
            page.keyboard.press("Tab")
            focused = page.evaluate("""() => { const e = document.activeElement;
                if (e === document.body) return null;
                e.dataset.focusedForTest = 'yes';
                const s = getComputedStyle(e);
                return {kind: e.type || e.tagName.toLowerCase(), html: e.outerHTML.slice(0, 60),
                        indicator: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'};
            }""")
            if focused is None:
                break
            if not focused["indicator"]:
                found.append(f"{mode}: no visible focus indicator on {focused['html']}")
            if focused["kind"] not in kinds:  # axe on the first control of each kind
                kinds.add(focused["kind"])
                found += [f"{mode}, focused {focused['html']}: {line}"
                          for line in axe_rule_violations(page, rules, within="[data-focused-for-test]")]
            page.evaluate("document.activeElement.removeAttribute('data-focused-for-test')")
        assert {"a", "search", "submit", "button", "select-one", "checkbox"} <= kinds, (mode, kinds)
        page.close()
    assert found == [], "\n".join(found)


def test_axe_reports_what_it_should(demo, contexts):
    """The check can fail: a page with a missing label and poor contrast is reported."""
    page = open_page(contexts["默认"], demo + "guide/")
    page.evaluate("""() => {
        const input = document.createElement('input'); document.querySelector('main').append(input);
        const p = document.createElement('p'); p.textContent = '浅灰色文字'; p.style.color = '#bbbbbb';
        document.querySelector('main').append(p);
    }""")
    rules = {line.split(" ")[0] for line in axe_violations(page, WCAG_21_AA)}
    assert rules == {"label", "color-contrast"}
    page.close()
