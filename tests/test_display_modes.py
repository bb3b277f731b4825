"""The display toolbar (适老化/无障碍) in real Chromium: larger text to 200%, high contrast, wider line
spacing and reset, by keyboard; remembered across pages; harmless without JavaScript; the system's
contrast and motion preferences; nothing hidden, nothing moving, no pop-ups. Screenshots of a
document page in each mode are kept in tests/artifacts/ for review."""

import pytest
from a11y import ALL_MODES_AT_ONCE, DISPLAY_MODES, axe_rule_violations, build_demo, display_context, open_page

from browser import ARTIFACTS, chromium, serve

DOCUMENT = "documents/2026/credit-repair-measures/"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    site = build_demo(tmp_path_factory.mktemp("display") / "site")
    with serve(site) as base, chromium() as browser:
        yield base, browser


def root_font_px(page) -> float:
    return float(page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)"))


def press(page, label: str) -> None:
    """Reach a toolbar button with Tab and press it with Enter, as a keyboard user does."""
    for _ in range(30):
        if page.evaluate("document.activeElement.textContent.trim()") == label:
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError(f"no button {label} within reach of the keyboard")
    page.keyboard.press("Enter")


def test_larger_text_in_four_steps_to_200_percent_and_back_by_keyboard(demo):
    base, browser = demo
    context = browser.new_context()
    page = open_page(context, base + DOCUMENT)
    assert root_font_px(page) == 16
    sizes = []
    for _ in range(5):  # the fifth press is refused, and the focus stays on the button
        press(page, "放大字号")
        sizes.append(root_font_px(page))
    assert sizes == [20, 24, 28, 32, 32]
    assert page.evaluate("document.activeElement.textContent") == "放大字号"
    assert page.locator("[data-display=larger]").get_attribute("aria-disabled") == "true"
    assert page.locator(".display-status").inner_text() == "字号 200%，已是最大"
    assert page.locator(".display-status").get_attribute("role") == "status"
    press(page, "缩小字号")
    assert root_font_px(page) == 28
    press(page, "恢复默认")
    assert root_font_px(page) == 16
    assert page.locator(".display-status").inner_text() == "已恢复默认显示"
    context.close()


def test_high_contrast_and_wide_spacing_are_toggles_that_say_whether_they_are_on(demo):
    base, browser = demo
    context = browser.new_context(bypass_csp=True)
    page = open_page(context, base + DOCUMENT)
    line_height = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).lineHeight)")
    press(page, "高对比度")
    button = page.locator("[data-display=contrast]")
    assert button.get_attribute("aria-pressed") == "true"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(255, 255, 255)"
    assert axe_rule_violations(page, ["color-contrast-enhanced"]) == []  # 7:1 for all text
    press(page, "加大行距")
    assert page.locator("[data-display=spacing]").get_attribute("aria-pressed") == "true"
    wide = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).lineHeight)")
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert wide > line_height and wide >= 2 * font
    press(page, "高对比度")
    assert button.get_attribute("aria-pressed") == "false"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    context.close()


def test_settings_are_remembered_on_the_next_page(demo):
    base, browser = demo
    context = browser.new_context()
    page = open_page(context, base + DOCUMENT)
    press(page, "放大字号")
    press(page, "放大字号")
    press(page, "高对比度")
    page.goto(base + "guide/")
    assert root_font_px(page) == 24
    assert page.evaluate("document.documentElement.dataset.contrast") == "high"
    assert page.locator("[data-display=contrast]").get_attribute("aria-pressed") == "true"
    context.close()


def test_without_javascript_the_toolbar_is_hidden_and_the_page_is_whole(demo):
    base, browser = demo
    with_js = browser.new_context()
    without_js = browser.new_context(java_script_enabled=False)
    page, bare = open_page(with_js, base + DOCUMENT), without_js.new_page()
    bare.goto(base + DOCUMENT)
    assert page.locator("#display-toolbar").is_visible()
    assert bare.locator("#display-toolbar").is_hidden()
    assert bare.locator("main").inner_text() == page.locator("main").inner_text()
    assert root_font_px(bare) == 16
    with_js.close()
    without_js.close()


def test_the_systems_more_contrast_setting_applies_until_the_visitor_chooses(demo):
    base, browser = demo
    context = browser.new_context(contrast="more")
    page = open_page(context, base + DOCUMENT)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    assert page.locator("[data-display=contrast]").get_attribute("aria-pressed") == "true"
    press(page, "高对比度")  # the visitor turns it off: that choice wins over the system's
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    page.goto(base + "guide/")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    context.close()


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_nothing_moves_and_nothing_pops_up(demo, motion):
    base, browser = demo
    context = browser.new_context(reduced_motion=motion)
    popups, dialogs = [], []
    for path in ("", DOCUMENT, "search/?q=价格", "reports/2024/"):
        page = open_page(context, base + path)
        page.on("popup", lambda new: popups.append(new.url))
        page.on("dialog", lambda dialog: dialogs.append(dialog.message))
        press(page, "放大字号")
        press(page, "高对比度")
        moving = page.evaluate("""() => [...document.querySelectorAll('*')].filter(e => {
            const s = getComputedStyle(e);
            return s.animationName !== 'none' || s.transitionDuration.split(',').some(d => parseFloat(d) > 0);
        }).map(e => e.tagName)""")
        assert moving == [], path
        assert page.locator("a[target], marquee, blink, dialog, [role=dialog], [role=alertdialog]").count() == 0
        press(page, "恢复默认")
        page.close()
    assert popups == [] and dialogs == []
    context.close()


def test_no_display_mode_hides_content_even_on_a_narrow_screen(demo):
    base, browser = demo
    normal = open_page(browser.new_context(), base + DOCUMENT).locator("main").inner_text()
    context = display_context(browser, ALL_MODES_AT_ONCE, viewport={"width": 320, "height": 640})
    page = open_page(context, base + DOCUMENT)
    assert root_font_px(page) == 32
    assert page.locator("main").inner_text() == normal
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.locator("#display-toolbar").is_visible()
    context.close()


@pytest.mark.parametrize("mode", [*DISPLAY_MODES, "全部开启"])
def test_screenshot_of_a_document_page_in_each_display_mode(demo, mode):
    base, browser = demo
    settings = DISPLAY_MODES.get(mode, ALL_MODES_AT_ONCE)
    context = display_context(browser, settings, viewport={"width": 1280, "height": 900})
    page = open_page(context, base + DOCUMENT)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"display-{mode.replace(' ', '-').replace('%', '')}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 20_000
    context.close()
