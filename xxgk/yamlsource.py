"""YAML to plain values, typed by the schema, with the file line of every value.

PyYAML's own constructor would turn `010` into 8, `no` into False and `2024-1-5` into text
while `2024-01-05` becomes a date. We compose the node tree with the C loader instead and
convert scalars ourselves, as the JSON Schema declares the field: text stays text exactly as
typed, integers must look like integers. Aliases are counted so that a "billion laughs"
document cannot blow up memory, and duplicate keys are errors, not silent overwrites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .model import KeyPath, SourceLines
from .problems import Problems
from .yaml_messages import NESTING_HINT, context_name, explain

# libyaml's loader; PyYAML's own is the fallback where libyaml is missing (both are tested)
Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

NULL_TAG = "tag:yaml.org,2002:null"
INT_RE = re.compile(r"[-+]?[0-9]+")
NUMBER_RE = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
MAX_NODES = 200_000
MAX_DEPTH = 64




@dataclass(frozen=True)
class Located:
    """Converted values plus the line in the file where each key path was written."""

    value: Any
    lines: SourceLines = field(default_factory=SourceLines)


class SchemaTypes:
    """Tells the converter which JSON Schema type a key path has."""

    def __init__(self, root: dict) -> None:
        self.root = root

    def resolve(self, schema: dict | None) -> dict | None:
        while schema and "$ref" in schema:
            ref = schema["$ref"]
            node: Any = self.root
            for part in ref.removeprefix("#/").split("/"):
                node = node[part]
            schema = node
        return schema

    def child(self, schema: dict | None, key: str | int) -> dict | None:
        return self.resolve(self.declared_child(schema, key))

    def declared_child(self, schema: dict | None, key: str | int) -> dict | None:
        """The child's schema as written, before `$ref` is followed (it may carry its own title)."""
        schema = self.resolve(schema)
        if not schema:
            return None
        if isinstance(key, int):
            items = schema.get("items")
            return items if isinstance(items, dict) else None
        props = schema.get("properties", {})
        if key in props:
            return props[key]
        extra = schema.get("additionalProperties")
        return extra if isinstance(extra, dict) else None


def syntax_message(exc: yaml.YAMLError, first_line: int) -> tuple[str, int]:
    """The clerk's message for a YAML syntax error and the file line it points at."""
    problem = getattr(exc, "problem", None) or str(exc)
    problem_mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    mark = problem_mark or context_mark
    line = mark.line + first_line if mark else first_line
    message = f"YAML 语法错误：{explain(problem)}"
    what = context_name(getattr(exc, "context", None))
    if what and context_mark is not None and context_mark.line + first_line != line:
        message += f"（{what}从第 {context_mark.line + first_line} 行开始）"
    return message, line


def compose(text: str, path: Path, first_line: int, problems: Problems) -> yaml.Node | None | bool:
    """Parse to a node tree. Returns False (after reporting) when the text is not valid YAML."""
    try:
        return yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as exc:
        message, line = syntax_message(exc, first_line)
        problems.error("yaml", message, path, line)
    except RecursionError:
        problems.error("yaml", f"YAML 语法错误：{NESTING_HINT}", path, first_line)
    return False


class Converter:
    def __init__(self, path: Path, first_line: int, types: SchemaTypes, problems: Problems) -> None:
        self.path = path
        self.first_line = first_line
        self.types = types
        self.problems = problems
        self.lines: dict[KeyPath, int] = {}
        self.nodes_seen = 0
        self.too_big = False

    def line_of(self, node: yaml.Node) -> int:
        return node.start_mark.line + self.first_line

    def convert(self, node: yaml.Node, schema: dict | None, key_path: KeyPath, depth: int = 0) -> Any:
        self.nodes_seen += 1
        if self.nodes_seen > MAX_NODES or depth > MAX_DEPTH:
            if not self.too_big:
                self.too_big = True
                what = f"嵌套超过 {MAX_DEPTH} 层" if depth > MAX_DEPTH else f"展开后超过 {MAX_NODES} 个值（别名 * 引用过多）"
                self.problems.error("yaml", f"YAML 内容过大：{what}", self.path, self.line_of(node))
            return None
        self.lines.setdefault(key_path, self.line_of(node))
        schema = self.types.resolve(schema)
        if isinstance(node, yaml.MappingNode):
            return self.convert_mapping(node, schema, key_path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, self.types.child(schema, i), key_path + (i,), depth + 1)
                    for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self.convert_scalar(node, schema)

    def convert_mapping(self, node: yaml.MappingNode, schema: dict | None, key_path: KeyPath,
                        depth: int) -> dict:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.error("yaml", "键名必须是简单文本", self.path, self.line_of(key_node))
                continue
            key = key_node.value
            if key in result or (key_path + (key,)) in self.lines:
                first = self.lines.get(key_path + (key,))
                self.problems.error("duplicate-key", f"键 \"{key}\" 重复出现（第一次在第 {first} 行），请只保留一个",
                                    self.path, self.line_of(key_node), field=key)
                continue
            self.lines[key_path + (key,)] = self.line_of(key_node)
            value = self.convert(value_node, self.types.child(schema, key), key_path + (key,), depth + 1)
            if value is not None:  # `key:` with nothing after it means "not given"
                result[key] = value
        return result

    def convert_scalar(self, node: yaml.ScalarNode, schema: dict | None) -> Any:
        raw = node.value
        plain = not node.style  # the C loader marks plain scalars with "", the Python one with None
        if plain and node.tag == NULL_TAG:
            return None
        types = schema.get("type") if schema else None
        types = types if isinstance(types, list) else [types]
        if "integer" in types and INT_RE.fullmatch(raw.strip()):
            return int(raw.strip())
        if "number" in types and NUMBER_RE.fullmatch(raw.strip()):
            text = raw.strip()
            return int(text) if INT_RE.fullmatch(text) else float(text)
        if "boolean" in types and plain and raw in ("true", "false"):
            return raw == "true"
        return raw


def root_scalar(root: yaml.Node | None, key: str) -> str | None:
    """The raw text of a top-level scalar, read before the schema is chosen."""
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key \
                    and isinstance(value_node, yaml.ScalarNode):
                return value_node.value
    return None


def convert_root(root: yaml.Node | None, path: Path, first_line: int, schema: dict,
                 problems: Problems) -> Located | None:
    """Convert a composed node tree (see `compose`) into values typed by the schema."""
    if root is None:
        return Located({}, SourceLines({(): first_line}))
    converter = Converter(path, first_line, SchemaTypes(schema), problems)
    try:
        value = converter.convert(root, schema, ())
    except RecursionError:
        problems.error("yaml", f"YAML 嵌套层数过深（超过 {MAX_DEPTH} 层）", path, first_line)
        return None
    if converter.too_big:
        return None
    return Located(value, SourceLines(converter.lines))
