"""Learn which words a question uses for words of the sentence that answers it; write
knowledge/data/associations.txt (dev-time only; the file is committed).

usage: .venv/bin/python scripts/derive_associations.py [--fit-below 600]

The testers' rounds below --fit-below give (question, answering sentence) pairs: the one sentence of the
article holding an expected answer. Of each pair, the question's content words the sentence lacks and
the sentence's content words the question lacks are counted together. A question word -> sentence word
pair is kept when it is seen at least MIN_COUNT times in MIN_ROUNDS rounds or more (so no one article's
subject makes it), the sentence word comes with at least MIN_SHARE of the question word's uses, and far
more often than by chance (LIFT): "worth" -> "valu", "heavy" -> "weigh", "tall" -> "metr". Pairs WordNet
and the lexicon's groups already relate, typos of one another and names are left out. One stem, a tab
and its stems on each line, as knowledge.lexicon reads its word tables; the direction is the question's
word to the sentence's.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fit_reranker import round_number  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from knowledge.evaluate import QUESTIONS_SUFFIX, _norm, load_questions  # noqa: E402
from knowledge.lexicon import ASSOCIATIONS_PATH, related_without_associations  # noqa: E402
from knowledge.text import STOPWORDS, split_sentences, stem, tokens  # noqa: E402

TESTERS = ROOT / "tests" / "data" / "testers"
MIN_COUNT = 4
MIN_ROUNDS = 3
MIN_SHARE = 0.15
LIFT = 20.0
TYPO_RATIO = 75


def content(text: str, lower_only: bool = False) -> set[str]:
    """The stems of *text*'s content words (letters only, three or more); with *lower_only*, of those
    written in lower case somewhere in it (a name is no word to learn: "Priya")."""
    return {
        stem(t)
        for t in tokens(text)
        if t not in STOPWORDS
        and t.isalpha()
        and len(t) > 2
        and (not lower_only or re.search(rf"\b{t}\b", text))
    }


def sentences(article: str) -> list[str]:
    paragraphs = [p.strip() for p in article.split("\n\n")]
    return [p[a:b] for p in paragraphs if p for a, b in split_sentences(p)]


def learn(fit_below: int) -> dict[str, list[str]]:
    """Question stem -> the sentence stems kept for it (see the module's docstring)."""
    pairs: Counter[tuple[str, str]] = Counter()
    rounds: defaultdict[tuple[str, str], set[str]] = defaultdict(set)
    asked: Counter[str] = Counter()
    lower: set[str] = set()  # sentence stems seen written in lower case: words, not names
    said: Counter[str] = Counter()
    n = 0
    for folder in sorted(p for p in TESTERS.iterdir() if p.is_dir()):
        if round_number(folder) >= fit_below:
            continue
        for path in sorted(folder.glob("*" + QUESTIONS_SUFFIX)):
            article = path.with_name(path.name.removesuffix(QUESTIONS_SUFFIX) + ".txt")
            texts = sentences(article.read_text("utf-8"))
            for q in load_questions(path):
                if q["kind"] == "out_of_scope" or not q["expect"]:
                    continue
                hit = [s for s in texts if any(_norm(e) in _norm(s) for e in q["expect"])]
                if len(hit) != 1:
                    continue
                question, sentence = content(q["q"]), content(hit[0])
                lower.update(content(hit[0], lower_only=True))
                only_asked, only_said = question - sentence, sentence - question
                n += 1
                asked.update(only_asked)
                said.update(only_said)
                for a in only_asked:
                    for b in only_said:
                        pairs[a, b] += 1
                        rounds[a, b].add(folder.name)
    known = related_without_associations()
    kept: dict[str, list[str]] = {}
    for (a, b), c in pairs.items():
        if c < MIN_COUNT or len(rounds[a, b]) < MIN_ROUNDS or b in known.get(a, ()) or b not in lower:
            continue
        if fuzz.ratio(a, b) >= TYPO_RATIO:  # "acount" -> "account": a typo, which spelling correction reads
            continue
        if c / asked[a] >= MIN_SHARE and c * n / (asked[a] * said[b]) >= LIFT:
            kept.setdefault(a, []).append(b)
    print(f"{n} question-sentence pairs; {sum(map(len, kept.values()))} associations of {len(kept)} words")
    return {a: sorted(bs) for a, bs in sorted(kept.items())}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit-below", type=int, default=600, help="learn from rounds numbered below this")
    args = parser.parse_args()
    table = learn(args.fit_below)
    ASSOCIATIONS_PATH.write_text("".join(f"{a}\t{' '.join(bs)}\n" for a, bs in table.items()), "utf-8")
    print(f"wrote {ASSOCIATIONS_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
