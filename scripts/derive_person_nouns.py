"""Derive knowledge/data/person-nouns.txt from WordNet 3.0 (dev-time only; the file is committed).

A person noun is a noun whose most frequent sense is a kind of person (WordNet's lexicographer file
noun.person): "secretary", "undergraduate", "conservator", "resident". The matcher reads such a word
in a sentence as someone who may be the answer to a "who did it" question (Matcher.actor_missing).
Read from the same copy of WordNet as scripts/derive_synonyms.py. One lower-case lemma a line, sorted;
plural forms are the matcher's to fold. Needs the `dev` extra:

    python scripts/derive_person_nouns.py [--wordnet DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from derive_synonyms import read_senses, wordnet_dir  # noqa: E402

from knowledge.lexicon import PERSON_NOUNS_PATH  # noqa: E402

NOUN_PERSON = 18  # the lexicographer file number of noun.person (WordNet's lexnames)


def person_nouns(folder: Path) -> list[str]:
    """The one-word nouns whose first sense WordNet files under noun.person."""
    lexfile: dict[str, int] = {}
    with open(folder / "data.noun", encoding="latin-1") as lines:
        for line in lines:
            if not line.startswith("  "):  # the licence header
                fields = line.split()
                lexfile[fields[0]] = int(fields[1])
    senses = read_senses(folder, "noun")  # lemma -> synset offsets, most frequent first
    return sorted(
        {w.lower() for w, offsets in senses.items() if w.isalpha() and lexfile.get(offsets[0]) == NOUN_PERSON}
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=None, help="WordNet 3.0 folder (default: wn's)")
    args = parser.parse_args()
    words = person_nouns(args.wordnet or wordnet_dir())
    PERSON_NOUNS_PATH.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} person nouns -> {PERSON_NOUNS_PATH}")


if __name__ == "__main__":
    main()
