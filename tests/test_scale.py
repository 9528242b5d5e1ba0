"""Scale: a base opens from the index stored in it, never from a stale one, and follows a file
replaced by another process."""

from __future__ import annotations

import logging
import os
import pickle
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import knowledge.factbase as factbase
import knowledge.index as index_module
from knowledge import FactBase, KnowledgeError, build_file, snapshot

ROOT = Path(__file__).resolve().parents[1]
QUESTION = "Who will replace Stoltenberg?"
SUMMIT = "Where will the 2025 summit be held?"
HAGUE = (
    "NATO picks The Hague\n\nThe alliance will hold its 2025 summit in The Hague, "
    "the Dutch government announced on Friday.\n"
)


@pytest.fixture
def indexings(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sentence counts of the indexes made from rows (index_rows runs) from now on."""
    made: list[int] = []
    real = index_module.index_rows

    def counting(rows: index_module.Rows) -> index_module.Columns:
        columns = real(rows)
        made.append(columns.header["n_sentences"])
        return columns

    monkeypatch.setattr(index_module, "index_rows", counting)
    return made


def stored(db: Path, sql: str, *args: object) -> None:
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(sql, args)
    conn.close()


def tag(db: Path) -> str | None:
    conn = sqlite3.connect(db)
    try:
        return snapshot.tag_of(conn)
    finally:
        conn.close()


# --- the stored index ----------------------------------------------------------------------------


def test_opening_reads_the_stored_index_instead_of_indexing_the_rows(
    sources: Path, tmp_path: Path, indexings: list[int]
) -> None:
    db = tmp_path / "base.db"
    build_file(sources, db)
    assert indexings == [26]  # the build indexes once, to store it
    base = FactBase.open(db)
    assert indexings == [26]  # opening did not
    assert "Mark Rutte" in base.answer(QUESTION).text
    assert base.summary().points and base.facts_about("Mark Rutte") is not None


def test_an_index_stored_by_another_version_is_never_used(
    sources: Path, tmp_path: Path, indexings: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    """A base whose stored index is of another format: its rows are indexed instead, and `ensure`
    rebuilds it, even when the stored index is that of a different base."""
    other_sources = tmp_path / "other"
    other_sources.mkdir()
    (other_sources / "hague.txt").write_text(HAGUE, "utf-8")
    other = tmp_path / "other.db"
    build_file(other_sources, other)
    db = tmp_path / "base.db"
    build_file(sources, db)
    stored(db, "delete from index_snapshot")
    conn = sqlite3.connect(db)  # the other base's index, tagged as written by an older citebot
    with conn:
        conn.execute("attach ? as other", (str(other),))
        conn.execute(
            "insert into index_snapshot select part, '0-older', name, data from other.index_snapshot"
        )
    conn.close()
    indexings.clear()
    with caplog.at_level(logging.INFO, "knowledge.snapshot"):
        base = FactBase.open(db)
    assert indexings == [26] and "another version" in caplog.text
    assert "Mark Rutte" in base.answer(QUESTION).text and base.answer(SUMMIT).abstained
    assert tag(db) == "0-older"
    base = FactBase.ensure(sources, db)  # rebuilt from its sources, with a current index
    assert tag(db) == snapshot.format_tag()
    indexings.clear()
    assert "Mark Rutte" in FactBase.open(db).answer(QUESTION).text and indexings == []


def test_a_base_written_before_stored_indexes_opens_and_ensure_rebuilds_it(
    sources: Path, tmp_path: Path, indexings: list[int]
) -> None:
    db = tmp_path / "base.db"
    build_file(sources, db)
    stored(db, "drop table index_snapshot")
    indexings.clear()
    assert "Mark Rutte" in FactBase.open(db).answer(QUESTION).text and indexings == [26]
    FactBase.ensure(sources, db)
    assert tag(db) == snapshot.format_tag()


def test_a_damaged_stored_index_is_indexed_from_rows(
    sources: Path, tmp_path: Path, indexings: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "base.db"
    build_file(sources, db)
    stored(db, "update index_snapshot set data = substr(data, 1, length(data) / 2)")
    indexings.clear()
    assert "Mark Rutte" in FactBase.open(db).answer(QUESTION).text
    assert indexings == [26] and "cannot be read" in caplog.text


@pytest.mark.parametrize("column", ["postings.values", "s_text.ends", "s_terms.ends"])
def test_a_stored_index_with_one_column_cut_short_is_indexed_from_rows(
    column: str, sources: Path, tmp_path: Path, indexings: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    """The header is intact but a column lost its last item: refused, not read as a shorter column."""
    db = tmp_path / "base.db"
    build_file(sources, db)
    stored(db, "update index_snapshot set data = substr(data, 1, length(data) - 8) where name = ?", column)
    indexings.clear()
    base = FactBase.open(db)
    assert indexings == [26] and "cannot be read" in caplog.text
    assert "Mark Rutte" in base.answer(QUESTION).text and base.facts_about("Mark Rutte") is not None


def test_a_stored_index_cannot_run_code(
    sources: Path, tmp_path: Path, indexings: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    """Nothing stored is unpickled: a pickle planted in the snapshot is refused as unreadable."""
    db = tmp_path / "base.db"
    build_file(sources, db)
    planted = tmp_path / "planted"

    class Plant:
        def __reduce__(self) -> tuple:
            return (open, (str(planted), "w"))

    stored(db, "update index_snapshot set data = ?", pickle.dumps((Plant(), 1), protocol=5))
    indexings.clear()
    assert "Mark Rutte" in FactBase.open(db).answer(QUESTION).text
    assert not planted.exists() and indexings == [26]
    assert "cannot be read" in caplog.text


def test_the_format_tag_follows_the_code_that_builds_the_index() -> None:
    assert snapshot.format_tag().startswith(f"{snapshot.FORMAT}-")
    for name in snapshot._CODE:  # the files hashed into it exist (a rename would make it blind)
        assert (Path(snapshot.__file__).parent / name).is_file()


# --- following another process's rebuild -----------------------------------------------------------


def test_a_base_serves_the_file_another_process_swapped_in(sources: Path, tmp_path: Path) -> None:
    db = tmp_path / "base.db"
    base = FactBase.build(sources, db)
    assert base.answer(SUMMIT).abstained
    (sources / "hague.txt").write_text(HAGUE, "utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from knowledge import build_file; build_file(*sys.argv[1:])",
            str(sources),
            str(db),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    deadline = time.monotonic() + 2.0
    while base.answer(SUMMIT).abstained and time.monotonic() < deadline:
        time.sleep(0.05)
    answer = base.answer(SUMMIT)
    assert "The Hague" in answer.text and answer.version == base.version != ""
    assert "Mark Rutte" in base.answer(QUESTION).text


def test_the_version_check_is_a_stat_at_most_every_interval(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = FactBase.build(sources, tmp_path / "base.db")
    stats: list[str] = []
    real = os.stat
    monkeypatch.setattr(factbase.os, "stat", lambda p, *a, **k: stats.append(str(p)) or real(p, *a, **k))
    for _ in range(50):
        base.answer(QUESTION)
    assert len(stats) <= 1
    time.sleep(factbase.CHECK_EVERY)
    base.answer(QUESTION)
    assert stats[-1] == str(base.db)


def test_a_broken_file_in_the_base_s_place_is_not_served(
    sources: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "base.db"
    base = FactBase.build(sources, db)
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    os.replace(broken, db)
    time.sleep(factbase.CHECK_EVERY)
    assert "Mark Rutte" in base.answer(QUESTION).text
    assert "does not open" in caplog.text
    caplog.clear()
    time.sleep(factbase.CHECK_EVERY)
    base.answer(QUESTION)
    assert "does not open" not in caplog.text  # said once, not at every check
    with pytest.raises(KnowledgeError):
        FactBase.open(db)


def test_an_index_that_cannot_be_stored_is_made_at_open_and_not_rebuilt_each_time(
    sources: Path, tmp_path: Path, indexings: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(columns: object) -> bytes:
        raise TypeError("Object of type bytes is not JSON serializable")

    monkeypatch.setattr(snapshot, "_encode_header", refuse)
    db = tmp_path / "base.db"
    build_file(sources, db)
    builds = []
    real = factbase._build_locked
    monkeypatch.setattr(factbase, "_build_locked", lambda *a: builds.append(1) or real(*a))
    indexings.clear()
    for _ in range(2):
        assert "Mark Rutte" in FactBase.ensure(sources, db).answer(QUESTION).text
    assert builds == [] and indexings == [26, 26]


def test_a_dropped_base_is_freed_even_when_a_later_open_froze_it(sources: Path, tmp_path: Path) -> None:
    """Opening a stored index freezes the heap out of the cyclic collector; a base open at that
    moment must still be freed when it is closed or replaced."""
    import gc
    import weakref

    db = tmp_path / "base.db"
    build_file(sources, db)
    first = FactBase.open(db)
    index = weakref.ref(first._snapshot.index)
    second = FactBase.open(db)  # freezes everything alive, the first base's Matcher too
    del first
    gc.collect()
    assert index() is None
    assert "Mark Rutte" in second.answer(QUESTION).text


@pytest.mark.parametrize("module", ["derive.py", "quantities.py", "index.py"])
def test_a_base_derived_by_other_code_is_not_current(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # the stored index's tag covers the code that derives the rows, not only the code that indexes them
    before = snapshot.format_tag()
    real = Path.read_bytes

    def edited(self: Path) -> bytes:
        data = real(self)
        return data + b"\n# edited" if self.name == module and self.parent.name == "knowledge" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    snapshot.format_tag.cache_clear()
    try:
        assert snapshot.format_tag() != before
    finally:
        monkeypatch.undo()
        snapshot.format_tag.cache_clear()
