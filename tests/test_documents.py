"""Problems in documents/**.md a clerk must be told about, with file, line and field."""

from conftest import replace_in, write

DOC = "content/documents/2024/functions.md"


def problems(run) -> list[str]:
    result = run("check", "--content", "content")
    return result.lines[:-1]


def test_invalid_date_names_file_line_and_field(content, run):
    replace_in(content / "documents/2024/functions.md", "2024-12-06", "2024-02-30")
    assert problems(run) == [
        f"{DOC}:5: 错误 [date] published_on（发布日期）\"2024-02-30\" 不是有效日期，应为 YYYY-MM-DD（如 2024-03-05）"]


def test_date_without_zero_padding_is_refused_not_reinterpreted(content, run):
    replace_in(content / "documents/2024/functions.md", "2024-12-06", "2024-5-6")
    assert problems(run) == [
        f"{DOC}:5: 错误 [date] published_on（发布日期）\"2024-5-6\" 不是有效日期，应为 YYYY-MM-DD（如 2024-03-05）"]


def test_missing_required_field(content, run):
    replace_in(content / "documents/2024/functions.md", "index_no: 000000001/2024-00003\n", "")
    assert problems(run) == [f"{DOC}:2: 错误 [required] 缺少必填字段 index_no（索引号）"]


def test_empty_value_counts_as_missing(content, run):
    replace_in(content / "documents/2024/functions.md", "title: 测试市测试局主要职责", "title:")
    assert problems(run) == [f"{DOC}:2: 错误 [required] 缺少必填字段 title（标题）"]


def test_unknown_key_is_a_warning_with_did_you_mean(content, run):
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06",
               "published_on: 2024-12-06\npublisher_name: 测试局\n发文字号: 测试〔2024〕9号")
    assert problems(run) == [
        f"{DOC}:6: 警告 [unknown-key] 未知字段 \"publisher_name\"，将被忽略，是不是 publisher（发布机构）？",
        f"{DOC}:7: 警告 [unknown-key] 未知字段 \"发文字号\"，将被忽略，应写作 doc_no（发文字号）",
    ]


def test_wrong_type(content, run):
    replace_in(content / "documents/2024/functions.md", "published_on: 2024-12-06",
               "published_on: 2024-12-06\nkeywords: 职责")
    assert problems(run) == [f"{DOC}:6: 错误 [type] keywords（关键词）\"职责\" 类型不对，应为列表，例如 [价格, 收费]"]


def test_enum_value(content, run):
    replace_in(content / "documents/2024/fee-rules.md", "validity: 有效", "validity: 现行有效")
    assert problems(run) == [
        "content/documents/2024/fee-rules.md:12: 错误 [enum] validity（有效性）\"现行有效\" 不是允许的值，"
        "应为 有效、失效、废止 或 已修改"]


def test_normative_document_requires_validity(content, run):
    replace_in(content / "documents/2024/fee-rules.md", "validity: 有效\n", "")
    assert problems(run) == [
        "content/documents/2024/fee-rules.md:2: 错误 [required] 缺少必填字段 validity（有效性）："
        "体裁为“规范性文件”时必须填写有效性"]


def test_interpretation_requires_interprets(content, run):
    replace_in(content / "documents/2024/fee-rules-interpretation.md", "interprets: 000000001/2024-00001\n", "")
    assert problems(run) == [
        "content/documents/2024/fee-rules-interpretation.md:2: 错误 [required] 缺少必填字段 "
        "interprets（所解读文件索引号）：体裁为“政策解读”时必须填写所解读文件的索引号"]


def test_duplicate_index_no_names_both_files(content, run):
    replace_in(content / "documents/2024/functions.md", "000000001/2024-00003", "000000001/2024-00001")
    assert problems(run) == [
        f"{DOC}:3: 错误 [duplicate-index-no] index_no（索引号）\"000000001/2024-00001\" 重复："
        "content/documents/2024/fee-rules.md:3 已经使用。索引号必须全站唯一"]


def test_unknown_catalogue_id_with_suggestion(content, run):
    replace_in(content / "documents/2024/functions.md", "catalogue: 02-01", "catalogue: 02-10")
    assert problems(run) == [
        f"{DOC}:4: 错误 [unknown-catalogue] catalogue（目录编号）\"02-10\" 在标准目录中不存在，是不是 \"02-01\"？"]


