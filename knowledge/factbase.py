"""FactBase: build a base from sources, open it, answer from it, and reload it safely."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import gc
import glob
import json
import logging
import os
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from . import followup, snapshot, store
from .derive import derive
from .errors import KnowledgeError
from .index import Index
from .matcher import Matcher
from .model import Answer, DocumentInfo, EntityInfo, Focus, ReloadReport, SourceInfo, Summary
from .sources import load_sources
from .summary import Summariser

DEFAULT_SOURCES = Path(__file__).parent / "sources"
LOCK_SUFFIX = ".lock"
CHECK_EVERY = 0.5  # seconds between looks at whether another process replaced the base file
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Snapshot:
    """One loaded base: everything a reader needs, never mutated after creation."""

    path: Path
    meta: dict
    index: Index
    matcher: Matcher
    summariser: Summariser
    identity: tuple[int, ...] | None  # the file's identity (file_identity) when it was opened
    # Open on the file as it was opened: after another process swaps the base in, it still reads
    # the old one (POSIX keeps a replaced file while it is open), so a reload can tell what changed.
    conn: sqlite3.Connection
    _facts: dict[str, int] = field(default_factory=dict, compare=False)
    _conn_lock: threading.Lock = field(default_factory=threading.Lock, compare=False)

    def fact_rows(self) -> dict[str, int]:
        """Fact id -> hash of its content, to tell what a reload changed (read once, when asked)."""
        with self._conn_lock:
            if not self._facts:
                rows = self.conn.execute("select id, subject, relation, object, answer from facts")
                self._facts.update((r[0], hash(r[1:])) for r in rows)
            return self._facts

    def sentence_rows(self) -> dict[str, tuple[str, str, int, int]]:
        return {f[0]: f[1:] for f in self.index.sentences.fields()}

    def __del__(self) -> None:
        """Nobody reads this base any more (it was replaced or closed): free it now. The Matcher
        holds a reference cycle (its cache); emptying it lets reference counting free the index at
        once, not at the next full collection (or never, if something froze the heap meanwhile)."""
        with contextlib.suppress(Exception):
            vars(self.matcher).clear()
            self.conn.close()


def file_identity(path: Path) -> tuple[int, ...] | None:
    """What changes when the file at *path* is replaced or rewritten; None when there is none."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def build_file(sources: str | Path, db: str | Path) -> dict:
    """Build the base for *sources* into a new file and atomically move it onto *db*."""
    db = Path(db)
    with base_lock(db):
        return _build_locked(sources, db)


@contextlib.contextmanager
def base_lock(db: Path) -> Iterator[None]:
    """Hold DB.lock exclusively (fcntl.flock): one build or reload of *db* at a time, across
    threads and processes."""
    lock = db.with_name(db.name + LOCK_SUFFIX)
    if db.is_dir():
        raise KnowledgeError("this is a folder; give the path of a fact base file", db)
    if store.kind_of_file(db) == "foreign":
        raise _foreign(db)  # before creating a lock file next to someone else's file
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        fd: int | None = os.open(lock, os.O_RDONLY | os.O_CREAT, 0o644)
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS) or not db.parent.is_dir():
            raise _write_error(exc, db) from None
        fd = None  # a folder we may not write to: we cannot replace the base, only read it
    try:
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        if fd is not None:
            os.close(fd)  # releases the lock


