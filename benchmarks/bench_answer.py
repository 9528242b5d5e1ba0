"""Answer latency of `FactBase.answer`, side by side with a plain rapidfuzz pass over all sentences,
on the shipped base and on the shipped base plus 100,000 distractor sentences; public-set accuracy
with and without the distractors; and the whole-process time of the `citebot ask` command.

Each base is measured in its own fresh interpreter. In it, every question is answered by citebot
and then (in the rounds and for the questions chosen) by `rapidfuzz.process.extractOne(question,
sentences)` over every sentence of the base, so both are timed in the same run on the same
questions. Round 1 is reported separately too: later rounds hit citebot's spelling-correction cache.

    python benchmarks/bench_answer.py [--rounds N] [--sentences N] [--cli-runs N] [--big-cli-runs N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    CITEBOT,
    DEV_CORPUS,
    DEV_NATO,
    MB,
    PUBLIC,
    ROOT,
    copy_sources,
    load_average,
    machine,
    median,
    memory,
    percentile,
    run_case,
    scratch,
    table,
    verdict,
)

TARGET_MEDIAN_MS = 0.3  # issue 8
TARGET_P99_MS = 1.0
TARGET_BIG_P99_MS = 20.0
TARGET_DROP_POINTS = 2.0
TARGET_CLI_S = 0.5
QUESTION_FILES = (PUBLIC, DEV_NATO, DEV_CORPUS)


def child(db: str, rounds: str, extract_rounds: str, extract_public_only: str) -> None:
    """Latency and accuracy on one base, in this fresh process; print them as JSON."""
    import sqlite3

    from rapidfuzz import process

    from knowledge import FactBase
    from knowledge.evaluate import evaluate, load_questions

    questions = [(f.name, q["q"]) for f in QUESTION_FILES for q in load_questions(f)]
    mem0 = memory()
    t0 = time.perf_counter()
    base = FactBase.open(db)
    open_s = time.perf_counter() - t0
    mem1 = memory()
    conn = sqlite3.connect(db)
    sentences = [r[0] for r in conn.execute("select text from sentences order by rowid")]
    conn.close()
    rounds, extract_rounds = int(rounds), int(extract_rounds)
    in_extract = [(name == PUBLIC.name) or extract_public_only != "1" for name, _ in questions]
    cite_all, cite_r1, cite_same, fuzz_same = [], [], [], []
    for r in range(rounds):
        for (_, q), extract in zip(questions, in_extract, strict=True):
            t = time.perf_counter()
            base.answer(q)
            dt = time.perf_counter() - t
            cite_all.append(dt)
            if r == 0:
                cite_r1.append(dt)
            if extract:
                cite_same.append(dt)
            if extract and r < extract_rounds:
                t = time.perf_counter()
                process.extractOne(q, sentences)
                fuzz_same.append(time.perf_counter() - t)
    accuracy = {}
    for f in (PUBLIC, DEV_NATO):
        res = evaluate(load_questions(f), base.answer)
        accuracy[f.name] = [res.accuracy, res.abstention]
    print(
        json.dumps(
            {
                "open_s": open_s,
                "rss_before_open": mem0.get("VmRSS", 0),
                "rss_after_open": mem1.get("VmRSS", 0),
                "peak": memory().get("VmHWM", 0),
                "sentences": len(sentences),
                "questions": len(questions),
                "same_questions": sum(in_extract),
                "cite_all": cite_all,
                "cite_r1": cite_r1,
                "cite_same": cite_same,
                "fuzz_same": fuzz_same,
                "accuracy": accuracy,
            }
        )
    )


def cli_times(db: Path, runs: int) -> tuple[list[float], list[float], int]:
    """Whole-process seconds of `citebot ask` with one question, and of --json over the public set."""
    one, batch, lines = [], [], 0
    public = "\n".join(
        json.loads(line)["q"] for line in PUBLIC.read_text("utf-8").splitlines() if line.strip()
    )
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(
            [str(CITEBOT), "ask", "--db", str(db), "rutte nickname"], check=True, capture_output=True
        )
        one.append(time.perf_counter() - t)
        t = time.perf_counter()
        out = subprocess.run(
            [str(CITEBOT), "ask", "--db", str(db), "--json"],
            input=public + "\n",
            check=True,
            capture_output=True,
            text=True,
        )
        batch.append(time.perf_counter() - t)
        lines = len(out.stdout.splitlines())
    return one, batch, lines


def ms(v: float) -> float:
    return v * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20, help="rounds over all questions (default 20)")
    ap.add_argument("--big-fuzz-rounds", type=int, default=1, help="extractOne rounds on the big base")
    ap.add_argument("--sentences", type=int, default=100_000, help="distractor sentences (default 100000)")
    ap.add_argument("--cli-runs", type=int, default=5, help="citebot ask runs on the shipped base")
    ap.add_argument("--big-cli-runs", type=int, default=1, help="citebot ask runs on the big base")
    args = ap.parse_args()
    at_start = machine()

    from distractors import make_distractor_sources

    from knowledge import build_file

    if not CITEBOT.exists():
        sys.exit(f"{CITEBOT} is missing: install the project first (./dev run or pip install -e .)")
    work = scratch("citebot-bench-answer-")
    small_db, big_db = work / "shipped.db", work / "big.db"
    build_file(copy_sources(work / "shipped"), small_db)
    t0 = time.perf_counter()
    info = make_distractor_sources(work / "big", args.sentences)
    # build in a child so the big build's memory does not stay in this process
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from knowledge import build_file; build_file(sys.argv[1], sys.argv[2])",
            str(work / "big"),
            str(big_db),
        ],
        check=True,
        cwd=ROOT,
    )
    prep_s = time.perf_counter() - t0

    small = run_case(Path(__file__), "latency", str(small_db), str(args.rounds), str(args.rounds), "0")
    big = run_case(Path(__file__), "latency", str(big_db), str(args.rounds), str(args.big_fuzz_rounds), "1")
    small_cli = cli_times(small_db, args.cli_runs)
    big_cli = cli_times(big_db, args.big_cli_runs) if args.big_cli_runs else ([], [], 0)

    print(f"## Answer latency ({time.strftime('%Y-%m-%d %H:%M')})\n")
    print(f"At the start: {at_start}; at the end: load average {load_average()}.\n")
    print(
        f"Questions: {small['questions']} (public {PUBLIC.name}, {DEV_NATO.name}, {DEV_CORPUS.name}) x "
        f"{args.rounds} rounds. Distractor base: {info['sentences']:,} distractor sentences in "
        f"{info['files']} files (generated and built in {prep_s:.0f} s).\n"
    )
    rows = []
    for label, r, fuzz_rounds, p99_target, med_target in (
        ("shipped", small, args.rounds, TARGET_P99_MS, TARGET_MEDIAN_MS),
        (f"+{args.sentences // 1000}k distractors", big, args.big_fuzz_rounds, TARGET_BIG_P99_MS, None),
    ):
        cm, cp = ms(median(r["cite_all"])), ms(percentile(r["cite_all"], 99))
        targets = []
        if med_target is not None:
            targets.append(f"median < {med_target} ms: {verdict(cm < med_target)}")
        targets.append(f"p99 < {p99_target:g} ms: {verdict(cp < p99_target)}")
        rows.append(
            [
                f"citebot, {label} ({r['sentences']:,} sentences)",
                f"{len(r['cite_all'])} ({r['questions']} q x {args.rounds})",
                cm,
                cp,
                ms(max(r["cite_all"])),
                ms(percentile(r["cite_r1"], 99)),
                "; ".join(targets),
            ]
        )
        same = r["same_questions"]
        sm, sp = ms(median(r["cite_same"])), ms(percentile(r["cite_same"], 99))
        fm, fp = ms(median(r["fuzz_same"])), ms(percentile(r["fuzz_same"], 99))
        if same != r["questions"]:
            rows.append(
                [
                    f"citebot, {label}, same questions as extractOne",
                    f"{len(r['cite_same'])} ({same} q x {args.rounds})",
                    sm,
                    sp,
                    ms(max(r["cite_same"])),
                    "",
                    "",
                ]
            )
        rows.append(
            [
                f"extractOne(q, all sentences), {label}",
                f"{len(r['fuzz_same'])} ({same} q x {fuzz_rounds})",
                fm,
                fp,
                ms(max(r["fuzz_same"])),
                "",
                f"citebot / extractOne: median x{sm / fm:.3g}, p99 x{sp / fp:.3g}",
            ]
        )
    print(
        table(
            [
                "answerer",
                "answers timed",
                "median ms",
                "p99 ms",
                "max ms",
                "round-1 p99 ms",
                "target / ratio",
            ],
            rows,
        )
    )
    print()
    acc_rows = []
    for name in (PUBLIC.name, DEV_NATO.name):
        a0, b0 = small["accuracy"][name]
        a1, b1 = big["accuracy"][name]
        drop = max(a0 - a1, b0 - b1) * 100
        target = f"<= {TARGET_DROP_POINTS:g} points lower: {verdict(drop <= TARGET_DROP_POINTS)}"
        acc_rows.append(
            [
                name,
                f"{a0:.2f} / {b0:.2f}",
                f"{a1:.2f} / {b1:.2f}",
                f"{drop:.1f}",
                target if name == PUBLIC.name else "",
            ]
        )
    print(
        table(
            [
                "questions",
                "shipped: in-scope acc / OOS abstention",
                "+distractors: acc / abstention",
                "largest drop (points)",
                "target",
            ],
            acc_rows,
        )
    )
    print()
    print(
        table(
            ["base", "open s", "RSS after open MB", "peak RSS MB"],
            [
                ["shipped", small["open_s"], small["rss_after_open"] / MB, small["peak"] / MB],
                [
                    f"+{args.sentences // 1000}k distractors",
                    big["open_s"],
                    big["rss_after_open"] / MB,
                    big["peak"] / MB,
                ],
            ],
        )
    )
    print()
    cli_rows = []
    for label, (one, batch, lines), runs in (
        ("shipped", small_cli, args.cli_runs),
        (f"+{args.sentences // 1000}k distractors", big_cli, args.big_cli_runs),
    ):
        if not one:
            continue
        m1 = median(one)
        cli_rows.append(
            [
                f'`citebot ask --db DB "rutte nickname"`, {label}',
                runs,
                m1,
                max(one),
                f"< {TARGET_CLI_S:g} s: {verdict(m1 < TARGET_CLI_S)}"
                if label == "shipped"
                else "(no target)",
            ]
        )
        cli_rows.append(
            [
                f"`citebot ask --db DB --json` < {lines} public questions, {label}",
                runs,
                median(batch),
                max(batch),
                "",
            ]
        )
    print(table(["whole process", "runs", "median s", "max s", "target"], cli_rows))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[3:])
    else:
        main()
