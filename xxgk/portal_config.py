"""A portal folder: portal.yaml (the platform's name, address and the grouping of departments) and
departments/<slug>/, each a department's content folder (often a git submodule)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .loader import URL_SAFE_SEGMENT
from .problems import Problems
from .records import parse_yaml_file

CONFIG = "portal.yaml"
DEPARTMENTS = "departments"
OTHERS = "其他部门"  # the group of departments portal.yaml does not place
RESERVED = {"search", "assets", "pagefind", "index.html", "404.html", "sitemap.xml", "robots.txt"}  # the portal's own


@dataclass(frozen=True)
class Department:
    slug: str  # its folder under departments/, and its address under the portal
    content: Path


@dataclass(frozen=True)
class Portal:
    root: Path
    name: str
    base_url: str | None
    groups: tuple[tuple[str, tuple[str, ...]], ...]  # (group name, slugs in order), every department once
    departments: tuple[Department, ...]

    def department_url(self, slug: str) -> str | None:
        """The address a department's column is published at on the portal (its build's base_url)."""
        return f"{self.base_url}{slug}/" if self.base_url else None


def discover(root: Path, problems: Problems) -> tuple[Department, ...]:
    folder = root / DEPARTMENTS
    found = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.name.startswith(".") or not path.is_dir():
            continue
        if not URL_SAFE_SEGMENT.fullmatch(path.name):
            problems.error("path", f"部门文件夹名 \"{path.name}\" 是网址的一部分，只能用字母、数字、点、短横线和下划线", path)
            continue
        if path.name.lower() in RESERVED:
            problems.error("path", f"部门文件夹名 \"{path.name}\" 与平台自身的页面或文件同名，请改用其他名称", path)
            continue
        if not (path / "site.yaml").is_file():
            problems.error("missing-file", f"部门文件夹 {path.name} 中没有 site.yaml：每个部门文件夹应是一个完整的内容目录", path)
            continue
        found.append(Department(path.name, path))
    if not found and not problems.errors:
        problems.error("missing-folder", f"{DEPARTMENTS}/ 中没有任何部门（每个部门一个文件夹，内含 site.yaml 等内容）", folder)
    return tuple(found)


def load_portal(root: Path, problems: Problems) -> Portal | None:
    path = root / CONFIG
    if not path.is_file():
        problems.error("missing-file", "缺少 portal.yaml（平台名称和网址）", path)
        return None
    record = parse_yaml_file(path, PurePosixPath(CONFIG), problems, lambda _node: "portal.schema.json")
    departments = discover(root, problems)
    if record is None or not record.valid:
        return None
    data = record.data
    slugs = {d.slug for d in departments}
    placed: dict[str, int] = {}
    groups = []
    for g, group in enumerate(data.get("groups", ())):
        members = []
        for m, slug in enumerate(group["departments"]):
            line = record.line("groups", g, "departments", m)
            if slug not in slugs:
                problems.error("unknown-department", f"groups 中的部门 \"{slug}\" 在 {DEPARTMENTS}/ 中没有对应的文件夹", path, line)
            elif slug in placed:
                problems.error("duplicate-department", f"部门 \"{slug}\" 在 groups 中出现了两次（另一处在第 {placed[slug]} 行）",
                               path, line)
            else:
                placed[slug] = line or 0
                members.append(slug)
        groups.append((group["name"], tuple(members)))
    rest = tuple(d.slug for d in departments if d.slug not in placed)
    if rest:
        groups.append((OTHERS if groups else "", rest))
    order = {slug: position for position, slug in enumerate(s for _name, members in groups for s in members)}
    return Portal(root, data["name"], data.get("base_url"), tuple(groups),
                  tuple(sorted(departments, key=lambda d: order[d.slug])))
