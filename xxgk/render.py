"""Rendering pages with the Jinja2 templates in templates/ (a department may override any one
of them by putting a file at the same path under <content>/templates/)."""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from . import urls
from .assemble import SiteModel
from .csp import CONTENT_SECURITY_POLICY
from .pages import PARTS, Page

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
OVERRIDE_FOLDER = "templates"
NOT_FOUND_URL = "404.html"
def make_environment(content_root: Path | None = None) -> jinja2.Environment:
    search_path = [str(TEMPLATE_DIR)]
    if content_root is not None and (content_root / OVERRIDE_FOLDER).is_dir():
        search_path.insert(0, str(content_root / OVERRIDE_FOLDER))
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(search_path),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def absolute_url(model: SiteModel, url: str) -> str:
    base = model.site.base_url or "/"
    return base.rstrip("/") + "/" + url


def link_maker(model: SiteModel, page_url: str, absolute: bool):
    """`url(target)` in templates: relative to the page, or absolute for the 404 page, which a
    server shows at any depth."""
    if absolute:
        return lambda target: absolute_url(model, target)
    return lambda target: urls.relative(page_url, target)


def render_page(env: jinja2.Environment, model: SiteModel, page: Page) -> str:
    absolute = page.url == NOT_FOUND_URL
    url = link_maker(model, page.url, absolute)
    crumbs = [{"text": c.text, "href": url(c.url)} for c in page.crumbs]
    context = {
        "site": model.site, "page_url": page.url, "title": page.title, "section": page.section,
        "parts": PARTS, "breadcrumb_items": crumbs, "url": url, "absolute_links": absolute,
        "description": None, "content_security_policy": Markup(CONTENT_SECURITY_POLICY), **relativize(page.context, url),
    }
    return env.get_template(page.layout).render(context)


LINK_KEYS = frozenset({"href", "prev", "next"})


def relativize(value, url):
    """Page contexts hold site-relative links under `href`/`prev`/`next`; make them page-relative."""
    if isinstance(value, dict):
        return {k: (url(v) if k in LINK_KEYS and isinstance(v, str) else relativize(v, url)) for k, v in value.items()}
    if isinstance(value, list):
        return [relativize(v, url) for v in value]
    return value


def render_feed(env: jinja2.Environment, model: SiteModel, template: str, **context) -> str:
    return env.get_template(template).render(
        site=model.site, absolute=lambda target: absolute_url(model, target), **context)
