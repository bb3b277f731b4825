"""Pagefind's input as one file per page named by its URL's digest (no folder per page), with each page's own URL
in the index."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import cbor2

from conftest import write
from xxgk.pagefind_input import input_name, write_pages
from xxgk.pagefind_stable import SIGNATURE, content_name
from xxgk.search_index import record_page, shard_bundle, write_bundle
from xxgk.search_records import SearchRecord

# `documents/2024/` is the page of a content file `documents/2024/index.md`: as `documents/2024/index.html`
# Pagefind would have cut its URL to `/documents/2024/`, the same as a file `documents/2024.md`.
URLS = ["", "guide/", "documents/2024/05/price-report/", "documents/2024/05/价格监测/", "columns/07/page-2/",
        "documents/2024/", "documents/2024/index/"]


def records() -> list[SearchRecord]:
    return [SearchRecord(url, f"页面{i}", f"第{i}个页面的正文，价格监测。", {"title": f"页面{i}"}, {}, "2024-05-01")
            for i, url in enumerate(URLS)]


def test_pages_are_files_in_one_folder_named_by_their_url(tmp_path):
    renamed = write_pages(tmp_path, [(r.url, record_page(r)) for r in records()])
    assert all(p.is_file() for p in tmp_path.iterdir())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(input_name(url) for url in URLS)
    assert renamed == {"/" + input_name(url): "/" + url for url in URLS}
    assert not any(name.endswith("index.html") for name in renamed)
    assert (tmp_path / input_name("guide/")).read_text(encoding="utf-8") == record_page(records()[1])


def fragment_names(pages: list[tuple[str, str]], scratch: Path) -> dict[str, str]:
    """{the page's URL: its fragment's file name} in a shard indexed from `pages`."""
    bundle = shard_bundle(pages, True, scratch)
    names = {}
    for name, data in bundle.items():
        if name.startswith("fragment/"):
            names[json.loads(gzip.decompress(data)[len(SIGNATURE):])["url"]] = name
    return names


def test_a_fragment_is_named_for_its_page_whatever_else_changes(tmp_path):
    """Fragments are served as immutable: a page moved to another URL must get a new file, and pages that
    did not change keep theirs when others come, go or move."""
    pages = [(r.url, record_page(r)) for r in records()]
    before = fragment_names(pages, tmp_path)
    moved = [("guide/moved/" if url == "guide/" else url, html) for url, html in pages]
    after = fragment_names([("columns/08/", record_page(records()[4]))] + moved, tmp_path)  # a page before all
    assert after["/guide/moved/"] != before["/guide/"]
    assert {url: name for url, name in after.items() if url in before} == {
        url: name for url, name in before.items() if url != "/guide/"}


def test_the_bundle_does_not_depend_on_the_order_pages_are_written(tmp_path):
    pages = [(r.url, record_page(r)) for r in records()]
    assert shard_bundle(pages, True, tmp_path) == shard_bundle(list(reversed(pages)), True, tmp_path)


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


def test_each_fragment_is_named_by_a_hash_of_its_final_bytes(tmp_path):
    """Pagefind names fragments by 7 hex digits of what it saw (before each page's URL is put in), and
    gives a clash's later page a longer name, so a name could pass to another page after an edit."""
    bundle = shard_bundle([(r.url, record_page(r)) for r in records()], True, tmp_path)
    fragments = {name: data for name, data in bundle.items() if name.startswith("fragment/")}
    assert len(fragments) == len(URLS)
    assert all(name == f"fragment/{content_name('zh-cn', data)}.pf_fragment" for name, data in fragments.items())
    meta = next(data for name, data in bundle.items() if name.endswith(".pf_meta"))
    listed = {page[0] for page in cbor2.loads(gzip.decompress(meta)[len(SIGNATURE):])[1]}
    assert {f"fragment/{name}.pf_fragment" for name in listed} == set(fragments)
