"""The fact base: what the build derives from an article, and how it fails on bad input."""

from __future__ import annotations

import re
import sqlite3
import threading
from pathlib import Path

import pytest
import sqlite_utils

from bot.cli import main
from knowledge import FactBase, KnowledgeError, build_file
from knowledge.text import split_sentences

MAIN_ARTICLE = "nato-rutte-breaking-defense"

ARTICLE = Path(__file__).parent.parent / "knowledge" / "sources" / f"{MAIN_ARTICLE}.txt"


def rows(db: Path, sql: str, params: tuple = ()) -> list[dict]:
    return list(sqlite_utils.Database(db).query(sql, params))


def test_shipped_article_is_kept_exactly() -> None:
    shared = Path(__file__).parents[2] / "shared" / "knowledge" / ARTICLE.name
    if shared.exists():
        assert ARTICLE.read_bytes() == shared.read_bytes()
    text = ARTICLE.read_text("utf-8")
    assert "\u2019" in text and "\u2014" in text and "\u00a0" in text


def test_every_sentence_is_stored_once_in_place(tmp_path: Path) -> None:
    db = tmp_path / "base.db"
    build_file(ARTICLE.parent, db)
    stored = rows(db, "select * from sentences where document = ? order by ordinal", (MAIN_ARTICLE,))
    blocks = [b.strip() for b in ARTICLE.read_text("utf-8").split("\n\n") if b.strip()]
    caption, body = blocks[0], blocks[1:]
    assert stored[0]["text"] == caption and stored[0]["is_caption"] and stored[0]["paragraph"] == 0
    expected = [
        (p, n, block[s:e].strip())
        for p, block in enumerate(body, 1)
        for n, (s, e) in enumerate(split_sentences(block), 1)
    ]
    assert [(r["paragraph"], r["number"], r["text"]) for r in stored[1:]] == expected
    # the sentences of each paragraph put back together are the paragraph itself
    for p, block in enumerate(body, 1):
        joined = " ".join(r["text"] for r in stored if r["paragraph"] == p)
        assert " ".join(joined.split()) == " ".join(block.split())
    assert len({r["text"] for r in stored}) == len(stored)
    assert len({r["id"] for r in stored}) == len(stored)


def test_positions_and_quotations(shipped_base: FactBase) -> None:
    a = shipped_base.answer("When will Stoltenberg step down?")
    c = a.citations[0]
    assert c.text == "Stoltenberg is due to step down in October."
    assert (c.paragraph, c.sentence, c.is_quote) == (2, 2, False)
    q = shipped_base.answer("what did orban say about the pledge")
    assert q.citations[0].text.startswith("\u201cIn light of his pledge")
    assert q.citations[0].is_quote and q.citations[0].paragraph == 3


def test_hand_facts_cite_the_sentences_they_quote(tmp_path: Path) -> None:
    db = tmp_path / "base.db"
    build_file(ARTICLE.parent, db)
    cited = rows(
        db,
        "select s.text from fact_citations c join sentences s on s.id = c.sentence_id "
        "where c.fact_id = 'stoltenberg-leaves'",
    )
    assert [r["text"] for r in cited] == ["Stoltenberg is due to step down in October."]
    two = rows(
        db,
        "select s.paragraph, s.number from fact_citations c join sentences s on s.id = c.sentence_id "
        "where c.fact_id = 'slovakia-backs-rutte' order by c.rank",
    )
    assert [(r["paragraph"], r["number"]) for r in two] == [(9, 2), (9, 3)]
    hand = rows(db, "select id from facts where origin = 'hand'")
    uncited = rows(
        db,
        "select id from facts where origin = 'hand' and id not in (select fact_id from fact_citations)",
    )
    assert len(hand) >= 15 and uncited == []


