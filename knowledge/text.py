"""Text handling shared by the build and the matcher: folding, tokens, stems, sentences."""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

import Stemmer

from . import lemmas

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

_TOKEN = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*")  # "pg&e", "at&t": one name, not two

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
        # the same typed without the apostrophe ("isnt", "didnt")
        "isnt",
        "wasnt",
        "arent",
        "werent",
        "dont",
        "didnt",
        "doesnt",
        "hasnt",
        "havent",
        "hadnt",
        "couldnt",
        "shouldnt",
        "wouldnt",
        "cannot",
        "already",
        "likely",
        "probably",
        "possibly",
        "perhaps",
        "again",
        "soon",
        "currently",
        "yet",
        "while",
        "whilst",
        "officially",
        "even",
        "per",
        "vs",
    ]
)

# Nouns of measure and the adjective they measure: "how deep" asks for a depth. Derivation, which
# no inflection library covers; kept to the few words that questions about size use.
_DERIVED = {
    "depth": "deep",
    "depths": "deep",
    "width": "wide",
    "widths": "wide",
    "length": "long",
    "lengths": "long",
    "height": "high",
    "heights": "high",
    "breadth": "broad",
    "strength": "strong",
}
# nouns in "-ing" that name another thing than their verb's noun: "is there parking" is not asked of "the
# skate park" or "a retail park"
_OWN_STEMS = frozenset({"parking"})
# Months as the news abbreviates them ("Nov. 20", "Sept. 12"): read as dates by quantities.py and
# entities.py, and met by their full names in stem (all but "mar", a word of its own; "may" is whole)
MONTH_ABBREVIATIONS = {
    "jan": "january",
    "feb": "february",
    "mar": "march",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
}
_DERIVED.update((short, month) for short, month in MONTH_ABBREVIATIONS.items() if short != "mar")
# the abbreviations as a regular expression's alternatives, capitalised, longest first ("Sept|Sep")
MONTH_ABBREVIATION_PATTERN = "|".join(
    sorted((a.capitalize() for a in MONTH_ABBREVIATIONS), key=len, reverse=True)
)
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
_NUMBER_UNIT = re.compile(r"(\d+)(?:m|km|cm|mm|kg|mg|g|lbs?|ft|mph|kph|bn)")  # "1500m", "£2bn"
# Invisible characters that web text leaves inside words: soft hyphen, zero-width space, non-joiner,
# joiner, word joiner and byte-order mark.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SNOWBALL = Stemmer.Stemmer("english")


def strip_invisible(text: str) -> str:
    """*text* without soft hyphens and zero-width characters, which split words for the eye only."""
    return _INVISIBLE.sub("", text) if not text.isascii() else text


def fold(text: str) -> str:
    """Lower-case, accent-free, straight-quoted form of *text* for comparisons."""
    if text.isascii():
        return text.casefold()
    text = _INVISIBLE.sub("", text.translate(_PUNCT_FOLD))
    if text.isascii():
        return text.casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


def tokens(text: str) -> list[str]:
    """Word tokens of *text*, folded; a possessive 's is dropped."""
    return [t for t in _TOKEN.findall(fold(text)) if t != "s"]


def word_gaps(text: str, skip: frozenset[str] = STOPWORDS) -> list[str]:
    """What stands between each word of tokens(text) not in *skip* and the next such word (spaces, a
    comma, skipped words), folded; "" after the last."""
    folded = fold(text)
    spans = [m.span() for m in _TOKEN.finditer(folded) if m.group() != "s" and m.group() not in skip]
    gaps = [folded[end:start] for (_, end), (start, _) in zip(spans, spans[1:], strict=False)]
    return gaps + [""] if spans else []


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The shared form of a folded word's inflections: 'went'/'go', 'biggest'/'big', 'nicknamed'/'nickname'.

    The lemma from lemminflect's dictionary (see lemmas.py), then the Snowball English stem of it,
    so regular derivations meet too.
    """
    if word.isdigit() or len(word) <= 2:
        return word
    ordinal = _ORDINAL.fullmatch(word) or _NUMBER_UNIT.fullmatch(word)
    if ordinal:  # "6th" of "December 6th" meets the "6" of "Dec. 6"; "1500m" the "1500" of "1500 metres"
        return ordinal.group(1)
    if word in _OWN_STEMS:
        return word
    return _SNOWBALL.stemWord(_DERIVED.get(word) or lemmas.lemma(word))


def stem_as_written(word: str) -> str:
    """The Snowball stem of *word* itself, not of its lemma: "found" (of "founded"), where stem reads
    it as "find"; "number" (of "numbers"), where stem reads "numb"."""
    return _SNOWBALL.stemWord(word)


@lru_cache(maxsize=65536)
def is_english_word(word: str) -> bool:
    """Whether *word* is in lemminflect's English dictionary: "Right", "Island", not "Rutte"."""
    return lemmas.is_word(word.lower())


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
        "sens",  # "Sens. Dale Prewitt, Marcia Okonkwo and Tom Felder"
        "reps",
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
        "al",  # "et al."
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
        "rev",  # "The Very Rev. Margaret Ellingham"
        "revd",
        "ing",  # "Ing. Martin Gruber-Sailer", an engineer's title in German-speaking countries
        "fr",
        "hon",
        "cllr",  # "Cllr. Amina Rafiq", a British councillor
        "supt",  # "Det. Supt. Claire Moss"
        "det",
        "insp",
        "cpl",
        "pte",
    ]
)
# abbreviations that also end sentences: "before 9 a.m. The keeper...", "Carron Homes Ltd. The firm..."
_CLOSING_ABBREVIATIONS = frozenset({"a.m", "p.m", "etc", "ltd", "inc", "corp"})
_BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+)")
_OPENERS = "\"'\u201c\u2018(["
_QUOTE_MARK = re.compile('[\u201c\u201d"]')
_CLOSERS = "\"'\u201d\u2019)]"
# (not a letter closing a longer word: "Grindavík.", "Alzheimer's.", "km/h." end sentences)
_LAST_WORD = re.compile(r"(?<![\w'\u2019/,])([A-Za-z.]+)[.!?]*$")
_INITIALS = re.compile(r"[a-z](?:\.[a-z])*")  # "p", "p.j", "j.r.r" once the last period is gone


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of *paragraph*; the spans are verbatim slices."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(paragraph)
    quoted = _quotations(paragraph)
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
        sentence = paragraph[start : m.start() + 1]
        if (
            paragraph[m.start()] == "."
            and _ends_abbreviation(sentence)
            and not _closing_abbreviation(sentence, paragraph[nxt:])
        ):
            continue
        if quoted and _inside_running_quote(paragraph, quoted, start, m.start()):
            continue
        spans.append((start, end))
        start = nxt
    tail = paragraph[start:].rstrip()
    if tail.strip():
        spans.append((start, start + len(tail)))
    return spans


