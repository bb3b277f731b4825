"""Loading a content folder: every file read, checked against its schema and typed. Checks that
look across files run afterwards, in `checks`."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import Any

from .build_cache import key_of
from .catalogue import load_catalogue
from .decision_records import KINDS as RECORD_KINDS
from .decision_records import load_records
from .inspection_config import inspection_config
from .model import (
    AnnualReport,
    Attachment,
    Catalogue,
    Consultation,
    Content,
    DecisionRecord,
    Document,
    Guide,
    Limits,
    Office,
    Rule,
    Site,
    Validity,
)
from .paths import escapes_root
from .problems import Problem, Problems
from .records import Record, parse_markdown, parse_yaml_file
from .work import Work
from .yamlsource import root_scalar

URL_SAFE_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
REPORT_NAME = re.compile(r"([0-9]{4})\.ya?ml")
FIRST_UNIFIED_2021_YEAR = 2021  # the 2019 trial format covers the 2019 and 2020 reports
MEGABYTE = 1024 * 1024
# The folders of the column's parts, with the file pattern that counts as content and the part's name.
PART_FOLDERS = (("rules", "*.md", "政府信息公开制度"), ("documents", "*.md", "法定主动公开内容"),
                ("reports", "*.y*ml", "政府信息公开工作年度报告"))


@dataclass(frozen=True)
class Loaded:
    """Every file that could be read and passed its schema, typed; None or left out where not."""

    root: Path
    site: Site | None
    catalogue: Catalogue | None
    guide: Guide | None
    rules: tuple[Rule, ...]
    documents: tuple[Document, ...]
    document_records: tuple[Record, ...]  # every document that could be parsed, schema errors or not
    reports: tuple[AnnualReport, ...]
    empty_parts: tuple[tuple[Path, str], ...]  # (folder, part name) of parts with no file at all
    records: tuple[DecisionRecord, ...] = ()  # 行政许可 and 行政处罚 rows without errors

    @property
    def limits(self) -> Limits:
        return self.site.limits if self.site is not None else Limits()

    def content(self) -> Content | None:
        """The whole column, once site.yaml, the catalogue and the guide are all there."""
        if self.site is None or self.catalogue is None or self.guide is None:
            return None
        return Content(str(self.root), self.site, self.catalogue, self.guide, self.rules, self.documents,
                       tuple(sorted(self.reports, key=lambda r: r.year)), self.records)


def date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def optional_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def validity(value: str | None) -> Validity | None:
    return Validity(value) if value else None


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


def refuse_outside_links(paths: list[Path], root: Path) -> list[Path]:
    """The paths that stay inside the content folder (those that do not are reported by `check_symlinks`)."""
    real_root = root.resolve()
    real_folders: dict[Path, Path] = {}  # each folder resolved once: files are many, folders few

    def escapes(path: Path) -> bool:
        if path.is_symlink():
            return escapes_root(path, root)
        folder = real_folders.get(path.parent)
        if folder is None:
            try:
                folder = real_folders[path.parent] = path.parent.resolve()
            except OSError:
                return True
        return not folder.is_relative_to(real_root)

    return [path for path in paths if not escapes(path)]


def check_symlinks(root: Path, problems: Problems) -> None:
    """Every symbolic link anywhere in the content folder, template overrides included, must lead to a
    file or folder inside it: nothing outside the folder is read or published through one."""
    real_root = root.resolve()
    for folder, dirs, files in os.walk(root):
        for name in sorted(dirs + files):
            path = Path(folder, name)
            if not path.is_symlink():
                continue
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):  # missing target, or a loop
                problems.error("path", "是无法打开的符号链接（目标不存在或链接成环）", path)
                continue
            if not target.is_relative_to(real_root):
                problems.error("path", "是指向内容目录之外的符号链接，已拒绝读取", path)


def markdown_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.rglob("*.md") if p.is_file() and not p.name.startswith(".")),
                  key=lambda p: p.as_posix())


def report_schema(root_node: Any, file_year: str) -> str:
    """Pick the report schema: `format` when given, else by year (2019 trial format up to 2020)."""
    chosen = root_scalar(root_node, "format")
    if chosen not in ("2019", "2021"):
        year = root_scalar(root_node, "year") or file_year
        chosen = "2019" if year.isascii() and year.isdigit() and int(year) < FIRST_UNIFIED_2021_YEAR else "2021"
    return f"report-{chosen}.schema.json"


def load_site(root: Path, problems: Problems) -> Site | None:
    path = root / "site.yaml"
    if not path.is_file():
        problems.error("missing-file", "缺少 site.yaml（机关名称和政府信息公开工作机构信息）", path)
        return None
    record = parse_yaml_file(path, relative(path, root), problems, lambda _node: "site.schema.json")
    return build_site(record.data, record.line) if record is not None and record.valid else None


def load_guide(root: Path, problems: Problems) -> Guide | None:
    path = root / "guide.md"
    if not path.is_file():
        problems.error("missing-file", "缺少政府信息公开指南 guide.md", path)
        return None
    record = parse_markdown(path, relative(path, root), "guide.schema.json", problems)
    return build_guide(record) if record is not None and record.valid else None


def load_markdown_folder(root: Path, name: str, schema: str, problems: Problems, limits: Limits,
                         work: Work) -> list[Record]:
    """Every Markdown file of the folder parsed and validated, on every core, each looked up in the
    build cache by its bytes first."""
    paths = [path for path in refuse_outside_links(markdown_files(root / name), root)
             if check_url_safe(path, root, problems)]
    cwd = os.getcwd()  # problems name files relative to it

    def key(path: Path) -> str | None:
        try:
            if path.stat().st_size > limits.markdown_bytes:
                return None
            data = path.read_bytes()
        except (OSError, ValueError):
            return None
        return key_of(str(path), cwd, schema, limits.markdown_bytes, data)

    def parse(path: Path) -> tuple[Record | None, tuple[Problem, ...]]:
        found = Problems()
        return parse_markdown(path, relative(path, root), schema, found, limits.markdown_bytes), found.items

    records = []
    for record, found in work.map("record", paths, key, parse):
        problems.extend(found)
        if record is not None:
            records.append(record)
    return records


def load_reports(root: Path, problems: Problems) -> list[AnnualReport]:
    folder = root / "reports"
    reports = []
    candidates = [p for p in sorted(folder.glob("*")) if not p.name.startswith(".") and p.is_file()] \
        if folder.is_dir() else []
    for path in refuse_outside_links(candidates, root):
        match = REPORT_NAME.fullmatch(path.name)
        if not match:
            problems.error("path", f"年度报告文件名应为 <年份>.yaml（如 2024.yaml），\"{path.name}\" 不符合", path)
            continue
        file_year = match.group(1)
        record = parse_yaml_file(path, relative(path, root), problems, partial(report_schema, file_year=file_year))
        if record is None:
            continue
        year = record.data.get("year")
        if isinstance(year, int) and year != int(file_year):
            problems.error("year", f"year（年度）{year} 与文件名 {path.name} 的年份不一致", path, record.line("year"),
                           "year")
        elif record.valid:
            reports.append(build_report(record))
    return reports


def empty_parts(root: Path) -> tuple[tuple[Path, str], ...]:
    return tuple((root / folder, name) for folder, pattern, name in PART_FOLDERS
                 if not (root / folder).is_dir() or not any((root / folder).rglob(pattern)))


def load_cached_catalogue(path: Path, problems: Problems, work: Work) -> Catalogue | None:
    """The catalogue, from the build cache when its bytes are unchanged (validating it takes frictionless)."""
    def key(_path: Path) -> str | None:
        try:
            return key_of("catalogue", str(path), os.getcwd(), path.read_bytes())
        except (OSError, ValueError):
            return None

    def load(_path: Path) -> tuple[Catalogue | None, tuple[Problem, ...]]:
        found = Problems()
        return load_catalogue(path, found), found.items

    catalogue, found = work.map("catalogue", [path], key, load)[0]
    problems.extend(found)
    return catalogue


def load_cached_records(root: Path, problems: Problems, work: Work) -> tuple[DecisionRecord, ...]:
    """The 行政许可 and 行政处罚 records, from the build cache when the files' bytes are unchanged."""
    def key(_root: Path) -> str | None:
        try:
            data = [(root / kind.file).read_bytes() if (root / kind.file).is_file() else b"" for kind in RECORD_KINDS]
        except (OSError, ValueError):
            return None
        return key_of("records", str(root), os.getcwd(), *data)

    def load(_root: Path) -> tuple[tuple[DecisionRecord, ...], tuple[Problem, ...]]:
        found = Problems()
        return load_records(root, found), found.items

    records, found = work.map("records", [root], key, load)[0]
    problems.extend(found)
    return records


