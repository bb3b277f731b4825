"""Pagefind's input folder: one file per page, without a folder per page.

Pagefind takes a page's URL from its file's path, so `documents/2024/05/x/` would need the file
`documents/2024/05/x/index.html`: one new folder per page, removed again once the shard is indexed.
Removing a folder created moments before costs milliseconds on some filesystems (3.3 ms each was
measured on ext4 mounted with `discard`, where unlinking a file costs 0.03 ms), which made removing a
5,000-page shard's input slower than indexing it. So each page is written as `documents/2024/05/x.html`
and its URL is put back, afterwards, into the fragment Pagefind wrote for it (the one place Pagefind
keeps a page's URL)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import unquote

from .pagefind_stable import SIGNATURE

FRAGMENT_START = SIGNATURE + b'{"url":'


def input_path(url: str) -> str:
    """Where the index copy of the page at site-relative `url` goes in the input folder."""
    if url == "":
        return "index.html"
    return url[:-1] + ".html" if url.endswith("/") else url


def write_pages(folder: Path, pages: list[tuple[str, str]]) -> dict[str, str]:
    """Write (URL, index copy) pairs; returns the URLs Pagefind will give that are not the pages' own,
    as {Pagefind's URL: the page's URL}."""
    made: set[Path] = {folder}
    renamed: dict[str, str] = {}
    for url, html in pages:
        relative = input_path(url)
        if "/" + relative in renamed or (relative == url and "/" + url in renamed):
            raise ValueError(f"two pages would be indexed as {relative}")
        path = folder / relative
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.update((path.parent, *path.parent.parents))
        path.write_text(html, encoding="utf-8")
        if relative != url and url != "":
            renamed["/" + relative] = "/" + url
    return renamed


def restore_urls(bundle: Path, renamed: dict[str, str]) -> None:
    """Put each page's own URL into its fragment in the Pagefind bundle at `bundle`."""
    if not renamed:
        return
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
    if restored != len(renamed):
        raise RuntimeError(f"Pagefind indexed {restored} of the {len(renamed)} pages written as files")
