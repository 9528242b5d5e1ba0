"""Find mentions of people, countries, places, organisations, dates and numbers in a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .acronyms import TITLE_ACRONYMS
from .gazetteer import (
    CITIES,
    COUNTRIES,
    MONTHS,
    NUMBER_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    REGIONS,
    STATES,
    TITLE_WORDS,
    WEEKDAYS,
    first_names,
)
from .lemmas import lemma
from .lexicon import verbs_and_adverbs
from .quantities import CENTURY, EARLY_DECADE, EARLY_YEAR, ERA_YEAR
from .text import MONTH_ABBREVIATION_PATTERN, STOPWORDS, fold, is_english_word

_DEMONYM_TO_COUNTRY = {fold(alias): country for country, aliases in COUNTRIES.items() for alias in aliases}
_COUNTRY_KEYS = {fold(c): c for c in COUNTRIES} | _DEMONYM_TO_COUNTRY
_CITY_KEYS = {fold(c) for c in CITIES}
_REGION_KEYS = {fold(r) for r in REGIONS}
_PLACE_KEYS = {fold(w) for w in PLACE_WORDS}
_STATE_KEYS = {fold(s) for s in STATES}
_ORG_KEYS = {fold(w) for w in ORG_WORDS}
_TITLE_KEYS = (
    {fold(w) for w in TITLE_WORDS}
    | {"of", "the", "state", "secretary-general"}
    | {fold(a) for a in TITLE_ACRONYMS}  # "CEO Tim Clark"
)
# the words of office among them: not the glue of "Secretary of State", nor "State" alone
_OFFICE_KEYS = frozenset(k for k in _TITLE_KEYS if k not in {"of", "the", "state"})
_STARTERS = frozenset(
    [
        "although",
        "though",
        "while",
        "because",
        "however",
        "meanwhile",
        "despite",
        "after",
        "before",
        "when",
        "if",
        "as",
        "asked",
        "according",
        "local",
        "last",
        "next",
        "earlier",
        "later",
        "still",
        "yet",
        "also",
        "even",
        "instead",
        "both",
        "several",
        "many",
        "most",
        "few",
        "some",
        "once",
        "until",
        "unless",
        "since",
        "during",
        "following",
        "amid",
        "under",
        "over",
        "among",
        "without",
        "within",
        "speaking",
        "writing",
        "asked",
        "noting",
        "adding",
    ]
)
# the particles of a surname, written in lower case inside it ("Anneke de Graaf", "Pieter van der Berg")
SURNAME_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "del", "della", "ter"}
)
_CONNECTORS = {"of", "for", "and", "the", "al", "bin"} | SURNAME_PARTICLES

_INITIAL = re.compile(r"[A-Z](?:\.[A-Z])*")  # "D", "P.J" as _WORD reads them (their last period left out)
_NAME_ABBREVIATIONS = frozenset({"St", "Mt", "Ft"})  # Saint, Mount, Fort: "St. Louis", "Mt. Everest"
_WORD = re.compile(r"[^\W\d_][\w\-.\u2019'&]*[\w]|[^\W\d_]", re.UNICODE)  # "PG&E" is one word
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")

_MONTH_RE = "|".join(m.capitalize() for m in MONTHS)
_DATE_PATTERNS = [
    re.compile(rf"\b(?:early|mid|late)?[- ]?(?:{_MONTH_RE})(?: \d{{1,2}}(?:st|nd|rd|th)?)?(?:,? \d{{4}})?\b"),
    re.compile(rf"\b\d{{1,2}} (?:{_MONTH_RE})(?: \d{{4}})?\b"),
    # "Sept. 12", "Nov 20, 2019": a month as the news abbreviates it, with its day (alone, "Dec" and
    # "Aug" were names)
    re.compile(rf"\b(?:{MONTH_ABBREVIATION_PATTERN})\.? \d{{1,2}}(?:st|nd|rd|th)?\b(?:,? \d{{4}}\b)?"),
    re.compile(r"\b(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + r")\b"),
    re.compile(r"\b(?:in |since |until |by |from )?(?:1[89]|20)\d{2}s?\b"),
    re.compile(
        r"\b(?:last|next|this|earlier this|later this|past|previous|coming)"
        r" (?:week|month|year|summer|winter|spring|autumn|fall|weekend|decade)\b",
        re.I,
    ),
    re.compile(r"\b(?:yesterday|today|tomorrow|tonight)\b", re.I),
    # history: a year before 1500 after a preposition, its decades, centuries (as quantities.py reads them)
    re.compile(rf"\b{EARLY_YEAR}", re.I),
    re.compile(rf"\b{EARLY_DECADE}"),
    re.compile(rf"\b(?:{ERA_YEAR})"),
    re.compile(rf"\b{CENTURY}", re.I),
]
# What every date pattern above needs somewhere: a digit, a month or weekday as written, or a word
# of time in any case. Most sentences have none, and a few substring tests (C speed) spare six
# regular expressions that cost four times as much.
_DATE_CUES = tuple("0123456789") + tuple(m.capitalize() for m in MONTHS + WEEKDAYS)
_TIME_WORDS = tuple(
    "week month year summer winter spring autumn fall decade century centuries yesterday today tomorrow "
    "tonight".split()
)


def _may_hold_date(text: str) -> bool:
    if any(c in text for c in _DATE_CUES):
        return True
    low = text.lower()
    return any(w in low for w in _TIME_WORDS)


_NUMBER_WORDS_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER = re.compile(
    rf"\b(?:\d+(?:[.,]\d+)*%?|(?i:{_NUMBER_WORDS_RE}))(?:[- ](?i:{_NUMBER_WORDS_RE}))?"
    r"(?:[- ](?:[a-z]+))?\b"
)
_YEAR = re.compile(r"^(?:1[89]|20)\d{2}s?$")


@dataclass(frozen=True)
class Mention:
    """A span of a sentence that names something."""

    surface: str  # the name as written, titles and possessive stripped
    kind: str  # person, country, place, organisation, date, number, other
    start: int
    end: int
    title: str = ""  # a title written before a person's name, e.g. "Romania's President"


def find_mentions(
    text: str,
    sentence_start: bool = True,
    common: frozenset[str] = frozenset(),
    known: dict[str, str] | None = None,
) -> list[Mention]:
    """All mentions in one sentence, in order.

    *common* holds folded words the document uses in lower case; *known* maps folded names to kinds.
    """
    dates = _date_mentions(text)
    names = [
        m
        for m in _name_mentions(text, sentence_start, common, known or {})
        if not any(m.start < d.end and m.end > d.start for d in dates)
    ]
    found = names + dates
    found += _number_mentions(text, found)
    found.sort(key=lambda m: (m.start, -m.end))
    return found


def _name_mentions(
    text: str, sentence_start: bool, common: frozenset[str], known: dict[str, str]
) -> list[Mention]:
    # a currency's prefix names no country: "US$250 million", "A$1.2 million"
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    words = [w for w in words if text[w[2] : w[2] + 1] != "$"]
    # "the Singapore-based company": the place it is based in, not a name of its own
    words = [(w[:-6], a, b - 6) if w.endswith("-based") and len(w) > 6 else (w, a, b) for w, a, b in words]
    spans: list[list[tuple[str, int, int]]] = []
    current: list[tuple[str, int, int]] = []
    for i, (word, start, end) in enumerate(words):
        if not current and not word[0].isupper():
            continue  # a lower-case word outside a name neither starts nor ends one
        possessive = bool(_POSSESSIVE.search(word)) and word[0].isupper()
        bare = _POSSESSIVE.sub("", word) if possessive else word.rstrip(".")
        is_cap = bare[:1].isupper() and bare != "I" and bare.split("-")[0].lower() not in NUMBER_WORDS
        if i == 0 and sentence_start and is_cap:
            is_cap = not (_is_common(bare, common) or _describes_the_name_after(bare, words))
        if possessive and i + 1 < len(words) and fold(words[i + 1][0]) in _ORG_KEYS | _PLACES_OWNED:
            possessive = False  # "People's Party" is one name
            bare = word
        gap = text[current[-1][2] : start] if current else ""
        if current and gap.strip() == "." and is_cap and (
            _INITIAL.fullmatch(current[-1][0]) or current[-1][0] in _NAME_ABBREVIATIONS
        ):
            gap = " "  # "Christopher D. Battin", "P.J. Fleck", "St. Louis": the period ends no name
        if (
            current
            and gap.strip() in ("'", "\u2019")
            and current[-1][0].endswith("s")
            and fold(bare) in _ORG_KEYS
        ):
            gap = " "  # "Clifton Road Traders' Association", "the Farmers' Union": one name
        if current and gap.strip() not in ("", "-", "&"):  # "Marks & Spencer", "Crumb & Co" are one name
            spans.append(current)
            current = []
        if is_cap:
            current.append((bare, start, start + len(bare)))
            if possessive:
                spans.append(current)
                current = []
        elif current and word.lower() in _CONNECTORS and _capital_follows(words, i + 1):
            # "Secretary of State", "Bank of England": the word before "of" is a title's or a body's;
            # not "President Xi Jinping of China", a person's name
            institutional = fold(current[-1][0]) in _ORG_KEYS or fold(current[-1][0]) in _TITLE_KEYS
            if word.lower() in ("and", "of") and not institutional:
                # "Hungary and Slovakia", "Kelvin Kiptum of Kenya": two names, not one
                spans.append(current)
                current = []
            else:
                current.append((word, start, end))
        else:
            if current:
                spans.append(current)
            current = []
    if current:
        spans.append(current)
    mentions: list[Mention] = []
    for span in spans:
        while span and span[-1][0].lower() in _CONNECTORS:
            span = span[:-1]
        if span:
            mentions.extend(_classify(text, span, known))
    return mentions


def _written_as_name(text: str, span: list[tuple[str, int, int]]) -> bool:
    """Capitalised words, or a given name and a surname with its particles: "Anneke de Graaf", not
    "Politecnico di Milano", "in Rio de Janeiro" or "the Col de la Sereyrède"."""
    words, start = [w for w, _, _ in span], span[0][1]
    if all(w[:1].isupper() for w in words):
        return True
    return (
        fold(words[0]) in first_names()
        and all(w[:1].isupper() or w in SURNAME_PARTICLES for w in words)
        and not _PLACE_BEFORE.search(text, max(0, start - 8), start)
    )


_PLACE_BEFORE = re.compile(r"\b(?:the|in|at|near)\s+$", re.I)  # "in Rio de Janeiro", "the Col de la Croix"


def _capital_follows(words: list, i: int) -> bool:
    """Whether words[i] is capitalised, or a surname's particle before one ("Pieter van der Berg")."""
    if i < len(words) and words[i][0] in SURNAME_PARTICLES:
        i += 1
    return i < len(words) and words[i][0][:1].isupper()


