"""Describe each (question, candidate) pair by the numbers the scoring model reads."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from itertools import compress, count
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz import fuzz, process

from .gazetteer import MONTHS, WEEKDAYS
from .index import Index, SentenceRec, Unit
from .scoring import ASKED_MISSING_BELOW, RANK_FEATURES
from .text import fold, stem, tokens
from .wordvectors import dot

if TYPE_CHECKING:
    from .question import Query

_FEATURE_ORDER = (
    "coverage",
    "p_coverage",
    "entity_coverage",
    "coverage_gap",
    "unpaired",
    "covers_half",
    "asked_missing",
    "bm25",
    "bm25_gap",
    "meaning",
    "meaning_gap",
    "unmatched_max",
    "unmatched_entity",
    "bigrams",
    "spread",
    "novelty",
    "paragraph_gain",
    "document_share",
    "article_coverage",
    "fuzz",
    "via_synonym",
    "type_match",
    "type_miss",
    "quantity_match",
    "quantity_miss",
    "described",
    "hand",
    "hand_phrasing",
    "hand_phrasing_close",
    "headline",
    "quote",
    "length",
    "position",
    "n_terms",
)


class Tally(NamedTuple):
    """What of the question's terms a candidate holds, summed in the terms' order (Matcher._hits)."""

    matched: float  # weight times match factor
    via: float  # the part of that reached through a synonym or kin word
    entity_hit: float  # weight of the names it holds
    unmatched_max: float  # the heaviest term it lacks, light words aside
    missing_entity: bool  # a name of the question it lacks


@dataclass(slots=True)
class Candidate:
    """A unit that may answer the question, with how it matched."""

    unit: Unit
    coverage: float
    p_coverage: float
    hits: dict[int, float]  # question term index -> match factor
    sentences: tuple[int, ...]  # the unit's sentences, best covering first
    unpaired: float = 0.0  # share of the question's weight matched away from the entity it belongs to
    position: int = 0  # the unit's place in the index, to break ties the same way every time
    tally: Tally | None = None  # what of the question's terms it holds: set by Matcher, read by describe
    features: list[float] = field(default_factory=list)
    score: float = 0.0
    # an earlier candidate of the same question with the same sentence, hits and first-pass values and no
    # feature of either's own (Matcher._first_pass): its vector and score are this one's
    twin: Candidate | None = None


def matched_weight(query: Query, terms: set[str] | frozenset[str]) -> float:
    """The question's weight that *terms* hold: each term's weight times how it matched."""
    matched = 0.0
    for t in query.terms:  # sum(t.weight * t.factor(terms)), without the call for a plain hit or miss
        if t.key in terms:
            matched += t.weight
        elif not t.alternatives.isdisjoint(terms):
            matched += t.weight * t.factor(terms)
    return matched


def _coverage_of(query: Query, terms: set[str] | frozenset[str], total: float) -> float:
    return matched_weight(query, terms) / total


class _SentenceSide(NamedTuple):
    """What describe reads of a candidate's quoted sentence: the same for every unit quoting it.
    Runs of consecutive features are kept as tuples in _FEATURE_ORDER (speed: one splice a vector);
    made with tuple.__new__ (speed: no Python-level constructor)."""

    record: SentenceRec
    meaning: float
    set_ratio: float  # rapidfuzz token_set_ratio of the question's and the sentence's stems
    paragraph_coverage: float
    shape: tuple[float, float, float]  # bigrams, spread, novelty
    kinds: tuple[float, float, float, float]  # type_match, type_miss, quantity_match, quantity_miss
    place: tuple[float, float, float, float]  # headline, quote, length, position (SentenceFixed.place)
    tf_part: float  # BM25's length part of the sentence (SentenceFixed.tf_part)


_new_side = tuple.__new__


def describe(index: Index, query: Query, cands: list[Candidate], total: float | None = None) -> None:
    """Fill each candidate's feature vector (see scoring.RANK_FEATURES for the order); *total* is the
    question's term weight when the caller has it."""
    if _FEATURE_ORDER != RANK_FEATURES:  # the vectors below are written in _FEATURE_ORDER
        raise RuntimeError("describe's features are not in scoring.RANK_FEATURES order")
    if total is None:
        total = sum(t.weight for t in query.terms) or 1.0
    # lists, not generators: the same sums and maxima (speed)
    entity_total = sum([t.weight for t in query.terms if t.entity])
    best_cov = max([c.coverage for c in cands])
    # units quoting the same sentence (a statement and what is derived from it) share its side
    sides = _sentence_sides(index, query, list(dict.fromkeys([c.sentences[0] for c in cands])), total)
    doc_cov: dict[str, float] = {}
    for side in sides.values():
        doc = side.record.document
        if doc not in doc_cov:
            doc_cov[doc] = _coverage_of(query, index.document_terms[doc], total)
    best_doc = max(doc_cov.values()) or 1.0
    terms = query.terms
    # what of the question's terms each holds was tallied when its hits were found (Matcher._hits)
    bm25s = [c.tally[0] * sides[c.sentences[0]].tf_part / total for c in cands]  # type: ignore[index]
    best_bm25 = max(bm25s)
    best_meaning = max([side.meaning for side in sides.values()])
    n_terms = math.log1p(len(terms))
    max_idf = index.max_idf
    article_weights: dict[str, tuple[list[float], float]] = {}
    # units quoting one sentence share its hits (the same dict, Matcher._candidate): summed once
    article_covs: dict[tuple[str, int], float] = {}
    phrasing_of = _phrasing_scores(query, cands, index)
    entity_only, entities = query.entity_only, query.entities
    # of one article whose terms' df are their counts in it, _article_coverage's weights are the terms'
    # weights (rarity 1.0) summed in the same order as total and _hits' tally (speed: ~6 sums a question)
    rarity_is_one = index.rarity_is_one
    for c, bm25, phrasing in zip(cands, bm25s, phrasing_of, strict=True):
        twin = c.twin
        if twin is not None and twin.features:  # described already: the same vector (speed)
            c.features = twin.features.copy()
            continue
        matched, via, entity_hit, unmatched_max, missing_entity = c.tally  # type: ignore[misc]
        via /= matched
        unit = c.unit
        record, meaning, set_ratio, paragraph_coverage, shape, kinds, place, _ = sides[c.sentences[0]]
        document = record.document
        coverage, p_coverage = c.coverage, c.p_coverage
        # speed: conditionals instead of float(bool) and max(): the same values without a call each
        gain = paragraph_coverage - coverage
        described = (
            1.0
            if entity_only
            and unit.answer_type == "description"
            and (
                unit.fact_id.rsplit("/", 1)[-1] in entities
                or any(fold(index.entities[e].name) in fold(unit.object) for e in entities)
            )
            else 0.0
        )
        if rarity_is_one:  # each term weighs its own weight in the article: the tally's sum, exactly
            article = matched / total
        else:
            at = (document, id(c.hits))
            article = article_covs.get(at)
            if article is None:
                article = _article_coverage(index, query, document, c.hits, article_weights)
                article_covs[at] = article
        set_ratio /= 100
        close = phrasing - 0.6
        # in _FEATURE_ORDER, checked above against scoring.RANK_FEATURES; a list, not a dict:
        # speed, ~7 vectors a question
        c.features = [
            coverage,  # coverage
            p_coverage,  # p_coverage
            entity_hit / entity_total if entity_total else 1.0,  # entity_coverage
            coverage - best_cov,  # coverage_gap
            c.unpaired,  # unpaired
            1.0 if coverage >= 0.5 and p_coverage >= 0.5 else 0.0,  # covers_half
            1.0 if p_coverage <= ASKED_MISSING_BELOW else 0.0,  # asked_missing
            bm25,  # bm25
            bm25 - best_bm25,  # bm25_gap
            meaning,  # meaning
            meaning - best_meaning,  # meaning_gap
            unmatched_max / max_idf,  # unmatched_max
            1.0 if missing_entity else 0.0,  # unmatched_entity
            *shape,  # bigrams, spread, novelty
            gain if gain > 0.0 else 0.0,  # paragraph_gain
            doc_cov[document] / best_doc,  # document_share
            article,  # article_coverage
            set_ratio if set_ratio > phrasing else phrasing,  # fuzz
            via,  # via_synonym
            *kinds,  # type_match, type_miss, quantity_match, quantity_miss
            described,  # described
            1.0 if unit.origin == "hand" else 0.0,  # hand
            phrasing,  # hand_phrasing
            (close if close > 0.0 else 0.0) / 0.4,  # hand_phrasing_close
            *place,  # headline, quote, length, position
            n_terms,  # n_terms
        ]


