"""Shared fixtures: a small valid content folder copied into a temporary directory."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from browser import chromium
from xxgk.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_TODAY = dt.date(2025, 1, 20)  # "today" for the minimal fixture: its 2024 report is not due yet
FIXTURE_EPOCH = "1737374400"  # SOURCE_DATE_EPOCH for FIXTURE_TODAY
REPO = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests in a module that starts Chromium (imports browser.chromium) are marked `browser`, so
    `-m "not browser"` runs everything else; a module's other tests belong in a module of their own."""
    for item in items:
        module = getattr(item, "module", None)
        if module is not None and getattr(module, "chromium", None) is chromium:
            item.add_marker(pytest.mark.browser)


@dataclass
class Outcome:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return (self.out + self.err).splitlines()

    def json(self) -> dict:
        return json.loads(self.out)


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of tests/fixtures/minimal at ./content, with the working directory set to its parent."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "minimal", target)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    return target


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the demo department at ./content, with the working directory set to its parent."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "content"


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every file with its bytes, and every folder (None), so an empty folder left behind shows."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() if p.is_file() else None for p in sorted(folder.rglob("*"))}


@pytest.fixture
def run(capsys: pytest.CaptureFixture):
    """Run the command line in-process and capture what the user would see."""

    def runner(*args: str) -> Outcome:
        code = main(list(args))
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return runner


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def build_site(run):
    """Build a content folder into ./site (or `out`) and return the output folder."""

    def builder(content_dir: Path, out: str = "site", *extra: str) -> Path:
        result = run("build", "--content", str(content_dir), "--out", out, "--quiet", *extra)
        assert result.code == 0, result.out + result.err
        return Path(out).resolve()

    return builder


def soup(path: Path):
    from bs4 import BeautifulSoup
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def texts(elements) -> list[str]:
    return [" ".join(e.get_text(" ", strip=True).split()) for e in elements]