def load_content(root: Path, problems: Problems, work: Work | None = None) -> Loaded | None:
    """Read every file of the content folder. None when the folder itself cannot be used."""
    if not root.is_dir():
        problems.error("missing-folder", "内容目录不存在", root)
        return None
    check_symlinks(root, problems)
    if any(escapes_root(root / name, root) for name in ("site.yaml", "catalogue.csv", "guide.md")
           if (root / name).exists() or (root / name).is_symlink()):
        return None
    site = load_site(root, problems)
    limits = site.limits if site is not None else Limits()  # the folders below are read with site.yaml's limits
    catalogue = load_cached_catalogue(root / "catalogue.csv", problems, work or Work())
    guide = load_guide(root, problems)
    work = work or Work()
    rules = load_markdown_folder(root, "rules", "rule.schema.json", problems, limits, work)
    documents = load_markdown_folder(root, "documents", "document.schema.json", problems, limits, work)
    publisher = site.name if site is not None else ""
    return Loaded(root, site, catalogue, guide, tuple(build_rule(r) for r in rules if r.valid),
                  tuple(build_document(r, publisher) for r in documents if r.valid), tuple(documents),
                  tuple(load_reports(root, problems)), empty_parts(root), load_cached_records(root, problems, work))


def build_limits(data: dict) -> Limits:
    defaults = Limits()
    return Limits(int(data.get("markdown_mb", defaults.markdown_bytes / MEGABYTE) * MEGABYTE),
                  int(data.get("attachment_mb", defaults.attachment_bytes / MEGABYTE) * MEGABYTE),
                  data.get("search_shard_pages", defaults.search_shard_pages))


