"""Accuracy of citebot beside the baselines a user might pick instead, on the same questions.

Each baseline quotes the single best sentence of the base (every row of the built base's sentences
table) and abstains when its best score is below a threshold. The threshold is tuned once, on the
public set (the one maximising in-scope accuracy + out-of-scope abstention there; ties go to the
lowest threshold), and then applied unchanged to the other sets:

  (a) rapidfuzz fuzz.WRatio(question, sentence, processor=utils.default_process)
  (b) rapidfuzz fuzz.token_set_ratio(question, sentence, processor=utils.default_process)
      (lower-cased, punctuation stripped: the way the issue's figures were produced; without the
      processor token_set_ratio does worse, 0.40 / 0.88 on the public set)
  (c) Okapi BM25 (k1 = 1.5, b = 0.75) over lower-cased tokens (knowledge.text.tokens) with
      knowledge.text.STOPWORDS removed, no stemming; idf = ln(1 + (N - df + 0.5) / (df + 0.5))

Sets: the public set and dev-nato on the shipped sources; dev-corpus on the shipped sources plus
tests/data/corpus/*.txt (which have no hand-written facts). Scoring is knowledge.evaluate, the same
as ../shared/eval/score.py. citebot is also run on bases built without any hand-written facts.

    python benchmarks/bench_baselines.py
"""

from __future__ import annotations

import math
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import CORPUS, DEV_CORPUS, DEV_NATO, PUBLIC, SHIPPED, copy_sources, machine, scratch, table  # noqa: E402
from rapidfuzz import fuzz, utils  # noqa: E402

from knowledge import Answer, Citation, FactBase, build_file  # noqa: E402
from knowledge.evaluate import evaluate, load_questions  # noqa: E402
from knowledge.text import STOPWORDS, tokens  # noqa: E402

EXPECTED_PUBLIC = {"WRatio": "0.03 / -", "token_set_ratio": "0.77 / 0.75", "BM25": "0.80 / 1.00"}


class BM25:
    """Okapi BM25 over one base's sentences."""

    def __init__(self, sentences: list[str], k1: float = 1.5, b: float = 0.75):
        self.k1, self.b = k1, b
        self.docs = [Counter(self.terms(s)) for s in sentences]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avgdl = sum(self.lengths) / max(1, len(self.docs))
        df = Counter(t for d in self.docs for t in d)
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    @staticmethod
    def terms(text: str) -> list[str]:
        return [t for t in tokens(text) if t not in STOPWORDS]

    def best(self, question: str) -> tuple[int, float]:
        q = set(self.terms(question))
        best_i, best_s = 0, 0.0
        for i, (d, dl) in enumerate(zip(self.docs, self.lengths, strict=True)):
            s = 0.0
            norm = self.k1 * (1 - self.b + self.b * dl / self.avgdl)
            for t in q:
                f = d.get(t)
                if f:
                    s += self.idf[t] * f * (self.k1 + 1) / (f + norm)
            if s > best_s:
                best_i, best_s = i, s
        return best_i, best_s


