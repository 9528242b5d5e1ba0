"""Server articles without Discord: extraction, the sources shelf, the library of bases, the CLI."""

from __future__ import annotations

import gzip
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.cli import main
from bot.config import ConfigError, Settings
from knowledge import DEFAULT_SOURCES, FactBase, KnowledgeError, shelf
from knowledge.extract import Extracted, from_bytes, from_html, from_text
from knowledge.library import Library
from knowledge.sources import load_sources

PAGES = Path(__file__).resolve().parent / "data" / "pages"  # a copy of ../shared/pages
MOURINHO = "921019755f4a96ac4abf9dbcb4ef9d5ac202624a542d5ea70912330aa6fcc71f"
WORDS = " ".join(f"word{i}" for i in range(40))


def article(title: str = "A headline", outlet: str = "", url: str = "", words: int = 60) -> Extracted:
    body = " ".join(f"Sentence number {i} says something new." for i in range(words // 5))
    return Extracted(title, (body,), outlet, "2024-06-01", url)


# --- extraction ---------------------------------------------------------------------------


def test_a_saved_page_gives_headline_outlet_date_and_body() -> None:
    html = gzip.decompress((PAGES / f"{MOURINHO}.html.gz").read_bytes())
    a = from_html(html, "https://news.sky.com/story/x")
    assert a.title.startswith("Jose Mourinho agrees deal to replace Mauricio Pochettino")
    assert a.outlet == "Sky News" and a.published == "2019-11-20"
    assert a.paragraphs[0].startswith("Jose Mourinho has agreed a deal") and a.words > 300
    assert a.text().startswith(a.title + "\n\n" + a.paragraphs[0])


def test_a_page_without_an_article_is_refused() -> None:
    with pytest.raises(KnowledgeError, match="no article found"):
        from_html(b"<html><head><title>Login</title></head><body><p>Sign in</p></body></html>")


def test_markdown_is_read_as_plain_text() -> None:
    a = from_text(
        f"# The title\n\nSome **bold** and a [link](http://x.y) in {WORDS}.\n\n- a list item\n", True
    )
    assert a.title == "The title"
    assert a.paragraphs == (f"Some bold and a link in {WORDS}.", "a list item")


def test_a_text_file_needs_a_headline_and_some_words() -> None:
    with pytest.raises(KnowledgeError, match="too little text"):
        from_text("Only a headline\n\nand four words.")
    with pytest.raises(KnowledgeError, match="not UTF-8"):
        from_bytes(b"Headline\n\n\xff\xfe" + WORDS.encode(), ".txt")
    with pytest.raises(KnowledgeError, match="unsupported file type .pdf"):
        from_bytes(b"%PDF", ".pdf")


# --- the shelf ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("Orbán: Hungary ready to back Rutte’s bid", "orban-hungary-ready-to-back-ruttes-bid"),
        ("C:\\Windows\\system32 .txt", "c-windows-system32-txt"),
        ("", "article"),
        ("日本語", "article"),
    ],
)
def test_safe_slug(text: str, slug: str) -> None:
    assert shelf.safe_slug(text) == slug


def test_an_added_article_lands_inside_the_folder_under_a_safe_name(sources: Path) -> None:
    slug, _ = shelf.add_article(sources, article("../../../tmp/evil <b>name</b>", "Out/let"), shelf.Caps())
    assert slug == "out-let-tmp-evil-b-name-b" and (sources / f"{slug}.txt").is_file()
    meta = tomllib.loads((sources / f"{slug}.meta.toml").read_text())
    assert meta["title"] == "../../../tmp/evil <b>name</b>" and meta["outlet"] == "Out/let"
    again, _ = shelf.add_article(sources, article("../../../tmp/evil <b>name</b>", "Out/let"), shelf.Caps())
    assert again == f"{slug}-2"
    assert {p.name for p in sources.iterdir()} >= {f"{slug}.txt", f"{again}.txt"}
    assert load_sources(sources).articles


def test_metadata_with_quotes_and_control_characters_stays_valid_toml(sources: Path) -> None:
    title = 'He said "no" \\ then \x7f left\ttoday'
    slug, _ = shelf.add_article(sources, article(title), shelf.Caps())
    assert tomllib.loads((sources / f"{slug}.meta.toml").read_text())["title"] == title


