"""`xxgk new document` and `xxgk new interpretation`: a new file with the next free 索引号, today's dates
and every field its catalogue item calls for; what only the clerk can write is left as 【待填写：…】,
which `check` reports until it is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from .index_numbers import TOKEN, next_index
from .loader import URL_SAFE_SEGMENT, Loaded, load_content
from .model import INTERPRETATION_KIND, NORMATIVE_KIND, CatalogueItem
from .placeholders import is_placeholder, placeholder
from .problems import Problems
from .work import Work


class NewRefused(Exception):
    """The file cannot be made (the message is for the clerk)."""


@dataclass(frozen=True)
class Created:
    path: Path
    index_no: str


def scalar(value: str | dt.date) -> str:
    """A YAML scalar, quoted only where YAML needs it (a date is written as a date)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return yaml.safe_dump(value, allow_unicode=True, width=10_000).removesuffix("\n...\n").strip()


def load(content_dir: Path) -> Loaded:
    problems = Problems()
    loaded = load_content(content_dir, problems, Work())
    if loaded is None or loaded.site is None or loaded.catalogue is None:
        raise NewRefused(f"{content_dir} 中的 site.yaml 或 catalogue.csv 有错误或尚未填写完：请先运行 xxgk check 并改正")
    return loaded


def new_index(loaded: Loaded, today: dt.date) -> str:
    site = loaded.site
    assert site is not None
    uses_code = any(token[1] == "code" for token in TOKEN.finditer(site.index_no_pattern))
    if uses_code and not site.organisation_code:
        raise NewRefused("site.yaml 中没有 organisation_code（机构代码，统一社会信用代码或组织机构代码）："
                         "索引号以它开头，请先填写")
    existing = [str(r.data.get("index_no", "")) for r in loaded.document_records]
    return next_index(site.index_no_pattern, site.organisation_code or "", today.year, existing)


def target_file(content_dir: Path, today: dt.date, index_no: str, name: str | None) -> Path:
    stem = name or index_no.rsplit("-", 1)[-1].rsplit("/", 1)[-1]
    if not URL_SAFE_SEGMENT.fullmatch(stem):
        raise NewRefused(f"文件名 \"{stem}\" 只能用字母、数字、点、短横线和下划线（它是网页地址的一部分）")
    path = content_dir / "documents" / str(today.year) / f"{stem}.md"
    if path.exists():
        raise NewRefused(f"{path} 已经存在：请用 --name 另取一个文件名")
    return path


def front_matter(fields: list[tuple[str, str | dt.date | None, str]]) -> str:
    """`key: value  # note` lines; a None value is written as a commented-out example."""
    lines = ["---"]
    for key, value, note in fields:
        comment = f"  # {note}" if note else ""
        lines.append(f"{key}: {scalar(value)}{comment}" if value is not None else f"# {key}: {note}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def write_new(path: Path, fields: list[tuple[str, str | dt.date | None, str]], body_hint: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = front_matter(fields) + "\n" + placeholder(body_hint) + "\n"
    with path.open("x", encoding="utf-8") as out:  # never over another file
        out.write(text)


def is_normative_item(item: CatalogueItem) -> bool:
    return NORMATIVE_KIND in item.level2 or NORMATIVE_KIND in item.level1


def common_fields(title: str | None, index_no: str, item: CatalogueItem, today: dt.date) -> list:
    where = "／".join(part for part in (item.level1, item.level2) if part)
    return [
        ("title", title or placeholder("标题"), ""),
        ("index_no", index_no, "索引号：自动编排，不要改动"),
        ("catalogue", item.id, where),
        ("published_on", today, "发布日期"),
        ("written_on", today, "成文日期：请改为文件的落款日期"),
        ("summary", placeholder("内容概述，约100字"), ""),
    ]


def optional_fields() -> list:
    return [
        ("topic", None, "综合政务\\政务公开   （主题分类，可选）"),
        ("keywords", None, "[关键词1, 关键词2]   （可选）"),
        ("attachments", None, "[{file: 附件.pdf, title: 附件名称}]   （附件放在本文件旁边，可选）"),
    ]


def new_document(content_dir: Path, catalogue_id: str, title: str | None, name: str | None,
                 today: dt.date) -> Created:
    loaded = load(content_dir)
    assert loaded.catalogue is not None
    item = loaded.catalogue.get(catalogue_id)
    if item is None or not item.proactive:
        proactive = [i.id for i in loaded.catalogue.items if i.proactive]
        raise NewRefused(f"标准目录中没有公开方式为“主动”的编号 {catalogue_id}，可用的编号：" + "、".join(proactive[:40]))
    index_no = new_index(loaded, today)
    path = target_file(content_dir, today, index_no, name)
    fields = common_fields(title, index_no, item, today)
    if is_normative_item(item):
        fields += [("doc_no", placeholder("发文字号，如 示发改规〔2026〕1号"), "发文字号"),
                   ("kind", NORMATIVE_KIND, ""),
                   ("validity", "有效", "有效性：有效、失效、废止或已修改"),
                   ("effective_on", today, "施行日期：请按文件改正"),
                   ("expires_on", None, "2031-12-31   （有效期至，可选）")]
    else:
        fields += [("doc_no", None, "示发改〔2026〕1号   （发文字号，可选）")]
    write_new(path, fields + optional_fields(), "正文")
    return Created(path, index_no)


def new_interpretation(content_dir: Path, policy_index: str, title: str | None, name: str | None,
                       today: dt.date) -> Created:
    loaded = load(content_dir)
    assert loaded.catalogue is not None
    # the policy may still have errors (a placeholder left): its front matter is enough here
    policy = next((r.data for r in loaded.document_records if r.data.get("index_no") == policy_index), None)
    if policy is None:
        raise NewRefused(f"没有索引号为 {policy_index} 的文件")
    items = [i for i in loaded.catalogue.items if i.proactive and "解读" in i.level2 + i.level1]
    item = items[0] if items else loaded.catalogue.get(str(policy.get("catalogue")))
    if item is None:
        raise NewRefused("标准目录中没有政策解读的事项（二级事项含“解读”），所解读文件的目录编号也不存在")
    policy_title = str(policy.get("title", ""))
    known_title = policy_title and not is_placeholder(policy_title)
    index_no = new_index(loaded, today)
    path = target_file(content_dir, today, index_no, name)
    fields = common_fields(title or (f"《{policy_title}》政策解读" if known_title else None), index_no, item, today)
    fields += [("kind", INTERPRETATION_KIND, ""),
               ("interprets", policy_index, f"所解读的文件：{policy_title}" if known_title else "所解读的文件")]
    write_new(path, fields + optional_fields(), "解读正文：背景依据、目标任务、主要内容、创新举措等")
    return Created(path, index_no)
