"""Writing the site atomically: everything goes to a temporary folder beside --out, which replaces
the previous site only once the build has succeeded. A failed or interrupted build leaves the
published site as it was; leftovers of interrupted builds are removed by the next build."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

STAGING_PREFIX = ".xxgk-staging-"
RETIRED_PREFIX = ".xxgk-retired-"


class Staging:
    """A temporary output folder next to `out` (same filesystem, so the swap is a rename)."""

    def __init__(self, out: Path) -> None:
        self.out = out.resolve()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(self.out)
        self.path = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + self.out.name + "-", dir=self.out.parent))
        self.written: set[str] = set()  # site-relative paths of every file written, for the link check

    def file(self, relative: str) -> Path:
        """Path inside the staging folder; refuses anything that would land outside it."""
        target = (self.path / relative).resolve()
        if not target.is_relative_to(self.path):
            raise ValueError(f"output path escapes the output folder: {relative}")
        target.parent.mkdir(parents=True, exist_ok=True)
        self.written.add(target.relative_to(self.path).as_posix())
        return target

    def record_folder(self, relative: str) -> None:
        """Files another program wrote into the staging folder (the Pagefind bundle)."""
        folder = self.path / relative
        self.written.update(p.relative_to(self.path).as_posix() for p in folder.rglob("*") if p.is_file())

    def write_text(self, relative: str, text: str) -> None:
        self.file(relative).write_text(text, encoding="utf-8", newline="\n")

    def copy(self, source: Path, relative: str) -> None:
        shutil.copyfile(source, self.file(relative))

    def commit(self) -> None:
        """Swap the new site in: two renames, so the old site is replaced, never half-written."""
        os.chmod(self.path, 0o755)
        retired = None
        if self.out.exists():
            retired = Path(tempfile.mkdtemp(prefix=RETIRED_PREFIX + self.out.name + "-", dir=self.out.parent))
            retired.rmdir()
            self.out.rename(retired)
        self.path.rename(self.out)
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def remove_leftovers(out: Path) -> None:
    """Staging and retired folders of earlier builds that were interrupted."""
    for prefix in (STAGING_PREFIX, RETIRED_PREFIX):
        for leftover in out.parent.glob(prefix + out.name + "-*"):
            shutil.rmtree(leftover, ignore_errors=True)
