"""Shared bits of the benchmarks: paths, fresh-process cases, percentiles and Markdown tables."""

from __future__ import annotations

import atexit
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SHIPPED = ROOT / "knowledge" / "sources"
PUBLIC = Path(
    os.environ.get("CITEBOT_PUBLIC_QUESTIONS", ROOT.parent / "shared" / "eval" / "nato-public.jsonl")
)
DEV_NATO = ROOT / "tests" / "data" / "dev-nato.jsonl"
DEV_CORPUS = ROOT / "tests" / "data" / "dev-corpus.jsonl"
CORPUS = ROOT / "tests" / "data" / "corpus"
CITEBOT = Path(sys.executable).parent / "citebot"
MB = 1024 * 1024


def scratch(prefix: str) -> Path:
    """A fresh temporary folder, removed when this process exits."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, True)
    return folder


def copy_sources(folder: Path, *extra: Path) -> Path:
    """A fresh sources folder holding the shipped sources plus every file of *extra* folders."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for src in (SHIPPED, *extra):
        for path in sorted(src.iterdir()):
            if path.is_file():
                shutil.copy2(path, folder / path.name)
    return folder


def run_case(script: Path, *args: str, timeout: float = 600) -> dict:
    """Run `python SCRIPT --child ARGS...` in a fresh interpreter; it prints one JSON line last."""
    proc = subprocess.run(
        [sys.executable, str(script), "--child", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if proc.returncode != 0:
        raise RuntimeError(f"case {args} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def memory() -> dict[str, int]:
    """This process's current and peak RSS in bytes (VmRSS, VmHWM) and ru_maxrss in bytes.

    VmHWM belongs to the current address space, so unlike ru_maxrss it never carries over the
    parent's peak through fork/exec; the two agree when the parent is small.
    """
    import resource

    out = {"ru_maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0]) * 1024
    except OSError:
        pass
    return out


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of *values*."""
    s = sorted(values)
    if not s:
        return math.nan
    k = max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))
    return s[k]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else math.nan


def table(headers: list[str], rows: list[list]) -> str:
    """A plain Markdown table."""

    def cell(v) -> str:
        if isinstance(v, float):
            if math.isnan(v):
                return "n/a"
            return f"{v:.3g}" if abs(v) < 100 else f"{v:.0f}"
        return str(v)

    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def machine() -> str:
    """Python, CPU count and load average: timings are only comparable on an idle machine."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load}"


def load_average() -> str:
    return ", ".join(f"{x:.1f}" for x in os.getloadavg())


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"
