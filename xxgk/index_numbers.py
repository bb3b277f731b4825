"""索引号 as `xxgk new` numbers them, by site.yaml's `index_no_pattern`: `{code}` the organisation code,
`{year}` the year, `{seq:N}` a sequence number zero-padded to N digits (default `{code}/{year}-{seq:5}`).
Numbers are never reused: the next one follows the highest of the year, whatever was deleted."""

from __future__ import annotations

import re
from collections.abc import Iterable

TOKEN = re.compile(r"\{(code|year|seq)(?::([1-9]))?\}")


def format_index(pattern: str, code: str, year: int, seq: int) -> str:
    def value(token: re.Match) -> str:
        if token[1] == "code":
            return code
        if token[1] == "year":
            return str(year)
        return str(seq).zfill(int(token[2] or 1))
    return TOKEN.sub(value, pattern)


def sequence_pattern(pattern: str, code: str, year: int) -> re.Pattern:
    """Matches the year's numbers of this pattern, with the sequence as group 1."""
    parts, last = [], 0
    for token in TOKEN.finditer(pattern):
        parts.append(re.escape(pattern[last:token.start()]))
        parts.append({"code": re.escape(code), "year": str(year)}.get(token[1], r"([0-9]+)"))
        last = token.end()
    parts.append(re.escape(pattern[last:]))
    return re.compile("".join(parts))


def next_index(pattern: str, code: str, year: int, existing: Iterable[str]) -> str:
    matcher = sequence_pattern(pattern, code, year)
    used = [int(found[1]) for number in existing if (found := matcher.fullmatch(number))]
    return format_index(pattern, code, year, max(used, default=0) + 1)
