"""Checks that look across files: unique 索引号, catalogue ids, links between documents, attachments.
They read every document that could be parsed, schema errors or not, so a clerk sees all at once."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

from . import file_policy
from .model import Catalogue, Content
from .paths import is_file, resolve_reference
from .problems import Problems, display_path
from .records import Record
from .textfile import megabytes


def check_unique_index_numbers(records: Sequence[Record], problems: Problems) -> None:
    first_seen: dict[str, Record] = {}
    for record in records:
        index_no = record.data.get("index_no")
        if not isinstance(index_no, str):
            continue
        if index_no in first_seen:
            other = first_seen[index_no]
            problems.error("duplicate-index-no",
                           f"index_no（索引号）\"{index_no}\" 重复：{display_path(other.path)}:{other.line('index_no')} "
                           f"已经使用。索引号必须全站唯一",
                           record.path, record.line("index_no"), "index_no")
        else:
            first_seen[index_no] = record


def check_catalogue_references(records: Sequence[Record], catalogue: Catalogue, problems: Problems) -> None:
    ids = [item.id for item in catalogue.items]
    for record in records:
        item_id = record.data.get("catalogue")
        if not isinstance(item_id, str):
            continue
        item = catalogue.get(item_id)
        line = record.line("catalogue")
        if item is None:
            close = difflib.get_close_matches(item_id, ids, n=1, cutoff=0.6)
            guess = f"，是不是 \"{close[0]}\"？" if close else "，应为 catalogue.csv 中“编号”列的一个值"
            problems.error("unknown-catalogue", f"catalogue（目录编号）\"{item_id}\" 在标准目录中不存在{guess}",
                           record.path, line, "catalogue")
        elif not item.proactive:
            problems.error("unknown-catalogue",
                           f"catalogue（目录编号）\"{item_id}\"（{item.level1}／{item.level2}）是“{item.mode}”公开事项，"
                           f"法定主动公开内容只能归入公开方式为“主动”的事项",
                           record.path, line, "catalogue")


def check_document_links(records: Sequence[Record], problems: Problems) -> None:
    """`interprets`, `replaced_by` and each of `cleanup` must name the 索引号 of another document."""
    known = {r.data.get("index_no"): r for r in records if isinstance(r.data.get("index_no"), str)}
    labels = {"interprets": "所解读文件索引号", "replaced_by": "替代文件索引号", "cleanup": "清理的规范性文件索引号",
              "feedback_for": "所反馈的征求意见稿索引号"}
    for record in records:
        references: list[tuple[str, tuple[str | int, ...], object]] = [
            (key, (key,), record.data.get(key)) for key in ("interprets", "replaced_by", "feedback_for")]
        check_consultation_period(record, problems)
        cleanup = record.data.get("cleanup")
        references += [("cleanup", ("cleanup", i), target) for i, target in enumerate(cleanup)] \
            if isinstance(cleanup, list) else []
        for key, path, target in references:
            label = labels[key]
            if not isinstance(target, str):
                continue
            line = record.line(*path)
            if target == record.data.get("index_no"):
                problems.error("broken-ref", f"{key}（{label}）\"{target}\" 指向本文件自己", record.path, line, key)
            elif target not in known:
                close = difflib.get_close_matches(target, [k for k in known if isinstance(k, str)], n=1, cutoff=0.8)
                guess = f"，是不是 \"{close[0]}\"？" if close else "，应为 documents/ 中某个文件的 index_no"
                problems.error("broken-ref", f"{key}（{label}）\"{target}\" 没有对应的文件{guess}",
                               record.path, line, key)


def check_consultation_period(record: Record, problems: Problems) -> None:
    period = record.data.get("consultation")
    if isinstance(period, dict) and isinstance(period.get("from"), str) and isinstance(period.get("until"), str) \
            and period["until"] < period["from"]:
        problems.error("date", f"consultation.until（征求意见截止日期）{period['until']} 早于 consultation.from"
                               f"（开始日期）{period['from']}", record.path, record.line("consultation", "until"),
                       "consultation.until")


def check_attachments(records: Sequence[Record], root: Path, problems: Problems, max_bytes: int) -> None:
    for record in records:
        attachments = record.data.get("attachments")
        if not isinstance(attachments, list):
            continue
        for i, attachment in enumerate(attachments):
            name = attachment.get("file") if isinstance(attachment, dict) else None
            if not isinstance(name, str):
                continue
            line = record.line("attachments", i, "file")
            field = f"attachments[{i + 1}].file"
            resolved, refusal = resolve_reference(root, record.source, name, allow_parent=False, is_url=False)
            path = root / resolved if resolved else None
            if refusal:
                problems.error("path", f"{field}（附件文件）\"{name}\" {refusal}", record.path, line, field)
            elif path is not None and is_file(path) and path.stat().st_size > max_bytes:
                problems.error("too-large", f"{field}（附件文件）\"{name}\" 大小 {megabytes(path.stat().st_size)}，"
                                            f"超过上限 {megabytes(max_bytes)}（可在 site.yaml 的 limits.attachment_mb 中调整）",
                               record.path, line, field)
            elif resolved is not None and path is not None and is_file(path) and (
                    refused := file_policy.refusal(root, resolved)):
                problems.error("file-type", f"{field}（附件文件）\"{name}\" {refused}", record.path, line, field)
            elif path is None or not is_file(path):
                siblings = [p.name for p in record.path.parent.iterdir() if p.is_file() and p.suffix != ".md"]
                close = difflib.get_close_matches(name, siblings, n=1, cutoff=0.6)
                guess = f"，是不是 \"{close[0]}\"？" if close else f"，应放在 {display_path(record.path.parent)}/ 下"
                problems.error("missing-attachment", f"{field}（附件文件）\"{name}\" 不存在{guess}",
                               record.path, line, field)


def check_documents(records: Sequence[Record], catalogue: Catalogue | None, root: Path, problems: Problems,
                    max_attachment_bytes: int) -> None:
    check_unique_index_numbers(records, problems)
    if catalogue is not None:
        check_catalogue_references(records, catalogue, problems)
    check_document_links(records, problems)
    check_attachments(records, root, problems, max_attachment_bytes)


def check_sub_columns(content: Content, problems: Problems) -> None:
    """A sub-column of 法定主动公开内容 with nothing in it: evaluators count empty columns against a site."""
    used = {d.catalogue for d in content.documents}
    path = Path(content.root) / "catalogue.csv"
    for name in content.catalogue.sub_columns:
        items = content.catalogue.items_of(name)
        if not any(i.id in used for i in items):
            problems.warning("empty-column", f"法定主动公开内容的子栏目“{name}”没有任何文件，页面将显示“本栏目暂无公开信息”",
                             path, items[0].line, "一级事项")