def test_catalogue_id_of_an_on_request_row_is_refused(content, run):
    replace_in(content / "documents/2024/functions.md", "catalogue: 02-01", "catalogue: 99-01")
    assert problems(run) == [
        f"{DOC}:4: 错误 [unknown-catalogue] catalogue（目录编号）\"99-01\"（其他／依申请公开）是“依申请”公开事项，"
        "法定主动公开内容只能归入公开方式为“主动”的事项"]


def test_interprets_pointing_nowhere(content, run):
    replace_in(content / "documents/2024/fee-rules-interpretation.md", "interprets: 000000001/2024-00001",
               "interprets: 000000001/2023-00001")
    assert problems(run) == [
        "content/documents/2024/fee-rules-interpretation.md:8: 错误 [broken-ref] interprets（所解读文件索引号）"
        "\"000000001/2023-00001\" 没有对应的文件，是不是 \"000000001/2024-00001\"？"]


def test_replaced_by_pointing_nowhere(content, run):
    replace_in(content / "documents/2024/fee-rules.md", "validity: 有效", "validity: 废止\nreplaced_by: ABC")
    found = problems(run)
    assert found[0] == ("content/documents/2024/fee-rules.md:13: 错误 [broken-ref] replaced_by（替代文件索引号）\"ABC\" "
                        "没有对应的文件，应为 documents/ 中某个文件的 index_no")
    # the self-inspection runs in the same check, on what loaded
    assert found[1:3] == ["政府信息公开自查：1 项", "【有效性】已废止、失效或修改的文件没有注明日期（repeal-date-missing）：1 项"]


def test_missing_attachment_file(content, run):
    (content / "documents/2024/收费目录.csv").rename(content / "documents/2024/收费目录表.csv")
    assert problems(run) == [
        "content/documents/2024/fee-rules.md:15: 错误 [missing-attachment] attachments[1].file（附件文件）"
        "\"收费目录.csv\" 不存在，是不是 \"收费目录表.csv\"？"]


def test_attachment_outside_the_content_folder_is_refused(content, run):
    replace_in(content / "documents/2024/fee-rules.md", "file: 收费目录.csv", "file: ../../../secret.txt")
    write(content.parent / "secret.txt", "x")
    assert problems(run) == [
        "content/documents/2024/fee-rules.md:15: 错误 [path] attachments[1].file（附件文件）\"../../../secret.txt\" "
        "含有“..”：附件应放在 .md 文件旁边或其下的文件夹中，只写文件名"]


def test_non_ascii_file_name_is_refused_because_it_becomes_the_url(content, run):
    (content / "documents/2024/functions.md").rename(content / "documents/2024/主要职责.md")
    assert problems(run) == [
        "content/documents/2024/主要职责.md: 错误 [path] 文件或文件夹名 \"主要职责\" 会成为网址的一部分，"
        "只能使用英文字母、数字、短横线、下划线和点，且以字母或数字开头（例如 2024/price-notice.md）"]


def test_topic_must_have_one_or_two_levels(content, run):
    replace_in(content / "documents/2024/fee-rules.md", "topic: 财政、金融、审计\\财政", "topic: 财政\\金融\\审计")
    assert problems(run) == [
        "content/documents/2024/fee-rules.md:9: 错误 [pattern] topic（主题分类）\"财政\\金融\\审计\" 格式不对，"
        "应为“一级\\二级”，如 综合政务\\政务公开"]


def test_every_problem_is_collected_before_stopping(content, run):
    replace_in(content / "documents/2024/functions.md", "2024-12-06", "2024-02-30")
    replace_in(content / "documents/2024/fee-rules.md", "validity: 有效", "validity: x")
    replace_in(content / "guide.md", "updated_on: 2024-06-03", "updated_on: soon")
    result = run("check", "--content", "content")
    assert result.lines[-1] == "共 3 个错误，0 个警告。请修改后重新检查。"
    assert [line.split(":")[0] for line in result.lines[:-1]] == [
        "content/documents/2024/fee-rules.md", DOC, "content/guide.md"]
