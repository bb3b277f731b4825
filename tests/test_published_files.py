"""Files published as they are (attachments, files linked from bodies) are allowed by type and
checked by their first bytes: nothing a browser would run, no hidden or configuration file, nothing
on a path the build generates. `check` finds each case, with the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, replace_in, write

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"
SCRIPT = b"<html><body><script>alert(document.cookie)</script></body></html>"


def attach(content: Path, name: str, data: bytes) -> None:
    (content / "documents/2024" / name).parent.mkdir(parents=True, exist_ok=True)
    (content / "documents/2024" / name).write_bytes(data)
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06\n",
               f"published_on: 2024-12-06\nattachments:\n  - file: {name}\n")


def link(content: Path, target: str) -> None:
    replace_in(content / "documents/2024/functions.md", "负责全市测试工作。", f"负责全市测试工作。\n\n见[附件]({target})。")


def problems(run) -> list[str]:
    result = run("check", "--content", "content")
    assert result.code == 1
    return result.lines[:-1]


TYPES = ("：网页、脚本和 SVG 等会在浏览器中运行；允许的类型：PDF、OFD、Word/WPS 文档、Excel/WPS 表格、演示文稿、RTF、TXT、"
         "CSV、ZIP/RAR/7z、JPG/PNG/GIF/WebP/BMP 图片、MP3、MP4")
MISMATCH = "的内容与扩展名 .{0} 不符（文件开头不是 {1} 文件应有的标记），可能是改了扩展名的其他文件"


@pytest.mark.parametrize("name, data, reason", [
    ("evil.html", SCRIPT, "的文件类型（.html）不能发布" + TYPES),
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "的文件类型（.svg）不能发布" + TYPES),
    ("tool.js", b"alert(1)", "的文件类型（.js）不能发布" + TYPES),
    ("run.exe", b"MZ\x90\x00", "的文件类型（.exe）不能发布" + TYPES),
    ("fake.pdf", SCRIPT, MISMATCH.format("pdf", "PDF")),
    ("fake.docx", SCRIPT, MISMATCH.format("docx", "DOCX")),
    ("empty.pdf", b"", "是空文件"),
    ("gbk.txt", "收费标准".encode("gb18030"), "不是 UTF-8 编码的文本：请另存为 UTF-8（Excel：“CSV UTF-8”；记事本：编码选 UTF-8）"),
])
def test_an_attachment_of_a_refused_kind_is_an_error_at_its_line(content, run, name, data, reason):
    attach(content, name, data)
    assert problems(run) == [f"content/documents/2024/functions.md:7: 错误 [file-type] attachments[1].file（附件文件）"
                             f"\"{name}\" {reason}"]


@pytest.mark.parametrize("target, written, reason", [
    (".env", "SECRET=1", "是隐藏文件（名称以“.”开头），不能发布"),
    ("../../.git/config", "[core]", "是隐藏文件（名称以“.”开头），不能发布"),
    ("../../site.yaml", None, "是网站自身使用的文件或位置（配置、模板或生成的网页），不能作为附件或链接发布"),
    ("../../catalogue.csv", None, "是网站自身使用的文件或位置（配置、模板或生成的网页），不能作为附件或链接发布"),
    ("../../robots.txt", "User-agent: *\nDisallow: /", "是网站自身使用的文件或位置（配置、模板或生成的网页），不能作为附件或链接发布"),
    ("../../assets/site.png", "png", "是网站自身使用的文件或位置（配置、模板或生成的网页），不能作为附件或链接发布"),
    ("../../search/index.txt", "x", "是网站自身使用的文件或位置（配置、模板或生成的网页），不能作为附件或链接发布"),
    ("page.html", SCRIPT.decode(), "的文件类型（.html）不能发布" + TYPES),
])
def test_a_linked_file_that_may_not_be_published_is_an_error_at_its_line(content, run, target, written, reason):
    if written is not None:
        write(content / "documents/2024" / target, written)
    link(content, target)
    assert problems(run) == [f"content/documents/2024/functions.md:9: 错误 [file-type] 链接或图片 \"{target}\" {reason}"]


def test_nothing_refused_reaches_the_site_and_the_previous_site_stays(content, run, build_site):
    site = build_site(content)
    attach(content, "evil.html", SCRIPT)
    result = run("build", "--content", "content", "--out", "site")
    assert result.code == 1 and "网站未生成" in result.err
    assert not (site / "documents/2024/evil.html").exists()


def test_allowed_files_are_published_and_text_gets_a_byte_order_mark(content, build_site):
    attach(content, "通知.pdf", PDF)
    write(content / "documents/2024/说明.txt", "办理时间：工作日")
    link(content, "说明.txt")
    site = build_site(content)
    assert (site / "documents/2024/通知.pdf").read_bytes() == PDF
    assert (site / "documents/2024/说明.txt").read_bytes() == "\ufeff办理时间：工作日".encode()


@pytest.mark.parametrize("name, written, message", [
    ("a%20b.pdf", "a b.pdf", "[missing-attachment] attachments[1].file（附件文件）\"a%20b.pdf\" 不存在，是不是 \"a b.pdf\"？"),
    ("sub\\x.pdf", "sub/x.pdf", "[path] attachments[1].file（附件文件）\"sub\\x.pdf\" 含有“\\”：文件夹之间请用“/”分隔"),
    ("长" * 300 + ".pdf", None, "[missing-attachment] attachments[1].file（附件文件）\"" + "长" * 300 + ".pdf\" 不存在"),
    ("same", "same.pdf", "[missing-attachment] attachments[1].file（附件文件）\"same\" 不存在，是不是 \"same.pdf\"？"),
])
def test_attachment_names_are_file_names_taken_as_written(content, run, name, written, message):
    if written:
        (content / "documents/2024" / written).parent.mkdir(parents=True, exist_ok=True)
        (content / "documents/2024" / written).write_bytes(PDF)
    (content / "documents/2024/same").mkdir(exist_ok=True)  # a folder beside a file of the same stem
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06\n",
               f"published_on: 2024-12-06\nattachments:\n  - file: '{name}'\n")
    lines = problems(run)
    assert len(lines) == 1 and lines[0].startswith(f"content/documents/2024/functions.md:7: 错误 {message}"), lines


@pytest.mark.parametrize("name, data, message", [
    ("evil.html", SCRIPT, "不能作为网站资源发布"),
    ("display.js", b"alert(1)", "不能作为网站资源发布"),
    ("x.svg", b"<svg onload='alert(1)'/>", "不能作为网站资源发布"),
    (".htaccess", b"AddType text/html .pdf", "是隐藏文件"),
    ("logo.png", SCRIPT, "的内容与扩展名 .png 不符"),
])
def test_template_assets_are_styles_pictures_and_fonts_only(content, run, build_site, name, data, message):
    site = build_site(content)
    (content / "templates/assets").mkdir(parents=True)
    (content / "templates/assets" / name).write_bytes(data)
    result = run("build", "--content", "content", "--out", "site")
    assert result.code == 1
    assert any(line.startswith(f"content/templates/assets/{name}: 错误 [file-type] {message}") for line in result.lines), \
        result.lines
    published = site / "assets" / name
    assert not published.exists() or published.read_bytes() == (REPO / "templates/assets" / name).read_bytes()


def test_a_department_stylesheet_and_logo_are_published(content, build_site):
    (content / "templates/assets").mkdir(parents=True)
    (content / "templates/assets/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16))
    (content / "templates/assets/own.css").write_text(".own { color: #000; }\n", encoding="utf-8")
    site = build_site(content)
    assert (site / "assets/logo.png").is_file() and (site / "assets/own.css").is_file()


def test_a_file_where_a_page_folder_is_found_by_check(content, run):
    write(content / "documents/2024/report.pdf.md", (content / "documents/2024/functions.md").read_text(
        encoding="utf-8").replace("2024-00003", "2024-00093") + "\n[附件](report.pdf)\n")
    (content / "documents/2024/report.pdf").write_bytes(PDF)
    assert problems(run) == ["content/documents/2024/report.pdf.md: 错误 [path] 链接或附件的文件 report.pdf 与 "
                             "report.pdf.md 生成的网页地址相同，请给其中一个改名"]
