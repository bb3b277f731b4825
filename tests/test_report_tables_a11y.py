"""The annual report's tables announce their row and column headers: checked on sample cells through
Chromium's own accessibility tree (the DevTools protocol), not through the HTML."""

import pytest
from a11y import build_demo, open_page

from browser import chromium, serve

# A sample of cells: selector -> (column headers, row headers) a screen reader should announce.
SAMPLES = {
    # 二、主动公开政府信息情况: 第二十条第（一）项 / 行政规范性文件 / 本年制发件数
    "#t2-normative + td": (["第二十条第（一）项", "本年制发件数"], ["行政规范性文件"]),
    # 第二十条第（六）项 / 行政强制 / 本年处理决定数量
    "#t2-enforcement + td": (["第二十条第（六）项", "本年处理决定数量"], ["行政强制"]),
    # 三、收到和处理政府信息公开申请情况: 不予公开 / 属于国家秘密 / 法人或其他组织 / 商业企业
    "td[headers~='t3-r-withheld-state-secret'][headers~='t3-c1']":
        (["申请人情况", "法人或其他组织", "商业企业"], ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"]),
    # 自然人 / 本年新收政府信息公开申请数量
    "td[headers~='t3-r-new-received'][headers~='t3-c0']": (["申请人情况", "自然人"], ["一、本年新收政府信息公开申请数量"]),
    # 四、行政复议、行政诉讼: 行政诉讼 / 复议后起诉 / 结果纠正
    "td[headers='t4-lawsuit t4-after t4-after-1']": (["行政诉讼", "复议后起诉", "结果纠正"], []),
}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    site = build_demo(tmp_path_factory.mktemp("report-ax") / "site")
    with serve(site) as base, chromium() as browser:
        page = open_page(browser.new_context(), base + "reports/2024/")
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.getDocument", {"depth": -1})
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
        yield page, cdp, {n["backendDOMNodeId"]: n for n in nodes if "backendDOMNodeId" in n}


def ax_node(cdp, tree, selector: str) -> dict:
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node_id = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node_id, selector
    return tree[cdp.send("DOM.describeNode", {"nodeId": node_id})["node"]["backendNodeId"]]


def role_and_name(node: dict) -> tuple[str, str]:
    return node["role"]["value"], node.get("name", {}).get("value", "")


@pytest.mark.parametrize("selector", SAMPLES)
def test_sample_cells_announce_their_headers(report, selector):
    page, cdp, tree = report
    columns, rows = SAMPLES[selector]
    assert role_and_name(ax_node(cdp, tree, selector))[0] == "cell"
    announced = {"columnheader": [], "rowheader": []}
    for header_id in page.locator(selector).get_attribute("headers").split():
        role, name = role_and_name(ax_node(cdp, tree, f"#{header_id}"))
        announced[role].append(name)  # a KeyError here: the header is not a header in the tree
    assert sorted(announced["columnheader"]) == sorted(columns)
    assert sorted(announced["rowheader"]) == sorted(rows)


@pytest.mark.parametrize(("table", "caption"), [("table-2", "主动公开政府信息情况"),
                                                 ("table-3", "收到和处理政府信息公开申请情况"),
                                                 ("table-4", "政府信息公开行政复议、行政诉讼情况")])
def test_each_table_is_named_by_its_caption(report, table, caption):
    _page, cdp, tree = report
    role, name = role_and_name(ax_node(cdp, tree, f"#{table}"))
    assert role == "table" and caption in name
