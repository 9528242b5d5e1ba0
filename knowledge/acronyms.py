"""Acronyms and their expansions: read from "Long Name (LN)" and "LN (Long Name)", plus common ones."""

from __future__ import annotations

import re

# Acronyms the news uses without expanding them, with their expansion and what they name.
# A general table of English usage, not one article's: titles, economics, bodies everyone knows.
COMMON: dict[str, tuple[str, str]] = {
    "CEO": ("chief executive officer", "title"),
    "CFO": ("chief financial officer", "title"),
    "COO": ("chief operating officer", "title"),
    "CTO": ("chief technology officer", "title"),
    "MP": ("member of parliament", "title"),
    "MEP": ("member of the European Parliament", "title"),
    "PM": ("prime minister", "title"),
    "GDP": ("gross domestic product", "other"),
    "IPO": ("initial public offering", "other"),
    "CPI": ("consumer price index", "other"),
    "AI": ("artificial intelligence", "other"),
    "EV": ("electric vehicle", "other"),
    "NGO": ("non-governmental organisation", "other"),
    "MVP": ("most valuable player", "other"),
    "TB": ("tuberculosis", "other"),
    "IVF": ("in vitro fertilisation", "other"),
    "COPD": ("chronic obstructive pulmonary disease", "other"),
    "ADHD": ("attention deficit hyperactivity disorder", "other"),
    "EU": ("European Union", "organisation"),
    "UN": ("United Nations", "organisation"),
    "WHO": ("World Health Organization", "organisation"),
    "IMF": ("International Monetary Fund", "organisation"),
    "WTO": ("World Trade Organization", "organisation"),
    "ECB": ("European Central Bank", "organisation"),
    "OPEC": ("Organization of the Petroleum Exporting Countries", "organisation"),
    "IAEA": ("International Atomic Energy Agency", "organisation"),
    "IEA": ("International Energy Agency", "organisation"),
    "FBI": ("Federal Bureau of Investigation", "organisation"),
    "CIA": ("Central Intelligence Agency", "organisation"),
    "NASA": ("National Aeronautics and Space Administration", "organisation"),
    "FDA": ("Food and Drug Administration", "organisation"),
    "SEC": ("Securities and Exchange Commission", "organisation"),
    "NHS": ("National Health Service", "organisation"),
    "ICC": ("International Criminal Court", "organisation"),
}
TITLE_ACRONYMS = frozenset(a for a, (_, kind) in COMMON.items() if kind == "title")
_BY_EXPANSION = {exp.casefold(): acr for acr, (exp, _) in COMMON.items()}

_GAP = re.compile(r"[^\s\-'\u2019]")
_MINOR = frozenset({"of", "the", "and", "for", "on", "in", "de", "&", "to", "a"})
_WORD = re.compile(r"[^\W\d_][\w'\u2019]*")


def is_acronym(word: str) -> bool:
    """'IEA', 'U.N.', 'NGOs': two or more capitals, possibly dotted, with at most a plural 's'."""
    letters = word.replace(".", "").removesuffix("s")
    return 2 <= len(letters) <= 10 and letters.isupper() and letters.isalpha()


def letters(acronym: str) -> str:
    return acronym.replace(".", "").removesuffix("s").upper()


def initials(words: list[str]) -> tuple[str, str]:
    """(initials of every word, initials of the words that are not minor); hyphenated parts count."""
    every, major = [], []
    for w in words:
        for part in w.split("-"):
            if not part:
                continue
            # an acronym inside the name gives all its letters: "UK Health Security Agency" is UKHSA
            head = part if is_acronym(part) else part[0].upper()
            every.append(head)
            if part.casefold() not in _MINOR:
                major.append(head)
    return "".join(every), "".join(major)


def expands(acronym: str, phrase: str) -> bool:
    """Whether *phrase* spells out *acronym*: "International Energy Agency" for "IEA"."""
    want = letters(acronym)
    words = _WORD.findall(phrase)
    every, major = initials(words)
    if want in (every, major):
        return True
    # a lower-case word inside the name has no letter: "Medicines and Healthcare products Regulatory
    # Agency" is the MHRA
    capitalised = [w for w in words if w[:1].isupper() or w.casefold() in _MINOR]
    return len(words) - len(capitalised) == 1 and words[0][:1].isupper() and initials(capitalised)[1] == want


def expansion_before(text: str, end: int, acronym: str) -> str | None:
    """The words just before *end* in *text* that *acronym* abbreviates, as written, or None: the shortest
    that spells it exactly, else the shortest that spells it loosely (_loosely_expands)."""
    want = letters(acronym)
    start = max(0, end - 40 * len(want))  # room for the words an acronym can stand for, no more
    words = list(_WORD.finditer(text, start, end))
    spans = []
    for n in range(2, min(len(words), len(want) + 4) + 1):  # fewer words than letters when one is an acronym
        span = words[-n:]
        if any(_GAP.search(text[a.end() : b.start()]) for a, b in zip(span, span[1:], strict=False)):
            break  # punctuation between the words: not one name
        if span[0].group(0).casefold() not in _MINOR:
            spans.append(span)
    found = next((s for s in spans if expands(acronym, " ".join(w.group(0) for w in s))), None)
    found = found or next((s for s in spans if _loosely_expands(want, [w.group(0) for w in s])), None)
    return text[found[0].start() : found[-1].end()] if found else None


def _loosely_expands(want: str, words: list[str]) -> bool:
    """Whether capitalised *words* spell the letters *want* out loosely: the first word's and the last's
    initials the acronym's first and last letters, the rest of its letters some of the words' initials in
    order ("NICE" of "National Institute for Health and Care Excellence"); not "the Bank of England"."""
    if not all(w[:1].isupper() or w.casefold() in _MINOR for w in words):
        return False
    major = [w[0].upper() for w in words if w.casefold() not in _MINOR]
    if len(major) > len(want) + 1 or major[:1] != [want[0]] or major[-1:] != [want[-1]]:
        return False
    rest = iter(major[1:-1])
    return all(letter in rest for letter in want[1:-1])


def common_expansion(acronym: str) -> str | None:
    """The expansion of a well-known acronym, or None."""
    entry = COMMON.get(acronym.replace(".", ""))
    return entry[0] if entry else None


def common_acronym(phrase: str) -> str | None:
    """The well-known acronym of an expansion ("European Central Bank" -> "ECB"), or None."""
    return _BY_EXPANSION.get(phrase.casefold())