def _describes_the_name_after(word: str, words: list[tuple[str, int, int]]) -> bool:
    """An opening compound of everyday words before a name: "Century-old Pollard's bakery", "Long-awaited
    Millgate surgery"; not "Coca-Cola", "Anglo-Saxon" (capitals in both parts). Or an everyday noun before a
    given name and a surname: "Opener Megan Holloway top-scored", "Substitute Aoife Brennan scored"."""
    if "-" not in word:
        key = fold(word)
        return (
            len(words) > 2
            and is_english_word(key)
            and key not in first_names()
            and key not in _TITLE_KEYS
            and fold(words[1][0]) in first_names()
            and words[2][0][:1].isupper()
        )
    if not word.split("-", 1)[1][:1].islower():
        return False
    return len(words) > 1 and words[1][0][:1].isupper() and all(map(is_english_word, fold(word).split("-")))


def _is_common(word: str, common: frozenset[str]) -> bool:
    key = fold(word)
    if key in _COUNTRY_KEYS or key in _CITY_KEYS:
        return False
    return key in STOPWORDS or key in _STARTERS or key in common or key.endswith("ly")


NOT_A_PERSON = "other"


def may_be_personal(words: list[str]) -> bool:
    """Whether capitalised words (folded) may be a person's name: a given name first ("Mark Rutte",
    "Sanjiv Bhasin"), or no English word in it ("Rusmik Oza"); not "Kotak Securities" or "Orange Crest".
    (A surname last was measured too: "Real Madrid" and "Inter Milan" end in surnames.)"""
    if not words:
        return False
    # a word of office is no given name, whatever names-dataset holds ("General Motors", "Judge Street"),
    # nor a surname's particle ("Van Houten Verpakking", "De Beers")
    given = words[0] in first_names() and words[0] not in _TITLE_KEYS and words[0] not in SURNAME_PARTICLES
    return given or not any(map(is_english_word, words))