def test_caps_on_count_total_and_article_size(sources: Path) -> None:
    with pytest.raises(KnowledgeError, match="the most it can keep"):
        shelf.add_article(sources, article(), shelf.Caps(max_articles=1))
    used = shelf.folder_bytes(sources)
    with pytest.raises(KnowledgeError, match="limit of"):
        shelf.add_article(sources, article(), shelf.Caps(max_total_bytes=used + 100))
    with pytest.raises(KnowledgeError, match="too long"):
        shelf.add_article(sources, article(words=500), shelf.Caps(max_article_bytes=1000))
    assert len(shelf.articles(sources)) == 1


def test_the_same_link_is_not_added_twice(sources: Path) -> None:
    shelf.add_article(sources, article(url="https://x.example/a"), shelf.Caps())
    with pytest.raises(KnowledgeError, match="already here"):
        shelf.add_article(sources, article("Other title", url="https://x.example/a"), shelf.Caps())


def test_undo_of_an_add_leaves_the_folder_as_it_was(sources: Path) -> None:
    before = sorted(p.name for p in sources.iterdir())
    _, undo = shelf.add_article(sources, article(), shelf.Caps())
    undo()
    assert sorted(p.name for p in sources.iterdir()) == before


def test_retiring_the_shipped_article_takes_its_facts_along(sources: Path) -> None:
    slug, _ = shelf.add_article(sources, article(), shelf.Caps())
    undo = shelf.retire_article(sources, "nato-rutte-breaking-defense")
    assert {p.name for p in sources.iterdir()} == {f"{slug}.txt", f"{slug}.meta.toml"}
    retired = next((sources.parent / "retired").iterdir())
    assert (retired / "nato-rutte.facts.toml").exists()
    assert [a.slug for a in load_sources(sources).articles] == [slug]
    undo()
    assert len(load_sources(sources).facts) > 10
    with pytest.raises(KnowledgeError, match="no article"):
        shelf.retire_article(sources, "../nato-rutte-breaking-defense")


def test_the_last_article_stays(sources: Path) -> None:
    with pytest.raises(KnowledgeError, match="last article"):
        shelf.retire_article(sources, "nato-rutte-breaking-defense")


def test_taught_facts_are_hand_facts_checked_word_for_word(sources: Path, tmp_path: Path) -> None:
    sentence = "Stoltenberg is due to step down in October."
    lesson = shelf.Lesson(
        "When is Jens leaving?", sentence, "nato-rutte-breaking-defense", "Jens Stoltenberg"
    )
    fact_id, _ = shelf.teach(sources, lesson)
    shelf.teach(sources, lesson)  # teaching it again replaces, never duplicates
    facts = [f for f in load_sources(sources).facts if f.id == fact_id]
    assert len(facts) == 1 and facts[0].ask == ("When is Jens leaving?",) and facts[0].cites == (sentence,)
    base = FactBase.build(sources, tmp_path / "b.db")
    assert base.answer("When is Jens leaving?").citations[0].text == sentence

    bad = shelf.Lesson("q?", "A sentence the article never had.", "nato-rutte-breaking-defense", "x")
    shelf.teach(sources, bad)
    with pytest.raises(KnowledgeError, match="not in nato-rutte-breaking-defense, word for word"):
        FactBase.build(sources, tmp_path / "c.db")


# --- the library ---------------------------------------------------------------------------


@pytest.fixture
def library(tmp_path: Path, shipped_base: FactBase) -> Library:
    return Library(tmp_path / "servers", shipped_base, max_open=2, idle_seconds=60, clock=lambda: clock[0])


clock = [0.0]


def test_dms_and_unchanged_servers_read_the_shipped_base(library: Library) -> None:
    assert library.base(None) is library.shipped and library.base(1) is library.shipped
    assert library.open_count == 0 and not (library.root / "1").exists()


def test_a_server_change_stays_in_that_server(library: Library) -> None:
    folder = library.fork(1)
    shelf.add_article(folder, article("Millbrook opens a garden", words=60), shelf.Caps())
    base = library.rebuild(1)
    assert len(base.source_info().documents) == 2 and library.base(1) is base
    assert len(library.base(2).source_info().documents) == 1 and library.base(None) is library.shipped


