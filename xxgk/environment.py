"""A failure of the machine rather than the content (disk full, read-only, permissions), in Chinese."""

from __future__ import annotations

import errno

ENVIRONMENT_PROBLEMS = {
    errno.ENOSPC: "磁盘空间不足", errno.EDQUOT: "超出磁盘配额", errno.EROFS: "文件系统是只读的",
    errno.EACCES: "没有读写权限", errno.EPERM: "没有读写权限", errno.EMFILE: "同时打开的文件过多",
}


def environment_problem(error: OSError) -> str:
    """A failure of the machine rather than the content (disk full, read-only, permissions), in Chinese."""
    what = ENVIRONMENT_PROBLEMS.get(error.errno or 0, f"读写文件出错（{error.strerror or error}）")
    where = f"：{error.filename}" if error.filename else ""
    return f"{what}{where}"
