"""Every page the demo generates passes html-validate (from npm, pinned in tests/node) with its
standard and accessibility rules: no errors."""

import json
import subprocess

import pytest
from a11y import NODE, REPO, build_demo

VALIDATOR = NODE / ".bin" / "html-validate"
CONFIG = REPO / "tests" / "node" / "htmlvalidate.json"


def validate(files) -> list[str]:
    done = subprocess.run([str(VALIDATOR), "--config", str(CONFIG), "--formatter", "json", *map(str, files)],
                          capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    results = json.loads(done.stdout or "[]")
    return [f"{r['filePath']}:{m['line']}:{m['column']}: {m['ruleId']} {m['message']}"
            for r in results for m in r["messages"] if m["severity"] == 2]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    site = build_demo(tmp_path_factory.mktemp("html") / "site")
    return sorted(site.rglob("*.html"))


def test_every_generated_page_is_valid_html(pages):
    assert len(pages) > 120  # every document, list page, report, the search page and 404
    assert validate(pages) == []


def test_the_validator_reports_errors(tmp_path):
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head>'
                    '<body><main><img src="a.png"><p id="a">一</p><p id="a">二</p></main></body></html>', encoding="utf-8")
    rules = {line.split(": ")[1].split()[0] for line in validate([page])}
    assert rules == {"wcag/h37", "no-dup-id"}
