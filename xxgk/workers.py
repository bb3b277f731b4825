"""Spreading independent work (parsing files, converting bodies, rendering pages) over the machine's
cores. Workers are forked, so they inherit everything the parent has already loaded and the work
function may be any callable, closures included; only items' indices go to a worker and only
results come back. Results are returned in the order of the items, so the output never depends on
which worker finished first."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items a pool costs more than it saves (forking, sending results back).
MIN_PARALLEL_ITEMS = 64
JOBS_VARIABLE = "XXGK_JOBS"

_work: Callable | None = None  # the function and items of the running map, inherited by forked workers
_items: Sequence | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs() -> int:
    """XXGK_JOBS when set (1 turns the pool off), else one worker per core this process may use."""
    value = os.environ.get(JOBS_VARIABLE, "")
    return max(1, int(value)) if value.isdigit() else available_cores()


def _run_chunk(bounds: tuple[int, int]) -> list:
    assert _work is not None and _items is not None
    return [_work(_items[index]) for index in range(*bounds)]


def parallel_map(work: Callable[[Item], Result], items: Sequence[Item], jobs: int | None = None,
                 min_items: int = MIN_PARALLEL_ITEMS) -> list[Result]:
    """[work(item) for item in items], on `jobs` forked workers when there is enough to share."""
    global _work, _items
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1 or len(items) < max(min_items, 2) or "fork" not in multiprocessing.get_all_start_methods():
        return [work(item) for item in items]
    # Several chunks per worker, so one slow chunk does not leave the other cores idle at the end.
    size = max(1, -(-len(items) // (jobs * 8)))
    chunks = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _work, _items = work, items
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results: list[Result] = []
            for chunk in pool.imap(_run_chunk, chunks):
                results.extend(chunk)
            return results
    finally:
        _work, _items = None, None