def _article_coverage(
    index: Index,
    query: Query,
    document: str,
    hits: dict[int, float],
    weights: dict[str, tuple[list[float], float]],
) -> float:
    """Coverage with each question term weighed by its rarity in the candidate's own article, not in the
    whole base: other articles (a large base of them) do not change which of its sentences says most."""
    got = weights.get(document)
    if got is None:
        ws = [t.weight * index.rarity_in(document, t.key) for t in query.terms]
        got = weights[document] = (ws, sum(ws) or 1.0)
    ws, total = got
    matched = 0.0
    for i, factor in hits.items():  # sum() of the same products in the same order, without a generator
        matched += ws[i] * factor
    return matched / total


def _phrasing_scores(query: Query, cands: list[Candidate], index: Index) -> list[float]:
    """Per candidate, how well its best hand-written phrasing matches the question, 0..1 (0.0 for
    derived units). Speed: one rapidfuzz call over all of them prepares the question once."""
    out = [0.0] * len(cands)
    if not query.content_text:
        return out
    # speed: one pass over the candidates, lists extended in C
    owner: list[int] = []
    phrasings: list[str] = []
    swapped: list[bool] = []  # the phrasing names another entity where the question names its own
    named_asked = frozenset(query.entities)
    for k, c in enumerate(cands):
        unit = c.unit
        if unit.origin == "hand":
            phrasings += _sorted_words(unit.ask_terms)
            owner += [k] * len(unit.ask_terms)
            for named in _phrasing_names(index, unit):
                swapped.append(bool(named) and bool(named_asked) and not named & named_asked)
    if not owner:
        return out
    best = [0.0] * len(cands)
    # token_sort_ratio is ratio of the two texts' words sorted and joined: the phrasings' side is
    # sorted once per phrasing, not once per question (speed)
    asked = " ".join(sorted(query.content_text.split()))
    scored = process.extract(asked, phrasings, scorer=fuzz.ratio, limit=None)
    for _, score, at in scored:
        k = owner[at]
        if swapped[at]:  # "why did Slovakia change its mind" is no phrasing of "why did Orban..."
            score *= SWAPPED_NAME_FACTOR
        if score > best[k]:
            best[k] = score
    return [score / 100 for score in best]