def build_site(data: dict, line_of: Callable[..., int | None] = lambda *_: None) -> Site:
    return Site(name=data["name"], office=Office(**data["office"]), base_url=data.get("base_url"),
                annual_report_deadline=data.get("annual_report_deadline"),
                inspection=inspection_config(data.get("inspection"), line_of),
                organisation_code=data.get("organisation_code"),
                consultation_how=data.get("consultation", {}).get("how"),
                application_url=data.get("application", {}).get("online_url"),
                index_no_pattern=data.get("index_no_pattern", Site.index_no_pattern),
                licence_months=data.get("records", {}).get("licence_months", Site.licence_months),
                penalty_months=data.get("records", {}).get("penalty_months", Site.penalty_months),
                limits=build_limits(data.get("limits", {})))


def build_guide(record: Record) -> Guide:
    data = record.data
    return Guide(record.source, data["title"], date(data["updated_on"]), record.body, record.body_line,
                 lines=record.located.lines)


def build_rule(record: Record) -> Rule:
    data = record.data
    return Rule(record.source, data["title"], date(data["published_on"]), record.body, record.body_line,
                doc_no=data.get("doc_no"), validity=validity(data.get("validity")))


def file_size(path: Path) -> int | None:
    """Size of an attachment beside its document; None when it is not a readable file there."""
    try:
        return path.stat().st_size if path.is_file() else None
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return None


def build_document(record: Record, publisher: str) -> Document:
    data = record.data
    attachments = tuple(
        Attachment(file=a["file"], title=a.get("title") or Path(a["file"]).stem,
                   size=file_size(record.path.parent / a["file"]))
        for a in data.get("attachments", ()))
    return Document(
        source=record.source, title=data["title"], index_no=data["index_no"], catalogue=data["catalogue"],
        published_on=date(data["published_on"]), publisher=data.get("publisher", publisher),
        body=record.body, body_line=record.body_line, written_on=optional_date(data.get("written_on")),
        doc_no=data.get("doc_no"), summary=data.get("summary"), topic=data.get("topic"),
        keywords=tuple(data.get("keywords", ())), kind=data.get("kind"), validity=validity(data.get("validity")),
        effective_on=optional_date(data.get("effective_on")), expires_on=optional_date(data.get("expires_on")),
        replaced_by=data.get("replaced_by"), interprets=data.get("interprets"), attachments=attachments,
        personal_data=data.get("personal_data"), cleanup=tuple(data.get("cleanup", ())),
        consultation=consultation(data.get("consultation")), feedback_for=data.get("feedback_for"),
        lines=record.located.lines)


def consultation(data: dict | None) -> Consultation | None:
    return Consultation(date(data["from"]), date(data["until"]), data.get("how")) if data else None


def build_report(record: Record) -> AnnualReport:
    data = record.data
    year = data["year"]
    return AnnualReport(
        source=record.source, year=year, published_on=date(data["published_on"]),
        format=data.get("format", 2019 if year < FIRST_UNIFIED_2021_YEAR else 2021),
        overview=data["overview"], problems=data["problems"], other_matters=data["other_matters"],
        proactive=data["proactive"], applications=data["applications"],
        reviews_and_lawsuits=data["reviews_and_lawsuits"], lines=record.located.lines,
        source_size=record.path.stat().st_size)
