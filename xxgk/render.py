"""Rendering pages with the Jinja2 templates in templates/ (a department may override any one
of them by putting a file at the same path under <content>/templates/).

Overrides are content, and content is untrusted: when a department has any, every template runs in
Jinja2's sandbox (no attribute starting with an underscore, no unsafe callables), so a template cannot
reach Python and run code on the build machine. A template that fails while rendering becomes a
`TemplateFailure` naming the template file and line, reported to the clerk like any content error."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path

import jinja2
import jinja2.sandbox
from markupsafe import Markup

from . import urls
from .assemble import SiteModel
from .pages import NOT_FOUND_URL, Page
from .resources import TEMPLATE_DIR
from .text_safety import xml_safe

OVERRIDE_FOLDER = "templates"
BODY_TABLE_LABEL = "表格（可左右滚动）"


class TemplateFailure(Exception):
    """A template that could not be rendered: its file, the line when known, and what went wrong."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        super().__init__(path, line, message)
        self.path, self.line, self.message = path, line, message


def make_environment(content_root: Path | None = None) -> jinja2.Environment:
    search_path = [str(TEMPLATE_DIR)]
    overrides = content_root / OVERRIDE_FOLDER if content_root is not None else None
    environment = jinja2.Environment
    if overrides is not None and overrides.is_dir():
        search_path.insert(0, str(overrides))
        environment = jinja2.sandbox.SandboxedEnvironment
    return environment(
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
    with reported(page.context.layout):
        return env.get_template(page.context.layout).render(context)


def render_feed(env: jinja2.Environment, model: SiteModel, template: str, **context) -> str:
    with reported(template):
        text = env.get_template(template).render(site=model.site, absolute=urls.absolute_linker(model.site.base_url),
                                                 **context)
    return xml_safe(text)  # a character XML forbids (from the catalogue, say) never makes a feed unreadable


@contextmanager
def reported(template: str) -> Iterator[None]:
    """Turns Jinja2's errors into a TemplateFailure at the template line that raised them."""
    try:
        yield
    except jinja2.TemplateSyntaxError as error:
        raise TemplateFailure(error.filename or template, error.lineno, f"模板语法错误（{error.message}）") from None
    except jinja2.sandbox.SecurityError as error:
        path, line = template_frame(error, template)
        raise TemplateFailure(path, line, f"模板试图使用不允许的功能（{error}），模板只能显示页面提供的数据") from None
    except jinja2.TemplateError as error:
        path, line = template_frame(error, template)
        raise TemplateFailure(path, line, f"模板出错（{error}）") from None
    except TemplateFailure:
        raise
    except Exception as error:  # arithmetic, recursion or memory in a template's own expressions
        path, line = template_frame(error, template)
        raise TemplateFailure(path, line, f"模板运行出错（{type(error).__name__}: {str(error)[:200]}）") from None


def template_frame(error: Exception, template: str) -> tuple[str, int | None]:
    """The innermost template file and line in the error's traceback (Jinja2 maps its frames to them)."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".txt")):
            return frame.filename, frame.lineno
    return template, None


def table_wrapper(env: jinja2.Environment) -> Callable[[str], str]:
    """The table-wrap component as a function, for the tables written in page bodies."""
    name = "components/table-wrap/macro.html"
    with reported(name):
        macro = env.get_template(name).module.table_wrap  # type: ignore[attr-defined]

    def wrap(table: str) -> str:
        with reported(name):
            return str(macro({"label": BODY_TABLE_LABEL, "html": Markup(table)}))
    return wrap