SWAPPED_NAME_FACTOR = 0.5  # a phrasing's match when it names another entity than the question


def _phrasing_names(index: Index, unit: Unit) -> tuple[frozenset[str], ...]:
    """The entities each hand-written phrasing of *unit* names (by the base's aliases), kept per unit."""
    got = index.phrasing_names.get(unit.fact_id)
    if got is None:
        got = tuple(frozenset(index.find_entities(tokens(text))) for text in unit.ask)
        index.phrasing_names[unit.fact_id] = got
    return got


_SORTED_KEPT = 50_000
_sorted: dict[tuple[str, ...], tuple[str, ...]] = {}


def _sorted_words(texts: tuple[str, ...]) -> tuple[str, ...]:
    """Each of *texts* with its words sorted, as token_sort_ratio reads it (kept per tuple of texts)."""
    got = _sorted.get(texts)
    if got is None:
        if len(_sorted) >= _SORTED_KEPT:
            _sorted.clear()  # bounded however many phrasings bases hold
        got = _sorted[texts] = tuple([" ".join(sorted(t.split())) for t in texts])
    return got


def _sentence_sides(
    index: Index, query: Query, sentences: list[int], total: float
) -> dict[int, _SentenceSide]:
    """Each sentence's side of the features, computed once however many candidates quote it."""
    q_stems = query.content_text.split()
    q_bigrams = set(zip(q_stems, q_stems[1:], strict=False))
    q_keys = {t.key for t in query.terms}
    for t in query.terms:
        q_keys |= t.alternatives
    made = index.fixed
    fixed = [made[i] for i in sentences]  # index.sentence_fixed, read in C
    meanings = _meanings(index, query, sentences)
    # one rapidfuzz call for all sentences: it prepares the question's words once, not once a sentence
    set_ratios = [0.0] * len(sentences)
    for _, ratio, k in process.extract(
        query.content_text, [f.stem_set for f in fixed], scorer=fuzz.token_set_ratio, limit=None
    ):
        set_ratios[k] = ratio
    para_cov: dict[tuple[str, int], float] = {}
    paragraph_terms = index.paragraph_terms
    sides = {}
    wanted = query.wanted
    typed = query.qtype in _TYPED  # else _type_agreement is (0.0, 0.0) whatever the sentence
    for i, f, meaning, set_ratio in zip(sentences, fixed, meanings, set_ratios, strict=True):
        s = f.record
        bigrams = len(q_bigrams & f.bigrams) / len(q_bigrams) if q_bigrams else 0.0
        # positions of the question's words, found in C
        at = list(compress(count(), map(q_keys.__contains__, f.stems)))
        spread = (at[-1] - at[0] + 1 - len(at)) / f.width if len(at) > 1 else 0.0
        where = f.paragraph
        cov = para_cov.get(where)
        if cov is None:
            cov = para_cov[where] = matched_weight(query, paragraph_terms[where]) / total  # _coverage_of
        has_quantity = 1.0 if wanted and wanted & s.quantities else 0.0
        quantity_miss = 1.0 if wanted and not has_quantity else 0.0
        sides[i] = _new_side(
            _SentenceSide,
            (
                s,
                meaning,
                set_ratio,
                cov,
                (bigrams, spread, 1.0 - len(at) / f.width),
                (*_type_agreement(index, query, s), has_quantity, quantity_miss)
                if typed
                else (0.0, 0.0, has_quantity, quantity_miss),
                f.place,
                f.tf_part,
            ),
        )
    return sides