def _build_locked(sources: str | Path, db: Path) -> dict:
    """build_file's work; the caller holds base_lock(db)."""
    started = time.perf_counter()
    if store.kind_of_file(db) == "foreign":
        raise _foreign(db)
    for leftover in db.parent.glob(f".{glob.escape(db.name)}.*.building"):
        with contextlib.suppress(OSError):
            leftover.unlink()  # a killed build's: nobody else builds while we hold the lock
    src = load_sources(sources)
    with _gc_paused():
        derived = derive(src)
    tmp: Path | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{db.name}.", suffix=".building", dir=db.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        tmp.unlink()
        meta = {
            "version": src.digest,
            "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "build_seconds": 0.0,
            "sources": str(Path(sources).resolve()),
            "documents": len(derived.documents),
            "sentences": len(derived.sentences),
            "entities": len(derived.entities),
            "facts": len(derived.facts),
        }
        store.write(derived, tmp, meta)
        del derived, src  # the snapshot below needs the memory
        with _gc_paused():
            _store_index(tmp)
        meta["build_seconds"] = round(time.perf_counter() - started, 3)
        store.set_meta(tmp, "build_seconds", meta["build_seconds"])
        _fsync(tmp)  # all of the new file is on disk before it takes the base's name
        os.replace(tmp, db)
        _fsync(db.parent)  # and the rename itself
    except (OSError, sqlite3.Error) as exc:
        raise _write_error(exc, db) from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return meta


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic collection while a build makes millions of objects that hold no cycle: the
    collector would walk them again and again (a tenth of a 100,000-sentence build's time)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _store_index(path: Path) -> None:
    """Index the base just written at *path* (its rows streamed) and store the index in it."""
    conn = sqlite3.connect(store.readonly_uri(path), uri=True)
    try:
        loaded = snapshot.build(store.stream_rows(conn))
    finally:
        conn.close()
    snapshot.write(path, loaded)


def _foreign(db: Path) -> KnowledgeError:
    return KnowledgeError(
        "this file is not a citebot fact base; refusing to replace it "
        "(choose another path, or move the file away)",
        db,
    )


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_error(exc: OSError | sqlite3.Error, db: Path) -> KnowledgeError:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return KnowledgeError(f"cannot write the fact base: {reason}", db)


def _load(db: Path) -> _Snapshot:
    """Open *db*: its stored index when it has a current one, else an index made from its rows."""
    identity = file_identity(db)  # before reading: a swap in between is seen at the next check
    conn = store.connect(db)
    try:
        meta = store.read_meta(
            [{"key": k, "value": v} for k, v in conn.execute("select key, value from meta")]
        )
        loaded = snapshot.read(conn) or snapshot.build(store.stream_rows(conn))
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise KnowledgeError(f"cannot read the fact base: {exc}", db) from None
    except BaseException:
        conn.close()
        raise
    return _Snapshot(db, meta, loaded.index, Matcher(loaded.index), loaded.summariser, identity, conn)


class FactBase:
    """A served fact base. Reads go to an immutable snapshot; reload swaps in a new one."""

    def __init__(
        self, db: str | Path, sources: str | Path | None = None, *, _snapshot: _Snapshot | None = None
    ):
        self.db = Path(db)
        self.sources = Path(sources) if sources else DEFAULT_SOURCES
        self._reload_lock = threading.Lock()
        self._snapshot = _snapshot or _load(self.db)
        self._checked = time.monotonic()
        self._unreadable: tuple[int, ...] | None = None  # a file found in our place that would not open

    @classmethod
    def open(cls, db: str | Path, sources: str | Path | None = None) -> FactBase:
        """Open an existing base."""
        return cls(db, sources)

    @classmethod
    def build(cls, sources: str | Path, db: str | Path) -> FactBase:
        """Build *db* from *sources* and open it: the file this call built, whatever others do."""
        db = Path(db)
        with base_lock(db):
            _build_locked(sources, db)
            return cls(db, sources, _snapshot=_load(db))

    @classmethod
    def ensure(cls, sources: str | Path, db: str | Path) -> FactBase:
        """Open *db*, building it first when it is missing or older than *sources*."""
        db = Path(db)
        with base_lock(db):
            if not db.exists() or _stale(db, Path(sources)):
                _build_locked(sources, db)
            return cls(db, sources, _snapshot=_load(db))

    # --- reading ------------------------------------------------------------

    @property
    def version(self) -> str:
        return self._current().meta.get("version", "")

    def answer(self, question: str, focus: Focus | None = None) -> Answer:
        """The answer, carrying the version of the base it came from (a reload may swap meanwhile);
        *focus*, what the conversation was last about, is where a follow-up is read first."""
        snap = self._current()
        version = snap.meta.get("version", "")
        if focus is None:
            return snap.matcher.answer(question, version=version)
        return followup.answer(snap.matcher, question, focus, version)

    def focus_of(self, answer: Answer, previous: Focus | None = None) -> Focus | None:
        """What *answer* was about, to read the conversation's next question by (see followup.focus_of)."""
        return followup.focus_of(self._current().matcher, answer, previous)

    def summary(self, length: str = "short", topic: str | None = None) -> Summary:
        return self._current().summariser.summary(length, topic)

    def entity_names(self, prefix: str = "", limit: int = 25) -> list[str]:
        return self._current().summariser.entity_names(prefix, limit)

    def article_summary(self, slug: str, points: int = 3) -> Summary:
        return self._current().summariser.summary(document=slug, points=points)

    def article_entities(self, slug: str, kinds: tuple[str, ...] = ("person", "organisation")) -> list[str]:
        return self._current().summariser.document_entities(slug, kinds)

    def sentence_texts(self) -> dict[str, tuple[str, str]]:
        """Every sentence id with its text and article slug (for /teach)."""
        return {f[0]: f[1:3] for f in self._current().index.sentences.fields()}

    def facts_about(self, name: str, limit: int = 8) -> EntityInfo | None:
        return self._current().summariser.facts_about(name, limit)

    def suggest_entities(self, name: str, limit: int = 3) -> list[str]:
        return self._current().summariser.suggest_entities(name, limit)

    def source_info(self) -> SourceInfo:
        snap = self._current()
        docs = tuple(
            DocumentInfo(
                d["slug"],
                d["title"],
                d["outlet"],
                d["dateline"],
                d["subject"],
                d["published"],
                d["url"],
                d["paragraphs"],
                d["sentences"],
            )
            for d in snap.index.documents.values()
        )
        meta = snap.meta
        counts = {k: int(meta.get(k, 0)) for k in ("documents", "sentences", "entities", "facts")}
        counts["hand_facts"] = len(snap.index.hand_units)
        return SourceInfo(
            meta.get("version", ""),
            meta.get("built_at", ""),
            float(meta.get("build_seconds", 0.0)),
            docs,
            counts,
        )

    # --- reloading ------------------------------------------------------------

    def reload(self, sources: str | Path | None = None) -> ReloadReport:
        """Rebuild from the sources and swap atomically; on failure the old base keeps serving."""
        with self._reload_lock:
            started = time.perf_counter()
            old = self._snapshot
            src = Path(sources) if sources else self.sources
            with base_lock(self.db):  # no other process swaps the file between build and load
                _build_locked(src, self.db)
                new = _load(self.db)
            self._snapshot = new
            self._checked = time.monotonic()
            self.sources = src
            return _diff(old, new, time.perf_counter() - started)

    @property
    def reloading(self) -> bool:
        return self._reload_lock.locked()

    # --- following other processes ----------------------------------------------

    def changed_on_disk(self) -> bool:
        """Whether another file took the base's path since it was opened: one stat, at most every
        CHECK_EVERY seconds (False in between)."""
        now = time.monotonic()
        if now - self._checked < CHECK_EVERY:
            return False
        self._checked = now
        seen = file_identity(self.db)
        return seen is not None and seen != self._snapshot.identity and seen != self._unreadable

    def refresh(self) -> bool:
        """Serve the file now at the base's path if it is not the one served (another process
        rebuilt it); whether it switched. A file that will not open is logged and the old one serves on."""
        if not self._reload_lock.acquire(blocking=False):
            return False  # a reload in this process is swapping in its own build
        try:
            seen = file_identity(self.db)
            if seen is None or seen == self._snapshot.identity or seen == self._unreadable:
                return False
            try:
                new = _load(self.db)
            except KnowledgeError as exc:
                self._unreadable = seen
                log.warning("the base was replaced by one that does not open (%s); serving the old one", exc)
                return False
            self._snapshot = new
            return True
        finally:
            self._reload_lock.release()

    def _current(self) -> _Snapshot:
        if self.changed_on_disk():
            self.refresh()
        return self._snapshot


def _stale(db: Path, sources: Path) -> bool:
    try:
        conn = sqlite3.connect(store.readonly_uri(db), uri=True)
        try:
            row = conn.execute("select value from meta where key = 'version'").fetchone()
            current = snapshot.is_current(conn)
        finally:
            conn.close()
        return row is None or not current or json.loads(row[0]) != load_sources(sources).digest
    except (sqlite3.DatabaseError, KnowledgeError):
        return True


def _diff(old: _Snapshot, new: _Snapshot, seconds: float) -> ReloadReport:
    added, removed, changed = {}, {}, {}
    of, nf = old.fact_rows(), new.fact_rows()
    added["facts"] = len(nf.keys() - of.keys())
    removed["facts"] = len(of.keys() - nf.keys())
    changed["facts"] = sum(1 for k in nf.keys() & of.keys() if nf[k] != of[k])
    os_, ns = old.sentence_rows(), new.sentence_rows()
    # Sentence ids hash their words: an edited sentence is a removal plus an addition at the
    # same place, which we report as a change.
    gone = {v[1:]: k for k, v in os_.items() if k not in ns}
    came = {v[1:]: k for k, v in ns.items() if k not in os_}
    same_place = gone.keys() & came.keys()
    changed["sentences"] = len(same_place)
    added["sentences"] = len(came) - len(same_place)
    removed["sentences"] = len(gone) - len(same_place)
    return ReloadReport(
        new.meta.get("version", ""), old.meta.get("version"), seconds, added, removed, changed
    )
