"""`xxgk serve` run as a clerk runs it, in a process of its own, and read over HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import Message
from pathlib import Path

import pytest

from conftest import FIXTURE_EPOCH, REPO

STARTUP_GUARD = 180  # seconds: only to end a hung test, never a measure of speed


def get(url: str) -> tuple[int, str, Message]:
    """Status, body and headers (looked up case-insensitively)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


@contextmanager
def running_preview(content: Path) -> Iterator[str]:
    """`xxgk serve --port 0` on the content folder in a process of its own; yields its address."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "PYTHONPATH": str(REPO)}
    process = subprocess.Popen([sys.executable, "-m", "xxgk", "serve", "--content", "content", "--port", "0",
                                "--no-search"], cwd=content.parent, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    lines = []
    assert process.stdout is not None
    for line in process.stdout:  # the address is printed once the first build is done
        lines.append(line)
        if line.startswith("预览地址："):
            break
    else:
        pytest.fail("serve ended before printing its address:\n" + "".join(lines))
    address = line.removeprefix("预览地址：").split("（", 1)[0]
    threading.Thread(target=lines.extend, args=(process.stdout,), daemon=True).start()  # keep the pipe drained
    try:
        yield address
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_for_generation(address: str, generation: int) -> dict:
    deadline = time.monotonic() + STARTUP_GUARD
    while time.monotonic() < deadline:
        state = json.loads(get(address + "__xxgk__/state")[1])
        if state["generation"] >= generation:
            return state
        time.sleep(0.3)
    pytest.fail(f"no rebuild {generation} within the guard time")


