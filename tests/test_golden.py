"""The minimal fixture site's whole output equals the committed golden copy (see tests/golden.py)."""

import difflib

from golden import GOLDEN, build_fixture


def files(folder):
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def test_output_matches_golden(tmp_path):
    out = tmp_path / "site"
    build_fixture(out)
    built, golden = files(out), files(GOLDEN)
    assert sorted(built) == sorted(golden), "files added or removed: run `.venv/bin/python tests/golden.py`"
    for name, path in built.items():
        new, old = path.read_bytes(), golden[name].read_bytes()
        if new != old:
            diff = "\n".join(difflib.unified_diff(old.decode().splitlines(), new.decode().splitlines(),
                                                  f"golden/{name}", f"built/{name}", lineterm="", n=1))
            raise AssertionError(f"{name} differs from the golden copy (refresh with "
                                 f"`.venv/bin/python tests/golden.py` if intended):\n{diff[:3000]}")
