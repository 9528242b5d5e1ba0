"""The CI gate on development data: held-out sets the scoring model was never fitted on, and dev-nato
so that no change trades the main article away.

A change that trades unseen articles for the NATO article turns this red. The floors are the figures
recorded in benchmarks/README.md less a small margin; raise them when answers get better.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import FactBase
from knowledge.evaluate import assemble, evaluate, question_sets
from knowledge.factbase import DEFAULT_SOURCES

DATA = Path(__file__).parent / "data"

# set name -> (in-scope accuracy, out-of-scope abstention) floors
FLOORS = {
    "squad/southern-california": (0.66, 0.30),  # recorded 0.68 / 0.42 (session 19)
    # the three held-out news stories in one base; recorded 0.62 / 0.78 (session 19, whose refits moved
    # it 0.59-0.65 on their own: up to 5 questions of 91)
    "heldout": (0.60, 0.68),
    # four held-out stories of the saved pages in one base; recorded 0.51 / 0.93, 0.46 / 0.93, then
    # 0.47 / 0.91 (session 19, whose refits alone moved it 0.43-0.51: a threshold picked on a flat
    # optimum; the floor allows for that, not for a change that trades these stories away)
    "pages-heldout": (0.43, 0.87),
    "dev-nato": (0.83, 0.80),  # the main article; recorded 0.90 / 0.84 (session 19)
}


def _with_bases(sets, tmp_path: Path):
    """Each question set with the base that answers it (one base per distinct sources)."""
    bases: dict = {}
    for qs in sets:
        sources = qs.sources or (DEFAULT_SOURCES,)
        if sources not in bases:
            work = tmp_path / str(len(bases))
            bases[sources] = FactBase.build(assemble(sources, work / "src"), work / "base.db")
        yield qs, bases[sources]


def _score(sets, tmp_path: Path) -> tuple[float, float]:
    right = inscope = oos = oos_ok = 0
    for qs, base in _with_bases(sets, tmp_path):
        r = evaluate(qs.questions, base.answer)
        right, inscope = right + r.right, inscope + r.right + r.wrong + r.abstained
        oos, oos_ok = oos + r.oos, oos_ok + r.oos_ok
    return right / inscope, oos_ok / oos


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_held_out_answers_stay_above_their_floors(name: str, tmp_path: Path) -> None:
    if name.startswith("squad/"):
        sets = [s for s in question_sets([DATA / "squad"], each=True) if s.name == name]
    elif name in ("heldout", "pages-heldout"):
        sets = question_sets([DATA / "news" / name])
    else:
        sets = question_sets([DATA / f"{name}.jsonl"])
    accuracy, abstention = _score(sets, tmp_path)
    floor_acc, floor_abs = FLOORS[name]
    assert accuracy >= floor_acc and abstention >= floor_abs, (
        f"{name}: accuracy {accuracy:.2f} (floor {floor_acc}), "
        f"abstention {abstention:.2f} (floor {floor_abs})"
    )


ECE_CEILING = 0.10  # recorded 0.03 (the question word in the calibrator), 0.08 before; logistic reg. 0.17


def test_confidence_on_held_out_articles_is_an_honest_probability(tmp_path: Path) -> None:
    # Expected calibration error over ten bins: how far, on average, the confidence of an answer is
    # from how often answers of that confidence are right
    from knowledge.evaluate import _norm

    sets = [s for s in question_sets([DATA / "squad"], each=True) if "southern-california" in s.name]
    sets += question_sets([DATA / "news" / "heldout"]) + question_sets([DATA / "news" / "pages-heldout"])
    pairs: list[tuple[float, bool]] = []
    for qs, base in _with_bases(sets, tmp_path):
        for q in qs.questions:
            answer = base.answer(q["q"])
            if answer.citations and answer.confidence > 0:
                quoted = _norm(answer.citations[0].text)
                right = q["kind"] != "out_of_scope" and any(_norm(e) in quoted for e in q["expect"])
                pairs.append((answer.confidence, right))
    error = 0.0
    for b in range(10):
        inside = [(p, ok) for p, ok in pairs if b / 10 <= p < (b + 1) / 10 or (b == 9 and p == 1.0)]
        if inside:
            mean_confidence = sum(p for p, _ in inside) / len(inside)
            accuracy = sum(ok for _, ok in inside) / len(inside)
            error += len(inside) / len(pairs) * abs(mean_confidence - accuracy)
    assert len(pairs) > 200
    assert error <= ECE_CEILING, f"expected calibration error {error:.3f} over {len(pairs)} answers"
