"""References from content to files: they must stay inside the content folder."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

DRIVE = re.compile(r"^[A-Za-z]:")


def refusal(target: str) -> str | None:
    """Why a written reference is refused before looking at the disk, or None."""
    if target.startswith(("/", "\\")) or DRIVE.match(target):
        return "是绝对路径：请写相对于本文件的路径，附件和图片放在 .md 文件旁边"
    return None


def resolve_reference(root: Path, source: PurePosixPath, target: str, allow_parent: bool,
                      is_url: bool = True) -> tuple[PurePosixPath | None, str | None]:
    """The content path a relative reference points at, or why it is refused.

    `source` is the referring file's content path; `allow_parent` permits `../` that stays inside
    the content folder (links between documents), while attachments must sit beside or below. A link
    in a body is a URL (`%20` is a space); an attachment's `file` is a file name, taken as written.
    """
    if is_url:
        target = unquote(target).replace("\\", "/")
    reason = refusal(target)
    if reason:
        return None, reason
    if not allow_parent and ".." in target.replace("\\", "/").split("/"):
        return None, "含有“..”：附件应放在 .md 文件旁边或其下的文件夹中，只写文件名"
    if "\\" in target:
        return None, "含有“\\”：文件夹之间请用“/”分隔"
    path = posixpath.normpath(posixpath.join(source.parent.as_posix(), target))
    if path == ".." or path.startswith("../"):
        return None, "指向了内容目录之外"
    candidate = root / path
    try:
        inside = candidate.resolve().is_relative_to(root.resolve())
    except (OSError, ValueError):  # ValueError: a NUL in the name
        return None, "无法读取"
    if not inside:
        return None, "经过符号链接指向了内容目录之外"
    return PurePosixPath(path), None


def escapes_root(path: Path, root: Path) -> bool:
    """A content file that is a symbolic link to somewhere outside the content folder."""
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, ValueError):
        return True


def is_file(path: Path) -> bool:
    """Path.is_file for names written by a clerk: a name too long for the file system, or with a NUL,
    is simply not a file there."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False
