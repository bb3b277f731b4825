"""catalogue.csv: header, required cells, unique 编号, enums, with line, row and column."""

from conftest import FIXTURE_TODAY, replace_in, write

CAT = "content/catalogue.csv"
HEADER = "编号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级"


def problems(run) -> list[str]:
    return run("check", "--content", "content").lines[:-1]


def test_bad_enum_names_line_row_and_column(content, run):
    replace_in(content / "catalogue.csv", "全社会,主动,市级\n01-02", "全社会,自动,市级\n01-02")
    assert problems(run) == [f"{CAT}:2: 错误 [enum] 第2行 公开方式 \"自动\" 不是允许的值，应为 主动 或 依申请"]


def test_duplicate_id(content, run):
    replace_in(content / "catalogue.csv", "02-01,", "01-02,")
    replace_in(content / "documents/2024/functions.md", "catalogue: 02-01", "catalogue: 01-01")
    assert problems(run) == [f"{CAT}:4: 错误 [duplicate-id] 第4行 编号 \"01-02\" 与第3行重复：编号必须唯一"]


def test_required_cell_and_audience_enum(content, run):
    replace_in(content / "catalogue.csv", "测试市测试局,政府网站,全社会,主动,市级\n02-01",
               ",政府网站,公众,主动,市级\n02-01")
    assert problems(run) == [
        f"{CAT}:3: 错误 [required] 第3行 公开主体 不能为空",
        f"{CAT}:3: 错误 [enum] 第3行 公开对象 \"公众\" 不是允许的值，应为 全社会 或 特定群体"]


def test_line_numbers_follow_quoted_newlines(content, run):
    replace_in(content / "catalogue.csv", "01-02,法规文件,政策解读,规范性文件的政策解读",
               "01-02,法规文件,政策解读,\"规范性文件的\n政策解读\"")
    replace_in(content / "catalogue.csv", "全社会,主动,市级\n99-01", "全社会,主动,县区\n99-01")
    replace_in(content / "catalogue.csv", "特定群体,依申请", "特定群体,依申请公开")
    assert problems(run) == [
        f"{CAT}:6: 错误 [enum] 第5行 公开方式 \"依申请公开\" 不是允许的值，应为 主动 或 依申请"]


def test_missing_required_column_with_suggestion(content, run):
    text = (content / "catalogue.csv").read_text(encoding="utf-8")
    write(content / "catalogue.csv", text.replace(HEADER, HEADER.replace("公开方式", "公开形式")))
    assert problems(run) == [f"{CAT}:1: 错误 [header] 表头缺少必需的列“公开方式”（表头中的“公开形式”是不是它？）"]


def test_extra_columns_such_as_row_numbers_are_accepted(content, run):
    lines = (content / "catalogue.csv").read_text(encoding="utf-8").splitlines()
    lines = ["序号," + lines[0]] + [f"{i}," + line for i, line in enumerate(lines[1:], start=1)]
    write(content / "catalogue.csv", "\n".join(lines) + "\n")
    assert run("check", "--content", "content", "--strict").code == 0


def test_unquoted_comma_gives_an_extra_cell(content, run):
    replace_in(content / "catalogue.csv", "内设机构及职能", "内设机构,职能")
    assert problems(run) == [
        f"{CAT}:4: 错误 [extra-cell] 第4行 单元格比表头多：内容里的英文逗号需要整格加双引号，或改用中文逗号"]


def test_id_must_be_url_safe(content, run):
    replace_in(content / "catalogue.csv", "99-01,", "九九,")
    (message,) = problems(run)
    assert message.startswith(f"{CAT}:5: 错误 [pattern] 第5行 编号 \"九九\" 格式不对")


def test_gbk_catalogue(content, run):
    path = content / "catalogue.csv"
    write(path, path.read_text(encoding="utf-8"), encoding="gb18030")
    (message,) = problems(run)
    assert message.startswith(f"{CAT}:1: 错误 [encoding] 文件不是 UTF-8 编码，看起来是 GBK/GB18030 编码。")


def test_channels_are_split_and_sub_columns_follow_file_order(content):

    from xxgk.pipeline import check
    catalogue = check(content, FIXTURE_TODAY).content.catalogue
    assert catalogue.get("01-01").channels == ("政府网站", "政府公报")
    assert catalogue.sub_columns == ("法规文件", "机构职能")
