"""The incremental-build cache: results of parsing files, converting bodies, rendering pages and
indexing search shards, stored under a key made of everything they were computed from (the input's
bytes, the templates, the tool's own code). A rebuild looks each step up and does only what is
missing, so its output is byte-identical to a clean build's.

One SQLite file, safe to delete at any time (the next build is then a clean one). Entries not used
by the last successful build are dropped, so the cache does not grow with the history of the site."""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from .resources import PACKAGE, resource_dir

CACHE_FILE = "xxgk-cache.sqlite"
DEFAULT_FOLDER = ".cache"  # beside the output folder: site/ -> .cache/xxgk-cache.sqlite


@cache
def tool_version() -> str:
    """A digest of the tool's code and schemas: a new version of either invalidates everything."""
    digest = hashlib.sha256()
    for folder in (PACKAGE, resource_dir("schema")):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".json", ".yaml", ".txt", ".csv"):
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def key_of(*parts: Any) -> str:
    """A cache key from strings, bytes and numbers (each part length-prefixed, so parts never run together)."""
    digest = hashlib.sha256(tool_version().encode())
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def key_of_each(label: str, values: Iterable[Any]) -> str:
    """A cache key over many values, each repr'd in turn: the whole is never one string in memory."""
    digest = hashlib.sha256(tool_version().encode() + b"\0" + label.encode())
    for value in values:
        data = repr(value).encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def folder_digest(folders: Iterable[Path]) -> str:
    """Every file under the folders, names and bytes: the templates (and the department's overrides)."""
    digest = hashlib.sha256()
    for index, folder in enumerate(folders):
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(f"{index}:{path.relative_to(folder).as_posix()}\0".encode())
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


class BuildCache:
    """get/put of picklable values by (kind, key). `None` as the folder gives a cache that never hits.
    A build holds the cache's write lock until it ends; a second build using the same cache at the same
    time waits `lock_timeout` seconds for it, then goes on without the cache."""

    lock_timeout = 5.0

    def __init__(self, folder: Path | None) -> None:
        self.used: set[tuple[str, str]] = set()
        self.hits = 0
        self.misses = 0
        self.db: sqlite3.Connection | None = None
        if folder is None:
            return
        path = folder / CACHE_FILE
        try:
            folder.mkdir(parents=True, exist_ok=True)
            try:
                self.db = self.open(path)
            except sqlite3.DatabaseError:  # not a cache we can read: start again
                path.unlink(missing_ok=True)
                self.db = self.open(path)
        except (OSError, sqlite3.Error):  # a read-only or full disk, a locked file: the run goes on without a cache
            self.db = None

    @property
    def enabled(self) -> bool:
        return self.db is not None

    @staticmethod
    def open(path: Path) -> sqlite3.Connection:
        db = sqlite3.connect(path, timeout=BuildCache.lock_timeout, isolation_level=None)
        if BuildCache.written_by_another_version(db):
            # Every key includes the tool's version, so nothing in it can hit again; deleting its entries one
            # by one took over 20 minutes for 100,000 documents, starting a new file takes none.
            db.close()
            for name in (path.name, path.name + "-wal", path.name + "-shm"):
                (path.parent / name).unlink(missing_ok=True)
            db = sqlite3.connect(path, timeout=BuildCache.lock_timeout, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, value BLOB, PRIMARY KEY (kind, key))")
        db.execute("CREATE TABLE IF NOT EXISTS version (tool TEXT)")
        db.execute("BEGIN")  # the version is noted with the first entry written: opening takes no write lock
        return db

    @staticmethod
    def written_by_another_version(db: sqlite3.Connection) -> bool:
        """A cache file holding entries of another version of the tool (or of one before versions were noted)."""
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "entries" not in tables:
            return False
        if "version" not in tables:
            return db.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is not None
        noted = db.execute("SELECT tool FROM version").fetchone()
        return noted is not None and noted[0] != tool_version()

    def get(self, kind: str, key: str) -> Any | None:
        if self.db is None:
            return None
        row = self.db.execute("SELECT value FROM entries WHERE kind = ? AND key = ?", (kind, key)).fetchone()
        if row is None:
            self.misses += 1
            return None
        self.used.add((kind, key))
        self.hits += 1
        return pickle.loads(row[0])

    def put(self, kind: str, key: str, value: Any) -> None:
        if self.db is None:
            return
        self.used.add((kind, key))
        try:
            if self.db.execute("SELECT 1 FROM version").fetchone() is None:
                self.db.execute("INSERT INTO version VALUES (?)", (tool_version(),))
            self.db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)",
                            (kind, key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
        except sqlite3.OperationalError:  # another build writes to this cache: this one goes on without it
            self.abandon()

    def keep(self, kind: str, keys: Iterable[str]) -> None:
        """Entries that stay although this run did not read them: the parts of a result it reused whole
        (each page's citations, when the exact lookup as a whole is unchanged), needed again once a part changes."""
        self.used.update((kind, key) for key in keys)

    def abandon(self) -> None:
        """Stop using the cache for the rest of the run, storing nothing (the output is the same, only slower
        next time)."""
        if self.db is not None:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self.db.close()
            self.db = None

    def keep_only_used(self) -> None:
        """After a successful build: forget every entry this build did not use."""
        if self.db is None:
            return
        try:
            self.db.execute("CREATE TEMP TABLE IF NOT EXISTS used (kind TEXT, key TEXT, PRIMARY KEY (kind, key))")
            self.db.execute("DELETE FROM used")
            self.db.executemany("INSERT INTO used VALUES (?, ?)", sorted(self.used))
            self.db.execute("DELETE FROM entries WHERE (kind, key) NOT IN (SELECT kind, key FROM used)")
        except sqlite3.OperationalError:
            self.abandon()

    def close(self) -> None:
        """Keep what was stored (also after a failed build: its parsed files are still good)."""
        if self.db is not None:
            try:
                self.db.execute("COMMIT")
            except sqlite3.OperationalError:
                self.abandon()
                return
            self.db.close()
            self.db = None
