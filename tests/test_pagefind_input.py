"""Pagefind's input as one numbered file per page (no folder per page), with each page's own URL in the index."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from conftest import write
from xxgk.pagefind_input import write_pages
from xxgk.pagefind_stable import SIGNATURE
from xxgk.search_index import record_page, write_bundle
from xxgk.search_records import SearchRecord

# `documents/2024/` is the page of a content file `documents/2024/index.md`: as `documents/2024/index.html`
# Pagefind would have cut its URL to `/documents/2024/`, the same as a file `documents/2024.md`.
URLS = ["", "guide/", "documents/2024/05/price-report/", "documents/2024/05/价格监测/", "columns/07/page-2/",
        "documents/2024/", "documents/2024/index/"]


def records() -> list[SearchRecord]:
    return [SearchRecord(url, f"页面{i}", f"第{i}个页面的正文，价格监测。", {"title": f"页面{i}"}, {}, "2024-05-01")
            for i, url in enumerate(URLS)]


def test_pages_are_numbered_files_in_one_folder(tmp_path):
    renamed = write_pages(tmp_path, [(r.url, record_page(r)) for r in records()])
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"p{i}.html" for i in range(len(URLS))]
    assert all(p.is_file() for p in tmp_path.iterdir())
    assert renamed == {f"/p{i}.html": "/" + url for i, url in enumerate(URLS)}
    assert (tmp_path / "p1.html").read_text(encoding="utf-8") == record_page(records()[1])


def test_numbers_keep_the_pages_order(tmp_path):
    pages = [(f"doc-{i}/", "<html></html>") for i in range(11)]
    renamed = write_pages(tmp_path, pages)
    assert list(renamed) == [f"/p{i:02d}.html" for i in range(11)]
    assert sorted(renamed) == list(renamed)


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


def test_a_document_named_index_is_found_under_its_own_url(demo, run):
    source = (demo / "documents/2024/energy-conservation-supervision-2024.md").read_text(encoding="utf-8")
    source = re.sub(r"(?m)^index_no: .*$", "index_no: 11999900MB0000000X/2024-00999", source)
    write(demo / "documents/2024/index.md", re.sub(r"(?m)^title: .*$", "title: 二〇二四年索引测试文件", source))
    built = run("build", "--content", "content", "--out", "site", "--today", "2026-11-22")
    assert built.code == 0, built.err
    assert Path("site/documents/2024/index/index.html").is_file()
    fragments = {}
    for fragment in Path("site/pagefind/fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(SIGNATURE):])
        fragments[data["url"]] = data["meta"]["title"]
    assert fragments["/documents/2024/index/"] == "二〇二四年索引测试文件"
    assert "/documents/2024/" not in fragments
