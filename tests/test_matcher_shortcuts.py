"""The matcher's speed shortcuts give exactly what their plain definitions give."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from knowledge import FactBase, store
from knowledge import matcher as matcher_module
from knowledge.evaluate import load_questions
from knowledge.features import Candidate
from knowledge.index import Index
from knowledge.matcher import Matcher
from knowledge.scoring import MIN_COVERAGE, RANK_FEATURES, off_topic
from knowledge.text import STOPWORDS


def _matcher(base: FactBase) -> Matcher:
    return Matcher(Index(store.read(base.db)))


def _plain_alias_at(matcher: Matcher, toks: list[str], i: int) -> tuple[str, int] | None:
    """Every length from the longest alias of the base down: what _alias_at must find."""
    aliases = matcher.index.alias_to_entity
    for size in range(min(matcher.index.max_alias, len(toks) - i), 0, -1):
        eid = aliases.get(tuple(toks[i : i + size]))
        if eid and not (size == 1 and toks[i] in STOPWORDS):
            return eid, size
    return None


def test_an_alias_is_sought_only_at_the_lengths_its_first_word_starts(shipped_base: FactBase) -> None:
    matcher = _matcher(shipped_base)
    aliases = sorted(matcher.index.alias_to_entity)
    words = sorted({w for key in aliases for w in key}) + ["the", "of", "who", "said", "summit", "x"]
    rng = random.Random(3)
    found = 0
    for _ in range(3000):
        toks = []
        while len(toks) < 10:  # whole aliases, cut aliases and loose words, side by side
            pick = list(rng.choice(aliases))
            toks += rng.choice((pick, pick[: rng.randint(1, len(pick))], [rng.choice(words)]))
        for i in range(len(toks)):
            want = _plain_alias_at(matcher, toks, i)
            got = matcher._alias_at(toks, i) if toks[i] in matcher._alias_sizes else None
            assert got == want, (toks, i)
            found += want is not None
    assert found > 10_000 and matcher.index.max_alias > 4


def test_an_off_topic_best_abstains_without_asking_the_calibrator(
    shipped_base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the off-topic gates abstain whatever the confidence, so the 100 trees are not walked for them
    matcher = _matcher(shipped_base)
    for question in ("How old is Stoltenberg?", "How much did the summit cost?"):
        ranked = matcher.rank(matcher.analyse(question))
        assert ranked and off_topic(ranked[0].features), question
    asked = []
    real = matcher.model.confidence_on_topic  # what answers ask the calibrator through
    monkeypatch.setattr(
        type(matcher.model), "confidence_on_topic", lambda self, row: asked.append(row) or real(row)
    )
    for question in ("How old is Stoltenberg?", "How much did the summit cost?"):
        answer = matcher.answer(question)
        assert answer.abstained and answer.confidence == 0.0 and not answer.citations
    assert asked == []
    assert not matcher.answer("Who is the NATO secretary general?").abstained and len(asked) == 1


_QUANTITY_MISS = RANK_FEATURES.index("quantity_miss")


def _development_questions() -> list[str]:
    data = Path(__file__).parent / "data"
    names = ("nato-public.jsonl", "dev-nato.jsonl", "dev-corpus.jsonl")
    return [row["q"] for name in names for row in load_questions(data / name)]


def test_the_gates_read_before_describe_are_off_topic_of_the_described_features(
    shipped_base: FactBase,
) -> None:
    # answer skips describe when every candidate is off topic: the early reading must be the plain one
    matcher = _matcher(shipped_base)
    seen = {True: 0, False: 0}
    by_quantity = 0
    for question in _development_questions():
        query = matcher.analyse(question)
        if not query.answerable:
            continue
        for c in matcher.candidates(query):
            early = matcher._off_topic_before_describe(query, c)
            assert early == off_topic(c.features), (question, c.unit.fact_id)
            seen[early] += 1
            by_quantity += early and c.coverage >= 0.4 and c.features[_QUANTITY_MISS] > 0
    assert seen[True] > 100 and seen[False] > 100 and by_quantity > 5, (seen, by_quantity)


def test_a_question_whose_candidates_are_all_off_topic_abstains_without_describing(
    shipped_base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    matcher = _matcher(shipped_base)
    gated = []
    for question in _development_questions():
        query = matcher.analyse(question)
        found = matcher.rank(query, limit=99) if query.answerable else []
        if found and all(off_topic(c.features) for c in found):
            gated.append(question)
    assert len(gated) > 10
    described = []
    real = matcher_module.describe
    monkeypatch.setattr(matcher_module, "describe", lambda *args: described.append(args) or real(*args))
    for question in gated:
        answer = matcher.answer(question)
        assert answer.abstained and not answer.citations and answer.suggestions, question
    assert described == []
    assert not matcher.answer("Who is the NATO secretary general?").abstained and len(described) == 1


def test_a_question_no_unit_covers_enough_abstains_before_any_candidate_is_made(
    shipped_base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    # coverage never exceeds the matched weight over the total: under the gate's 0.4 for the heaviest
    # unit, every candidate is off topic, so answer abstains without making them
    matcher = _matcher(shipped_base)
    under = []
    for question in _development_questions():
        query = matcher.analyse(question)
        if not query.answerable:
            continue
        total = sum(t.weight for t in query.terms) or 1.0
        heaviest = max(matcher._accumulate(query, total).values(), default=0.0)
        found = matcher.candidates(query)
        if found and heaviest / total < MIN_COVERAGE:
            assert all(c.coverage <= heaviest / total and off_topic(c.features) for c in found), question
            under.append(question)
    assert len(under) > 5
    made = []
    # every candidate is made through Candidate, by _candidate or inline (round 7)
    monkeypatch.setattr(matcher_module, "Candidate", lambda *args: made.append(args) or Candidate(*args))
    for question in under:
        assert matcher.answer(question).abstained, question
    assert made == []
    assert not matcher.answer("Who is the NATO secretary general?").abstained and made
