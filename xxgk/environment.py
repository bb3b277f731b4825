"""A failure of the machine rather than the content (disk full, read-only, permissions), in Chinese."""

from __future__ import annotations

import errno
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .out_guard import OutRefused, check_out, out_lock

Result = TypeVar("Result")

ENVIRONMENT_PROBLEMS = {
    errno.ENOSPC: "磁盘空间不足", errno.EDQUOT: "超出磁盘配额", errno.EROFS: "文件系统是只读的",
    errno.EACCES: "没有读写权限", errno.EPERM: "没有读写权限", errno.EMFILE: "同时打开的文件过多",
}


def environment_problem(error: OSError) -> str:
    """A failure of the machine rather than the content (disk full, read-only, permissions), in Chinese."""
    what = ENVIRONMENT_PROBLEMS.get(error.errno or 0, f"读写文件出错（{error.strerror or error}）")
    where = f"：{error.filename}" if error.filename else ""
    return f"{what}{where}"


def write_guarded(out: Path, content: Path, force: bool, what: str, write: Callable[[], Result],
                  search_hint: str = "") -> Result | None:
    """Run `write` into `out` behind the --out guards and lock. None, with a Chinese message on stderr that
    `out` is unchanged, when --out may not be used or the machine failed (exit status 2)."""
    from .search_index import SearchIndexError  # with the pipeline, which `check` may not need (check_result)

    try:
        check_out(out, content, force)
        with out_lock(out):
            return write()
    except OutRefused as refused:
        print(f"xxgk: {refused}", file=sys.stderr)
    except SearchIndexError as error:
        print(f"xxgk: {error}。{search_hint}\n{what}未生成，{out} 保持不变。", file=sys.stderr)
    except OSError as error:
        print(f"xxgk: {environment_problem(error)}\n{what}未生成，{out} 保持不变。", file=sys.stderr)
    return None
