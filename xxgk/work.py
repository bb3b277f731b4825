"""How a build does its many small independent steps: each looked up in the cache, the missing ones
computed on every core, in the items' order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from .build_cache import BuildCache
from .workers import default_jobs, parallel_map

Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass
class Work:
    cache: BuildCache = field(default_factory=lambda: BuildCache(None))
    jobs: int = field(default_factory=default_jobs)
    computed: Counter[str] = field(default_factory=Counter)  # items done afresh, by kind
    reused: Counter[str] = field(default_factory=Counter)  # items taken from the cache, by kind

    def map(self, kind: str, items: Sequence[Item], key: Callable[[Item], str | None],
            compute: Callable[[Item], Result], reuse: Callable[[Item, Result], bool] | None = None) -> list[Result]:
        """compute(item) for every item, taken from the cache under key(item) when there (and `reuse`
        accepts it); a key of None means "do not cache this one"."""
        keys = [key(item) for item in items]
        results: list[Cached[Result] | None] = []
        for item, item_key in zip(items, keys, strict=True):
            value = self.cache.get(kind, item_key) if item_key is not None else None
            if value is not None and (reuse is None or reuse(item, value)):
                results.append(Cached(value))
            else:
                results.append(None)
        missing = [index for index, found in enumerate(results) if found is None]
        self.computed[kind] += len(missing)
        self.reused[kind] += len(items) - len(missing)
        computed = parallel_map(compute, [items[index] for index in missing], self.jobs)
        for index, value in zip(missing, computed, strict=True):
            if keys[index] is not None:
                self.cache.put(kind, keys[index], value)  # type: ignore[arg-type]
            results[index] = Cached(value)
        return [found.value for found in results]  # type: ignore[union-attr]

    def parallel(self, compute: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
        return parallel_map(compute, items, self.jobs)


@dataclass(frozen=True)
class Cached(Generic[Result]):
    value: Result
