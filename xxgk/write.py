"""Writing every output file of the site into the staging folder. Pages are rendered on every core,
in batches (so memory does not grow with the site), each taken from the build cache when nothing it
shows has changed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import jinja2

from . import file_policy, urls
from .assemble import SiteModel
from .build_cache import key_of
from .inspection_report import InspectionReport
from .out_guard import MARKER, MARKER_TEXT
from .output import Staging, digest_of
from .pages import Page
from .progress import Progress
from .render import render_feed, render_page
from .resources import TEMPLATE_DIR
from .site_pages import build_pages, not_found_page
from .work import Work

FEED_SIZE = 50
ASSETS = "assets"
RENDER_BATCH = 2000


@dataclass(frozen=True)
class Rendered:
    """What the cache keeps of a rendered page: not its HTML, which --out holds, but its digest (to tell
    that --out still holds it) and the links it makes (for the link check)."""

    digest: str
    targets: tuple[str, ...]  # every site-relative URL the page links to


@dataclass(frozen=True)
class PageEntry:
    """What the sitemap and robots.txt need of a page."""

    url: str
    lastmod: str | None
    in_sitemap: bool

    @classmethod
    def of(cls, page: Page) -> PageEntry:
        return cls(page.url, page.lastmod, page.in_sitemap)


@dataclass(frozen=True)
class Written:
    pages: int
    files: int
    targets: tuple[tuple[str, tuple[str, ...]], ...]  # (page URL, the URLs it links to), for the link check


def page_key(model: SiteModel, page: Page, templates: str) -> str | None:
    """Everything a page's HTML is made from, as a cache key: the templates' digest, the site settings,
    the page's own fields and its typed context (frozen dataclasses, so their repr is their value)."""
    state = repr((model.site, page.url, page.title, page.section, page.crumbs, page.description,
                  page.content_security_policy, page.in_sitemap, page.parts, page.context))
    return None if " at 0x" in state else key_of("page", templates, state)


def write_pages(work: Work, staging: Staging, env: jinja2.Environment, model: SiteModel, pages: list[Page],
                templates: str) -> list[Rendered]:
    """Render and stage the pages that changed, or whose file in --out is not as the last build left it;
    the others stay as they are."""
    keys = [page_key(model, page, templates) for page in pages]
    known: list[Rendered | None] = [work.cache.get("page", key) if key else None for key in keys]
    stale = [index for index, (page, found) in enumerate(zip(pages, known, strict=True))
             if found is None or not staging.unchanged(urls.output_file(page.url), found.digest)]

    def render(page: Page) -> tuple[bytes, Rendered]:
        html = render_page(env, model, page).encode("utf-8")
        return html, Rendered(digest_of(html), tuple(sorted(page.link.targets)))

    for index, (html, rendered) in zip(stale, work.parallel(render, [pages[i] for i in stale]), strict=True):
        staging.write_bytes(urls.output_file(pages[index].url), html, rendered.digest)
        key = keys[index]
        if key is not None:
            work.cache.put("page", key, rendered)
        known[index] = rendered
    for page, found in zip(pages, known, strict=True):
        assert found is not None
        staging.keep(urls.output_file(page.url), found.digest)
    work.computed["page"] += len(stale)
    return [found for found in known if found is not None]


def write_site(staging: Staging, env: jinja2.Environment, model: SiteModel, content_root: Path,
               progress: Progress, inspection: InspectionReport | None = None, exact_shards: int = 1,
               work: Work | None = None, templates: str = "", index_shards: tuple[str, ...] = ()) -> Written:
    """Pages, feeds, assets and published files."""
    work = work or Work()

    def every_page() -> Iterator[Page]:
        yield from build_pages(model, inspection, exact_shards, index_shards)
        yield not_found_page(model)

    # Pages are made twice, once to count them and note what the feeds need, once to render them a batch
    # at a time: holding every page's context (a copy of every body) at once would take as much memory again.
    entries = [PageEntry.of(page) for page in every_page()]
    files = 0
    targets: list[tuple[str, tuple[str, ...]]] = []
    pages = every_page()
    for start in range(0, len(entries), RENDER_BATCH):
        batch = list(islice(pages, RENDER_BATCH))
        for page, rendered in zip(batch, write_pages(work, staging, env, model, batch, templates), strict=True):
            targets.append((page.url, rendered.targets))
            for path, data in page.files:
                staging.write_bytes(path, data)
                files += 1
        progress.update("生成页面", min(start + RENDER_BATCH, len(entries)), len(entries))
    progress.finish()
    for name, text in feeds(env, model, entries[:-1]).items():
        staging.write_text(name, text)
    staging.write_text(MARKER, MARKER_TEXT)  # tells a later build that this folder is a site it may replace
    for name, source in sorted(asset_files(content_root)):
        staging.copy(source, f"{ASSETS}/{name}")
        files += 1
    for published in model.files:
        if published.as_posix() in staging.digests:  # file_policy reserves these paths; never overwrite a generated file
            raise RuntimeError(f"content file {published} would replace a generated file")
        converted = file_policy.published_bytes(content_root / published)
        if converted is None:
            staging.copy(content_root / published, published.as_posix())
        else:
            staging.write_bytes(published.as_posix(), converted)
        files += 1
    return Written(len(entries), files, tuple(targets))


def feeds(env: jinja2.Environment, model: SiteModel, pages: list[PageEntry]) -> dict[str, str]:
    """sitemap.xml, feed.xml and robots.txt."""
    sitemap = [p for p in pages if p.in_sitemap]
    newest = model.documents[:FEED_SIZE]
    updated = newest[0].document.published_on.isoformat() if newest else model.guide.guide.updated_on.isoformat()
    sitemap_url = (model.site.base_url.rstrip("/") + "/sitemap.xml") if model.site.base_url else None
    prefix = urls.root_path(model.site.base_url)
    hidden = [prefix + p.url for p in pages if not p.in_sitemap and p.url != urls.SEARCH]
    return {
        "sitemap.xml": render_feed(env, model, "feeds/sitemap.xml", entries=sitemap),
        "feed.xml": render_feed(env, model, "feeds/atom.xml", documents=newest, updated=updated),
        "robots.txt": render_feed(env, model, "feeds/robots.txt", sitemap=sitemap_url, hidden=hidden),
    }


def asset_files(content_root: Path) -> set[tuple[str, Path]]:
    """Stylesheets and scripts: the product's, each replaceable by the department's own copy."""
    found: dict[str, Path] = {}
    for folder in (TEMPLATE_DIR / ASSETS, content_root / "templates" / ASSETS):
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file():
                    found[path.relative_to(folder).as_posix()] = path
    return set(found.items())
