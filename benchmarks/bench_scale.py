"""How build, open and answer grow with the base: the shipped sources plus 10k, 100k (and, asked
for, 1M) distractor sentences; and how long another process takes to serve a rebuilt base.

Every case runs in a fresh interpreter (`--child`): a build (time around `build_file`, peak RSS
= VmHWM); an open of the base it wrote (time around `FactBase.open`, RSS growth, VmHWM), then a
second open in the same warm process (what the library pays per server base); the same open with
the stored index switched off (the index made from the rows, as before issue 11; `--no-rows-open`
skips it); then the public + dev-nato questions answered in rounds (p50/p99 per question, nearest
rank, round 1 apart: later rounds hit the spelling cache) and the accuracy on the public NATO
questions. Last, "follow": a base open in this process, the file rebuilt by another process, and
the time until this process answers from the new build.

    python benchmarks/bench_scale.py [--sizes 10000,100000] [--rounds 5] [--no-rows-open]
    python benchmarks/bench_scale.py --sizes 1000000 --rounds 2 --no-rows-open   # ~5 min, 2.4 GB
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
    DEV_NATO,
    MB,
    PUBLIC,
    ROOT,
    copy_sources,
    machine,
    median,
    memory,
    percentile,
    run_case,
    scratch,
    table,
)

SCRIPT = Path(__file__).resolve()
TARGETS = {  # issue 11
    100_000: {"open_s": 1.0, "p99_ms": 5.0},
    1_000_000: {"build_s": 300.0, "build_mb": 3072.0, "open_s": 3.0, "p99_ms": 20.0},
}


def child_build(sources: str, db: str) -> dict:
    from knowledge import build_file

    t = time.perf_counter()
    meta = build_file(sources, db)
    return {
        "build_s": time.perf_counter() - t,
        "build_peak": memory().get("VmHWM", 0),
        "sentences": meta["sentences"],
    }


def child_open(db: str, rounds: str, stored: str) -> dict:
    from knowledge import FactBase, snapshot
    from knowledge.evaluate import evaluate, load_questions

    if stored != "1":
        snapshot.read = lambda conn: None  # type: ignore[assignment]  # index the rows, as before
    before = memory()
    t = time.perf_counter()
    base = FactBase.open(db)
    out: dict = {"open_s": time.perf_counter() - t}
    out["open_rss"] = memory().get("VmRSS", 0) - before.get("VmRSS", 0)
    out["open_peak"] = memory().get("VmHWM", 0)
    t = time.perf_counter()
    FactBase.open(db)  # a second base in a warm process: what the library pays per server base
    out["open_again_s"] = time.perf_counter() - t
    if stored != "1":
        return out
    questions = [q["q"] for f in (PUBLIC, DEV_NATO) for q in load_questions(f)]
    all_times, first = [], []
    for r in range(int(rounds)):
        for q in questions:
            t = time.perf_counter()
            base.answer(q)
            dt = time.perf_counter() - t
            all_times.append(dt)
            if r == 0:
                first.append(dt)
    res = evaluate(load_questions(PUBLIC), base.answer)
    out.update(
        p50_ms=median(all_times) * 1000,
        p99_ms=percentile(all_times, 99) * 1000,
        r1_p99_ms=percentile(first, 99) * 1000,
        max_ms=max(all_times) * 1000,
        accuracy=res.accuracy,
        questions=len(questions),
    )
    return out


def child_follow(sources: str, db: str) -> dict:
    """Seconds from another process's rebuild finishing to this process answering from it."""
    from knowledge import FactBase

    base = FactBase.open(db)
    old = base.version
    text = f"A headline\n\nA new sentence for version {time.time_ns()}.\n"  # a new digest every run
    (Path(sources) / "zz-follow.txt").write_text(text, "utf-8")
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from knowledge import build_file; build_file(*sys.argv[1:])",
            sources,
            db,
        ],
        check=True,
        cwd=ROOT,
    )
    done = time.perf_counter()
    while base.answer("rutte nickname").version == old:
        if time.perf_counter() - done > 30:
            raise SystemExit("this process never served the rebuilt base")
        time.sleep(0.01)
    return {"follow_s": time.perf_counter() - done}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--child", nargs="+")
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--no-rows-open", action="store_true")
    args = ap.parse_args(argv)
    if args.child:
        kind, *rest = args.child
        fn = {"build": child_build, "open": child_open, "follow": child_follow}[kind]
        print(json.dumps(fn(*rest)))
        return 0
    from distractors import make_distractor_sources

    work = scratch("citebot-scale-")
    sizes = [0] + [int(s) for s in args.sizes.split(",") if s]
    print(f"## bench_scale.py\n\n{machine()}.\n")
    rows = []
    for n in sizes:
        folder = work / f"src{n}"
        if n:
            make_distractor_sources(folder, n)
        else:
            copy_sources(folder)
        db = work / f"base{n}.db"
        b = run_case(SCRIPT, "build", str(folder), str(db), timeout=3600)
        o = run_case(SCRIPT, "open", str(db), str(args.rounds), "1", timeout=3600)
        rows_open = {} if args.no_rows_open else run_case(SCRIPT, "open", str(db), "0", "0", timeout=3600)
        label = "shipped" if not n else f"shipped + {n:,}"
        target = TARGETS.get(n, {})
        rows.append(
            [
                label,
                b["sentences"],
                b["build_s"],
                b["build_peak"] / MB,
                db.stat().st_size / MB,
                o["open_s"],
                o["open_again_s"],
                o["open_rss"] / MB,
                o["open_peak"] / MB,
                rows_open.get("open_s", float("nan")),
                rows_open.get("open_peak", float("nan")) / MB if rows_open else float("nan"),
                o["p50_ms"],
                o["p99_ms"],
                o["r1_p99_ms"],
                o["max_ms"],
                o["accuracy"],
                ", ".join(f"{k} < {v:g}" for k, v in target.items()) or "",
            ]
        )
        print(f"measured {label} (load {machine().rsplit('average ', 1)[1]})", file=sys.stderr, flush=True)
    print(
        table(
            [
                "base",
                "sentences",
                "build s",
                "build peak MB",
                "db MB",
                "open s",
                "open again s",
                "open RSS MB",
                "open peak MB",
                "open from rows s",
                "rows open peak MB",
                "p50 ms",
                "p99 ms",
                "round-1 p99 ms",
                "max ms",
                "public accuracy",
                "targets",
            ],
            rows,
        )
    )
    follow = [
        run_case(SCRIPT, "follow", str(work / "src0"), str(work / "base0.db"))["follow_s"] for _ in range(5)
    ]
    print(
        f"\nFollow: another process rebuilt the shipped base; this process answered from it "
        f"{median(follow):.2f} s later (median of 5, max {max(follow):.2f} s; target < 2 s).\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