def _classify(text: str, span: list[tuple[str, int, int]], known: dict[str, str]) -> list[Mention]:
    keys = [fold(w) for w, _, _ in span]
    out: list[Mention] = []
    whole = fold(text[span[0][1] : span[-1][2]])
    if whole in known:
        return [Mention(text[span[0][1] : span[-1][2]], known[whole], span[0][1], span[-1][2])]
    if "&" in text[span[0][1] : span[-1][2]]:  # "Marks & Spencer", "Pell & Hartington": a firm's name
        return [Mention(text[span[0][1] : span[-1][2]], "organisation", span[0][1], span[-1][2])]
    if len(span) == 1 and (keys[0] in _CITY_KEYS or keys[0] in _REGION_KEYS or keys[0] in _STATE_KEYS):
        word = span[0][0]
        name = word.title() if word.isupper() else word
        return [Mention(name, "place", span[0][1], span[0][2])]
    # Countries and demonyms inside the span are mentions of their own ("Hungarian Prime Minister").
    for (_word, start, end), key in zip(span, keys, strict=True):
        if key in _COUNTRY_KEYS and len(span) > 1:
            out.append(Mention(_COUNTRY_KEYS[key], "country", start, end))
    full = " ".join(keys)
    if full in _COUNTRY_KEYS:
        return [Mention(_COUNTRY_KEYS[full], "country", span[0][1], span[-1][2])]
    if any(k in _ORG_KEYS for k in keys) or (len(span) == 1 and _is_acronym(span[0][0])):
        if keys[0] in ("the",):
            span = span[1:]
        elif keys[0] in _TITLE_KEYS and "of" in keys[1:-1] and keys[0] not in _ORG_KEYS:
            span = span[keys.index("of") + 1 :]  # "CEO of Brandt Foods": the company, its officer aside
        if span and not (len(span) == 1 and keys[-1] in _COUNTRY_KEYS):
            name = text[span[0][1] : span[-1][2]]
            kind = "country" if fold(name) in _COUNTRY_KEYS else "organisation"
            out.append(Mention(_COUNTRY_KEYS.get(fold(name), name), kind, span[0][1], span[-1][2]))
        return out
    # Split leading titles (and countries, acronyms) from the name that follows them.
    cut = 0
    while cut < len(span) and (
        keys[cut] in _TITLE_KEYS
        or keys[cut] in _COUNTRY_KEYS
        or (_is_acronym(span[cut][0]) and cut + 1 < len(span) and keys[cut + 1] in _TITLE_KEYS)
    ):
        cut += 1
    if cut and all(k in _GLUE for k in keys[:cut]):  # "The Hollow Season": an article, not a title
        span, keys, cut = span[cut:], keys[cut:], 0
        if not span:
            return out
    if cut:  # "Chief Technology Officer Marcus Feld": the title ends at its last word of office
        last = max((i for i in range(cut, len(span) - 2) if keys[i] in _OFFICE_KEYS), default=-1)
        cut = max(cut, last + 1)
    if cut == 0 and len(span) >= 2 and keys[-1] in _TITLE_KEYS:
        owner = next(i for i, k in enumerate(keys) if k in _TITLE_KEYS)  # "the Shell CEO"
        return [*out, _owner(text, span[:owner], known)]
    if cut == 0:
        cut, owner = _title_after_owner(keys)
        if owner:  # "Emirates CEO Tim Clark": Emirates is named too
            out.append(_owner(text, span[:owner], known))
    for word, start, end in span[:cut]:
        if _is_acronym(word) and fold(word) not in _COUNTRY_KEYS and fold(word) not in _TITLE_KEYS:
            out.append(Mention(word, "organisation", start, end))
    if cut == 1 and keys[0] == "general" and len(span) == 2 and is_english_word(keys[1]):
        cut = 0  # "General Motors", "General Electric": a company's name, not a general's
    if cut < len(span) and span[cut][0] in SURNAME_PARTICLES:
        cut = 0  # "Col de la Sereyrède", "Santa Cruz de Tenerife": no title and a name in lower case
    name_span = span[cut:]
    if not name_span or (cut and keys[cut] in ("for", "of")):
        return out  # "Minister for Natural Resources": the rest is the office's, no one's name
    title = text[span[0][1] : span[cut - 1][2]] if cut else ""
    if title:
        # "Romania's President": the possessive country belongs to the title
        before = text[max(0, span[0][1] - 40) : span[0][1]]
        m = re.search(r"([A-Z][\w]+['\u2019]s)\s*$", before)
        if m and fold(m.group(1)[:-2]) in _COUNTRY_KEYS:
            title = m.group(1) + " " + title
    name = text[name_span[0][1] : name_span[-1][2]]
    key = fold(name)
    if key in _CITY_KEYS or key in _REGION_KEYS or key in _STATE_KEYS or keys[-1] in _PLACE_KEYS:
        kind = "place"
    elif name_span[0][0] in _NAME_ABBREVIATIONS and len(name_span) > 1:
        kind = "place"  # "St. Louis", "Mt. Vernon", "Ft. Worth"
    elif key in _COUNTRY_KEYS:
        kind = "country"
        name = _COUNTRY_KEYS[key]
    elif len(name_span) >= 2 and fold(name_span[0][0]) in _CITY_KEYS:
        kind = "other"  # "Chicago Marathon", "Washington Summit": named after a place, not a person
    elif title or (2 <= len(name_span) <= 4 and _written_as_name(text, name_span)):
        personal = may_be_personal([fold(w) for w, _, _ in name_span]) and not _is_acronym(name_span[0][0])
        # a country alone before a name is no office: "the American Red Cross", "the Canadian Museum"
        office = any(k in _OFFICE_KEYS for k in keys[:cut])
        kind = "person" if office or personal else NOT_A_PERSON  # "NSU Motorenwerke" is no one's name
    else:
        kind = "other"
    if kind == "person" and not title:
        title = _title_in_lower_case(text, name_span[0][1])
    out.append(Mention(name, kind, name_span[0][1], name_span[-1][2], title=title))
    return out


