"""Scale: the stored index is flat columns read back as they were written, records are made only
when read (and a bounded number kept), and the build's shortcuts give the rows the slow way gives."""

from __future__ import annotations

import gc
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

import knowledge.derive as derive_module
import knowledge.entities as entities
import knowledge.factbase as factbase
import knowledge.index as index_module
from knowledge import FactBase, build_file, store
from knowledge.columns import Ragged, RaggedBuilder, Strings, StringsBuilder, group
from knowledge.index import Index
from knowledge.text import split_sentences

TESTS = Path(__file__).parent
QUESTION = "Who will replace Stoltenberg?"


def built_with_filler(sources: Path, db: Path, n: int) -> Path:
    """Build *sources* plus an article of *n* plain sentences, so that the base holds many more
    sentences than a question reads; return the base file."""
    body = " ".join(f"The archive keeps record {i} of the harbour ledger for sailors." for i in range(n))
    (sources / "ledger.txt").write_text(f"The harbour ledger\n\n{body}\n", "utf-8")
    build_file(sources, db)
    return db


# --- the columns ---------------------------------------------------------------------------------


def test_columns_read_back_what_was_written() -> None:
    texts = ["", "Ünïcødé – “quoted”", "plain", "", "日本語"]
    sb = StringsBuilder()
    for t in texts:
        sb.append(t)
    strings = Strings.load({k: bytes(memoryview(v).cast("B")) for k, v in sb.done().parts().items()})
    assert list(strings) == texts and [strings[i] for i in range(5)] == texts and strings[-1] == "日本語"
    rows = [[3, 1, 2], [], [0], [2**31 - 1, 7]]
    rb = RaggedBuilder()
    for r in rows:
        rb.append(r)
    ragged = Ragged.load({k: bytes(memoryview(v).cast("B")) for k, v in rb.done().parts().items()})
    assert [list(ragged.row(i)) for i in range(4)] == rows and list(ragged.span(1, 3)) == [0]
    inverted = group(rows[:3], 4)  # which rows hold each value, ascending
    assert [list(inverted.row(k)) for k in range(4)] == [[2], [0], [0], [0]]


def test_a_column_whose_offsets_do_not_match_its_data_is_refused() -> None:
    sb = StringsBuilder()
    sb.append("abc")
    parts = {k: bytes(memoryview(v).cast("B")) for k, v in sb.done().parts().items()}
    with pytest.raises(ValueError):
        Strings.load({"data": parts["data"][:-1], "ends": parts["ends"]})
    with pytest.raises(ValueError):
        Ragged.load({"values": b"\x00" * 6, "ends": b"\x00" * 8})  # not a whole number of items


# --- what opening reads --------------------------------------------------------------------------


def test_the_stored_index_reads_back_the_index_made_from_the_rows(
    corpus_sources: Path, tmp_path: Path
) -> None:
    """Every record, posting, weight and entity of the opened base equals the one indexed from its rows."""
    db = tmp_path / "base.db"
    build_file(corpus_sources, db)
    opened = FactBase.open(db)._snapshot.index
    fresh = Index(store.read(db))
    assert len(opened.sentences) == len(fresh.sentences) > 40
    assert list(opened.sentences) == list(fresh.sentences)
    assert list(opened.units) == list(fresh.units) and len(opened.units) > 40
    assert opened.idf == fresh.idf and opened.vocab == fresh.vocab and opened.stem_of == fresh.stem_of
    assert {t: list(p) for t, p in opened.postings.items()} == {t: list(p) for t, p in fresh.postings.items()}
    assert {e: (r.name, r.kind, r.aliases, list(r.sentences)) for e, r in opened.entities.items()} == {
        e: (r.name, r.kind, r.aliases, list(r.sentences)) for e, r in fresh.entities.items()
    }
    assert opened.alias_to_entity == fresh.alias_to_entity and opened.documents == fresh.documents
    for key in {(s.document, s.paragraph) for s in fresh.sentences}:
        assert opened.paragraph_terms[key] == fresh.paragraph_terms[key] != frozenset()
    for doc in opened.documents:
        assert opened.document_terms[doc] == fresh.document_terms[doc] != frozenset()
    # a derived statement stores no copy of its sentence: the record quotes it
    statement = next(u for u in opened.units if u.relation == "states")
    assert statement.answer == opened.sentences[statement.sentences[0]].text != ""


