"""The index of a base, computed at build time and stored in the base, so opening reads it.

The stored form is the index's columns (knowledge.columns): a JSON header with the small parts
(documents, entities, aliases, vocabulary, terms) and one blob per column, cut into rows of the
`index_snapshot` table, all tagged with a hash of the code that computes them (format_tag). Opening
casts the blobs to integers without unpacking them, so it costs about a copy of the bytes. Nothing
stored is unpickled or evaluated: a base file cannot run code. A missing, mismatching or damaged
snapshot reads as None and the caller indexes the rows instead; a snapshot is never used by code
that did not write it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import sqlite3
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from . import columns
from .columns import Ragged, Strings
from .index import Columns, Index, Rows
from .summary import Summariser

log = logging.getLogger(__name__)

FORMAT = 2  # bump for a change of meaning the source hash below cannot see
TABLE = "index_snapshot"
CHUNK = 64 * 1024 * 1024  # bytes a row: SQLite's blob limit is 1 GB, a column of a large base may pass it
HEADER = "header"
# The modules whose code decides what an Index holds, and what the rows under it say: a base
# derived by other code is rebuilt from its sources by `ensure`, never served as it is.
_CODE = (
    "index.py",
    "columns.py",
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
    "data/lemmas.txt.gz",
    "data/first-names.txt.gz",  # who is a person, and who "he" and "she" may be
)


@dataclasses.dataclass(frozen=True)
class Loaded:
    """What a snapshot holds."""

    index: Index
    summariser: Summariser


@lru_cache(maxsize=1)
def format_tag() -> str:
    """FORMAT, the Python version, byte order and a hash of the code that builds the index."""
    digest = hashlib.sha256(f"{FORMAT}:{sys.version_info[:2]}:{columns.BYTEORDER}".encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return f"{FORMAT}-{digest.hexdigest()[:16]}"


def build(rows: Rows) -> Loaded:
    """The index and summariser of *rows*, as opening a base without a snapshot makes them."""
    index = Index.from_rows(rows)
    return Loaded(index, Summariser(index))


def write(path: Path, loaded: Loaded) -> int:
    """Store *loaded*'s index in the base at *path*; bytes stored, 0 if it cannot be stored."""
    cols = loaded.index.columns
    try:
        header = _encode_header(cols)
    except (TypeError, ValueError) as exc:
        # A current tag with no data: opening indexes the rows, and `ensure` does not rebuild for it.
        log.warning("the index cannot be stored (%s); the base will be indexed when opened", exc)
        header = None
    stored = 0

    def rows() -> Iterator[tuple[int, str, str, bytes | None]]:
        nonlocal stored
        yield 0, format_tag(), HEADER, header
        if header is None:
            return
        part = 1
        for name, data in _parts(cols):
            for at in range(0, len(data) or 1, CHUNK):
                yield part, format_tag(), name, data[at : at + CHUNK]
                part += 1
            stored += len(data)

    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(f"drop table if exists {TABLE}")
            conn.execute(
                f"create table {TABLE} "
                "(part integer primary key, tag text not null, name text not null, data blob)"
            )
            conn.executemany(f"insert into {TABLE} values (?, ?, ?, ?)", rows())
    finally:
        conn.close()
    return stored + len(header or b"")


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
    """The snapshot stored in *conn*'s base, or None when it is missing, of another format or damaged."""
    tag = tag_of(conn)
    if tag != format_tag():
        if tag is not None:
            log.info(
                "the stored index is of another version (%s, not %s); indexing the rows", tag, format_tag()
            )
        return None
    try:
        cols = _read_columns(conn)
        if cols is None:
            return None  # the build could not store it
        index = Index.from_columns(cols)
        return Loaded(index, Summariser(index))
    except Exception as exc:  # a damaged snapshot must never stop the base from opening
        log.warning("the stored index cannot be read (%s); indexing the rows", exc)
        return None


def _encode_header(cols: Columns) -> bytes:
    layout = {
        "strings": sorted(cols.strings),
        "ragged": sorted(cols.ragged),
        "ints": {k: getattr(v, "typecode", None) or v.format for k, v in sorted(cols.ints.items())},
        "sizes": {name: len(data) for name, data in _parts(cols)},
    }
    return json.dumps({"index": cols.header, "layout": layout}, separators=(",", ":")).encode()


def _parts(cols: Columns) -> Iterator[tuple[str, memoryview]]:
    """(name, bytes) of every column part, as views of the columns (nothing copied)."""
    for kind in (cols.strings, cols.ragged):
        for name, col in sorted(kind.items()):
            for part, data in col.parts().items():
                yield f"{name}.{part}", memoryview(data).cast("B")
    for name, ints in sorted(cols.ints.items()):
        yield name, memoryview(ints).cast("B")  # type: ignore[arg-type]


def _read_columns(conn: sqlite3.Connection) -> Columns | None:
    row = conn.execute(f"select name, data from {TABLE} where part = 0").fetchone()
    if row is None or row[1] is None:
        return None
    if row[0] != HEADER:
        raise ValueError("the first part is not the header")
    head = json.loads(row[1])
    layout = head["layout"]
    chunks: dict[str, list[bytes]] = {}
    for name, data in conn.execute(f"select name, data from {TABLE} where part > 0 order by part"):
        chunks.setdefault(name, []).append(data or b"")
    parts = {}
    for name, size in layout["sizes"].items():
        got = chunks.pop(name, [])
        data = got[0] if len(got) == 1 else b"".join(got)
        if len(data) != size:
            raise ValueError(f"the column {name} holds {len(data)} bytes, not {size}")
        parts[name] = data
    if chunks:
        raise ValueError(f"unexpected columns {sorted(chunks)}")

    def of(name: str) -> dict[str, bytes]:
        prefix = name + "."
        return {k[len(prefix) :]: v for k, v in parts.items() if k.startswith(prefix)}

    return Columns(
        head["index"],
        {name: Strings.load(of(name)) for name in layout["strings"]},
        {name: Ragged.load(of(name)) for name in layout["ragged"]},
        {name: columns.as_ints(parts[name], code) for name, code in layout["ints"].items()},
    )
