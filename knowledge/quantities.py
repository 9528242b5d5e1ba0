"""Quantities, dates and times in a sentence, each with its kind, and the kinds a question asks for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import strip_invisible, tokens

KINDS = ("age", "length", "area", "depth", "money", "percent", "count", "duration", "date", "time")

_SMALL = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
_WORDNUM = rf"(?:{'|'.join(sorted(_SMALL, key=len, reverse=True))})(?:-(?:{'|'.join(_SMALL[:9])}))?"
_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|m|k)"
# A number: 12,000 / 3.5 / twenty-five / a dozen / five-and-a-half, with an optional scale word.
_NUM = (
    rf"(?:\d+(?:[.,]\d+)*|{_WORDNUM}|a dozen|dozens|hundreds|thousands|millions|billions|half an?)"
    rf"(?:[- ]and[- ]a[- ]half)?(?:[- ]{_SCALE}\b)?"
)
_CURRENCY_SIGN = r"(?:US\$|A\$|C\$|HK\$|[$€£¥₹])"
_CURRENCY_WORD = (
    r"(?:dollars?|euros?|pounds?|sterling|yen|yuan|renminbi|rupees?|roubles?|rubles?|francs?|cents?|pence|"
    r"dirhams?|riyals?|won|pesos?|USD|EUR|GBP|JPY|CNY|AED)"
)
_AREA_UNIT = (
    r"(?:square[- ](?:metres?|meters?|kilometres?|kilometers?|km|miles?|feet|foot|yards?)"
    r"|sq\.? ?(?:m|km|mi|ft)|hectares?|acres?|km2|km²|m2|m²)"
)
_LENGTH_UNIT = (
    r"(?:kilometres?|kilometers?|km|miles?|metres?|meters?|m|feet|foot|ft|inch(?:es)?|in|centimetres?|"
    r"centimeters?|cm|millimetres?|millimeters?|mm|yards?|light[- ]years?|nautical miles?)"
)
_TIME_UNIT = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century)"
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_DATE_FORMS = (
    rf"(?:early |mid-?|late )?{_MONTHS} \d{{4}}",
    rf"{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,? \d{{4}})?",
    rf"\d{{1,2}}(?:st|nd|rd|th)? {_MONTHS}(?: \d{{4}})?",
    _WEEKDAYS,
    r"(?:January|February|March|April|June|July|August|September|October|November|December)",
    r"(?:1[5-9]|20)\d{2}s?(?!\d|,\d)",
    r"\d{1,2}/\d{1,2}/\d{2,4}",
    r"(?i:yesterday|today|tomorrow|tonight)\b",
    r"(?i:(?:last|next|this|past|previous|coming) "
    r"(?:week|month|year|summer|winter|spring|autumn|fall|weekend|decade))\b",
    rf"(?i:{_NUM} {_TIME_UNIT} ago)\b",
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "time",
        re.compile(
            r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b"
            r"|\b(?:noon|midnight|o'clock)\b",
            re.I,
        ),
    ),
    ("percent", re.compile(rf"(?i:\b{_NUM})\s?(?:%|(?i:per ?cent\b|percentage points?\b))")),
    (
        "money",
        re.compile(rf"{_CURRENCY_SIGN}\s?\d[\d.,]*(?:[- ]?{_SCALE}\b)?|(?i:\b{_NUM}[- ]{_CURRENCY_WORD}\b)"),
    ),
    (
        "age",
        re.compile(
            rf"(?i:\b{_NUM}[- ]years?[- ]old\b|\baged? {_NUM}\b|\bage of {_NUM}\b)"
            r"|(?<=[A-Za-z]), (?:1[0-9]|[2-9][0-9]|1[01][0-9]|[1-9]),(?= )"
        ),
    ),
    ("area", re.compile(rf"(?i:\b{_NUM})[- ]?{_AREA_UNIT}(?![\w])")),
    ("length", re.compile(rf"(?i:\b{_NUM})[- ]?{_LENGTH_UNIT}\b(?!-old)")),
    ("date", re.compile(r"\b(?:" + "|".join(_DATE_FORMS) + ")")),
    (
        "duration",
        re.compile(
            rf"(?i:\b{_NUM}[- ]{_TIME_UNIT}\b(?![- ]old)|\ba (?:year|month|week|day|decade|"
            r"century) and a half\b|\bhalf an? (?:hour|day|year|century)\b)"
        ),
    ),
    ("count", re.compile(rf"(?i:\b{_NUM}\b)(?!\s?%)")),
]
_DEPTH_CONTEXT = re.compile(
    r"\b(?:deep|depths?|descend\w*|below|beneath|underground|underwater|down|dives?|dived|dove|"
    r"drill\w*|sinks?|sank|bottom|seabed|sea floor|subsurface)\b",
    re.I,
)
_YEARISH = re.compile(r"^(?:1[5-9]|20)\d{2}s?$")


@dataclass(frozen=True)
class Quantity:
    """A number, date or time in a sentence, with its kind."""

    kind: str
    surface: str
    start: int
    end: int


def find_quantities(text: str) -> list[Quantity]:
    """The quantities of *text* in order; a span goes to the first kind that claims it."""
    text = strip_invisible(text)
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    depth = None
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and e > ts for ts, te in taken):
                continue
            surface = m.group(0).strip(" ,")
            if kind == "count" and not _is_count(surface):
                continue
            if kind == "length":
                depth = bool(_DEPTH_CONTEXT.search(text)) if depth is None else depth
                if depth:
                    found.append(Quantity("depth", surface, s, e))
            taken.append((s, e))
            found.append(Quantity(kind, surface, s, e))
    found.sort(key=lambda q: (q.start, q.kind))
    return found


def _is_count(surface: str) -> bool:
    """A bare number counts things; 'one' is too often a pronoun, a year is a date."""
    low = surface.lower()
    return low not in ("one", "half a", "half an") and not _YEARISH.match(low)


def quantity_kinds(text: str) -> list[str]:
    """The kinds of quantity present in *text*, in the order of KINDS."""
    present = {q.kind for q in find_quantities(text)}
    return [k for k in KINDS if k in present]


_MONEY_WORDS = frozenset(
    "money cost costs costed price priced pay paid spend spent worth value valued fund funding budget "
    "raise raised earn earned salary fee fine revenue profit sales invest invested investment charge "
    "dollars euros pounds yen yuan".split()
)
_TIME_WORDS = frozenset("time years year months month days day weeks week hours hour minutes decades".split())
_COUNT_OR_MONEY = frozenset({"money", "count", "percent"})


def wanted_kind(question: str) -> frozenset[str] | None:
    """The kinds of quantity that would answer *question*, or None when it asks for no quantity."""
    words = tokens(question)
    text = " ".join(words)
    after = _words_after(words, ("how", "many")) or _words_after(words, ("how", "much"))
    if re.search(r"\b(?:how old|what age|which age|at what age|how many years old)\b", text):
        return frozenset({"age"})
    if re.search(r"\b(?:what|which) time\b|\bat what hour\b", text):
        return frozenset({"time"})
    if re.search(
        r"\b(?:what|which) (?:percentage|percent|proportion|share|fraction)\b|\bhow many percent", text
    ):
        return frozenset({"percent"})
    if re.search(r"\bhow (?:deep|far down)\b|\bwhat depth\b", text):
        return frozenset({"depth"})
    if re.search(r"\bhow (?:big|large|small|vast|huge|wide)\b|\bwhat (?:size|area)\b", text):
        return frozenset({"area", "length"})
    if re.search(
        r"\bhow (?:far|tall|high|long is|long was|long are|long were)\b|\bwhat (?:length|distance|height)\b",
        text,
    ):
        return frozenset({"length", "duration"}) if "long" in words else frozenset({"length"})
    if re.search(r"\bhow long\b", text):
        return frozenset({"duration"})
    if re.search(r"\b(?:how many|how much)\b", text):
        if after & _TIME_WORDS:
            return frozenset({"duration"})
        if "how much" in text:
            return frozenset({"money"}) if after & _MONEY_WORDS else _COUNT_OR_MONEY
        return frozenset({"money"}) if after & _MONEY_WORDS - {"sales"} else frozenset({"count"})
    if re.search(r"\b(?:what|which) (?:year|date|day|month|decade|century)\b|\bsince when\b|\bwhen\b", text):
        return frozenset({"date", "time"}) if "when" in words else frozenset({"date"})
    return None


def _words_after(words: list[str], form: tuple[str, str]) -> frozenset[str]:
    for i in range(len(words) - 1):
        if (words[i], words[i + 1]) == form:
            return frozenset(words[i + 2 : i + 6])
    return frozenset()
