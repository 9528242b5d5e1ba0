"""Answer a question from the index: fuzzy terms and entities, typed scoring, honest abstention."""

from __future__ import annotations

import heapq
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter, itemgetter

from .abstention import YES_NO_OPENERS, AbstentionRules
from .answer_forms import AnswerForms
from .features import Candidate, Tally, describe, matched_weight
from .gate import AnswerGate, default_gate, gate_row
from .gazetteer import WEEKDAYS
from .index import QUANTITY_PREFIX, Index, Unit
from .lexicon import PHRASES
from .model import IDK, IDK_MANY, Answer, FactRef
from .question import KIN_FACTOR, RELATED_KEPT, SYNONYM_FACTOR, Query, Term, _first_words, _Reading
from .question_reading import QuestionReading
from .reranker import Reranker, default_reranker
from .scoring import (
    ASKED_MISSING_BELOW,
    MIN_COVERAGE,
    PERFECT_OPENERS,
    RANK_FEATURES,
    ScoringModel,
    calibration_row,
    off_topic,
    off_topic_by,
)
from .text import STOPWORDS, is_english_word, stem, tokens
from .wordvectors import default_vectors, dot

PRUNE_BELOW = 0.25  # a unit must be able to reach this coverage to be found
PAIR_WINDOW = 8  # content words between a noun and the entity it belongs to
CANDIDATES = 30  # units scored in full after the first pass
COMMON_POSTINGS = 512  # a word in more units than this adds none to those rarer words found
RERANK = 8  # the most covering of those, described for the fitted ranker
WEIGHTED_KEPT = 200_000  # units in the per-word dicts of what a term adds to each (_weighted_units)
_TIE_BREAK = 1e-9  # added to the matched weight of a unit holding the quantity asked for
_new_tuple = tuple.__new__
# a runner-up holding this share of the question's weight and of its own words answers when the best is
# off topic (_covering_after)
COVERING = 0.9
# an article holding less than this share of the question's weight the best article holds is not suggested
HOLDING = 0.8
# suggestions: an article's order is its share of the best article's weight, plus this times the cosine of
# its meaning with the question's ("how many got worse" of the drug trial), plus SUGGEST_LEAD for the
# article of the ranker's best sentence (tester rounds 400-599: the right article first for 3,505 -> 3,547
# of 3,967 answerable questions abstained on)
SUGGEST_MEANING = 2.0
SUGGEST_LEAD = 0.6
SUGGEST_SENTENCES = 40  # an article's meaning is its first sentences' (speed: a long one costs no more)
SUGGEST_READ = 8  # of a base of more articles, only these, most covering first, are read for meaning
_COVERAGE = RANK_FEATURES.index("coverage")
_P_COVERAGE = RANK_FEATURES.index("p_coverage")
_POSITION = attrgetter("position")
_SCORE = attrgetter("score")
_WEIGHT = attrgetter("weight")


@dataclass(frozen=True, slots=True)
class _Tie:
    """A noun the question ties to an entity ("president of France"), ready for measuring distances."""

    term: int  # the noun's index in the question's terms
    weight: float
    entity: str
    names: frozenset[str]  # the words of the entity's aliases
    stems: frozenset[str]  # the noun's stem and its alternatives


# (term index, key, alternatives, kin, weight counted in p_matched or 0.0, weight, entity, light) per
# question term; see _hit_spec
_HitSpec = list[tuple[int, str, frozenset[str], frozenset[str], float, float, bool, bool]]


# (word's, kin's, synonyms' postings, any of the first two common, kin-only units, synonym-only units)
_Postings = tuple[
    Sequence[int], list[Sequence[int]], list[Sequence[int]], bool, tuple[int, ...], tuple[int, ...]
]


def _read_as(unit: Unit) -> str:
    """What a unit is read as, for telling two readings of one sentence apart: a hand fact, or the
    kind of answer it gives."""
    return unit.origin if unit.origin == "hand" else unit.answer_type


class _UnitReads(dict[int, tuple[Unit, str, "int | None"]]):
    """Unit -> (its record, _read_as of it, its one sentence or None for several), made when first
    read (a dict, so that reading one made is a C-level lookup; bounded like the index's caches)."""

    def __init__(self, units: Sequence[Unit]):
        super().__init__()
        self._units = units

    def __missing__(self, u: int) -> tuple[Unit, str, int | None]:
        unit = self._units[u]
        got = (unit, _read_as(unit), unit.sentences[0] if len(unit.sentences) == 1 else None)
        if len(self) >= RELATED_KEPT:
            self.clear()
        self[u] = got
        return got


_DATE_WORD = re.compile(r"(?:1[5-9]|20)\d\d|" + "|".join(stem(d) for d in WEEKDAYS))  # a year, a weekday


def _plain(unit: Unit, entity_only: bool) -> bool:
    """Whether describe gives *unit* no feature of its own: no hand fact (phrasings), and no description
    of a name when the question names only (described); the rest of its vector is its sentence's, its
    hits' and its first-pass values'."""
    return unit.origin != "hand" and not (entity_only and unit.answer_type == "description")


def _by_weight_then_order(item: tuple[int, float]) -> tuple[float, int]:
    return item[1], -item[0]


@lru_cache(maxsize=1)
def _default_model() -> ScoringModel:
    return ScoringModel.load()


def _most_covering_first(found: Iterable[Candidate], bounds: list[float]) -> Iterator[Candidate]:
    """*found* by (-coverage, position), as sorted() would give them, made only as far as read.

    bounds[k] is the k-th candidate's coverage before any loss, not increasing with k: a candidate
    made is given out once it covers more than the next one could (speed: most are never made).
    """
    heap: list[tuple[float, int, Candidate]] = []
    making = iter(found)
    for bound in bounds:
        while heap and -heap[0][0] > bound:
            yield heapq.heappop(heap)[2]
        c = next(making)
        heapq.heappush(heap, (-c.coverage, c.position, c))
    while heap:
        yield heapq.heappop(heap)[2]


