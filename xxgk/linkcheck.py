"""Every internal link and asset reference of the site must resolve: checked from the targets the
pages made (`missing_targets`), and, with --verify, by reading the written HTML back (`broken_links`)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

REFERENCE_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "form": "action",
                        "source": "src", "iframe": "src"}


class References(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value for key, value in attrs if value}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        name = REFERENCE_ATTRIBUTES.get(tag)
        if name and name in attributes:
            self.found.append(attributes[name])


def target_exists(site: Path, page: Path, reference: str, base_url: str | None) -> bool:
    if base_url and reference.startswith(base_url):
        reference = "/" + reference[len(base_url):]
        relative_to = site
    else:
        relative_to = page.parent
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc or (not parts.path and reference.startswith("#")):
        return True  # external, or a fragment on the same page
    path = unquote(parts.path)
    if path.startswith("/"):
        target = site / path.lstrip("/")
    else:
        target = relative_to / path
    target = Path(posixpath.normpath(target.as_posix()))
    if not target.is_relative_to(site):
        return False
    if target.is_dir():
        return (target / "index.html").is_file()
    return target.is_file()


def broken_links(site: Path, base_url: str | None = None) -> list[tuple[str, str]]:
    """(page, reference) for every internal reference in the site's HTML that does not resolve."""
    site = Path(posixpath.normpath(site.resolve().as_posix()))
    broken = []
    for page in sorted(site.rglob("*.html")):
        parser = References()
        parser.feed(page.read_text(encoding="utf-8"))
        for reference in parser.found:
            if not target_exists(site, page, reference, base_url):
                broken.append((page.relative_to(site).as_posix(), reference))
    return broken


def missing_targets(targets: Iterable[tuple[str, Iterable[str]]], written: set[str]) -> list[tuple[str, str]]:
    """(page URL, target) for every site-relative link target a page made that no written file serves.
    The targets come from the pages' linkers, so nothing generated is parsed again."""
    missing = []
    for page_url, page_targets in targets:
        for target in sorted(page_targets):
            parts = urlsplit(target)
            if parts.scheme or parts.netloc:
                continue
            path = unquote(parts.path)
            if not path and target.startswith("#"):
                continue
            if path == "" or path.endswith("/"):
                path += "index.html"
            if path not in written:
                missing.append((page_url, target))
    return missing
