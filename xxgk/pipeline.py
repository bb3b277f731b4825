"""The build as a recipe of plain stages:

    load content -> check (across files, bodies converted, self-inspection) -> assemble the site model
                 -> render pages -> write to a staging folder -> check links -> swap into --out

Parsing files, converting bodies and rendering pages run on every core and come from the build cache
when their inputs have not changed (`work.Work`)."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from . import urls
from .assemble import SiteModel, assemble
from .build_cache import BuildCache, folder_digest, key_of, key_of_each
from .check_report import Verdict
from .check_result import CheckResult
from .checks import run_checks
from .linkcheck import broken_links, missing_targets
from .loader import load_content
from .model import Content, SourceLines
from .output import Staging
from .pages import NOT_FOUND_URL
from .portal_export import write_for_portal
from .problems import Problems
from .progress import Progress
from .render import OVERRIDE_FOLDER, TemplateFailure, make_environment, table_wrapper
from .resources import TEMPLATE_DIR
from .run_memo import inputs_digest, out_matches, run_key
from .search_exact import exact_shards, record_citations
from .search_index import write_search
from .search_records import SearchRecord, search_records
from .template_overrides import check_overrides, override_templates, try_overrides
from .work import Work
from .workers import default_jobs
from .write import write_site


@dataclass(frozen=True)
class BuildResult:
    check: CheckResult
    pages: int = 0
    files: int = 0
    seconds: float = 0.0
    written: bool = False
    search_seconds: float = 0.0  # of `seconds`: the search records, exact-lookup shards and Pagefind bundle
    rendered: int = 0  # pages rendered afresh; the others came from the build cache
    index_shards: int = 0  # search-index shards of the site
    indexed: int = 0  # of those, the shards Pagefind indexed afresh
    unchanged: bool = False  # nothing the site is made from had changed: --out was left as it was


def templates_digest(content_dir: Path, work: Work) -> str:
    """The product's templates and the department's overrides: a change to any re-renders every page.
    (Only the cache needs it.)"""
    return folder_digest([TEMPLATE_DIR, content_dir / OVERRIDE_FOLDER]) if work.cache.enabled else ""


def check(content_dir: Path, today: dt.date, work: Work | None = None) -> CheckResult:
    """Load the content folder and run every check; nothing is written."""
    work = work or Work()
    problems = Problems()
    loaded = load_content(content_dir, problems, work)
    if loaded is None:
        return CheckResult(None, None, problems)
    # with a broken override the other checks still run, with the product's templates (nothing is written)
    overrides_usable = check_overrides(content_dir, problems)
    environment = make_environment(content_dir if overrides_usable else None)
    try:
        checked = run_checks(loaded, today, problems, table_wrapper(environment), work,
                             templates_digest(content_dir, work))
        if overrides_usable and override_templates(content_dir) and checked.content and checked.bodies \
                and not problems.errors:
            try_overrides(environment, assemble(checked.content, checked.bodies, today), checked.inspection)
    except TemplateFailure as failure:
        problems.error("template", failure.message, failure.path, failure.line)
        return CheckResult(None, None, problems)
    passed = not Verdict(problems, checked.inspection).errors
    return CheckResult(checked.content if passed else None, checked.bodies, problems, checked.inspection)


def manifest_key(out: Path) -> str:
    """What --out holds after the last build into it (output.Manifest), in the cache."""
    return key_of("manifest", str(out.resolve()))


def build(content_dir: Path, out: Path, today: dt.date, strict: bool = False,
          progress: Progress | None = None, search: bool = True, cache: Path | None = None,
          jobs: int | None = None, verify: bool = False, base_url: str | None = None) -> BuildResult:
    """Check, then write the site to a staging folder and swap it into `out` only if all went well.
    `cache` is the folder of the incremental-build cache (None: build from scratch); `verify` also
    reads every written page back to check its links (slow; the build checks them without that);
    `base_url` replaces site.yaml's (the preview server's own address)."""
    started = time.monotonic()
    work = Work(BuildCache(cache), jobs if jobs is not None else default_jobs())
    try:
        key = check_key = None
        if work.cache.enabled and not verify and cache is not None:  # --verify: read the output back, a real build
            inputs = inputs_digest(content_dir, {out, cache})
            key = run_key("build", inputs, today, (search, str(out.resolve()), base_url))
            if not out.resolve().is_relative_to(content_dir.resolve()):  # else `check` reads files the build skips
                check_key = run_key("check", inputs, today)
            remembered = work.cache.get("run", key)
            if remembered is not None and out_matches(out.resolve(), work.cache.get("manifest", manifest_key(out))):
                if remembered.check.failed(strict):
                    return BuildResult(remembered.check)
                return replace(remembered, seconds=time.monotonic() - started, rendered=0, indexed=0, unchanged=True)
        result = build_with(work, content_dir, out, today, strict, progress or Progress(False), search, verify, started,
                            base_url)
        if key is not None and result.written:
            work.cache.put("run", key, replace(result, check=result.check.outcome))
            if check_key is not None:  # a `check` after this build needs to load nothing
                work.cache.put("run", check_key, result.check.outcome)
        return result
    finally:
        work.cache.close()


def without_sources(content: Content) -> Content:
    """The documents without their Markdown and source lines, which only loading and checking read: the
    converted bodies are what the pages show, and at 100,000 documents the sources would be a few
    hundred MB more held until the end of the build."""
    return replace(content, documents=tuple(replace(d, body="", lines=SourceLines()) for d in content.documents))


def exact_lookup(work: Work, records: list[SearchRecord]) -> tuple[int, dict[int, dict[str, dict]], dict[str, dict]]:
    """search_exact.exact_shards, from the cache when no record changed; else each page's citations are
    found on every core and kept in the cache, so a changed page costs one search of its text, not one of
    every page's."""
    keys = [key_of("citations", record.title, record.text) for record in records]
    work.cache.keep("citations", keys)

    def compute(_records: list[SearchRecord]) -> tuple[int, dict[int, dict[str, dict]], dict[str, dict]]:
        cited = work.map("citations", range(len(records)), keys.__getitem__, lambda i: record_citations(records[i]))
        return exact_shards(records, cited)
    return work.map("exact-lookup", [records], partial(key_of_each, "exact-lookup"), compute)[0]


