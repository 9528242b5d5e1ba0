"""Derive knowledge/data/first-names.txt.gz from names-dataset (dev-time only; the file is committed).

names-dataset (philipperemy/name-dataset, v3) holds 727,556 first names from 105 countries, each with
its rank in the countries where it is given. It was gathered from a social network's public profiles,
so its long tail holds words that are no given names ("Economy", "Fundamental"); a name is kept when it
ranks in the top RANK of at least one country, written in letters only, and when it is also an English
word ("Mark", "Orange", "Will") only in the top ENGLISH_RANK: "Orange Crest" is no person's name.
knowledge.entities reads capitalised words as a person's name when a given name comes first.
(Its surnames were measured too and left out: "Real Madrid" and "Inter Milan" end in surnames.)
Three blocks, one folded name a line, sorted: every name; the names at least GENDER_SHARE of whose
bearers are men; those of women ("he" in the next sentence is not "Miriam": knowledge.derive). The
first block alone is read by a cold `citebot ask`. Needs the `dev` extra:

    python scripts/derive_first_names.py [--rank 2000] [--english-rank 100] [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import pickle
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.gazetteer import FIRST_NAMES_PATH  # noqa: E402
from knowledge.text import fold, is_english_word  # noqa: E402

_LETTERS = re.compile(r"[^\W\d_]{2,}")
GENDER_SHARE = 0.9


def derive(rank: int, english_rank: int) -> list[list[str]]:
    """The folded given names ranked within *rank* in some country (*english_rank* for English words):
    all of them, those of men, those of women (GENDER_SHARE of their bearers)."""
    spec = importlib.util.find_spec("names_dataset")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("names-dataset is not installed: pip install -e '.[dev]'")
    folder = Path(next(iter(spec.submodule_search_locations))) / "v3"
    with gzip.open(folder / "first_names.pkl.gz") as f:
        names = pickle.load(f)  # the package's own data file, as its NameDataset() reads it
    kept: dict[str, set[str]] = {}
    for name, about in names.items():
        ranks = (about.get("rank") or {}).values()
        if not ranks or not _LETTERS.fullmatch(name):
            continue
        best = min(ranks)
        if best <= rank and (best <= english_rank or not is_english_word(name)):
            shares = about.get("gender") or {}
            gender = {"M": "m", "F": "f"}.get(max(shares, key=shares.get)) if shares else None
            genders = kept.setdefault(fold(name), set())
            # two spellings folding to one name keep a gender only when they agree
            genders.add(gender if gender and shares[max(shares, key=shares.get)] >= GENDER_SHARE else "")
    names = sorted(kept)
    alone = {name: next(iter(g)) for name, g in kept.items() if len(g) == 1}
    return [names, [n for n in names if alone.get(n) == "m"], [n for n in names if alone.get(n) == "f"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rank", type=int, default=2000, help="keep names within this rank in a country")
    parser.add_argument("--english-rank", type=int, default=100, help="the same, for English words")
    parser.add_argument("--out", type=Path, default=FIRST_NAMES_PATH)
    args = parser.parse_args()
    blocks = derive(args.rank, args.english_rank)
    text = "\n\n".join("\n".join(block) for block in blocks) + "\n"
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    print(f"{len(blocks[0])} first names ({len(blocks[1])} men's, {len(blocks[2])} women's) -> {args.out}")


if __name__ == "__main__":
    main()
