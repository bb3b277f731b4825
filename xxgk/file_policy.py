"""Which content files may be published as they are (attachments and files linked from bodies).

Anything published sits on the site's own origin, so a file that a browser would run (HTML, SVG, a
script) could attack every visitor. Files are therefore allowed by list: the types government sites
publish, each checked by its extension and by the signature at the start of its bytes (a renamed
`.html` is not a PDF). Hidden files, the column's own configuration and templates, and paths the
build itself generates are never published. Text files (txt, csv) must be UTF-8 and are published
with a byte-order mark, so browsers and spreadsheet programs read them as UTF-8 whatever the server says."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import yaml

OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # the compound file of Word 97-2003, Excel, WPS
ZIP = (b"PK\x03\x04", b"PK\x05\x06")  # docx, xlsx, pptx, ofd, zip (and an empty zip)
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF-",), ".ofd": ZIP,
    ".doc": OLE, ".xls": OLE, ".ppt": OLE, ".wps": OLE + ZIP, ".et": OLE + ZIP, ".dps": OLE + ZIP,
    ".docx": ZIP, ".xlsx": ZIP, ".pptx": ZIP, ".odt": ZIP, ".ods": ZIP, ".odp": ZIP,
    ".rtf": (b"{\\rtf",), ".zip": ZIP, ".rar": (b"Rar!\x1a\x07",), ".7z": (b"7z\xbc\xaf\x27\x1c",),
    ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",), ".png": (b"\x89PNG\r\n\x1a\n",),
    ".gif": (b"GIF87a", b"GIF89a"), ".webp": (b"RIFF",), ".bmp": (b"BM",),
    ".mp3": (b"ID3", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xe3"), ".mp4": (), ".txt": (), ".csv": (),
}
TEXT = {".txt", ".csv"}
UTF8_BOM = b"\xef\xbb\xbf"
ALLOWED_NAMES = "PDF、OFD、Word/WPS 文档、Excel/WPS 表格、演示文稿、RTF、TXT、CSV、ZIP/RAR/7z、JPG/PNG/GIF/WebP/BMP 图片、MP3、MP4"
# Where the build writes its own files: a content file there could replace a generated page, script or index.
RESERVED_FOLDERS = {"assets", "pagefind", "search", "columns", "catalogue", "inspection", "guide", "templates", "apply",
                    "normative", "consultations", "records"}  # records/: the raw rows (unmasked, withdrawn ones too)
RESERVED_FILES = {"index.html", "404.html", "robots.txt", "sitemap.xml", "feed.xml", "site.yaml", "catalogue.csv"}


def refusal(root: Path, path: PurePosixPath) -> str | None:
    """Why the content file at `path` (relative to the content folder) may not be published, or None."""
    if any(part.startswith(".") for part in path.parts):
        return "是隐藏文件（名称以“.”开头），不能发布"
    if path.parts[0] in RESERVED_FOLDERS or path.as_posix() in RESERVED_FILES:
        return "是网站自身使用的文件或位置（配置、模板或生成的网页），不能作为附件或链接发布"
    suffix = path.suffix.lower()
    if suffix not in SIGNATURES:
        return f"的文件类型（{suffix or '无扩展名'}）不能发布：网页、脚本和 SVG 等会在浏览器中运行；允许的类型：{ALLOWED_NAMES}"
    try:
        with (root / path).open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return "无法读取"
    if not head:
        return "是空文件"
    if suffix in TEXT:
        return text_refusal(root / path)
    if not matches(suffix, head):
        return f"的内容与扩展名 {suffix} 不符（文件开头不是 {suffix.lstrip('.').upper()} 文件应有的标记），可能是改了扩展名的其他文件"
    return None


def matches(suffix: str, head: bytes) -> bool:
    if suffix == ".mp4":
        return head[4:8] == b"ftyp"
    if suffix == ".webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    return head.startswith(SIGNATURES[suffix])


def text_refusal(path: Path) -> str | None:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return "不是 UTF-8 编码的文本：请另存为 UTF-8（Excel：“CSV UTF-8”；记事本：编码选 UTF-8）"
    return None


CORE_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
PLAIN_TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
              yaml.MappingNode: "tag:yaml.org,2002:map"}


def without_comments(text: str) -> bytes:
    """The YAML as written, values and layout kept, without comments; a tag outside YAML's core (such as
    !!python/object, which would run code in the loader of whoever downloads it) becomes plain text."""
    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    if root is None:
        return b""
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.tag not in CORE_TAGS:
            node.tag = PLAIN_TAGS[type(node)]
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
    return yaml.serialize(root, Dumper=yaml.CSafeDumper, allow_unicode=True, width=1000).encode("utf-8")


def published_bytes(path: Path) -> bytes | None:
    """The bytes to publish when they differ from the file's, else None: a text file gets a byte-order
    mark; an annual report's YAML (published as its data) loses its comments, which are notes for the
    clerks, not for the public."""
    if path.suffix.lower() in (".yaml", ".yml"):
        return without_comments(path.read_text(encoding="utf-8-sig"))
    if path.suffix.lower() not in TEXT:
        return None
    data = path.read_bytes()
    return None if data.startswith(UTF8_BOM) else UTF8_BOM + data
