"""Loading a content folder: every file parsed and checked, then the typed site model built."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from .catalogue import load_catalogue
from .crossrefs import check_documents
from .inspection_config import inspection_config
from .model import AnnualReport, Attachment, Catalogue, Content, Document, Guide, Office, Rule, Site
from .paths import escapes_root
from .problems import Problems
from .records import DEFAULT_MAX_MARKDOWN_BYTES, Record, parse_markdown, parse_yaml_file
from .report_checks import check_reports
from .yamlsource import root_scalar

URL_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
REPORT_NAME = re.compile(r"([0-9]{4})\.ya?ml")
FIRST_UNIFIED_2021_YEAR = 2021
DEFAULT_MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024  # the 2019 trial format covers the 2019 and 2020 reports


def date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def relative(path: Path, root: Path) -> PurePosixPath:
    return PurePosixPath(path.relative_to(root).as_posix())


def check_url_safe(path: Path, root: Path, problems: Problems) -> bool:
    """Document and rule paths become URLs, which must be plain ASCII."""
    source = relative(path, root)
    bad = [part for part in source.with_suffix("").parts if not URL_SAFE_SEGMENT.fullmatch(part)]
    if bad:
        problems.error("path", f"文件或文件夹名 \"{bad[0]}\" 会成为网址的一部分，只能使用英文字母、数字、短横线、下划线和点，"
                               f"且以字母或数字开头（例如 2024/price-notice.md）", path)
        return False
    return True


@dataclass(frozen=True)
class Limits:
    markdown_bytes: int = DEFAULT_MAX_MARKDOWN_BYTES
    attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES


def limits_from(site: Record | None) -> Limits:
    given = site.data.get("limits", {}) if site is not None and site.valid else {}
    megabyte = 1024 * 1024
    return Limits(int(given.get("markdown_mb", DEFAULT_MAX_MARKDOWN_BYTES / megabyte) * megabyte),
                  int(given.get("attachment_mb", DEFAULT_MAX_ATTACHMENT_BYTES / megabyte) * megabyte))


def refuse_outside_links(paths: list[Path], root: Path, problems: Problems) -> list[Path]:
    """Content files that are symbolic links to somewhere outside the content folder are refused."""
    kept = []
    for path in paths:
        if escapes_root(path, root):
            problems.error("path", "是指向内容目录之外的符号链接，已拒绝读取", path)
        else:
            kept.append(path)
    return kept


def markdown_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.rglob("*.md") if p.is_file() and not p.name.startswith(".")),
                  key=lambda p: p.as_posix())


def report_schema(root_node: Any, path: Path) -> str:
    """Pick the report schema: `format` when given, else by year (2019 trial format up to 2020)."""
    chosen = root_scalar(root_node, "format")
    if chosen not in ("2019", "2021"):
        year = root_scalar(root_node, "year") or REPORT_NAME.fullmatch(path.name).group(1)
        chosen = "2019" if year.isascii() and year.isdigit() and int(year) < FIRST_UNIFIED_2021_YEAR else "2021"
    return f"report-{chosen}.schema.json"


def load_site(root: Path, problems: Problems) -> Record | None:
    path = root / "site.yaml"
    if not path.is_file():
        problems.error("missing-file", "缺少 site.yaml（机关名称和政府信息公开工作机构信息）", path)
        return None
    return parse_yaml_file(path, relative(path, root), problems, lambda _node: "site.schema.json")


def load_guide(root: Path, problems: Problems) -> Record | None:
    path = root / "guide.md"
    if not path.is_file():
        problems.error("missing-file", "缺少政府信息公开指南 guide.md", path)
        return None
    return parse_markdown(path, relative(path, root), "guide.schema.json", problems)


def load_markdown_folder(root: Path, name: str, schema: str, problems: Problems, limits: Limits) -> list[Record]:
    records = []
    for path in refuse_outside_links(markdown_files(root / name), root, problems):
        if not check_url_safe(path, root, problems):
            continue
        record = parse_markdown(path, relative(path, root), schema, problems, limits.markdown_bytes)
        if record is not None:
            records.append(record)
    return records


def load_reports(root: Path, problems: Problems) -> list[Record]:
    folder = root / "reports"
    records = []
    candidates = [p for p in sorted(folder.glob("*")) if not p.name.startswith(".") and p.is_file()] \
        if folder.is_dir() else []
    for path in refuse_outside_links(candidates, root, problems):
        match = REPORT_NAME.fullmatch(path.name)
        if not match:
            problems.error("path", f"年度报告文件名应为 <年份>.yaml（如 2024.yaml），\"{path.name}\" 不符合", path)
            continue
        record = parse_yaml_file(path, relative(path, root), problems, lambda node, p=path: report_schema(node, p))
        if record is None:
            continue
        year = record.data.get("year")
        if isinstance(year, int) and year != int(match.group(1)):
            problems.error("year", f"year（年度）{year} 与文件名 {path.name} 的年份不一致", path, record.line("year"),
                           "year")
            continue
        records.append(record)
    return records


def warn_if_empty(folder: Path, pattern: str, what: str, problems: Problems) -> None:
    if not folder.is_dir() or not any(folder.rglob(pattern)):
        problems.warning("empty-column", f"{what}栏目没有内容", folder)


def load_content(root: Path, problems: Problems, today: dt.date) -> Content | None:
    """Read and check the whole content folder. None when any error was reported."""
    if not root.is_dir():
        problems.error("missing-folder", "内容目录不存在", root)
        return None
    refuse_outside_links([p for p in (root / n for n in ("site.yaml", "catalogue.csv", "guide.md")) if p.exists()],
                         root, problems)
    if problems.errors:
        return None
    site = load_site(root, problems)
    limits = limits_from(site)
    catalogue = load_catalogue(root / "catalogue.csv", problems)
    guide = load_guide(root, problems)
    rules = load_markdown_folder(root, "rules", "rule.schema.json", problems, limits)
    documents = load_markdown_folder(root, "documents", "document.schema.json", problems, limits)
    reports = load_reports(root, problems)
    check_documents(documents, catalogue, root, problems, limits.attachment_bytes)
    deadline = site.data.get("annual_report_deadline") if site is not None and site.valid else None
    check_reports([build_report(r) for r in reports if r.valid], root, today, deadline, problems)
    warn_if_empty(root / "rules", "*.md", "政府信息公开制度", problems)
    warn_if_empty(root / "documents", "*.md", "法定主动公开内容", problems)
    warn_if_empty(root / "reports", "*.y*ml", "政府信息公开工作年度报告", problems)
    if problems.errors or site is None or catalogue is None or guide is None:
        return None
    return build_content(root, site, catalogue, guide, rules, documents, reports)


def build_site(data: dict) -> Site:
    return Site(name=data["name"], office=Office(**data["office"]), base_url=data.get("base_url"),
                annual_report_deadline=data.get("annual_report_deadline"),
                inspection=inspection_config(data.get("inspection")))


def build_guide(record: Record) -> Guide:
    data = record.data
    return Guide(record.source, data["title"], date(data["updated_on"]), record.body, record.body_line,
                 lines={key: record.line(key) for key in data})


def build_rule(record: Record) -> Rule:
    data = record.data
    return Rule(record.source, data["title"], date(data["published_on"]), record.body, record.body_line,
                doc_no=data.get("doc_no"), validity=data.get("validity"))


def build_document(record: Record, site: Site) -> Document:
    data = record.data
    attachments = tuple(
        Attachment(file=a["file"], title=a.get("title") or Path(a["file"]).stem,
                   size=(record.path.parent / a["file"]).stat().st_size)
        for a in data.get("attachments", ()))
    lines = {key: record.line(key) for key in data}
    return Document(
        source=record.source, title=data["title"], index_no=data["index_no"], catalogue=data["catalogue"],
        published_on=date(data["published_on"]), publisher=data.get("publisher", site.name),
        body=record.body, body_line=record.body_line, written_on=date(data.get("written_on")),
        doc_no=data.get("doc_no"), summary=data.get("summary"), topic=data.get("topic"),
        keywords=tuple(data.get("keywords", ())), kind=data.get("kind"), validity=data.get("validity"),
        effective_on=date(data.get("effective_on")), expires_on=date(data.get("expires_on")),
        replaced_by=data.get("replaced_by"), interprets=data.get("interprets"), attachments=attachments,
        personal_data=data.get("personal_data"), lines=lines)


def build_report(record: Record) -> AnnualReport:
    data = record.data
    year = data["year"]
    return AnnualReport(
        source=record.source, year=year, published_on=date(data["published_on"]),
        format=data.get("format", 2019 if year < FIRST_UNIFIED_2021_YEAR else 2021),
        overview=data["overview"], problems=data["problems"], other_matters=data["other_matters"],
        proactive=data["proactive"], applications=data["applications"],
        reviews_and_lawsuits=data["reviews_and_lawsuits"], lines=dict(record.located.lines),
        source_size=record.path.stat().st_size)


def build_content(root: Path, site: Record, catalogue: Catalogue, guide: Record, rules: list[Record],
                  documents: list[Record], reports: list[Record]) -> Content:
    site_model = build_site(site.data)
    return Content(
        root=str(root), site=site_model, catalogue=catalogue, guide=build_guide(guide),
        rules=tuple(build_rule(r) for r in rules),
        documents=tuple(build_document(r, site_model) for r in documents),
        reports=tuple(sorted((build_report(r) for r in reports), key=lambda r: r.year)))