def sentences_of(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    rows = [r[0] for r in conn.execute("select text from sentences order by document, ordinal")]
    conn.close()
    return rows


def scorer_best(scorer: Callable, sentences: list[str]) -> Callable[[str], tuple[str, float]]:
    def best(question: str) -> tuple[str, float]:
        scores = [scorer(question, s, processor=utils.default_process) for s in sentences]
        i = max(range(len(scores)), key=scores.__getitem__)  # first best on ties
        return sentences[i], scores[i]

    return best


def bm25_best(sentences: list[str]) -> Callable[[str], tuple[str, float]]:
    index = BM25(sentences)

    def best(question: str) -> tuple[str, float]:
        i, s = index.best(question)
        return sentences[i], s

    return best


def answer_fn(best: Callable[[str], tuple[str, float]], threshold: float) -> Callable[[str], Answer]:
    def answer(question: str) -> Answer:
        text, score = best(question)
        if score < threshold or score <= 0:
            return Answer(question=question, text="", abstained=True)
        cite = Citation("", "", "", "", 0, 0, text)
        return Answer(question=question, text=text, citations=(cite,), confidence=score)

    return answer


def tune(best: Callable[[str], tuple[str, float]], questions: list[dict]) -> tuple[float, float]:
    """The threshold maximising accuracy + abstention on *questions*, and that objective."""
    scores = sorted({best(q["q"])[1] for q in questions})
    candidates = [0.0, *scores, math.inf]
    winner, top = 0.0, -1.0
    for t in candidates:
        r = evaluate(questions, answer_fn(best, t))
        objective = r.accuracy + r.abstention
        if objective > top + 1e-12:
            winner, top = t, objective
    return winner, top


def main() -> None:
    t0 = time.perf_counter()
    work = scratch("citebot-bench-baselines-")
    shipped_db, corpus_db = work / "shipped.db", work / "corpus.db"
    build_file(copy_sources(work / "shipped"), shipped_db)
    build_file(copy_sources(work / "corpus", CORPUS), corpus_db)
    # the same sources without any *.facts.toml: what citebot derives on its own
    bare = copy_sources(work / "bare")
    bare_corpus = copy_sources(work / "bare-corpus", CORPUS)
    for folder in (bare, bare_corpus):
        for f in folder.glob("*.facts.toml"):
            f.unlink()
    bare_db, bare_corpus_db = work / "bare.db", work / "bare-corpus.db"
    build_file(bare, bare_db)
    build_file(bare_corpus, bare_corpus_db)

    sets = [
        (PUBLIC.name, load_questions(PUBLIC), shipped_db, bare_db),
        (DEV_NATO.name, load_questions(DEV_NATO), shipped_db, bare_db),
        (DEV_CORPUS.name + " (+corpus articles)", load_questions(DEV_CORPUS), corpus_db, bare_corpus_db),
    ]
    public_qs = sets[0][1]
    sentences = {db: sentences_of(db) for db in (shipped_db, corpus_db)}
    baselines = {
        "WRatio": lambda sents: scorer_best(fuzz.WRatio, sents),
        "token_set_ratio": lambda sents: scorer_best(fuzz.token_set_ratio, sents),
        "BM25": bm25_best,
    }

    headers = ["answerer", "threshold (tuned on public)"]
    for name, qs, _, _ in sets:
        n_in = sum(q["kind"] != "out_of_scope" for q in qs)
        headers.append(f"{name}: acc / abst ({n_in} in, {len(qs) - n_in} out)")
    headers.append("issue's public figures")
    rows = []
    figures: dict[str, list[tuple[float, float]]] = {}

    def run(label: str, make: Callable[[str, Path, Path], Callable[[str], Answer]], thr, expected) -> None:
        cells, figs = [], []
        for name, qs, db, bare_db_ in sets:
            r = evaluate(qs, make(name, db, bare_db_))
            cells.append(f"{r.accuracy:.2f} / {r.abstention:.2f}")
            figs.append((r.accuracy, r.abstention))
        rows.append([label, thr, *cells, expected])
        figures[label] = figs

    bases = {db: FactBase.open(db) for db in (shipped_db, corpus_db, bare_db, bare_corpus_db)}
    run("citebot", lambda n, db, b: bases[db].answer, "(its own)", "1.00 / 1.00 (public CI gate)")
    run("citebot, no hand-written facts", lambda n, db, b: bases[b].answer, "(its own)", "")
    for label, make_best in baselines.items():
        threshold, _ = tune(make_best(sentences[shipped_db]), public_qs)
        bests = {db: make_best(sentences[db]) for db in (shipped_db, corpus_db)}
        run(
            label,
            lambda n, db, b, bests=bests, threshold=threshold: answer_fn(bests[db], threshold),
            f"{threshold:.3g}",
            EXPECTED_PUBLIC[label],
        )
        # the same scorer never abstaining: its in-scope ceiling
        run(
            f"{label}, never abstaining",
            lambda n, db, b, bests=bests: answer_fn(bests[db], -math.inf),
            "none",
            "",
        )

    print(f"## Baselines ({machine()}, {time.strftime('%Y-%m-%d %H:%M')})\n")
    print(
        f"Bases: shipped sources {SHIPPED.name}/ ({len(sentences[shipped_db])} sentences); "
        f"+ {CORPUS.relative_to(CORPUS.parents[2])}/ ({len(sentences[corpus_db])} sentences). "
        "acc = in-scope accuracy, abst = out-of-scope abstention.\n"
    )
    print(table(headers, rows))
    c = figures["citebot"][2][0]
    cb = figures["citebot, no hand-written facts"][2][0]
    bm = figures["BM25"][2][0]
    print(
        f"\ndev-corpus in-scope accuracy: citebot {c:.2f} (no hand facts: {cb:.2f}) vs BM25 {bm:.2f}: "
        f"{'citebot ahead by' if cb > bm else 'citebot NOT ahead:'} {100 * (cb - bm):+.0f} points."
    )
    print(f"\n({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
