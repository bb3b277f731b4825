"""Reading one content file into checked, still untyped values: the first stage of loading."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from .frontmatter import split_front_matter
from .model import Limits
from .placeholders import check_body, check_values
from .problems import Problems
from .schemas import load_schema, validate
from .text_safety import check_characters
from .textfile import read_text
from .yamlsource import Located, compose, convert_root


@dataclass(frozen=True)
class Record:
    """A content file's values after schema validation (`valid` is False when it has errors)."""

    path: Path
    source: PurePosixPath  # relative to the content folder
    located: Located
    valid: bool
    body: str = ""
    body_line: int = 0

    @property
    def data(self) -> dict[str, Any]:
        return self.located.value if isinstance(self.located.value, dict) else {}

    def line(self, *key_path: str | int) -> int | None:
        return self.located.lines.line(*key_path)


def parse_markdown(path: Path, source: PurePosixPath, schema_name: str, problems: Problems,
                   max_bytes: int = Limits().markdown_bytes) -> Record | None:
    """A Markdown file with YAML front matter, validated against `schema/<schema_name>`."""
    text_file = read_text(path, problems, max_bytes=max_bytes,
                          limit_hint="（可在 site.yaml 的 limits.markdown_mb 中调整）")
    if text_file is None:
        return None
    split = split_front_matter(text_file.text, path, problems)
    if split is None:
        return None
    root = compose(split.yaml_text, path, split.yaml_line, problems)
    if root is False:
        return None
    return finish(root, path, source, split.yaml_line, schema_name, problems, split.body, split.body_line)


def parse_yaml_file(path: Path, source: PurePosixPath, problems: Problems,
                    choose_schema: Callable[[Any], str]) -> Record | None:
    """A YAML file; `choose_schema` picks the schema from the composed root node."""
    text_file = read_text(path, problems)
    if text_file is None:
        return None
    root = compose(text_file.text, path, 1, problems)
    if root is False:
        return None
    return finish(root, path, source, 1, choose_schema(root), problems)


def finish(root: Any, path: Path, source: PurePosixPath, first_line: int, schema_name: str,
           problems: Problems, body: str = "", body_line: int = 0) -> Record | None:
    located = convert_root(root, path, first_line, load_schema(schema_name), problems)
    if located is None:
        return None
    if not isinstance(located.value, dict):
        problems.error("type", "内容应为“键: 值”形式的字段列表", path, first_line)
        return None
    valid = validate(located, schema_name, path, problems)
    valid = check_characters(located, path, schema_name, problems) and valid
    valid = check_values(located, path, schema_name, problems) and valid
    valid = check_body(body, body_line, path, problems) and valid
    return Record(path, source, located, valid, body, body_line)
