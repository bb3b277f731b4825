"""File-level problems: encodings, empty files, front matter, YAML syntax and YAML's surprises."""

from conftest import FIXTURE_TODAY, replace_in, write

DOC = "content/documents/2024/functions.md"


def problems(run) -> list[str]:
    return run("check", "--content", "content").lines[:-1]


def test_gbk_file_names_the_encoding_and_the_fix(content, run):
    path = content / "documents/2024/functions.md"
    write(path, path.read_text(encoding="utf-8"), encoding="gbk")
    assert problems(run) == [
        f"{DOC}:2: 错误 [encoding] 文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码。可在编辑器中“另存为 UTF-8”，"
        f"或执行：iconv -f GB18030 -t UTF-8 {DOC} > tmp.txt && mv tmp.txt {DOC}"]


def test_utf16_file_is_named(content, run):
    path = content / "guide.md"
    write(path, path.read_text(encoding="utf-8"), encoding="utf-16")
    (message,) = problems(run)
    assert message.startswith("content/guide.md:1: 错误 [encoding] 文件不是 UTF-8 编码，看起来是 UTF-16 编码。")
    assert "iconv -f UTF-16 -t UTF-8 content/guide.md" in message


def test_bom_and_crlf_are_accepted_silently(content, run):
    for name in ("documents/2024/functions.md", "site.yaml", "catalogue.csv", "reports/2024.yaml"):
        path = content / name
        text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = run("check", "--content", "content", "--strict")
    assert result.code == 0, result.out


def test_crlf_keeps_line_numbers_right(content, run):
    path = content / "documents/2024/functions.md"
    text = path.read_text(encoding="utf-8").replace("2024-12-06", "2024-05-32").replace("\n", "\r\n")
    path.write_bytes(text.encode("utf-8"))
    assert problems(run)[0].startswith(f"{DOC}:5: 错误 [date]")


def test_empty_file(content, run):
    write(content / "documents/2024/functions.md", "\n  \n")
    assert problems(run) == [f"{DOC}: 错误 [empty] 文件是空的"]


def test_missing_front_matter(content, run):
    write(content / "documents/2024/functions.md", "title: 没有分隔线\n\n正文\n")
    assert problems(run) == [
        f"{DOC}:1: 错误 [front-matter] 缺少 front matter：文件第一行应为 ---，接着写 title: 等字段，再以 --- 结束"]


def test_unclosed_front_matter(content, run):
    write(content / "documents/2024/functions.md", "---\ntitle: 没有结束\n\n正文\n")
    assert problems(run) == [f"{DOC}:1: 错误 [front-matter] front matter 没有结束：第 1 行的 --- 之后找不到结束的 --- 行"]


def test_yaml_syntax_error_with_line(content, run):
    replace_in(content / "documents/2024/functions.md", "catalogue: 02-01", "catalogue: [02-01")
    (message,) = problems(run)
    assert message.startswith(f"{DOC}:5: 错误 [yaml] YAML 语法错误：方括号 [ ] 没有闭合，或缺少逗号")


def test_colon_inside_value_explains_quoting(content, run):
    replace_in(content / "documents/2024/functions.md", "title: 测试市测试局主要职责", "title: 通知: 关于 x: y")
    (message,) = problems(run)
    assert message.startswith(f"{DOC}:2: 错误 [yaml] YAML 语法错误：这里不能出现“: ”：值里含有冒号加空格（: ）、井号（#）或以特殊符号开头时，请给整个值加引号")


def test_tab_indentation(content, run):
    replace_in(content / "site.yaml", "  name: 测试市测试局办公室", "\tname: 测试市测试局办公室")
    (message,) = problems(run)
    assert message.startswith("content/site.yaml:4: 错误 [yaml] YAML 语法错误：")
    assert "Tab" in message


def test_duplicate_key_is_an_error(content, run):
    replace_in(content / "site.yaml", "  fax: 0999-12345679", "  fax: 0999-12345679\n  fax: 0999-1")
    assert problems(run) == ["content/site.yaml:10: 错误 [duplicate-key] 键 \"fax\" 重复出现（第一次在第 9 行），请只保留一个"]


def test_text_fields_stay_as_typed(content, run):
    """YAML 1.1 would read 010 as 8 and `no` as false; text fields keep what the clerk typed."""
    replace_in(content / "site.yaml", 'postcode: "100000"', "postcode: 010000")
    replace_in(content / "site.yaml", "phone: 0999-12345678", "phone: 01012345678")
    replace_in(content / "site.yaml", "fax: 0999-12345679", "fax: no")
    assert run("check", "--content", "content", "--strict").code == 0

    from xxgk.pipeline import check
    office = check(content, FIXTURE_TODAY).content.site.office
    assert (office.postcode, office.phone, office.fax) == ("010000", "01012345678", "no")


def test_billion_laughs_is_refused(content, run):
    lol = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))
    write(content / "site.yaml", lol)
    (message,) = problems(run)
    assert message.startswith("content/site.yaml:") and "YAML 内容过大" in message


def test_deep_nesting_is_refused(content, run):
    write(content / "site.yaml", "name: " + "[" * 5000 + "]" * 5000 + "\n")
    (message,) = problems(run)
    assert message.startswith("content/site.yaml:1: 错误 [yaml]") and "嵌套" in message


def test_missing_guide_and_site(content, run):
    (content / "guide.md").unlink()
    (content / "site.yaml").unlink()
    assert problems(run) == [
        "content/guide.md: 错误 [missing-file] 缺少政府信息公开指南 guide.md",
        "content/site.yaml: 错误 [missing-file] 缺少 site.yaml（机关名称和政府信息公开工作机构信息）"]


def test_site_office_fields_are_all_required(content, run):
    replace_in(content / "site.yaml", "  hours: 工作日上午9:00-12:00，下午13:30-17:30\n", "")
    replace_in(content / "site.yaml", "gk@example.gov.cn", "gk.example.gov.cn")
    assert problems(run) == [
        "content/site.yaml:3: 错误 [required] 缺少必填字段 office.hours（办公时间）",
        "content/site.yaml:9: 错误 [pattern] office.email（电子邮箱）\"gk.example.gov.cn\" 格式不对，"
        "应为电子邮箱地址，如 gk@example.gov.cn"]


def test_empty_column_folders_warn(content, run):
    for path in (content / "rules").iterdir():
        path.unlink()
    result = run("check", "--content", "content")
    assert result.code == 0
    assert result.lines[:-1] == ["content/rules: 警告 [empty-column] 政府信息公开制度栏目没有内容"]
