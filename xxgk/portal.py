"""`xxgk portal`: many departments on one platform. Each department's column is built apart (here, or
by its own CI job, `--from SLUG=BUILT_SITE`) exactly as its own build makes it with the portal's
address, and the portal adds what joins them: a home page listing every department and one search
page over all of them. Nothing a department built is indexed or rendered again. A department whose
build failed keeps the version the portal last published."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from . import urls
from .check_report import format_report
from .csp import CONTENT_SECURITY_POLICY, SEARCH_CONTENT_SECURITY_POLICY
from .out_guard import MARKER, MARKER_TEXT
from .output import Staging
from .pipeline import build
from .portal_config import Portal, load_portal
from .portal_search import BuiltDepartment, combined_exact, read_summary, search_indexes
from .problems import Problems
from .render import make_environment, reported
from .resources import TEMPLATE_DIR
from .search_exact import FOLDER as EXACT_FOLDER
from .search_index import write_t2s

PORTAL_ASSETS = ("site.css", "display.js", "search.js", "search-text.js")


@dataclass(frozen=True)
class DepartmentOutcome:
    slug: str
    state: str  # built | prebuilt | kept (its build failed: the last published version stays) | missing
    report: str = ""  # the check report of a failed build, or why a prebuilt site was refused


@dataclass(frozen=True)
class PortalResult:
    problems: Problems  # portal.yaml and the departments folder
    departments: tuple[DepartmentOutcome, ...] = ()
    written: bool = False

    @property
    def failed_departments(self) -> tuple[DepartmentOutcome, ...]:
        return tuple(d for d in self.departments if d.state in ("kept", "missing"))


def usable_site(site: Path, search: bool) -> str | None:
    """Why a built department cannot be taken (None: it can)."""
    if not site.is_dir():
        return f"{site} 不存在（该部门的生成任务可能失败了）"
    if not (site / MARKER).is_file():
        return f"{site} 不是 xxgk 生成的网站（缺少 {MARKER}）"
    summary = read_summary(site)
    if summary is None:
        return f"{site} 中没有 search/portal.json：请用本版本的 xxgk build 生成"
    if search and not summary.get("index_shards"):
        return f"{site} 生成时没有搜索索引（--no-search）"
    return None


def link_tree(source: Path, target: Path) -> None:
    """A department's built files into the portal: hard links where the filesystem allows (nothing is
    copied, and no file is ever written to in place, so sharing is safe), else copies."""
    for folder, _dirs, names in os.walk(source):
        inside = Path(folder).relative_to(source)
        (target / inside).mkdir(parents=True, exist_ok=True)
        for name in names:
            try:
                os.link(Path(folder) / name, target / inside / name)
            except OSError:
                shutil.copy2(Path(folder) / name, target / inside / name)


def department_site(portal: Portal, slug: str, content: Path, out: Path, work: Path, today: dt.date,
                    prebuilt: dict[str, Path], search: bool, cache: Path | None,
                    strict: bool) -> tuple[Path | None, DepartmentOutcome]:
    """Where the department's built site is, and what happened to it."""
    if slug in prebuilt:
        refused = usable_site(prebuilt[slug], search)
        site, state, report = (prebuilt[slug], "prebuilt", "") if refused is None else (None, "", refused)
    else:
        # with a cache, each department is built into a folder of its own that outlives the run, so a department
        # that did not change is not even written again (the build's whole-run memo finds it as it left it)
        target = cache / "portal-sites" / slug if cache else work / slug
        result = build(content, target, today, strict=strict, search=search,
                       cache=cache / "portal" / slug if cache else None, base_url=portal.department_url(slug))
        verdict = result.check.verdict
        site, state, report = (target, "built", "") if result.written else (None, "", format_report(verdict, strict))
    if site is not None:
        return site, DepartmentOutcome(slug, state, report)
    previous = out / slug
    if (previous / MARKER).is_file() and read_summary(previous) is not None:
        return previous, DepartmentOutcome(slug, "kept", report)
    return None, DepartmentOutcome(slug, "missing", report)