class Matcher(QuestionReading, AbstentionRules, AnswerForms):
    """Turns questions into Answers against one Index."""

    def __init__(
        self,
        index: Index,
        model: ScoringModel | None = None,
        reranker: Reranker | None = None,
        gate: AnswerGate | None = None,
    ):
        self.index = index
        self.model = model or _default_model()
        # the shipped reranker and gate go with the shipped model only: a model fitted anew stands alone
        self.reranker = reranker if reranker is not None or model is not None else default_reranker()
        self.gate = gate if gate is not None or model is not None else default_gate()
        self._alias_words = sorted({w for key in index.alias_to_entity for w in key if len(w) >= 4})
        self._alias_word_set = frozenset(w for key in index.alias_to_entity for w in key) - STOPWORDS
        # an alias's first word -> the lengths of the aliases it starts, longest first ("the": 2, 3)
        sizes: dict[str, set[int]] = {}
        for key in index.alias_to_entity:
            if key:
                sizes.setdefault(key[0], set()).add(len(key))
        self._alias_sizes = {w: tuple(sorted(n, reverse=True)) for w, n in sizes.items()}
        # a name of two or three words written as one ("jpmorgan", "livenation"), unless that is a word
        joined: dict[str, set[str]] = {}
        for key, eid in index.alias_to_entity.items():
            if 2 <= len(key) <= 3 and len("".join(key)) >= 5:
                joined.setdefault("".join(key), set()).add(eid)
        self._joined_aliases = {
            w: next(iter(e)) for w, e in joined.items() if len(e) == 1 and not is_english_word(w)
        }
        self._hyphenated = lru_cache(maxsize=4096)(self._hyphenated_uncached)
        self._written_lower = lru_cache(maxsize=4096)(self._written_lower_uncached)
        self._vocab_words = sorted(w for w in index.vocab if len(w) >= 4 and not w.isdigit())
        self._correct = lru_cache(maxsize=4096)(self._correct_uncached)
        # a sentence's words, and their stems, stopwords kept (role_swapped reads "was ... by", denied
        # "not"), kept per sentence
        self._sentence_words = lru_cache(maxsize=4096)(
            lambda sentence: tuple(tokens(index.sentences[sentence].text))
        )
        self._stemmed_tokens = lru_cache(maxsize=4096)(
            lambda sentence: tuple(map(stem, self._sentence_words(sentence)))
        )
        self._common_word = lru_cache(maxsize=4096)(self._common_word_uncached)
        self._english = default_vectors().index  # the common English words the vectors know
        self._roles: dict[tuple[str, str], list[str]] = {}
        self._entity_words: dict[str, frozenset[str]] = {}
        self._document_meanings: dict[str, tuple[list[float], float] | None] = {}
        self._names: dict[tuple[tuple[str, ...], str], tuple[Term, list[Term]]] = {}  # see _named
        self._known_words: dict[str, Term] = {}  # a word of the base -> its term, as _word_terms reads it
        self._unknown_words: dict[str, _Reading] = {}  # any other content word -> _read_word's reading
        self._number_words: dict[str, int] = {}  # a word not of the base -> the number >= 2 it states, or 0
        self._names_nothing: set[str] = set()  # words that start no name and are no misspelt one
        self._name_stems: dict[str, set[str]] = {}
        self._related: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._holding: dict[frozenset[str], frozenset[int]] = {}
        # (name term, the words naming it) of a question -> the articles naming all of them
        self._articles_naming: dict[tuple[tuple[str, frozenset[str] | None], ...], tuple[str, ...]] = {}
        self._units_by_article: dict[str, list[int]] | None = None  # see _article_units
        self._name_word_sets: dict[str, frozenset[str]] = {}  # see _name_words
        self._surely_person: dict[str, bool] = {}  # see _surely_people
        self._alike: dict[tuple[str, str], bool] = {}  # see _alike_names (it depends on the base alone)
        self._given: dict[str, frozenset[str]] | None = None  # _given_names, made when first needed
        self._families: dict[str, frozenset[str]] | None = None  # _family_names, made when first needed
        # (entity, tied word's stems, unit's sentences) -> whether the word is far from the name there
        self._far: dict[tuple[str, frozenset[str], tuple[int, ...]], bool] = {}
        self._base_numbers: frozenset[int] | None = None  # every number the base states, when first asked
        self._one_article = len(index.document_terms) <= 1  # ties need no article to break them
        self._postings: dict[tuple[str, frozenset[str], frozenset[str], int], tuple] = {}
        # unit -> (its record, what it is read as, its one sentence or None): read per unit (speed)
        self._unit_reads: dict[int, tuple[Unit, str, int | None]] = _UnitReads(index.units)
        self._weighted: dict[tuple[str, frozenset[str], frozenset[str], int, float], dict[int, float]] = {}
        self._weighted_size = 0  # units held by the dicts kept in _weighted
        # an idiom is rewritten only when the base has the word it becomes ("took part" stays
        # "took part" in an article that never says "participate")
        self._phrases = {p: t for p, t in PHRASES.items() if all(stem(w) in index.idf for w in t.split())}
        self._no_acronym: set[str] = set()  # words _spell_out_acronyms reads as themselves in any question
        # words both it and _split_joined_words read as themselves in any question (analyse's gate)
        self._as_written: set[str] = set()
        self._phrase_re = (
            re.compile(r"\b(?:" + "|".join(re.escape(p) for p in self._phrases) + r")\b")
            if self._phrases
            else None
        )
        self._phrase_firsts = _first_words(self._phrases)

    # --- scoring ----------------------------------------------------------

    def answer(self, question: str, version: str = "") -> Answer:
        """The best supported answer to *question*, or an abstention; *version* names the base."""
        query = self.analyse(question)
        if not query.answerable:
            return self._abstain(question, query, version)
        kept, total = self._first_pass(query, gated=True)
        # the best is one of *kept*: when each of them is off topic, the answer is an abstention
        # whatever describe would find, so it is not asked (speed: ~1 question in 9)
        for c in kept:  # all(), without a generator: most questions stop at the first
            if not self._off_topic_before_describe(query, c):
                break
        else:
            return self._abstain(question, query, version, kept[0] if kept else None)
        describe(self.index, query, kept, total)
        if query.spelled_out:  # the sentence spelling it out may rank below the first five
            ranked = self._ranked(kept, limit=len(kept))
            self._spelling_out_first(query.spelled_out, ranked)
        else:
            ranked = self._ranked(kept)
            first = ranked[0]
            # a first not about the question is read as below (a runner-up holding all of it may answer)
            if self.reranker is not None and not off_topic(first.features):
                self.reranker.reorder(ranked, query.asks)
                # a question whose first candidate answers another question (a swap) is one the article
                # may not answer: another candidate put first does not make it answered
                if ranked[0] is not first and self.swapped(query, first.sentences[0]):
                    return self._abstain(question, query, version, first)
        self.answer_form_first(query, ranked)
        best = ranked[0]
        if off_topic(best.features):
            # the best is not about what is asked; a sentence holding all the question's words may be
            covering = self._covering_after(ranked)
            if covering is None:  # abstains whatever its confidence: the calibrator is not asked
                return self._abstain(question, query, version, best)
            ranked = ranked[covering:]
            best = ranked[0]
        if self.swapped(query, best.sentences[0]):  # the calibrator is not asked either
            return self._abstain(question, query, version, best)
        if self.index.sentences[best.sentences[0]].is_headline:
            body = self._body_after_headline(query, ranked)
            if body is None:  # what only the headline says
                return self._abstain(question, query, version, best)
            ranked = ranked[body:]
            best = ranked[0]
        confidence, threshold = self._confidence(query, best, ranked[1].score if len(ranked) > 1 else None)
        if confidence < threshold:
            return self._abstain(question, query, version, best)
        unit = best.unit
        quoted = best.sentences
        answering = self.index.answered_question(quoted[-1])
        citations = tuple([self.index.citation(s) for s in quoted + answering])
        fact = FactRef(unit.fact_id, unit.subject, unit.relation, unit.object, unit.origin)
        if unit.relation != "states" and (
            unit.answer_type != "description"
            or not query.wanted  # a description answers no "how old": the quoted sentence has the age
            and self._description_answers(query, unit.answer)
        ):
            text = unit.answer
        else:  # a sentence that asks is quoted with what answers it
            text = " ".join(c.text for c in citations) if answering else citations[0].text
        return Answer(
            question=question,
            text=text,
            citations=citations,
            confidence=confidence,
            fact=fact,
            version=version,
        )

    def _confidence(self, query: Query, best: Candidate, runner_up: float | None) -> tuple[float, float]:
        """The probability that *best* answers *query*, and the one below which the bot abstains: the
        gate's when one is shipped, else the calibrator's (read anew for yes-no questions)."""
        calibration = calibration_row(best.score, runner_up, best.features, query.asks)
        yes_no = bool(query.toks[:1]) and query.toks[0] in YES_NO_OPENERS
        perfect = yes_no and query.toks[0] in PERFECT_OPENERS
        if self.gate is not None:
            return self.gate.probability(gate_row(calibration, yes_no, perfect)), self.gate.threshold
        # off_topic passed: the calibrator's splits on quantity_miss are taken when compiled (speed)
        confidence = self.model.confidence_on_topic(calibration)
        if yes_no:
            confidence = self.model.yes_no_confidence(confidence, perfect)
        return confidence, self.model.threshold

    def _body_after_headline(self, query: Query, ranked: list[Candidate]) -> int | None:
        """Where the first candidate below a headline best stands, when it is on topic and no swap: a
        headline says in few words what a sentence below says in full ("... as Moonlit Walk raises £1.3m"
        was quoted for what the walk raised, the £1.3m being the hospice's year), and answered 4 of the
        62 questions testers saw it quoted for."""
        sentences = self.index.sentences
        body = next((i for i, c in enumerate(ranked) if not sentences[c.sentences[0]].is_headline), None)
        if body is None or off_topic(ranked[body].features) or self.swapped(query, ranked[body].sentences[0]):
            return None
        return body

    @staticmethod
    def _covering_after(ranked: list[Candidate]) -> int | None:
        """Where the first candidate after an off-topic best stands that is on topic and holds nearly all
        the question's weight and its own words ("Who won the Eastmoor County Darts Championship?": the
        ranker put the organiser's sentence first, "the oldest winner of the Eastmoor County Darts
        Championship" second); None when there is none."""
        for at, c in enumerate(ranked[1:], 1):
            f = c.features
            if not off_topic(f) and f[_COVERAGE] >= COVERING and f[_P_COVERAGE] >= COVERING:
                return at
        return None

    def _description_answers(self, query: Query, described: str) -> bool:
        """Whether a derived description ("Graham Ogilvie is Chief executive.") says all the question asks:
        each of its words, or a word asking what someone is or does; else the sentence itself is the answer
        ("Where did Graham Ogilvie work before Skyhaven?", "What does SAT stand for?")."""
        said = set(map(stem, tokens(described)))
        for t in query.terms:
            if t.light or t.key in _ASKING_WHAT_SOMEONE_IS:
                continue
            if t.entity:
                if said.isdisjoint(self._name_words(t.key[1:])):
                    return False
            elif t.key not in said and t.alternatives.isdisjoint(said):
                return False
        return True

    def _spelling_out_first(self, acronym: str, ranked: list[Candidate]) -> None:
        """Move to the front the sentence that spells the acronym out, as news does on first use:
        "the Japan Aerospace Exploration Agency (JAXA)"."""
        written = f"({acronym.lower()})"
        for i, c in enumerate(ranked):
            if written in self.index.sentences[c.sentences[0]].text.lower():
                ranked.insert(0, ranked.pop(i))
                return

    def ranked(self, query: Query) -> list[Candidate]:
        """The first candidates of *query* in the ranker's order, as answer reads them before the
        reranker (scripts/fit_reranker.py fits on them); none when answer abstains at once."""
        if not query.answerable:
            return []
        kept, total = self._first_pass(query, gated=True)
        if not kept:
            return []
        describe(self.index, query, kept, total)
        return self._ranked(kept)

    def candidates(self, query: Query) -> list[Candidate]:
        """Units that may answer *query*, with their features, most covering first."""
        kept, total = self._first_pass(query)
        if kept:
            describe(self.index, query, kept, total)
        return kept

    def _off_topic_before_describe(self, query: Query, c: Candidate) -> bool:
        """scoring.off_topic of *c*'s features, read before describe: every gate it reads is known
        from the first pass (coverage, p_coverage, unpaired) or the quoted sentence's quantities."""
        wanted = query.wanted
        quantity_miss = bool(wanted) and not wanted & self.index.sentences[c.sentences[0]].quantities
        asked_missing = c.p_coverage <= ASKED_MISSING_BELOW
        return off_topic_by(c.coverage, c.p_coverage, c.unpaired, asked_missing, quantity_miss)

    def _first_pass(self, query: Query, gated: bool = False) -> tuple[list[Candidate], float]:
        """The candidates describe is to read, most covering first, and the question's total weight;
        none when *gated* and no unit reaches the off-topic gate's coverage (answer then abstains)."""
        # lists, not generators: the same sums (speed)
        total = sum([t.weight for t in query.terms]) or 1.0
        p_total = sum([t.weight for t in query.terms if not t.entity and not t.light])
        acc = self._accumulate(query, total)
        if not self._one_article:
            self._drop_articles_lacking_names(query, acc)
        if query.wanted:  # of equally covering units, those holding the quantity asked for go first
            holding = self._units_holding(query.wanted)
            for u in acc.keys() & holding:
                acc[u] += _TIE_BREAK
        if query.spelled_out:  # of equally covering units, the one spelling the acronym out goes first
            written = f"({query.spelled_out.lower()})"
            units, sentences = self.index.units, self.index.sentences
            for u in acc:
                if written in sentences[units[u].sentences[0]].text.lower():
                    acc[u] += 2 * _TIE_BREAK
        # a candidate's coverage is its matched weight, less any loss, over the total: at most the
        # heaviest unit's, so under the gate every one of them is off topic (speed: none is made)
        if gated and (not acc or max(acc.values()) / total < MIN_COVERAGE):
            return [], total
        items: Iterable[tuple[int, float]] = acc.items()
        if len(acc) > 4 * CANDIDATES:  # sorting the bare weights in C first is ~3x faster, same result
            floor = sorted(acc.values(), reverse=True)[CANDIDATES - 1]
            top = [(u, v) for u, v in items if v >= floor]  # one pass over the many
            items = [(u, v) for u, v in top if v > floor]
            # thousands may tie at the floor: the first in the index win, as nlargest would pick them
            tied = heapq.nsmallest(CANDIDATES - len(items), [u for u, v in top if v == floor])
            items += [(u, floor) for u in tied]
        # as nlargest by _by_weight_then_order: two sorts in C instead of a key call per unit; the first
        # by unit alone (each is in one pair: the pairs' order), ints compared rather than pairs (speed)
        by_unit = sorted(items, key=itemgetter(0))
        ranked = self._ties_by_article(query, sorted(by_unit, key=itemgetter(1), reverse=True), total)
        ties = self._ties(query) if query.pairs else []
        spec = self._hit_spec(query)
        # units quoting one sentence share its terms (the same frozenset): their hits are found once
        hits_of: dict[frozenset[str], tuple[dict[int, float], float, Tally]] = {}
        # a sentence's statement and what is derived from it read the same: describe one of them
        seen: set[tuple[int, str]] = set()
        kept = []
        if query.pairs:  # a tied word found far from its name costs coverage: the order may change
            found = _most_covering_first(
                (self._candidate(query, spec, u, m, total, p_total, ties, hits_of) for u, m in ranked),
                [m / total for _, m in ranked],
            )
            for c in found:
                key = (c.sentences[0], _read_as(c.unit))
                if key not in seen:
                    seen.add(key)
                    kept.append(c)
                    if len(kept) == RERANK:
                        break
            return kept, total
        # else they come most covering first already, and only as many are made as are kept; a unit
        # of one sentence shows what it would be read as before it is made (speed: a unit that reads
        # as one kept already is not made)
        reads = self._unit_reads
        hits = self._hits
        no_loss = 0.0 / total  # what _candidate's sums come to with no tie: the same values
        plain_kept: dict[frozenset[str], Candidate] = {}  # a plain unit kept, made inline, by its terms
        entity_only = query.entity_only
        for u, m in ranked:
            unit, kind, one = reads[u]
            twin = None
            if one is None:
                c = self._candidate(query, spec, u, m, total, p_total, ties, hits_of, unit)
            elif (one, kind) in seen:
                continue
            else:  # _candidate of a one-sentence unit with no tie, inline (speed: ~7 a question)
                got = hits_of.get(unit.terms)
                if got is None:
                    got = hits_of[unit.terms] = hits(spec, unit.terms)
                elif plain_kept:
                    twin = plain_kept.get(unit.terms)
                p_coverage = got[1] / p_total if p_total else 1.0
                c = Candidate(unit, m / total, p_coverage, got[0], unit.sentences, no_loss, u, got[2])
                if twin is not None and (
                    twin.sentences[0] != one or twin.coverage != c.coverage or not _plain(unit, entity_only)
                ):
                    twin = None
            key = (c.sentences[0], kind)
            if key not in seen:
                seen.add(key)
                kept.append(c)
                if twin is not None:
                    # the same sentence, hits and values, and no feature of its own: describe and the
                    # ranker give it its twin's vector and score (speed: ~1 a question)
                    c.twin = twin
                elif one is not None and _plain(unit, entity_only):
                    plain_kept.setdefault(unit.terms, c)
                if len(kept) == RERANK:
                    break
        return kept, total

    def _candidate(
        self,
        query: Query,
        spec: _HitSpec,
        u: int,
        matched: float,
        total: float,
        p_total: float,
        ties: list[_Tie],
        hits_of: dict[frozenset[str], tuple[dict[int, float], float, Tally]],
        unit: Unit | None = None,
    ) -> Candidate:
        """Unit *u* as a candidate: what of the question it holds, its sentences best covering first.
        *hits_of* keeps _hits' result per set of terms for the question (read, never changed); *unit*
        is the unit's record when the caller has it."""
        if unit is None:
            unit = self.index.units[u]
        got = hits_of.get(unit.terms)
        if got is None:
            got = hits_of[unit.terms] = self._hits(spec, unit.terms)
        hits, p_matched, tally = got
        loss = self._unpaired_weight(unit, hits, ties) if ties else 0.0
        p_matched -= loss
        order = unit.sentences
        if len(order) > 1:
            order = tuple(sorted(order, key=lambda s: -self._sentence_cover(query, s)))
        p_coverage = p_matched / p_total if p_total else 1.0
        coverage = matched / total
        coverage -= loss / total
        return Candidate(unit, coverage, p_coverage, hits, order, loss / total, u, tally)

    def rank(self, query: Query, limit: int = 5) -> list[Candidate]:
        """Best candidates for *query* by the fitted ranker, best first."""
        return self._ranked(self.candidates(query), limit)

    def _ranked(self, found: list[Candidate], limit: int = 5) -> list[Candidate]:
        """Described candidates by the fitted ranker, one per quoted sentence, best first."""
        # a twin (_first_pass) comes after the candidate it copies and scores as it does (speed)
        scores = iter(self.model.scores([c.features for c in found if c.twin is None]))
        for c in found:
            c.score = next(scores) if c.twin is None else c.twin.score
        # by (-score, position): by position, then stably by score, highest first (speed: no key tuples)
        found.sort(key=_POSITION)
        found.sort(key=_SCORE, reverse=True)
        # one candidate per quoted sentence, so the runner-up is a different answer
        seen: set[int] = set()
        best = []
        for c in found:
            if c.sentences[0] not in seen:
                seen.add(c.sentences[0])
                best.append(c)
        return best[:limit]

    def _accumulate(self, query: Query, total: float) -> dict[int, float]:
        """Matched weight per unit. Heaviest terms first; once the terms left cannot carry a new unit
        to the answering threshold, only units already found are updated (MaxScore pruning)."""
        acc: dict[int, float] = {}
        remaining = total
        weighted = self._weighted  # what _weighted_units made, read in C (speed)
        # heaviest first, equal weights in the question's order: reverse keeps a sort stable (speed: a
        # C key instead of a lambda call per term)
        for term in sorted(query.terms, key=_WEIGHT, reverse=True):
            may_add = remaining >= PRUNE_BELOW * total
            remaining -= term.weight
            w = term.weight
            # _postings_of, its key made once for both caches (speed)
            key = (term.key, frozenset(term.kin), frozenset(term.alternatives), COMMON_POSTINGS)
            got = self._postings.get(key) or self._postings_of(term)
            post, kin_posts, synonym_posts, has_common, kin_only, synonym_only = got
            # each unit at its best factor once: the word's own units, then its kin's, then its synonyms'
            # (speed: the lists merged per word once, not per question)
            groups = [(post, w)]
            if kin_only:
                groups.append((kin_only, KIN_FACTOR * w))
            if synonym_only:
                groups.append((synonym_only, SYNONYM_FACTOR * w))
            if may_add and not has_common:  # the usual case: every list adds its units
                best = weighted.get((*key, w)) or self._weighted_units((*key, w), groups)
                if acc:  # the same sums (best[u] + acc[u]), without changing the kept dict
                    summed = {u: best[u] + acc[u] for u in best.keys() & acc.keys()}
                    acc.update(best)
                    acc.update(summed)
                else:
                    acc.update(best)
            elif may_add:
                lists = [(post, w)]
                lists += [(p, KIN_FACTOR * w) for p in kin_posts]
                lists += [(p, SYNONYM_FACTOR * w) for p in synonym_posts]
                best = {}
                for post, value in reversed(lists):  # best last: its value is the one kept
                    if len(post) <= COMMON_POSTINGS:
                        best.update(dict.fromkeys(post, value))
                # a very common word only ranks the units rarer words found, once they are enough
                common = [(p, v) for p, v in lists if len(p) > COMMON_POSTINGS]
                found = acc.keys() | best.keys() if common and len(acc) + len(best) >= CANDIDATES else None
                for post, value in reversed(common):
                    hits = dict.fromkeys(post if found is None else found.intersection(post), value)
                    for u in hits.keys() & best.keys():
                        hits[u] = max(hits[u], best[u])
                    best.update(hits)
                for u in best.keys() & acc.keys():
                    best[u] += acc[u]
                acc.update(best)
            elif not has_common:  # only units already found gain, each once at its best factor
                best = weighted.get((*key, w)) or self._weighted_units((*key, w), groups)
                for u in acc.keys() & best.keys():
                    acc[u] += best[u]
            else:  # only units already found gain: intersect in C instead of visiting each unit
                for units, value in groups:  # disjoint: each unit gains once, at its best factor
                    for u in acc.keys() & units:
                        acc[u] += value
        return acc

    def _weighted_units(self, key: tuple, groups: list[tuple[Sequence[int], float]]) -> dict[int, float]:
        """Unit -> what a term adds to it: *groups* (its disjoint postings with their values, no list
        common) merged into one dict, kept per word and weight (*key*: _postings_of's and the weight;
        speed: made once, not once a question). Read only: callers copy from it."""
        got = self._weighted.get(key)
        if got is None:
            got = {}
            for units, value in groups:
                got.update(dict.fromkeys(units, value))
            if self._weighted_size + len(got) > WEIGHTED_KEPT:
                self._weighted.clear()  # bounded by units kept, however many words users type
                self._weighted_size = 0
            self._weighted[key] = got
            self._weighted_size += len(got)
        return got

    def _postings_of(self, term: Term) -> _Postings:
        """The postings of *term*'s word, of its kin and of its other synonyms, each in a fixed order;
        whether the word's or a kin's is in more than COMMON_POSTINGS units; and the units of its kin
        but not of the word, and of its synonyms but of neither (with the word's own list, three
        disjoint groups). Kept, as they depend on the base alone (speed: looked up and merged once)."""
        # no copy when frozen already; the cut is in the key, as what is kept depends on it
        key = (term.key, frozenset(term.kin), frozenset(term.alternatives), COMMON_POSTINGS)
        got = self._postings.get(key)
        if got is None:
            get = self.index.postings.get
            post = get(term.key, ())
            kin_posts = [get(a, ()) for a in sorted(term.kin)]
            # a synonym in very many units is too common to stand in for the word (large bases only)
            synonym_posts = [get(a, ()) for a in sorted(term.alternatives - term.kin)]
            synonym_posts = [p for p in synonym_posts if len(p) <= COMMON_POSTINGS]
            seen = set(post)
            kin_only = tuple(sorted({u for p in kin_posts for u in p} - seen))
            seen.update(kin_only)
            synonym_only = tuple(sorted({u for p in synonym_posts for u in p} - seen))
            got = (
                post,
                kin_posts,
                synonym_posts,
                any(len(p) > COMMON_POSTINGS for p in [post, *kin_posts]),
                kin_only,
                synonym_only,
            )
            if len(self._postings) >= RELATED_KEPT:
                self._postings.clear()
            self._postings[key] = got
        return got

    @staticmethod
    def _hits(spec: _HitSpec, terms: frozenset[str]) -> tuple[dict[int, float], float, Tally]:
        """Question term index -> match factor, the matched weight of the question's own words, and
        the tally describe reads (one pass over *spec*, _hit_spec's fields of the terms)."""
        hits = {}
        p_matched = matched = via = entity_hit = unmatched_max = 0.0
        missing_entity = False
        for ti, key, alternatives, kin, own, weight, entity, light in spec:
            if key in terms:  # Term.factor, inlined: this runs ~8 times a question
                f = 1.0
            elif not alternatives.isdisjoint(terms):
                f = KIN_FACTOR if not kin.isdisjoint(terms) else SYNONYM_FACTOR
            else:
                if entity:
                    missing_entity = True
                if not light and weight > unmatched_max:
                    unmatched_max = weight
                continue
            hits[ti] = f
            if own:  # names and light words count as 0.0: left out, the same sum
                p_matched += own * f
            weighted = weight * f
            matched += weighted
            if f < 1.0:
                via += weighted
            if entity:
                entity_hit += weight
        # tuple.__new__: the NamedTuple without its Python-level constructor (speed: ~6 a question)
        return hits, p_matched, _new_tuple(Tally, (matched, via, entity_hit, unmatched_max, missing_entity))

    @staticmethod
    def _hit_spec(query: Query) -> _HitSpec:
        """Each question term's fields as _hits reads them, read once a question rather than once a unit."""
        return [
            (
                ti,
                t.key,
                t.alternatives,
                t.kin,
                0.0 if t.entity or t.light else t.weight,
                t.weight,
                t.entity,
                t.light,
            )
            for ti, t in enumerate(query.terms)
        ]

    def _ties(self, query: Query) -> list[_Tie]:
        """The question's (noun, entity) ties with what measuring them needs, worked out once a question."""
        keys = [t.key for t in query.terms]
        ties = []
        for key, eid in query.pairs:
            if key not in keys or eid not in self.index.entities:
                continue  # nothing to measure: no term for the word, or no record of the entity
            ti = keys.index(key)
            term = query.terms[ti]
            stems = frozenset(term.alternatives | {key})
            ties.append(_Tie(ti, term.weight, eid, self._alias_words_of(eid), stems))
        return ties

    def _unpaired_weight(self, unit: Unit, hits: dict[int, float], ties: list[_Tie]) -> float:
        """Weight lost by question terms matched far from the entity the question ties them to."""
        loss = 0.0
        far_of = self._far
        for tie in ties:
            if tie.term not in hits:
                continue
            # whether the word is far from the name depends on the base alone: kept per (name, word, unit)
            key = (tie.entity, tie.stems, unit.sentences)
            far = far_of.get(key)
            if far is None:
                if len(far_of) >= RELATED_KEPT:
                    far_of.clear()
                far = far_of[key] = self._far_from_name(unit.sentences, tie)
            if far:
                loss += tie.weight * hits[tie.term] * 0.7  # the word is about someone else here
        return loss

    def _far_from_name(self, sentences: tuple[int, ...], tie: _Tie) -> bool:
        """Whether *sentences* hold the tied word only far from the name it is tied to (or never
        mention the entity): then the word is about someone else there."""
        idx = self.index
        best = None
        mentioned = False
        for s in sentences:
            sent = idx.sentences[s]
            if tie.entity not in sent.entities:
                if tie.entity in idx.document_subjects(sent.document) and not self._has_rival(
                    sent.entities, tie.entity
                ):
                    mentioned = True  # what the article is about need not be named ("Governor Wolny"
                    best = 0  # of "the governor of the NBP", in a story on the NBP)
                continue
            mentioned = True
            # word positions of the name and of the tied word, found in C over the cached stems
            at_e = list(compress(count(), map(tie.names.__contains__, sent.words)))
            at_t = list(compress(count(), map(tie.stems.__contains__, idx.stems(s)[0])))
            if not at_e:
                best = 0  # implicit mention: nothing to measure
                break
            if at_t:
                d = min(abs(a - b) for a in at_e for b in at_t)
                if d > PAIR_WINDOW and not self._has_rival(sent.entities, tie.entity):
                    d = 0  # far, but nobody else of its kind is there for the word to be about
                best = d if best is None else min(best, d)
        return not mentioned or (best is not None and best > PAIR_WINDOW)

    def _units_holding(self, kinds: frozenset[str]) -> frozenset[int]:
        """The units whose sentence states a quantity of one of *kinds*, kept per kinds."""
        got = self._holding.get(kinds)
        if got is None:
            postings = self.index.postings
            got = frozenset().union(*(postings.get(QUANTITY_PREFIX + k, ()) for k in kinds))
            self._holding[kinds] = got
        return got

    def _drop_articles_lacking_names(self, query: Query, acc: dict[int, float]) -> None:
        """Leave out of *acc* the units of an article that never names a name, a year or a weekday the
        question does: "how much did GiveWell decline" is not answered by the markets story of the base."""
        # (not a name made of one everyday word, "the program": the word may mean anything there)
        names = [
            t
            for t in query.terms
            if (t.entity and not any(map(is_english_word, t.kin))) or _DATE_WORD.fullmatch(t.key)
        ]
        if not names:
            return
        said = query.name_stems
        asked = tuple((t.key, said.get(t.key)) for t in names)
        keep = self._articles_naming.get(asked)
        if keep is None:
            # an article holds a name under its id there, or in the words the question names it by ("Xi"
            # of one article's "Xi Jinping", another's "Xi Jinping of China")
            keep = tuple(
                doc
                for doc, held in self.index.document_terms.items()
                if all(key in held or (words is not None and words <= held) for key, words in asked)
            )
            if len(self._articles_naming) >= RELATED_KEPT:
                self._articles_naming.clear()  # bounded however many names users type
            self._articles_naming[asked] = keep
        if len(keep) == len(self.index.document_terms):
            return
        if not keep:  # no article names them all: none can answer
            acc.clear()
            return
        units = self._article_units()
        if sum(len(units[doc]) for doc in keep) < len(acc):  # speed: the few units of the articles kept
            kept = {u: acc[u] for doc in keep for u in units[doc] if u in acc}
            acc.clear()
            acc.update(kept)
        else:
            docs = self.index.unit_documents
            kept_docs = frozenset(keep)
            for u in [u for u in acc if docs[u] not in kept_docs]:
                del acc[u]

    def _article_units(self) -> dict[str, list[int]]:
        """Each article's units, made when first needed."""
        if self._units_by_article is None:
            self._units_by_article = {}
            for u, doc in enumerate(self.index.unit_documents):
                self._units_by_article.setdefault(doc, []).append(u)
        return self._units_by_article

    def _ties_by_article(
        self, query: Query, ranked: list[tuple[int, float]], total: float
    ) -> list[tuple[int, float]]:
        """The first CANDIDATES of *ranked* (by weight, then index), units of equal weight among the
        first read in full, or at the cut, ordered by how much of the question their article covers:
        "the guards' bond" is read in the guards' article first, not in the first listed stating bonds."""
        if self._one_article:
            return ranked[:CANDIDATES]
        out: list[tuple[int, float]] = []
        cover: dict[str, float] = {}
        i = 0
        while i < len(ranked) and len(out) < CANDIDATES:
            j = i + 1
            while j < len(ranked) and ranked[j][1] == ranked[i][1]:
                j += 1
            if j - i == 1 or (i >= 2 * RERANK and j <= CANDIDATES):
                out += ranked[i:j]  # alone, or tied where the order changes nothing that is read
            else:
                weight = ranked[i][1]
                tied = self._by_article_cover(query, [u for u, _ in ranked[i:j]], total, cover)
                out += [(u, weight) for u in tied[: CANDIDATES - len(out)]]
            i = j
        return out[:CANDIDATES]

    def _by_article_cover(
        self, query: Query, units: list[int], total: float, cover: dict[str, float]
    ) -> list[int]:
        """*units* (ascending) with those whose article covers more of the question first, in order;
        *cover* keeps each article's coverage for the question."""
        docs = self.index.unit_documents
        terms = self.index.document_terms
        keyed = []
        for u in units:
            doc = docs[u]
            c = cover.get(doc)
            if c is None:
                c = cover[doc] = matched_weight(query, terms[doc]) / total
            keyed.append((-c, u))
        keyed.sort()
        return [u for _, u in keyed]

    def _has_rival(self, entities: frozenset[str], eid: str) -> bool:
        """Whether *entities* hold another of the kind of *eid* (another person, another country)."""
        known = self.index.entities
        kind = known[eid].kind
        return any(e != eid and e in known and known[e].kind == kind for e in entities)

    def _alias_words_of(self, eid: str) -> frozenset[str]:
        words = self._entity_words.get(eid)
        if words is None:
            entity = self.index.entities[eid]
            words = self._entity_words[eid] = frozenset(w for a in entity.aliases for w in tokens(a))
        return words

    def _sentence_cover(self, query: Query, sentence: int) -> float:
        return matched_weight(query, self.index.sentences[sentence].terms)

    def _abstain(
        self, question: str, query: Query, version: str = "", best: Candidate | None = None
    ) -> Answer:
        """I don't know, with topics to ask about instead: the article of the *best* sentence found first."""
        lead = self.index.sentences[best.sentences[0]].document if best else None
        mentioned = self.mentioned(query)
        return Answer(
            question=question,
            text=IDK if self._one_article else IDK_MANY,
            abstained=True,
            suggestions=self.suggestions(query, lead=lead, besides=mentioned),
            mentioned=mentioned,
            version=version,
        )

    def mentioned(self, query: Query | None, limit: int = 3) -> tuple[str, ...]:
        """The names the question gave that the base holds ("Madison Square Garden" of "when's the msg
        show"): an abstention says they are there, but not what was asked of them."""
        names: list[str] = []
        for eid in query.entities if query else []:
            e = self.index.entities.get(eid)
            if e and e.sentences and e.name not in names and not _fragment(e.name):
                names.append(e.name)
        return tuple(names[:limit])

    def suggestions(
        self,
        query: Query | None = None,
        limit: int = 3,
        lead: str | None = None,
        besides: tuple[str, ...] = (),
    ) -> tuple[str, ...]:
        """Topics the base covers: of several articles, the titles of the *lead* article (the one the
        question's best sentence came from) and of those holding nearly as much of its words, most first
        (all of them when none does); of one article, its most mentioned names *besides* those the
        question named (testers: "it suggested the very name I had asked about")."""
        names: list[str] = []
        if not self._one_article:
            terms, documents = self.index.document_terms, self.index.documents
            covered = {d: matched_weight(query, terms[d]) if query else 0.0 for d in documents}
            # the articles holding the question's words; of a question none holds, what the base covers
            best = max(covered.values(), default=0.0)
            # an article holding less of them than the best is no lead ("These articles do cover" listed
            # every story sharing a word or two with the question)
            holding = [d for d in documents if covered[d] > 0.0 and covered[d] >= best * HOLDING]
            holding = holding or list(documents)
            if lead in documents and lead not in holding:
                holding.append(lead)
            # the ranker's pick and the article nearest in meaning first, as they say more than shared words
            # do; without a meaning, the ranker's pick; stable: file order among equals
            order = self._by_meaning(query, covered, best, lead) if query else {}
            if order:
                holding.append(max(order, key=order.__getitem__))

            def rank(d: str) -> tuple:
                return (-order.get(d, 0.0),) if order else (d != lead, -covered[d])

            for d in sorted(holding, key=rank):
                if len(names) >= limit:
                    break
                title = documents[d].get("title") or d
                if title not in names:
                    names.append(title)
            return tuple(names[:limit])
        for e in self.index.entity_mentions:
            if len(names) >= limit:
                break
            if e.name not in names and e.name not in besides and len(e.sentences) > 1:
                names.append(e.name)
        return tuple(names[:limit])

    def _by_meaning(
        self, query: Query, covered: dict[str, float], best: float, lead: str | None
    ) -> dict[str, float]:
        """Each article read (SUGGEST_READ) with its order for suggestions: shared weight, nearness in
        meaning and the ranker's pick; {} when the question's words have no meaning vector."""
        asked = self.index.meaning(query.words)
        if asked is None:
            return {}
        a = asked.tolist()
        a_norm = math.hypot(*a)
        read = sorted(covered, key=lambda d: -covered[d])[:SUGGEST_READ]
        if lead in covered and lead not in read:
            read.append(lead)
        order = {}
        for d in read:
            parts = self._document_meaning(d)
            near = dot(a, parts[0]) / (a_norm * parts[1]) if parts and a_norm and parts[1] else 0.0
            shared = covered[d] / best if best else 0.0
            order[d] = shared + SUGGEST_MEANING * near + SUGGEST_LEAD * (d == lead)
        return order

    def _document_meaning(self, document: str) -> tuple[list[float], float] | None:
        """An article's meaning vector (of the words of its first SUGGEST_SENTENCES, idf-weighted) and its
        norm, made once."""
        if document not in self._document_meanings:
            sentences = self.index.sentences
            read = self.index.document_range(document)[:SUGGEST_SENTENCES]
            words = {w for i in read for w in sentences[i].words}
            vec = self.index.meaning(sorted(words))
            self._document_meanings[document] = None if vec is None else (v := vec.tolist(), math.hypot(*v))
        return self._document_meanings[document]


# words that ask what someone is or does, which a description answers ("What is Helen Marsh's job?")
_ASKING_WHAT_SOMEONE_IS = frozenset(
    map(stem, "job role profession occupation work works title position do does".split())
)


def _fragment(name: str) -> bool:
    """Whether a name is too slight to offer as a topic: a letter or two ("B" of "hepatitis B"), or one
    everyday word ("Cup" of "One-Day Cup", "Phase", "Grill")."""
    return " " not in name and (len(name) <= 2 or is_english_word(name))
