"""Text handling shared by the build and the matcher: folding, tokens, stems, sentences."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT_FOLD = str.maketrans(
    {
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)

_TOKEN = re.compile(r"[a-z0-9]+")

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "so",
        "than",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "without",
        "about",
        "as",
        "into",
        "onto",
        "over",
        "under",
        "after",
        "before",
        "between",
        "through",
        "during",
        "since",
        "until",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "do",
        "does",
        "did",
        "doing",
        "done",
        "have",
        "has",
        "had",
        "having",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "whats",
        "whos",
        "wheres",
        "hows",
        "not",
        "no",
        "nor",
        "any",
        "all",
        "some",
        "each",
        "every",
        "also",
        "just",
        "only",
        "very",
        "too",
        "more",
        "most",
        "much",
        "many",
        "such",
        "own",
        "same",
        "other",
        "else",
        "s",
        "t",
        "d",
        "ll",
        "m",
        "re",
        "ve",
        "please",
        "let",
        "lets",
        "okay",
        "ok",
        "ones",
        "thing",
        "things",
        "something",
        "anything",
        "getting",
        "going",
        "gone",
        "out",
        "up",
        "off",
        "like",
        "really",
        "actually",
        "exactly",
        "kind",
        "sort",
        "way",
        "ever",
        "via",
        "still",
        "didn",
        "doesn",
        "isn",
        "wasn",
        "aren",
        "weren",
        "don",
        "couldn",
        "shouldn",
        "wouldn",
        "hasn",
        "haven",
        "hadn",
        "cannot",
        "already",
        "likely",
        "probably",
        "possibly",
        "perhaps",
        "again",
        "soon",
        "currently",
        "officially",
        "even",
        "per",
        "vs",
    ]
)

_IRREGULAR = {
    "led": "lead",
    "leads": "lead",
    "leading": "lead",
    "said": "say",
    "says": "say",
    "won": "win",
    "wins": "win",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "began": "begin",
    "begun": "begin",
    "became": "become",
    "met": "meet",
    "meeting": "meet",
    "held": "hold",
    "left": "leave",
    "chose": "choose",
    "chosen": "choose",
    "ran": "run",
    "went": "go",
    "gone": "go",
    "made": "make",
    "got": "get",
    "told": "tell",
    "thought": "think",
    "brought": "bring",
    "sought": "seek",
    "fell": "fall",
    "fallen": "fall",
    "struck": "strike",
    "served": "serve",
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "people",
    "countries": "country",
    "allies": "ally",
    "was": "be",
    "were": "be",
    "is": "be",
    "are": "be",
    "has": "have",
    "had": "have",
    "did": "do",
    "does": "do",
    "stood": "stand",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "paid": "pay",
    "sent": "send",
    "kept": "keep",
    "lost": "lose",
    "won't": "will",
    "named": "name",
    "names": "name",
    "naming": "name",
}

_IRREGULAR.update(
    {
        "broke": "break",
        "broken": "break",
        "fought": "fight",
        "bought": "buy",
        "caught": "catch",
        "taught": "teach",
        "built": "build",
        "sold": "sell",
        "found": "find",
        "drove": "drive",
        "driven": "drive",
        "rose": "rise",
        "risen": "rise",
        "flew": "fly",
        "flown": "fly",
        "grew": "grow",
        "grown": "grow",
        "threw": "throw",
        "thrown": "throw",
        "wore": "wear",
        "worn": "wear",
        "fled": "flee",
        "spent": "spend",
        "meant": "mean",
        "felt": "feel",
        "dealt": "deal",
        "understood": "understand",
        "forgot": "forget",
        "forgotten": "forget",
        "ate": "eat",
        "eaten": "eat",
        "hung": "hang",
        "swore": "swear",
        "sworn": "swear",
    }
)
_SUFFIXES = (
    ("ization", "ize"),
    ("isation", "ize"),
    ("ational", "ate"),
    ("fulness", "ful"),
    ("iveness", "ive"),
    ("ousness", "ous"),
    ("ments", "ment"),
    ("ician", "ic"),
    ("ical", "ic"),
    ("ics", "ic"),
    ("ingly", ""),
    ("edly", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ed", ""),
    ("ers", "er"),
    ("es", ""),
    ("s", ""),
    ("ly", ""),
)


def fold(text: str) -> str:
    """Lower-case, accent-free, straight-quoted form of *text* for comparisons."""
    text = text.translate(_PUNCT_FOLD)
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


def tokens(text: str) -> list[str]:
    """Word tokens of *text*, folded; a possessive 's is dropped."""
    return [t for t in _TOKEN.findall(fold(text)) if t != "s"]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, predictable English stemmer: 'nicknamed' and 'nickname' share 'nicknam'."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word.isdigit():
        return word
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                continue
            base = word[: -len(suffix)] + repl
            if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # stopped -> stop
            word = base
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def content_terms(text: str, stop: frozenset[str] = STOPWORDS) -> list[str]:
    """Stemmed tokens of *text* with stopwords removed, in order."""
    return [stem(t) for t in tokens(text) if t not in stop]


# --- sentences -------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "prof",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "capt",
        "maj",
        "cmdr",
        "adm",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "approx",
        "est",
        "fig",
        "mt",
        "ft",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "a.m",
        "p.m",
    ]
)
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+)")
_OPENERS = "\"'\u201c\u2018(["


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of *paragraph*; the spans are verbatim slices."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(paragraph)
    for m in _BOUNDARY.finditer(paragraph):
        end = m.end()
        nxt = end
        while nxt < n and paragraph[nxt].isspace():
            nxt += 1
        if nxt >= n:
            break
        following = paragraph[nxt]
        if not (following.isupper() or following.isdigit() or following in _OPENERS):
            continue
        word = re.search(r"([A-Za-z.]+)[.!?]*$", paragraph[start : m.start() + 1])
        if word and paragraph[m.start()] == ".":
            w = word.group(1).rstrip(".").lower()
            if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                continue
        spans.append((start, end))
        start = nxt
    tail = paragraph[start:].rstrip()
    if tail.strip():
        spans.append((start, start + len(tail)))
    return spans


def quote_flags(paragraph: str, spans: list[tuple[int, int]]) -> list[bool]:
    """For each sentence span, whether it is a quotation (opens with, or starts inside, a quote)."""
    marks = [(m.start(), m.group(0)) for m in _QUOTE_MARK.finditer(paragraph)]
    flags = []
    depth = 0
    i = 0
    for start, end in spans:
        while i < len(marks) and marks[i][0] < start:
            depth = _quote_step(marks[i][1], depth)
            i += 1
        first = paragraph[start:end].lstrip()[:1]
        flags.append(depth > 0 or first in ("\u201c", '"'))
    return flags


_QUOTE_MARK = re.compile('[\u201c\u201d"]')


def _quote_step(ch: str, depth: int) -> int:
    if ch == "\u201c":
        return depth + 1
    if ch == "\u201d":
        return max(0, depth - 1)
    return 0 if depth else 1