def _ends_abbreviation(text: str) -> bool:
    """Whether *text* ends in an abbreviation or in initials ("Gen.", "P.", "P.J.", "J.R.R."), whose
    period ends no sentence; a letter closing a longer token ("the mid-2020s.") is no initial."""
    word = _LAST_WORD.search(text)
    if not word:
        return False
    w = word.group(1).rstrip(".").lower()
    return w in _ABBREVIATIONS or _INITIALS.fullmatch(w) is not None


def _closing_abbreviation(text: str, after: str) -> bool:
    """Whether *text* ends in an abbreviation that also ends its sentence: a time, a company's "Ltd." or
    a lone letter (a grade, "Plan B") before a capitalised glue word ("before 9 a.m. The keeper", "an A.
    At Brierton"; not "at 9 a.m. Monday", nor "J. A. Smith")."""
    word = _LAST_WORD.search(text)
    if not word:
        return False
    if _LETTERS_LISTED.search(text):
        return True  # "serogroups A, C, W, X and Y. Three years after": a list of letters, no initials
    letter = len(word.group(1).rstrip(".")) == 1
    if not letter and word.group(1).rstrip(".").lower() not in _CLOSING_ABBREVIATIONS:
        return False
    following = after.split(maxsplit=1)[:1]
    if not following:
        return False
    word = following[0].lstrip(_OPENERS)  # 'at 9:37 p.m. "The magma had been...'
    return word[:1].isupper() and word.lower() in STOPWORDS and not (letter and len(word) < 2)


_LETTERS_LISTED = re.compile(r"\b[A-Z],? (?:[A-Z], )*(?:and|or) [A-Z]\.$")


def _quotations(paragraph: str) -> list[tuple[int, int]]:
    """(open, close) positions of the double quotations of *paragraph*, curly or straight; a straight
    mark after a digit or letter opens none (58.23" is seconds of arc)."""
    spans = []
    opened: int | None = None
    for m in _QUOTE_MARK.finditer(paragraph):
        ch, at = m.group(0), m.start()
        if opened is None:
            before = paragraph[at - 1 : at]
            if ch == "\u201c" or (ch == '"' and (not before or before.isspace() or before in "([")):
                opened = at
        elif ch == "\u201c":
            opened = at
        else:
            spans.append((opened, at))
            opened = None
    return spans


def _inside_running_quote(paragraph: str, quoted: list[tuple[int, int]], start: int, at: int) -> bool:
    """Whether position *at* lies in a quotation opened inside the sentence begun at *start* and
    followed by lower-case text: a quoted phrase (the "Meth. We're on it." campaign), not speech."""
    k = bisect.bisect_right(quoted, (at, len(paragraph))) - 1
    if k < 0:
        return False
    open_at, close_at = quoted[k]
    if close_at <= at or open_at <= start or not paragraph[start:open_at].strip():
        return False
    after = paragraph[close_at + 1 : close_at + 40].lstrip(_CLOSERS + " ")
    return after[:1].islower()


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


def _quote_step(ch: str, depth: int) -> int:
    if ch == "\u201c":
        return depth + 1
    if ch == "\u201d":
        return max(0, depth - 1)
    return 0 if depth else 1
