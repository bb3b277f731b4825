"""A department's template overrides are untrusted content: they run in Jinja2's sandbox, `check`
finds what a build would refuse, and every template failure is a message naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, tree, write

BREADCRUMBS = "templates/components/breadcrumbs/macro.html"
PROOF = Path("/tmp/xxgk-template-pwned")


def override(content: Path, extra: str) -> Path:
    """The product's breadcrumbs with `extra` added on a line of its own (line 2 of the file)."""
    base = (REPO / BREADCRUMBS).read_text(encoding="utf-8")
    return write(content / BREADCRUMBS, base.replace("\n", f"\n{extra}\n", 1))


@pytest.fixture(autouse=True)
def no_proof():
    PROOF.unlink(missing_ok=True)
    yield
    assert not PROOF.exists(), "a template ran a command on the build machine"


@pytest.mark.parametrize("escape", [
    '{{ cycler.__init__.__globals__.os.popen("touch /tmp/xxgk-template-pwned").read() }}',
    '{{ (cycler|attr("__init__")) }}',
    '{{ cycler["__init__"] }}',
])
def test_check_refuses_a_template_reaching_into_python(content, run, escape):
    override(content, escape)
    result = run("check", "--content", "content")
    assert result.code == 1
    assert any(line.startswith("content/templates/components/breadcrumbs/macro.html:2: 错误 [template] 模板不能访问以下划线开头的名称")
               for line in result.lines), result.lines


def test_what_only_shows_while_rendering_is_refused_by_the_sandbox_and_found_by_check(content, run, build_site):
    site = build_site(content)
    before = tree(site)
    override(content, '{% set name = "_" ~ "_init__" %}{{ cycler|attr(name) }}')  # no "_name" to see in the source
    for verb in ("check", "build"):
        result = run(verb, "--content", "content", *(("--out", "site") if verb == "build" else ()))
        assert result.code == 1
        assert any("content/templates/components/breadcrumbs/macro.html:2: 错误 [template] 模板试图使用不允许的功能"
                   in line for line in result.lines), result.lines
    assert tree(site) == before  # the published site is as it was


def test_a_syntax_error_is_reported_with_its_line_and_the_other_checks_still_run(content, run):
    override(content, "{% if %}")
    write(content / "documents/2024/broken.md", "---\ntitle: 缺少字段\n---\n正文\n")
    result = run("check", "--content", "content")
    assert result.code == 1
    assert any(line.startswith("content/templates/components/breadcrumbs/macro.html:2: 错误 [template] 模板语法错误")
               for line in result.lines), result.lines
    assert any("documents/2024/broken.md" in line for line in result.lines)


def test_a_template_error_while_rendering_names_the_file_and_line(content, run):
    override(content, "{{ no_such_value.text }}")
    assert run("check", "--content", "content").code == 1
    result = run("build", "--content", "content", "--out", "site")
    assert result.code == 1
    assert any(line.startswith("content/templates/components/breadcrumbs/macro.html:2: 错误 [template] 模板出错")
               and "no_such_value" in line for line in result.lines), result.lines
    assert "Traceback" not in result.out + result.err
    assert not Path("site").exists()


def test_a_working_override_is_used(content, build_site):
    base = (REPO / BREADCRUMBS).read_text(encoding="utf-8")
    write(content / BREADCRUMBS, base.replace("<nav", '<p class="own-note">本部门说明</p>\n<nav', 1))
    page = (build_site(content) / "guide/index.html").read_text(encoding="utf-8")
    assert '<p class="own-note">本部门说明</p>' in page


def test_check_renders_the_feeds_with_an_overriding_feed_template(content, run):
    write(content / "templates/feeds/atom.xml", "<feed>{{ site.no_such_field }}</feed>\n")
    result = run("check", "--content", "content")
    assert result.code == 1
    assert any(line.startswith("content/templates/feeds/atom.xml:1: 错误 [template] 模板出错") for line in result.lines), \
        result.lines


@pytest.mark.parametrize("expression, error", [
    ("{{ 1 // (0 * 1) }}", "ZeroDivisionError"),
    ("{% macro down(n) %}{{ down(n + 1) }}{% endmacro %}{{ down(0) }}", "RecursionError"),
])
def test_any_failure_of_a_templates_own_expressions_is_a_template_error(content, run, expression, error):
    override(content, expression)
    result = run("check", "--content", "content")
    assert result.code == 1 and "Traceback" not in result.out + result.err
    assert any(line.startswith("content/templates/components/breadcrumbs/macro.html:2: 错误 [template] 模板运行出错")
               and error in line for line in result.lines), result.lines
