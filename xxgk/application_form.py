"""The 政府信息公开申请表: its fields (one definition, for the printable page and the downloadable file)
and the file itself, as RTF: Word and WPS open it on any office computer, the applicant types into its
cells or prints it blank and writes by hand."""

from __future__ import annotations

# (section, [(field, lines for a handwritten answer)]): the items 条例 art. 29 asks an application to hold
FIELDS = (
    ("申请人信息", (
        ("申请人类型（公民 / 法人或者其他组织）", 1), ("姓名或名称", 1), ("证件类型及号码（统一社会信用代码）", 1),
        ("联系人（法人或者其他组织填写）", 1), ("联系电话", 1), ("电子邮箱", 1), ("通信地址及邮政编码", 1),
    )),
    ("申请公开的政府信息", (
        ("所需政府信息的名称、文号或者便于查询的其他特征性描述", 4), ("所需信息的用途（选填）", 1),
    )),
    ("获取信息的方式", (
        ("提供形式（纸质 / 电子文本 / 其他）", 1), ("获取方式（邮寄 / 电子邮件 / 当面领取 / 其他）", 1),
    )),
    ("申请人签名或者盖章", (("签名或者盖章", 1), ("申请日期", 1))),
)
TITLE = "政府信息公开申请表"
FILE_NAME = "application-form.rtf"


def rtf_text(text: str) -> str:
    """RTF escapes: characters beyond ASCII as \\uN? (signed 16-bit, as RTF wants)."""
    out = []
    for character in text:
        code = ord(character)
        if character in "\\{}":
            out.append("\\" + character)
        elif code < 128:
            out.append(character)
        else:
            out.append(f"\\u{code - 65536 if code > 32767 else code}?")
    return "".join(out)


def form_rtf(organ: str, office: str) -> bytes:
    """The form as an RTF document: a title, to whom it goes, then a two-column table of the fields."""
    rows = []
    for section, fields in FIELDS:
        rows.append("\\trowd\\trgaph108\\cellx9000\\pard\\intbl\\b " + rtf_text(section) + "\\b0\\cell\\row")
        for field, lines in fields:
            space = "\\par " * (lines - 1)
            rows.append("\\trowd\\trgaph108\\clbrdrt\\brdrs\\clbrdrl\\brdrs\\clbrdrb\\brdrs\\clbrdrr\\brdrs\\cellx3600"
                        "\\clbrdrt\\brdrs\\clbrdrl\\brdrs\\clbrdrb\\brdrs\\clbrdrr\\brdrs\\cellx9000"
                        f"\\pard\\intbl {rtf_text(field)}\\cell {space}\\cell\\row")
    body = (
        "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0\\fs24\n"
        f"\\pard\\qc\\b\\fs32 {rtf_text(TITLE)}\\b0\\fs24\\par\n"
        f"\\pard {rtf_text('受理机关：' + organ + '（' + office + '）')}\\par\n"
        + "\n".join(rows) +
        f"\n\\pard\\par {rtf_text('本表可以打印后手写，也可以在电脑上填写后打印。')}\\par\n}}\n"
    )
    return body.encode("ascii")
