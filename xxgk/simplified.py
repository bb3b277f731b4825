"""Folding Traditional Chinese to Simplified, the same way in the build and in the browser.

The table is data derived from OpenCC's `t2s` dictionaries (Apache-2.0) and kept in the package
(`xxgk/data/t2s.json`): single characters, plus the phrases OpenCC converts differently from their
characters (答覆 -> 答复, 乾隆 stays 乾隆). The build and the search page's script both apply it by
longest match, phrase before character, so a Traditional query and a Traditional page always fold
to the same text. Every entry keeps the length, so offsets in folded text are offsets in the original.

Regenerate after upgrading OpenCC (needs the `opencc` package from the test extra):

    .venv/bin/python -m xxgk.simplified
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "t2s.json"
# Code points whose Traditional forms are mapped: CJK Unified Ideographs, Extension A, Compatibility.
HAN_BMP_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@lru_cache(maxsize=1)
def table() -> dict[str, dict[str, str]]:
    """{"chars": {traditional: simplified}, "phrases": {traditional phrase: simplified phrase}}."""
    return json.loads(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], dict[int, str]]:
    phrases = table()["phrases"]
    starts = re.escape("".join(sorted({p[0] for p in phrases})))
    # longest first, so at each position the longest listed phrase wins; the lookahead skips quickly
    # over positions where no phrase starts
    alternatives = "|".join(map(re.escape, sorted(phrases, key=lambda p: (-len(p), p))))
    return re.compile(f"(?=[{starts}])(?:{alternatives})"), str.maketrans(table()["chars"])


def to_simplified(text: str) -> str:
    """Traditional characters and phrases folded to Simplified; everything else as it was. Scanning
    left to right, the longest listed phrase at a position wins over the characters' own entries."""
    pattern, chars = _compiled()
    phrases = table()["phrases"]
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(text[last:match.start()].translate(chars))
        out.append(phrases[match.group()])
        last = match.end()
    out.append(text[last:].translate(chars))
    return "".join(out)


def generate() -> dict[str, dict[str, str]]:
    """The table from the installed OpenCC: its character conversions and its phrase dictionary."""
    import opencc
    converter = opencc.OpenCC("t2s")
    chars: dict[str, str] = {}
    for start, end in HAN_BMP_RANGES:
        for code in range(start, end):
            source = chr(code)
            target = converter.convert(source)
            if target != source and len(target) == 1:
                chars[source] = target
    phrases: dict[str, str] = {}
    for source in opencc_phrases(Path(opencc.__file__).parent / "clib"):
        target = converter.convert(source)
        by_char = "".join(chars.get(c, c) for c in source)
        if target != by_char and len(target) == len(source):
            phrases[source] = target
    return {"chars": dict(sorted(chars.items())), "phrases": dict(sorted(phrases.items()))}


def opencc_phrases(clib: Path) -> list[str]:
    """The Traditional phrases of OpenCC's TSPhrases dictionary, dumped with its opencc_dict tool."""
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / "phrases.txt"
        subprocess.run([str(clib / "bin" / "opencc_dict"), "-i", str(clib / "share" / "opencc" / "TSPhrases.ocd2"),
                        "-o", str(dump), "-f", "ocd2", "-t", "text"], check=True)
        return [line.split("\t")[0] for line in dump.read_text(encoding="utf-8").splitlines() if "\t" in line]


def main() -> None:
    DATA.parent.mkdir(exist_ok=True)
    DATA.write_text(json.dumps(generate(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    data = table.__wrapped__()
    print(f"wrote {DATA}: {len(data['chars'])} characters, {len(data['phrases'])} phrases")


if __name__ == "__main__":
    main()
