"""Rendering pages with the Jinja2 templates in templates/ (a department may override any one
of them by putting a file at the same path under <content>/templates/)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import urls
from .assemble import SiteModel
from .pages import NOT_FOUND_URL, Page

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
OVERRIDE_FOLDER = "templates"
BODY_TABLE_LABEL = "表格（可左右滚动）"


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


def render_page(env: jinja2.Environment, model: SiteModel, page: Page) -> str:
    """The page's layout with what base.html needs and the fields of the page's typed context."""
    context = {
        "site": model.site, "page_url": page.url, "title": page.title, "parts": page.nav,
        "breadcrumb_items": page.crumbs, "url": page.link, "absolute_links": page.url == NOT_FOUND_URL,
        "description": page.description, "content_security_policy": Markup(page.content_security_policy),
        **{f.name: getattr(page.context, f.name) for f in fields(page.context)},
    }
    return env.get_template(page.context.layout).render(context)


def render_feed(env: jinja2.Environment, model: SiteModel, template: str, **context) -> str:
    return env.get_template(template).render(site=model.site, absolute=urls.absolute_linker(model.site.base_url),
                                             **context)


def table_wrapper(env: jinja2.Environment) -> Callable[[str], str]:
    """The table-wrap component as a function, for the tables written in page bodies."""
    macro = env.get_template("components/table-wrap/macro.html").module.table_wrap  # type: ignore[attr-defined]
    return lambda table: str(macro({"label": BODY_TABLE_LABEL, "html": Markup(table)}))
