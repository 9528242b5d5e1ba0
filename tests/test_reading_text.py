"""Reading words: invisible characters folded out, word forms from lemminflect and Snowball."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from reading_support import build_article

from knowledge.text import fold, stem, tokens

SOFT = "\u00ad"
ZWJ = "\u200d"


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_fold_removes_invisible_characters_inside_words(invisible: str) -> None:
    assert fold(f"Stol{invisible}tenberg") == "stoltenberg"
    assert tokens(f"re{invisible}place the pump") == ["replace", "the", "pump"]


def test_a_name_with_a_soft_hyphen_is_found_and_quoted_verbatim(tmp_path: Path) -> None:
    article = build_article(
        tmp_path,
        "Harbour talks\n\n"
        "The harbour board met on Monday to discuss the new pier.\n\n"
        f"Mayor Ingrid Stol{SOFT}tenberg said the pier would open in spring.\n\n"
        "Fishermen said the pier would block their boats.",
    )
    cited = article.cited("What did Stoltenberg say about the pier?")
    assert cited == f"Mayor Ingrid Stol{SOFT}tenberg said the pier would open in spring."
    assert "Ingrid Stoltenberg" in article.entity_names()


def test_a_zero_width_joiner_does_not_split_a_question_word(tmp_path: Path) -> None:
    article = build_article(
        tmp_path,
        "Pump failure\n\nThe old pump failed on Sunday night.\n\nEngineers will replace the pump next week.",
    )
    assert (
        article.cited(f"When will they re{ZWJ}place the pump?")
        == "Engineers will replace the pump next week."
    )


@pytest.mark.parametrize(
    "form, base",
    [
        ("went", "go"),
        ("rose", "rise"),
        ("biggest", "big"),
        ("deepest", "deep"),
        ("depth", "deep"),
        ("countries", "country"),
        ("nicknamed", "nickname"),
        ("led", "lead"),
        ("bought", "buy"),
    ],
)
def test_word_forms_share_a_stem(form: str, base: str) -> None:
    assert stem(form) == stem(base)


def test_different_words_keep_different_stems() -> None:
    assert len({stem(w) for w in ["rise", "rice", "deep", "depot", "big", "bag", "go", "good"]}) == 8


def test_an_irregular_past_tense_finds_its_sentence(tmp_path: Path) -> None:
    article = build_article(
        tmp_path,
        "Market report\n\n"
        "Tablet sales fell.\n\n"
        "Sales of the new phone rose by a third over the spring, the Lindqvist shop said.",
    )
    assert "phone rose" in article.cited("Which sales rise?")


def test_word_forms_need_no_numpy(tmp_path: Path) -> None:
    # lemminflect's package imports numpy; its dictionary is read without it (knowledge/lemmas.py)
    code = (
        "import sys; sys.modules.update(numpy=None); "
        "from knowledge.text import stem; assert stem('went') == stem('go') and stem('rose') == stem('rise')"
    )
    subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parent.parent, check=True, timeout=60)
