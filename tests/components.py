"""The template components as their tests see them: names, examples, parameter schemas, rendering."""

from __future__ import annotations

import json

import yaml

from xxgk.render import make_environment
from xxgk.resources import TEMPLATE_DIR

COMPONENTS = sorted(p.parent.name for p in (TEMPLATE_DIR / "components").glob("*/macro.html"))


def examples(component: str) -> list[dict]:
    return yaml.safe_load((TEMPLATE_DIR / "components" / component / "examples.yaml").read_text(encoding="utf-8"))


def params_schema(component: str) -> dict:
    return json.loads((TEMPLATE_DIR / "components" / component / "params.schema.json").read_text(encoding="utf-8"))


def render_example(component: str, name: str) -> str:
    params = next(e["params"] for e in examples(component) if e["name"] == name)
    macro = component.replace("-", "_")
    template = make_environment().from_string(
        f'{{% from "components/{component}/macro.html" import {macro} %}}{{{{ {macro}(params) }}}}')
    return template.render(params=params)
