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
tests/data/corpus/*.txt; each SQuAD article alone; the news stories of tests/data/news/dev and of
tests/data/news/heldout, pages-dev and pages-heldout, each group in one base. Scoring is
knowledge.evaluate, as ../shared/eval/score.py.

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

from _common import CORPUS, DEV_CORPUS, DEV_NATO, PUBLIC, ROOT, SHIPPED, machine, scratch, table  # noqa: E402
from rapidfuzz import fuzz, utils  # noqa: E402

from knowledge import Answer, Citation, FactBase, build_file  # noqa: E402
from knowledge.evaluate import QuestionSet, assemble, evaluate, load_questions, question_sets  # noqa: E402
from knowledge.text import STOPWORDS, tokens  # noqa: E402


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


def evaluation_sets() -> list[tuple[str, list[QuestionSet]]]:
    """Every public question set, grouped by the base that answers it."""
    data = ROOT / "tests" / "data"
    nato = question_sets([PUBLIC, DEV_NATO])
    corpus = question_sets([DEV_CORPUS])
    corpus[0].sources = (SHIPPED, CORPUS)
    groups = [(s.name, [s]) for s in nato] + [("dev-corpus (+2 corpus articles)", corpus)]
    groups += [(s.name + " (alone)", [s]) for s in question_sets([data / "squad"], each=True)]
    for folder, label in (
        ("dev", "news dev"),
        ("heldout", "news held out"),
        ("pages-dev", "page stories dev"),
        ("pages-heldout", "page stories held out"),
    ):
        sets = question_sets([data / "news" / folder])
        groups.append((f"{label}, {len(sets)} stories in one base", sets))
    return groups


def main() -> None:
    t0 = time.perf_counter()
    work = scratch("citebot-bench-baselines-")
    groups = evaluation_sets()
    dbs: dict[tuple[Path, ...], Path] = {}
    for _, sets in groups:
        key = sets[0].sources or (SHIPPED,)
        if key not in dbs:
            folder = assemble(key, work / f"src{len(dbs)}")
            dbs[key] = work / f"base{len(dbs)}.db"
            build_file(folder, dbs[key])
    sentences = {db: sentences_of(db) for db in dbs.values()}
    bases = {db: FactBase.open(db) for db in dbs.values()}
    public_qs = load_questions(PUBLIC)
    shipped_db = dbs[(SHIPPED,)]
    baselines = {
        "token_set_ratio": lambda sents: scorer_best(fuzz.token_set_ratio, sents),
        "BM25": bm25_best,
    }
    answerers: list[tuple[str, Callable[[Path], Callable[[str], Answer]]]] = [
        ("citebot", lambda db: bases[db].answer)
    ]
    for label, make_best in baselines.items():
        threshold, _ = tune(make_best(sentences[shipped_db]), public_qs)
        bests = {db: make_best(sentences[db]) for db in dbs.values()}
        answerers.append(
            (f"{label} (threshold {threshold:.3g})", lambda db, b=bests, t=threshold: answer_fn(b[db], t))
        )
        answerers.append((f"{label}, never abstaining", lambda db, b=bests: answer_fn(b[db], -math.inf)))

    headers = ["set (answerable / out of scope)", *(label for label, _ in answerers)]
    rows = []
    for name, sets in groups:
        db = dbs[sets[0].sources or (SHIPPED,)]
        questions = [q for s in sets for q in s.questions]
        n_in = sum(q["kind"] != "out_of_scope" for q in questions)
        cells = []
        for _, make in answerers:
            r = evaluate(questions, make(db))
            cells.append(f"{r.accuracy:.2f} / {r.abstention:.2f}")
        rows.append([f"{name} ({n_in} / {len(questions) - n_in})", *cells])

    print(f"## Baselines ({machine()}, {time.strftime('%Y-%m-%d %H:%M')})\n")
    print(
        "Cells: in-scope accuracy / out-of-scope abstention. Baseline thresholds are tuned on the public "
        "NATO set and applied unchanged elsewhere. The scoring model was fitted on the NATO sets, "
        "dev-corpus, normans, computational-complexity-theory, the news dev stories and the page dev "
        "stories; southern-california and the held-out news and page stories were never fitted on.\n"
    )
    print(table(headers, rows))
    print(f"\n({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
