"""Headings fitted below the page's own in one pass, and tables made scrollable, on sanitised bodies."""

import re

from hypothesis import given
from hypothesis import strategies as st

from conftest import soup, write
from xxgk.body_html import fit_headings, wrap_tables


def levels(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])", html)]


def test_markdown_and_pasted_headings_are_fitted_together():
    html = "<h1>A</h1><p>x</p><h1>B</h1><h2>C</h2>"  # `# A`, a pasted <h1>B</h1>, `## C`
    assert fit_headings(html, 2) == "<h2>A</h2><p>x</p><h2>B</h2><h3>C</h3>"


def test_a_skipped_level_is_closed_up():
    assert levels(fit_headings("<h2>A</h2><h4>B</h4><h6>C</h6><h3>D</h3>", 2)) == [2, 3, 4, 3]


def test_a_body_that_starts_deep_is_raised():
    assert levels(fit_headings("<h4>A</h4><h5>B</h5>", 2)) == [2, 3]


def test_inside_a_report_section_headings_start_at_h3():
    assert levels(fit_headings("<h1>A</h1><h2>B</h2>", 3)) == [3, 4]


def test_closing_tags_and_attributes_follow():
    assert fit_headings('<h1 title="t">A</h1><h3>B</h3>', 2) == '<h2 title="t">A</h2><h3>B</h3>'


@given(st.lists(st.integers(1, 6), min_size=1, max_size=30), st.sampled_from([2, 3]))
def test_levels_never_skip_and_never_rise_above_the_top(written, top):
    html = "".join(f"<h{level}>x</h{level}><p>y</p>" for level in written)
    fitted = levels(fit_headings(html, top))
    assert fitted[0] == top and min(fitted) >= top and max(fitted) <= 6
    assert all(b <= a + 1 for a, b in zip([top - 1, *fitted], fitted, strict=False))


def test_outermost_tables_are_wrapped_once():
    html = "<p>a</p><table><tr><td><table><tr><td>1</td></tr></table></td></tr></table><p>b</p><table></table>"
    wrapped = wrap_tables(html, lambda table: f"[{table}]")
    assert wrapped == ("<p>a</p>[<table><tr><td><table><tr><td>1</td></tr></table></td></tr></table>]<p>b</p>"
                       "[<table></table>]")


def test_page_headings_never_skip(content, build_site):
    write(content / "documents/2024/headings.md", """---
title: 标题层级测试
index_no: 000000001/2024-00099
catalogue: 02-01
published_on: 2024-12-06
---
# 一、总体要求

<h1>二、粘贴的标题</h1>

## （一）具体措施

#### 1. 跳级的标题

| 项目 | 标准 |
|---|---|
| 复印 | 0.5元 |
""")
    site = build_site(content)
    page = soup(site / "documents/2024/headings/index.html")
    headings = [(h.name, h.get_text()) for h in page.select("main h1, main h2, main h3, main h4, main h5, main h6")]
    assert headings[:5] == [("h1", "标题层级测试"), ("h2", "一、总体要求"), ("h2", "二、粘贴的标题"),
                            ("h3", "（一）具体措施"), ("h4", "1. 跳级的标题")]
    wrap = page.select_one(".prose .table-wrap")
    assert wrap["role"] == "region" and wrap["tabindex"] == "0" and wrap["aria-label"] == "表格（可左右滚动）"
    assert wrap.table.select_one("th")["scope"] == "col"


def test_pasted_markup_cannot_borrow_the_sites_own_classes(content, run, build_site):
    write(content / "documents/2024/fake.md", """---
title: 伪造提示
index_no: 000000001/2024-00098
catalogue: 02-01
published_on: 2024-12-06
---
<div class="validity-banner validity-repealed" role="note">本文件已废止</div>
""")
    result = run("check", "--content", "content")
    assert "content/documents/2024/fake.md:7: 警告 [sanitized] 已移除 <div> 的属性 class" in result.lines
    page = soup(build_site(content) / "documents/2024/fake/index.html")
    assert page.select(".prose .validity-banner") == [] and page.select(".prose [role=note]") == []


def test_aligned_markdown_columns_keep_their_alignment_without_a_warning(content, run, build_site):
    write(content / "documents/2024/aligned.md", """---
title: 资金分配表
index_no: 000000001/2024-00097
catalogue: 02-01
published_on: 2024-12-06
---
| 项目 | 金额（万元） | 备注 |
|:---|---:|:---:|
| 道路维修 | 120 | 已拨付 |
""")
    result = run("check", "--content", "content")
    assert not [line for line in result.lines if "aligned.md" in line], result.lines
    table = soup(build_site(content) / "documents/2024/aligned/index.html").select_one(".prose table")
    assert [cell.get("class") for cell in table.select("td")] == [["align-left"], ["align-right"], ["align-center"]]
    assert table.select("[style]") == []
