"""`xxgk init DIR`: a department's repository, ready to fill in. The content folder with placeholders
(【待填写：…】, each an error of `check` until written), the catalogue imported from the department's
spreadsheet when given, the repository's README, .gitignore and requirements.txt, and the CI files."""

from __future__ import annotations

import datetime as dt
import shutil
import string
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .catalogue_import import import_catalogue
from .resources import PACKAGE, resource_dir

SCAFFOLD = PACKAGE / "scaffold"
# where each shipped CI file goes in a department's repository (docs/ci/README.md explains them)
CI_FILES = {
    "github-actions.yml": ".github/workflows/xxgk.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "xxgk-ci.sh": "ci/xxgk-ci.sh",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
}
RENAMED = {"gitignore": ".gitignore"}  # a dot-file does not travel well inside a wheel


class InitRefused(Exception):
    """The folder cannot be scaffolded (the message is for the clerk)."""


@dataclass(frozen=True)
class Scaffolded:
    files: tuple[Path, ...]
    notes: tuple[str, ...]  # what the catalogue import did


def tool_version() -> str:
    try:
        return version("xxgk")
    except PackageNotFoundError:
        return "0.1.0"


def scaffold_files() -> list[tuple[Path, Path, bool]]:
    """(shipped file, its path in the new repository, whether ${today} and ${version} are filled in)."""
    pairs = [(path, Path(RENAMED.get(path.name, path.name)) if path.parent == SCAFFOLD else path.relative_to(SCAFFOLD),
              path.suffix != ".csv")
             for path in sorted(SCAFFOLD.rglob("*")) if path.is_file() and path.suffix != ".py"
             and "__pycache__" not in path.parts]
    ci = resource_dir("ci", "docs/ci")
    pairs += [(ci / name, Path(target), False) for name, target in CI_FILES.items()]
    return pairs


def init_department(target: Path, catalogue: Path | None, today: dt.date) -> Scaffolded:
    if (target / "content").exists():
        raise InitRefused(f"{target / 'content'} 已经存在：xxgk init 只新建，不覆盖已有内容")
    if catalogue is not None and not catalogue.is_file():
        raise InitRefused(f"目录文件 {catalogue} 不存在")
    imported = import_catalogue(catalogue) if catalogue is not None else None  # before writing anything
    values = {"today": today.isoformat(), "version": tool_version()}
    written = []
    for source, relative, fill_in in scaffold_files():
        destination = target / relative
        if destination.exists():
            continue  # a repository that already has its own README or CI keeps it
        destination.parent.mkdir(parents=True, exist_ok=True)
        if fill_in:
            destination.write_text(string.Template(source.read_text(encoding="utf-8")).safe_substitute(values),
                                   encoding="utf-8")
        else:
            shutil.copyfile(source, destination)
        if destination.suffix == ".sh":
            destination.chmod(0o755)
        written.append(destination)
    notes: list[str] = []
    if imported is not None:
        (target / "content" / "catalogue.csv").write_text(imported.csv_text, encoding="utf-8")
        notes.append(f"已从 {catalogue} 导入标准目录：{imported.rows} 个事项，{imported.level1} 个一级事项")
        notes += imported.notes
    return Scaffolded(tuple(written), tuple(notes))
