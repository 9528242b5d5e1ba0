"""Fit what the calibrator's confidence is worth for yes-no questions; write knowledge/data/yes-no.json.

usage: .venv/bin/python scripts/fit_yes_no.py [--report-only] [--perfect-only] [--fit-below N]

The public fit sets hold almost no yes-no question ("has the museum reopened", "will kids get in
free"), so the calibrator is as sure of a sentence that only names their subject as it is of one that
answers "who" or "when". The testers' rounds (tests/data/testers, written by people who never read the
matcher) ask many. The map is fitted by isotonic regression on the rounds numbered below N (250 by
default), every block holding at least MIN_BLOCK answers, and reported on the rounds from N on, which it
never saw. Questions opening "has" or "have" (scoring.PERFECT_OPENERS) are right far less often at the same
confidence than the rest (they ask whether something has happened, and testers ask it of what has not), so
they get a map of their own, fitted the same way on theirs; --perfect-only fits that one and keeps the
shipped general map. Needs nothing beyond the project's own dependencies.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.abstention import YES_NO_OPENERS  # noqa: E402
from knowledge.evaluate import _norm, question_sets  # noqa: E402
from knowledge.factbase import FactBase  # noqa: E402
from knowledge.scoring import PERFECT_OPENERS, YES_NO_MAP  # noqa: E402
from knowledge.text import fold, tokens  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from fit_scorer import calibration_table  # noqa: E402

ROUNDS = ROOT / "tests" / "data" / "testers"
MIN_BLOCK = 30  # answers a knot stands on at least: fewer make a map that follows chance
BINS = 10


def round_number(folder: Path) -> int:
    return int(re.match(r"r(\d+)-", folder.name).group(1))


def answers(folders: list[Path], work: Path) -> list[tuple[float, bool, bool, bool]]:
    """(the calibrator's confidence, right, out of scope, opens on PERFECT_OPENERS) of each yes-no question
    the bot answers, with the yes-no maps left out."""
    found = []
    for folder in folders:
        base = FactBase.build(folder, work / f"{folder.name}.db")
        matcher = base._current().matcher
        matcher.model = replace(matcher.model, yes_no=(), yes_no_perfect=())
        for qs in question_sets([folder]):
            for q in qs.questions:
                toks = [fold(t) for t in tokens(q["q"])]
                if not toks or toks[0] not in YES_NO_OPENERS:
                    continue
                got = base.answer(q["q"])
                if got.abstained or not got.citations:
                    continue
                cited = _norm(got.citations[0].text)
                oos = q["kind"] == "out_of_scope"
                right = not oos and any(_norm(e) in cited for e in q["expect"])
                found.append((got.confidence, right, oos, toks[0] in PERFECT_OPENERS))
    return found


def isotonic(points: list[tuple[float, bool]], min_block: int = MIN_BLOCK) -> list[tuple[float, float]]:
    """Knots (mean confidence, share right) of the pooled blocks: right shares never fall as confidence
    rises, and each block holds at least *min_block* points."""
    blocks: list[list[float]] = []  # [sum of confidences, right, count]
    for x, right in sorted(points):
        blocks.append([x, float(right), 1.0])
        while len(blocks) > 1 and (
            blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2] or blocks[-2][2] < min_block
        ):
            last = blocks.pop()
            for i in range(3):
                blocks[-1][i] += last[i]
    if len(blocks) > 1 and blocks[-1][2] < min_block:
        last = blocks.pop()
        for i in range(3):
            blocks[-1][i] += last[i]
    return [(round(s / n, 4), round(r / n, 4)) for s, r, n in blocks]


def report(name: str, found: list[tuple[float, bool, bool, bool]], mapped, threshold: float) -> None:
    """Answers kept, right, out of scope answered and calibration error, before and after the maps."""
    for label, conf in (("calibrator", lambda c, p: c), ("yes-no map", mapped)):
        kept = [(conf(c, p), r, o) for c, r, o, p in found if conf(c, p) >= threshold]
        ece, _ = calibration_table([(c, r) for c, r, _ in kept], BINS)
        right = sum(r for _, r, _ in kept)
        oos = sum(o for _, _, o in kept)
        print(f"{name:28s} {label:10s} answered {len(kept):5d}  right {right:5d}  out of scope {oos:5d}  "
              f"calibration error {ece:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report-only", action="store_true", help="measure the shipped map, write nothing")
    parser.add_argument("--fit-below", type=int, default=250, help="fit on the rounds numbered below this")
    parser.add_argument("--perfect-only", action="store_true", help="keep the shipped general map")
    args = parser.parse_args()
    folders = sorted((f for f in ROUNDS.iterdir() if f.is_dir()), key=round_number)
    fit = [f for f in folders if round_number(f) < args.fit_below]
    held = [f for f in folders if round_number(f) >= args.fit_below]
    from knowledge.scoring import ScoringModel

    model = ScoringModel.load()
    with tempfile.TemporaryDirectory() as tmp:
        fit_found = answers(fit, Path(tmp))
        held_found = answers(held, Path(tmp))
    if args.report_only:
        knots, perfect = model.yes_no, model.yes_no_perfect
    else:
        knots = model.yes_no if args.perfect_only else tuple(isotonic([(c, r) for c, r, _, _ in fit_found]))
        perfect = tuple(isotonic([(c, r) for c, r, _, p in fit_found if p]))
        about = (
            "what the calibrator's confidence is worth for a yes-no question (perfect: of one opening "
            "'has' or 'have'); scripts/fit_yes_no.py, fitted on tests/data/testers rounds below "
            f"{args.fit_below}"
        )
        YES_NO_MAP.write_text(
            f'{{\n "about": {json.dumps(about)},\n "knots": [\n{_knot_lines(knots)}\n ],\n'
            f' "perfect": [\n{_knot_lines(perfect)}\n ]\n}}\n',
            "utf-8",
        )
    mapped = replace(model, yes_no=tuple(knots), yes_no_perfect=tuple(perfect)).yes_no_confidence
    for label, keep in (("", lambda p: True), (", has/have", lambda p: p)):
        chosen = [f for f in fit_found if keep(f[3])]
        report(f"fit: rounds < {args.fit_below}{label}", chosen, mapped, model.threshold)
        chosen = [f for f in held_found if keep(f[3])]
        report(f"held out: rounds >= {args.fit_below}{label}", chosen, mapped, model.threshold)


def _knot_lines(knots) -> str:
    return ",\n".join(f"  {json.dumps(list(k))}" for k in knots)  # a knot a line


if __name__ == "__main__":
    main()
