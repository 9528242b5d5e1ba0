"""Write a derived fact base to SQLite with sqlite-utils, and read its tables back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import sqlite_utils

from .derive import Derived
from .errors import KnowledgeError

SCHEMA_VERSION = 1
_BATCH = 2000


def write(derived: Derived, path: Path, meta: dict[str, str | int | float]) -> None:
    """Create a new database at *path* (which must not exist yet) holding *derived*."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    with db.conn:
        db["documents"].insert_all(derived.documents, pk="slug", batch_size=_BATCH)
        db["paragraphs"].insert_all(
            derived.paragraphs,
            pk="id",
            foreign_keys=[("document", "documents", "slug")],
            batch_size=_BATCH,
        )
        db["sentences"].insert_all(
            derived.sentences,
            pk="id",
            foreign_keys=[("document", "documents", "slug")],
            batch_size=_BATCH,
        )
        db["entities"].insert_all(derived.entities, pk="id", batch_size=_BATCH)
        db["aliases"].insert_all(
            derived.aliases,
            pk=("entity_id", "alias"),
            foreign_keys=[("entity_id", "entities", "id")],
            batch_size=_BATCH,
        )
        db["mentions"].insert_all(
            derived.mentions,
            foreign_keys=[("sentence_id", "sentences", "id"), ("entity_id", "entities", "id")],
            batch_size=_BATCH,
        )
        db["facts"].insert_all(
            derived.facts,
            pk="id",
            foreign_keys=[("document", "documents", "slug")],
            batch_size=_BATCH,
        )
        db["fact_citations"].insert_all(
            derived.citations,
            pk=("fact_id", "sentence_id"),
            foreign_keys=[("fact_id", "facts", "id"), ("sentence_id", "sentences", "id")],
            batch_size=_BATCH,
        )
        db["meta"].insert_all(
            [{"key": k, "value": json.dumps(v)} for k, v in {**meta, "schema": SCHEMA_VERSION}.items()],
            pk="key",
        )
    db["mentions"].create_index(["sentence_id"])
    db["mentions"].create_index(["entity_id"])
    db["fact_citations"].create_index(["sentence_id"])
    db["aliases"].create_index(["alias_fold"])
    db["sentences"].enable_fts(["text"], tokenize="unicode61 remove_diacritics 2")
    db["facts"].enable_fts(["subject", "object", "answer", "ask"], tokenize="unicode61 remove_diacritics 2")
    db.execute("PRAGMA journal_mode = DELETE")
    db.conn.commit()
    db.close()


def read(path: Path) -> dict[str, list[dict]]:
    """Every table of the base at *path* as lists of dicts; KnowledgeError if it is not a base."""
    if not path.exists():
        raise KnowledgeError("no fact base here; run `citebot build` first", path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        db = sqlite_utils.Database(conn)
        names = set(db.table_names())
        needed = {
            "documents",
            "sentences",
            "entities",
            "aliases",
            "mentions",
            "facts",
            "fact_citations",
            "meta",
        }
        if not needed <= names:
            raise KnowledgeError(
                f"not a citebot fact base (missing {', '.join(sorted(needed - names))})", path
            )
        tables = {name: list(db[name].rows) for name in ("documents", "entities", "aliases", "facts", "meta")}
        tables["sentences"] = list(db.query("select * from sentences order by document, ordinal"))
        tables["mentions"] = list(db["mentions"].rows)
        tables["fact_citations"] = list(db.query("select * from fact_citations order by fact_id, rank"))
        conn.close()
    except sqlite3.DatabaseError as exc:
        raise KnowledgeError(f"cannot read the fact base: {exc}", path) from None
    return tables


def set_meta(path: Path, key: str, value: str | int | float) -> None:
    """Update one meta value of the base at *path*."""
    db = sqlite_utils.Database(path)
    db["meta"].upsert({"key": key, "value": json.dumps(value)}, pk="key")
    db.close()


def read_meta(rows: list[dict]) -> dict:
    return {r["key"]: json.loads(r["value"]) for r in rows}
