"""Round 8 of the answer-latency work: each shortcut of the answer path gives exactly what its plain
definition gives, and is used."""

from __future__ import annotations

import heapq
import random
from operator import itemgetter
from pathlib import Path

import pytest
from reading_support import build_article

from knowledge import FactBase, store
from knowledge import index as index_module
from knowledge import matcher as matcher_module
from knowledge.evaluate import load_questions
from knowledge.features import describe
from knowledge.index import Index, spelled_out_names
from knowledge.matcher import Matcher
from knowledge.scoring import CALIBRATION_INPUTS, RANK_FEATURES, ScoringModel, calibration_row, off_topic
from knowledge.text import STOPWORDS, is_english_word
from knowledge.trees import BoostedTrees, _compiled

# beyond the development sets: acronyms typed in capitals and not, misspellings, odd words
_EXTRA = (
    "what did the DOJ say",
    "what did the doj say",
    "who is the SDNY attorney",
    "teh nato summit",
    "wat did NATO say about ICBM and abc",
    "rutte xqzt plan ok",
    "what is the EU's plan",
)


_FEATURES_AT = len(CALIBRATION_INPUTS) - len(RANK_FEATURES)  # a calibration row's features start here


def _questions() -> list[str]:
    data = Path(__file__).parent / "data"
    names = ("nato-public.jsonl", "dev-nato.jsonl", "dev-corpus.jsonl")
    return [row["q"] for name in names for row in load_questions(data / name)] + list(_EXTRA)


def _forget(m: Matcher) -> None:
    """Empty the words kept as read as written: every word is read in full again."""
    m._no_acronym.clear()
    m._as_written.clear()


def test_a_word_kept_as_written_reads_so_in_any_question(shipped_base: FactBase) -> None:
    m = Matcher(Index(store.read(shipped_base.db)))
    # an acronym of the base that the gate must never keep: typed in capitals, it spells out its name
    key = next(
        k
        for k in sorted(m.index.spelled_out)
        if 2 <= len(k) <= 6
        and k.isalpha()
        and k not in m.index.vocab
        and k not in m._alias_sizes
        and k not in STOPWORDS
        and not is_english_word(k)
    )
    # a word typed solid that the article writes as two: the gate must never keep it either
    vocab = sorted(w for w in m.index.vocab if len(w) >= 4 and w.isalpha() and w not in STOPWORDS)
    solid = next(
        a + b
        for a in vocab[:200]
        for b in vocab[-200:]
        if (a + b) not in m.index.vocab and m._split_joined_words([a + b], set())[0] == [a, b]
    )
    questions = [*_questions(), f"what did the {key.upper()} do", f"what did the {key} do"]
    questions.append(f"is {solid} here")
    for question in questions:
        m.answer(question)
    kept = set(m._as_written)
    assert len(kept) > 300 and key not in kept and solid not in kept
    assert key not in m._no_acronym  # spelled out, so never kept as read as written
    m._split_joined_words([key], set())  # as written there, but an acronym the base spells out
    assert key not in m._as_written
    # each word kept reads as itself, typed in capitals or not, whatever stands around it
    for word in sorted(kept):
        for question in (f"what did {word.upper()} say", f"what did {word} say"):
            assert m._spell_out_acronyms(question, [word], {0}) == ([word], {0}), word
        assert m._split_joined_words([word], {0}) == ([word], {0}), word
    # and whole questions read the same through the gate (every word kept) as without it
    for question in questions:
        through_gate = m.analyse(question)
        _forget(m)
        assert m.analyse(question) == through_gate, question
        for q in questions[:50]:
            m.analyse(q)  # words kept again
    assert key not in m.analyse(f"what did the {key.upper()} do").words  # spelled out
    assert solid not in m.analyse(f"is {solid} here").words  # read as two


def test_a_question_of_words_kept_reads_no_acronym(shipped_base: FactBase, monkeypatch) -> None:
    m = Matcher(Index(store.read(shipped_base.db)))
    question = "who will replace stoltenberg as nato secretary general"
    first = m.answer(question)
    calls = []
    real = Matcher._spell_out_acronyms
    monkeypatch.setattr(Matcher, "_spell_out_acronyms", lambda self, *a: calls.append(a) or real(self, *a))
    assert m.answer(question) == first
    assert calls == []


def test_the_names_acronyms_spell_are_made_when_the_base_is_indexed(tmp_path: Path, monkeypatch) -> None:
    text = (
        "Guards charged\n\n"
        "Two prison guards were charged on Tuesday, said Anne Ortiz, the attorney for the Southern "
        "District of New York.\n\n"
        "The Department of Justice said the guards had slept on duty.\n\n"
        "The Department of Defense and the Department of Justice did not comment."
    )
    article = build_article(tmp_path, text)
    base = article.base
    stored = base._current().matcher.index.spelled_out
    index = Index(store.read(base.db))
    texts = [t for _, t, *_ in index.sentences.fields()]
    assert stored == index.spelled_out == spelled_out_names(texts)  # read from the snapshot, as made
    assert stored["sdny"] == stored["sdony"] == ("southern", "district", "of", "new", "york")
    assert stored["doj"] == ("department", "of", "justice")
    assert stored["dod"] == ("department", "of", "defense")
    # nothing reads the sentences when the first acronym is asked: the names were made at indexing
    monkeypatch.setattr(index_module, "spelled_out_names", lambda texts: pytest.fail("read at question"))
    fresh = FactBase.open(base.db)
    assert fresh.answer("what did the DOJ say about the guards").text == (
        "The Department of Justice said the guards had slept on duty."
    )


