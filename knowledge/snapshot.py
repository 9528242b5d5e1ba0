"""The index of a base, computed at build time and stored in the base, so opening reads it.

The stored form is a pickle of the freshly built Index and Summariser (so no query-time cache is
in it), in chunks of the `index_snapshot` table, tagged with FORMAT_TAG: a hash of the code that
computes them. A missing, mismatching or unreadable snapshot reads as None and the caller rebuilds
the index from the rows; a snapshot is never used by code that did not write it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import io
import logging
import pickle
import sqlite3
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .index import Index
from .summary import Summariser

log = logging.getLogger(__name__)

FORMAT = 1  # bump for a change of meaning the source hash below cannot see
TABLE = "index_snapshot"
CHUNK = 16 * 1024 * 1024  # bytes a row: SQLite's blob limit is 1 GB, a 1M-sentence base needs more
PROTOCOL = 5
# The modules whose code decides what an Index and a Summariser hold, and what the rows under them
# say: a base derived by other code is rebuilt from its sources by `ensure`, never served as it is.
_CODE = (
    "index.py",
    "summary.py",
    "text.py",
    "model.py",
    "snapshot.py",
    "derive.py",
    "entities.py",
    "names.py",
    "acronyms.py",
    "coref.py",
    "quantities.py",
    "gazetteer.py",
    "lexicon.py",
    "lemmas.py",
    "sources.py",
    "store.py",
    "limits.py",
    "data/countries.json",
)
# What a snapshot may name: containers, and the value classes of the modules above.
_SAFE_BUILTINS = frozenset(
    {"frozenset", "set", "list", "dict", "tuple", "str", "int", "float", "bool", "bytes"}
)
_SAFE_GLOBALS = frozenset(
    {
        ("collections", "defaultdict"),
        ("collections", "Counter"),
        ("collections", "OrderedDict"),
        ("copyreg", "_reconstructor"),
        ("array", "array"),
        ("array", "_array_reconstructor"),
    }
)
_SAFE_MODULES = frozenset({"knowledge.index", "knowledge.summary", "knowledge.model"})


@dataclasses.dataclass(frozen=True)
class Loaded:
    """What a snapshot holds."""

    index: Index
    summariser: Summariser


@lru_cache(maxsize=1)
def format_tag() -> str:
    """FORMAT, the Python version and a hash of the code that builds the index."""
    digest = hashlib.sha256(f"{FORMAT}:{sys.version_info[:2]}:{PROTOCOL}".encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return f"{FORMAT}-{digest.hexdigest()[:16]}"


def build(tables: dict[str, list[dict]]) -> Loaded:
    """The index and summariser of *tables*, as opening a base without a snapshot makes them."""
    index = Index(tables)
    return Loaded(index, Summariser(index))


def write(path: Path, loaded: Loaded) -> int:
    """Store *loaded* (fresh from build) in the base at *path*; bytes stored, 0 if it cannot be pickled."""
    buffer = io.BytesIO()
    try:
        _Pickler(buffer, PROTOCOL).dump((loaded.index, loaded.summariser))
    except (pickle.PicklingError, TypeError, AttributeError) as exc:
        # A current tag with no data: opening indexes the rows, and `ensure` does not rebuild for it.
        log.warning("the index cannot be stored (%s); the base will be indexed when opened", exc)
        buffer = io.BytesIO()
    data = buffer.getbuffer()
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(f"drop table if exists {TABLE}")
            conn.execute(f"create table {TABLE} (part integer primary key, tag text not null, data blob)")
            conn.executemany(
                f"insert into {TABLE} values (?, ?, ?)",
                (
                    (i, format_tag(), data[at : at + CHUNK] or None)
                    for i, at in enumerate(range(0, len(data) or 1, CHUNK))
                ),
            )
    finally:
        conn.close()
    return len(data)


def tag_of(conn: sqlite3.Connection) -> str | None:
    """The tag of the snapshot stored in *conn*'s base, None if it has none."""
    try:
        row = conn.execute(f"select tag from {TABLE} where part = 0").fetchone()
    except sqlite3.OperationalError:
        return None  # no such table: a base written before snapshots
    return row[0] if row else None


def is_current(conn: sqlite3.Connection) -> bool:
    return tag_of(conn) == format_tag()


def read(conn: sqlite3.Connection) -> Loaded | None:
    """The snapshot stored in *conn*'s base, or None when it is missing, of another format or unreadable."""
    tag = tag_of(conn)
    if tag != format_tag():
        if tag is not None:
            log.info(
                "the stored index is of another version (%s, not %s); indexing the rows", tag, format_tag()
            )
        return None
    if conn.execute(f"select data is null from {TABLE} where part = 0").fetchone()[0]:
        return None  # the build could not store it
    try:
        with _gc_paused():
            index, summariser = _Unpickler(io.BufferedReader(_Chunks(conn), CHUNK)).load()
            # Millions of objects the collector would otherwise walk again and again (a 0.4 s pause
            # at 100,000 sentences). They hold no reference cycle, so when the base is dropped
            # reference counting still frees them; the Matcher (a cycle) is made after this.
            gc.freeze()
    except Exception as exc:  # a damaged snapshot must never stop the base from opening
        log.warning("the stored index cannot be read (%s); indexing the rows", exc)
        return None
    if not isinstance(index, Index) or not isinstance(summariser, Summariser):
        log.warning("the stored index holds something else; indexing the rows")
        return None
    return Loaded(index, summariser)


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic collection while millions of fresh objects are made: it triples the time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class _Chunks(io.RawIOBase):
    """The snapshot's rows read in order as one stream, one chunk in memory at a time."""

    def __init__(self, conn: sqlite3.Connection):
        self._rows = conn.execute(f"select data from {TABLE} order by part")
        self._chunk = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._chunk:
            row = self._rows.fetchone()
            if row is None:
                return 0
            self._chunk = memoryview(row[0])
        n = min(len(buffer), len(self._chunk))
        buffer[:n] = self._chunk[:n]
        self._chunk = self._chunk[n:]
        return n


@lru_cache(maxsize=64)
def _init_fields(cls: type) -> tuple[str, ...] | None:
    """The fields to rebuild a *cls* by calling it, or None when calling it would not give it back."""
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
        return None
    fields = dataclasses.fields(cls)
    if not all(f.init for f in fields):
        return None
    return tuple(f.name for f in fields)


class _Pickler(pickle.Pickler):
    """Stores a dataclass as its class and field values: calling the class on load is ~3x faster
    than pickle's default of setting the instance's __dict__."""

    def reducer_override(self, obj: object) -> object:
        names = _init_fields(type(obj))
        if names is None or len(vars(obj)) != len(names):
            return NotImplemented
        values = vars(obj)
        if not all(n in values for n in names):
            return NotImplemented
        return type(obj), tuple(values[n] for n in names)


class _Unpickler(pickle.Unpickler):
    """Refuses every global but containers and the index's own classes: a base file cannot run code."""

    def find_class(self, module: str, name: str) -> object:
        if module == "builtins" and name in _SAFE_BUILTINS or (module, name) in _SAFE_GLOBALS:
            return super().find_class(module, name)
        if module in _SAFE_MODULES:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"the stored index names {module}.{name}")