_WORD_BEFORE = re.compile(r"([A-Za-z][\w\-]*)\s+$")


# "King's College London", "St Mary's Hospital": a possessive that begins an institution's name
_PLACES_OWNED = frozenset({"college", "hospital", "cathedral", "church", "school"})
_OF_OFFICE = frozenset({"managing", "founding", "presiding", "commanding", "governing"})  # not verbs here


def _title_in_lower_case(text: str, start: int) -> str:
    """The title written in lower case right before a name ("said chief executive Jonathan Whitcombe",
    "Chief executive Tom Haverford"): words of office, and one word before them that says of what
    ("race director"); "" for none."""
    at, words = start, []
    while (m := _WORD_BEFORE.search(text, max(0, at - 30), at)) and len(words) < 4:
        word = m.group(1)
        key = fold(word)
        if key not in _OFFICE_KEYS or (word[:1].isupper() and m.start() > 0):
            break
        words.insert(0, word)
        at = m.start()
    if not words:
        return ""
    m = _WORD_BEFORE.search(text, max(0, at - 30), at)
    word = m.group(1) if m else ""
    if word and (word.islower() or m.start() == 0) and fold(word) not in STOPWORDS and is_english_word(word):
        key = fold(word)
        verb = word.endswith(("ed", "ing", "s")) or lemma(key) in verbs_and_adverbs()
        verb = verb and key not in _OF_OFFICE
        if not verb:  # "said", "according": no office's kind; "Managing director" is one
            words.insert(0, word)
    return " ".join(words)


