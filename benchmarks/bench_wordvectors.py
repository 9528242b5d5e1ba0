"""Load time, memory and per-call speed of `knowledge.wordvectors`, plus nearest neighbours of probe words.

Each load runs in a fresh interpreter (the module is imported first, so only `WordVectors.load` is
timed); RSS growth is VmRSS after the load minus before it, peak growth the same for VmHWM. Per-call
timings are medians over many batches of calls (`time.perf_counter`, batch time / batch size).
Neighbours are found by brute force: cosine of the probe with every word in the file.

    python benchmarks/bench_wordvectors.py [--loads N] [--batches N]
"""

from __future__ import annotations

import argparse
import heapq
import json
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import MB, machine, median, memory, run_case, table  # noqa: E402

from knowledge.wordvectors import DEFAULT_PATH, WordVectors, cosine, default_vectors  # noqa: E402

# A 15-token question-and-sentence-like bag, as knowledge.text.tokens would give.
SENTENCE = "the minister was sacked after officials said he bought a car with public money last year".split()
PROBES = ["buy", "doctor", "sacked", "car", "rise", "president", "war", "said", "money", "election"]


def child() -> None:
    """One load in this fresh process; print its figures as JSON."""
    before = memory()
    t = time.perf_counter()
    vectors = WordVectors.load()
    seconds = time.perf_counter() - t
    after = memory()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "rss": after["VmRSS"] - before["VmRSS"],
                "peak": after["VmHWM"] - before["VmHWM"],
                "words": len(vectors),
            }
        )
    )


def per_call(fn, batches: int, size: int = 100) -> float:
    """Median seconds of one call of *fn*, over *batches* batches of *size* calls."""
    times = []
    for _ in range(batches):
        t = time.perf_counter()
        for _ in range(size):
            fn()
        times.append((time.perf_counter() - t) / size)
    return median(times)


def plain_mean(vectors: WordVectors, words: list[str]) -> list[float]:
    """The obvious element-by-element mean, for comparison with the packed-integer mean()."""
    total = [0.0] * vectors.dims
    for word in words:
        v = vectors.vec(word)
        if v is not None:
            total = [a + b for a, b in zip(total, v, strict=True)]
    norm = math.hypot(*total)
    return [x / norm for x in total]


def neighbours(vectors: WordVectors, word: str, k: int = 6) -> list[tuple[str, float]]:
    """The *k* words nearest *word* by cosine, itself left out (brute force over the whole file)."""
    probe = vectors.vec(word).tolist()
    scored = ((cosine(probe, vectors.vec(other).tolist()), other) for other in vectors.index if other != word)
    return [(w, s) for s, w in heapq.nlargest(k, scored)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=7, help="fresh-process loads (default 7)")
    parser.add_argument("--batches", type=int, default=300, help="batches of 100 calls per timing")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child()
        return

    print(f"# Word vectors ({machine()})\n")
    loads = [run_case(Path(__file__)) for _ in range(args.loads)]
    vectors = default_vectors()
    a, b = vectors.mean(SENTENCE), vectors.mean(SENTENCE[:7])
    size = DEFAULT_PATH.stat().st_size / MB
    seconds, rss, peak = (median([r[key] for r in loads]) for key in ("seconds", "rss", "peak"))
    rows = [
        ["file size", f"{size:.2f} MB", f"{loads[0]['words']} words x {vectors.dims}"],
        ["load", f"{seconds * 1e3:.1f} ms", f"median of {len(loads)} processes"],
        ["RSS growth after load", f"{rss / MB:.1f} MB", "VmRSS after - before"],
        ["peak RSS growth during load", f"{peak / MB:.1f} MB", "VmHWM"],
        ["mean() of 15 words", f"{per_call(lambda: vectors.mean(SENTENCE), args.batches) * 1e6:.1f} us", ""],
        [
            "plain element-wise mean, 15 words",
            f"{per_call(lambda: plain_mean(vectors, SENTENCE), args.batches) * 1e6:.1f} us",
            "for comparison",
        ],
        ["vec() of one word", f"{per_call(lambda: vectors.vec('doctor'), args.batches) * 1e6:.2f} us", ""],
        ["cosine() of two mean() arrays", f"{per_call(lambda: cosine(a, b), args.batches) * 1e6:.2f} us", ""],
    ]
    print(table(["measure", "value", "how"], rows))

    print("\n## Nearest neighbours (cosine, brute force)\n")
    t = time.perf_counter()
    found = [[p, ", ".join(f"{w} {s:.2f}" for w, s in neighbours(vectors, p))] for p in PROBES]
    print(table(["probe", "nearest words"], found))
    print(f"\n({len(PROBES)} probes x {len(vectors)} words in {time.perf_counter() - t:.1f} s)")


if __name__ == "__main__":
    main()
