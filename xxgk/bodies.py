"""Converting every Markdown body to HTML, resolving local links and images against the content
folder. Broken internal links are errors: evaluators count them against a site."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from . import file_policy, urls
from .body_html import fit_headings, wrap_tables
from .build_cache import key_of
from .markdown_render import conversion_hazard, render_markdown
from .model import Content
from .paths import is_file, resolve_reference
from .personal_data import PersonalData, find_personal_data
from .problems import Problem, Problems
from .report_format import PROSE_KEYS, SECTIONS
from .sanitize import sanitize
from .search_text import html_text
from .work import Work

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
    text: str = ""  # the plain text, as search indexes it
    personal_data: tuple[PersonalData, ...] = ()  # found in the Markdown source, with file lines


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


# What one written target became: the URL published (None: refused), why it was refused, the local file it
# publishes, and the problem code of a refusal.
Outcome = tuple[str | None, str | None, PurePosixPath | None, str]
BROKEN = "broken-link"


@dataclass
class Resolver:
    """Resolves the link and image targets written in one body, remembering each outcome: a cached
    conversion is reused only while every target it resolved still resolves the same way."""

    root: Path
    source: PurePosixPath
    page_url: str
    pages: Mapping[str, str]
    outcomes: dict[str, Outcome] = field(default_factory=dict)

    def __call__(self, target: str) -> str | None:
        outcome = self.outcome(target)
        self.outcomes[target] = outcome
        return outcome[0]

    def outcome(self, target: str) -> Outcome:
        target = target.strip()
        if not target or EXTERNAL.match(target):
            return target, None, None, ""  # unsafe schemes (javascript: …) are removed, with a warning, by the sanitiser
        parts = urlsplit(target)
        path, reason = resolve_reference(self.root, self.source, parts.path, allow_parent=True)
        if reason or path is None:
            return None, reason or "无法读取", None, BROKEN
        suffix = ("?" + parts.query if parts.query else "") + ("#" + parts.fragment if parts.fragment else "")
        if path.as_posix() in self.pages:
            return urls.relative(self.page_url, self.pages[path.as_posix()]) + suffix, None, None, ""
        if is_file(self.root / path) and path.suffix != ".md":
            refused = file_policy.refusal(self.root, path)
            if refused:
                return None, refused, None, "file-type"
            return urls.relative(self.page_url, urls.file_url(path)) + suffix, None, path, ""
        return None, "指向的文件不存在；站内链接请写相对于本文件的路径，如 ../2023/notice.md", None, BROKEN

    def still_valid(self, outcomes: Mapping[str, Outcome]) -> bool:
        return all(self.outcome(target) == outcome for target, outcome in outcomes.items())


def line_in(text: str, first_line: int, needle: str, start: int = 0) -> tuple[int, int]:
    """(file line, index) of the first `needle` in `text` from `start`; the body's first line if absent."""
    index = text.find(needle, start)
    return (first_line + text.count("\n", 0, index), index) if index >= 0 else (first_line, -1)


@dataclass(frozen=True)
class BodySource:
    """One body to convert, with everything its HTML depends on besides the files it links to."""

    source: PurePosixPath
    page_url: str
    text: str
    first_line: int
    top_heading: int = PAGE_TOP_HEADING
    where: str = ""  # names the report section, in messages
    section: str | None = None  # the report's prose key, for a section of an annual report


@dataclass(frozen=True)
class Converted:
    body: Body
    problems: tuple[Problem, ...]
    outcomes: Mapping[str, Outcome]


@dataclass(frozen=True)
class Converter:
    """Converts the bodies of one content folder; `wrap_table` is the table-wrap component."""

    root: Path
    pages: dict[str, str]
    wrap_table: Callable[[str], str]

    def resolver(self, item: BodySource) -> Resolver:
        return Resolver(self.root, item.source, item.page_url, self.pages)

    def convert(self, item: BodySource) -> Converted:
        problems = Problems()
        text, first_line, where = item.text, item.first_line, item.where
        resolve = self.resolver(item)
        hazard = conversion_hazard(text)
        if hazard is not None:
            problems.error("markdown", f"{where}{hazard[1]}", self.root / item.source, first_line + hazard[0])
            return Converted(Body(item.source, "", (), ()), problems.items, {})
        result = sanitize(render_markdown(text), resolve)
        path = self.root / item.source
        searched = 0  # the same picture may appear twice: each warning points at the next occurrence
        for image in result.unlabelled_images:
            line, at = line_in(text, first_line, image, searched)
            searched = at + 1 if at >= 0 else searched
            problems.warning("image-alt", f"{where}图片 \"{image}\" 没有文字说明：请写成 ![图片内容的说明]({image})，"
                             "读屏软件会读出这段说明", path, line)
        for target, (_url, reason, _file, code) in resolve.outcomes.items():
            if reason:
                problems.error(code, f"{where}链接或图片 \"{target}\" {reason}", path,
                               line_in(text, first_line, target)[0])
        for removal in result.removals:
            problems.warning("sanitized", f"{where}已移除 {removal.what}", path,
                             line_in(text, first_line, removal.snippet)[0])
        html = wrap_tables(fit_headings(result.html, item.top_heading), self.wrap_table)
        files = tuple(file for _url, _reason, file, _code in resolve.outcomes.values() if file is not None)
        external = tuple(t.strip() for t in resolve.outcomes if t.strip().lower().startswith(("http:", "https:")))
        personal = tuple(find_personal_data(text, first_line))
        return Converted(Body(item.source, html, files, external, html_text(html), personal), problems.items,
                         dict(resolve.outcomes))


def body_sources(content: Content) -> list[BodySource]:
    """Every body of the column, in a fixed order: documents, rules, the guide, report sections."""
    items = [BodySource(d.source, urls.document_url(d), d.body, d.body_line) for d in content.documents]
    items += [BodySource(r.source, urls.rule_url(r), r.body, r.body_line) for r in content.rules]
    guide = content.guide
    items.append(BodySource(guide.source, urls.GUIDE, guide.body, guide.body_line))
    for report in content.reports:
        items += [BodySource(report.source, urls.report_url(report.year), getattr(report, key),
                             (report.lines.line(key) or 1) + 1, SECTION_TOP_HEADING, f"{key}（{heading}）中的",
                             key)
                  for key, heading in REPORT_SECTIONS]
    return items


def convert_all(content: Content, problems: Problems, wrap_table: Callable[[str], str], work: Work | None = None,
                templates: str = "") -> Bodies:
    """Every body converted on every core; a body whose text, place and templates (`templates`, their
    digest) are unchanged, and whose links still resolve the same way, comes from the build cache."""
    work = work or Work()
    converter = Converter(Path(content.root), page_urls(content), wrap_table)
    root, cwd = str(content.root), os.getcwd()

    def key(item: BodySource) -> str:
        return key_of("body", root, cwd, templates, item.source, item.page_url, item.text, item.first_line,
                      item.top_heading, item.where, item.section)

    def reuse(item: BodySource, converted: Converted) -> bool:
        return converter.resolver(item).still_valid(converted.outcomes)

    items = body_sources(content)
    pages: dict[PurePosixPath, Body] = {}
    sections: dict[PurePosixPath, dict[str, Body]] = {}
    for item, converted in zip(items, work.map("body", items, key, converter.convert, reuse), strict=True):
        problems.extend(converted.problems)
        if item.section is not None:
            sections.setdefault(item.source, {})[item.section] = converted.body
        else:
            pages[item.source] = converted.body
    return Bodies(pages, sections)
