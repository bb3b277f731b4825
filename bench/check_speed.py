"""Time `check` over a generated content folder and print the figures.

    python bench/check_speed.py --documents 10000
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--base", type=Path, default=REPO / "content")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        generate(args.base, root, args.documents)
        started = time.perf_counter()
        result = check(root, dt.date(2026, 11, 22))
        elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents:      {args.documents}")
    print(f"check time:     {elapsed:.1f} s ({elapsed / args.documents * 1000:.2f} ms per document)")
    print(f"peak memory:    {peak_mb:.0f} MB")
    print(f"errors/warnings: {len(result.problems.errors)}/{len(result.problems.warnings)}")
    for problem in result.problems.sorted()[:5]:
        print("  " + problem.format())


if __name__ == "__main__":
    main()
