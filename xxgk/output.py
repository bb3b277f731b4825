"""Writing the site safely: every file the build writes goes first to a temporary folder beside --out,
and nothing in --out changes until the build has succeeded. A failed or interrupted build leaves
the published site as it was; leftovers of interrupted builds are removed by the next build.

Two ways to publish what was staged:
- whole: the staging folder holds the complete site and replaces --out with two renames (a first
  build, --no-cache, --verify, or when --out is not as the last build left it);
- changes only: with the manifest of the last build (each file's digest, size and modification
  time, kept in the build cache), files whose bytes are unchanged and still intact in --out are not
  written at all; only new and changed files are staged, then each is renamed into --out, and files
  no longer produced are deleted. Each file is replaced atomically; a page being read during those
  milliseconds is either the old one or the new one."""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

STAGING_PREFIX = ".xxgk-staging-"
RETIRED_PREFIX = ".xxgk-retired-"


@dataclass(frozen=True)
class OutputFile:
    digest: str  # sha256 of the bytes
    size: int
    mtime_ns: int  # of the file in --out, as this build left it


Manifest = dict[str, OutputFile]  # site-relative path -> what is there


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Staging:
    """A temporary output folder next to `out` (same filesystem, so publishing is renames). With the
    manifest of the last build, only files that differ from what --out already holds are staged."""

    def __init__(self, out: Path, manifest: Manifest | None = None) -> None:
        self.out = out.resolve()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(self.out)
        self.previous = manifest if manifest is not None and self.out.is_dir() else None
        self.path = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + self.out.name + "-", dir=self.out.parent))
        self.digests: dict[str, str] = {}  # every file of the new site -> its digest
        self.staged: dict[str, Path] = {}  # the ones written into the staging folder -> where
        self.folders: set[Path] = {self.path}  # made already

    @property
    def written(self) -> set[str]:
        """Site-relative paths of every file of the new site, for the link check."""
        return set(self.digests)

    @property
    def complete(self) -> bool:
        """Whether the staging folder holds the whole site (else only the changes)."""
        return self.previous is None

    def safe_path(self, relative: str) -> str:
        """The normalised site-relative path; refuses anything that would land outside the site."""
        normal = posixpath.normpath(relative.replace("\\", "/"))
        if normal in (".", "..") or normal.startswith(("../", "/")):
            raise ValueError(f"output path escapes the output folder: {relative}")
        return normal

    def staging_file(self, normal: str) -> Path:
        target = self.staged.get(normal)
        if target is not None:
            return target
        if self.complete:  # the staging folder becomes --out: the site's own folders
            target = self.path / normal
            if target.parent not in self.folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                self.folders.update((target.parent, *target.parent.parents))
        else:
            # Renamed into --out one by one: numbered files, no folders, since removing a folder made
            # moments before costs milliseconds on some filesystems (pagefind_input), which a change
            # of every page (a template) would pay once per page.
            target = self.path / str(len(self.staged))
        self.staged[normal] = target
        return target

    def unchanged(self, relative: str, digest: str) -> bool:
        """The same bytes are in --out already, as the last build left them."""
        normal = self.safe_path(relative)
        if self.previous is None:
            return False
        known = self.previous.get(normal)
        if known is None or known.digest != digest:
            return False
        try:
            status = os.stat(self.out / normal)
        except OSError:
            return False
        return status.st_size == known.size and status.st_mtime_ns == known.mtime_ns

    def write_bytes(self, relative: str, data: bytes, digest: str | None = None) -> None:
        normal = self.safe_path(relative)
        digest = digest or digest_of(data)
        self.digests[normal] = digest
        if not self.unchanged(normal, digest):
            self.staging_file(normal).write_bytes(data)

    def keep(self, relative: str, digest: str) -> None:
        """A file of the new site that is staged already, or that --out holds unchanged (`unchanged`)."""
        self.digests[self.safe_path(relative)] = digest

    def write_text(self, relative: str, text: str) -> None:
        self.write_bytes(relative, text.encode("utf-8"))

    def copy(self, source: Path, relative: str) -> None:
        normal = self.safe_path(relative)
        digest = file_digest(source)
        self.digests[normal] = digest
        if not self.unchanged(normal, digest):
            shutil.copyfile(source, self.staging_file(normal))

    def commit(self) -> Manifest:
        """Publish the new site; returns its manifest for the next build."""
        if self.complete:
            self.swap()
        else:
            self.apply_changes()
        manifest: Manifest = {}
        for relative, digest in self.digests.items():
            status = os.stat(self.out / relative)
            manifest[relative] = OutputFile(digest, status.st_size, status.st_mtime_ns)
        return manifest

    def swap(self) -> None:
        """The whole site in: two renames, so the old site is replaced, never half-written."""
        os.chmod(self.path, 0o755)
        retired = None
        if self.out.exists():
            retired = Path(tempfile.mkdtemp(prefix=RETIRED_PREFIX + self.out.name + "-", dir=self.out.parent))
            retired.rmdir()
            self.out.rename(retired)
        self.path.rename(self.out)
        if retired is not None:
            shutil.rmtree(retired, ignore_errors=True)

    def apply_changes(self) -> None:
        """Rename each staged file into --out, then delete whatever --out holds that the site no longer has."""
        made: set[Path] = set()
        for relative, staged in sorted(self.staged.items()):
            target = self.out / relative
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            os.replace(staged, target)
        top = str(self.out)
        for folder, _dirs, names in os.walk(top, topdown=False):
            inside = folder[len(top) + 1:].replace(os.sep, "/")  # the folder's site-relative path
            for name in names:
                if (f"{inside}/{name}" if inside else name) not in self.digests:
                    os.unlink(os.path.join(folder, name))
            if folder != top and not os.listdir(folder):
                os.rmdir(folder)
        shutil.rmtree(self.path, ignore_errors=True)

    @contextmanager
    def scratch(self) -> Iterator[Path]:
        """A temporary folder for intermediate files (Pagefind's input and output), beside --out rather than in
        $TMPDIR, so a build that is killed leaves nothing the next build does not remove."""
        folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + self.out.name + "-", dir=self.out.parent))
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def remove_leftovers(out: Path) -> None:
    """Staging and retired folders of earlier builds that were interrupted."""
    for prefix in (STAGING_PREFIX, RETIRED_PREFIX):
        # exactly the name mkdtemp gave (8 random characters), so the folders of a build into
        # `site-2` are never taken for those of `site`
        ours = re.compile(re.escape(prefix + out.name) + r"-[a-z0-9_]{8}")
        for leftover in out.parent.glob(prefix + out.name + "-*"):
            if ours.fullmatch(leftover.name):
                shutil.rmtree(leftover, ignore_errors=True)
