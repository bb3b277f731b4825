"""Every message PyYAML can give while reading a clerk's file is said in Chinese: the messages are
harvested from the installed PyYAML (its pure-Python loader's source and libyaml inside its C
extension), so a new PyYAML version with a new message fails here, not in front of a clerk."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from xxgk import yamlsource
from xxgk.problems import Problems
from xxgk.yaml_messages import GENERIC, context_name, explain

YAML_DIR = Path(yaml.__file__).parent
ENGLISH_WORD = re.compile(r"\b(?!YAML\b|Tab\b|UTF\b)[A-Za-z]{3,}\b")
LOADERS = {"C": yaml.CSafeLoader, "pure": yaml.SafeLoader}


def pure_python_messages() -> tuple[set[str], set[str]]:
    """(problems, contexts) as written in PyYAML's scanner, parser and composer: the string arguments
    of every `...Error(context, context_mark, problem, problem_mark)` they raise."""
    problems, contexts = set(), set()
    for name in ("scanner.py", "parser.py", "composer.py"):
        tree = ast.parse((YAML_DIR / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id.endswith("Error")):
                continue
            for position, found in ((0, contexts), (2, problems)):
                if len(node.args) > position:
                    text = literal_text(node.args[position])
                    if text:
                        found.add(text)
    return problems, contexts


def literal_text(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp):  # "found undefined alias %r" % anchor, "a" "b" % x
        return literal_text(node.left)
    return None


LIBYAML_PROBLEM = re.compile(rb"(?<=\x00)(?:found |did not find |could not find |mapping (?:keys|values) |block sequence |"
                             rb"control characters |exceeded |invalid (?:leading|trailing|length|Unicode)|"
                             rb"incomplete UTF|input is too long)[ -~]{3,120}(?=\x00)")
LIBYAML_CONTEXT = re.compile(rb"(?<=\x00)while (?:scanning|parsing|increasing) [ -~]{3,80}(?=\x00)")


def libyaml_messages() -> tuple[set[str], set[str]]:
    """(problems, contexts) compiled into libyaml inside PyYAML's C extension."""
    (extension,) = YAML_DIR.glob("_yaml*.so")
    data = extension.read_bytes()
    return ({m.decode() for m in LIBYAML_PROBLEM.findall(data)}, {m.decode() for m in LIBYAML_CONTEXT.findall(data)})


def test_the_harvest_finds_the_known_messages():
    problems, contexts = pure_python_messages()
    assert {"mapping values are not allowed here", "found undefined alias %r"} <= problems
    assert "while scanning a quoted scalar" in contexts
    c_problems, c_contexts = libyaml_messages()
    assert {"mapping values are not allowed in this context", "found unexpected end of stream"} <= c_problems
    assert "while parsing a flow sequence" in c_contexts


@pytest.mark.parametrize("source", ["pure", "C"])
def test_every_problem_has_its_own_explanation(source):
    problems, _ = pure_python_messages() if source == "pure" else libyaml_messages()
    assert problems
    unexplained = sorted(p for p in problems if explain(p) == GENERIC)
    assert unexplained == []


@pytest.mark.parametrize("source", ["pure", "C"])
def test_every_context_is_named(source):
    _, contexts = pure_python_messages() if source == "pure" else libyaml_messages()
    # "while scanning an %s": PyYAML fills in what it was scanning
    filled = {c % name if "%s" in c else c for c in contexts for name in ("anchor", "alias", "directive", "tag")}
    unnamed = sorted(c for c in filled if not context_name(c) and "next token" not in c)
    assert unnamed == []


BROKEN = {
    "colon in a value": ("title: 关于: 通知\n", "这里不能出现“: ”"),
    "unclosed bracket": ("keywords: [价格, 收费\ntitle: x\n", "方括号 [ ] 没有闭合"),
    "unclosed brace": ("office: {name: x\ntitle: x\n", "花括号 { } 没有闭合"),
    "unclosed quote": ("title: \"关于通知\nsummary: x\n", "引号"),
    "tab indentation": ("office:\n\tname: x\n", "Tab"),
    "bad escape": ("title: \"C:\\d\"\n", "反斜杠"),
    "undefined alias": ("title: *x\n", "锚点"),
    "second document": ("title: a\n---\ntitle: b\n", "只能有一个 YAML 文档"),
    "back-quote": ("title: `x`\n", "不能作为值开头"),
    "tag": ("title: !!python/object:os.system x\nsummary: !<a\n", "类型标记"),
    "directive": ("%YAML 9.9\n---\ntitle: x\n", "指令"),
    "block scalar": ("summary: |0\n  x\n", "| 或 >"),
    "deep nesting": ("name: " + "[" * 2000 + "]" * 2000 + "\n", "嵌套"),
    "control character": ("title: a\x01b\n", "控制字符"),
    "list item in a mapping": ("a: b\n- c\n", "缩进"),
    "misaligned list": ("keywords:\n  - x\n  b: y\n", "缩进不一致"),
}


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize("case", BROKEN)
def test_broken_yaml_is_explained_in_chinese(monkeypatch, loader, case):
    text, expected = BROKEN[case]
    monkeypatch.setattr(yamlsource, "Loader", LOADERS[loader])
    problems = Problems()
    assert yamlsource.compose(text, Path("site.yaml"), 1, problems) is False
    (problem,) = problems.items
    assert problem.code == "yaml" and problem.line is not None
    assert problem.message.startswith("YAML 语法错误：")
    assert expected in problem.message
    assert ENGLISH_WORD.findall(problem.message) == [], problem.message


def test_an_unclosed_quote_points_where_it_started():
    problems = Problems()
    yamlsource.compose("title: x\nsummary: \"开始\n第二行\n第三行: y\n", Path("a.md"), 2, problems)
    (problem,) = problems.items
    assert "引号中的文字从第 3 行开始" in problem.message
