"""Writing every output file of the site into the staging folder."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from . import urls
from .assemble import SiteModel
from .inspection import InspectionReport
from .output import Staging
from .pages import build_pages, not_found_page
from .progress import Progress
from .render import TEMPLATE_DIR, render_feed, render_page

FEED_SIZE = 50
ASSETS = "assets"


def write_site(staging: Staging, env: jinja2.Environment, model: SiteModel, content_root: Path,
               progress: Progress, inspection: InspectionReport | None = None, exact_shards: int = 1) -> tuple[int, int]:
    """Pages, feeds, assets and published files. Returns (pages, other files) written."""
    pages = list(build_pages(model, inspection, exact_shards))
    files = 0
    for done, page in enumerate(pages, start=1):
        staging.write_text(urls.output_file(page.url), render_page(env, model, page))
        for path, data in page.files:
            staging.file(path).write_bytes(data)
            files += 1
        progress.update("生成页面", done, len(pages))
    progress.finish()
    not_found = not_found_page(model)
    staging.write_text(not_found.url, render_page(env, model, not_found))
    sitemap = [p for p in pages if p.in_sitemap]
    staging.write_text("sitemap.xml", render_feed(env, model, "feeds/sitemap.xml", entries=sitemap))
    newest = model.documents[:FEED_SIZE]
    updated = newest[0].document.published_on.isoformat() if newest else model.guide.guide.updated_on.isoformat()
    staging.write_text("feed.xml", render_feed(env, model, "feeds/atom.xml", documents=newest, updated=updated))
    sitemap_url = (model.site.base_url.rstrip("/") + "/sitemap.xml") if model.site.base_url else None
    prefix = urlsplit(model.site.base_url).path if model.site.base_url else "/"
    hidden = [prefix + p.url for p in pages if not p.in_sitemap and p.url != urls.SEARCH]
    staging.write_text("robots.txt", render_feed(env, model, "feeds/robots.txt", sitemap=sitemap_url, hidden=hidden))
    for name, source in sorted(asset_files(content_root)):
        staging.copy(source, f"{ASSETS}/{name}")
        files += 1
    for published in model.files:
        staging.copy(content_root / published, published.as_posix())
        files += 1
    return len(pages) + 1, files


def asset_files(content_root: Path) -> set[tuple[str, Path]]:
    """Stylesheets and scripts: the product's, each replaceable by the department's own copy."""
    found: dict[str, Path] = {}
    for folder in (TEMPLATE_DIR / ASSETS, content_root / "templates" / ASSETS):
        if folder.is_dir():
            for path in folder.rglob("*"):
                if path.is_file():
                    found[path.relative_to(folder).as_posix()] = path
    return set(found.items())
