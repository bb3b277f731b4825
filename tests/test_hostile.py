"""A corpus of hostile inputs (tests/hostile/), each with the exact problems it must produce, and
what must and must not reach the published pages."""

import os
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import FIXTURES, replace_in, soup, write
from xxgk.output import Staging

HOSTILE = Path(__file__).parent / "hostile"
CASES = sorted(p.name for p in HOSTILE.iterdir() if p.is_dir())


def overlay(case: str, content: Path) -> None:
    for source in (HOSTILE / case).rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = content / source.relative_to(HOSTILE / case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


@pytest.mark.parametrize("case", CASES)
def test_corpus_case_reports_exactly_the_expected_problems(case, content, run):
    overlay(case, content)
    expected = (HOSTILE / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    result = run("check", "--content", "content")
    assert result.lines[:-1] == expected


def test_corpus_is_not_empty():
    assert {"xss-body", "xss-title", "attachment-traversal", "attachment-absolute", "link-traversal",
            "yaml-python-tag", "rare-characters"} <= set(CASES)


def test_no_script_reaches_the_page(content, build_site):
    overlay("xss-body", content)
    html = (build_site(content) / "documents/2024/functions/index.html").read_text(encoding="utf-8")
    body = html[html.index("<main"):html.index("</main>")]
    for needle in ("<script", "onerror", "javascript:", "<iframe", "<svg", "display:none", "隐藏的文字\n"):
        assert needle not in body, needle
    assert "隐藏的文字" in body  # the text stays, visible, without the style that hid it
    assert '<img src="https://example.org/x.png" alt="x">' in body


def test_metadata_is_escaped(content, build_site):
    overlay("xss-title", content)
    page = soup(build_site(content) / "documents/2024/functions/index.html")
    assert page.h1.get_text() == '<script>alert("标题")</script>主要职责'
    assert not page.select("main script, main b, main img")
    assert page.title.get_text().startswith('<script>alert("标题")</script>主要职责')


def test_python_tags_are_never_executed(content, run):
    overlay("yaml-python-tag", content)
    run("check", "--content", "content")
    assert not Path("/tmp/xxgk-pwned").exists()


def test_rare_characters_and_emoji_survive_to_the_page(content, build_site):
    overlay("rare-characters", content)
    page = soup(build_site(content) / "documents/2024/functions/index.html")
    assert page.h1.get_text() == "关于𠀀𪚥𰻞等生僻字和表情📄✅的测试（全角标点：，。；！？「」）"
    assert "扩展B区汉字𠀀、𪚥，表情符号🇨🇳👨‍👩‍👧，全角标点“引号”《书名号》〔发文字号〕" in page.select_one(".prose").get_text()
    rows = {th.get_text(): td.get_text() for th, td in zip(page.select(".metadata th"), page.select(".metadata td"),
                                                              strict=True)}
    assert rows["发文字号"] == "测试发〔2024〕12号"


def test_symbolic_link_out_of_the_content_folder(content, run):
    secret = write(content.parent / "secret.md", "---\ntitle: 秘密\n---\n")
    os.symlink(secret, content / "documents/2024/leak.md")
    os.symlink(secret.parent, content / "documents/2024/escape")
    result = run("check", "--content", "content")
    assert "content/documents/2024/leak.md: 错误 [path] 是指向内容目录之外的符号链接，已拒绝读取" in result.lines
    assert result.code == 1


def test_symbolic_link_attachment_out_of_the_content_folder(content, run):
    os.symlink("/etc/hostname", content / "documents/2024/host.txt")
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06",
               "published_on: 2024-12-06\nattachments:\n  - file: host.txt")
    assert run("check", "--content", "content").lines[:-1] == [
        "content/documents/2024/functions.md:7: 错误 [path] attachments[1].file（附件文件）\"host.txt\" "
        "经过符号链接指向了内容目录之外",
        "content/documents/2024/host.txt: 错误 [path] 是指向内容目录之外的符号链接，已拒绝读取"]


def test_symbolic_links_anywhere_are_checked_templates_included(content, run, build_site):
    site = build_site(content)
    (content / "templates/assets").mkdir(parents=True)
    os.symlink("/etc/passwd", content / "templates/assets/passwd.css")
    os.symlink("loop-b", content / "templates/assets/loop-a")
    os.symlink("loop-a", content / "templates/assets/loop-b")
    os.symlink("../../site.yaml", content / "templates/assets/inside.css")  # inside the folder: not a link problem
    result = run("build", "--content", "content", "--out", "site")
    assert result.code == 1
    for expected in ("content/templates/assets/loop-a: 错误 [path] 是无法打开的符号链接（目标不存在或链接成环）",
                     "content/templates/assets/loop-b: 错误 [path] 是无法打开的符号链接（目标不存在或链接成环）",
                     "content/templates/assets/passwd.css: 错误 [path] 是指向内容目录之外的符号链接，已拒绝读取"):
        assert expected in result.lines, result.lines
    assert not [line for line in result.lines if "inside.css: 错误 [path]" in line]
    assert not (site / "assets/passwd.css").exists()


def test_nul_bytes(content, run):
    (content / "documents/2024/functions.md").write_bytes(b"---\ntitle: a\x00b\n---\n")
    (message,) = run("check", "--content", "content").lines[:-1]
    assert message.startswith("content/documents/2024/functions.md: 错误 [encoding] 文件含有空字符（NUL），看起来是 UTF-16 编码。")


def test_huge_numbers(content, run):
    replace_in(content / "reports/2024.yaml", "year: 2024", "year: 99999999999999999999999")
    replace_in(content / "reports/2024.yaml", "licensing: {decisions: 12}",
               "licensing: {decisions: 1000000000000000000000000000000}")
    replace_in(content / "reports/2024.yaml", "fees: {amount: 0}", "fees: {amount: 1e400}")
    assert run("check", "--content", "content").lines[:-1] == [
        "content/reports/2024.yaml:1: 错误 [range] year（年度） = 99999999999999999999999，不能大于 2100",
        "content/reports/2024.yaml:1: 错误 [year] year（年度）99999999999999999999999 与文件名 2024.yaml 的年份不一致",
        "content/reports/2024.yaml:15: 错误 [type] proactive.fees.amount（本年收费金额（单位：万元））\"1e400\" 类型不对，应为数字",
    ]


def test_deeply_nested_front_matter(content, run):
    write(content / "documents/2024/functions.md", "---\ntitle: " + "{a: " * 200 + "1" + "}" * 200 + "\n---\n")
    (message,) = run("check", "--content", "content").lines[:-1]
    assert message.startswith("content/documents/2024/functions.md:2: 错误 [yaml] YAML 内容过大：嵌套超过 64 层")


def test_a_large_catalogue_reports_the_right_line(content, run):
    """A catalogue of 20,000 rows; how the time grows with size is measured by
    `bench/check_speed.py --catalogue-rows 100000`, not asserted here."""
    lines = (content / "catalogue.csv").read_text(encoding="utf-8").splitlines()
    row = lines[3]  # 02-01
    extra = [row.replace("02-01", f"50-{i:06d}", 1) for i in range(20_000)]
    extra.append(row.replace("02-01", "50-000007", 1))
    write(content / "catalogue.csv", "\n".join(lines + extra) + "\n")
    result = run("check", "--content", "content")
    assert result.lines[:-1] == [
        "content/catalogue.csv:20006: 错误 [duplicate-id] 第20006行 编号 \"50-000007\" 与第13行重复：编号必须唯一"]


def test_large_markdown_and_attachment_are_reported(content, run):
    replace_in(content / "site.yaml", "office:", "limits: {markdown_mb: 0.01, attachment_mb: 0.001}\noffice:")
    write(content / "documents/2024/functions.md",
          (content / "documents/2024/functions.md").read_text(encoding="utf-8") + "很长的正文。" * 2000)
    write(content / "documents/2024/收费目录.csv", "项目,标准\n" + "工本费,10元\n" * 200)
    assert run("check", "--content", "content").lines[:-1] == [
        "content/documents/2024/fee-rules.md:15: 错误 [too-large] attachments[1].file（附件文件）\"收费目录.csv\" 大小 "
        "0.0 MB，超过上限 0.0 MB（可在 site.yaml 的 limits.attachment_mb 中调整）",
        "content/documents/2024/functions.md: 错误 [too-large] 文件大小 0.0 MB，超过上限 0.0 MB（可在 site.yaml 的 "
        "limits.markdown_mb 中调整）",
    ]


def test_output_paths_stay_inside_the_output_folder(tmp_path):
    staging = Staging(tmp_path / "site")
    for path in ("../outside.html", "/etc/passwd", "a/../../outside.html", "..\\outside.html"):
        with pytest.raises(ValueError):
            staging.write_text(path, "x")
    staging.discard()
    assert not (tmp_path / "outside.html").exists()


def test_fixture_unchanged():
    assert (FIXTURES / "minimal/documents/2024/functions.md").read_text(encoding="utf-8").count("---") == 2


@pytest.mark.parametrize("field, written, message", [
    ("index_no", "000000001/2024-00003\u200b", "index_no（索引号） 含有看不见的字符（U+200B ZERO WIDTH SPACE）"),
    ("index_no", "000000001/2024-00003\u2063", "index_no（索引号） 含有看不见的字符（U+2063 INVISIBLE SEPARATOR）"),
    ("index_no", "000000001/2024-00003\u180e", "index_no（索引号） 含有看不见的字符（U+180E MONGOLIAN VOWEL SEPARATOR）"),
    ("doc_no", "测试发〔2024〕3号\ufe0f", "doc_no（发文字号） 含有看不见的字符（U+FE0F VARIATION SELECTOR-16）"),
    ("doc_no", "测试发〔2024〕3号\u3164", "doc_no（发文字号） 含有看不见的字符（U+3164 HANGUL FILLER）"),
    ("doc_no", "测试发〔2024〕\u202e号21", "doc_no（发文字号） 含有改变文字方向的字符（U+202E RIGHT-TO-LEFT OVERRIDE）"),
    ("title", "标题\\a响铃", "title（标题） 含有控制字符（U+0007）"),
])
def test_hidden_characters_in_identifiers_and_control_characters_are_errors(content, run, field, written, message):
    page = content / "documents/2024/functions.md"
    text = page.read_text(encoding="utf-8")
    if field == "index_no":
        text = text.replace("index_no: 000000001/2024-00003", f"index_no: {written}")
    elif field == "title":
        text = text.replace("title: 测试市测试局主要职责", f'title: "{written}"')
    else:
        text = text.replace("catalogue: 02-01", f'catalogue: 02-01\n{field}: "{written}"')
    page.write_text(text, encoding="utf-8")
    result = run("check", "--content", "content")
    assert result.code == 1
    assert any(line.startswith("content/documents/2024/functions.md:") and f"错误 [character] {message}" in line
               for line in result.lines), result.lines


def test_invisible_characters_in_text_are_removed_and_feeds_stay_well_formed(content, run, build_site):
    replace_in(content / "documents/2024/functions.md", "title: 测试市测试局主要职责", "title: 测试市\u200b测试局主要职责")
    result = run("check", "--content", "content")
    assert "content/documents/2024/functions.md:2: 警告 [character] title（标题） 含有看不见的字符" \
           "（U+200B ZERO WIDTH SPACE），已删除" in result.lines
    site = build_site(content)
    feed = ElementTree.parse(site / "feed.xml").getroot()
    titles = [e.text for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert "测试市测试局主要职责" in titles
    ElementTree.parse(site / "sitemap.xml")
    assert soup(site / "documents/2024/functions/index.html").h1.get_text() == "测试市测试局主要职责"


@pytest.mark.parametrize("body, message", [
    ("[" * 10000, "一个段落中的方括号“[”“]”超过 2000 个，转换会极慢"),
    ("\n".join("    " * depth + "- 第一层" for depth in range(400)), "列表或引用嵌套了 25 层，超过上限 24 层"),
    (">" * 1000 + " 引用", "列表或引用嵌套了 1000 层，超过上限 24 层"),
])
def test_pathological_markdown_is_refused_before_conversion(content, run, body, message):
    replace_in(content / "documents/2024/functions.md", "负责全市测试工作。", "负责全市测试工作。\n\n" + body)
    result = run("check", "--content", "content")
    assert result.code == 1
    assert any(line.startswith("content/documents/2024/functions.md:") and f"错误 [markdown] {message}" in line
               for line in result.lines), result.lines


def test_code_may_hold_brackets_and_deep_indentation(content, run):
    code = "```\n" + "\n".join(" " * 200 + "[" * 100 for _ in range(40)) + "\n```"
    replace_in(content / "documents/2024/functions.md", "负责全市测试工作。", "负责全市测试工作。\n\n" + code)
    assert run("check", "--content", "content").code == 0


def test_terminal_escape_sequences_in_values_are_not_echoed_raw(content, run):
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06", 'published_on: "2024\\e[2J\\n错误"')
    result = run("check", "--content", "content")
    assert result.code == 1
    assert "\x1b" not in result.out + result.err
    assert any("<U+001B>[2J<U+000A>错误" in line for line in result.lines), result.lines


def test_comments_in_a_report_are_not_published(content, build_site):
    import yaml
    source = content / "reports/2024.yaml"
    source.write_text("# 内部备注：数据待科长核对\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
    published = build_site(content) / "reports/2024.yaml"
    assert "内部备注" not in published.read_text(encoding="utf-8")
    assert yaml.safe_load(published.read_text(encoding="utf-8")) == yaml.safe_load(source.read_text(encoding="utf-8"))



@pytest.mark.parametrize("old, new, message", [
    ("01-01,法规文件", "01-01,\u202e件文规法", "“一级事项”列含有改变文字方向的字符（U+202E RIGHT-TO-LEFT OVERRIDE）"),
    ("机构职能,机构设置", "机构\x01职能,机构设置", "“一级事项”列含有控制字符（U+0001）"),
    ("02-01,", "02-01\u200b,", "“编号”列含有看不见的字符（U+200B ZERO WIDTH SPACE）"),
])
def test_catalogue_cells_are_checked_for_characters_too(content, run, old, new, message):
    replace_in(content / "catalogue.csv", old, new)
    result = run("check", "--content", "content")
    assert result.code == 1
    assert any(line.startswith("content/catalogue.csv:") and f"错误 [character] {message}" in line
               for line in result.lines), result.lines
