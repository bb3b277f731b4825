"""`xxgk serve`: the clerk's preview. Builds the content into a private folder, serves it on 127.0.0.1
at the root of the address (whatever base_url says), rebuilds when a file changes and reloads the
browser. While the content has errors, every page shows them instead of the last good site: the
preview is never stale without saying so."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .check_report import format_report
from .environment import environment_problem
from .pipeline import build
from .progress import Progress
from .search_index import SearchIndexError

CONTROL = "/__xxgk__/"  # the preview's own addresses, beside the site's
POLL_SECONDS = 0.5
RELOAD_SCRIPT = """(function () {
  var seen = null;
  function poll() {
    fetch("/__xxgk__/state", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.generation !== seen) { location.reload(); return; }
      seen = s.generation; setTimeout(poll, 700);
    }).catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
"""
TEXT_TYPES = (".html", ".css", ".js", ".json", ".xml", ".txt", ".csv", ".svg")


@dataclass
class State:
    """What the server shows: the built folder, and the report of the last build when it failed."""

    site: Path
    generation: int = 0
    failure: str | None = None  # the check report of a failed build


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under the folder with its modification time and size: a change to any is a rebuild."""
    found: dict[str, tuple[int, int]] = {}
    stack = [folder]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                else:
                    info = entry.stat()
                    found[entry.path] = (info.st_mtime_ns, info.st_size)
            except OSError:
                continue
    return found


def error_page(report: str) -> bytes:
    lines = "\n".join(html.escape(line) for line in report.splitlines())
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>内容有错误，网站未更新</title></head>
<body style="font: 18px/1.6 sans-serif; margin: 2rem; max-width: 60rem">
<main><h1>内容有错误，网站未更新</h1>
<p>请按下面的提示修改文件。保存后会自动重新生成，本页随之刷新。</p>
<pre style="white-space: pre-wrap; background: #fff4f4; border: 2px solid #b00020; padding: 1rem">{lines}</pre>
</main><script src="{CONTROL}reload.js"></script></body></html>""".encode()


class PreviewHandler(SimpleHTTPRequestHandler):
    state: State

    def __init__(self, *args, state: State, **kwargs) -> None:
        self.state = state
        super().__init__(*args, directory=str(state.site), **kwargs)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass  # the terminal shows builds and problems, not every request

    def guess_type(self, path) -> str:
        kind = super().guess_type(path)
        return f"{kind}; charset=utf-8" if str(path).endswith(TEXT_TYPES) else kind

    def send_bytes(self, status: HTTPStatus, kind: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path.split("?", 1)[0]
        if path == CONTROL + "state":
            state = {"generation": self.state.generation, "ok": self.state.failure is None}
            self.send_bytes(HTTPStatus.OK, "application/json", json.dumps(state).encode())
        elif path == CONTROL + "reload.js":
            self.send_bytes(HTTPStatus.OK, "text/javascript; charset=utf-8", RELOAD_SCRIPT.encode())
        elif self.state.failure is not None and (path.endswith("/") or path.endswith(".html")):
            self.send_bytes(HTTPStatus.INTERNAL_SERVER_ERROR, "text/html; charset=utf-8",
                            error_page(self.state.failure))
        elif path.endswith("/") or path.endswith(".html"):
            self.send_page(path)
        else:
            super().do_GET()

    def send_page(self, path: str) -> None:
        """A page with the reload script added (a file of the site's own origin, as its CSP allows)."""
        file = Path(self.translate_path(path))
        if file.is_dir():
            file = file / "index.html"
        status = HTTPStatus.OK
        if not file.is_file():
            file, status = self.state.site / "404.html", HTTPStatus.NOT_FOUND
        try:
            page = file.read_bytes()
        except OSError:
            page, status = b"<!DOCTYPE html><title>404</title><h1>404</h1>", HTTPStatus.NOT_FOUND
        script = f'<script src="{CONTROL}reload.js"></script></body>'.encode()
        self.send_bytes(status, "text/html; charset=utf-8", page.replace(b"</body>", script, 1))


def rebuild(state: State, content: Path, today: dt.date, base_url: str, search: bool, cache: Path | None,
            say: Callable[[str], None]) -> None:
    started = time.monotonic()
    try:
        outcome = build(content, state.site, today, progress=Progress(False), search=search, cache=cache,
                        base_url=base_url)
    except (SearchIndexError, OSError) as error:  # the machine, not the content: say so and keep serving
        problem = str(error) if isinstance(error, SearchIndexError) else environment_problem(error)
        state.failure = f"xxgk: {problem}"
        say(state.failure)
        state.generation += 1
        return
    verdict = outcome.check.verdict
    report = format_report(verdict, strict=False)
    if outcome.written:
        state.failure = None
        warnings = f"（{verdict.warnings} 个警告，见上）" if verdict.warnings else ""
        if verdict.warnings:
            say(report)
        say(f"{time.strftime('%H:%M:%S')} 已生成 {outcome.pages} 个页面，用时 {time.monotonic() - started:.1f} 秒{warnings}。")
    else:
        state.failure = report
        say(report)
        say(f"{time.strftime('%H:%M:%S')} 内容有错误，网站未更新；浏览器中的每个页面都显示这些错误，改正后自动刷新。")
    state.generation += 1


def say_now(text: str) -> None:
    print(text, flush=True)


def serve(content: Path, port: int, today: dt.date, search: bool, cache: Path | None,
          say: Callable[[str], None] = say_now, stop: threading.Event | None = None) -> int:
    stop = stop or threading.Event()
    folder = Path(tempfile.mkdtemp(prefix="xxgk-serve-"))
    state = State(folder / "site")
    try:
        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), partial(PreviewHandler, state=state))
        except OSError as error:
            say(f"xxgk: 无法在 127.0.0.1:{port} 上提供预览（{error.strerror or error}）：端口可能已被占用，请用 --port 换一个")
            return 2
        address = f"http://127.0.0.1:{server.server_address[1]}/"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        watched = snapshot(content)
        rebuild(state, content, today, address, search, cache, say)
        say(f"预览地址：{address}（按 Ctrl+C 结束）")
        while not stop.wait(POLL_SECONDS):
            now = snapshot(content)
            if now != watched:
                time.sleep(POLL_SECONDS)  # an editor saving several files: take them together
                watched = snapshot(content)
                say(f"{time.strftime('%H:%M:%S')} 文件有改动，重新生成……")
                rebuild(state, content, today, address, search, cache, say)
        server.shutdown()
        return 0
    except KeyboardInterrupt:
        say("预览已结束。")
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)

