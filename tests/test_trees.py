"""The calibrator's boosted trees, read from JSON and evaluated in plain Python."""

from __future__ import annotations

import json
import random

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
    assert len(model.calibrator.trees) == 200  # eight bagged models of 25 trees (scripts/fit_scorer.py)
    used = {f for t in model.calibrator.trees for f in t.feature if f >= 0}
    assert len(used) > 10  # the trees read many signals, not one
    for row in ([0.0] * len(CALIBRATION_INPUTS), [1.0] * len(CALIBRATION_INPUTS)):
        assert 0.0 < model.confidence(row) < 1.0


def _walk(trees: BoostedTrees, row: list[float]) -> float:
    """The trees walked node by node: what the compiled form must reproduce exactly."""
    total = 0.0
    for t in trees.trees:
        node = 0
        while t.feature[node] >= 0:
            node = t.left[node] if row[t.feature[node]] <= t.threshold[node] else t.right[node]
        total += t.value[node]
    return trees.init + trees.learning_rate * total


def test_the_compiled_trees_give_exactly_what_a_walk_of_the_nodes_gives() -> None:
    trees = ScoringModel.load().calibrator
    rng = random.Random(8)
    thresholds = sorted({x for t in trees.trees for x in t.threshold})
    for _ in range(500):
        # rows on, just below and above the split points, where a wrong comparison would show
        row = [rng.choice(thresholds) + rng.choice((0.0, -1e-9, 1e-9)) for _ in CALIBRATION_INPUTS]
        assert trees.raw(row) == _walk(trees, row)


def test_a_tree_too_deep_to_compile_is_refused() -> None:
    n = 2 * 40 + 1  # a chain of 40 splits, each with a leaf on the left
    chain = {
        "feature": [0 if i % 2 == 0 and i < n - 1 else -1 for i in range(n)],
        "threshold": [0.5] * n,
        "left": [i + 1 if i % 2 == 0 and i < n - 1 else -1 for i in range(n)],
        "right": [i + 2 if i % 2 == 0 and i < n - 1 else -1 for i in range(n)],
        "value": [1.0] * n,
    }
    with pytest.raises(ValueError, match="deeper"):
        BoostedTrees.from_json({"init": 0, "learning_rate": 1, "trees": [chain]}, width=2)
    chain_ok = {k: v[: 2 * 30 + 1] for k, v in chain.items()}
    chain_ok["feature"][-1] = chain_ok["left"][-1] = chain_ok["right"][-1] = -1
    shallower = BoostedTrees.from_json({"init": 0, "learning_rate": 1, "trees": [chain_ok]}, width=2)
    assert shallower.raw([1.0]) == 1.0
