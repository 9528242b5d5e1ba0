"""The matcher's speed shortcuts give exactly what their plain definitions give."""

from __future__ import annotations

import random

import pytest

from knowledge import FactBase, store
from knowledge.index import Index
from knowledge.matcher import Matcher
from knowledge.scoring import off_topic
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
    real = matcher.model.confidence
    monkeypatch.setattr(type(matcher.model), "confidence", lambda self, row: asked.append(row) or real(row))
    for question in ("How old is Stoltenberg?", "How much did the summit cost?"):
        answer = matcher.answer(question)
        assert answer.abstained and answer.confidence == 0.0 and not answer.citations
    assert asked == []
    assert not matcher.answer("Who is the NATO secretary general?").abstained and len(asked) == 1
