"""scripts/fit_scorer.py as the source of the shipped model: what it fits is what ships, and the
calibrator it fits is the average of its boosted models."""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from knowledge.scoring import CALIBRATION_INPUTS, DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def fit_scorer():
    spec = importlib.util.spec_from_file_location("fit_scorer", ROOT / "scripts" / "fit_scorer.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["fit_scorer"] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("fit_scorer", None)


def test_the_shipped_calibrator_is_the_average_the_script_fits(fit_scorer) -> None:
    # several boosted models averaged: their trees side by side, each model's rate shared among them
    calibrator = json.loads(Path(DEFAULT_MODEL).read_text("utf-8"))["calibrator"]
    config, models = fit_scorer.CALIBRATOR, fit_scorer.CALIBRATOR_BAG
    assert models >= 2
    assert len(calibrator["trees"]) == config["n_estimators"] * models
    assert calibrator["learning_rate"] == pytest.approx(config["learning_rate"] / models)


def test_the_averaged_trees_give_the_mean_of_the_models_log_odds(fit_scorer) -> None:
    pytest.importorskip("sklearn")  # the dev extra
    rng = random.Random(7)
    width = len(CALIBRATION_INPUTS)
    rows = [[rng.random() for _ in range(width)] for _ in range(300)]
    tops = [(SimpleNamespace(set="one set"), row, row[0] + rng.random() > 1.0) for row in rows]
    averaged = fit_scorer.fit_calibrator(tops)
    weights = fit_scorer.calibration_weights(["one set"] * len(rows))
    labels = [int(ok) for _, _, ok in tops]
    models = [fit_scorer._boosted(rows, labels, weights, seed) for seed in range(fit_scorer.CALIBRATOR_BAG)]
    for row in rows[:20]:
        mean = sum(m.raw(row) for m in models) / len(models)
        assert averaged.raw(row) == pytest.approx(mean, abs=1e-9)
    # and the models differ: averaging them is not a no-op
    assert len({round(m.raw(rows[0]), 9) for m in models}) > 1
