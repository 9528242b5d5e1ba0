"""The calibrator's boosted trees, read from JSON and evaluated in plain Python."""

from __future__ import annotations

import json

import pytest

from knowledge.scoring import CALIBRATION_INPUTS, DEFAULT_MODEL, ScoringModel
from knowledge.trees import BoostedTrees

# one stump on feature 1: at most 0.5 goes left (-1.0), above goes right (+2.0)
STUMP = {
    "feature": [1, -1, -1],
    "threshold": [0.5, 0, 0],
    "left": [1, -1, -1],
    "right": [2, -1, -1],
    "value": [0, -1.0, 2.0],
}


def test_a_row_goes_left_up_to_the_threshold_and_right_above_it() -> None:
    trees = BoostedTrees.from_json({"init": 0.25, "learning_rate": 0.5, "trees": [STUMP, STUMP]}, width=2)
    assert trees.raw([9.0, 0.5]) == 0.25 + 0.5 * (-1.0 - 1.0)
    assert trees.raw([9.0, 0.51]) == 0.25 + 0.5 * (2.0 + 2.0)
    assert BoostedTrees.from_json(trees.to_json(), width=2) == trees


@pytest.mark.parametrize(
    "broken",
    [
        {**STUMP, "value": [0, 1]},  # node lists of different lengths
        {**STUMP, "left": [0, -1, -1]},  # a node pointing at itself: the walk would never end
        {**STUMP, "right": [7, -1, -1]},  # a child outside the tree
        {**STUMP, "feature": [5, -1, -1]},  # a feature the calibration row does not have
    ],
)
def test_a_malformed_tree_is_refused_with_a_reason(broken: dict) -> None:
    with pytest.raises(ValueError, match="tree"):
        BoostedTrees.from_json({"init": 0, "learning_rate": 1, "trees": [broken]}, width=2)


def test_the_shipped_model_reads_every_calibration_input_and_gives_probabilities() -> None:
    model = ScoringModel.load()
    data = json.loads(DEFAULT_MODEL.read_text("utf-8"))
    assert tuple(data["calibrator"]["features"]) == CALIBRATION_INPUTS
    assert len(model.calibrator.trees) == 100
    used = {f for t in model.calibrator.trees for f in t.feature if f >= 0}
    assert len(used) > 10  # the trees read many signals, not one
    for row in ([0.0] * len(CALIBRATION_INPUTS), [1.0] * len(CALIBRATION_INPUTS)):
        assert 0.0 < model.confidence(row) < 1.0
