"""Placeholders: what `xxgk init` and `xxgk new` leave for the clerk to write, marked 【待填写：what】.
Each one left is an error at its line, so `check` lists exactly what is still to be filled in, file by
file, and nothing half-written is published."""

from __future__ import annotations

import re
from typing import Any

from .problems import Problems
from .yamlsource import Located

MARK = re.compile(r"【待填写(?:[：:]([^】\n]*))?】")


def placeholder(hint: str) -> str:
    return f"【待填写：{hint}】"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and MARK.search(value) is not None


def hint_of(text: str) -> str:
    found = MARK.search(text)
    return (found[1] or "").strip() if found else ""


def check_values(located: Located, path, schema_name: str, problems: Problems) -> bool:
    """A placeholder left in any value of the file's YAML; False when there is one."""
    from .schemas import FieldNames, load_schema  # schemas skips placeholders when validating: imported late
    names = FieldNames(load_schema(schema_name))
    ok = True

    def visit(value: Any, key_path: tuple) -> None:
        nonlocal ok
        if isinstance(value, dict):
            for key, item in value.items():
                visit(item, (*key_path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                visit(item, (*key_path, index))
        elif is_placeholder(value):
            ok = False
            problems.error("placeholder", f"{names.name(key_path)}尚未填写：{hint_of(value)}", path,
                           located.lines.line(*key_path), ".".join(map(str, key_path)))

    visit(located.value, ())
    return ok


def check_body(body: str, body_line: int, path, problems: Problems) -> bool:
    """A placeholder left in a Markdown body; False when there is one."""
    ok = True
    for number, line in enumerate(body.splitlines(), start=body_line):
        for found in MARK.finditer(line):
            ok = False
            problems.error("placeholder", f"正文尚未填写：{(found[1] or '').strip()}", path, number)
    return ok
