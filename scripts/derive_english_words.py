"""Derive knowledge/data/english-words.txt.gz from SymSpell's English frequency dictionary (dev-time only;
the file is committed).

The dictionary is the one symspellpy 6.10.1 ships (frequency_dictionary_en_82_765.txt, MIT licence:
Google Books Ngram counts of the words of SCOWL, so web misspellings such as "happend" are not in it).
It is read from the installed package, so nothing is downloaded beyond PyPI. The output holds the words,
most frequent first, one per line, and a first line giving how many of them are common (a count of at
least MIN_COUNT): the ones a misspelt question word may be corrected to. Needs the `dev` extra:

    python scripts/derive_english_words.py [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.resources
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.lexicon import ENGLISH_WORDS_PATH  # noqa: E402

SOURCE = "frequency_dictionary_en_82_765.txt"
MIN_COUNT = 1_000_000  # "happened" 25M, "investors" 9M; "rutted" and most rare words fall below


def read_counts() -> list[tuple[str, int]]:
    try:
        text = (importlib.resources.files("symspellpy") / SOURCE).read_text("utf-8")
    except ModuleNotFoundError:
        raise SystemExit("the `symspellpy` package is not installed: pip install -e '.[dev]'") from None
    rows = [line.split() for line in text.splitlines() if line.strip()]
    counts = [(word, int(count)) for word, count in rows if word.isalpha() and word.isascii()]
    return sorted(counts, key=lambda wc: (-wc[1], wc[0]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ENGLISH_WORDS_PATH)
    args = parser.parse_args()
    counts = read_counts()
    common = sum(1 for _, count in counts if count >= MIN_COUNT)
    body = "".join(f"{word}\n" for word, _ in counts)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"# common: {common}\n{body}")
    print(f"wrote {len(counts)} words ({common} common) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
