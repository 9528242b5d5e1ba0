"""The country tables: read from a stored copy for a quick start, and that copy is the libraries' own."""

from __future__ import annotations

import json
from pathlib import Path

from knowledge import gazetteer


def test_the_stored_country_tables_are_what_pycountry_and_countryinfo_give() -> None:
    # if a library release changes a country, this goes red: run gazetteer.write_country_tables()
    assert gazetteer._stored_countries() == gazetteer._library_countries()


def test_the_stored_currency_words_are_what_pycountry_gives() -> None:
    assert gazetteer._stored_currencies() == gazetteer._library_currencies()
    assert {"sol", "kwacha", "rand", "dollar", "pound"} <= set(gazetteer.CURRENCY_WORDS)
    assert "mark" not in gazetteer.CURRENCY_WORDS  # "passed the 50 mark" is no sum


def test_without_the_stored_tables_the_libraries_are_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(gazetteer, "COUNTRY_TABLES", tmp_path / "missing.json")
    countries, capitals, states = gazetteer._stored_countries()
    assert capitals["Budapest"] == "Hungary" and "Hungarians" in countries["Hungary"] and "Ohio" in states


def test_written_tables_read_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "countries.json"
    gazetteer.write_country_tables(path)
    assert json.loads(path.read_text("utf-8"))["capitals"]["Warsaw"] == "Poland"
    assert gazetteer._library_countries()[0] == gazetteer.COUNTRIES


def test_the_stored_tables_are_read_without_the_libraries(monkeypatch) -> None:
    # the quick start: with the stored copy present, countryinfo's ~250 files are never read
    def refuse():
        raise AssertionError("the libraries were read")

    monkeypatch.setattr(gazetteer, "_library_countries", refuse)
    assert gazetteer._stored_countries()[1]["Budapest"] == "Hungary"


def test_an_adjective_several_countries_share_means_the_most_populous(tmp_path: Path) -> None:
    # "French" is also Saint Pierre and Miquelon's adjective, "Chinese" Macau's, "Norwegian" Svalbard's
    from reading_support import build_article

    article = build_article(
        tmp_path,
        "Envoys meet\n\nFrench, Chinese and Norwegian envoys met on Monday to discuss fishing rights.",
    )
    assert {"France", "China", "Norway"} <= article.entity_names()
    assert not {"Saint Pierre and Miquelon", "Macau", "Svalbard and Jan Mayen"} & article.entity_names()
