"""Guarding --out: a build replaces the whole output folder, so a mistyped --out must never destroy
the content, a repository or anything else that is not a site this tool built. Every built site
carries a marker file; a folder without one is replaced only with --force. One build at a time may
write into an output folder (a lock beside it), so two builds never delete each other's work."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MARKER = ".xxgk-site"  # written into every built site (write.write_site)
MARKER_TEXT = "此文件夹由 xxgk 生成，重新生成时会被整体替换。\n"


class OutRefused(Exception):
    """Why the output folder may not be written, in Chinese, for the operator."""


def check_out(out: Path, content: Path, force: bool) -> None:
    """Raise OutRefused unless `out` is a folder this tool may replace."""
    target, source = out.resolve(), content.resolve()
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise OutRefused(f"输出位置 {out} 已存在且不是文件夹，不会覆盖它；请换一个 --out")
    if target == source or target.is_relative_to(source) or source.is_relative_to(target):
        raise OutRefused(f"输出文件夹 {out} 与内容目录 {content} 重叠（相同、在其中或包含它），生成会删除内容；请换一个 --out")
    if (target / ".git").exists():
        raise OutRefused(f"输出文件夹 {out} 是一个 git 仓库，生成会删除整个仓库；请换一个 --out（如 site）")
    working = Path.cwd().resolve()
    if target == working or target in working.parents:
        raise OutRefused(f"输出文件夹 {out} 是当前目录或包含当前目录，生成会删除其中的一切；请换一个 --out（如 site）")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file() and not force:
        raise OutRefused(f"输出文件夹 {out} 不是空的，也不是 xxgk 生成的网站（缺少 {MARKER}），生成会替换其中的全部文件；"
                         f"确认可以替换时加 --force")


@contextmanager
def out_lock(out: Path) -> Iterator[None]:
    """Hold the output folder's lock for the duration of a build (released when the process ends, however)."""
    target = out.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    path = target.parent / f".{target.name}.xxgk-lock"
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutRefused(f"另一个 xxgk 正在生成到 {out}，请等它结束后再试") from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
