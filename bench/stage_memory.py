"""Peak memory of the build process at each stage of a build (load and check, assemble, search,
rendering), read from /proc/self/status (VmRSS, VmHWM) as each stage starts and ends. Pagefind and the
forked workers are other processes; bench/build_speed.py measures those.

    .venv/bin/python bench/generate_content.py --out /tmp/m10k/content --documents 10000
    .venv/bin/python bench/stage_memory.py /tmp/m10k/content /tmp/m10k/site
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from xxgk import pipeline  # noqa: E402

STAGES = ("check", "assemble", "search_records", "write_search", "write_for_portal", "write_site")


def status_mb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--today", default="2026-11-22")
    args = parser.parse_args()
    started = time.monotonic()

    def traced(name: str, function):
        def run(*positional, **named):
            print(f"{time.monotonic() - started:7.1f} s  start {name:16} RSS {status_mb('VmRSS'):6} MB  peak {status_mb('VmHWM'):6} MB")
            result = function(*positional, **named)
            print(f"{time.monotonic() - started:7.1f} s  end   {name:16} RSS {status_mb('VmRSS'):6} MB  peak {status_mb('VmHWM'):6} MB")
            return result
        return run

    for name in STAGES:
        setattr(pipeline, name, traced(name, getattr(pipeline, name)))
    result = pipeline.build(args.content, args.out, dt.date.fromisoformat(args.today), search=not args.no_search)
    print(f"written: {result.written}, {result.pages} pages; build process peak {status_mb('VmHWM')} MB")


if __name__ == "__main__":
    main()