def render(template: str, page_url: str, portal: Portal, csp: str, **context) -> str:
    link = urls.linker(page_url) if page_url != "404.html" else urls.absolute_linker(urls.root_path(portal.base_url))
    with reported(template):
        return make_environment().get_template(template).render(
            portal=portal, url=link, content_security_policy=Markup(csp), **context)


def write_portal_pages(staging: Staging, portal: Portal, departments: list[BuiltDepartment], search: bool) -> None:
    by_slug = {d.slug: d for d in departments}
    groups = []
    for name, slugs in portal.groups:
        listed = [{"slug": slug, "name": by_slug[slug].name,
                   "latest": [{"title": item["title"], "href": f"{slug}/{item['url']}", "date": item["date"]}
                              for item in by_slug[slug].summary.get("latest", [])]}
                  for slug in slugs if slug in by_slug]
        if listed:
            groups.append({"name": name, "departments": listed})
    staging.write_text("index.html", render("portal/home.html", "", portal, CONTENT_SECURITY_POLICY,
                                            title=portal.name, groups=groups))
    staging.write_text("404.html", render("portal/404.html", "404.html", portal, CONTENT_SECURITY_POLICY,
                                          title="页面不存在"))
    def write_shard(number: int, entries: dict[str, dict]) -> None:
        staging.write_text(f"{EXACT_FOLDER}/{number}.json",
                           json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    count = combined_exact(departments, write_shard) if search else 1
    indexes = json.dumps(search_indexes(departments), ensure_ascii=False, separators=(",", ":"))
    staging.write_text("search/index.html", render("portal/search.html", "search/", portal, SEARCH_CONTENT_SECURITY_POLICY,
                                                   title="搜索", exact_shards=count, indexes=indexes))
    if search:
        write_t2s(staging)
    for name in PORTAL_ASSETS:
        staging.copy(TEMPLATE_DIR / "assets" / name, f"assets/{name}")
    if portal.base_url:
        sitemaps = "".join(f"<sitemap><loc>{portal.base_url}{d.slug}/sitemap.xml</loc></sitemap>" for d in departments)
        staging.write_text("sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns='
                           f'"http://www.sitemaps.org/schemas/sitemap/0.9">{sitemaps}</sitemapindex>\n')
        staging.write_text("robots.txt", f"User-agent: *\nAllow: /\nSitemap: {portal.base_url}sitemap.xml\n")
    staging.write_text(MARKER, MARKER_TEXT)


def build_portal(root: Path, out: Path, today: dt.date, prebuilt: dict[str, Path] | None = None, search: bool = True,
                 cache: Path | None = None, strict: bool = False) -> PortalResult:
    problems = Problems()
    portal = load_portal(root, problems)
    prebuilt = prebuilt or {}
    if portal is not None:
        for slug in sorted(set(prebuilt) - {d.slug for d in portal.departments}):
            problems.error("unknown-department", f"--from {slug}=…：{root / 'departments'} 中没有部门 {slug}", root)
    if portal is None or problems.errors:
        return PortalResult(problems)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".xxgk-portal-", dir=out.parent))
    try:
        outcomes, built = [], []
        for department in portal.departments:
            site, outcome = department_site(portal, department.slug, department.content, out, work, today, prebuilt,
                                            search, cache, strict)
            outcomes.append(outcome)
            if site is not None:
                built.append((site, department.slug))
        staging = Staging(out)
        try:
            departments = []
            for site, slug in built:
                link_tree(site, staging.path / slug)
                departments.append(BuiltDepartment(slug, staging.path / slug, read_summary(staging.path / slug) or {}))
            write_portal_pages(staging, portal, departments, search)
            staging.commit()
        except BaseException:
            staging.discard()
            raise
        return PortalResult(problems, tuple(outcomes), True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
