"""Derive knowledge/data/antonyms.txt from WordNet 3.0 (dev-time only; the file is committed).

Read from the same copy of WordNet as scripts/derive_synonyms.py. Two kinds of opposite are kept, the
kinds that contradict whatever the sentence's roles are:
- adjectives and adverbs WordNet marks as antonyms ("large" / "small", "directly" / "indirectly"), from
  one of a word's SENSES most frequent senses, with the other words of that sense ("big" / "small");
- antonyms of any part of speech when one is the other with a negating prefix ("solved" / "unsolved",
  "advantage" / "disadvantage").
Verbs and nouns that are opposites only as roles are left out: "X sold the rights to Y" answers "who
bought the rights"; so are adjectives made of verbs in "-ing" ("winning" / "losing" share the verbs'
stems). Ordinals ("first" / "last") are no opposites: "the last time" is "the first time
since". Each line is a stem, a tab and the stems of its opposites, as `knowledge.text.stem` makes them.
The converse verbs left out are written to knowledge/data/converses.txt the same way: said of one
subject they contradict ("Spurs have won" answers no "how many have Spurs lost").
Needs the `dev` extra:

    python scripts/derive_antonyms.py [--senses 2] [--wordnet DIR] [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from derive_synonyms import PARTS, read_senses, read_synsets, wordnet_dir  # noqa: E402

from knowledge.lexicon import ANTONYMS_PATH, CONVERSES_PATH  # noqa: E402
from knowledge.text import STOPWORDS, stem  # noqa: E402
from knowledge.wordvectors import default_vectors  # noqa: E402

NEGATING_PREFIXES = ("un", "in", "im", "ir", "il", "dis", "non")
# Opposite nouns and verbs of one act or tie seen from its two sides (converses): the sentence with the
# one answers a question with the other ("X sold the rights to Y" answers "who bought the rights";
# "Anna's husband Tom" answers "who is Tom's wife"). Said of one subject, the verbs do contradict.
CONVERSES = frozenset(
    tuple(sorted(pair.split("/")))
    for pair in """
    buy/sell borrow/lend lose/win lose/profit keep/lose attack/defend defend/prosecute export/import
    come/go arrive/leave follow/precede precede/succeed give/take give/receive send/receive teach/learn
    child/parent husband/wife employee/employer creditor/debtor borrower/lender loser/winner
    defeat/victory defendant/plaintiff defense/prosecution defence/offence host/parasite answer/question
    ancestor/descendant follower/leader
    """.split()
)
# Pairs whose everyday senses are no opposites ("who runs the company" is no question about idling,
# "where does she stand" none about sitting), or whose stems an adjective shares ("different" is
# "differ", "generally" is "general").
NOT_OPPOSED = frozenset(
    tuple(sorted(pair.split("/")))
    for pair in """
    asset/liability cash/credit credit/debit demand/supply
    idle/run idle/work lie/sit lie/stand sit/stand ride/walk ignore/know issue/recall let/prevent
    level/raise have/lack fail/manage back/front back/veer background/foreground express/local
    general/particular general/specific particular/universal former/latter here/there nay/yea no/yes
    kern/kern change/stay move/stay left/right hit/miss attend/miss differ/equal generalize/specify
    altogether/partly completely/partly entirely/partly totally/partly wholly/partly
    """.split()
)
ORDER_WORDS = frozenset({"first", "last", "next", "previous", "former", "latter", "initial", "final"})


def _antonym_pointers(folder: Path, part: str) -> list[tuple[str, int, str, int]]:
    """(synset, word number, antonym's synset, its word number) of each lexical antonym pointer."""
    out = []
    with open(folder / f"data.{part}", encoding="latin-1") as lines:
        for line in lines:
            if line.startswith("  "):
                continue
            fields = line.split(" | ")[0].split()
            at = 4 + 2 * int(fields[3], 16)
            for i in range(int(fields[at])):
                symbol, target, _, numbers = fields[at + 1 + 4 * i : at + 5 + 4 * i]
                if symbol == "!":
                    out.append((fields[0], int(numbers[:2], 16), target, int(numbers[2:], 16)))
    return out


def _negates(word: str, other: str) -> bool:
    """Whether one word is the other with a negating prefix ("unsolved", "disadvantage")."""
    return any(a == p + b for a, b in ((word, other), (other, word)) for p in NEGATING_PREFIXES)


def derive(folder: Path, senses: int) -> dict[str, set[str]]:
    vocabulary = set(default_vectors().index)

    def usable(word: str) -> bool:
        # a stem that is no start of its word is a verb's under an irregular form ("won" is "win", "lost"
        # is "lose", "left" is "leave"): the verbs are no opposites, the adjectives mean more than them
        return (
            word in vocabulary
            and word not in STOPWORDS
            and word not in ORDER_WORDS
            and word.startswith(stem(word).rstrip("i"))
        )

    opposite: dict[str, set[str]] = defaultdict(set)
    converse: dict[str, set[str]] = defaultdict(set)
    for part in PARTS:
        synsets, index = read_synsets(folder, part), read_senses(folder, part)
        frequent = {(lemma, o) for lemma, offsets in index.items() for o in offsets[:senses]}
        for source, number, target, target_number in _antonym_pointers(folder, part):
            word, other = synsets[source][number - 1], synsets[target][target_number - 1]
            if (word, source) not in frequent or not usable(other):
                continue
            if part == "verb" and tuple(sorted((word, other))) in CONVERSES and stem(word) != stem(other):
                converse[stem(word)].add(stem(other))  # "Spurs have won" answers no "have Spurs lost"
                converse[stem(other)].add(stem(word))
            pair = tuple(sorted((word, other)))
            if not _negates(word, other) and (
                word.endswith("ing") or other.endswith("ing") or pair in CONVERSES or pair in NOT_OPPOSED
            ):
                continue  # "winning" / "losing", "passing" / "running": verbs' roles, under their stems
            for mate in synsets[source] if part in ("adj", "adv") else [word]:
                if (mate, source) in frequent and usable(mate) and stem(mate) != stem(other):
                    opposite[stem(mate)].add(stem(other))
                    opposite[stem(other)].add(stem(mate))
    return opposite, converse


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--senses", type=int, default=2, help="most frequent senses kept per adjective")
    parser.add_argument("--wordnet", type=Path, help="a folder of WordNet 3.0 data.* and index.* files")
    parser.add_argument("--out", type=Path, default=ANTONYMS_PATH)
    parser.add_argument("--converses", type=Path, default=CONVERSES_PATH, help="the verbs' converses")
    args = parser.parse_args()
    opposite, converse = derive(args.wordnet or wordnet_dir(), args.senses)
    for table, path in ((opposite, args.out), (converse, args.converses)):
        lines = [f"{k}\t{' '.join(sorted(v))}\n" for k, v in sorted(table.items()) if v]
        path.write_text("".join(lines), "utf-8")
        print(f"wrote {len(lines)} words to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
