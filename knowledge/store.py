"""Write a derived fact base to SQLite with sqlite-utils, and read its tables back."""

from __future__ import annotations

import json
import os
import sqlite3
import urllib.parse
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import KnowledgeError

if TYPE_CHECKING:
    from .derive import Derived
    from .index import Rows

SCHEMA_VERSION = 1
APPLICATION_ID = 0x63697465  # "cite", in the SQLite header: tells a citebot base from other files
_BATCH = 2000
_SQLITE_MAGIC = b"SQLite format 3\x00"
_TABLES = frozenset(
    {"documents", "sentences", "entities", "aliases", "mentions", "facts", "fact_citations", "meta"}
)


def write(derived: Derived, path: Path, meta: dict[str, str | int | float]) -> None:
    """Create a new database at *path* (which must not exist yet) holding *derived*.

    Written without journal or syncs for speed; the caller flushes it to disk before swapping it in.
    """
    import sqlite_utils  # loaded only to write: it imports numpy when numpy is installed

    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    with db.conn:
        _insert(db, "documents", derived.documents, pk="slug")
        _insert(
            db, "paragraphs", derived.paragraphs, pk="id", foreign_keys=[("document", "documents", "slug")]
        )
        _insert(db, "sentences", derived.sentences, pk="id", foreign_keys=[("document", "documents", "slug")])
        _insert(db, "entities", derived.entities, pk="id")
        _insert(
            db,
            "aliases",
            derived.aliases,
            pk=("entity_id", "alias"),
            foreign_keys=[("entity_id", "entities", "id")],
        )
        _insert(
            db,
            "mentions",
            derived.mentions,
            foreign_keys=[("sentence_id", "sentences", "id"), ("entity_id", "entities", "id")],
        )
        _insert(db, "facts", derived.facts, pk="id", foreign_keys=[("document", "documents", "slug")])
        _insert(
            db,
            "fact_citations",
            derived.citations,
            pk=("fact_id", "sentence_id"),
            foreign_keys=[("fact_id", "facts", "id"), ("sentence_id", "sentences", "id")],
        )
        _insert(
            db,
            "meta",
            [{"key": k, "value": json.dumps(v)} for k, v in {**meta, "schema": SCHEMA_VERSION}.items()],
            pk="key",
        )
    db["mentions"].create_index(["sentence_id"])
    db["mentions"].create_index(["entity_id"])
    db["fact_citations"].create_index(["sentence_id"])
    db["aliases"].create_index(["alias_fold"])
    db.execute("PRAGMA journal_mode = DELETE")
    db.conn.commit()
    db.close()


# The tables an article naming no one and nothing leaves empty: made all the same, so that it builds
_EMPTY_COLUMNS: dict[str, dict[str, type]] = {
    "entities": {"id": str, "name": str, "kind": str, "origin": str, "title": str},
    "aliases": {"entity_id": str, "alias": str, "alias_fold": str},
    "mentions": {"sentence_id": str, "entity_id": str, "surface": str, "implicit": int},
}


def _insert(db: Any, table: str, rows: list[dict], **create: Any) -> None:
    """Create *table* as sqlite-utils' insert_all would (columns and types from the first batch),
    then insert every row with one executemany: insert_all spends ~10x longer in Python per row."""
    import sqlite_utils

    if not rows:
        if table in _EMPTY_COLUMNS:
            db[table].create(_EMPTY_COLUMNS[table], **create)
        return
    db[table].create(sqlite_utils.suggest_column_types(rows[:_BATCH]), **create)
    names = [c.name for c in db[table].columns]
    marks = ", ".join("?" for _ in names)
    sql = f"insert into [{table}] ({', '.join(f'[{n}]' for n in names)}) values ({marks})"
    db.conn.executemany(sql, (tuple(map(row.get, names)) for row in rows))


