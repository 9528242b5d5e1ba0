"""Round 7 of the answer-latency work: each shortcut of the answer path gives exactly what its plain
definition gives, and is used."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from rapidfuzz import fuzz

from knowledge import FactBase, features, store
from knowledge import matcher as matcher_module
from knowledge import question as question_module
from knowledge.evaluate import load_questions
from knowledge.index import Index
from knowledge.matcher import RERANK, Matcher
from knowledge.text import tokens

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
        got = features._phrasing_scores(query, kept, m.index)
        asked = set(query.entities)
        for c, score in zip(kept, got, strict=True):
            plain = 0.0
            if c.unit.origin == "hand" and query.content_text:
                scores = [0.0]
                for p, raw in zip(c.unit.ask_terms, c.unit.ask, strict=True):
                    named = set(m.index.find_entities(tokens(raw)))  # another entity than asked: half
                    half = asked and named and not named & asked
                    scores.append(fuzz.token_sort_ratio(query.content_text, p) * (0.5 if half else 1))
                plain = max(scores) / 100
                scored += 1
            assert score == plain, (question, c.unit.fact_id)
    assert scored > 400
    # the phrasings are sorted once: read again, the very same tuple
    unit = next(u for u in m.index.units if u.origin == "hand" and u.ask_terms)
    assert features._sorted_words(unit.ask_terms) is features._sorted_words(unit.ask_terms)


def test_a_sentences_distinct_stems_sorted_read_by_token_set_ratio_as_it(corpus_base: FactBase) -> None:
    m = _matcher(corpus_base)
    index = m.index
    texts = [m.analyse(q).content_text for q in _questions()]
    differ = 0
    for s in range(index.n_sentences):
        fixed = index.fixed[s]
        assert fixed.stem_set == " ".join(sorted(set(index.stems(s)[0])))
        differ += fixed.stem_set != fixed.joined
        for text in texts:
            assert fuzz.token_set_ratio(text, fixed.stem_set) == fuzz.token_set_ratio(text, fixed.joined)
    assert differ > index.n_sentences // 2  # most sentences read differently sorted


def test_describe_reads_the_sentences_sorted_stems(shipped_base: FactBase) -> None:
    m = _matcher(shipped_base)
    query = m.analyse("who will replace stoltenberg as nato secretary general")
    kept, total = m._first_pass(query)
    features.describe(m.index, query, kept, total)
    fuzz_at = features._FEATURE_ORDER.index("fuzz")
    before = [c.features[fuzz_at] for c in kept]
    for c in kept:  # a sentence read as words it does not hold scores differently
        fixed = m.index.fixed[c.sentences[0]]
        m.index.fixed[c.sentences[0]] = dataclasses.replace(fixed, stem_set="zzz")
    features.describe(m.index, query, kept, total)
    assert [c.features[fuzz_at] for c in kept] != before


def _plain_accumulate(m: Matcher, query, total: float) -> dict[int, float]:
    """Matcher._accumulate as it was written before round 7: each term's groups merged per question."""
    acc: dict[int, float] = {}
    remaining = total
    for term in sorted(query.terms, key=lambda t: -t.weight):
        may_add = remaining >= matcher_module.PRUNE_BELOW * total
        remaining -= term.weight
        w = term.weight
        post, kin_posts, synonym_posts, has_common, kin_only, synonym_only = m._postings_of(term)
        groups = [(post, w)]
        if kin_only:
            groups.append((kin_only, question_module.KIN_FACTOR * w))
        if synonym_only:
            groups.append((synonym_only, question_module.SYNONYM_FACTOR * w))
        assert not has_common  # the bases here hold no word in more than COMMON_POSTINGS units
        if may_add:
            best = dict.fromkeys(post, w)
            for units, value in groups[1:]:
                best.update(dict.fromkeys(units, value))
            if acc:
                for u in best.keys() & acc.keys():
                    best[u] += acc[u]
            acc.update(best)
        else:
            for units, value in groups:
                for u in acc.keys() & units:
                    acc[u] += value
    return acc