def test_entities_and_aliases(tmp_path: Path) -> None:
    db = tmp_path / "base.db"
    build_file(ARTICLE.parent, db)

    def aliases(name: str) -> set[str]:
        return {
            r["alias"]
            for r in rows(
                db,
                "select a.alias from aliases a join entities e on e.id = a.entity_id where e.name = ?",
                (name,),
            )
        }

    assert {"Orban", "Orbán", "Victor Orban", "Viktor Orban"} <= aliases("Viktor Orbán")
    assert "Dutch" in aliases("Netherlands")
    assert "Twitter" in aliases("X")
    kinds = {r["name"]: r["kind"] for r in rows(db, "select name, kind from entities")}
    assert kinds["Klaus Iohannis"] == "person"
    assert kinds["Slovakia"] == "country"
    assert kinds["NATO"] == "organisation"
    assert (
        kinds["2014"] == "date"
        if "2014" in kinds
        else any(k == "date" and "2014" in n for n, k in kinds.items())
    )
    assert any(k == "number" and "32" in n for n, k in kinds.items())


def test_no_full_text_tables_that_nothing_queries(tmp_path: Path) -> None:
    db = tmp_path / "base.db"
    build_file(ARTICLE.parent, db)
    names = {r["name"] for r in rows(db, "select name from sqlite_master where type = 'table'")}
    assert not any("fts" in n for n in names)


def test_a_dropped_in_article_is_answerable_without_hand_facts(sources: Path, tmp_path: Path) -> None:
    (sources / "harbour.txt").write_text(
        "Harbour reopens after storm\n\n"
        "The port of Ostend reopened on Monday after a storm closed it for three days. "
        "Harbour master Jan Peeters said 40 ships had waited offshore.\n\n"
        "Repairs to the north pier will cost 2 million euros, the city council said.\n",
        encoding="utf-8",
    )
    base = FactBase.build(sources, tmp_path / "base.db")
    a = base.answer("how much will the pier repairs cost")
    assert not a.abstained and "2 million euros" in a.citations[0].text
    assert a.citations[0].document == "harbour" and a.citations[0].paragraph == 2
    b = base.answer("when did ostend port reopen")
    assert "reopened on Monday" in b.citations[0].text
    assert base.facts_about("Jan Peeters") is not None
    assert base.answer("When will Stoltenberg step down?").citations[0].document == MAIN_ARTICLE


def test_sentence_ids_survive_edits_elsewhere(sources: Path, tmp_path: Path) -> None:
    db = tmp_path / "base.db"
    build_file(sources, db)
    before = {r["text"]: r["id"] for r in rows(db, "select id, text from sentences")}
    article = sources / f"{MAIN_ARTICLE}.txt"
    text = article.read_text("utf-8")
    article.write_text(text.replace("BELFAST", "A new opening paragraph.\n\nBELFAST", 1), "utf-8")
    build_file(sources, db)
    after = {r["text"]: r["id"] for r in rows(db, "select id, text from sentences")}
    assert all(after[t] == i for t, i in before.items() if t in after)


# --- bad input --------------------------------------------------------------


def _break(kind: str, sources: Path) -> str:
    """Damage *sources* one way; return a pattern the error line must match."""
    facts = sources / "nato-rutte.facts.toml"
    article = sources / f"{MAIN_ARTICLE}.txt"
    if kind == "not-utf8":
        article.write_bytes(article.read_bytes().replace(b"Orban", b"Orb\xe1n", 1))
        return rf"{article.name}:\d+: not UTF-8"
    if kind == "empty-article":
        (sources / "blank.txt").write_text("  \n\n", "utf-8")
        return r"blank.txt: the article is empty"
    if kind == "toml-syntax":
        facts.write_text(facts.read_text("utf-8") + '\n[[fact]]\nid = "oops\n', "utf-8")
        return rf"{facts.name}:\d+: TOML syntax error"
    if kind == "span-not-in-article":
        facts.write_text(
            facts.read_text("utf-8").replace(
                "Stoltenberg is due to step down in October.", "Stoltenberg is due to step down in May.", 1
            ),
            "utf-8",
        )
        return rf"{facts.name}:\d+: fact 'stoltenberg-leaves': quoted span is not in"
    if kind == "duplicate-id":
        facts.write_text(
            facts.read_text("utf-8").replace('id = "term-length"', 'id = "consensus-rule"'), "utf-8"
        )
        return rf"{facts.name}:\d+: duplicate fact id 'consensus-rule'"
    if kind == "unknown-article":
        facts.write_text(
            facts.read_text("utf-8").replace(
                f'id = "term-length"\ndocument = "{MAIN_ARTICLE}"', 'id = "term-length"\ndocument = "nope"'
            ),
            "utf-8",
        )
        return rf"{facts.name}:\d+: fact 'term-length' cites unknown article 'nope'"
    raise AssertionError(kind)


