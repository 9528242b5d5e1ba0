"""The fitted scoring model: features of a (question, candidate) pair and the probability it answers.

Two small models, fitted by `scripts/fit_scorer.py` and shipped as `scorer.json`: the ranker (a
pairwise logistic regression) orders a question's candidates; the calibrator (100 boosted trees of
depth 3, read in plain Python) turns the best one's features, ranker score and lead over the
runner-up into the probability that the quoted sentence answers the question.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from operator import mul
from pathlib import Path

from .trees import BoostedTrees, float_literal

DEFAULT_MODEL = Path(__file__).parent / "data" / "scorer.json"
# what the calibrator's confidence in an answer to a yes-no question is worth (scripts/fit_yes_no.py)
YES_NO_MAP = Path(__file__).parent / "data" / "yes-no.json"

# Ranker features, in the order of the weight vector.
RANK_FEATURES = (
    "coverage",  # idf-weighted share of the question's terms the candidate holds
    "p_coverage",  # the same over the question's own words (not names, not light words)
    "entity_coverage",  # share of the question's named entities the candidate mentions
    "coverage_gap",  # coverage minus the best candidate's coverage (0 for the best)
    "unpaired",  # weight of words the question ties to a name ("president of France") found far from it
    "covers_half",  # both coverages reach one half: most of what the question says is there
    "asked_missing",  # none of the question's own words (beyond names) is there
    "bm25",  # BM25 with binary term frequency, divided by the question's total weight
    "bm25_gap",  # bm25 minus the best candidate's
    "meaning",  # cosine of the question's and the sentence's mean word vectors (paraphrase)
    "meaning_gap",  # meaning minus the best candidate's
    "unmatched_max",  # the heaviest question term the candidate lacks, over the base's max idf
    "unmatched_entity",  # 1 when a named entity of the question is missing
    "bigrams",  # share of the question's adjacent word pairs found adjacent in the sentence
    "spread",  # how scattered the matched words are in the sentence (0 tight .. 1 loose)
    "novelty",  # share of the sentence's words the question does not use: room for an answer
    "paragraph_gain",  # coverage the rest of the paragraph adds
    "document_share",  # the candidate's document's coverage over the best document's
    "article_coverage",  # coverage with the question's words weighed by their rarity in its own article
    "fuzz",  # rapidfuzz token_set_ratio of the question's and sentence's words, 0..1
    "via_synonym",  # share of matched weight reached through synonyms or other word forms
    "type_match",  # the sentence holds the kind of answer asked for (date, number, person, place, reason)
    "type_miss",  # the question asks for a date or number and the sentence holds none
    "quantity_match",  # the question asks for a quantity (age, money, count...) the sentence states
    "quantity_miss",  # the question asks for a quantity and the sentence states none of that kind
    "described",  # a "who/what is X" question and the unit is what the article says X is
    "hand",  # a hand-written fact
    "hand_phrasing",  # how well a hand-written phrasing matches the question, 0..1
    "hand_phrasing_close",  # the part of that match above 60%: a phrasing that says the same thing
    "headline",  # headline or photo caption
    "quote",  # inside a quotation
    "length",  # log content words of the sentence
    "position",  # log ordinal of the sentence in its article
    "n_terms",  # log number of question terms
)
# The question word a question asks with, one input each: how often the best sentence is right differs
# by kind of question ("who" is found more often than "why"), whatever the sentence's own numbers say.
QUESTION_WORDS = ("what", "who", "when", "where", "why", "how", "which")
_ASKS: dict[str, tuple[float, ...]] = {
    w: tuple(float(w == v) for v in QUESTION_WORDS) + (0.0,) for w in QUESTION_WORDS
}
_ASKS_NONE = (0.0,) * len(QUESTION_WORDS) + (1.0,)
# What calibration_row describes of the best candidate: all of it is what the calibrator reads.
ASKS_INPUTS = tuple(f"asks_{w}" for w in QUESTION_WORDS) + ("asks_none",)
CALIBRATION_INPUTS = ("score", "lead", "lead_small") + ASKS_INPUTS + RANK_FEATURES


# "has the council responded", "have they won before": asked far more often of what has not happened than
# the other yes-no questions, so read by a map of their own when the file holds one
PERFECT_OPENERS = frozenset({"has", "have", "hasnt", "havent"})


def _yes_no_knots(path: Path, key: str = "knots") -> tuple[tuple[float, float], ...]:
    """The yes-no map's knots (or those under *key*), or () when the file or the key is not there."""
    if not path.exists():
        return ()
    knots = tuple((float(x), float(y)) for x, y in json.loads(path.read_text("utf-8")).get(key, ()))
    if any(a[0] >= b[0] for a, b in zip(knots, knots[1:], strict=False)):
        raise ValueError(f"{path}: the knots' confidences must increase")
    return knots


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass(frozen=True)
class ScoringModel:
    """Weights of the ranker and calibrator, and the confidence below which the bot abstains."""

    rank_weights: tuple[float, ...]
    rank_bias: float
    calibrator: BoostedTrees  # log-odds that the best candidate is right, from its calibration row
    threshold: float
    # (confidence, how often right) knots, increasing: the public fit sets hold almost no yes-no question,
    # and the calibrator is sure of them as of any other; () leaves confidence as it is
    yes_no: tuple[tuple[float, float], ...] = ()
    yes_no_perfect: tuple[tuple[float, float], ...] = ()  # of questions opening on PERFECT_OPENERS

    @classmethod
    def load(cls, path: str | Path = DEFAULT_MODEL) -> ScoringModel:
        data = json.loads(Path(path).read_text("utf-8"))
        rank = data["ranker"]
        cal = data["calibrator"]
        if tuple(rank["features"]) != RANK_FEATURES or tuple(cal["features"]) != CALIBRATION_INPUTS:
            raise ValueError(f"{path}: the model's features do not match this version; refit it")
        model = cls(
            tuple(rank["weights"]),
            rank["bias"],
            BoostedTrees.from_json(cal, len(CALIBRATION_INPUTS)),
            data["threshold"],
            _yes_no_knots(YES_NO_MAP) if Path(path) == DEFAULT_MODEL else (),
            _yes_no_knots(YES_NO_MAP, "perfect") if Path(path) == DEFAULT_MODEL else (),
        )
        # compiled at load, so that the first question does not wait for it (the calibrator as answers
        # read it; its plain form is compiled when first asked)
        model._on_topic_raw  # noqa: B018 - the cached property compiles on first read
        model._weighted_sum  # noqa: B018 - the cached property compiles on first read
        return model

    def score(self, features: list[float]) -> float:
        """The ranker's score of this candidate (higher answers the question better): rank_score."""
        return _taught_first(self._weighted_sum(features), features)

    def scores(self, rows: list[list[float]]) -> list[float]:
        """score of each row, in order (speed: one call for a question's candidates)."""
        weighted_sum = self._weighted_sum
        return [weighted_sum(f) + 4.0 if f[_PHRASING] >= TAUGHT else weighted_sum(f) for f in rows]

    @cached_property
    def _weighted_sum(self) -> Callable[[list[float]], float]:
        """bias + sum(map(mul, weights, features)) compiled into one expression, same order, same sums.

        Speed: ~8 candidates a question are scored; one expression costs half of map and sum.
        """
        n = len(self.rank_weights)
        products = [f"{float_literal(w)} * x{i}" for i, w in enumerate(self.rank_weights)]
        summed = " + ".join(["0.0", *products])
        # the features unpacked into locals at once: one step instead of an index read per product
        unpack = "".join(f"x{i}, " for i in range(n))
        body = f"{float_literal(self.rank_bias)} + ({summed})"
        source = f"def weighted_sum(f):\n    {unpack}= f\n    return {body}"
        namespace: dict = {"float": float}
        exec(compile(source, "<ranker>", "exec"), namespace)
        return namespace["weighted_sum"]

    def confidence(self, calibration: list[float]) -> float:
        """Probability that the best candidate answers the question."""
        return _sigmoid(self.calibrator.raw(calibration))

    def confidence_on_topic(self, calibration: list[float]) -> float:
        """confidence of a best candidate that off_topic passed, so its quantity_miss is 0.0 (the same
        value: the trees' splits on it are taken when compiled; any other row is read by confidence)."""
        return _sigmoid(self._on_topic_raw(calibration))

    def yes_no_confidence(self, confidence: float, perfect: bool = False) -> float:
        """What *confidence* is worth for a yes-no question (one opening "has" or "have": *perfect*): how
        often the sentences quoted at it were right, read between the two knots around it (the ends hold
        beyond them)."""
        knots = self.yes_no_perfect if perfect and self.yes_no_perfect else self.yes_no
        if not knots:
            return confidence
        at = bisect_left(knots, (confidence,))
        if at == 0:
            return knots[0][1]
        if at == len(knots):
            return knots[-1][1]
        (x0, y0), (x1, y1) = knots[at - 1], knots[at]
        return y0 + (y1 - y0) * (confidence - x0) / (x1 - x0)

    @cached_property
    def _on_topic_raw(self) -> Callable[[list[float]], float]:
        return self.calibrator.raw_given({_CALIBRATED_QUANTITY_MISS: 0.0})


