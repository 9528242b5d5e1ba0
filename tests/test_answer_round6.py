"""Round 6 of the answer-latency work: what the answer path now keeps per word and per base, and the
sums it reads from elsewhere, give exactly what their plain definitions give."""

from __future__ import annotations

import dataclasses
import math
import random
from pathlib import Path

import pytest

from knowledge import FactBase, features, store
from knowledge import question as question_module
from knowledge import question_reading as question_reading_module
from knowledge.evaluate import load_questions
from knowledge.index import BM25_AVERAGE_LENGTH, BM25_B, BM25_K1, Index
from knowledge.lexicon import LIGHT
from knowledge.matcher import Matcher
from knowledge.quantities import is_tens, number_value, numbers_in
from knowledge.question import Term, _capitalised
from knowledge.scoring import RANK_FEATURES
from knowledge.text import STOPWORDS, is_english_word, stem
from knowledge.wordvectors import default_vectors

# words a user may type that the shipped base lacks: misspellings of its words and of common ones,
# names it never mentions (with and without a capital), misspelt glue words, numbers, abbreviations
_ODD_WORDS = (
    "How did Ovechkin score? what did ovechkin say? Did Rutte meet Zelenskyy in Kyiv? what happend to "
    "the alliense? who is stoltenbreg? was it befor the summit? abuot the 1974 treaty? How many TDs? "
    "what did the NGO say? is teh budget 2% or 3.5%? did Biden attend? did bidn attend? the xqzt plan? "
    "Rutte's Mcguffin? What did Rutte say to Xqzt Vorpal? was the fourth extension agreed? twenty five "
    "allies? in the 1990s? the 4th summit? the 1100s? r&d spending?"
).split("?")


def _matcher(base: FactBase) -> Matcher:
    return Matcher(Index(store.read(base.db)))


def _questions() -> list[str]:
    data = Path(__file__).parent / "data"
    names = ("nato-public.jsonl", "dev-nato.jsonl", "dev-corpus.jsonl")
    return [row["q"] for name in names for row in load_questions(data / name)] + list(_ODD_WORDS)


def _plain_word_term(m: Matcher, toks: list[str], pos: int, question: str) -> tuple[Term | None, bool]:
    """_word_terms' reading of toks[pos] as it was written before round 6, inline: (the term, or None
    for a word left out; whether it makes the question name something the base never mentions)."""
    idx, tok = m.index, toks[pos]
    key = stem(tok)
    known = key in idx.idf or tok in idx.vocab
    if not known and 2 < len(tok) < 6 and not is_english_word(tok):
        other = stem(tok[:-1]) if tok.endswith("s") else stem(tok + "s")
        if other in idx.idf:
            key, known = other, True
    if not known and m._is_misspelt_stopword(tok):
        return None, False
    weight_factor = 1.0
    absent = False
    if not known and not tok.isdigit():
        near = m._correct(tok, False) if m._may_be_misspelt(tok) else None
        if near:
            key, weight_factor = idx.stem_of.get(near, stem(near)), 0.9
        else:
            as_name = tok in _capitalised(question)
            near = None if as_name else m._common_word(tok)
            if near in STOPWORDS:
                return None, False
            typed = None if as_name or near or is_english_word(tok) else m._chat_spelling(tok)  # session 27
            if near:
                key, weight_factor = stem(near), 0.9
            elif typed:
                key, weight_factor = idx.stem_of.get(typed, stem(typed)), 0.8
            elif m._is_unknown_name(toks, pos, as_name):
                absent = True
    weight = idx.idf.get(key, idx.max_idf) * weight_factor
    light = key in LIGHT
    if light:
        weight *= 0.25
    alts, kin = m._related_words(key)
    return Term(key, weight, False, alts, light, kin=kin), absent


def test_a_word_the_base_lacks_is_read_once_per_word_as_its_plain_reading(shipped_base: FactBase) -> None:
    warm = _matcher(shipped_base)
    questions = _questions()
    for question in questions:
        warm.analyse(question)
    assert {"ovechkin", "happend", "befor", "1974", "gave", "secretery"} <= warm._unknown_words.keys()
    # "ovechkin" is read by whether it is written with a capital, and so is an English word ("gave":
    # "Smith", "Baker" may be names); a misspelling of a word of the base is not
    assert warm._unknown_words["ovechkin"][0] and warm._unknown_words["happend"][0]
    assert warm._unknown_words["gave"][0] and not warm._unknown_words["secretery"][0]
    plain = _matcher(shipped_base)
    seen = 0
    for question in questions:
        query = plain.analyse(question)  # the same positions left out, then each word read plainly
        toks, _ = question_module._tokenise(question, plain._phrases, plain._phrase_re)
        for pos, tok in enumerate(toks):
            if tok in warm._unknown_words:
                by_case, if_name, if_not = warm._unknown_words[tok]
                as_name = by_case and tok in _capitalised(question)
                term, may_name = if_name if as_name else if_not
                want, absent = _plain_word_term(plain, toks, pos, question)
                assert term == want, (question, tok)
                assert (may_name and plain._is_unknown_name(toks, pos, as_name)) == absent, (question, tok)
                seen += 1
        # and a question read with every word met before reads as with none kept
        cold = _matcher(shipped_base)
        got = warm.analyse(question)
        want_query = cold.analyse(question)
        assert (
            (got.terms, got.absent_name)
            == (want_query.terms, want_query.absent_name)
            == (
                query.terms,
                query.absent_name,
            )
        ), question
    assert seen > 20


