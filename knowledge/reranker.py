"""The reranker: boosted trees that reorder the ranker's first few candidates of a question.

The ranker is linear in its features; the trees read how they combine (a date asked and a sentence
holding one but few of the question's words, say). Fitted by `scripts/fit_reranker.py` on the testers'
rounds, shipped as `data/reranker.json`; without the file the ranker's order stands.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from .scoring import _ASKS, _ASKS_NONE, ASKS_INPUTS, RANK_FEATURES, TAUGHT
from .trees import BoostedTrees

DEFAULT_RERANKER = Path(__file__).parent / "data" / "reranker.json"
# what the trees read of each candidate: its features, the ranker's score, how far behind the first it
# scores, its place in the ranker's order, and the question word
RERANK_INPUTS = (*RANK_FEATURES, "score", "behind", "place", *ASKS_INPUTS)
_PHRASING = RANK_FEATURES.index("hand_phrasing")
# a first candidate this far ahead of the second by the ranker's score keeps its place unread (speed): on
# rounds 600-896 the trees made a wrong first right once in the 29,439 questions beyond it, 441 times in
# the 10,923 within
WITHIN = 2.0


class Ranked(Protocol):
    features: list[float]
    score: float


def rerank_row(features: list[float], score: float, top: float, place: int, asks: str) -> list[float]:
    """RERANK_INPUTS of one candidate, *top* being the first candidate's score."""
    return [*features, score, top - score, float(place), *_ASKS.get(asks, _ASKS_NONE)]


@dataclass(frozen=True)
class Reranker:
    depth: int  # how many of the ranker's first candidates it reorders
    trees: BoostedTrees

    @classmethod
    def load(cls, path: str | Path = DEFAULT_RERANKER) -> Reranker:
        data = json.loads(Path(path).read_text("utf-8"))
        if tuple(data["features"]) != RERANK_INPUTS:
            raise ValueError(f"{path}: the reranker's features do not match this version; refit it")
        reranker = cls(int(data["depth"]), BoostedTrees.from_json(data["trees"], len(RERANK_INPUTS)))
        reranker.trees.compile()
        return reranker

    def reorder(self, ranked: list[Ranked], asks: str) -> None:
        """Put the first *depth* of *ranked* in the trees' order (ties keep the ranker's); a phrasing a
        person wrote for the question keeps its place first."""
        n = min(self.depth, len(ranked))
        if n < 2 or ranked[0].features[_PHRASING] >= TAUGHT:
            return
        top = ranked[0].score
        if ranked[1].score <= top - WITHIN:
            return
        raw = self.trees.raw
        keyed = sorted(
            ((-raw(rerank_row(c.features, c.score, top, i, asks)), i) for i, c in enumerate(ranked[:n]))
        )
        ranked[:n] = [ranked[i] for _, i in keyed]


@lru_cache(maxsize=1)
def default_reranker() -> Reranker | None:
    """The shipped reranker, or None when no file is shipped."""
    return Reranker.load() if DEFAULT_RERANKER.exists() else None
