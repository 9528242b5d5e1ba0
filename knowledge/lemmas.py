"""English lemmas from lemminflect's dictionary: went -> go, rose -> rise, biggest -> big.

The dictionary is read from the data files lemminflect ships, without importing the package: its
code imports numpy for an out-of-vocabulary model this project does not use, and answering must
not need numpy. What it gives is also stored in `data/lemmas.txt.gz`, which reads in a fifth of the
time (a cold `citebot ask` reads it); tests/test_lemmas.py checks that the copy is lemminflect's own.
"""

from __future__ import annotations

import gzip
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

STORED = Path(__file__).parent / "data" / "lemmas.txt.gz"

# The reading that wins when a form has several: "rose" the verb (rise) before the flower.
_RANK = {"verb": 0, "adj": 1, "noun": 2}


@dataclass(frozen=True)
class Dictionary:
    """The forms lemminflect knows, and the lemma of those that are not their own lemma."""

    words: frozenset[str]
    lemma_of: dict[str, str]


@lru_cache(maxsize=1)
def dictionary() -> Dictionary:
    """The dictionary as STORED holds it (read from lemminflect when the file is missing), loaded once."""
    try:
        blob = gzip.decompress(STORED.read_bytes()).decode("utf-8")
    except FileNotFoundError:
        return _library_dictionary()
    # three blocks: the dictionary's words, the forms that have another lemma, and those lemmas
    words, forms, lemmas = blob.rstrip("\n").split("\n\n")
    lemma_of = dict(zip(forms.split("\n"), lemmas.split("\n"), strict=True))
    return Dictionary(frozenset(words.split("\n")), lemma_of)


def write_table(path: Path = STORED) -> None:
    """Store what lemminflect's files give, as dictionary() reads it."""
    d = _library_dictionary()
    forms = sorted(d.lemma_of)
    blocks = ("\n".join(sorted(d.words)), "\n".join(forms), "\n".join(d.lemma_of[f] for f in forms))
    path.write_bytes(gzip.compress(("\n\n".join(blocks) + "\n").encode("utf-8"), mtime=0))


def _library_dictionary() -> Dictionary:
    """lemminflect's lookup table (word,category,lemma/lemma a line) and its overrides."""
    spec = importlib.util.find_spec("lemminflect")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("lemminflect is not installed; run ./dev setup")
    folder = Path(next(iter(spec.submodule_search_locations))) / "resources"
    with gzip.open(folder / "lemma_lu.csv.gz") as f:
        lines = f.read().decode("utf-8").splitlines()
    with open(folder / "lemma_overrides.csv", encoding="utf-8") as f:
        lines += [line.strip().lower() for line in f if line.strip() and not line.startswith("#")]
    words: set[str] = set()
    best: dict[str, tuple[int, str]] = {}
    for line in lines:
        word, category, forms = line.split(",")
        words.add(word)
        rank = _RANK.get(category)
        if rank is None:
            continue
        lemma = forms.split("/", 1)[0]
        if lemma != word and (word not in best or rank < best[word][0]):
            best[word] = (rank, lemma)
    return Dictionary(frozenset(words), {w: lemma for w, (_, lemma) in best.items()})


def lemma(word: str) -> str:
    """The lemma of a lower-case *word* (verb reading first, then adjective, then noun), or *word*."""
    return dictionary().lemma_of.get(word, word)


def is_word(word: str) -> bool:
    """Whether lower-case *word* is in the English dictionary ("right", "island"; not "rutte")."""
    return word in dictionary().words
