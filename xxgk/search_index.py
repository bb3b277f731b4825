"""Writing the search bundle into the staging folder: Pagefind (extended build) over an index copy of
every page, the exact-lookup shards for titles and document numbers, and the map the browser uses
to fold Traditional characters to Simplified."""

from __future__ import annotations

import asyncio
import json
import tempfile
from concurrent.futures import ThreadPoolExecutor
from html import escape
from pathlib import Path

from .output import Staging
from .pagefind_stable import stabilise
from .search_exact import FOLDER as EXACT_FOLDER
from .search_records import SearchRecord
from .search_text import index_text, traditional_map

BUNDLE = "pagefind"


def record_page(record: SearchRecord) -> str:
    """The copy of a page that Pagefind indexes: metadata in <head>, the split text as the body."""
    head = [f'<meta data-pagefind-meta="{key}[content]" content="{escape(value)}">' for key, value in record.meta.items()]
    head += [f'<meta data-pagefind-filter="{key}[content]" content="{escape(value)}">'
             for key, values in record.filters.items() for value in values]
    # the URL breaks ties between pages of one date, so "newest first" is the same order in every build
    head.append(f'<meta data-pagefind-sort="date[content]" content="{escape(record.date)} {escape(record.url)}">')
    # The title as a heading: Pagefind weighs headings above body text, so a title query ranks its page first.
    return ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title></title>' + "".join(head) +
            f"</head><body><main data-pagefind-body><h1>{escape(index_text(record.title))}</h1>"
            f"<p>{escape(index_text(record.text))}</p></main></body></html>")


async def write_bundle(records: list[SearchRecord], output: Path) -> None:
    """Index copies of the pages in one call (the Python API's per-record calls cost 0.1 s each)."""
    from pagefind.index import IndexConfig, PagefindIndex
    with tempfile.TemporaryDirectory(prefix="xxgk-search-") as folder:
        for record in records:
            path = Path(folder) / record.url / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(record_page(record), encoding="utf-8")
        async with PagefindIndex(config=IndexConfig(output_path=str(output))) as index:
            await index.add_directory(folder)


def run_async(coroutine) -> None:
    """asyncio.run, also when the caller already runs an event loop (a notebook, a browser test)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine)
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coroutine).result()


def write_search(staging: Staging, records: list[SearchRecord], shards: dict[int, dict[str, dict]]) -> None:
    """Pagefind bundle, exact-lookup shards (from search_exact.exact_shards) and the Traditional-to-Simplified map."""
    run_async(write_bundle(records, staging.path / BUNDLE))
    stabilise(staging.path / BUNDLE)
    for number, entries in shards.items():
        staging.write_text(f"{EXACT_FOLDER}/{number}.json",
                           json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    traditional, simplified = traditional_map()
    staging.write_text("search/t2s.json", json.dumps({"t": traditional, "s": simplified}, ensure_ascii=False))
