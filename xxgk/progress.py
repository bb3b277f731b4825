"""A one-line progress display for long builds: on a terminal only, and never under --quiet."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    def __init__(self, enabled: bool, stream: TextIO = sys.stderr) -> None:
        self.stream = stream
        self.enabled = enabled and stream.isatty()
        self.width = 0

    def update(self, label: str, done: int, total: int) -> None:
        if not self.enabled or (done % 50 and done != total):
            return
        text = f"{label} {done}/{total}"
        self.stream.write("\r" + text.ljust(self.width))
        self.width = len(text)
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
