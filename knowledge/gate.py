"""The answer gate: boosted trees that give the probability that the best candidate answers the question.

The calibrator in `scorer.json` is fitted on the public fit sets, which hold few questions an article
cannot answer; the gate is fitted on the testers' rounds, four articles a base with about as many
out-of-scope questions as answerable ones, so its probability is that of a question a server may ask.
It reads what the calibrator reads and whether the question asks yes or no. Fitted by
`scripts/fit_gate.py`, shipped as `data/gate.json`; without the file the calibrator's confidence stands.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .scoring import CALIBRATION_INPUTS
from .trees import BoostedTrees

DEFAULT_GATE = Path(__file__).parent / "data" / "gate.json"
GATE_INPUTS = (*CALIBRATION_INPUTS, "yes_no", "yes_no_perfect")
_QUANTITY_MISS = GATE_INPUTS.index("quantity_miss")


def gate_row(calibration: list[float], yes_no: bool, perfect: bool) -> list[float]:
    """GATE_INPUTS of a best candidate: its calibration row and how the question opens."""
    return [*calibration, float(yes_no), float(perfect)]


@dataclass(frozen=True)
class AnswerGate:
    trees: BoostedTrees  # log-odds that the best candidate's sentence answers the question
    threshold: float  # answers below this probability are withheld

    @classmethod
    def load(cls, path: str | Path = DEFAULT_GATE) -> AnswerGate:
        data = json.loads(Path(path).read_text("utf-8"))
        if tuple(data["features"]) != GATE_INPUTS:
            raise ValueError(f"{path}: the gate's features do not match this version; refit it")
        gate = cls(BoostedTrees.from_json(data["trees"], len(GATE_INPUTS)), float(data["threshold"]))
        gate._on_topic_raw  # noqa: B018 - compiled at load, not at the first question
        return gate

    def probability(self, row: Sequence[float]) -> float:
        """The probability that the candidate *row* (gate_row) describes answers its question."""
        return 1.0 / (1.0 + math.exp(-self._on_topic_raw(row)))

    @cached_property
    def _on_topic_raw(self) -> Callable[[Sequence[float]], float]:
        # the gate reads only candidates off_topic passed, whose quantity_miss is 0: its splits are taken
        return self.trees.raw_given({_QUANTITY_MISS: 0.0})


@lru_cache(maxsize=1)
def default_gate() -> AnswerGate | None:
    """The shipped gate, or None when no file is shipped."""
    return AnswerGate.load() if DEFAULT_GATE.exists() else None
