"""The outcome of a whole run, remembered: when nothing a `check` or `build` reads has changed (every
file of the content folder and of the templates, the tool, the date, the options) and, for a build,
--out is still exactly as the last build left it, the run's outcome is the last one's, so it is
reported without loading anything. This is what a clerk's second `check`, or CI building a commit
that changed nothing the site is made from, costs: reading and hashing the files.

A build is deterministic (the same input gives byte-identical output), so this can never publish
something a full build would not."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from .build_cache import key_of
from .output import Manifest
from .resources import TEMPLATE_DIR


def tree_digest(folders: list[Path], skip: set[Path]) -> str:
    """Every file under the folders, names and bytes, in a fixed order; `skip` are folders to leave out
    (an output or cache folder that happens to lie inside the content folder)."""
    digest = hashlib.sha256()
    for index, folder in enumerate(folders):
        if not folder.is_dir():
            continue
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if Path(root, d).resolve() not in skip)
            relative = os.path.relpath(root, folder)
            for name in sorted(files):
                path = os.path.join(root, name)
                if not os.path.isfile(path):
                    continue
                with open(path, "rb") as handle:
                    data = handle.read()
                digest.update(f"{index}:{relative}/{name}\0{len(data)}\0".encode("utf-8", "surrogatepass"))
                digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def inputs_digest(content_dir: Path, skip: set[Path]) -> str:
    """Every file a run reads: the content folder and the product's templates."""
    return tree_digest([TEMPLATE_DIR, content_dir], {path.resolve() for path in skip})


def run_key(verb: str, inputs: str, today: dt.date, options: tuple = ()) -> str:
    """The cache key of a run's outcome (kind "run")."""
    return key_of("run", verb, inputs, today.isoformat(), repr(options))


def out_matches(out: Path, manifest: Manifest | None) -> bool:
    """Whether --out holds exactly the files of the manifest, each with the size and modification time
    the last build left it with (a file edited, added or removed by hand means a real build, and so
    does a link to a folder, which a real build writes through and leaves in place, or anything that
    cannot be read)."""
    if manifest is None or not out.is_dir():
        return False
    try:
        return files_as_left(out, manifest)
    except OSError:
        return False


def files_as_left(out: Path, manifest: Manifest) -> bool:
    found = 0
    folders = [(str(out), "")]  # (path, its path inside --out with a trailing /); scandir: one stat per file
    while folders:
        folder, prefix = folders.pop()
        empty = True
        with os.scandir(folder) as entries:
            for entry in entries:
                empty = False
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, f"{prefix}{entry.name}/"))
                    continue
                expected = manifest.get(prefix + entry.name)
                if expected is None:
                    return False
                status = entry.stat()
                if status.st_size != expected.size or status.st_mtime_ns != expected.mtime_ns:
                    return False
                found += 1
        if empty:  # a build leaves no empty folder
            return False
    return found == len(manifest)