def test_least_recently_used_bases_close_first_and_idle_ones_close(library: Library) -> None:
    for server in (1, 2, 3):
        library.fork(server)
    clock[0] = 0.0
    one = library.base(1)
    library.base(2)
    assert library.cached(1) is one  # used: now 2 is the least recently used
    library.base(3)
    assert library.open_count == 2 and library.cached(2) is None and library.cached(1) is one
    clock[0] = 30.0
    library.base(3)
    clock[0] = 70.0
    assert library.close_idle() == 1 and library.cached(1) is None and library.cached(3) is not None
    assert library.base(1).version == one.version  # reopened from its file


def test_a_server_whose_sources_broke_on_the_host_serves_its_last_base(library: Library) -> None:
    folder = library.fork(1)
    version = library.base(1).version
    library.close(1)
    (folder / "nato-rutte.facts.toml").write_text("[[fact]\n")
    assert library.base(1).version == version


# --- settings and the command line ------------------------------------------------------------


def test_loopback_links_are_off_unless_set() -> None:
    assert Settings().fetch_allow_loopback is False and Settings().fetch_policy().allow_loopback is False
    assert Settings.load({}, None).fetch_allow_loopback is False
    assert Settings.load({"CITEBOT_FETCH_ALLOW_LOOPBACK": "true"}, None).fetch_policy().allow_loopback


def test_cli_extract_prints_headline_then_paragraphs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(gzip.decompress((PAGES / f"{MOURINHO}.html.gz").read_bytes()))
    assert main(["extract", str(page)]) == 0
    out = capsys.readouterr().out
    first, rest = out.split("\n", 1)
    assert first.startswith("Jose Mourinho agrees deal") and rest.startswith("\nJose Mourinho has agreed")


def test_cli_add_writes_into_a_folder_and_refuses_private_links(
    sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(gzip.decompress((PAGES / f"{MOURINHO}.html.gz").read_bytes()))
    assert main(["add", str(page), "--sources", str(sources)]) == 0
    assert "Added sky-news-jose-mourinho" in capsys.readouterr().out
    assert (sources / "sky-news-jose-mourinho-agrees-deal-to-replace-mauricio.txt").exists()
    before = sorted(p.name for p in sources.iterdir())
    assert main(["add", "http://127.0.0.1:9/x", "--sources", str(sources)]) == 1
    assert "private or local address" in capsys.readouterr().err
    assert sorted(p.name for p in sources.iterdir()) == before


def test_cli_add_undoes_an_article_that_breaks_the_build(
    sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (sources / "nato-rutte.facts.toml").write_text("[[fact]\n")  # broken already: nothing may be left behind
    text = tmp_path / "a.txt"
    text.write_text(f"Headline\n\n{WORDS}\n")
    before = sorted(p.name for p in sources.iterdir())
    assert main(["add", str(text), "--sources", str(sources)]) == 1
    assert "TOML syntax error" in capsys.readouterr().err
    assert sorted(p.name for p in sources.iterdir()) == before


def test_shipped_sources_are_untouched() -> None:
    names = sorted(p.name for p in DEFAULT_SOURCES.iterdir() if p.is_file())
    assert names == [
        "nato-rutte-breaking-defense.meta.toml",
        "nato-rutte-breaking-defense.txt",
        "nato-rutte.facts.toml",
    ]


@given(st.text(max_size=300))
def test_any_text_gives_a_slug_that_is_a_plain_file_name(text: str) -> None:
    slug = shelf.safe_slug(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= shelf.SLUG_LIMIT


@given(st.text(max_size=200))
def test_any_text_survives_a_toml_round_trip(text: str) -> None:
    assert tomllib.loads(f"value = {shelf.toml_string(text)}")["value"] == text


def test_a_bad_loopback_setting_is_named() -> None:
    with pytest.raises(ConfigError, match="CITEBOT_FETCH_ALLOW_LOOPBACK must be true or false"):
        Settings.load({"CITEBOT_FETCH_ALLOW_LOOPBACK": "maybe"}, None)
