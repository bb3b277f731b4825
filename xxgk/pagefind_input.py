"""Pagefind's input folder: one numbered file per page, in one folder.

Pagefind takes a page's URL from its file's path, so `documents/2024/05/x/` would need the file
`documents/2024/05/x/index.html`: one new folder per page, removed again once the shard is indexed.
Removing a folder created moments before costs milliseconds on some filesystems (3.3 ms each was
measured on ext4 mounted with `discard`, where unlinking a file costs 0.03 ms), which made removing a
5,000-page shard's input slower than indexing it. So the pages are written as `p0000.html`,
`p0001.html`, ... in their given order, and each page's own URL is put back, afterwards, into the
fragment Pagefind wrote for it (the one place Pagefind keeps a page's URL). Numbered names cannot
clash, and none ends in `index.html`, which Pagefind would cut from the URL."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import unquote

from .pagefind_stable import SIGNATURE

FRAGMENT_START = SIGNATURE + b'{"url":'


def write_pages(folder: Path, pages: list[tuple[str, str]]) -> dict[str, str]:
    """Write (URL, index copy) pairs as numbered files; returns {Pagefind's URL: the page's own URL}."""
    width = len(str(max(len(pages) - 1, 0)))
    renamed: dict[str, str] = {}
    for number, (url, html) in enumerate(pages):
        name = f"p{number:0{width}d}.html"
        (folder / name).write_text(html, encoding="utf-8")
        renamed["/" + name] = "/" + url
    return renamed


def restore_urls(bundle: Path, renamed: dict[str, str]) -> int:
    """Put each page's own URL into its fragment in the Pagefind bundle at `bundle`; returns how many
    fragments were given their page's URL."""
    restored = 0
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        if not data.startswith(FRAGMENT_START):
            raise ValueError(f"{path} is not a Pagefind 1.5 fragment")
        decoder = json.JSONDecoder()
        url, end = decoder.raw_decode(data.decode("utf-8"), len(FRAGMENT_START))
        own = renamed.get(unquote(url))  # as Pagefind may have percent-encoded it
        if own is None:
            continue
        restored += 1
        text = data.decode("utf-8")
        fixed = text[:len(FRAGMENT_START)] + json.dumps(own, ensure_ascii=False) + text[end:]
        path.write_bytes(gzip.compress(fixed.encode("utf-8"), compresslevel=9, mtime=0))
    return restored
