"""What the accessibility tests share: the demo site built once, its page types, the display modes
of the toolbar, and axe-core (the pinned copy from tests/node, installed by tests/run.sh)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from xxgk.pipeline import build

REPO = Path(__file__).resolve().parent.parent
NODE = REPO / "tests" / "node" / "node_modules"
AXE = NODE / "axe-core" / "axe.min.js"
DEMO_TODAY = dt.date(2026, 11, 22)
DEMO_BASE_URL = "https://fgw.example.gov.cn/gk/"  # content/site.yaml
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Every page type of the demo (docs/accessibility.md lists the same).
PAGE_TYPES = {
    "首页": "",
    "政府信息公开指南": "guide/",
    "政府信息公开制度（列表）": "rules/",
    "政府信息公开制度（单篇）": "rules/application-procedure/",
    "法定主动公开内容": "columns/",
    **{f"子栏目 {n:02d}": f"columns/{n:02d}/" for n in range(1, 16)},
    "子栏目第 2 页": "columns/04/page/2/",
    "二级事项": "columns/01/01-01/",
    "二级事项第 2 页": "columns/04/04-02/page/2/",
    "文件：普通": "documents/2026/functions-and-structure-2026/",
    "文件：含表格": "documents/2026/price-monitoring-2026-08/",
    "文件：含附件": "documents/2024/project-approval-service-guide/",
    "规范性文件：有效": "documents/2026/credit-repair-measures/",
    "规范性文件：失效": "documents/2023/project-preparation-fund-interim-measures/",
    "规范性文件：废止": "documents/2023/pricing-cost-audit-measures-2023/",
    "规范性文件：已修改": "documents/2023/water-tiered-price-measures/",
    "政策解读": "documents/2026/credit-repair-measures-interpretation/",
    "标准目录": "catalogue/",
    "规范性文件库": "normative/",
    "规范性文件库：废止": "normative/repealed/",
    "依申请公开": "apply/",
    "政府信息公开申请表": "apply/form/",
    "征求意见（列表）": "consultations/",
    "征求意见稿（正在征求意见）": "documents/2026/heating-price-hearing-draft/",
    "许可处罚公示": "records/",
    "行政处罚公示（列表）": "records/penalties/",
    "行政许可公示（按年份）": "records/licences/2026/",
    "行政处罚公示（单条，自然人）": "records/penalties/959a1725ae56/",
    "年度报告（列表）": "reports/",
    **{f"{year} 年度报告": f"reports/{year}/" for year in (2023, 2024, 2025)},
    "搜索结果（全文）": "search/?q=价格监测",
    "搜索结果（文号完全匹配）": "search/?q=示发改规〔2025〕1号",
    "自查报告": "inspection/",
    "404": "no/such/page/",
}
NOT_FOUND = PAGE_TYPES["404"]

# The display toolbar's settings, as display.js keeps them in localStorage.
DISPLAY_MODES = {
    "默认": {},
    "大字号 200%": {"size": 4},
    "高对比度": {"contrast": True},
    "加大行距": {"spacing": True},
}
ALL_MODES_AT_ONCE = {"size": 4, "contrast": True, "spacing": True}
# The system's own setting, with nothing chosen on the toolbar: a context option of the browser.
SYSTEM_HIGH_CONTRAST = {"contrast": "more"}


def build_demo(out: Path) -> Path:
    result = build(REPO / "content", out, DEMO_TODAY)
    assert result.written, [p.format() for p in result.check.problems.items]
    return out


def display_context(browser, settings: dict, site: Path | None = None, **options):
    """A browser context whose pages open with these display settings, as if chosen earlier. With `site`,
    the demo's own address (base_url, which the 404 page links to) is answered from that folder."""
    context = browser.new_context(bypass_csp=True, **options)  # axe is injected as a script
    context.add_init_script(f"localStorage.setItem('xxgk-display', {json.dumps(json.dumps(settings))})")
    if site is not None:
        def from_site(route):
            path = site / route.request.url.removeprefix(DEMO_BASE_URL).split("?")[0]
            route.fulfill(path=str(path / "index.html" if path.is_dir() else path))
        context.route(DEMO_BASE_URL + "**", from_site)
    return context


def open_page(context, url: str):
    """A new page at `url`, loaded (with search results, on the search page); the demo's pages must
    exist, so a renamed page fails here instead of being checked as the 404 page."""
    page = context.new_page()
    response = page.goto(url)
    assert response.status == (404 if url.endswith(NOT_FOUND) else 200), url
    if "/search/" in url:
        page.locator("html[data-search-ready=true]").wait_for(state="attached", timeout=20000)
    return page


def axe_violations(page, tags: list[str], extra_rules: tuple[str, ...] = (), within: str | None = None) -> list[str]:
    """axe-core's violations of the rules with these tags (and these extra rules), one line per rule."""
    return run_axe(page, {"runOnly": {"type": "tag", "values": tags},
                          "rules": {rule: {"enabled": True} for rule in extra_rules}}, within)


def axe_rule_violations(page, rules: list[str], within: str | None = None) -> list[str]:
    return run_axe(page, {"runOnly": {"type": "rule", "values": rules}}, within)


AXE_RUN = """async ([options, within]) => {
  const r = await axe.run(within ? document.querySelector(within) : document, options);
  const line = v => ({id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))});
  const undecided = r.incomplete.filter(v => v.id.startsWith('color-contrast'))
    .flatMap(v => v.nodes.map(n => ({rule: v.id, target: n.target[n.target.length - 1]})));
  return {violations: r.violations.map(line), undecided};
}"""
# For text axe cannot decide (a cell of a table that scrolls, a merged header cell it sees as
# overlapped): the contrast of the element's colour on the nearest background behind it.
CONTRAST = """selector => {
  const rgba = s => { const m = s.match(/[\\d.]+/g).map(Number); return {r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1}; };
  const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const e = document.querySelector(selector);
  let background = {r: 255, g: 255, b: 255, a: 1};
  for (let n = e; n; n = n.parentElement) {
    const c = rgba(getComputedStyle(n).backgroundColor);
    if (c.a > 0) { background = c; break; }
  }
  const [a, b] = [luminance(rgba(getComputedStyle(e).color)), luminance(background)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def run_axe(page, options: dict, within: str | None = None) -> list[str]:
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(AXE_RUN, [{**options, "resultTypes": ["violations", "incomplete"]}, within])
    found = [f"{v['id']} ({v['help']}): {', '.join(v['targets'])}" for v in result["violations"]]
    for node in result["undecided"]:
        needed = 7 if node["rule"] == "color-contrast-enhanced" else 4.5
        ratio = page.evaluate(CONTRAST, node["target"])
        if ratio < needed:
            found.append(f"{node['rule']} (axe could not decide; computed {ratio:.2f}:1, needs {needed}:1): {node['target']}")
    return found
