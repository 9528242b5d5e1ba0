"""Derive knowledge/data/verbs-adverbs.txt from WordNet 3.0 (dev-time only; the file is committed).

Read from the same copy of WordNet as scripts/derive_synonyms.py. A word is kept when WordNet gives it
more senses as a verb or an adverb than as a noun or an adjective ("get", "play", "cut", "besides"; not
"record", "team" or "quiet"): the matcher reads the word before another as a modifier that names a
kind of it ("quiet sleep", "variant CJD") only when it is no such word (Matcher.swapped_neighbour).
One lower-case lemma a line, sorted. Needs the `dev` extra:

    python scripts/derive_word_classes.py [--wordnet DIR] [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from derive_synonyms import PARTS, wordnet_dir  # noqa: E402

from knowledge.lexicon import VERBS_ADVERBS_PATH  # noqa: E402


def derive(folder: Path) -> list[str]:
    """The single-word lemmas with more verb and adverb senses than noun and adjective ones."""
    senses: dict[str, Counter[str]] = {}
    for part in PARTS:
        with open(folder / f"index.{part}", encoding="latin-1") as lines:
            for line in lines:
                if line.startswith("  "):
                    continue
                lemma, _, count = line.split()[:3]
                if lemma.isalpha():
                    senses.setdefault(lemma, Counter())[part] += int(count)
    return sorted(
        lemma for lemma, c in senses.items() if c["verb"] + c["adv"] > c["noun"] + c["adj"]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=None, help="the WordNet 3.0 folder")
    parser.add_argument("--out", type=Path, default=VERBS_ADVERBS_PATH)
    args = parser.parse_args()
    words = derive(args.wordnet or wordnet_dir())
    args.out.write_text("\n".join(words) + "\n", "utf-8")
    print(f"{len(words)} verbs and adverbs -> {args.out}")


if __name__ == "__main__":
    main()
