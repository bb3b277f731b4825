"""Checking a department's template overrides (content/templates/), so `check` finds what would
otherwise only fail, or be refused by the sandbox, while building: each template must parse, none may
reach an attribute whose name starts with an underscore (the way out of a template into Python; the
sandbox refuses it at render time too), and one page of every kind, the 404 page and the feeds must
render with them."""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import nodes

from .assemble import SiteModel
from .file_policy import SIGNATURES, matches
from .inspection_report import InspectionReport
from .problems import Problems
from .render import OVERRIDE_FOLDER, make_environment, render_page
from .site_pages import build_pages, not_found_page
from .write import PageEntry, feeds

ASSETS = "assets"  # copied, not rendered
TEMPLATE_SUFFIXES = (".html", ".xml", ".txt")


def override_templates(content_dir: Path) -> list[Path]:
    folder = content_dir / OVERRIDE_FOLDER
    if not folder.is_dir():
        return []
    return [path for path in sorted(folder.rglob("*")) if path.is_file() and path.suffix in TEMPLATE_SUFFIXES
            and path.relative_to(folder).parts[0] != ASSETS]


# What a department may put in templates/assets/: styles, pictures and fonts. No scripts (they would run on
# the site's own origin, which on a shared platform is every department's), no web pages, no SVG.
ASSET_SUFFIXES = {".css", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2"}


def check_assets(content_dir: Path, problems: Problems) -> None:
    folder = content_dir / OVERRIDE_FOLDER / ASSETS
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_dir() and not path.is_symlink():
            continue
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            problems.error("file-type", "是隐藏文件（名称以“.”开头），不能发布", path)
        elif path.suffix.lower() not in ASSET_SUFFIXES:
            problems.error("file-type", f"不能作为网站资源发布：templates/assets/ 只接受样式表和图片、字体"
                                        f"（{'、'.join(sorted(ASSET_SUFFIXES))}），脚本、网页和 SVG 会在浏览器中运行", path)
        elif path.suffix.lower() in SIGNATURES and not file_matches(path):
            problems.error("file-type", f"的内容与扩展名 {path.suffix} 不符，可能是改了扩展名的其他文件", path)


def file_matches(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return matches(path.suffix.lower(), handle.read(16))
    except OSError:
        return False


def check_overrides(content_dir: Path, problems: Problems) -> bool:
    """Report every override that does not parse or reaches for hidden attributes, and every asset that may
    not be published; True when all templates are usable."""
    check_assets(content_dir, problems)
    environment = make_environment(content_dir)
    usable = True
    for path in override_templates(content_dir):
        try:
            source = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.error("template", "模板文件不是 UTF-8 编码，请另存为 UTF-8", path)
            usable = False
            continue
        try:
            tree = environment.parse(source, path.name, str(path))
        except jinja2.TemplateSyntaxError as error:
            problems.error("template", f"模板语法错误（{error.message}）", path, error.lineno)
            usable = False
            continue
        for line, name in hidden_attributes(tree):
            problems.error("template", f"模板不能访问以下划线开头的名称 \"{name}\"：模板只能显示页面提供的数据", path, line)
            usable = False
    return usable


def hidden_attributes(tree: nodes.Template) -> list[tuple[int, str]]:
    """(line, name) of every `x._name`, `x["_name"]` and `x|attr("_name")` in a parsed template."""
    found = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        name: object
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem):
            name = node.arg.value if isinstance(node.arg, nodes.Const) else None
        elif isinstance(node, nodes.Filter):
            name = node.args[0].value if node.name == "attr" and node.args and isinstance(node.args[0], nodes.Const) \
                else None
        else:
            name = None
        if isinstance(name, str) and name.startswith("_"):
            found.append((node.lineno, name))
    return found


def try_overrides(environment: jinja2.Environment, model: SiteModel, inspection: InspectionReport | None) -> None:
    """Render one page of each layout, the 404 page and the feeds: raises TemplateFailure as a build would."""
    seen: set[str] = set()
    entries = []
    for page in build_pages(model, inspection):
        entries.append(PageEntry.of(page))
        if page.context.layout not in seen:
            seen.add(page.context.layout)
            render_page(environment, model, page)
    render_page(environment, model, not_found_page(model))
    feeds(environment, model, entries)
