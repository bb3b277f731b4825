"""Screenshots of the home page and a document page at 1280 px and 375 px, kept in tests/artifacts/
for review, taken in real Chromium from a server that hosts the site under a sub-path."""

import pytest

from browser import ARTIFACTS, chromium, serve

WIDTHS = (1280, 375)
PAGES = {"home": "", "document": "documents/2024/fee-rules/"}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from golden import build_fixture
    site = tmp_path_factory.mktemp("screens") / "site"
    build_fixture(site)
    with serve(site) as base:
        yield base


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_screenshot_and_no_horizontal_scroll(served, name, width):
    ARTIFACTS.mkdir(exist_ok=True)
    with chromium() as browser:
        page = browser.new_page(viewport={"width": width, "height": 900})
        failed = []
        page.on("requestfailed", lambda request: failed.append(request.url))
        response = page.goto(served + PAGES[name])
        assert response.status == 200
        assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith("system-ui")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.locator("h1").count() == 1
        path = ARTIFACTS / f"{name}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
        assert failed == []


def test_sub_path_navigation_and_not_found_page(served):
    with chromium() as browser:
        page = browser.new_page()
        page.goto(served)
        page.get_by_role("link", name="法定主动公开内容").first.click()
        assert page.url == served + "columns/"
        page.get_by_role("link", name="法规文件").first.click()
        page.get_by_role("link", name="测试市测试局关于规范收费管理的通知", exact=True).click()
        assert page.url == served + "documents/2024/fee-rules/"
        # the stylesheet loaded through a relative link (the locator waits for the header to be there)
        assert page.locator(".site-header").evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
        response = page.goto(served + "no/such/page/")
        assert response.status == 404
        assert page.locator("h1").inner_text() == "页面不存在"


def test_every_page_type_reflows_at_320_px(served):
    paths = ["", "guide/", "rules/", "rules/confidentiality-review/", "columns/", "columns/01/", "columns/01/01-01/",
             "documents/2024/fee-rules/", "reports/", "reports/2024/", "catalogue/", "search/"]
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 320, "height": 640})
        for path in paths:
            page.goto(served + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