def test_what_a_term_adds_kept_per_word_and_weight_sums_as_its_groups(corpus_base: FactBase) -> None:
    m = _matcher(corpus_base)
    pruned = 0
    for _ in range(2):  # the second time from what is kept, which the first time must not have changed
        for question in _questions():
            query = m.analyse(question)
            if not query.terms:
                continue
            total = sum(t.weight for t in query.terms)
            got = m._accumulate(query, total)
            want = _plain_accumulate(m, query, total)
            exact = sorted((u, v.hex()) for u, v in got.items())
            assert exact == sorted((u, v.hex()) for u, v in want.items()), question
            pruned += sum(t.weight for t in query.terms) > 4 * max(t.weight for t in query.terms)
    assert m._weighted and pruned > 10
    # kept: a term's dict is made once per word and weight
    term = next(t for t in m.analyse("nato allies summit").terms if not t.entity)
    key = (term.key, term.kin, term.alternatives, matcher_module.COMMON_POSTINGS, term.weight)
    assert m._weighted[key] is m._weighted_units(key, [])


def _fields(c: features.Candidate) -> tuple:
    return (
        c.unit.fact_id,
        c.coverage.hex(),
        c.p_coverage.hex(),
        c.hits,
        c.sentences,
        c.unpaired.hex(),
        c.position,
        c.tally,
    )


def test_one_sentence_candidates_made_inline_are_what_candidate_makes(corpus_base: FactBase) -> None:
    fast, plain = _matcher(corpus_base), _matcher(corpus_base)
    # every unit read as one of several sentences: each candidate made by _candidate
    plain._unit_reads = _AllThroughCandidate(plain._unit_reads)
    inline = 0
    for question in _questions():
        query = fast.analyse(question)
        got, _ = fast._first_pass(query)
        want, _ = plain._first_pass(plain.analyse(question))
        assert [_fields(c) for c in got] == [_fields(c) for c in want], question
        inline += 0 if query.pairs else sum(len(c.unit.sentences) == 1 for c in got)
    assert inline > 500


class _AllThroughCandidate(dict):
    def __init__(self, reads: dict) -> None:
        super().__init__()
        self._reads = reads

    def __missing__(self, u: int) -> tuple:
        unit, kind, _ = self._reads[u]
        return unit, kind, None


class _SpyPattern:
    """A compiled pattern that counts its substitutions."""

    def __init__(self, pattern) -> None:
        self.pattern, self.calls = pattern, 0

    def sub(self, repl, text):
        self.calls += 1
        return self.pattern.sub(repl, text)


def test_the_idioms_pattern_is_skipped_only_when_no_idiom_can_start(shipped_base: FactBase) -> None:
    m = _matcher(shipped_base)
    phrases = dict(matcher_module.PHRASES)  # every idiom, whatever the base holds
    pattern = matcher_module.re.compile(
        r"\b(?:" + "|".join(matcher_module.re.escape(p) for p in phrases) + r")\b"
    )
    firsts = question_module._first_words(phrases)
    assert firsts is not None and "took" in firsts
    odd = [
        "who took over from Stoltenberg", "when did the summit take place", "Who TOOK OVER?",
        "r&took over the alliance", "x&head of state", "u took over?", "the head of government's job",
        "is the taken place overtaken", "what did he do for a living", "in exchange for what",
    ]
    spy = _SpyPattern(pattern)
    questions = _questions() + odd
    rewritten = 0
    for question in questions:
        got = question_module._tokenise(question, phrases, spy, firsts)
        assert got == question_module._tokenise(question, phrases, pattern), question
        rewritten += got != question_module._tokenise(question, {}, None)
    assert rewritten >= 8 and spy.calls < len(questions) / 3
    assert question_module._first_words(["took part", "r&d spending"]) is None  # read with the pattern
    assert m._phrase_firsts is not None


def test_a_twin_candidate_gets_the_vector_and_score_its_own_reading_gives(corpus_base: FactBase) -> None:
    m = _matcher(corpus_base)
    twins = 0
    for question in _questions():
        query = m.analyse(question)
        kept, total = m._first_pass(query)
        if not kept:
            continue
        twins += sum(c.twin is not None for c in kept)
        # the plain reading: the same candidates, each described and scored on its own
        alone = [dataclasses.replace(c, twin=None, features=[]) for c in kept]
        features.describe(m.index, query, kept, total)
        features.describe(m.index, query, alone, total)
        for c, plain in zip(kept, alone, strict=True):
            assert [x.hex() for x in c.features] == [x.hex() for x in plain.features], question
        ranked, ranked_alone = m._ranked(kept, limit=RERANK), m._ranked(alone, limit=RERANK)
        assert [(c.position, c.score.hex()) for c in ranked] == [
            (c.position, c.score.hex()) for c in ranked_alone
        ], question
        assert all(c.score == plain.score for c, plain in zip(kept, alone, strict=True)), question
    assert twins > 100
