"""Writing the search bundle into the staging folder: Pagefind (extended build) over an index copy of
every page, the exact-lookup shards for titles and document numbers, and the map the browser uses
to fold Traditional characters to Simplified."""

from __future__ import annotations

import json
import subprocess
import tempfile
from html import escape
from pathlib import Path

from .output import Staging
from .pagefind_stable import stabilise
from .search_exact import FOLDER as EXACT_FOLDER
from .search_records import SearchRecord
from .search_text import index_text
from .simplified import table as simplified_table

BUNDLE = "pagefind"
# Pagefind's own search interfaces: the search page uses its JavaScript API only.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


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


def pagefind_executable() -> str:
    """The extended Pagefind binary from PyPI: the standard one cannot split Chinese."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as error:
        raise RuntimeError("未安装 Pagefind 扩展版（pagefind[extended]），无法生成中文搜索索引") from error
    return str(get_executable())


def write_bundle(records: list[SearchRecord], output: Path) -> None:
    """Index copies of the pages with the Pagefind command line. Its process ends only when every file is
    written; the Python API's service was seen to stop while still writing (a pagefind.js cut short)."""
    with tempfile.TemporaryDirectory(prefix="xxgk-search-") as folder:
        for record in records:
            path = Path(folder) / record.url / "index.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(record_page(record), encoding="utf-8")
        done = subprocess.run([pagefind_executable(), "--site", folder, "--output-path", str(output), "--silent"],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"Pagefind failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")


def write_search(staging: Staging, records: list[SearchRecord], shards: dict[int, dict[str, dict]]) -> None:
    """Pagefind bundle, exact-lookup shards (from search_exact.exact_shards) and the Traditional-to-Simplified map."""
    write_bundle(records, staging.path / BUNDLE)
    for name in UNUSED:
        (staging.path / BUNDLE / name).unlink(missing_ok=True)
    stabilise(staging.path / BUNDLE)
    for number, entries in shards.items():
        staging.write_text(f"{EXACT_FOLDER}/{number}.json",
                           json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    table = simplified_table()  # for the browser: characters as two equal-length strings, then phrases
    staging.write_text("search/t2s.json", json.dumps({"t": "".join(table["chars"]), "s": "".join(table["chars"].values()),
                                                      "phrases": table["phrases"]}, ensure_ascii=False))
