"""Which capitalised phrases are names: the article must confirm those a headline or a sentence start
capitalises anyway."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import acronyms
from .entities import Mention
from .text import STOPWORDS, fold, is_english_word

_NAMED_KINDS = ("person", "country", "place", "organisation", "other")
_LOWER_LONG_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][a-z]{3}")
_LIST_MARK = re.compile(r"[\d,;:()]")
_APOSTROPHE = re.compile("['\u2019]")
_LONGEST_NAME = 8  # words; bounds the search for confirmed parts of a long title-case line
_LETTER_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


@dataclass
class Line:
    """One sentence as the check needs it: its text, whether it is a headline, its mentions."""

    text: str
    is_headline: bool
    mentions: list[Mention]


def confirm_names(lines: list[Line], known: dict[str, str]) -> None:
    """Keep a capitalised name only where the article confirms it is one (mentions edited in place).

    A title-case headline capitalises every word and a sentence capitalises its first: there a
    name counts when it is known (a country, a place, a hand-named entity), has a title, is an
    acronym, or the article writes it capitalised inside an ordinary sentence too; a confirmed part
    of an unconfirmed phrase stays. A lone ordinary English word opening a sentence ("Right now")
    is not a name unless confirmed so.
    """
    titled_lines = [title_case(line.text, line.is_headline) for line in lines]
    openings = [_first_word(line.text) for line in lines]
    confirmed: dict[str, str] = {}
    for line, titled, opening in zip(lines, titled_lines, openings, strict=True):
        if not titled:
            for m in line.mentions:
                if m.kind in _NAMED_KINDS and m.start > opening:
                    confirmed.setdefault(fold(m.surface), m.kind)
    # a person's surname alone opens a sentence about them: "Pennant, whose contract runs until 2026"
    surnames = {k.rsplit(" ", 1)[1] for k, kind in confirmed.items() if kind == "person" and " " in k}
    for line, titled, opening in zip(lines, titled_lines, openings, strict=True):
        kept: list[Mention] = []
        for m in line.mentions:
            doubtful = m.kind in _NAMED_KINDS and (titled or m.start <= opening)
            key = fold(m.surface)
            surname = not titled and m.kind in ("person", "other") and key in surnames
            if not doubtful or _sure_name(m, known) or key in confirmed or surname:
                kept.append(m)
            elif titled:
                kept.extend(_confirmed_parts(line.text, m, confirmed))
            elif " " in m.surface or not _ordinary_word(m.surface):
                kept.append(m)  # "Tim Clark said", "Rutte said": a sentence may open with a name
        line.mentions[:] = kept


def title_case(text: str, is_headline: bool) -> bool:
    """A line whose longer words are all capitalised ("Drone Use Rising In States Where Rules Are
    Loose"): a headline, or a line of prose words alone (not a list entry "June 10 -- Jones Beach, NY")."""
    if _LOWER_LONG_WORD.search(text):
        return False
    long_words = [w for w in _LETTER_WORD.findall(text) if len(w) > 3]
    if len(long_words) < 3 or not all(w[0].isupper() for w in long_words):
        return False
    return is_headline or (len(long_words) >= 4 and not _LIST_MARK.search(text))


def _first_word(text: str) -> int:
    """Where the first word of *text* starts (after quotes and brackets)."""
    m = _LETTER_WORD.search(text)
    return m.start() if m else len(text)


def _sure_name(m: Mention, known: dict[str, str]) -> bool:
    if m.kind in ("country", "place") or m.title or fold(m.surface) in known:
        return True
    return all(acronyms.is_acronym(w) for w in m.surface.split())


def _ordinary_word(word: str) -> bool:
    """An English word, or a glue word with a contraction ("We're", "I'm"), not a name."""
    head = _APOSTROPHE.split(word, 1)[0]
    return fold(head) in STOPWORDS or is_english_word(head)


def _confirmed_parts(text: str, m: Mention, confirmed: dict[str, str]) -> list[Mention]:
    """The longest runs of *m*'s words that the article confirms as names elsewhere."""
    words = list(_LETTER_WORD.finditer(text, m.start, m.end))
    out: list[Mention] = []
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + _LONGEST_NAME), i, -1):
            start, end = words[i].start(), words[j - 1].end()
            key = fold(text[start:end])
            if key in confirmed:
                out.append(Mention(text[start:end], confirmed[key], start, end))
                i = j
                break
        else:
            i += 1
    return out
