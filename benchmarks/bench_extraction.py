"""Extraction F1 on the saved pages (../shared/pages), scored like the public benchmark.

usage: python benchmarks/bench_extraction.py [PAGES_DIR]
Runs knowledge.extract.from_html in-process on every page and scores the body with the scorer's own
word 4-gram shingle precision/recall (imported from score_extraction.py). Prints a table.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge import KnowledgeError  # noqa: E402
from knowledge.extract import from_html  # noqa: E402

DEFAULT_PAGES = ROOT.parent / "shared" / "pages"


def _scorer(pages: Path):
    spec = importlib.util.spec_from_file_location("score_extraction", pages / "score_extraction.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    pages = Path(argv[1]) if len(argv) > 1 else DEFAULT_PAGES
    if not (pages / "ground-truth.json").exists():
        print(f"no pages at {pages}; pass the folder with ground-truth.json")
        return 0
    score = _scorer(pages)
    truth = json.loads((pages / "ground-truth.json").read_text())
    ps, rs, rows, seconds = [], [], [], 0.0
    for key, want in sorted(truth.items()):
        html = gzip.decompress((pages / f"{key}.html.gz").read_bytes())
        started = time.perf_counter()
        try:
            body = "\n".join(from_html(html, want["url"]).paragraphs)
        except KnowledgeError:
            body = ""
        seconds += time.perf_counter() - started
        p, r = score.prf(want["articleBody"], body)
        ps.append(p)
        rs.append(r)
        rows.append((2 * p * r / (p + r) if p + r else 0.0, p, r, key[:12], want["url"][:60]))
    precision, recall = sum(ps) / len(ps), sum(rs) / len(rs)
    f1 = 2 * precision * recall / (precision + recall)
    print(f"{'F1':>5} {'P':>5} {'R':>5}  page")
    for f, p, r, key, url in sorted(rows)[:5]:
        print(f"{f:5.2f} {p:5.2f} {r:5.2f}  {key} {url}")
    print(
        f"\nextraction on {len(rows)} pages: precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f} "
        f"(target >= 0.96); {seconds / len(rows) * 1000:.0f} ms per page"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
