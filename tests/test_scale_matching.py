"""Scale: the matcher's shortcuts for large bases. A very common word ranks the units rarer words
found instead of adding thousands; units tied at the cut are chosen as a full sort would choose them."""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from itertools import islice

import pytest
from hypothesis import given
from hypothesis import strategies as st

import knowledge.matcher as matcher_module
from knowledge import FactBase
from knowledge.features import Candidate
from knowledge.matcher import CANDIDATES, Matcher

COMMON = 100  # the cap the tests set: the harbour's 200 units are over it, the master's 40 under


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    """The shipped sources plus 2,000 ledger entries: 200 name the harbour, 40 of those its master."""
    from knowledge import DEFAULT_SOURCES

    folder = tmp_path_factory.mktemp("ledger")
    for f in DEFAULT_SOURCES.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    lines = []
    for i in range(2000):
        where = "harbour" if i % 10 == 0 else "port"
        who = "the harbour master signed" if i % 50 == 0 else "the clerk copied"
        lines.append(f"The {where} ledger for sailors keeps entry {i}, which {who} at dawn.")
    (folder / "ledger.txt").write_text("The harbour ledger\n\n" + " ".join(lines) + "\n", "utf-8")
    return FactBase.build(folder, folder.parent / "ledger.db")


def _document(base: FactBase, unit: int) -> str:
    index = base._snapshot.matcher.index
    return index.sentences[index.units[unit].sentences[0]].document


def accumulated(base: FactBase, question: str) -> dict[int, float]:
    m: Matcher = base._snapshot.matcher
    query = m.analyse(question)
    return m._accumulate(query, sum(t.weight for t in query.terms))


def test_a_common_word_ranks_the_units_rarer_words_found(
    ledger: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(matcher_module, "COMMON_POSTINGS", COMMON)
    acc = accumulated(ledger, "Where is the harbour master?")
    # the master's entries, not every entry naming the harbour (the NATO article's "chief", a synonym
    # of "master", may be there too)
    assert len([u for u in acc if _document(ledger, u) == "ledger"]) == 40
    m: Matcher = ledger._snapshot.matcher
    best = m.rank(m.analyse("Which entry did the harbour master sign?"))[0]
    assert "harbour master signed" in m.index.sentences[best.sentences[0]].text


def test_without_the_cap_every_ledger_entry_is_added(
    ledger: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(matcher_module, "COMMON_POSTINGS", 10**9)
    assert len(accumulated(ledger, "Where is the harbour master?")) > 200


def test_a_question_of_common_words_only_still_finds_them(
    ledger: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rarer words found too few units: the common word's units are all added, as before."""
    monkeypatch.setattr(matcher_module, "COMMON_POSTINGS", COMMON)
    assert len(accumulated(ledger, "harbour clerk")) >= 200
    m: Matcher = ledger._snapshot.matcher
    best = m.rank(m.analyse("Which harbour entry did the clerk copy?"))[0]
    # two hundred entries say it alike: the best is one of them (the bot may well not be sure which)
    assert "harbour ledger" in m.index.sentences[best.sentences[0]].text


def test_units_tied_at_the_cut_are_the_first_in_the_index(ledger: FactBase) -> None:
    """Over a hundred ledger entries match equally: the candidates are those a full sort picks."""
    question = "harbour clerk"
    m: Matcher = ledger._snapshot.matcher
    acc = accumulated(ledger, question)
    top = heapq.nlargest(CANDIDATES, acc.items(), key=matcher_module._by_weight_then_order)
    floor = top[-1][1]
    assert sum(1 for v in acc.values() if v == floor) > 4 * CANDIDATES  # the tie this is about
    expected = sorted(u for u, _ in top)
    got = [c.position for c in m.candidates(m.analyse(question))]
    assert got and got == expected[: len(got)]


def test_a_synonym_in_very_many_units_does_not_stand_in_for_the_word(
    ledger: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "daybreak" is not in the base; WordNet's "dawn" is in all 2,000 entries: too common to count
    monkeypatch.setattr(matcher_module, "COMMON_POSTINGS", COMMON)
    found = accumulated(ledger, "What happened at daybreak?")
    assert not [u for u in found if _document(ledger, u) == "ledger"]
    assert ledger.answer("What happened at daybreak?").abstained
    monkeypatch.setattr(matcher_module, "COMMON_POSTINGS", 10**9)  # a small base: every synonym counts
    assert len(accumulated(ledger, "What happened at daybreak?")) >= 2000


@given(st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8)), max_size=30), st.integers(1, 12))
def test_candidates_with_a_coverage_loss_come_in_sorted_order_made_only_as_far_as_read(
    shapes: list[tuple[int, int]], read: int
) -> None:
    # each candidate may lose coverage below its bound (a word far from its name): the lazy merge
    # gives exactly what sorting them all gives, and makes only those it must compare
    ranked = sorted(((m / 8, loss / 16) for m, loss in shapes), key=lambda x: -x[0])
    cands = [
        Candidate(unit=None, coverage=bound - loss, p_coverage=0.0, hits={}, sentences=(0,), position=k)  # type: ignore[arg-type]
        for k, (bound, loss) in enumerate(ranked)
    ]
    made = []

    def make() -> Iterator[Candidate]:
        for c in cands:
            made.append(c)
            yield c

    got = list(islice(matcher_module._most_covering_first(make(), [b for b, _ in ranked]), read))
    expected = sorted(cands, key=lambda c: (-c.coverage, c.position))[:read]
    assert got == expected
    # made: up to the first k where `read` of those made cover more than candidate k could
    n = len(cands)
    sure = [sum(c.coverage > ranked[k][0] for c in cands[:k]) for k in range(n)]
    assert len(made) == next((k for k in range(n) if sure[k] >= read), n)
