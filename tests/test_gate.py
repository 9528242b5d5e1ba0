"""The answer gate: the probability shown with an answer, fitted on the testers' rounds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.factbase import FactBase
from knowledge.gate import DEFAULT_GATE, GATE_INPUTS, AnswerGate, default_gate

ROUND = Path(__file__).parent / "data" / "testers" / "r805-news"  # the gate fits on rounds below 600 only


@pytest.fixture(scope="module")
def rodeo_round(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    return FactBase.build(ROUND, tmp_path_factory.mktemp("gate") / "base.db")


def test_the_gate_withholds_a_quote_the_calibrator_was_sure_of(rodeo_round: FactBase) -> None:
    # the round asks of a clinic's staff and a rider's season what its four articles never say; the
    # calibrator, fitted on sets with few such questions, quoted a sentence of the same topic for each
    matcher = rodeo_round._current().matcher
    asked = ("How many doctors work at the clinic?", "How many rodeos did Whitlock enter last year?")
    assert matcher.gate is default_gate() is not None
    assert all(rodeo_round.answer(q).abstained for q in asked)
    matcher.gate = None
    try:
        assert rodeo_round.answer(asked[0]).citations[0].text.startswith("The clinic employs seven")
        assert not rodeo_round.answer(asked[1]).abstained
    finally:
        matcher.gate = default_gate()


def test_the_gate_answers_what_the_calibrator_doubted(rodeo_round: FactBase) -> None:
    answer = rodeo_round.answer("What was his total score over his three rides?")
    assert answer.citations[0].text.startswith("His total of 262 points") and answer.confidence >= 0.3
    matcher = rodeo_round._current().matcher
    matcher.gate = None
    try:
        assert rodeo_round.answer("What was his total score over his three rides?").abstained
    finally:
        matcher.gate = default_gate()


def test_the_confidence_shown_is_the_gates_probability(rodeo_round: FactBase) -> None:
    gate = default_gate()
    assert gate is not None and 0.2 <= gate.threshold <= 0.4
    seen: list[float] = []
    real = gate.probability
    matcher = rodeo_round._current().matcher
    matcher.gate = AnswerGate(gate.trees, gate.threshold)
    object.__setattr__(matcher.gate, "probability", lambda row: seen.append(real(row)) or seen[-1])
    try:
        answer = rodeo_round.answer("What was his total score over his three rides?")
    finally:
        matcher.gate = gate
    assert seen and answer.confidence == seen[-1]


def test_a_gate_of_other_features_is_refused(tmp_path: Path) -> None:
    data = json.loads(DEFAULT_GATE.read_text("utf-8"))
    assert tuple(data["features"]) == GATE_INPUTS
    data["features"] = data["features"][:-1]
    stale = tmp_path / "gate.json"
    stale.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ValueError, match="refit"):
        AnswerGate.load(stale)
