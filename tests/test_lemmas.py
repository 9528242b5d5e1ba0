"""The lemma table: read from a stored copy for a quick start, and that copy is lemminflect's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import lemmas


@pytest.fixture(autouse=True)
def fresh_dictionary():
    lemmas.dictionary.cache_clear()
    yield
    lemmas.dictionary.cache_clear()


def test_the_stored_table_is_what_lemminflect_gives() -> None:
    # if a lemminflect release changes a lemma, this goes red: run lemmas.write_table()
    assert lemmas.dictionary() == lemmas._library_dictionary()


def test_the_stored_table_is_read_without_lemminflect(monkeypatch) -> None:
    # the quick start: with the stored copy present, lemminflect's files are never read
    def refuse():
        raise AssertionError("lemminflect's files were read")

    monkeypatch.setattr(lemmas, "_library_dictionary", refuse)
    assert lemmas.lemma("went") == "go" and lemmas.lemma("rose") == "rise" and lemmas.is_word("island")


def test_without_the_stored_table_lemminflect_is_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(lemmas, "STORED", tmp_path / "missing.txt.gz")
    assert lemmas.lemma("biggest") == "big" and not lemmas.is_word("rutte")


def test_a_written_table_reads_back_the_same(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "lemmas.txt.gz"
    lemmas.write_table(path)
    monkeypatch.setattr(lemmas, "STORED", path)
    assert lemmas.dictionary() == lemmas._library_dictionary()