def test_spelled_out_names_leave_out_initials_of_several_names() -> None:
    names = spelled_out_names(["The Department of Defense met the Department of Development today."])
    assert "dod" not in names and "dd" not in names
    assert spelled_out_names(["He met the Royal Navy and the Red Cross."])["rn"] == ("royal", "navy")


def _calibration_rows(base: FactBase) -> list[list[float]]:
    m = Matcher(Index(store.read(base.db)))
    rows = []
    for question in _questions():
        query = m.analyse(question)
        if not query.answerable:
            continue
        kept, total = m._first_pass(query)
        if not kept:
            continue
        describe(m.index, query, kept, total)
        ranked = m._ranked(kept)
        runner_up = ranked[1].score if len(ranked) > 1 else None
        for c in ranked:
            rows.append(calibration_row(c.score, runner_up, c.features, query.asks))
    return rows


def test_the_calibrator_compiled_for_on_topic_rows_is_the_plain_trees_to_the_last_bit(
    shipped_base: FactBase,
) -> None:
    model = ScoringModel.load()
    miss = CALIBRATION_INPUTS.index("quantity_miss")
    rows = _calibration_rows(shipped_base)
    on_topic = [r for r in rows if not off_topic(r[_FEATURES_AT:])]
    assert len(rows) > 500 and len(on_topic) > 200
    rng = random.Random(8)
    for row in rows[:300]:  # every feature moved a little: rows the model never saw
        rows.append([x * rng.uniform(0.5, 1.5) + rng.uniform(-0.1, 0.1) for x in row])
    for row in rows:
        for value in (0.0, 1.0, row[miss]):  # on topic, a quantity missing (the plain trees), as found
            row = [*row[:miss], value, *row[miss + 1 :]]
            assert model.confidence_on_topic(row).hex() == model.confidence(row).hex()
    # the compiled trees read no quantity_miss: its splits were taken when compiled
    leaf_sum = _compiled(model.calibrator.trees, {miss: 0.0})
    assert f"x{miss}" not in leaf_sum.__code__.co_varnames
    assert f"x{miss}" in _compiled(model.calibrator.trees).__code__.co_varnames
    # and answers ask those trees
    assert f"x{miss}" not in model._on_topic_raw.leaf_sum.__code__.co_varnames


def test_a_split_on_a_fixed_feature_is_taken_as_the_row_would_take_it() -> None:
    stump = {
        "feature": [1, 0, -1, -1, -1],
        "threshold": [0.5, 2.0, 0, 0, 0],
        "left": [1, 3, -1, -1, -1],
        "right": [2, 4, -1, -1, -1],
        "value": [0, 0, 7.0, -1.0, 3.0],
    }
    trees = BoostedTrees.from_json({"init": 0.25, "learning_rate": 0.5, "trees": [stump, stump]}, width=2)
    for fixed in (0.5, 0.0, 0.51, 9.0):
        raw = trees.raw_given({1: fixed})
        for x in (1.0, 2.0, 2.5):
            assert raw([x, fixed]) == trees.raw([x, fixed])
            assert raw([x, fixed + 1.0]) == trees.raw([x, fixed + 1.0])  # not the value fixed: read plainly


def test_the_first_pass_ranks_units_by_weight_then_index_as_nlargest_does(shipped_base: FactBase) -> None:
    m = Matcher(Index(store.read(shipped_base.db)))
    got: list = []
    real = m._ties_by_article
    m._ties_by_article = lambda q, ranked, total: got.append(list(ranked)) or real(q, ranked, total)
    ranked_questions = 0
    for question in _questions():
        query = m.analyse(question)
        if not query.terms:
            continue
        acc = m._accumulate(query, sum(t.weight for t in query.terms) or 1.0)
        for u in acc.keys() & (m._units_holding(query.wanted) if query.wanted else set()):
            acc[u] += matcher_module._TIE_BREAK  # as the first pass does
        plain = heapq.nlargest(len(acc), acc.items(), key=matcher_module._by_weight_then_order)
        got.clear()
        m._first_pass(query)
        if got:
            assert got[0] == plain, question
            ranked_questions += 1
    assert ranked_questions > 150
    # equal weights in any order of the units: the lower unit first, as the pairs' sort would put them
    rng = random.Random(8)
    for _ in range(200):
        pairs = [(u, rng.choice((0.5, 1.0, 1.5))) for u in rng.sample(range(1000), 40)]
        by_unit = sorted(pairs, key=itemgetter(0))
        assert sorted(by_unit, key=itemgetter(1), reverse=True) == sorted(
            sorted(pairs), key=itemgetter(1), reverse=True
        )
