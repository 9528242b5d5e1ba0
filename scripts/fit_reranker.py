"""Fit the reranker on the testers' rounds and write knowledge/data/reranker.json.

usage: .venv/bin/python scripts/fit_reranker.py [--fit-below 600] [--report-only]

Needs the dev extra (scikit-learn). Each round's four articles make one base; every answerable question
gives the ranker's first DEPTH candidates (as Matcher.answer reads them), each labelled by whether its
first sentence holds an expected answer. Boosted trees learn that label from RERANK_INPUTS, on rounds
numbered below --fit-below only, and the rounds from there on report how often the first candidate is
right, by the ranker alone and reordered. Questions whose candidates are all right or all wrong teach
no order and are left out of the fit.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fit_scorer import boosted, fit_sets, write_compact_json  # noqa: E402

from knowledge import store  # noqa: E402
from knowledge.evaluate import QUESTIONS_SUFFIX, QuestionSet, _norm, assemble, load_questions  # noqa: E402
from knowledge.factbase import DEFAULT_SOURCES, build_file  # noqa: E402
from knowledge.index import Index  # noqa: E402
from knowledge.matcher import Matcher  # noqa: E402
from knowledge.reranker import DEFAULT_RERANKER, RERANK_INPUTS, Reranker, rerank_row  # noqa: E402
from knowledge.trees import BoostedTrees  # noqa: E402

TESTERS = ROOT / "tests" / "data" / "testers"
# the first trial (histogram trees, rounds 600-896 held out): 3 candidates and 100 trees +438 first right,
# 3 and 50 +316, 2 and 50 +254, 5 and 50 +298; then these trees, 3 candidates, of depth 3: 100 trees +353,
# 200 +438; of depth 4: 100 +453, 200 +540
DEPTH = 3
TREES = {"n_estimators": 200, "max_depth": 4, "learning_rate": 0.2, "subsample": 0.8, "min_samples_leaf": 40}

PUBLIC_WEIGHT = 0.1  # the public fit sets weigh a tenth of the rounds fitted on (1.0 and 0.3 gained less)
Question = tuple[list[list[float]], list[bool]]  # per candidate: rerank row, first sentence right


def round_number(folder: Path) -> int:
    return int(folder.name[1:].split("-")[0])


def collect_round(folder: Path) -> list[Question]:
    """Rerank rows and labels of each answerable question of one round, its base built afresh."""
    return collect_set(
        (folder,), [q for path in sorted(folder.glob("*" + QUESTIONS_SUFFIX)) for q in load_questions(path)]
    )


def collect_public(qs: QuestionSet) -> list[Question]:
    return collect_set(qs.sources or (DEFAULT_SOURCES,), qs.questions)


def collect_set(sources: tuple[Path, ...], questions: list[dict]) -> list[Question]:
    """Rerank rows and labels of each answerable question of *questions*, asked of a base of *sources*."""
    with tempfile.TemporaryDirectory(prefix="fit-reranker-") as tmp:
        db = Path(tmp) / "base.db"
        build_file(assemble(sources, Path(tmp) / "src"), db)
        matcher = Matcher(Index(store.read(db)))
    out = []
    for q in questions:
        if q["kind"] == "out_of_scope":
            continue
        query = matcher.analyse(q["q"])
        ranked = matcher.ranked(query)[:DEPTH]
        if len(ranked) < 2:
            continue
        top = ranked[0].score
        rows = [rerank_row(c.features, c.score, top, i, query.asks) for i, c in enumerate(ranked)]
        texts = [_norm(matcher.index.sentences[c.sentences[0]].text) for c in ranked]
        out.append((rows, [any(_norm(e) in t for e in q["expect"]) for t in texts]))
    return out


def fit(questions: list[Question], weights: list[float], seed: int = 0) -> BoostedTrees:
    """Boosted trees for 'this candidate's first sentence is right', as plain-Python trees."""
    x, y, w = [], [], []
    for (rows, right), weight in zip(questions, weights, strict=True):
        if any(right) and not all(right):
            x += rows
            y += [int(r) for r in right]
            w += [weight] * len(rows)
    return boosted(x, y, w, TREES, seed)


def first_right(questions: list[Question], trees: BoostedTrees | None) -> int:
    """How many questions' first candidate is right, in the ranker's order or reordered by *trees*."""
    n = 0
    for rows, right in questions:
        if trees is None:
            n += right[0]
        else:
            n += right[max(range(len(rows)), key=lambda i: (trees.raw(rows[i]), -i))]
    return n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit-below", type=int, default=600, help="fit on rounds numbered below this")
    parser.add_argument("--report-only", action="store_true", help="report the shipped reranker, fit nothing")
    args = parser.parse_args()
    folders = sorted((p for p in TESTERS.iterdir() if p.is_dir()), key=round_number)
    with Pool(2) as pool:
        per_round = pool.map(collect_round, folders, chunksize=4)
        public = [q for qs in pool.map(collect_public, fit_sets()) for q in qs]
    fit_qs: list[Question] = []
    held_qs: list[Question] = []
    for folder, qs in zip(folders, per_round, strict=True):
        (fit_qs if round_number(folder) < args.fit_below else held_qs).extend(qs)
    if args.report_only:
        trees = Reranker.load().trees
    else:
        public_weight = PUBLIC_WEIGHT * len(fit_qs) / len(public)  # all of them together
        trees = fit(fit_qs + public, [1.0] * len(fit_qs) + [public_weight] * len(public))
        data = {
            "about": f"Fitted by scripts/fit_reranker.py on the testers' rounds below {args.fit_below}.",
            "depth": DEPTH,
            "features": list(RERANK_INPUTS),
            "trees": trees.to_json(),
        }
        write_compact_json(DEFAULT_RERANKER, data)
        print(f"wrote {DEFAULT_RERANKER.relative_to(ROOT)}")
    for name, qs in (
        (f"fitted, rounds below {args.fit_below}", fit_qs),
        ("fitted, the scoring model's public fit sets", public),
        ("held out, the rest", held_qs),
    ):
        print(f"{name}: {len(qs)} questions with two candidates or more; first candidate right:"
              f" ranker {first_right(qs, None)}, reordered {first_right(qs, trees)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
