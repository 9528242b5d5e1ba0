"""Build time and peak memory of `knowledge.build_file`: the shipped sources, and the shipped sources
plus 100,000 distractor sentences (standard-library docstrings, see distractors.py).

Every build runs in a fresh interpreter, so one case's memory never shows in another's; its peak
RSS is the building process's own (VmHWM, cross-checked with ru_maxrss). The time is
`time.perf_counter()` around `build_file` alone (imports excluded), split into its phases
(read sources, derive, write SQLite) by wrapping those functions.

Then build time and base size against the size of the text (--sizes, in MB of UTF-8 text), laid out
as normal paragraphs and as one line a file, in files of at most FILE_BYTES: both should grow
linearly (seconds per MB and base bytes per text byte about constant across sizes).

    python benchmarks/bench_build.py [--runs N] [--big-runs N] [--sentences N] [--sizes 1,10,50]
    python benchmarks/bench_build.py --quick     # small sizes and few runs, in about a minute
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import MB, copy_sources, load_average, machine, median, memory, run_case, scratch, table, verdict  # noqa: E402

TARGET_SECONDS = 30.0
TARGET_MB = 500.0
FILE_BYTES = 5_000_000  # half of knowledge.limits.MAX_ARTICLE_BYTES
LINEAR_SLACK = 1.5  # the largest size may cost this much more per MB than the smallest


LAYOUTS = {
    "paragraphs": "docstring prose in paragraphs under a headline",
    "one line a file": "the same prose, each file a single line",
    "repeated lines": "one short sentence a line, the same few sentences over and over",
}
REPEATED = [f"The committee met again on {day}." for day in ("Monday", "Tuesday", "Friday")]


def make_sized_sources(folder: Path, n_bytes: int, layout: str) -> dict:
    """About *n_bytes* of text laid out as *layout* (see LAYOUTS), in files of at most FILE_BYTES."""
    from distractors import _corpus, _paragraph_stream

    folder.mkdir(parents=True)
    stream = _paragraph_stream(_corpus()) if layout != "repeated lines" else None
    written = files = 0
    while written < n_bytes:
        files += 1
        size = min(FILE_BYTES, n_bytes - written)
        paras: list[str] = []
        used = 0
        while used < size:
            para = next(stream)[1] if stream else REPEATED[len(paras) % len(REPEATED)]
            paras.append(para)
            used += len(para.encode()) + 2
        if layout == "one line a file":
            text = " ".join(paras) + "\n"
        elif layout == "repeated lines":
            text = f"Notes, part {files}\n" + "\n".join(paras) + "\n"
        else:
            text = f"Notes, part {files}\n\n" + "\n\n".join(paras) + "\n"
        (folder / f"text-{files:03d}.txt").write_text(text, "utf-8")
        written += used
    return {"files": files, "bytes": sum(p.stat().st_size for p in folder.iterdir())}


def size_rows(work: Path, sizes: dict[str, list[float]], runs: int) -> list[list]:
    """One row per layout and size: build time, peak memory and base size."""
    rows = []
    for layout, layout_sizes in sizes.items():
        if not layout_sizes:
            continue
        per_mb = []
        for mb in layout_sizes:
            folder = work / f"size-{mb:g}-{layout.replace(' ', '-')}"
            info = make_sized_sources(folder, int(mb * 1e6), layout)
            results = [
                run_case(Path(__file__), "build", str(folder), str(work / f"size{i}.db"), timeout=1800)
                for i in range(runs)
            ]
            secs = median([r["seconds"] for r in results])
            db_mb = results[0]["db_bytes"] / 1e6
            per_mb.append(secs / (info["bytes"] / 1e6))
            rows.append(
                [
                    layout,
                    info["bytes"] / 1e6,
                    info["files"],
                    results[0]["meta"]["sentences"],
                    secs,
                    per_mb[-1],
                    max(r["peak"] for r in results) / MB,
                    db_mb,
                    db_mb / (info["bytes"] / 1e6),
                    "",
                ]
            )
            shutil.rmtree(folder)
        ok = per_mb[-1] <= LINEAR_SLACK * max(per_mb[0], 1e-9) if len(per_mb) > 1 else True
        rows[-1][-1] = f"s/MB within {LINEAR_SLACK}x of the smallest: {verdict(ok)}"
    return rows


def child(sources: str, db: str) -> None:
    """One build in this fresh process; print its figures as JSON."""
    import knowledge.factbase as factbase

    phases: dict[str, float] = {"load": 0.0, "derive": 0.0, "write": 0.0}

    def timed(name, fn):
        def wrapper(*a, **kw):
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                phases[name] += time.perf_counter() - t

        return wrapper

    factbase.load_sources = timed("load", factbase.load_sources)
    factbase.derive = timed("derive", factbase.derive)
    factbase.store.write = timed("write", factbase.store.write)
    before = memory()
    t0 = time.perf_counter()
    meta = factbase.build_file(sources, db)
    seconds = time.perf_counter() - t0
    after = memory()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "phases": phases,
                "meta": meta,
                "rss_before": before.get("VmRSS", 0),
                "peak": after.get("VmHWM", after["ru_maxrss"]),
                "ru_maxrss": after["ru_maxrss"],
                "db_bytes": Path(db).stat().st_size,
            }
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="builds of the shipped sources (default 5)")
    ap.add_argument("--big-runs", type=int, default=3, help="builds with distractors (default 3)")
    ap.add_argument("--sentences", type=int, default=100_000, help="distractor sentences (default 100000)")
    ap.add_argument("--sizes", default="1,10,50", help="MB of text for the size rows (default 1,10,50)")
    ap.add_argument("--repeated-sizes", default="0.5,1,2", help="MB of repeated lines (default 0.5,1,2)")
    ap.add_argument("--size-runs", type=int, default=1, help="builds per size (default 1)")
    ap.add_argument(
        "--quick", action="store_true", help="sizes 0.2,1,2 MB, 10,000 distractors, one or two runs each"
    )
    args = ap.parse_args()
    if args.quick:
        args.runs, args.big_runs, args.sentences = 2, 1, 10_000
        args.sizes, args.repeated_sizes = "0.2,1,2", "0.2,0.5,1"

    def mbs(text: str) -> list[float]:
        return [float(x) for x in text.split(",") if x.strip()]

    sizes = {"paragraphs": mbs(args.sizes), "one line a file": mbs(args.sizes)}
    sizes["repeated lines"] = mbs(args.repeated_sizes)
    at_start = machine()

    from distractors import make_distractor_sources

    work = scratch("citebot-bench-build-")
    t0 = time.perf_counter()
    shipped = copy_sources(work / "shipped")
    big = work / "distractors"
    info = make_distractor_sources(big, args.sentences)
    gen_seconds = time.perf_counter() - t0

    cases = [
        ("shipped sources", shipped, args.runs, False),
        (f"shipped + {args.sentences:,} distractor sentences", big, args.big_runs, True),
    ]
    rows, counts, phases = [], [], []
    for label, folder, runs, has_target in cases:
        results = [
            run_case(Path(__file__), "build", str(folder), str(work / f"run{i}.db")) for i in range(runs)
        ]
        secs = [r["seconds"] for r in results]
        peak = max(r["peak"] for r in results) / MB
        maxrss = max(r["ru_maxrss"] for r in results) / MB
        before = median([r["rss_before"] for r in results]) / MB
        med = median(secs)
        rows.append(
            [
                label,
                runs,
                med,
                min(secs),
                max(secs),
                f"< {TARGET_SECONDS:.0f} s: {verdict(med < TARGET_SECONDS)}" if has_target else "",
                peak,
                maxrss,
                before,
                f"< {TARGET_MB:.0f} MB: {verdict(peak < TARGET_MB)}" if has_target else "",
                results[0]["db_bytes"] / MB,
            ]
        )
        m = results[0]["meta"]
        share = m["build_seconds"] / results[0]["seconds"] if results[0]["seconds"] else 0.0
        counts.append(
            [
                label,
                m["documents"],
                m["sentences"],
                m["entities"],
                m["facts"],
                m["build_seconds"],
                f"{share:.0%}",
            ]
        )
        ph = {k: median([r["phases"][k] for r in results]) for k in ("load", "derive", "write")}
        phases.append([label, ph["load"], ph["derive"], ph["write"], f"{ph['write'] / med:.0%}"])

    print(f"## Build ({time.strftime('%Y-%m-%d %H:%M')})\n")
    print(f"At the start: {at_start}; at the end: load average {load_average()}.\n")
    print(
        f"Distractors: {info['files']} files, {info['sentences']:,} sentences "
        f"({info['original_sentences']:,} distinct docstring sentences, the rest varied copies), "
        f"generated in {gen_seconds:.1f} s.\n"
    )
    print(
        table(
            [
                "case",
                "runs",
                "build s (median)",
                "min s",
                "max s",
                "time target",
                "peak RSS MB",
                "ru_maxrss MB",
                "RSS after imports MB",
                "memory target",
                "db MB",
            ],
            rows,
        )
    )
    print()
    print(
        table(
            ["case", "documents", "sentences", "entities", "facts", "meta build_seconds", "of measured"],
            counts,
        )
    )
    print()
    print(table(["case", "read sources s", "derive s", "write SQLite s", "write share"], phases))
    print(
        "\n`of measured`: meta build_seconds as a share of the same run's measured build_file time;"
        " well under 100% means the meta leaves part of the build out."
    )
    if any(sizes.values()):
        print(f"\n### Build against text size (files of at most {FILE_BYTES / 1e6:g} MB)\n")
        print("".join(f"- {name}: {what}\n" for name, what in LAYOUTS.items()))
        print(
            table(
                [
                    "layout",
                    "text MB",
                    "files",
                    "sentences",
                    "build s",
                    "s per MB",
                    "peak RSS MB",
                    "db MB",
                    "db / text",
                    "linear",
                ],
                size_rows(work, sizes, args.size_runs),
            )
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[3:])
    else:
        main()
