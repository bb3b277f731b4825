"""Pagefind's input folder: one file per page, in one folder, named by a digest of the page's URL.

Pagefind takes a page's URL from its file's path, so `documents/2024/05/x/` would need the file
`documents/2024/05/x/index.html`: one new folder per page, removed again once the shard is indexed.
Removing a folder created moments before costs milliseconds on some filesystems (3.3 ms each was
measured on ext4 mounted with `discard`, where unlinking a file costs 0.03 ms), which made removing a
5,000-page shard's input slower than indexing it. So each page is written as `<digest of its URL>.html`
and its own URL is put back, afterwards, into the fragment Pagefind wrote for it (the one place
Pagefind keeps a page's URL; pagefind_stable then names each fragment by a hash of its final bytes).
A name made from the URL cannot clash with another page's, does not depend on the order or number
of the pages, and never ends in `index.html`, which Pagefind cuts from a URL."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

from .pagefind_stable import SIGNATURE

FRAGMENT_START = SIGNATURE + b'{"url":'


def input_name(url: str) -> str:
    """The file name of the page at site-relative `url` in Pagefind's input folder."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:24] + ".html"


def write_pages(folder: Path, pages: list[tuple[str, str]]) -> dict[str, str]:
    """Write (URL, index copy) pairs; returns {Pagefind's URL: the page's own URL}."""
    renamed: dict[str, str] = {}
    for url, html in pages:  # a clash of names would leave a page unindexed: write_bundle counts them
        name = input_name(url)
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
        own = renamed.get(url)  # names are hex digits: nothing for Pagefind to percent-encode
        if own is None:
            continue
        restored += 1
        text = data.decode("utf-8")
        fixed = text[:len(FRAGMENT_START)] + json.dumps(own, ensure_ascii=False) + text[end:]
        path.write_bytes(gzip.compress(fixed.encode("utf-8"), compresslevel=9, mtime=0))
    return restored
