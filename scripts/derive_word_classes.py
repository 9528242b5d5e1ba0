"""Derive knowledge/data/verbs-adverbs.txt and ergative-verbs.txt from WordNet 3.0 (dev-time only; the
files are committed).

Read from the same copy of WordNet as scripts/derive_synonyms.py.
- verbs-adverbs.txt: words WordNet gives more senses as a verb or an adverb than as a noun or an
  adjective ("get", "play", "cut", "besides"; not "record", "team" or "quiet"). The matcher reads the
  word before another as a modifier that names a kind of it ("quiet sleep", "variant CJD") only when
  it is no such word (Matcher.swapped_neighbour).
- ergative-verbs.txt: verbs whose first SENSES senses take both the frame "Something ----s" and a
  frame with an object ("Somebody ----s something"): what they say of a subject they say of an object
  too ("the museum began the project", "the project began"), so "When did the project begin?" is no
  role swap (Matcher._asked_role).
One lower-case lemma a line, sorted. Needs the `dev` extra:

    python scripts/derive_word_classes.py [--wordnet DIR] [--senses 3]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from derive_synonyms import PARTS, wordnet_dir  # noqa: E402

from knowledge.lexicon import ERGATIVE_VERBS_PATH, VERBS_ADVERBS_PATH  # noqa: E402

# WordNet's verb frames: 1 "Something ----s"; 8 "Somebody ----s something"; 11 "Something ----s something"
_INTRANSITIVE_THING = 1
_WITH_OBJECT = frozenset({8, 11})


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


def ergative(folder: Path, senses: int) -> list[str]:
    """The single-word verbs whose first *senses* senses take "Something ----s" and an object frame."""
    frames: dict[str, set[int]] = {}
    with open(folder / "data.verb", encoding="latin-1") as lines:
        for line in lines:
            if line.startswith("  "):
                continue
            fields = line.split()
            at = 4 + 2 * int(fields[3], 16)  # after the synset's words
            at += 1 + 4 * int(fields[at])  # after its pointers
            count = int(fields[at])
            frames[fields[0]] = {int(fields[at + 2 + 3 * k]) for k in range(count)}
    found = []
    with open(folder / "index.verb", encoding="latin-1") as lines:
        for line in lines:
            if line.startswith("  "):
                continue
            fields = line.split()
            offsets = fields[6 + int(fields[3]) :][:senses]
            taken = [frames[o] for o in offsets]
            intransitive = any(_INTRANSITIVE_THING in f for f in taken)
            if fields[0].isalpha() and intransitive and any(f & _WITH_OBJECT for f in taken):
                found.append(fields[0])
    return sorted(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=None, help="the WordNet 3.0 folder")
    parser.add_argument("--senses", type=int, default=3, help="the senses of a verb read for its frames")
    args = parser.parse_args()
    folder = args.wordnet or wordnet_dir()
    tables = ((VERBS_ADVERBS_PATH, derive(folder)), (ERGATIVE_VERBS_PATH, ergative(folder, args.senses)))
    for path, words in tables:
        path.write_text("\n".join(words) + "\n", "utf-8")
        print(f"{len(words)} words -> {path}")


if __name__ == "__main__":
    main()