def _meanings(index: Index, query: Query, sentences: list[int]) -> list[float]:
    """Cosine of the question's meaning vector with each sentence's (0.0 when either has none).

    Speed: the question's vector is unboxed and its norm taken once, the sentences' norms come cached,
    so each cosine is one dot product; the arithmetic is wordvectors.cosine's, to the last bit.
    """
    q_meaning = index.meaning(query.words)
    if q_meaning is None:
        return [0.0] * len(sentences)
    q_list = q_meaning.tolist()
    q_norm = math.hypot(*q_list)
    out = []
    meaning_parts = index.meaning_parts  # index.sentence_meaning_parts, read in C
    for i in sentences:
        parts = meaning_parts[i]
        if parts is None:
            out.append(0.0)
            continue
        s_vec, s_norm = parts
        norms = q_norm * s_norm
        out.append(dot(q_list, s_vec) / norms if norms else 0.0)
    return out


# who did it, named after "by": "promoted by Live Nation", "bought by the Japanese publisher Hoshino"; not
# when ("by Thursday", "by the end of March")
_BY_A_NAME = re.compile(
    r"\bby (?:[a-z]+ ){0,3}(?!(?:" + "|".join(w.title() for w in (*WEEKDAYS, *MONTHS)) + r")\b)[A-Z]"
)
# the kinds of question _type_agreement reads the sentence for; of any other it is (0.0, 0.0)
_TYPED = frozenset({"date", "number", "age", "duration", "place", "person", "reason", "name"})


def _type_agreement(index: Index, query: Query, s) -> tuple[float, float]:
    """(holds the kind of answer asked for, asks for a date or number and holds none)."""
    kinds = s.kinds
    qt = query.qtype
    if qt == "date":
        return float("date" in kinds), float("date" not in kinds)
    if qt in ("number", "age"):
        return float("number" in kinds), float("number" not in kinds)
    if qt == "duration":
        has = "number" in kinds or "date" in kinds
        return float(has), float(not has)
    if qt in ("place", "person"):
        others = {index.entities[e].kind for e in s.entities if e not in query.entities}
        if qt == "place":
            return float(bool(others & {"place", "country"}) or s.names_a_place), 0.0
        named = bool(others & {"person", "organisation", "country"})
        return float(named or _BY_A_NAME.search(s.text) is not None), 0.0
    if qt == "reason":
        return float(s.has_reason), 0.0
    if qt == "name":
        return float(_names_one(query, s.text)), 0.0
    return 0.0, 0.0


# a name the sentence gives: "known as HELIOS-2", "The drug, called velpitant", "a lander called Pika"
_NAMING = re.compile(
    r"\bknown (?:for now |to [\w ]{1,30} )?as \S"
    r"|, (?:called|named|dubbed|nicknamed) (?!(?:the|a|an|for|on|it|him|her|them)\b)\S"
    r"|\b(?:called|named|dubbed|nicknamed|titled) [\"“‘']?[A-Z0-9]"
)
# a word and the name after it: "a rover, Pika,", "Her sitcom Half Board", "The trophy, the Heathcote Cup"
_WORD_THEN_NAME = re.compile(r"\b([a-z][\w-]*),? (?:the )?[\"“‘']?(?=[A-Z0-9])")


def _names_one(query: Query, text: str) -> bool:
    """Whether the sentence gives a name: by a naming word, or right after a word the question asks of."""
    if _NAMING.search(text):
        return True
    asked = {t.key for t in query.terms}
    return any(stem(m.group(1)) in asked for m in _WORD_THEN_NAME.finditer(text))
