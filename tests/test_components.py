"""Each template component, rendered from its named examples (templates/components/<name>/examples.yaml)
and checked against its parameters' schema (params.schema.json beside them)."""

import re

import jsonschema
import pytest
from bs4 import BeautifulSoup
from components import COMPONENTS, examples, params_schema, render_example

from conftest import texts
from xxgk.render import make_environment
from xxgk.resources import TEMPLATE_DIR


def render(component: str, example: str) -> BeautifulSoup:
    return BeautifulSoup(render_example(component, example), "html.parser")


@pytest.mark.parametrize("component", COMPONENTS)
def test_every_example_renders(component):
    assert examples(component), f"{component} has no examples"
    for example in examples(component):
        render(component, example["name"])


@pytest.mark.parametrize("component", COMPONENTS)
def test_every_example_matches_the_parameters_schema(component):
    schema = params_schema(component)
    jsonschema.validators.validator_for(schema).check_schema(schema)
    for example in examples(component):
        jsonschema.validate(example["params"], schema)


PARAMETER = re.compile(r"params(?:\.([a-z_]+)|\[\"([a-z_]+)\"\])")


@pytest.mark.parametrize("component", COMPONENTS)
def test_the_macro_uses_only_declared_parameters(component):
    macro = re.sub(r"\{#.*?#\}", "", (TEMPLATE_DIR / "components" / component / "macro.html").read_text(encoding="utf-8"),
                   flags=re.S)  # comments say what the parameters are; the code is what uses them
    used = {a or b for a, b in PARAMETER.findall(macro)}
    declared = set(params_schema(component)["properties"])
    assert used - declared == set(), f"{component}/macro.html uses parameters its schema does not declare"
    assert used, f"{component}/macro.html reads no parameter"


def test_the_schema_catches_a_wrong_example():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"caption": "文件信息", "rows": [{"label": "索引号"}]}, params_schema("metadata-table"))


def test_table_wrap_names_its_region_and_takes_the_focus():
    labelled = render("table-wrap", "labelled-by-caption").div
    assert labelled["role"] == "region" and labelled["tabindex"] == "0"
    assert labelled["aria-labelledby"] == "fees-caption" and labelled.table.caption["id"] == "fees-caption"
    named = render("table-wrap", "named-region").div
    assert named["aria-label"] == "表格（可左右滚动）" and named.table is not None


def test_components_have_examples():
    assert {"breadcrumbs", "pagination", "metadata-table", "validity-banner", "document-list", "attachment-list",
            "search-form", "related-links"} <= set(COMPONENTS)


def test_breadcrumbs_mark_the_current_page():
    html = render("breadcrumbs", "document")
    assert html.nav["aria-label"] == "当前位置"
    assert texts(html.select("li")) == ["政府信息公开", "法定主动公开内容", "法规文件", "关于规范收费管理的通知"]
    assert html.select("li")[-1].span["aria-current"] == "page"
    assert len(html.select("a")) == 3


def test_pagination_announces_pages_and_current():
    html = render("pagination", "middle")
    assert html.nav["aria-label"] == "分页"
    current = html.select_one("[aria-current=page]")
    assert current.get_text() == "第 2 页（当前页）"
    assert html.select_one("[rel=prev]").get_text() == "上一页（第 1 页）"
    assert html.select_one("[rel=next]")["href"] == "../3/"


def test_pagination_hidden_for_a_single_page():
    assert render("pagination", "single-page").get_text().strip() == ""


def test_metadata_table_uses_row_headers_and_escapes_text():
    html = render("metadata-table", "normative")
    assert html.table.caption.get_text() == "文件信息"
    assert [th["scope"] for th in html.select("th")] == ["row", "row", "row"]
    assert html.select_one("a")["href"] == "../../../columns/01/01-01/"


def test_validity_banner_states():
    repealed = render("validity-banner", "repealed")
    assert " ".join(repealed.get_text(" ", strip=True).split()) == "本文件已废止 废止日期：2025-06-30。 现行文件： 关于新收费标准的通知"
    assert repealed.div["role"] == "note" and "validity-repealed" in repealed.div["class"]
    expired = render("validity-banner", "expired-automatically")
    assert "本文件有效期至 2024-12-31，已过有效期，自动标注为失效。" in expired.get_text()
    amended = render("validity-banner", "amended")
    assert amended.select_one(".validity-banner-title").get_text() == "本文件已被修改"


def test_document_list_and_empty_state():
    html = render("document-list", "two-documents")
    assert texts(html.select("li a")) == ["关于规范收费管理的通知", "2024年部门预算"]
    assert html.select_one("time")["datetime"] == "2024-03-12"
    assert texts(html.select(".badge")) == ["有效"]
    assert render("document-list", "empty").get_text(strip=True) == "本栏目暂无公开信息。"


def test_attachment_list_shows_type_and_size():
    html = render("attachment-list", "two-files")
    assert texts(html.select("li")) == ["收费目录 （PDF，12.0 KB）", "申报表 （Excel，8.1 KB）"]
    assert html.section["aria-labelledby"] == "attachments-heading"


def test_search_form_is_labelled():
    html = render("search-form", "header")
    assert html.form["role"] == "search" and html.form["action"] == "../search/"
    assert html.label["for"] == html.input["id"] == "site-search"
    assert html.input["name"] == "q"


def test_related_links_leave_out_empty_groups():
    html = render("related-links", "policy-with-interpretation")
    assert texts(html.select("h3")) == ["政策解读"]


def test_text_is_escaped():
    env = make_environment()
    template = env.from_string('{% from "components/document-list/macro.html" import document_list %}'
                               "{{ document_list(params) }}")
    out = template.render(params={"items": [{"title": "<script>alert(1)</script>", "href": "x/", "date": "2024-01-01",
                                             "label": None, "validity": None}], "empty": ""})
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_missing_parameter_fails_loudly():
    import jinja2
    env = make_environment()
    template = env.from_string('{% from "components/search-form/macro.html" import search_form %}{{ search_form({}) }}')
    with pytest.raises(jinja2.UndefinedError):
        template.render()


def test_component_folders_are_complete():
    for component in COMPONENTS:
        for name in ("macro.html", "examples.yaml", "params.schema.json"):
            assert (TEMPLATE_DIR / "components" / component / name).is_file(), f"{component}/{name}"