def test_a_word_met_before_is_not_read_again(shipped_base: FactBase, monkeypatch: pytest.MonkeyPatch) -> None:
    m = _matcher(shipped_base)
    question = "what happend to Ovechkin befor the summit in Vilnius"
    first = m.analyse(question)
    assert m.analyse("what happend in 1974").absent_number == "1974"  # the base states no 1974
    # read again: no word is read nor valued as a number again (a question holding no number word
    # is passed whole by the kept values)
    monkeypatch.setattr(m, "_read_word", lambda tok: pytest.fail(f"{tok} read again"))
    monkeypatch.setattr(
        question_reading_module, "number_value", lambda tok: pytest.fail(f"{tok} valued again")
    )
    again = m.analyse(question)
    assert (again.terms, again.absent_name, again.absent_number) == (
        first.terms,
        first.absent_name,
        first.absent_number,
    )
    assert first.absent_name == "ovechkin"


def _plain_absent_number(m: Matcher, toks: list[str], skip: set[int]) -> str:
    """Matcher._absent_number as it was written before round 6."""
    compound = -1
    base_numbers = numbers_in(m.index.vocab)
    for pos, tok in enumerate(toks):
        value = number_value(tok)
        if value is None or value < 2 or pos in skip or pos == compound or tok in m.index.vocab:
            continue
        unit = number_value(toks[pos + 1]) if is_tens(value) and pos + 1 < len(toks) else None
        if unit is not None and unit < 10:
            value, compound = value + unit, pos + 1
        if value not in base_numbers:
            return tok
    return ""


def test_a_number_the_base_lacks_is_found_as_its_plain_definition(shipped_base: FactBase) -> None:
    m = _matcher(shipped_base)
    rng = random.Random(6)
    found = 0
    for question in _questions():
        toks, _ = question_module._tokenise(question, m._phrases, m._phrase_re)
        for skip in (set(), {rng.randrange(len(toks) or 1)}):
            got = m._absent_number(toks, skip)
            assert got == _plain_absent_number(m, toks, skip), (question, skip)
            found += bool(got)
    assert found >= 4  # 1974, fourth, 1990s, 1100s... are looked for, not only passed
    assert m._number_words["what"] == 0 and m._number_words["1974"] == 1974


def test_article_coverage_read_from_the_tally_where_every_rarity_is_one(
    shipped_base: FactBase, corpus_base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    m = _matcher(shipped_base)
    index = m.index
    assert index.rarity_is_one
    assert {index.rarity_in(doc, t) for doc in index.documents for t in list(index.idf)[:300]} == {1.0}
    assert not _matcher(corpus_base).index.rarity_is_one  # several articles
    at = RANK_FEATURES.index("article_coverage")
    monkeypatch.setattr(features, "_article_coverage", lambda *args: pytest.fail("summed per candidate"))
    checked = 0
    for question in _questions()[:120]:
        query = m.analyse(question)
        if not query.answerable:
            continue
        for c in m.candidates(query):
            doc = index.sentences[c.sentences[0]].document
            ws = [t.weight * index.rarity_in(doc, t.key) for t in query.terms]
            matched = 0.0
            for i, factor in c.hits.items():
                matched += ws[i] * factor
            assert c.features[at] == matched / (sum(ws) or 1.0), (question, c.unit.fact_id)
            checked += 1
    assert checked > 300


def test_a_base_with_a_term_counted_beyond_its_sentences_is_no_rarity_one_base(
    shipped_base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = _matcher(shipped_base).index
    df = list(index.columns.ints["df"])
    df[0] += 1  # a term some unit holds outside the article's sentences: its rarity there is not 1.0
    monkeypatch.setitem(index.columns.ints, "df", df)
    assert not index.rarity_is_one


def test_a_sentences_bm25_length_part_is_kept_as_its_formula(shipped_base: FactBase) -> None:
    m = _matcher(shipped_base)
    index = m.index
    avg = BM25_AVERAGE_LENGTH
    for i in range(index.n_sentences):
        length = index.sentences[i].length
        assert index.fixed[i].tf_part == (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + BM25_B * length / avg))
    # describe reads the kept part: a changed one changes the feature
    first = m.candidates(m.analyse("Who is the NATO secretary general?"))[0].sentences[0]
    index.fixed[first] = dataclasses.replace(index.fixed[first], tf_part=index.fixed[first].tf_part * 2)
    doubled = m.candidates(m.analyse("Who is the NATO secretary general?"))
    del index.fixed[first]
    bm25 = RANK_FEATURES.index("bm25")
    assert (
        doubled[0].features[bm25]
        == 2 * m.candidates(m.analyse("Who is the NATO secretary general?"))[0].features[bm25]
    )
    query = m.analyse("Who is the NATO secretary general?")
    found = m.candidates(query)
    total = sum([t.weight for t in query.terms]) or 1.0
    for c in found:
        s = index.sentences[c.sentences[0]]
        tf = (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + BM25_B * s.length / avg))
        assert c.features[bm25] == c.tally[0] * tf / total


def test_the_mean_vectors_norm_by_dist_is_hypot_of_the_differences() -> None:
    # mean_of_rows takes the norm as math.dist(fields, bias): the very hypot of the differences it
    # scales (and test_wordvectors' exact-sum test compares the whole mean to the last bit)
    dims = default_vectors().dims
    rng = random.Random(7)
    for _ in range(500):
        coef_sum = rng.randrange(1, 1 << 40)
        bias = float((1 << 52) + 128 * coef_sum)
        fields = tuple(float((1 << 52) + rng.randrange(255 * coef_sum)) for _ in range(dims))
        assert math.dist(fields, (bias,) * dims) == math.hypot(*[f - bias for f in fields])
