"""Round 7 of the answer-latency work: each shortcut of the answer path gives exactly what its plain
definition gives, and is used."""

from __future__ import annotations

from pathlib import Path

from rapidfuzz import fuzz

from knowledge import FactBase, features, store
from knowledge.evaluate import load_questions
from knowledge.index import Index
from knowledge.matcher import Matcher

# questions beyond the development sets: odd words, hand phrasings reordered, words in no phrasing
_EXTRA = (
    "general secretary nato new who",
    "who will be the next head of the alliance after stoltenberg",
    "stoltenberg successor decision",
    "what did rutte say about the xqzt plan",
    "rutte",
    "when when when",
)


def _matcher(base: FactBase) -> Matcher:
    return Matcher(Index(store.read(base.db)))


def _questions() -> list[str]:
    data = Path(__file__).parent / "data"
    names = ("nato-public.jsonl", "dev-nato.jsonl", "dev-corpus.jsonl")
    return [row["q"] for name in names for row in load_questions(data / name)] + list(_EXTRA)


def test_hand_phrasings_scored_sorted_once_are_their_token_sort_ratio(shipped_base: FactBase) -> None:
    m = _matcher(shipped_base)
    scored = 0
    for question in _questions():
        query = m.analyse(question)
        kept, _ = m._first_pass(query)
        got = features._phrasing_scores(query, kept)
        for c, score in zip(kept, got, strict=True):
            plain = 0.0
            if c.unit.origin == "hand" and query.content_text:
                plain = max(
                    [fuzz.token_sort_ratio(query.content_text, p) for p in c.unit.ask_terms], default=0.0
                ) / 100
                scored += 1
            assert score == plain, (question, c.unit.fact_id)
    assert scored > 400
    # the phrasings are sorted once: read again, the very same tuple
    unit = next(u for u in m.index.units if u.origin == "hand" and u.ask_terms)
    assert features._sorted_words(unit.ask_terms) is features._sorted_words(unit.ask_terms)