def write_search_stage(work: Work, staging: Staging, model: SiteModel, search: bool) -> tuple[int, tuple[str, ...]]:
    """The search bundle and the portal's summary; returns the number of exact-lookup shards and the names
    of the index shards. Its own function so the search records (every page's text) are freed before the
    pages are rendered: memory must not hold two copies of every body."""
    records = search_records(model) if search else []
    shard_count, shards, outgoing = exact_lookup(work, records)
    index_shards: tuple[str, ...] = ()
    if search:
        index_shards = write_search(staging, records, shards, work, model.site.limits.search_shard_pages)
    write_for_portal(staging, model, index_shards, shard_count, outgoing)
    return shard_count, index_shards


def build_with(work: Work, content_dir: Path, out: Path, today: dt.date, strict: bool, progress: Progress,
               search: bool, verify: bool, started: float, base_url: str | None = None) -> BuildResult:
    result = check(content_dir, today, work)
    content, bodies = result.content, result.bodies
    if result.failed(strict) or content is None or bodies is None:
        return BuildResult(result)
    result = result.outcome  # what is reported; the content is kept below, without its sources
    content = without_sources(content)
    if base_url is not None:
        content = replace(content, site=replace(content.site, base_url=base_url))
    model = assemble(content, bodies, today)
    # --verify reads the whole new site back before publishing it, so it stages the whole site
    staging = Staging(out, None if verify else work.cache.get("manifest", manifest_key(out)))
    try:
        search_started = time.monotonic()
        shard_count, index_shards = write_search_stage(work, staging, model, search)
        search_seconds = time.monotonic() - search_started
        try:
            written = write_site(staging, make_environment(content_dir), model, content_dir, progress,
                                 result.inspection, shard_count, work, templates_digest(content_dir, work), index_shards)
        except TemplateFailure as failure:
            result.problems.error("template", failure.message, failure.path, failure.line)
            staging.discard()
            return BuildResult(result)
        for page_url, target in missing_targets(written.targets, staging.written):
            href = urls.relative(page_url, target) if page_url != NOT_FOUND_URL else urls.absolute(urls.root_path(content.site.base_url), target)
            result.problems.error("output-link", f"生成的页面中有无法打开的链接 \"{href}\"", out / urls.output_file(page_url))
        if verify:
            for page, reference in broken_links(staging.path, content.site.base_url):
                result.problems.error("output-link", f"生成的页面中有无法打开的链接 \"{reference}\"", out / page)
        if result.problems.errors:
            staging.discard()
            return BuildResult(result, written.pages, written.files, time.monotonic() - started)
        work.cache.put("manifest", manifest_key(out), staging.commit())
        work.cache.keep_only_used()
    except BaseException:
        staging.discard()
        raise
    return BuildResult(result, written.pages, written.files, time.monotonic() - started, True, search_seconds,
                       work.computed["page"], len(index_shards), work.computed["search-shard"])