def test_opening_and_answering_make_records_only_for_what_they_read(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = built_with_filler(sources, tmp_path / "base.db", 2000)
    made: list[int] = []
    real = Index._sentence
    monkeypatch.setattr(Index, "_sentence", lambda self, i: made.append(i) or real(self, i))
    base = FactBase.open(db)
    assert len(base._snapshot.index.sentences) > 2000
    assert len(made) < 30  # the sentences hand-written facts cite, for the summariser
    assert "Mark Rutte" in base.answer(QUESTION).text
    assert "ledger" in base.answer("What does the archive keep of the harbour ledger?").text
    assert len(made) < 400


def test_the_record_cache_is_bounded_and_records_stay_right(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = built_with_filler(sources, tmp_path / "base.db", 300)
    monkeypatch.setattr(index_module, "CACHE", 50)
    index = FactBase.open(db)._snapshot.index
    fresh = Index(store.read(db))
    for i in range(len(index.sentences)):
        assert index.sentences[i] == fresh.sentences[i]
        assert index.sentences.kept() <= 50
    for u in range(len(index.units)):
        assert index.units[u] == fresh.units[u]
        assert index.units.kept() <= 50


# --- the build ------------------------------------------------------------------------------------


def test_the_build_pauses_the_cyclic_collector_and_restores_it(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    real = factbase.derive
    monkeypatch.setattr(factbase, "derive", lambda src: seen.append(gc.isenabled()) or real(src))
    real_index = index_module.index_rows
    monkeypatch.setattr(
        index_module, "index_rows", lambda rows: seen.append(gc.isenabled()) or real_index(rows)
    )
    assert gc.isenabled()
    build_file(sources, tmp_path / "base.db")
    assert seen == [False, False] and gc.isenabled()
    monkeypatch.setattr(factbase, "derive", lambda src: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        build_file(sources, tmp_path / "other.db")
    assert gc.isenabled()


def test_tables_are_written_as_sqlite_utils_insert_all_writes_them(sources: Path, tmp_path: Path) -> None:
    db = tmp_path / "base.db"
    build_file(sources, db)
    derived = derive_module.derive(factbase.load_sources(sources))
    other = sqlite_utils.Database(tmp_path / "insert_all.db")
    for table, rows, pk in (
        ("sentences", derived.sentences, "id"),
        ("facts", derived.facts, "id"),
        ("mentions", derived.mentions, None),
        ("aliases", derived.aliases, ("entity_id", "alias")),
    ):
        other[table].insert_all(rows, pk=pk, batch_size=2000)
    conn = sqlite3.connect(db)
    for table in ("sentences", "facts", "mentions", "aliases"):
        ours = [(c[1], c[2], c[5]) for c in conn.execute(f"pragma table_info([{table}])")]
        theirs = [(c[1], c[2], c[5]) for c in other.conn.execute(f"pragma table_info([{table}])")]
        assert ours == theirs
        mine = conn.execute(f"select * from [{table}] order by rowid").fetchall()
        assert mine == other.conn.execute(f"select * from [{table}] order by rowid").fetchall() and mine
    conn.close()


def test_the_date_shortcut_passes_every_sentence_that_holds_a_date() -> None:
    """Dates are sought only where the quick test says one may be: it must never miss one."""
    texts = [p.read_text("utf-8") for p in (TESTS / "data" / "corpus").glob("*.txt")]
    texts += [p.read_text("utf-8") for p in (TESTS.parent / "knowledge" / "sources").glob("*.txt")]
    texts.append(
        "It happened last week, on Monday, in mid-March 2024, on 3 May, in the 1990s, since 2019, "
        "yesterday and this summer. Earlier this decade. Tonight! Coming weekend. Later this fall."
    )
    sentences = [t[a:b] for t in texts for para in [t] for a, b in split_sentences(para)]
    found = 0
    for s in sentences:
        full = [m for p in entities._DATE_PATTERNS for m in p.finditer(s)]
        if full:
            found += 1
            assert entities._may_hold_date(s), s
    assert found > 20


def test_each_sentence_record_says_what_its_row_says(corpus_sources: Path, tmp_path: Path) -> None:
    """Records made from the columns, checked field by field against the rows, computed here."""
    import json

    from knowledge.text import STOPWORDS, stem, tokens

    db = tmp_path / "base.db"
    build_file(corpus_sources, db)
    index = FactBase.open(db)._snapshot.index
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = conn.execute("select * from sentences order by document, ordinal").fetchall()
    named: dict[str, set[str]] = {}
    for sid, eid in conn.execute("select sentence_id, entity_id from mentions"):
        named.setdefault(sid, set()).add(eid)
    kinds = dict(conn.execute("select id, kind from entities").fetchall())
    assert len(rows) == len(index.sentences)
    for i, row in enumerate(rows):
        s = index.sentences[i]
        words = tuple(w for w in tokens(row["text"]) if w not in STOPWORDS)
        ents = named.get(row["id"], set())
        assert (s.id, s.document, s.paragraph, s.number, s.ordinal, s.text) == tuple(
            row[k] for k in ("id", "document", "paragraph", "number", "ordinal", "text")
        )
        assert (s.is_caption, s.is_headline, s.is_quote, s.speaker) == (
            bool(row["is_caption"]),
            bool(row["is_headline"]),
            bool(row["is_quote"]),
            row["speaker"],
        )
        assert s.words == words and s.length == len(words)
        stated = {"#" + kind for kind in json.loads(row["quantities"] or "[]")}
        assert s.terms == {stem(w) for w in words} | {"@" + e for e in ents} | stated
        assert s.entities == ents and s.kinds == {kinds[e] for e in ents if e in kinds}
        assert s.quantities == set(json.loads(row["quantities"]))
    assert any(s.quantities for s in index.sentences) and any(s.speaker for s in index.sentences)
    assert any(s.has_reason for s in index.sentences) and any(s.kinds for s in index.sentences)
    conn.close()
