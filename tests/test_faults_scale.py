"""Fault campaign, cost: a build stays linear in the text (bounded sentences, no copied sentence
text, ids for repeats in one step) and an article over the size limit is refused."""

from __future__ import annotations

import sys
from pathlib import Path

import sqlite_utils

import knowledge.derive as derive_module
from knowledge import FactBase, build_file
from knowledge.limits import MAX_SENTENCE_CHARS
from knowledge.sources import load_sources

PROSE = (
    "The committee met on Tuesday in Brussels and discussed {} proposals from {} members, "
    "including a plan by Mark Rutte to spend 2 percent of output on defence by 2030, "
)


def one_line_article(folder: Path, n_bytes: int, distinct: bool = True) -> str:
    """A file that is one line of *n_bytes*; with *distinct*, every clause has its own numbers."""
    folder.mkdir()
    clauses, size, i = [], 0, 0
    while size < n_bytes:
        clause = PROSE.format(i + 12, i + 31) if distinct else PROSE.format(12, 31)
        clauses.append(clause)
        size += len(clause)
        i += 1
    text = "".join(clauses)[:n_bytes]
    (folder / "line.txt").write_text(text, "utf-8")
    return text


def test_a_one_line_article_becomes_bounded_body_sentences(tmp_path: Path) -> None:
    text = one_line_article(tmp_path / "src", 100_000)
    db = tmp_path / "base.db"
    build_file(tmp_path / "src", db)
    rows = list(sqlite_utils.Database(db).query("select text, is_headline from sentences"))
    assert len(rows) >= len(text) // MAX_SENTENCE_CHARS
    assert max(len(r["text"]) for r in rows) <= MAX_SENTENCE_CHARS
    assert not any(r["is_headline"] for r in rows)
    assert all(r["text"] in text for r in rows)  # still verbatim quotes
    assert db.stat().st_size < 20 * len(text) + 1_000_000  # was about 80 MB here, 621 MB at 200 KB


def test_a_one_line_article_is_still_answerable(tmp_path: Path) -> None:
    one_line_article(tmp_path / "src", 20_000, distinct=False)
    base = FactBase.build(tmp_path / "src", tmp_path / "base.db")
    answer = base.answer("How many proposals did the committee discuss?")
    assert not answer.abstained and "12 proposals" in answer.text
    assert answer.citations and len(answer.citations[0].text) <= MAX_SENTENCE_CHARS


def test_derived_facts_keep_no_copy_of_their_sentence(tmp_path: Path) -> None:
    one_line_article(tmp_path / "src", 5_000)
    db = tmp_path / "base.db"
    build_file(tmp_path / "src", db)
    copies = list(
        sqlite_utils.Database(db).query(
            "select f.id from facts f join fact_citations c on c.fact_id = f.id "
            "join sentences s on s.id = c.sentence_id "
            "where f.origin = 'derived' and (f.answer = s.text or f.object = s.text)"
        )
    )
    assert copies == []
    base = FactBase.open(db)
    answer = base.answer("Where did the committee meet on Tuesday?")
    assert answer.fact is not None and answer.fact.relation == "states" and "Brussels" in answer.text
    assert answer.text == answer.citations[0].text == answer.fact.object  # put back on reading


def test_repeated_sentences_each_get_their_own_id(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    lines = ["Notes", *["The committee met again."] * 4, "The committee adjourned."]
    (folder / "notes.txt").write_text("\n".join(lines) + "\n", "utf-8")
    db = tmp_path / "base.db"
    build_file(folder, db)
    ids = [r["id"] for r in sqlite_utils.Database(db).query("select id from sentences order by ordinal")]
    repeated = ids[1:5]
    assert repeated[1:] == [f"{repeated[0]}-{n}" for n in (2, 3, 4)]
    assert len(set(ids)) == len(ids) == 6


PACKAGE = str(Path(derive_module.__file__).parent)


def derive_steps(folder: Path) -> int:
    """Lines of the knowledge package executed deriving *folder*: a count of work, not a timing."""
    steps = 0

    def count(frame, event, arg):
        nonlocal steps
        steps += event == "line"
        return count

    def calls(frame, event, arg):
        return count if frame.f_code.co_filename.startswith(PACKAGE) else None

    sources = load_sources(folder)
    sys.settrace(calls)
    try:
        derive_module.derive(sources)
    finally:
        sys.settrace(None)
    return steps


def test_repeated_sentences_cost_the_same_per_line_at_any_count(tmp_path: Path) -> None:
    work = []
    for n in (1500, 3000):
        folder = tmp_path / f"r{n}"
        folder.mkdir()
        lines = [f"The committee met again on {('Monday', 'Tuesday', 'Friday')[i % 3]}." for i in range(n)]
        (folder / "notes.txt").write_text("Notes\n" + "\n".join(lines) + "\n", "utf-8")
        work.append(derive_steps(folder))
    assert work[1] / work[0] < 2.5  # twice the lines, twice the work; counting ids up made it ~4x


def test_a_one_line_article_costs_the_same_per_byte_at_any_length(tmp_path: Path) -> None:
    work = []
    for n_bytes in (40_000, 80_000):
        one_line_article(tmp_path / f"l{n_bytes}", n_bytes)
        work.append(derive_steps(tmp_path / f"l{n_bytes}"))
    assert work[1] / work[0] < 2.5  # number detection rescanning earlier matches made it ~4x
