"""Pagefind's input as one file per page (no folder per page), with each page's own URL in the index."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from xxgk.pagefind_input import write_pages
from xxgk.pagefind_stable import SIGNATURE
from xxgk.search_index import record_page, write_bundle
from xxgk.search_records import SearchRecord

URLS = ["", "guide/", "documents/2024/05/price-report/", "documents/2024/05/价格监测/", "columns/07/page-2/"]


def records() -> list[SearchRecord]:
    return [SearchRecord(url, f"页面{i}", f"第{i}个页面的正文，价格监测。", {"title": f"页面{i}"}, {}, "2024-05-01")
            for i, url in enumerate(URLS)]


def test_pages_are_files_without_a_folder_each(tmp_path):
    renamed = write_pages(tmp_path, [(r.url, record_page(r)) for r in records()])
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert files == ["columns/07/page-2.html", "documents/2024/05/price-report.html", "documents/2024/05/价格监测.html",
                     "guide.html", "index.html"]
    folders = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_dir())
    assert folders == ["columns", "columns/07", "documents", "documents/2024", "documents/2024/05"]
    assert renamed["/guide.html"] == "/guide/"


def test_the_index_gives_every_page_its_own_url(tmp_path):
    output = tmp_path / "bundle"
    write_bundle([(r.url, record_page(r)) for r in records()], output, tmp_path)
    urls = set()
    for fragment in (output / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(SIGNATURE)
        urls.add(json.loads(data[len(SIGNATURE):])["url"])
    assert urls == {"/" + url for url in URLS}
    assert not any(Path(tmp_path).glob("pages-*"))  # the input folder is gone
