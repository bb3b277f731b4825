"""Time `check` over a generated content folder and print the figures.

    python bench/check_speed.py --documents 10000
    python bench/check_speed.py --documents 100 --catalogue-rows 100000   # a very large catalogue
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate_content import REPO, generate  # noqa: E402
from xxgk.pipeline import check  # noqa: E402


def add_catalogue_rows(path: Path, count: int) -> None:
    """Copies of the first 主动 row under new ids (the worst case for per-row work is many rows)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    row = next(line for line in lines[1:] if ",主动," in line)
    first_id = row.split(",", 1)[0]
    extra = [row.replace(first_id, f"90-{i:06d}", 1) for i in range(count)]
    path.write_text("\n".join(lines + extra) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--catalogue-rows", type=int, default=0, help="extra 主动 rows appended to the catalogue")
    parser.add_argument("--base", type=Path, default=REPO / "content")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        generate(args.base, root, args.documents)
        if args.catalogue_rows:
            add_catalogue_rows(root / "catalogue.csv", args.catalogue_rows)
        started = time.perf_counter()
        result = check(root, dt.date(2026, 11, 22))
        elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents:      {args.documents}")
    print(f"catalogue rows: +{args.catalogue_rows}")
    print(f"check time:     {elapsed:.1f} s ({elapsed / args.documents * 1000:.2f} ms per document)")
    print(f"peak memory:    {peak_mb:.0f} MB")
    print(f"errors/warnings: {len(result.problems.errors)}/{len(result.problems.warnings)}")
    for problem in result.problems.sorted()[:5]:
        print("  " + problem.format())


if __name__ == "__main__":
    main()
