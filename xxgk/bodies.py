"""Converting every Markdown body to HTML, resolving local links and images against the content
folder. Broken internal links are errors: evaluators count them against a site."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from . import urls
from .markdown_render import render_markdown
from .model import Content
from .paths import resolve_reference
from .problems import Problems
from .report_format import PROSE_KEYS, SECTIONS
from .sanitize import sanitize

EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]+:|//|#)")  # a scheme (not a drive letter), or //host, or #


@dataclass(frozen=True)
class Body:
    html: str
    files: tuple[PurePosixPath, ...]  # local files the body links to, published at their content path
    external_links: tuple[str, ...]


class Bodies:
    """HTML of every body, keyed by (content path, part) — part names a report section."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], Body] = {}

    def get(self, source: PurePosixPath, part: str = "body") -> Body:
        return self.items[(source.as_posix(), part)]

    @property
    def files(self) -> set[PurePosixPath]:
        return {f for body in self.items.values() for f in body.files}


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
        if reason:
            refused[target] = reason
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


def line_of(text: str, first_line: int, target: str) -> int:
    index = text.find(target)
    return first_line + text[:index].count("\n") if index >= 0 else first_line


HEADING_TAG = re.compile(r"<(/?)h([1-5])(?=[\s>])")


def demote_raw_headings(html: str) -> str:
    """A pasted <h1> would compete with the page title: move every heading one level down."""
    if re.search(r"<h1[\s>]", html):
        return HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)
    return html


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


def convert(root: Path, source: PurePosixPath, page_url: str, text: str, first_line: int,
            pages: dict[str, str], problems: Problems, where: str = "") -> Body:
    files: list[PurePosixPath] = []
    external: list[str] = []
    refused: dict[str, str] = {}
    resolve = make_resolver(root, source, page_url, pages, files, external, refused)
    rendered = render_markdown(text)
    html, removals = sanitize(rendered, resolve)
    path = root / source
    searched = 0  # the same picture may appear twice: each warning points at the next occurrence
    for image in images_without_text(rendered):
        at = text.find(image, searched)
        searched = at + 1 if at >= 0 else searched
        problems.warning("image-alt", f"{where}图片 \"{image}\" 没有文字说明：请写成 ![图片内容的说明]({image})，"
                         "读屏软件会读出这段说明", path, first_line + text[:max(at, 0)].count("\n"))
    for target, reason in refused.items():
        problems.error("broken-link", f"{where}链接或图片 \"{target}\" {reason}", path, line_of(text, first_line, target))
    for removal in removals:
        problems.warning("sanitized", f"{where}已移除 {removal.what}", path, line_of(text, first_line, removal.snippet))
    return Body(demote_raw_headings(html), tuple(files), tuple(external))


REPORT_SECTIONS = tuple((key, heading) for key, heading in SECTIONS if key in PROSE_KEYS)


def convert_all(content: Content, problems: Problems) -> Bodies:
    root = Path(content.root)
    pages = page_urls(content)
    bodies = Bodies()
    for document in content.documents:
        bodies.items[(document.source.as_posix(), "body")] = convert(
            root, document.source, urls.document_url(document), document.body, document.body_line, pages, problems)
    for rule in content.rules:
        bodies.items[(rule.source.as_posix(), "body")] = convert(
            root, rule.source, urls.rule_url(rule), rule.body, rule.body_line, pages, problems)
    guide = content.guide
    bodies.items[(guide.source.as_posix(), "body")] = convert(
        root, guide.source, urls.GUIDE, guide.body, guide.body_line, pages, problems)
    for report in content.reports:
        for key, heading in REPORT_SECTIONS:
            text = getattr(report, key)
            line = report.lines.get((key,), 1) + 1
            bodies.items[(report.source.as_posix(), key)] = convert(
                root, report.source, urls.report_url(report.year), text, line, pages, problems, f"{key}（{heading}）中的")
    return bodies
