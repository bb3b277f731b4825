"""Reading a clerk's text file: UTF-8 only, with a useful message when it is not."""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path

from .problems import Problems, display_path

UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class TextFile:
    path: Path
    text: str  # BOM removed, line endings normalised to "\n"


def guess_encoding(data: bytes) -> str | None:
    """Name the encoding a non-UTF-8 file most likely uses, for the error message."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    sample = data[:4096]
    if sample and sample.count(b"\x00") * 4 >= len(sample):
        return "UTF-16"
    for name, label in (("gb18030", "GBK/GB18030"), ("big5", "Big5")):
        try:
            data.decode(name)
            return label
        except UnicodeDecodeError:
            continue
    return None


def conversion_hint(path: Path, encoding: str | None) -> str:
    source = {"GBK/GB18030": "GB18030", "UTF-16": "UTF-16", "Big5": "BIG5"}.get(encoding or "", "GB18030")
    quoted = shlex.quote(display_path(path))
    return (f"可在编辑器中“另存为 UTF-8”，或执行：iconv -f {source} -t UTF-8 {quoted} > tmp.txt "
            f"&& mv tmp.txt {quoted}")


def decode_text(data: bytes, path: Path, problems: Problems) -> str | None:
    """Decode UTF-8 (BOM and CRLF accepted); report any other encoding. None when unreadable."""
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        encoding = guess_encoding(data)
        looks_like = f"，看起来是 {encoding} 编码" if encoding else ""
        line = data[: exc.start].count(b"\n") + 1
        problems.error("encoding", f"文件不是 UTF-8 编码{looks_like}。{conversion_hint(path, encoding)}",
                       path, line)
        return None
    if "\x00" in text:
        problems.error("encoding", f"文件含有空字符（NUL），看起来是 UTF-16 编码。{conversion_hint(path, 'UTF-16')}",
                       path)
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def read_text(path: Path, problems: Problems, *, max_bytes: int | None = None,
              limit_hint: str = "") -> TextFile | None:
    """Read a content file as text, reporting unreadable, oversized, non-UTF-8 and empty files."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            problems.error("too-large", f"文件大小 {megabytes(size)}，超过上限 {megabytes(max_bytes)}{limit_hint}", path)
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.error("unreadable", f"无法读取文件：{exc.strerror or exc}", path)
        return None
    text = decode_text(data, path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.error("empty", "文件是空的", path)
        return None
    return TextFile(path, text)
