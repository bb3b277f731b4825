"""Cleaning the HTML of page bodies with an allow-list sanitiser (nh3, Rust's ammonia), and
telling the clerk what was removed. Clerks paste tables from Word; the public site must never
carry a pasted script, frame, event handler or hidden text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr", "ruby", "rt", "rp",
}
# Dropped with their content: nothing inside them is readable text.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template", "textarea",
                        "select", "svg", "math", "frameset", "frame", "applet"}
ALLOWED_ATTRIBUTES = {
    "*": {"title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope", "id"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "reversed"},
    "time": {"datetime"},
}
# The only classes a body may carry: column alignment, as Markdown tables write it (markdown_render).
# Any other class could borrow the look of the site's own notices.
ALLOWED_CLASSES = {tag: {"align-left", "align-center", "align-right"} for tag in ("td", "th")}
URL_ATTRIBUTES = {"href", "src"}
SAFE_LINK = re.compile(r"^(?:https?:|mailto:|tel:|#|[^:]*$)", re.IGNORECASE)
SAFE_IMAGE_DATA = re.compile(r"^data:image/(?:png|gif|jpeg|webp);base64,", re.IGNORECASE)
HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:position|display|visibility|opacity|font-size|height|max-height|overflow|"
                          r"clip|clip-path|transform|z-index|left|top|right|bottom|text-indent|color)\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Removal:
    what: str  # the Chinese description shown to the clerk
    snippet: str  # text to look for in the source, to find the line


def safe_url(tag: str, attribute: str, value: str) -> bool:
    value = value.strip()
    if tag == "img" and attribute == "src" and SAFE_IMAGE_DATA.match(value):
        return True
    return bool(SAFE_LINK.match(value))


class RemovalScanner(HTMLParser):
    """Lists what the sanitiser is about to drop, in words a clerk understands, and the images a
    screen reader could only call "图片" (no alt text, or an empty one): the one Python parse of a body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.removals: list[Removal] = []
        self.unlabelled_images: list[str] = []
        self.dropped_depth = 0  # inside an element that goes with its content: nothing more to say

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_WITH_CONTENT and self.dropped_depth:
            self.dropped_depth -= 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropped_depth:
            self.dropped_depth += tag in DROPPED_WITH_CONTENT
            return
        if tag == "img":
            values = dict(attrs)
            if not (values.get("alt") or "").strip():
                self.unlabelled_images.append(values.get("src") or "")
        if tag in DROPPED_WITH_CONTENT:
            self.removals.append(Removal(f"<{tag}> 元素（连同其内容）", f"<{tag}"))
            self.dropped_depth = 1
            return
        if tag not in ALLOWED_TAGS:
            self.removals.append(Removal(f"<{tag}> 标签（保留其中的文字）", f"<{tag}"))
            return
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.removals.append(Removal(f"事件属性 {name}（可执行脚本）", name))
            elif name == "style":
                kind = "可能隐藏或移动内容的" if HIDING_STYLE.search(value) else ""
                self.removals.append(Removal(f"{kind}内联样式 style=\"{value[:40]}\"（网页统一使用本站样式）", "style"))
            elif name in URL_ATTRIBUTES and name in allowed and not safe_url(tag, name, value):
                self.removals.append(Removal(f"不安全的地址 {name}=\"{value[:40]}\"（只允许网页、邮件、电话地址和相对路径）",
                                             value[:20]))
            elif name == "class" and set(value.split()) <= ALLOWED_CLASSES.get(tag, set()):
                continue
            elif name not in allowed and not name.startswith("aria-"):
                self.removals.append(Removal(f"<{tag}> 的属性 {name}", name))


# Called with a link or image target as written; returns the URL to publish, or None to drop it.
LinkResolver = Callable[[str], str | None]


@dataclass(frozen=True)
class Sanitized:
    html: str
    removals: list[Removal]
    unlabelled_images: list[str]  # src of each <img> without alt text, in order


def sanitize(html: str, resolve: LinkResolver | None = None) -> Sanitized:
    """The cleaned HTML, with every kept link and image passed through `resolve`, what was removed,
    and the images without text."""
    scanner = RemovalScanner()
    scanner.feed(html)
    scanner.close()

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        if tag not in ALLOWED_TAGS:  # nh3 asks about attributes of elements it is about to drop
            return None
        if attribute in URL_ATTRIBUTES:
            if not safe_url(tag, attribute, value):
                return None
            return resolve(value) if resolve else value
        return value

    cleaned = nh3.clean(
        html, tags=ALLOWED_TAGS, clean_content_tags=DROPPED_WITH_CONTENT, attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes={"http", "https", "mailto", "tel", "data"}, attribute_filter=attribute_filter, link_rel=None,
        strip_comments=True)
    return Sanitized(cleaned, scanner.removals, scanner.unlabelled_images)