BAD_INPUTS = [
    "not-utf8",
    "empty-article",
    "toml-syntax",
    "span-not-in-article",
    "duplicate-id",
    "unknown-article",
]


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_sources_fail_with_one_line_and_keep_the_old_base(
    kind: str, sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "base.db"
    assert main(["build", "--sources", str(sources), "--db", str(db)]) == 0
    served = FactBase.open(db, sources)
    before = db.read_bytes()
    capsys.readouterr()
    pattern = _break(kind, sources)
    assert main(["build", "--sources", str(sources), "--db", str(db)]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "Traceback" not in err
    assert re.search(pattern, err), err
    assert db.read_bytes() == before
    with pytest.raises(KnowledgeError):
        served.reload()
    assert served.answer("When will Stoltenberg step down?").citations[0].text.endswith("October.")
    assert not list(tmp_path.glob(".base.db.*"))  # no half-built file left behind


def test_missing_sources_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--sources", str(tmp_path / "nowhere"), "--db", str(tmp_path / "b.db")]) == 1
    assert "nowhere: sources folder does not exist" in capsys.readouterr().err


def test_a_file_that_is_not_a_base(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(KnowledgeError, match="junk.db"):
        FactBase.open(junk)


# --- reloading ----------------------------------------------------------------


def test_reload_reports_what_changed(sources: Path, tmp_path: Path) -> None:
    extra = sources / "alliance-meeting.txt"
    extra.write_text("Allies plan a meeting\n\nThe allies met in Brussels on Monday.\n", "utf-8")
    base = FactBase.build(sources, tmp_path / "base.db")
    assert base.reload().unchanged
    extra.write_text(
        "Allies plan a meeting\n\nThe allies met in Brussels on Friday.\n\n"
        "The alliance will meet again in The Hague in 2025.\n",
        "utf-8",
    )
    report = base.reload()
    assert report.changed["sentences"] == 1
    assert report.added["sentences"] == 1
    assert report.added["facts"] >= 1 and report.seconds > 0
    assert "sentences: 1 added, 1 changed" in report.describe()
    assert "The Hague" in base.answer("where will the alliance meet in 2025").citations[0].text


def test_concurrent_reloads_are_serialised(sources: Path, tmp_path: Path) -> None:
    base = FactBase.build(sources, tmp_path / "base.db")
    results, errors = [], []

    def reload() -> None:
        try:
            results.append(base.reload())
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=reload) for _ in range(4)]
    for t in threads:
        t.start()
    answers = [base.answer("rutte nickname") for _ in range(50)]
    for t in threads:
        t.join()
    assert errors == [] and len(results) == 4
    assert all("Teflon Mark" in a.citations[0].text for a in answers)
    sqlite3.connect(tmp_path / "base.db").execute("select count(*) from sentences").fetchone()


def test_another_kind_of_article_without_hand_facts(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "marathon.txt").write_text(
        "Kenyan runner breaks marathon world record in Chicago\n\n"
        "Kelvin Kiptum of Kenya set a new marathon world record on Sunday, finishing the Chicago "
        "Marathon in 2 hours and 35 seconds.\n\n"
        "He said he had trained for eight months in Iten, a town in western Kenya.\n\n"
        "Race organisers said about 48,000 runners took part, said Jane Smith, the race director.\n",
        encoding="utf-8",
    )
    base = FactBase.build(folder, tmp_path / "base.db")
    assert "Iten" in base.answer("Where did Kiptum train?").citations[0].text
    assert "48,000" in base.answer("How many runners took part?").citations[0].text
    assert base.answer("Who is Jane Smith?").text == "Jane Smith is the race director."
    assert base.facts_about("Kiptum").name == "Kelvin Kiptum"
    assert base.answer("What shoes did Kiptum wear?").abstained
