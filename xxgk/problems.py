"""Problems found in content: small records, collected, then reported together."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from enum import StrEnum
from pathlib import Path


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return "错误" if self is Level.ERROR else "警告"


@dataclass(frozen=True)
class Problem:
    """One thing a clerk must look at: where it is, what it is, and what was expected."""

    level: Level
    code: str
    message: str
    path: str
    line: int | None = None
    field: str | None = None

    def format(self) -> str:
        """One line for a terminal: a control character quoted from the content (an escape sequence that
        would recolour or clear the terminal, a line break that would fake another problem) is shown as
        its code point instead."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return printable(f"{where}: {self.level.label} [{self.code}] {self.message}")

    def as_dict(self) -> dict:
        record = asdict(self)
        record["level"] = self.level.value
        return record


# control characters, and those that reorder or hide text on a terminal line
UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def printable(text: str) -> str:
    return UNPRINTABLE.sub(lambda found: f"<U+{ord(found[0]):04X}>", text)


def display_path(path: Path | str) -> str:
    """Path as the clerk typed it: relative to the current directory, with forward slashes."""
    try:
        shown = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        shown = str(path)
    return shown.replace(os.sep, "/")


class Problems:
    """Collects problems in the order they are found."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def error(self, code: str, message: str, path: Path | str, line: int | None = None,
              field: str | None = None) -> None:
        self._items.append(Problem(Level.ERROR, code, message, display_path(path), line, field))

    def warning(self, code: str, message: str, path: Path | str, line: int | None = None,
                field: str | None = None) -> None:
        self._items.append(Problem(Level.WARNING, code, message, display_path(path), line, field))

    def extend(self, items: tuple[Problem, ...] | list[Problem]) -> None:
        """Problems found elsewhere (in a worker process, or remembered by the build cache)."""
        self._items.extend(items)

    def take(self, predicate: Callable[[Problem], bool]) -> tuple[Problem, ...]:
        """Remove the problems `predicate` picks (warnings switched off in site.yaml) and return them."""
        taken = tuple(p for p in self._items if predicate(p))
        self._items = [p for p in self._items if not predicate(p)]
        return taken

    @property
    def items(self) -> tuple[Problem, ...]:
        return tuple(self._items)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self._items if p.level is Level.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self._items if p.level is Level.WARNING)

    def sorted(self) -> tuple[Problem, ...]:
        """Problems ordered by file and line, so a report reads top to bottom."""
        return tuple(sorted(self._items, key=lambda p: (p.path, p.line or 0)))
