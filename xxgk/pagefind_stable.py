"""Making Pagefind's bundle byte-identical from one build to the next, with file names that change
exactly when their contents do.

Pagefind 1.5 writes its filter indexes, and the list of filters in its metadata, from hash maps in an
arbitrary order (Pagefind issue #638: fragments and word indexes are stable, these are not), so the
file names that carry their hashes change from build to build. This stage rewrites those files with
their values in sorted order and names them by a hash of their contents, then points the metadata
and pagefind-entry.json at the new names. The data Pagefind reads is unchanged.

Fragments (one per page) are renamed too: Pagefind names them by 7 hex digits of a hash of what it
saw, giving a longer name to the later of two pages that share those digits, so after an edit a name
could pass to another page; and the build puts each page's own URL into its fragment afterwards
(pagefind_input). Fragments are served as immutable, so each is named by a hash of its final bytes."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"  # what precedes the CBOR in every decompressed Pagefind index file
ENTRY = "pagefind-entry.json"
PAGES, FILTERS, SORTS = 1, 3, 4  # positions in the metadata array: [version, pages, chunks, filters, sorts, fields]


def read_index(path: Path):
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path} is not a Pagefind index file")
    return cbor2.loads(data[len(SIGNATURE):])


def index_bytes(value) -> bytes:
    return gzip.compress(SIGNATURE + cbor2.dumps(value), compresslevel=9, mtime=0)


def content_name(language: str, data: bytes) -> str:
    return f"{language}_{hashlib.sha256(data).hexdigest()[:12]}"


def rename_fragment(bundle: Path, language: str, old: str) -> str:
    """Name a page's fragment by a hash of its bytes; returns the new name."""
    path = bundle / "fragment" / f"{old}.pf_fragment"
    data = path.read_bytes()
    name = content_name(language, data)
    path.rename(bundle / "fragment" / f"{name}.pf_fragment")
    return name


def stabilise(bundle: Path) -> None:
    """Rewrite the filter indexes, metadata and entry file of the Pagefind bundle in `bundle` in place."""
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    for language, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read_index(meta_path)
        if not str(meta[0]).startswith("1.5."):
            raise RuntimeError(f"pagefind_stable knows the metadata layout of Pagefind 1.5, not {meta[0]}")
        renamed: dict[str, str] = {}
        for old in sorted({hash_ for _name, hash_ in meta[FILTERS]}):
            path = bundle / "filter" / f"{old}.pf_filter"
            name, values = read_index(path)
            data = index_bytes([name, sorted(values, key=lambda value: value[0])])
            renamed[old] = content_name(language, data)
            path.unlink()
            (bundle / "filter" / f"{renamed[old]}.pf_filter").write_bytes(data)
        meta[FILTERS] = sorted([name, renamed[hash_]] for name, hash_ in meta[FILTERS])
        meta[PAGES] = [[rename_fragment(bundle, language, hash_), *rest] for hash_, *rest in meta[PAGES]]
        if len({hash_ for hash_, *_rest in meta[PAGES]}) != len(meta[PAGES]):
            raise RuntimeError("two Pagefind fragments have the same contents")
        meta[SORTS] = sorted(meta[SORTS], key=lambda sort: sort[0])
        data = index_bytes(meta)
        info["hash"] = content_name(language, data)
        meta_path.unlink()
        (bundle / f"pagefind.{info['hash']}.pf_meta").write_bytes(data)
    (bundle / ENTRY).write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