TAUGHT = 0.85  # a hand-written or taught phrasing this close to the question is an answer given by a person
_PHRASING = RANK_FEATURES.index("hand_phrasing")


def rank_score(weights: tuple[float, ...] | list[float], bias: float, features: list[float]) -> float:
    """The fitted ranker's score, with a phrasing a person wrote for this very question put first."""
    return _taught_first(bias + sum(map(mul, weights, features)), features)


def _taught_first(score: float, features: list[float]) -> float:
    return score + 4.0 if features[_PHRASING] >= TAUGHT else score


def question_word(toks: list[str]) -> str:
    """The first of QUESTION_WORDS among a question's tokens ("whom", "whose" ask "who"), or ""."""
    for t in toks:
        if t in _ASKS:
            return t
        if t in ("whom", "whose"):
            return "who"
    return ""


def calibration_row(
    best_score: float, runner_up: float | None, features: list[float], asks: str = ""
) -> list[float]:
    """What the calibrator may read about the best candidate (CALIBRATION_INPUTS, in order); *asks* is
    the question word (question_word)."""
    lead = best_score - runner_up if runner_up is not None else 4.0
    return [best_score, min(lead, 4.0), float(lead < 0.5), *_ASKS.get(asks, _ASKS_NONE), *features]


_CALIBRATED_QUANTITY_MISS = CALIBRATION_INPUTS.index("quantity_miss")
_ASKED_MISSING = RANK_FEATURES.index("asked_missing")
_UNPAIRED = RANK_FEATURES.index("unpaired")
_P_COVERAGE = RANK_FEATURES.index("p_coverage")
_COVERAGE = RANK_FEATURES.index("coverage")
_QUANTITY_MISS = RANK_FEATURES.index("quantity_miss")
MIN_COVERAGE = 0.4
ASKED_MISSING_BELOW = 0.05  # describe's asked_missing: the question's own words hold at most this


def off_topic(features: list[float]) -> bool:
    """The sentence is not about what is asked: off_topic_by, read from a candidate's features."""
    return off_topic_by(
        features[_COVERAGE],
        features[_P_COVERAGE],
        features[_UNPAIRED],
        features[_ASKED_MISSING] > 0,
        features[_QUANTITY_MISS] > 0,
    )


def off_topic_by(
    coverage: float, p_coverage: float, unpaired: float, asked_missing: bool, quantity_miss: bool
) -> bool:
    """Whether a sentence is plainly not about what is asked: it holds under 40% of the question's
    weight, or the names but none of the question's own words, or no quantity of the kind asked for
    ("how old", "how much", "when"), or the word the question ties to a name ("president of France")
    only far from that name. (Each gate measured on the fit sets, scripts/fit_scorer.py.)"""
    return coverage < MIN_COVERAGE or asked_missing or quantity_miss or (unpaired > 0 and p_coverage < 0.5)
