"""Golden output: the whole site built from tests/fixtures/minimal, kept in tests/golden/minimal/.

Refresh after an intended change with:

    .venv/bin/python tests/golden.py
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS.parent))

from xxgk.pipeline import build  # noqa: E402

FIXTURE = TESTS / "fixtures" / "minimal"
GOLDEN = TESTS / "golden" / "minimal"
TODAY = dt.date(2025, 1, 20)  # keep in step with conftest.FIXTURE_TODAY


def build_fixture(out: Path, search: bool = False) -> None:
    """The fixture site; without the Pagefind bundle unless asked (its filter files are not stable)."""
    result = build(FIXTURE, out, TODAY, search=search)
    if not result.written:
        raise SystemExit("\n".join(p.format() for p in result.check.problems.items))


def refresh() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        build_fixture(Path(tmp) / "site")
        if GOLDEN.exists():
            shutil.rmtree(GOLDEN)
        shutil.copytree(Path(tmp) / "site", GOLDEN)
    print(f"refreshed {GOLDEN.relative_to(TESTS.parent)}")


if __name__ == "__main__":
    refresh()
