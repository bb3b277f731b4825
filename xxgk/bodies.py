"""Converting every Markdown body to HTML, resolving local links and images against the content
folder. Broken internal links are errors: evaluators count them against a site."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from . import urls
from .body_html import fit_headings, wrap_tables
from .markdown_render import render_markdown
from .model import Content
from .paths import resolve_reference
from .problems import Problems
from .report_format import PROSE_KEYS, SECTIONS
from .sanitize import sanitize

EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]+:|//|#)")  # a scheme (not a drive letter), or //host, or #
PAGE_TOP_HEADING = 2  # below the page's h1
SECTION_TOP_HEADING = 3  # below a report section's h2
REPORT_SECTIONS = tuple((key, heading) for key, heading in SECTIONS if key in PROSE_KEYS)


@dataclass(frozen=True)
class Body:
    source: PurePosixPath  # the content file it was written in
    html: str
    files: tuple[PurePosixPath, ...]  # local files the body links to, published at their content path
    external_links: tuple[str, ...]


@dataclass(frozen=True)
class Bodies:
    """Every converted body: one per document, rule and the guide, one per prose section of a report."""

    pages: Mapping[PurePosixPath, Body]
    report_sections: Mapping[PurePosixPath, Mapping[str, Body]]  # report source -> prose key -> body

    def all(self) -> Iterator[Body]:
        yield from self.pages.values()
        for sections in self.report_sections.values():
            yield from sections.values()

    @property
    def files(self) -> set[PurePosixPath]:
        return {f for body in self.all() for f in body.files}


def page_urls(content: Content) -> dict[str, str]:
    """Content path of each Markdown page -> its URL, for `[链接](../2023/x.md)` in bodies."""
    mapping = {d.source.as_posix(): urls.document_url(d) for d in content.documents}
    mapping.update({r.source.as_posix(): urls.rule_url(r) for r in content.rules})
    mapping[content.guide.source.as_posix()] = urls.GUIDE
    return mapping


def make_resolver(root: Path, source: PurePosixPath, page_url: str, pages: dict[str, str],
                  files: list[PurePosixPath], external: list[str], refused: dict[str, str]):
    """Resolve a link or image target written in a body; refusals are collected with their reason."""
    def resolve(target: str) -> str | None:
        target = target.strip()
        if not target or EXTERNAL.match(target):
            if target.lower().startswith(("http:", "https:")):
                external.append(target)
            return target  # unsafe schemes (javascript: …) are removed, with a warning, by the sanitiser
        parts = urlsplit(target)
        path, reason = resolve_reference(root, source, parts.path, allow_parent=True)
        if reason or path is None:
            refused[target] = reason or "无法读取"
            return None
        suffix = ("?" + parts.query if parts.query else "") + ("#" + parts.fragment if parts.fragment else "")
        if path.as_posix() in pages:
            return urls.relative(page_url, pages[path.as_posix()]) + suffix
        if (root / path).is_file() and path.suffix != ".md":
            files.append(path)
            return urls.relative(page_url, urls.file_url(path)) + suffix
        refused[target] = "指向的文件不存在；站内链接请写相对于本文件的路径，如 ../2023/notice.md"
        return None
    return resolve


def line_in(text: str, first_line: int, needle: str, start: int = 0) -> tuple[int, int]:
    """(file line, index) of the first `needle` in `text` from `start`; the body's first line if absent."""
    index = text.find(needle, start)
    return (first_line + text.count("\n", 0, index), index) if index >= 0 else (first_line, -1)


class ImagesWithoutText(HTMLParser):
    """The images a screen reader could only call "图片": no alt text, or an empty one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "img" and not (values.get("alt") or "").strip():
            self.sources.append(values.get("src") or "")


def images_without_text(html: str) -> list[str]:
    scanner = ImagesWithoutText()
    scanner.feed(html)
    scanner.close()
    return scanner.sources


@dataclass(frozen=True)
class Converter:
    """Converts the bodies of one content folder; `wrap_table` is the table-wrap component."""

    root: Path
    pages: dict[str, str]
    problems: Problems
    wrap_table: Callable[[str], str]

    def convert(self, source: PurePosixPath, page_url: str, text: str, first_line: int,
                top_heading: int = PAGE_TOP_HEADING, where: str = "") -> Body:
        files: list[PurePosixPath] = []
        external: list[str] = []
        refused: dict[str, str] = {}
        resolve = make_resolver(self.root, source, page_url, self.pages, files, external, refused)
        rendered = render_markdown(text)
        html, removals = sanitize(rendered, resolve)
        path = self.root / source
        searched = 0  # the same picture may appear twice: each warning points at the next occurrence
        for image in images_without_text(rendered):
            line, at = line_in(text, first_line, image, searched)
            searched = at + 1 if at >= 0 else searched
            self.problems.warning("image-alt", f"{where}图片 \"{image}\" 没有文字说明：请写成 ![图片内容的说明]({image})，"
                                  "读屏软件会读出这段说明", path, line)
        for target, reason in refused.items():
            self.problems.error("broken-link", f"{where}链接或图片 \"{target}\" {reason}", path,
                                line_in(text, first_line, target)[0])
        for removal in removals:
            self.problems.warning("sanitized", f"{where}已移除 {removal.what}", path,
                                  line_in(text, first_line, removal.snippet)[0])
        html = wrap_tables(fit_headings(html, top_heading), self.wrap_table)
        return Body(source, html, tuple(files), tuple(external))


def convert_all(content: Content, problems: Problems, wrap_table: Callable[[str], str]) -> Bodies:
    converter = Converter(Path(content.root), page_urls(content), problems, wrap_table)
    pages: dict[PurePosixPath, Body] = {}
    for document in content.documents:
        pages[document.source] = converter.convert(document.source, urls.document_url(document), document.body,
                                                   document.body_line)
    for rule in content.rules:
        pages[rule.source] = converter.convert(rule.source, urls.rule_url(rule), rule.body, rule.body_line)
    guide = content.guide
    pages[guide.source] = converter.convert(guide.source, urls.GUIDE, guide.body, guide.body_line)
    sections: dict[PurePosixPath, dict[str, Body]] = {}
    for report in content.reports:
        sections[report.source] = {
            key: converter.convert(report.source, urls.report_url(report.year), getattr(report, key),
                                   (report.lines.line(key) or 1) + 1, SECTION_TOP_HEADING, f"{key}（{heading}）中的")
            for key, heading in REPORT_SECTIONS}
    return Bodies(pages, sections)
