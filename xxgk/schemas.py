"""The schemas in schema/ and the translation of their verdicts into clerk-readable Chinese."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any, cast

import jsonschema

from .model import KeyPath
from .placeholders import MARK
from .problems import Problems
from .resources import resource_dir
from .yamlsource import Located, SchemaTypes

SCHEMA_DIR = resource_dir("schema")
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

TYPE_NAMES = {
    "string": "文本", "integer": "整数", "number": "数字", "array": "列表", "object": "键值对（映射）",
    "boolean": "true 或 false", "null": "空值",
}


@cache
def load_schema(name: str) -> dict:
    """Read `schema/<name>` (a JSON Schema or Table Schema file)."""
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def is_date(value: object) -> bool:
    if not isinstance(value, str) or not DATE_RE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


FORMATS = jsonschema.FormatChecker(formats=())
FORMATS.checks("date")(is_date)


@cache
def validator_for(name: str) -> jsonschema.protocols.Validator:
    schema = load_schema(name)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=FORMATS)


def shown(value: Any) -> str:
    """A found value as the message shows it."""
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"\"{value}\""
    if isinstance(value, list):
        return "一个列表"
    if isinstance(value, dict):
        return "一组键值对"
    return str(value)


def or_list(values: list) -> str:
    items = [str(v) for v in values]
    return items[0] if len(items) == 1 else "、".join(items[:-1]) + " 或 " + items[-1]


class FieldNames:
    """Names a key path the way a clerk recognises it: `office.phone（电话）`, `total[自然人]`."""

    def __init__(self, schema: dict) -> None:
        self.types = SchemaTypes(schema)
        self.root = schema

    def schema_at(self, path: KeyPath) -> dict | None:
        schema: dict | None = self.types.resolve(self.root)
        for key in path:
            schema = self.types.child(schema, key)
        return schema

    def name(self, path: KeyPath) -> str:
        text, label, parent = "", None, self.types.resolve(self.root)
        for key in path:
            if isinstance(key, int):
                columns = (parent or {}).get("x-columns")
                text += f"[{columns[key]}]" if columns and key < len(columns) else f"[{key + 1}]"
            else:
                text += ("." if text else "") + key
            declared = self.types.declared_child(parent, key) or {}
            parent = self.types.resolve(declared)
            if not isinstance(key, int):
                label = declared.get("title") or (parent or {}).get("title")
        if label:
            index = text.find("[", text.rfind(".") + 1)
            return text[:index] + f"（{label}）" + text[index:] if index >= 0 else f"{text}（{label}）"
        return text or "（整个文件）"

    def suggestion(self, parent: KeyPath, unknown: str) -> str:
        props = (self.schema_at(parent) or {}).get("properties", {})
        for key, sub in props.items():
            if sub.get("title") == unknown or (self.types.resolve(sub) or {}).get("title") == unknown:
                return f"，应写作 {key}（{unknown}）"
        close = difflib.get_close_matches(unknown, list(props), n=1, cutoff=0.6)
        if close:
            return f"，是不是 {self.name(parent + (close[0],))}？"
        return "，可用的字段：" + "、".join(props) if props else ""


def validate(located: Located, schema_name: str, path: Path, problems: Problems) -> bool:
    """Check values against a JSON Schema; report each problem in Chinese. True when no errors."""
    validator = validator_for(schema_name)
    names = FieldNames(load_schema(schema_name))
    ok = True
    seen: set[tuple] = set()
    for error in validator.iter_errors(located.value):
        if isinstance(error.instance, str) and MARK.search(error.instance):
            continue  # a placeholder of `xxgk init`: reported as one (placeholders.check_values), not as a bad value
        for level, code, key_path, message in translate(error, names):
            key = (code, key_path, message)
            if key in seen:
                continue
            seen.add(key)
            line = located.lines.line(*key_path)
            field = ".".join(str(k) for k in key_path) or None
            if level == "warning":
                problems.warning(code, message, path, line, field)
            else:
                ok = False
                problems.error(code, message, path, line, field)
    return ok


def translate(error: jsonschema.ValidationError, names: FieldNames) -> list[tuple[str, str, KeyPath, str]]:
    """One jsonschema verdict as (level, code, key path, Chinese message) records."""
    path: KeyPath = tuple(error.absolute_path)
    kind, expected, instance = error.validator, cast(Any, error.validator_value), error.instance
    schema: dict = error.schema if isinstance(error.schema, dict) else {}
    field = names.name(path)
    hint = schema.get("x-expect")
    if kind == "required":
        why = schema.get("x-why", "")
        missing = [k for k in expected if isinstance(instance, dict) and k not in instance]
        return [("error", "required", path + (k,), f"缺少必填字段 {names.name(path + (k,))}{'：' + why if why else ''}")
                for k in missing]
    if kind == "additionalProperties":
        props = (names.schema_at(path) or {}).get("properties", {})
        extra = [k for k in instance if k not in props] if isinstance(instance, dict) else []
        return [("warning", "unknown-key", path + (k,), f"未知字段 \"{k}\"，将被忽略{names.suggestion(path, k)}")
                for k in extra]
    if kind == "format" and expected == "date":
        return [("error", "date", path, f"{field}{shown(instance)} 不是有效日期，应为 YYYY-MM-DD（如 2024-03-05）")]
    if kind == "type":
        wanted = or_list([TYPE_NAMES.get(t, t) for t in (expected if isinstance(expected, list) else [expected])])
        example = f"，例如 {hint}" if hint else ""
        found = {type(None): "为空", list: "是一个列表", dict: "是一组键值对"}.get(type(instance))
        if found:
            return [("error", "type", path, f"{field}{found}，应为{wanted}{example}")]
        return [("error", "type", path, f"{field}{shown(instance)} 类型不对，应为{wanted}{example}")]
    if kind == "enum":
        return [("error", "enum", path, f"{field}{shown(instance)} 不是允许的值，应为 {or_list(expected)}")]
    if kind == "const":
        return [("error", "enum", path, f"{field}{shown(instance)} 不是允许的值，应为 {expected}")]
    if kind == "pattern":
        wanted = hint or f"符合 {expected}"
        return [("error", "pattern", path, f"{field}{shown(instance)} 格式不对，应为{wanted}")]
    if kind == "minLength":
        return [("error", "empty", path, f"{field}不能为空")]
    if kind in ("minItems", "maxItems"):
        columns = schema.get("x-columns")
        order = f"（依次为：{'、'.join(columns)}）" if columns else ""
        count = len(instance) if isinstance(instance, list) else 0
        if kind == "minItems" and count == 0:
            return [("error", "empty", path, f"{field}不能为空列表")]
        if schema.get("minItems") == schema.get("maxItems"):
            return [("error", "count", path, f"{field}应有 {expected} 个数，实际有 {count} 个{order}")]
        wanted = f"至少 {expected}" if kind == "minItems" else f"至多 {expected}"
        return [("error", "count", path, f"{field}应有{wanted}项，实际有 {count} 项")]
    if kind == "minimum":
        return [("error", "range", path, f"{field} = {instance}，不能小于 {expected}")]
    if kind == "maximum":
        return [("error", "range", path, f"{field} = {instance}，不能大于 {expected}")]
    if kind == "uniqueItems":
        return [("error", "duplicate", path, f"{field}中有重复的项")]
    return [("error", "schema", path, f"{field}{shown(instance)} 不符合要求（{error.message}）")]
