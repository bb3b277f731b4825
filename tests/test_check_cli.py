"""The `check` command as a clerk and a CI job use it: messages, exit codes, formats."""

import subprocess
import sys

from conftest import REPO, replace_in


def test_valid_content_passes_strict(content, run):
    result = run("check", "--content", "content", "--strict")
    assert result.code == 0
    assert "检查通过" in result.out


def test_errors_exit_1_and_end_with_a_count(content, run):
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06", "published_on: 2024-02-30")
    replace_in(content / "documents/2024/functions.md", "catalogue: 02-01", "catalogue: 07-01")
    result = run("check", "--content", "content")
    assert result.code == 1
    assert result.lines[-1] == "共 2 个错误，0 个警告。请修改后重新检查。"


def test_warnings_pass_unless_strict(content, run):
    replace_in(content / "documents/2024/functions.md", "title:", "titel: x\ntitle:")
    assert run("check", "--content", "content").code == 0
    strict = run("check", "--content", "content", "--strict")
    assert strict.code == 1
    assert "（--strict：警告按错误处理）" in strict.out


def test_json_format_lists_problems_with_location(content, run):
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06", "published_on: 2024-13-01")
    result = run("check", "--content", "content", "--format", "json")
    assert result.code == 1
    report = result.json()
    assert report["errors"] == 1 and report["warnings"] == 0
    assert report["problems"] == [{
        "level": "error", "code": "date",
        "message": "published_on（发布日期）\"2024-13-01\" 不是有效日期，应为 YYYY-MM-DD（如 2024-03-05）",
        "path": "content/documents/2024/functions.md", "line": 5, "field": "published_on"}]


def test_usage_errors_exit_2(content, run, capsys):
    result = run("check", "--content", "no-such-folder")
    assert result.code == 2
    assert "内容目录 no-such-folder 不存在" in result.err
    assert run("check", "--today", "2024-02-30").code == 2


def test_unknown_option_exits_2_with_chinese_usage(content):
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "check", "--colour"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "用法错误" in result.stderr


def test_build_without_verb_validates_and_fails_on_errors(content):
    replace_in(content / "site.yaml", "  fax: 0999-12345679\n", "")
    result = subprocess.run([sys.executable, str(REPO / "build.py")], capture_output=True, text=True)
    assert result.returncode == 1
    assert "content/site.yaml:3: 错误 [required] 缺少必填字段 office.fax（传真）" in result.stderr


def test_console_command_has_the_same_verbs(content):
    result = subprocess.run([sys.executable, "-m", "xxgk", "check", "--content", "content"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_and_build_give_the_same_strict_verdict(content, run):
    """Both run every check: a warning only one of them knew of would let CI pass what the build refuses."""
    replace_in(content / "site.yaml", "base_url: https://www.example.gov.cn/gk/\n", "")
    checked = run("check", "--content", "content", "--strict")
    built = run("build", "--content", "content", "--out", "site", "--strict", "--quiet")
    warning = "content/site.yaml:1: 警告 [base-url] site.yaml 未设置 base_url：sitemap.xml、feed.xml 和 404 页面中的链接将从网站根目录算起"
    assert checked.code == built.code == 1
    assert warning in checked.lines and warning in built.lines
    assert checked.lines[-1] == "共 0 个错误，1 个警告。请修改后重新检查（--strict：警告按错误处理）。"
    assert not (content.parent / "site").exists()
    assert run("check", "--content", "content").code == run("build", "--content", "content", "--quiet").code == 0


def test_github_annotations_point_at_file_and_line(content, run):
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06", "published_on: 2024-13-06")
    result = run("check", "--content", "content", "--format", "github")
    assert result.code == 1
    first, summary = result.out.splitlines()[0], result.out.splitlines()[-1]
    assert first.startswith("::error file=content/documents/2024/functions.md,line=5,title=date::published_on（发布日期）")
    assert summary == "共 1 个错误，0 个警告。请修改后重新检查。"


def test_github_annotations_escape_what_would_end_them():
    from xxgk.check_report import github_escape
    assert github_escape("a%b\nc") == "a%25b%0Ac"
    assert github_escape("x,y:z", property_value=True) == "x%2Cy%3Az"
