"""The URL scheme: every published path derives from the content path, and every link is relative.

    documents/2024/x.md        -> documents/2024/x/           (index.html inside)
    rules/y.md                 -> rules/y/
    a 一级事项 of the catalogue -> columns/<code>/, page 2 at columns/<code>/page/2/
    reports/2024.yaml          -> reports/2024/
    a row of records/<kind>.csv -> records/<kind>/<12 hex digits of its decision number's hash>/
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import PurePosixPath
from urllib.parse import quote, urlsplit

from .model import Catalogue, Document, Rule

HOME = ""
GUIDE = "guide/"
RULES = "rules/"
PROACTIVE = "columns/"  # 法定主动公开内容: the list of sub-columns
REPORTS = "reports/"
CATALOGUE = "catalogue/"
SEARCH = "search/"
APPLY = "apply/"  # 依申请公开: how to apply, the office, the form
APPLY_FORM = "apply/form/"  # the 申请表 as a page to print
CONSULTATIONS = "consultations/"  # 征求意见: every draft published for comment
NORMATIVE = "normative/"  # 规范性文件库, with one page per validity under it (a filter without JavaScript)
RECORDS = "records/"  # 行政许可 and 行政处罚 公示: records/<kind>/, a page per year and per record under it
SEPARATORS = "-._"


def document_url(document: Document) -> str:
    return document.source.with_suffix("").as_posix() + "/"


def rule_url(rule: Rule) -> str:
    return rule.source.with_suffix("").as_posix() + "/"


def report_url(year: int) -> str:
    return f"{REPORTS}{year}/"


def record_list_url(kind: str, year: int | None = None) -> str:
    return f"{RECORDS}{kind}/" + (f"{year}/" if year is not None else "")


def record_url(kind: str, record_id: str) -> str:
    return f"{RECORDS}{kind}/{record_id}/"


def file_url(source: PurePosixPath) -> str:
    """Attachments and images are published at their content path, percent-encoded."""
    return quote(source.as_posix())


def paged_url(base: str, page: int) -> str:
    return base if page == 1 else f"{base}page/{page}/"


def sub_column_codes(catalogue: Catalogue) -> dict[str, str]:
    """An ASCII code per 一级事项 for its URL: the leading segment its 编号 share (01-01, 01-02 -> 01)
    when no other 一级事项 uses it, else the first 编号 of its rows."""
    ids_by_level1: dict[str, list[str]] = {}
    for item in catalogue.items:
        if item.proactive:
            ids_by_level1.setdefault(item.level1, []).append(item.id)
    def head(item_id: str) -> str:
        return re.split(f"[{re.escape(SEPARATORS)}]", item_id, maxsplit=1)[0]
    codes: dict[str, str] = {}
    for level1, ids in ids_by_level1.items():
        segment = head(ids[0])
        shared = all(head(i) == segment and i != segment for i in ids)
        used_elsewhere = any(head(i) == segment for other, others in ids_by_level1.items() if other != level1
                             for i in others)
        code = segment if shared and not used_elsewhere else ids[0]
        while code in codes.values():
            code += "_"
        codes[level1] = code
    return codes


def sub_column_url(code: str) -> str:
    return f"{PROACTIVE}{code}/"


def output_file(url: str) -> str:
    """The file that serves a URL: directories get an index.html."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both site-relative ('' is the home page)."""
    from_dir = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url) + "/"
    target = to_url or "./"
    rel = relative_path("/" + target, "/" + from_dir)
    if target.endswith("/") and not rel.endswith("/"):
        rel += "/"
    if rel in ("./", "."):
        return "./"
    return rel


def relative_path(path: str, start: str) -> str:
    """posixpath.relpath for two absolute paths, without its normalising when there is nothing to
    normalise (no . or .. segment): a site makes a hundred thousand links."""
    path_parts = [part for part in path.split("/") if part]
    start_parts = [part for part in start.split("/") if part]
    if any(part in (".", "..") for part in (*path_parts, *start_parts)):
        return posixpath.relpath(path, start)
    common = 0
    for mine, theirs in zip(path_parts, start_parts, strict=False):
        if mine != theirs:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + path_parts[common:]
    return "/".join(parts) if parts else "."


class Linker:
    """How one page links to any site-relative URL: the one way links are made. It remembers every
    target, so the build checks its own links against what it writes without parsing its output."""

    def __init__(self, make: Callable[[str], str]) -> None:
        self.make = make
        self.targets: set[str] = set()

    def __call__(self, target: str) -> str:
        self.targets.add(target)
        return self.make(target)


def linker(page_url: str) -> Linker:
    """Links relative to the page at `page_url`."""
    return Linker(lambda target: relative(page_url, target))


def absolute(base_url: str | None, target: str) -> str:
    """A site-relative URL from the site's root: base_url's path, or / when base_url is not set."""
    return (base_url or "/").rstrip("/") + "/" + target


def root_path(base_url: str | None) -> str:
    """The path the site is published under (`/gk/` of https://example.gov.cn/gk/), `/` without base_url."""
    path = urlsplit(base_url).path if base_url else "/"
    return path if path.endswith("/") else path + "/"


def absolute_linker(base_url: str | None) -> Linker:
    """For pages a server may show at any depth (404.html) and for feeds."""
    return Linker(lambda target: absolute(base_url, target))
