"""Writing the search bundle into the staging folder: Pagefind (extended build) over an index copy of
every page, one run per index shard (`search_shards`), the exact-lookup shards for titles and
document numbers, and the map the browser uses to fold Traditional characters to Simplified.

The newest shard's bundle is `pagefind/` itself; every other shard's index is `pagefind/<name>/`,
which the search page merges in with Pagefind's `mergeIndex`. A shard whose pages are unchanged is
taken from the build cache, not indexed again."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import tempfile
import zlib
from html import escape
from pathlib import Path

from .build_cache import key_of, key_of_each
from .model import Limits
from .output import Staging
from .pagefind_input import restore_urls, write_pages
from .pagefind_stable import stabilise
from .search_exact import FOLDER as EXACT_FOLDER
from .search_records import SearchRecord
from .search_shards import Shard, assign_shards
from .search_text import excerpt_text, index_text
from .simplified import table as simplified_table
from .work import Work

BUNDLE = "pagefind"
# Pagefind's own search interfaces: the search page uses its JavaScript API only.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
RUNTIME = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")  # what only the primary bundle needs
SHARD_FILTER = "分片"


def record_page(record: SearchRecord, shard: str | None = None) -> str:
    """The copy of a page that Pagefind indexes: metadata in <head>, the split text as the body. With
    several shards, each page also carries its shard as a filter, so the search page can ask the shards
    one by one for "newest first". What the page's text has that the index copy lost is metadata too,
    `text` (excerpt_text): the search page's excerpts show the text as the page has it (docs/search.md)."""
    filters = {**record.filters, **({SHARD_FILTER: [shard]} if shard else {})}
    head = [f'<meta data-pagefind-meta="{key}[content]" content="{escape(value)}">' for key, value in record.meta.items()]
    if record.text:
        head.append(f'<meta data-pagefind-meta="text[content]" content="{escape(excerpt_text(record.text))}">')
    head += [f'<meta data-pagefind-filter="{key}[content]" content="{escape(value)}">'
             for key, values in filters.items() for value in values]
    # the URL breaks ties between pages of one date, so "newest first" is the same order in every build
    head.append(f'<meta data-pagefind-sort="date[content]" content="{escape(record.date)} {escape(record.url)}">')
    # The title as a heading: Pagefind weighs headings above body text, so a title query ranks its page first.
    return ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title></title>' + "".join(head) +
            f"</head><body><main data-pagefind-body><h1>{escape(index_text(record.title))}</h1>"
            f"<p>{escape(index_text(record.text))}</p></main></body></html>")


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed: a message for the operator, in Chinese."""


def pagefind_executable() -> str:
    """The extended Pagefind binary from PyPI: the standard one cannot split Chinese."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError:
        raise SearchIndexError("未安装 Pagefind 扩展版（pip 包 pagefind[extended]），无法生成中文搜索索引") from None
    return str(get_executable())


def write_bundle(pages: list[tuple[str, str]], output: Path, scratch: Path) -> None:
    """Index (URL, index copy) pairs with the Pagefind command line. Its process ends only when every file
    is written; the Python API's service was seen to stop while still writing (a pagefind.js cut short)."""
    with tempfile.TemporaryDirectory(prefix="pages-", dir=scratch) as folder:
        renamed = write_pages(Path(folder), pages)
        executable = pagefind_executable()
        try:
            done = subprocess.run([executable, "--site", folder, "--output-path", str(output), "--silent"],
                                  capture_output=True, text=True)
        except OSError as error:
            raise SearchIndexError(f"无法运行 Pagefind（{executable}：{error.strerror}）") from None
        if done.returncode != 0:
            detail = (done.stderr.strip() or done.stdout.strip())[-500:]
            raise SearchIndexError(f"Pagefind 生成搜索索引失败（退出码 {done.returncode}）{'：' + detail if detail else ''}")
    restored = restore_urls(output, renamed)
    if restored != len(pages):
        raise SearchIndexError(f"Pagefind 只索引了 {len(pages)} 个页面中的 {restored} 个，搜索索引不完整，未发布")


def shard_bundle(pages: list[tuple[str, str]], primary: bool, scratch: Path) -> dict[str, bytes]:
    """One shard's index files, by path inside its folder. Only the primary keeps Pagefind's code and
    WebAssembly: merged indexes use the primary's."""
    with tempfile.TemporaryDirectory(prefix="bundle-", dir=scratch) as folder:
        output = Path(folder) / BUNDLE
        write_bundle(pages, output, scratch)
        for name in UNUSED + (() if primary else RUNTIME):
            for path in output.glob(name):
                path.unlink()
        stabilise(output)
        return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def indexed_shard(work: Work, shard: Shard, primary: bool, several: bool, pagefind_version: str,
                  scratch: Path) -> dict[str, bytes]:
    """One shard's bundle, from the cache when its records are unchanged. Shards are indexed one at a time:
    Pagefind uses every core itself, and its memory stays bounded by the shard's size. Each index copy
    is made on every core and kept (compressed: it is mostly the text, spaced out), so a shard indexed
    again for one changed page makes one copy, not one per page."""
    label = shard.name if several else None
    page_keys = [key_of("search-page", label, repr(record)) for record in shard.records]
    work.cache.keep("search-page", page_keys)  # kept for the next change in this shard, also when it is reused
    key = key_of_each("search-shard", (pagefind_version, primary, several, shard.name, *page_keys))

    def copy(index: int) -> bytes:
        return zlib.compress(record_page(shard.records[index], label).encode("utf-8"), 1)

    def index(item: Shard) -> dict[str, bytes]:
        pages = work.map("search-page", range(len(item.records)), page_keys.__getitem__, copy)
        return shard_bundle([(record.url, zlib.decompress(page).decode("utf-8"))
                             for record, page in zip(item.records, pages, strict=True)], primary, scratch)
    return work.map("search-shard", [shard], lambda _shard: key, index)[0]


def write_search(staging: Staging, records: list[SearchRecord], shards: dict[int, dict[str, dict]],
                 work: Work | None = None, shard_pages: int = Limits().search_shard_pages) -> tuple[str, ...]:
    """Pagefind bundles, exact-lookup shards (from search_exact.exact_shards) and the Traditional-to-Simplified
    map. Returns the index shards' names, newest first (the first is the primary, at pagefind/)."""
    work = work or Work(jobs=1)
    index_shards = assign_shards(records, shard_pages)
    several = len(index_shards) > 1
    pagefind_version = importlib.metadata.version("pagefind_bin_extended")
    for position, shard in enumerate(index_shards):
        primary = position == 0
        with staging.scratch() as scratch:
            bundle = indexed_shard(work, shard, primary, several, pagefind_version, scratch)
        folder = BUNDLE if primary else f"{BUNDLE}/{shard.name}"
        for name, data in bundle.items():
            staging.write_bytes(f"{folder}/{name}", data)
    for number, entries in shards.items():
        staging.write_text(f"{EXACT_FOLDER}/{number}.json",
                           json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    write_t2s(staging)
    return tuple(shard.name for shard in index_shards)


def write_t2s(staging: Staging) -> None:
    """The Traditional-to-Simplified map, for the browser: characters as two equal-length strings, then phrases."""
    table = simplified_table()
    staging.write_text("search/t2s.json", json.dumps({"t": "".join(table["chars"]), "s": "".join(table["chars"].values()),
                                                      "phrases": table["phrases"]}, ensure_ascii=False))
