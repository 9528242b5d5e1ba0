"""Describe each (question, candidate) pair by the numbers the scoring model reads."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from .index import Index, Unit
from .scoring import RANK_FEATURES
from .text import fold
from .wordvectors import dot

if TYPE_CHECKING:
    from .matcher import Query

BM25_K1 = 1.2
BM25_B = 0.75


@dataclass
class Candidate:
    """A unit that may answer the question, with how it matched."""

    unit: Unit
    coverage: float
    p_coverage: float
    hits: dict[int, float]  # question term index -> match factor
    sentences: tuple[int, ...]  # the unit's sentences, best covering first
    unpaired: float = 0.0  # share of the question's weight matched away from the entity it belongs to
    position: int = 0  # the unit's place in the index, to break ties the same way every time
    features: list[float] = field(default_factory=list)
    score: float = 0.0


def _term_weight_total(query: Query) -> tuple[float, float]:
    total = sum(t.weight for t in query.terms) or 1.0
    entity_total = sum(t.weight for t in query.terms if t.entity)
    return total, entity_total


def _coverage_of(query: Query, terms: set[str] | frozenset[str], total: float) -> float:
    return sum(t.weight * t.factor(terms) for t in query.terms) / total


def describe(index: Index, query: Query, cands: list[Candidate]) -> None:
    """Fill each candidate's feature vector (see scoring.RANK_FEATURES for the order)."""
    total, entity_total = _term_weight_total(query)
    best_cov = max(c.coverage for c in cands)
    q_stems = query.content_text.split()
    q_bigrams = set(zip(q_stems, q_stems[1:], strict=False))
    q_keys = {t.key for t in query.terms}
    for t in query.terms:
        q_keys |= t.alternatives
    firsts = [c.sentences[0] for c in cands]
    records = [index.sentences[i] for i in firsts]  # each record looked up once, not in every pass
    doc_cov: dict[str, float] = {}
    for s in records:
        if s.document not in doc_cov:
            doc_cov[s.document] = _coverage_of(query, index.document_terms[s.document], total)
    best_doc = max(doc_cov.values()) or 1.0
    terms = query.terms
    matched_weights = [sum(terms[ti].weight * f for ti, f in c.hits.items()) for c in cands]
    bm25s = []
    avg = index.average_length or 1.0
    for s, matched in zip(records, matched_weights, strict=True):
        tf_part = (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + BM25_B * s.length / avg))
        bm25s.append(matched * tf_part / total)
    best_bm25 = max(bm25s)
    meanings = _meanings(index, query, firsts)
    best_meaning = max(meanings)
    stems = [index.stems(i) for i in firsts]
    # one rapidfuzz call for all candidates: it prepares the question's words once, not once a candidate
    set_ratios = [0.0] * len(cands)
    for _, ratio, k in process.extract(
        query.content_text, [joined for _, joined, _ in stems], scorer=fuzz.token_set_ratio, limit=None
    ):
        set_ratios[k] = ratio
    n_terms = math.log1p(len(terms))
    para_cov: dict[tuple[str, int], float] = {}
    in_order = False
    for c, s, (s_stems, _, s_bigrams), set_ratio, bm25, meaning, matched in zip(
        cands, records, stems, set_ratios, bm25s, meanings, matched_weights, strict=True
    ):
        unit = c.unit
        hits = c.hits
        entity_hit = unmatched_max = 0.0
        missing_entity = False
        for ti, t in enumerate(terms):
            f = hits.get(ti)
            if f is None:
                missing_entity = missing_entity or t.entity
                if not t.light and t.weight > unmatched_max:
                    unmatched_max = t.weight
            else:
                if t.entity:
                    entity_hit += t.weight
        bigrams = len(q_bigrams & s_bigrams) / len(q_bigrams) if q_bigrams else 0.0
        at = [i for i, w in enumerate(s_stems) if w in q_keys]
        spread = (at[-1] - at[0] + 1 - len(at)) / max(1, len(s_stems)) if len(at) > 1 else 0.0
        novelty = 1.0 - len(at) / max(1, len(s_stems))
        where = (s.document, s.paragraph)
        if where not in para_cov:
            para_cov[where] = _coverage_of(query, index.paragraph_terms[where], total)
        paragraph_gain = max(0.0, para_cov[where] - c.coverage)
        via = sum(query.terms[ti].weight * f for ti, f in c.hits.items() if f < 1.0) / matched
        type_match, type_miss = _type_agreement(index, query, s)
        described = float(
            query.entity_only
            and unit.answer_type == "description"
            and (
                unit.fact_id.rsplit("/", 1)[-1] in query.entities
                or any(fold(index.entities[e].name) in fold(unit.object) for e in query.entities)
            )
        )
        phrasing = 0.0
        if unit.origin == "hand" and unit.ask_terms and query.content_text:
            phrasing = max(fuzz.token_sort_ratio(query.content_text, a) for a in unit.ask_terms) / 100
        named = {
            "coverage": c.coverage,
            "p_coverage": c.p_coverage,
            "entity_coverage": entity_hit / entity_total if entity_total else 1.0,
            "coverage_gap": c.coverage - best_cov,
            "unpaired": c.unpaired,
            "covers_half": float(c.coverage >= 0.5 and c.p_coverage >= 0.5),
            "asked_missing": float(c.p_coverage <= 0.05),
            "bm25": bm25,
            "bm25_gap": bm25 - best_bm25,
            "meaning": meaning,
            "meaning_gap": meaning - best_meaning,
            "unmatched_max": unmatched_max / index.max_idf,
            "unmatched_entity": float(missing_entity),
            "bigrams": bigrams,
            "spread": spread,
            "novelty": novelty,
            "paragraph_gain": paragraph_gain,
            "document_share": doc_cov[s.document] / best_doc,
            "fuzz": max(phrasing, set_ratio / 100),
            "via_synonym": via,
            "type_match": type_match,
            "type_miss": type_miss,
            "quantity_match": float(bool(query.wanted and query.wanted & s.quantities)),
            "quantity_miss": float(bool(query.wanted and not query.wanted & s.quantities)),
            "described": described,
            "hand": float(unit.origin == "hand"),
            "hand_phrasing": phrasing,
            "hand_phrasing_close": max(0.0, phrasing - 0.6) / 0.4,
            "headline": float(s.is_headline or s.is_caption),
            "quote": float(s.is_quote),
            "length": math.log1p(s.length),
            "position": math.log1p(s.ordinal),
            "n_terms": n_terms,
        }
        # the values in insertion order are the vector; checked once a call against the one true order
        if not in_order and tuple(named) != RANK_FEATURES:
            raise RuntimeError("describe's features are not in scoring.RANK_FEATURES order")
        in_order = True
        c.features = list(named.values())


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
    for i in sentences:
        parts = index.sentence_meaning_parts(i)
        if parts is None:
            out.append(0.0)
            continue
        s_vec, s_norm = parts
        norms = q_norm * s_norm
        out.append(dot(q_list, s_vec) / norms if norms else 0.0)
    return out


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
        wanted = {"place", "country"} if qt == "place" else {"person", "organisation", "country"}
        return float(bool(others & wanted)), 0.0
    if qt == "reason":
        return float(s.has_reason), 0.0
    return 0.0, 0.0