def read(path: Path) -> dict[str, list[dict]]:
    """Every table of the base at *path* as lists of dicts; KnowledgeError if it is not a base."""
    conn = connect(path)
    try:
        return read_tables(conn, path)
    finally:
        conn.close()


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection, usable from any thread, to the base at *path*; KnowledgeError if none."""
    if not path.exists():
        raise KnowledgeError("no fact base here; run `citebot build` first", path)
    if path.is_dir():
        raise KnowledgeError("this is a folder, not a fact base file", path)
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True, check_same_thread=False)
        try:
            names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        except sqlite3.DatabaseError:
            conn.close()
            raise
    except sqlite3.DatabaseError as exc:
        raise KnowledgeError(f"cannot read the fact base: {exc}", path) from None
    if not names >= _TABLES:
        conn.close()
        raise KnowledgeError(f"not a citebot fact base (missing {', '.join(sorted(_TABLES - names))})", path)
    return conn


def read_tables(conn: sqlite3.Connection, path: Path) -> dict[str, list[dict]]:
    """Every table of the base open on *conn* as lists of dicts."""
    try:
        tables = {
            name: _rows(conn, f"select * from [{name}]")
            for name in ("documents", "entities", "aliases", "facts", "meta", "mentions")
        }
        tables["sentences"] = _rows(conn, "select * from sentences order by document, ordinal")
        tables["fact_citations"] = _rows(conn, "select * from fact_citations order by fact_id, rank")
    except sqlite3.DatabaseError as exc:
        raise KnowledgeError(f"cannot read the fact base: {exc}", path) from None
    _quote_sentences(tables)
    return tables


def stream_rows(conn: sqlite3.Connection) -> Rows:
    """The rows an index is made from, the big tables read as they are used (one row at a time)."""
    from .index import Rows

    return Rows(
        _rows(conn, "select * from documents"),
        _rows(conn, "select * from entities"),
        _rows(conn, "select * from aliases"),
        _iter_rows(conn, "select sentence_id, entity_id from mentions"),
        _iter_rows(conn, "select * from sentences order by document, ordinal"),
        _facts_with_citations(conn),
    )


def _iter_rows(conn: sqlite3.Connection, sql: str) -> Iterator[dict]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def _facts_with_citations(conn: sqlite3.Connection) -> Iterator[tuple[dict, list[str]]]:
    """Each fact (in table order) with the ids of the sentences it cites, by rank."""
    cursor = conn.execute(
        "select f.rowid, f.*, c.sentence_id from facts f left join fact_citations c on c.fact_id = f.id "
        "order by f.rowid, c.rank"
    )
    names = [d[0] for d in cursor.description][1:-1]
    for _, group in groupby(cursor, key=lambda r: r[0]):
        rows = list(group)
        cited = [r[-1] for r in rows if r[-1] is not None]
        yield dict(zip(names, rows[0][1:-1], strict=True)), cited


def _rows(conn: sqlite3.Connection, sql: str) -> list[dict]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _quote_sentences(tables: dict[str, list[dict]]) -> None:
    """Derived facts store no copy of their sentence: give them its text (shared, not copied)."""
    text = {s["id"]: s["text"] for s in tables["sentences"]}
    first = {}
    for c in tables["fact_citations"]:
        first.setdefault(c["fact_id"], c["sentence_id"])
    for f in tables["facts"]:
        if f["origin"] != "derived" or (f["answer"] and f["object"]):
            continue
        quoted = text.get(first.get(f["id"], ""), "")
        f["answer"] = f["answer"] or quoted
        f["object"] = f["object"] or quoted


def kind_of_file(path: Path) -> str:
    """What is at *path*: "missing", "empty", "citebot" (a fact base) or "foreign" (anything else)."""
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    except IsADirectoryError:
        return "foreign"
    except OSError as exc:
        raise KnowledgeError(f"cannot read the file: {exc.strerror or exc}", path) from None
    if not header:
        return "empty"
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        return "foreign"
    if int.from_bytes(header[68:72], "big") == APPLICATION_ID:
        return "citebot"
    try:  # bases written before the application id: known by their tables
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return "foreign"
    return "citebot" if names >= _TABLES else "foreign"


def readonly_uri(path: Path) -> str:
    """The SQLite URI that opens *path* read-only, whatever characters its name holds."""
    return f"file:{urllib.parse.quote(os.fsencode(path))}?mode=ro"


def set_meta(path: Path, key: str, value: str | int | float) -> None:
    """Update one meta value of the base at *path*."""
    import sqlite_utils  # loaded only to write: it imports numpy when numpy is installed

    db = sqlite_utils.Database(path)
    db["meta"].upsert({"key": key, "value": json.dumps(value)}, pk="key")
    db.close()


def read_meta(rows: list[dict]) -> dict:
    return {r["key"]: json.loads(r["value"]) for r in rows}
