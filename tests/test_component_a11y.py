"""axe-core (WCAG 2.1 A/AA) in real Chromium over every example of every template component, each
shown alone on a page with the site's stylesheet, as GOV.UK Frontend checks its components."""

from __future__ import annotations

import shutil

import pytest
from a11y import WCAG_21_AA, axe_violations
from components import COMPONENTS, examples, render_example

from browser import chromium, serve
from xxgk.resources import TEMPLATE_DIR

EXAMPLES = [(component, example["name"]) for component in COMPONENTS for example in examples(component)]
PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{name} - 组件示例</title><link rel="stylesheet" href="site.css"></head>
<body><main><h1>组件示例：{name}</h1>
{html}
</main></body>
</html>
"""


@pytest.fixture(scope="module")
def gallery(tmp_path_factory):
    folder = tmp_path_factory.mktemp("components")
    shutil.copy(TEMPLATE_DIR / "assets" / "site.css", folder / "site.css")
    for component, name in EXAMPLES:
        html = render_example(component, name)
        (folder / f"{component}--{name}.html").write_text(PAGE.format(name=f"{component} {name}", html=html),
                                                           encoding="utf-8")
    with serve(folder, prefix="/") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def test_every_example_is_on_the_gallery():
    assert len(EXAMPLES) >= len(COMPONENTS) and {c for c, _ in EXAMPLES} == set(COMPONENTS)


@pytest.mark.parametrize(("component", "name"), EXAMPLES)
def test_component_example_passes_axe(gallery, browser, component, name):
    page = browser.new_page()
    response = page.goto(f"{gallery}{component}--{name}.html")
    assert response.status == 200
    found = axe_violations(page, WCAG_21_AA)
    page.close()
    assert found == [], f"{component} / {name}:\n" + "\n".join(found)
