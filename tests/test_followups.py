"""Follow-up questions in a base of several articles: read in the article of the last answer first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import render
from knowledge import FactBase, Focus
from knowledge.followup import resolve_pronouns

DEV = Path(__file__).parent / "data" / "news" / "dev"
FOOTBALL, AIRLINE, MOON, BAND = (
    "mourinho-tottenham",
    "emirates-boeing-order",
    "europa-water-vapor",
    "doobie-brothers-tour",
)


def _base(tmp: Path, *articles: str) -> FactBase:
    folder = tmp / "sources"
    folder.mkdir()
    for slug in articles:
        shutil.copy(DEV / f"{slug}.txt", folder)
    return FactBase.build(folder, tmp / "base.db")


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    """The football, airline and Europa stories."""
    return _base(tmp_path_factory.mktemp("news"), FOOTBALL, AIRLINE, MOON)


@pytest.fixture(scope="module")
def shows(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    """The band's tour, the football and the airline stories."""
    return _base(tmp_path_factory.mktemp("shows"), BAND, FOOTBALL, AIRLINE)


def _focus_after(base: FactBase, question: str) -> Focus:
    answer = base.answer(question)
    assert not answer.abstained
    focus = base.focus_of(answer)
    assert focus is not None
    return focus


def _article(answer: object) -> str | None:
    citations = getattr(answer, "citations", ())
    return citations[0].document if citations else None


def test_a_follow_up_is_answered_from_the_article_of_the_last_answer(news: FactBase) -> None:
    focus = _focus_after(news, "Who will replace Pochettino?")
    assert focus.document == FOOTBALL

    alone = news.answer("when will it end?")
    assert _article(alone) == AIRLINE  # a word of the question happens to be in the airline story

    followed = news.answer("when will it end?", focus)
    assert _article(followed) == FOOTBALL and "2022/23 season" in followed.text
    assert followed.question == "when will it end?" and followed.version == news.version


def test_a_bare_pronoun_is_read_as_the_name_the_conversation_was_about(news: FactBase) -> None:
    focus = _focus_after(news, "who is the lead author of the Europa study?")
    assert (focus.document, focus.person, focus.organisation) == (MOON, "Lucas Paganini", "NASA")

    alone = news.answer("when does it start?")
    assert alone.read_as == "" and (alone.abstained or alone.confidence < 0.5)  # "it" is no one yet
    followed = news.answer("when does it start?", focus)
    assert _article(followed) == MOON and "Europa Clipper" in followed.text
    # the reply says who "it" was taken to be; the question stays as asked
    assert (followed.question, followed.read_as) == ("when does it start?", "when does NASA start?")
    assert "*(read as: when does NASA start?)*" in render.answer_card(followed).description


def test_pronouns_become_names_of_their_kind() -> None:
    focus = Focus("nato", person="Mark Rutte", organisation="NATO")
    assert resolve_pronouns("When does he start?", focus) == "When does Mark Rutte start?"
    assert resolve_pronouns("what did they ask her?", focus) == "what did NATO ask Mark Rutte?"
    assert resolve_pronouns("who is her deputy", focus) == "who is Mark Rutte's deputy"
    assert resolve_pronouns("what are its goals?", focus) == "what are NATO's goals?"
    assert resolve_pronouns("when does he start?", Focus("nato")) == "when does he start?"
    assert resolve_pronouns("where is the theatre?", focus) == "where is the theatre?"


def test_a_question_with_its_own_subject_is_not_read_in_the_focus_article(shows: FactBase) -> None:
    airline = _focus_after(shows, "how many jets did Emirates order?")
    assert airline.document == AIRLINE
    # it names the band: the airline story's plans are no answer to it
    named = shows.answer("when will the Doobie Brothers end?", airline)
    assert named.abstained and named.text == shows.answer("when will the Doobie Brothers end?").text

    band = _focus_after(shows, "when does the Doobie Brothers tour start?")
    assert band.document == BAND
    # "air show" is in the airline story alone: that is where it is answered, not in the band's
    asked = shows.answer("when was the air show?", band)
    assert _article(asked) == AIRLINE and "Dubai Air Show" in asked.text


def test_a_who_question_is_about_the_person_it_found(news: FactBase) -> None:
    focus = _focus_after(news, "Who will replace Pochettino?")
    assert focus.person == "Jose Mourinho"  # not Pochettino, whom the question named


def test_he_stays_the_same_man_through_the_conversation(news: FactBase) -> None:
    focus = _focus_after(news, "Who will replace Pochettino?")
    answer = news.answer("when was he sacked?", focus)
    assert "sacked by Manchester United" in answer.text
    assert news.focus_of(answer) == Focus(FOOTBALL)  # on its own, that answer names no one
    assert news.focus_of(answer, focus) == focus

    answer = news.answer("when is his first match?", focus)
    assert "away to West Ham on Saturday" in answer.text
    assert news.focus_of(answer, focus) == focus  # the match's opponent does not become "he"

    unknown = news.answer("how tall is the stadium?", focus)
    assert unknown.abstained and news.focus_of(unknown, focus) == focus


def test_a_focus_on_an_article_the_base_no_longer_has_is_ignored(news: FactBase) -> None:
    gone = Focus("no-such-article", person="Jose Mourinho")
    for question in ("when will it end?", "when does it start?"):
        assert news.answer(question, gone) == news.answer(question)