_GLUE = frozenset({"of", "the", "and", "for"})


def is_title(title: str) -> bool:
    """A title holds a word of office and ends with one: "Emirates President", not "The" (of
    "The Crown"), "Indian" (of "Indian Economy") or "CEO of" (of "the CEO of DH")."""
    keys = [fold(w).rstrip(".") for w in re.findall(r"[\w\-.]+", title)]
    office = any(k in _OFFICE_KEYS for k in keys)
    return office and keys[-1] not in _GLUE


def _owner(text: str, span: list[tuple[str, int, int]], known: dict[str, str]) -> Mention:
    """The organisation named before a title: "Emirates" in "Emirates CEO Tim Clark" (or the country
    or city: "Hong Kong" of "Hong Kong Chief Executive Carrie Lam" is no organisation)."""
    name = text[span[0][1] : span[-1][2]]
    key = fold(name)
    if key in _COUNTRY_KEYS:
        return Mention(_COUNTRY_KEYS[key], "country", span[0][1], span[-1][2])
    if key in _CITY_KEYS or key in _STATE_KEYS or key in _REGION_KEYS:
        return Mention(name, "place", span[0][1], span[-1][2])
    return Mention(name, known.get(key, "organisation"), span[0][1], span[-1][2])


def _title_after_owner(keys: list[str]) -> tuple[int, int]:
    """(end of the title, end of the owner) for "Owner Title Name" spans, else (0, 0)."""
    for owner in (1, 2):
        end = owner
        while end < len(keys) and keys[end] in _TITLE_KEYS and keys[end] not in ("of", "the"):
            end += 1
        if end > owner and 1 <= len(keys) - end <= 3:
            return end, owner
    return 0, 0


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("&", "")  # "U.S.", "PG&E"
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


def _date_mentions(text: str) -> list[Mention]:
    if not _may_hold_date(text):
        return []
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            s, e = m.span()
            surface = m.group(0).strip(" -")
            if surface.lower() == "may" or any(s < te and e > ts for ts, te in taken):
                continue
            taken.append((s, e))
            out.append(Mention(surface, "date", s, e))
    return out


def _number_mentions(text: str, already: list[Mention]) -> list[Mention]:
    out = []
    for m in _NUMBER.finditer(text):
        s, e = m.span()
        first = m.group(0).split()[0].split("-")[0]
        if _YEAR.match(first) or any(s < x.end and e > x.start and x.kind == "date" for x in already):
            continue
        if first.lower() == "one" and not m.group(0).lower().startswith("one of"):
            continue  # "one" is too often a pronoun
        out.append(Mention(m.group(0), "number", s, e))
    return out
