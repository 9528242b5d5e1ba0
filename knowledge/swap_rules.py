"""The pure functions, patterns and word lists of the swapped-question rules (Matcher.swapped): whether a
sentence answers another question than the one asked, read from the two texts and their words."""

from __future__ import annotations

import math
import re

from .gazetteer import TITLE_WORDS, WEEKDAYS
from .lemmas import lemma
from .lexicon import person_nouns, verbs_and_adverbs
from .quantities import (
    CARDINAL_WORDS,
    LENGTH_UNIT_PATTERN,
    MONEY_WORDS,
    find_quantities,
    number_value,
    quantity_value,
)
from .text import MONTH_ABBREVIATIONS, STOPWORDS, fold, stem, tokens

ALIKE_NAMES_COSINE = 0.8  # swapped_agent: two names this alike may name one thing ("Spurs", "Tottenham")
_TITLE_STEMS = frozenset(stem(fold(w)) for w in TITLE_WORDS)


# A time a question may pin its question to: a year, a weekday, "next month", "last year"
_PINNED_TIME = re.compile(
    r"\b(?:(?:1[5-9]|20)\d0s|(?:1[5-9]|20)\d\d|"
    + "|".join(WEEKDAYS)
    + r"|(?:next|last|this|past) (?:week|month|year|decade))\b",
    re.I,
)


# An ordinal and what it orders: "the first period", "the 11th century", "his last major work"
_ORDERED = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|\d{1,2}(?:st|nd|rd|th))"
    r" (\w+)",
    re.I,
)


# "the first time since 1975", "the first ... in nearly a quarter century": the last time before it
_SINCE = re.compile(r"\bsince\b|\bin (?:\w+ ){0,3}(?:years|decades|century|months)\b", re.I)
# what a figure is compared with, up to the clause's end: "compared with 76% last year", "up from 12 in 2019"
_BASELINE = re.compile(r"\b(?:compared (?:with|to)|up from|down from|than)\b[^,;.]*", re.I)
# what a figure is set against, to the clause's end, where a comma inside a number ends nothing: "Total
# prize money was £150,000, up from £110,000 last year" states this year's; "62 spaces, compared with 11 at
# the old site" the new site's
_COMPARED_FIGURE = re.compile(
    r"\b(?:compared (?:with|to)|up from|down from|versus)\b(?:[^,;.]|(?<=\d)[,.](?=\d))*", re.I
)
_NOW = frozenset({"this week", "this month", "this year"})
_YEAR_OF_WORD = re.compile(r"\b(\w{3,}) (in|since|until|from) ((?:1[5-9]|20)\d\d)\b", re.I)


# words naming one of a few alternatives: a sentence saying another and not the question's answers
# another question ("each winter" of "each summer", "flows northeast" of "flows northwest"). Compass
# words count in lower case only ("Eastern Michigan" is a name); a unit of time only after a word
# that makes it a period ("per month", "in a single week"), since "how many years" may be said in months.
_ALTERNATIVES: tuple[frozenset[str], ...] = tuple(
    frozenset(words.split())
    for words in (
        "spring summer autumn winter",
        "morning afternoon evening",
        "upper lower",
        "daily weekly monthly yearly annual hourly",
        "northernmost southernmost easternmost westernmost",
        "more fewer less",
        "higher lower",
        "north south east west northeast northwest southeast southwest northern southern eastern western",
        # currencies in lower case ("Euro 2020" is a name); not "pound", a weight too
        "dollar euro yen yuan renminbi rupee franc rouble ruble peso krona kronor krone zloty shilling lira"
        " dinar dirham ringgit baht naira rand",
        "second minute hour day week month year decade",  # not "a century": a hundred runs too
    )
)
_COMPASS, _CURRENCY_WORDS, _TIME_UNITS = _ALTERNATIVES[-3:]
# "eastern Scotland" is "the east of Scotland"
_SAME_ALTERNATIVE = {
    "yearly": "annual",
    **{f"{direction}ern": direction for direction in ("north", "south", "east", "west")},
}
_CURRENCY_SIGNS = {"$": ("dollar",), "\u20ac": ("euro",), "\u00a5": ("yen", "yuan")}
_PERIOD_WORDS = frozenset("per each every single a an".split())
_ANY_ALTERNATIVE = frozenset().union(*_ALTERNATIVES)
_EDGES = ".,;:!?\"'()\u2019\u201c\u201d"


def _alternatives_named(text: str) -> set[str]:
    """The words of _ALTERNATIVES the text says (compass words in lower case, units of time as periods)."""
    words = text.replace("-", " ").split()
    if _ANY_ALTERNATIVE.isdisjoint([w.lower().strip(_EDGES).rstrip("s") for w in words]):
        return set()  # speed: most texts say none
    found = set()
    for i, raw in enumerate(words):
        word = raw.strip(_EDGES)
        folded = word.lower()
        if (folded in _COMPASS or folded.rstrip("s") in _CURRENCY_WORDS) and word != folded:
            continue
        if folded.endswith("s") and (folded[:-1] in _TIME_UNITS or folded[:-1] in _CURRENCY_WORDS):
            folded = folded[:-1]
        if folded in _TIME_UNITS and (not i or words[i - 1].lower() not in _PERIOD_WORDS):
            continue
        if folded in _ANY_ALTERNATIVE:
            found.add(folded)
    return found


def _swapped_alternative(question: str, sentence: str) -> bool:
    """Whether the sentence says another of a few alternatives than the question, and not its own
    ("How many people visit each winter?" of "About 50,000 people visit each summer")."""
    asked = _alternatives_named(question)
    if not asked:
        return False
    said = _alternatives_named(sentence)
    if not _CURRENCY_WORDS.isdisjoint(asked):  # "$280 million" says dollars as the word does
        said.update(w for sign, words in _CURRENCY_SIGNS.items() if sign in sentence for w in words)
    # one of the group asked is missing and another said ("the zloty against the dollar" of "the zloty
    # against the euro")
    asked, said = _same_alternatives(asked), _same_alternatives(said)
    return any((asked & group) - said and (said & group) - asked for group in _ALTERNATIVES)


def _same_alternatives(words: set[str]) -> set[str]:
    """*words* with each alternative that says the same as another written as that one ("yearly" as
    "annual")."""
    return {_SAME_ALTERNATIVE.get(w, w) for w in words}


# a relative of a name: "Vermeer's wife" asks about someone else than a sentence on Vermeer alone
_RELATIVE = re.compile(
    r"\b\w+['\u2019]s\s+(?:(?:eldest|oldest|youngest|elder|older|younger|late|only|first|second)\s+)?"
    r"(wife|husband|father|mother|son|daughter|brother|sister|parent|child|children|"
    r"widow|widower|uncle|aunt|cousin|grandfather|grandmother|grandson|granddaughter|nephew|niece|partner|"
    r"fiancee?|girlfriend|boyfriend)s?\b",
    re.I,
)


def _relative_missing(question: str, sentence: str) -> bool:
    """Whether the question asks of someone's relative and the sentence never says that relative
    ("Where did Vermeer's wife spend her life?" of "He spent his entire life in Delft")."""
    asked = _RELATIVE.findall(question)
    if not asked:
        return False
    said = {stem(w) for w in tokens(sentence)}
    return any(stem(word.lower()) not in said for word in asked)


def _swapped_date(question: str, sentence: str) -> bool:
    """Whether the sentence states other times of the kind the question pins and not the question's
    ("held next year" of "the NATO Summit in Washington next month", "in 2019" of "in 2018"), pins the
    question's word to another year ("visited Skye in 2015" of "visited Skye in 2019"), or orders the
    thing the question orders otherwise ("the first period" of "in the third period", "his last work"
    of "his first work"; not "the first ... since", which is when the last one was)."""
    asked = {m.lower() for m in _PINNED_TIME.findall(question)}
    if asked:
        said = {m.lower() for m in _PINNED_TIME.findall(sentence)}
        if said and not asked & said:
            # a time only compared with is not the sentence's own ("71%, compared with 76% last year")
            own = {m.lower() for m in _PINNED_TIME.findall(_BASELINE.sub("", sentence))}
            uncompared = _COMPARED_FIGURE.sub("", sentence)
            if asked <= _NOW and all(_time_kind(t) != "relative" for t in _PINNED_TIME.findall(uncompared)):
                own = set()  # the sentence's own time is unsaid: now
            if own and {_time_kind(t) for t in asked} <= {_time_kind(t) for t in own}:
                return True
    for word, preposition, year in _YEAR_OF_WORD.findall(question):
        # "visited Skye in 2015" of "... after 2015, and 650,000 people visited Skye in 2019": the word
        # the question pins to its year has another year in the sentence
        key = stem(word.lower())
        for w, p, y in _YEAR_OF_WORD.findall(sentence):
            if p.lower() == preposition.lower() and y != year and stem(w.lower()) == key:
                return True
    ordered = {(_order(o), stem(n.lower())) for o, n in _ORDERED.findall(question)}
    if ordered:
        said_order = {(_order(o), stem(n.lower())) for o, n in _ORDERED.findall(sentence)}
        for order, noun in ordered:
            others = {o for o, n in said_order if n == noun}
            if others and order not in others:
                if order == "last" and _SINCE.search(sentence):
                    continue
                return True
    return False


_NEGATION_TOKENS = frozenset(
    "not never no nt cannot cant didnt doesnt isnt wasnt arent werent dont couldnt wouldnt shouldnt hasnt "
    "havent hadnt wont unable neither nor lack lacks lacked lacking".split()
)
_NEGATION = re.compile(
    r"\b(?:" + "|".join(sorted(_NEGATION_TOKENS)) + r"|fail(?:s|ed)? to)\b|n['\u2019]t\b", re.I
)


# a sentence saying something failed denies it as "did not" does ("...to carve out a state, but failed")
_FAILED = re.compile(r"\b(?:fail(?:s|ed|ure)?|unsuccessful(?:ly)?)\b", re.I)

_FAILS = frozenset({"fail", "fails", "failed"})
_NEGATION_CLAUSE = re.compile(r"\b(?:why|if|since|unless|until|whether)\b", re.I)


def _says_no(toks: list[str]) -> bool:
    """_NEGATION.search of the text *toks* are the tokens of, read from the tokens (speed): "didn't" is
    "didn", "t"; "fail to" two words."""
    if not _NEGATION_TOKENS.isdisjoint(toks):
        return True
    if "t" not in toks and _FAILS.isdisjoint(toks):
        return False
    pairs = zip(toks, toks[1:], strict=False)
    return any((a == "n" or a.endswith("n")) and b == "t" or a in _FAILS and b == "to" for a, b in pairs)


def _negation_added(question: str, sentence: str) -> bool:
    """Whether the question denies what a sentence saying no "not" asserts ("What would not be a
    major breakthrough" of "...would be a major breakthrough"); not "why ... not", nor a "not" in a
    clause of condition or time ("if Morgan can't play", "since when had they not won")."""
    negation = _NEGATION.search(question)
    if negation is None or _NEGATION_CLAUSE.search(question, 0, negation.start()):
        return False
    return not _NEGATION.search(sentence) and not _FAILED.search(sentence)


# A question asking for a name ("what is the man's name", "the name of the firm"), not for a term ("the
# name given to", "another name for")
_ASKS_NAME = re.compile(
    r"(?:\b(?:the|his|her|their|its)|'s|\ws)(?: full| first| last| real)? names?\b(?! (?:given|for)\b)"
    r"|\bnames? of\b",
    re.I,
)
# the kinds of entity that are names: not dates and numbers
_NAMED_KINDS = frozenset({"person", "place", "country", "organisation", "other"})


# A number and what it counts: "six people", "a 180-day cruise", "2.5 million people"
_SCALES = frozenset({"million", "billion", "thousand", "hundred", "trillion"})
_DIGIT = re.compile(r"\d")
# the noun is looked ahead at, not taken: "last seven-game" holds "seven-game"; "a 55% chance" counts too
_COUNTED = re.compile(
    r"(?<![\w.,$\u00a3\u20ac\u00a5])(\d[\d,]*(?:\.\d+)?%?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-[a-z]+|"
    + "|".join(sorted(CARDINAL_WORDS, key=len, reverse=True))
    + r")"
    r"(?:[- ](million|billion|thousand|hundred))?[- ](?=([a-z]+)\b)",
    re.I,
)


# A month, and the day of it when given: "Nov. 18", "November 18", "18 November", "in July"; "March" and
# "May" only capitalised (a verb, a modal)
_MONTH_DAY = re.compile(
    r"(?:\b(\d{1,2}) )?\b((?i:"
    + "|".join(sorted((m for m in MONTH_ABBREVIATIONS if m != "mar"), key=len, reverse=True))
    + r")[a-z]*|Mar(?:ch)?|May)\b\.?"
    r"(?: (\d{1,2})(?:st|nd|rd|th)?\b(?!,\d))?"
)


_MONTH_STEMS = {short[:3]: month for short, month in MONTH_ABBREVIATIONS.items()} | {"may": "may"}
_MONTH_WORDS = frozenset(MONTH_ABBREVIATIONS) | frozenset(MONTH_ABBREVIATIONS.values()) | {"may"}


_QUOTE_MARKS = re.compile('["\u201c\u201d]')  # speed: most questions quote nothing
# what a "which N" question asks for by name, never by a number: "Which regulator", "Which city"
_NAMED_NOUNS = frozenset(
    stem(w)
    for w in "company firm agency regulator organisation organization university college school hospital "
    "court journal newspaper charity club team group union bank council ministry department authority "
    "airline carrier manufacturer maker supplier contractor developer operator country city town village "
    "region state county island river".split()
)
_CAPITALISED_WORD = re.compile(r"[A-Z][\w'-]*")
# a name a sentence measures another by: "after Indonesia", "than France", "behind Brazil"
_COMPARED_NAME = re.compile(
    r"\b(?:after|than|behind|unlike|compared with|compared to)\s+(?:the\s+)?([A-Z][\w'-]*)"
)
# "who is X" asks what X is, not who acts
_BEING = frozenset("is was are were s be isnt wasnt arent werent isn wasn aren weren".split())
_WHO_S = re.compile(r"\W*who(?:['\u2019]s|s)\s+([a-z]+)", re.I)


# who someone described is: "Who were the two potential buyers?", "whos the ceo" (a name answers)
_ASKS_WHO_THE = re.compile(
    r"\W*who(?:['\u2019]?s| is| are| was| were| will be| would be)\s+"
    r"(?:the|a|an|two|three|four|five|several|some|both)\s",
    re.I,
)


def _who_is(text: str) -> bool:
    """Whether a question opens "who's X" for "who is X" ("who's brian catterall", "whos the ceo"), not
    "who has done it" ("who's won the most titles")."""
    m = _WHO_S.match(text)
    return m is not None and lemma(m.group(1).lower()) not in verbs_and_adverbs()


_PERSONAL = re.compile(r"\b(?:he|she|they|we|I|him|her|them|us)\b", re.I)  # someone who may be the actor
_QUOTED = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]+)[\"\u201c\u201d]")


# a thing numbered: "Thunderbolt 3", "iPhone 11", "Selene-2", "route 5", "phase 3"
_NUMBERED_NAME = re.compile(r"\b([A-Za-z][A-Za-z]+)([- ])(\d{1,4})\b(?![,.]\d)")
_LABEL_IN_SENTENCE = re.compile(r"\b([A-Za-z][A-Za-z]+)[- ](\d[\d,]*)\b(?!\.\d)")
# words a number follows as a quantity, not as a label ("within 2 days", "per 1,000", "aged 80")
_BEFORE_A_QUANTITY = frozenset(
    "per within aged age top around about over under off than nearly almost only just least most some up "
    "down past last next first".split()
)


def _numbered_names(text: str) -> tuple[tuple[str, str], ...]:
    """(folded word, number) of each thing *text* numbers: a word a number follows, by a space (not the
    question's first word) or a hyphen ("Selene-2"), that reads as no quantity."""
    return tuple(
        (word, m.group(3))
        for m in _NUMBERED_NAME.finditer(text)
        if (m.start() > 0 or m.group(2) == "-")
        and not _YEAR_LIKE.fullmatch(m.group(3))
        and (word := fold(m.group(1))) not in STOPWORDS
        and word not in _BEFORE_A_QUANTITY
    )


def numbers_after(text: str) -> dict[str, set[str]]:
    """The numbers each word of *text* is followed by ("route 11", "Selene-3"), commas left out."""
    out: dict[str, set[str]] = {}
    for m in _LABEL_IN_SENTENCE.finditer(text):
        out.setdefault(fold(m.group(1)), set()).add(m.group(2).replace(",", ""))
    return out


_YEAR_LIKE = re.compile(r"1[5-9]\d\d|20\d\d")


def _quoted_phrases(text: str) -> tuple[tuple[str, ...], ...]:
    """The words of each phrase of two words or more *text* puts in double quotation marks."""
    return tuple(phrase for m in _QUOTED.finditer(text) if len(phrase := tuple(tokens(m.group(1)))) >= 2)


def _month_days(text: str) -> set[tuple[str, str]]:
    """(month, day) of each date *text* names by its month; day "" when not given."""
    out = set()
    for before, month, after in _MONTH_DAY.findall(text):
        low = month.lower()
        if not _MONTH_STEMS.get(low[:3], "").startswith(low):
            continue  # "junior", "octane": not a month
        out.add((low[:3], before or after))
    return out


def _swapped_day(asked: frozenset[tuple[str, str]], sentence: str) -> bool:
    """Whether the question pins a month (or a day of it; *asked*: its _month_days) the sentence does not
    state while it states another ("kicking off in July 2020" of "June 9, 2020"; "Nov. 28" of "Monday
    night (Nov. 18)")."""
    said = _month_days(sentence)
    months = {m for m, _ in said}
    for month, day in asked:
        if months and month not in months:
            return True
        days = {d for m, d in said if m == month and d}
        if day and days and day not in days:
            return True
    return False


def _counts(text: str) -> set[tuple[str, str]]:
    """(number, stem of the noun it counts) of each count in *text*, numbers as digits."""
    out = set()
    for m in _COUNTED.finditer(text):
        number, scale, noun = m.group(1, 2, 3)
        scale = scale or ""
        start = m.start()
        last = text[text.rfind(" ", 0, max(0, start - 1)) + 1 : start].strip()
        named = last[:1].isupper() and last.lower() not in STOPWORDS
        if named or last[:1].isdigit() or last.lower() in CARDINAL_WORDS:
            continue  # a model's number ("the Thunderbolt 3 adapter", "five 787 Dreamliner sales")
        low = number.lower()
        if low[0].isdigit():
            value: str | int | None = low.replace(",", "")
        elif low in CARDINAL_WORDS and low != "one":  # "what is one indicator": any one, not a count
            value = number_value(low)
        elif "-" in low and all(w in CARDINAL_WORDS for w in low.split("-")):  # "twenty-five"
            value = sum(number_value(w) or 0 for w in low.split("-"))
        else:
            continue
        if noun.lower() in STOPWORDS or noun.lower() in _SCALES:
            continue  # "£3.1 million?": a sum whose scale ends it, no count
        out.add((f"{value} {scale.lower()}".rstrip(), stem(noun.lower())))
    return out


def _swapped_dimension(question: str, sentence: str) -> bool:
    """Whether the question asks one dimension and the sentence gives each of its lengths as another
    ("How tall is the sixth arch?" of "a sixth arch, about 4.5 metres wide"); a length given bare may
    be the one asked."""
    asked = _ASKED_DIMENSION.search(question)
    if asked is None:
        return False
    want = _DIMENSION_WORDS[asked.group(1).lower()]
    if _DIMENSION_NAMED[want].search(sentence):
        return False  # "at its thickest point, the ice is 900 metres deep" says how thick
    given = [_DIMENSION_WORDS.get((m.group(1) or "").lower()) for m in _DIMENSIONED.finditer(sentence)]
    return bool(given) and all(g is not None and g != want for g in given)


# "which university", "which museum": places and bodies whose names carry what they are ("Imperial College
# London", "Royal Derby Hospital", "the Yorkshire Museum"), so a sentence naming none names no answer.
# Not journals, newspapers or islands: "The Lancet", "The Times", "Skye" carry no such word.
_NAMED_AS_KIND = {
    "college": "college colleges university universities institute school academy polytechnic",
    "university": "university universities college colleges institute school academy polytechnic",
    "school": "school schools academy college colleges",
    "hospital": "hospital hospitals infirmary clinic hospice",
    "museum": "museum museums gallery galleries",
    "airport": "airport airports airfield",
    "church": "church churches cathedral chapel abbey minster priory",
    "court": "court courts tribunal",
    "prison": "prison prisons jail hmp",
    "river": "river rivers",
    "lake": "lake lakes loch",
}
_ASKS_NAMED_KIND = re.compile(r"\W*(?:which|what|wat)\s+(" + "|".join(_NAMED_AS_KIND) + r")\b", re.I)
_NAMED_AS_KIND_WORDS = {k: frozenset(v.split()) for k, v in _NAMED_AS_KIND.items()}


def _kind_unnamed(question: str, sentence: str) -> bool:
    """Whether "which university" meets a sentence with no word of that kind ("Which college does Tomasz
    go to?" of "practises at the Cue Ball Club ... after college" has one; "the Cue Ball Club" alone
    would not)."""
    asked = _ASKS_NAMED_KIND.match(question)
    if asked is None:
        return False
    return _NAMED_AS_KIND_WORDS[asked.group(1).lower()].isdisjoint(tokens(sentence))


# "When did the FDA approve veltorasib?" of "the company will apply for approval next year": an approval
# asked of a sentence saying none was given (applied for, planned, hoped for)
_ASKS_APPROVAL = re.compile(
    r"\W*when (?:did|was|were|has|had)\b.*\b(?:approve|approved|approval|license|licensed|authori[sz]e|"
    r"authori[sz]ed|cleared)\b",
    re.I,
)
_SAYS_APPROVED = re.compile(
    r"\b(?:approved|licensed|authori[sz]ed|authori[sz]e|cleared|granted|backed|voted|agreed|go-ahead|"
    r"signed off|ratified|endorsed|recommended|green light|became the first)\b",
    re.I,
)


def _approval_unsaid(question: str, sentence: str) -> bool:
    """Whether the question asks when something was approved and the sentence says no approval given."""
    return _ASKS_APPROVAL.match(question) is not None and _SAYS_APPROVED.search(sentence) is None


# "when did it open", "When was MTG-I2 launched?": asks when something was done; not when it was meant to be
_WHEN_DONE = re.compile(r"^\W*(?:(?:so|and|but|wait)\s+)?when\s+(did|was|were)\s+(.+)", re.I)
_ONLY_MEANT = re.compile(
    r"\b(?:supposed|meant|due|expected|planned|originally|scheduled|set to|going to|would|will|hope|hoped|"
    r"say|said|plan|aim|aimed|intend|intended|want|wanted|promise|promised|expect|forecast|predict)\b",
    re.I,
)
_MODALS = frozenset("will would could may might should shall".split())
_AFTER_BE = ["be"]
# the words before "to" that make what follows an act to come: "plans to launch", "is due to be published"
_INTENDING = frozenset(
    "plan plans planned planning due expected set aim aims aimed hope hopes hoped intend intends intended "
    "scheduled going proposed proposes want wants seeking seeks ready preparing prepares need needs".split()
)


def done_asked(question: str) -> tuple[str, tuple[str, ...]]:
    """("did" or "was", the words after it) of a question asking when something was done, or ("", ())."""
    m = _WHEN_DONE.match(question)
    if m is None or _ONLY_MEANT.search(question):
        return "", ()
    return ("did" if m.group(1).lower() == "did" else "was"), tuple(tokens(m.group(2)))


def _yet_to_come(toks: list[str], i: int) -> bool:
    """Whether the *i*-th word is an act to come: "will open", "plans to launch", "is due to be published"."""
    before = toks[max(0, i - 3) : i]
    if before[-1:] and before[-1] in _MODALS:
        return True
    if before[-1:] == _AFTER_BE:
        before = toks[max(0, i - 4) : i - 1]
        if before[-1:] and before[-1] in _MODALS:
            return True
    return len(before) >= 2 and before[-1] == "to" and before[-2] in _INTENDING


def act_to_come(asked: tuple[str, tuple[str, ...]], sentence: str) -> str:
    """The act asked of (done_asked) when the sentence says it only as one to come ("launch" of "When was
    MTG-I2 launched?" and "MTG-I2 is due to be launched"), else "". The act is a word of the question, a
    base form after "did", else a participle, that the sentence has after "will" or "plans to"."""
    aux, words = asked
    toks = tokens(sentence)
    lemmas: list[str] | None = None
    for word in words:
        if word in STOPWORDS:
            continue
        base = lemma(word)
        if (aux == "did") != (word == base):
            continue
        if lemmas is None:
            lemmas = [lemma(t) for t in toks]
        # "will be open" says how a place will be, not that it will open
        at = [i for i, w in enumerate(lemmas) if w == base and not _state_after_be(toks, i, base)]
        if at and all(_yet_to_come(toks, i) for i in at):
            return base
    return ""


def _state_after_be(toks: list[str], i: int, base: str) -> bool:
    """Whether the *i*-th word, in its base form right after "be", says a state ("will be open")."""
    return toks[i] == base and toks[i - 1 : i] == _AFTER_BE


_ARTICLES = frozenset({"a", "an"})


def act_only_described(asked: tuple[str, tuple[str, ...]], sentence: str) -> bool:
    """Whether the sentence has the act "when did" asks of only as a word describing someone ("When did
    Peter Aldridge retire?" of "Peter Aldridge, 74, a retired postman"): it says no time it was done."""
    aux, words = asked
    if aux != "did":
        return False
    toks = tokens(sentence)
    for word in words:
        if word in STOPWORDS or lemma(word) != word:
            continue
        at = [i for i, t in enumerate(toks) if t != word and lemma(t) == word]
        if at and word not in toks and all(_describes(toks, i) for i in at):
            return True
    return False



def _describes(toks: list[str], i: int) -> bool:
    """Whether the *i*-th word, a past participle, stands before a noun right after "a" or "an" ("a retired
    postman", "a recently retired nurse"), not after one's noun ("a carriage derailed")."""
    before = toks[i - 1] if i else ""
    if before.endswith("ly") and i >= 2:
        before = toks[i - 2]
    noun_after = i + 1 < len(toks) and toks[i + 1] not in STOPWORDS
    return before in _ARTICLES and toks[i].endswith("ed") and noun_after


def says_done(act: str, sentence: str) -> bool:
    """Whether the sentence has the act (a lemma) as done, not only after "will" or "plans to"."""
    toks = tokens(sentence)
    return any(lemma(t) == act and not _yet_to_come(toks, i) for i, t in enumerate(toks))


def _count_given(counted: frozenset[str], sentence: str) -> bool:
    """Whether the sentence gives a number near a word of *counted* (the stems a "how many" question
    counts by): within four words before it ("41 locks", "a dozen new projects") or ten after ("the
    video has been viewed 47 million times"); True when it names none of them (counted_missing's)."""
    toks = tokens(sentence)
    at = [i for i, t in enumerate(toks) if stem(t) in counted]
    if not at:
        return True
    return any(
        _COUNT_TOKEN.match(toks[j]) or toks[j] in _COUNT_WORDS
        for i in at
        for j in (*range(max(0, i - 4), i), *range(i + 1, min(len(toks), i + 11)))
    )


_MONEY_ONLY = frozenset({"money"})
_MONEY_STEMS = frozenset(stem(w) for w in MONEY_WORDS)
_WORD_AT = re.compile(r"[\w'\u2019]+")
_SUM_REACH = 30  # characters between a quantity and a word of the question for it to be that word's


def _sum_near(anchors: frozenset[str], sentence: str, kinds: frozenset[str] = _MONEY_ONLY) -> bool:
    """Whether the sentence states a sum of money (or a quantity of *kinds*) within a few words of a
    word whose stem is in *anchors* ("£4.50 for a plain waffle")."""
    sums = [q for q in find_quantities(sentence) if q.kind in kinds]
    if not sums:
        return False
    at = [m.start() for m in _WORD_AT.finditer(sentence) if stem(m.group(0).lower()) in anchors]
    return any(q.start - _SUM_REACH <= a <= q.end + _SUM_REACH for q in sums for a in at)


_COMPOUND_WORD = re.compile(r"[A-Za-z0-9][\w,.'\u2019]*(?:-[\w'\u2019]+)*")


def _counts_directly(counted: frozenset[str], sentence: str) -> bool:
    """Whether the sentence puts a number right before a word of *counted*, or one word before it
    ("38 restaurants", "2,500 climbing holds"), or joins one to it ("a 14-date tour"); a number joined
    to another word describes, it does not count ("the 140-seat restaurant")."""
    toks = [w.rstrip(",.").lower() for w in _COMPOUND_WORD.findall(sentence)]
    for i, t in enumerate(toks):
        number, _, word = t.partition("-")
        if word and stem(word) in counted and (_COUNT_TOKEN.match(number) or number in _COUNT_WORDS):
            return True
        if stem(t) in counted and any(
            _COUNT_TOKEN.match(toks[j]) or toks[j] in _COUNT_WORDS for j in range(max(0, i - 2), i)
        ):
            return True
    return False


def _which_noun(toks: list[str]) -> str:
    """The stems of the one or two words a question asks for with "which" among its first words ("In
    which city", "Which sector stocks"), "" for none."""
    for i, w in enumerate(toks[:3]):
        if w == "which" and i + 1 < len(toks) and toks[i + 1] not in STOPWORDS:
            words = [toks[i + 1]]
            if i + 2 < len(toks) and toks[i + 2] not in STOPWORDS:  # "which sector stocks"
                words.append(toks[i + 2])
            return " ".join(map(stem, words))
    return ""


def _swapped_count(asked: frozenset[tuple[str, str]], sentence: str) -> bool:
    """Whether the sentence counts the thing the question counts (*asked*: its _counts) by another
    number ("Where did police arrest 32 people?" of "Police arrested six people Monday")."""
    said = _counts(sentence)
    return any(
        (number, noun) not in said and any(n == noun for _, n in said) for number, noun in asked
    )


def _after_auxiliary(toks: list[str], at: int) -> bool:
    """Whether the word at *at* is the first content word after an auxiliary ("did the clinic")."""
    while at > 0 and toks[at - 1] in STOPWORDS:
        at -= 1
        if toks[at] in _AUXILIARIES:
            return True
    return False


def _name_runs(toks: list[str], words: frozenset[str]) -> list[tuple[int, int]]:
    """(first, last) positions of each run of a name's words in *toks* (glue words inside a run), of
    two words at least when the name has two: "Austro Engine", not the "engines" of "Wankel engines"."""
    runs = []
    i = 0
    while i < len(toks):
        if toks[i] not in words:
            i += 1
            continue
        j = i
        while True:
            if j + 1 < len(toks) and toks[j + 1] in words:
                j += 1
            elif j + 2 < len(toks) and toks[j + 1] in STOPWORDS and toks[j + 2] in words:
                j += 2
            else:
                break
        runs.append((i, j))
        i = j + 1
    need = min(2, len(words))
    return [(a, b) for a, b in runs if len({t for t in toks[a : b + 1] if t in words}) >= need]


# number words: a number names how many, never a kind of the thing (swapped_neighbour)
_NUMBER_WORDS = CARDINAL_WORDS | frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
_COUNT_TOKEN = re.compile(r"^\d[\d,.]*(?:m|bn|k)?$")
# words that count too: "a dozen", "a third of", "their eighth goal", "hundreds of"
_COUNT_WORDS = _NUMBER_WORDS | frozenset(
    "dozens half third thirds quarter quarters fifth fifths sixth seventh eighth ninth tenth "
    "hundreds thousands millions score".split()
)
# words that pick one by its place in a row, as a number may ("the final game" of "one game left")
_IN_ORDER = frozenset("first second third fourth fifth last final next previous only single".split())


def _numeric(word: str) -> bool:
    """Whether a folded word is a number or holds a digit ("two", "million", "2.3", "a615")."""
    return word in _NUMBER_WORDS or any(c.isdigit() for c in word)


def _verbal(word: str) -> bool:
    """Whether the word is a verb's "-ed" or "-ing" form, or one WordNet uses mostly as a verb or an
    adverb ("get", "play", "besides"): no word naming a kind of the thing after it ("quiet sleep")."""
    table = verbs_and_adverbs()
    base = lemma(word)
    return word in table or base in table or (base != word and word.endswith(("ed", "ing")))


# a name given in words the entities may not read: 'a game called "duck on a rock"' (which_unpicked)
_NAMING = re.compile(r"\b(?:called|named|known as|dubbed|nicknamed)\b", re.I)
# an age written with "old" ("a five-month-old male", "aged 7 years old"), and "old" itself (opposite_said)
_AGED = re.compile(r"\b\w+[- ](?:years?|months?|weeks?|days?)[- ]old\b", re.I)
_OLD = re.compile(r"\bold\b", re.I)
# words after which "last", "next" or "this" says when ("the lighthouse last year"; _asked_neighbours)
_WHICH_TIME = frozenset({"last", "next", "this", "previous"})
# a word written in the possessive: "the factory's annual output" (_asked_neighbours)
_OWNER = re.compile(r"(\w+)['\u2019]s\b")
# "which country's expansion": the owner asked for (_asked_neighbours)
_WHICH_ONES = re.compile(r"\b(?:which|what) (\w+)['\u2019]s\b", re.I)
# two words the word vectors put this near may say the same ("precise", "exact"): swapped_neighbour
# leaves them be (0.35 and 0.65 were measured too: fewer stopped, or more right answers lost)
NEIGHBOUR_ALIKE_COSINE = 0.5
ACT_ALIKE_COSINE = 0.45  # act_missing: "founded" 0.5 of "started"; 0.55 was measured too (more lost)
# the dimension "how tall / wide / deep..." asks, and the words a sentence gives each by after a length
_ASKED_DIMENSION = re.compile(r"\bhow (tall|high|wide|deep|thick)\b", re.I)
_DIMENSION_WORDS = {
    "tall": "high",
    "high": "high",
    "above": "high",
    "wide": "wide",
    "across": "wide",
    "deep": "deep",
    "below": "deep",
    "down": "deep",
    "thick": "thick",
    "long": "long",
    "downstream": "far",
    "upstream": "far",
    "away": "far",
    "from": "far",  # "a second spike about 3 metres from the first" says how far, not how tall
    "apart": "far",
    "offshore": "far",
    "inland": "far",
    "north": "far",
    "south": "far",
    "east": "far",
    "west": "far",
}
# the dimension's own words in any form: the sentence says that dimension, whatever its unit's word
_DIMENSION_NAMED = {
    "high": re.compile(r"\b(?:tall|taller|tallest|height|heights|high|higher|highest)\b", re.I),
    "wide": re.compile(r"\b(?:wide|wider|widest|width|breadth)\b", re.I),
    "deep": re.compile(r"\b(?:deep|deeper|deepest|depth|depths)\b", re.I),
    "thick": re.compile(r"\b(?:thick|thicker|thickest|thickness)\b", re.I),
}
_DIMENSIONED = re.compile(
    rf"\d[\d,.]*(?:\s?|-)(?!in [\w$£€])(?:{LENGTH_UNIT_PATTERN})\b(?:[- ](\w+))?", re.I
)
# "where is he from", "where did the stone come from originally": an origin asked (origin_missing)
_ASKS_ORIGIN = re.compile(
    r"^\W*(?:where|wheres|whereabouts)\b.*\bfrom\W*(?:originally|exactly|again)?\W*$", re.I
)
# what says where someone or something is from: "from Leeds", "born in Bergamo", "a native of", "of Franklin"
_SAYS_ORIGIN = re.compile(
    r"\b(?:from|born|native|natives|hails|hailed|hometown|grew up|raised in)\b|,\s(?:\d+,\s)?of\s[A-Z]", re.I
)
_AGENT_MARKS = frozenset({"by", "from", "under"})  # "a study by", "a grant from", "a team under": who did it
_BEFORE_ACT = frozenset({"first", "actually", "originally", "then", "also", "really"})  # "who first found"
COUNTED_ALIKE_COSINE = 0.55  # counted_missing: "vessels" 0.56 of "ships", "units" 0.13 of "phones"
# counted_missing: words that count anyone ("120 people") and words for people counted ("how many staff")
_PEOPLE_COUNTED = re.compile(r"\b(?:people|persons|humans|individuals)\b", re.I)
_GROUPS_OF_PEOPLE = frozenset({"staff", "crew", "personnel", "workforce"})
# a sentence opening on a count with no noun, the thing counted said before: "Nine had been discharged"
_BARE_COUNT = re.compile(
    r"^\W*(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands)"
    r"\s+(?:had|have|has|were|was|are|is|will|would|could|did|remain|remained)\b",
    re.I,
)
# a pronoun acting, and what may stand between it and its verb ("he had bought"): opposite_act
_SUBJECT_PRONOUNS = frozenset("he she they it we".split())
_HELPING = frozenset("had has have did does will would also".split())
# words that ask how, not what kind: "how long", "how many", "what percentage"
_NOT_MODIFIERS = frozenset(
    "many much long big old kind type sort far high often large small percentage proportion share amount"
    " another different worst worse real actual exact true new"
    # "new" is how chat speaks of the story's thing: "how much was the new oven" of "a second deck oven"
    # words for nobody in particular: "how many people watched" of "2.4 million viewers watched"
    " people anyone someone everyone".split()
)


def _degree(word: str) -> bool:
    """Whether the word is an adjective's comparative or superlative ("bigger", "best", "deadliest"): it
    grades the thing, and a sentence may grade it in other words ("expanded", "peak", "worst")."""
    return word.endswith(("er", "est")) and lemma(word) != word
# "grams of heroin", "tons of water": a measure and what it is of
_MEASURE_OF = re.compile(
    r"\b(tons?|tonnes?|grams?|kilograms?|kilos?|pounds?|ounces?|litres?|liters?|gallons?|barrels?|"
    r"acres?|hectares?|doses?|pieces?|bags?|bottles?)\s+of\s+([a-z][\w-]*)",
    re.I,
)


def _measured(text: str) -> frozenset[tuple[str, str]]:
    """(stem of the unit, stem of what it measures) of each "grams of heroin" in *text*."""
    return frozenset((stem(u.lower()), stem(w.lower())) for u, w in _MEASURE_OF.findall(text))


def _swapped_measure(asked: frozenset[tuple[str, str]], sentence: str) -> bool:
    """Whether the sentence measures another thing in the question's unit, and never names the
    question's ("How many grams of heroin?" of "nearly 30 grams of methamphetamine")."""
    said = _measured(sentence)
    if not said:
        return False
    stems = {stem(w) for w in tokens(sentence)}
    return any(
        what not in stems and any(u == unit and w != what for u, w in said) for unit, what in asked
    )


# a question denied reads: who, which, what, where, when, why and how; a yes-no question is answered by
# the denial ("Did X plead guilty?" of "X pleaded not guilty")
_ASKING_WORDS = tuple([w] for w in ("who", "whom", "which", "what", "where", "when", "why", "how"))
_UNTIL = frozenset({"until", "till", "before"})
# "no bond" answers "what is his bond": it has none; "Neither is likely to inspire confidence" denies
_DENYING = frozenset({"not", "never", "neither", "nor"})
_NEGATED_GLUE = frozenset(
    {"to", "be", "been", "have", "a", "an", "the", "yet", "even", "ever", "also"}
    | {"is", "are", "was", "were", "likely", "can", "could", "will", "would", "has", "had"}
)
_MODIFIER_KINDS = frozenset({"country", "organisation"})
_THIRD_PERSON = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
# swapped_agent: the kinds of name whose act it reads, and the kinds that may act instead
_AGENT_KINDS = frozenset({"organisation", "other"})
# swapped_object: the kinds of name read after a preposition, and the prepositions
_OBJECT_KINDS = frozenset({"organisation", "other", "country"})
_SWAP_PREPOSITIONS = frozenset(
    {"for", "at", "on", "with", "by", "from", "against", "of", "over", "past", "to"}
)
_ACTING_KINDS = frozenset({"organisation", "other"})
# punctuation between two words: not an apostrophe or a hyphen ("Boeing's", "Wi-Fi"), but a spaced dash
_PAUSE = re.compile(r"[^\w\s'\u2019-]|\s-|-\s")
_INNER_PAUSE = re.compile(r"[,;:()\"\u201c\u201d]|\s-|-\s")  # one between a question's words, not its "?"
_POSSESSIVE = re.compile(r"\w['’]s?\b")  # "Dräger's sales chief": the name owns, it does not act
# acts both sides do to each other: the roles answer the same question
_SYMMETRIC = frozenset(
    stem(w) for w in "meet met marry married wed face faced play played fight fought battle talk negotiate "
    "ally partner merge tie tied draw drew date divorce".split()
)
_OPENING_PRONOUN = re.compile(r"[^\"“”‘’']{0,40}?\b(?:he|she|He|She)\b")  # within the first words, no quote
_SAYING = frozenset(
    stem(w) for w in "say said says tell told add added note noted explain write wrote ask".split()
)
_DETERMINERS = frozenset("the a an its his her their this that these those".split())
_DID = frozenset({"did", "does", "do", "will", "would", "could", "can", "should", "might"})
_AUXILIARIES = _DID | {"may", "must", "has", "have", "had"}  # before a subject: "did the clinic cost"
_BE = frozenset({"was", "were", "is", "are", "been", "be", "being", "got", "gets", "get"})


def _next_stem(stems: list[str], toks: list[str], key: str) -> str:
    """The stem of the word right after the first token whose stem (*stems*: the tokens') is *key*, when
    it is a content word ("low valuations": "valuat"); "" for none."""
    if key in stems:
        i = stems.index(key) + 1
        if i < len(toks) and toks[i] not in STOPWORDS:
            return stems[i]
    return ""


def _order(ordinal: str) -> int | str:
    """The value of an ordinal ("third" and "3rd" are 3)."""
    low = ordinal.lower()
    if low == "final":
        return "last"
    return 2 if low == "second" else number_value(low) or low


def _time_kind(time: str) -> str:
    """'year' for "2019", 'decade' for "1950s", 'weekday' for "tuesday", 'relative' for "next month"."""
    if time[:1].isdigit():
        return "decade" if time.endswith("s") else "year"
    return "relative" if " " in time else "weekday"


# age_of_another: an age and whose it is. "Maria Lopez, 35," and "Maria Lopez, aged 35," are the name's;
# "a 34-year-old nurse, Megan Tolley" and "34-year-old schoolteacher Megan Oduya" the name after;
# "a 78-year-old patient" no named person's; "the 36-year-old", "at the age of 20" may be anyone's
_NAME_WORDS = r"[A-Z][\w'’.-]*(?:\s+(?:(?:de|van|von|der|al|da)\s+)?[A-Z][\w'’.-]*)*"
_AGE_AFTER_NAME = re.compile(
    rf"({_NAME_WORDS}),\s+(?:(?:aged|now)\s+)?\d{{1,3}}(?:[,.;]|\s+(?:and|who|from|of)\b)"
)
_NAME_BEFORE = re.compile(rf"({_NAME_WORDS}),\s+(?:an?|now\s+an?)\s+$")  # "Fatuma Galgalo, a 34-year-old"
_NOT_BEFORE_NAME = "(?:in|from|at|of|on|with|for|to|who|which|and|was|is|has|had|said|says)"
_AGE_BEFORE_NOUN = re.compile(
    rf"(?<![\w-])\d{{1,3}}-year-old(?:(?:\s+(?!{_NOT_BEFORE_NAME}\b)[a-z-]+){{0,4}}?,?\s+(?:named\s+)?({_NAME_WORDS})|)"
    r"(?=[\s,.;:]|$)"
)
_AGE_ANYONE = re.compile(
    r"\b(?:the|his|her|their|its)\s+\d{1,3}-year-old\b|\bage of\b|\baged\b|\byears? old\b", re.I
)
# "48 adults aged between 25 and 70", "in those aged over 70": the ages of a group, no one person's
_AGE_OF_GROUP = re.compile(
    r"\b(?:[a-z]+s|people|children|men|women|those)\s+aged\s+(?:between\s+|over\s+|under\s+|from\s+)?\d", re.I
)


# "The Tavenham creamery is more than 60 years old": the age of a thing, no one's (not "the singer is 71
# years old", whose noun names a person)
_AGE_OF_THING = re.compile(
    r"\b(?:the|its|this|a|an)\s+(?:[A-Z][\w'\u2019-]*\s+){0,3}([a-z]+)\s+(?:is|was|are|were)\s+"
    r"(?:more than |nearly |almost |about |over |some )?\d{1,4}\s+years?\s+old\b",
    re.I,
)


_AGE_ONLY = frozenset({"age"})
_ASKS_AGE_NOW = re.compile(r"\bhow old\s+(?:is|are|'s)\b(?![^?]*\b(?:when|was|were)\b)|\bhow old's\b", re.I)
# "The 24-year-old from Nottingham finished ...": the age of whom the sentence is about, opening it
_OPENING_AGE = re.compile(r"\W*The\s+\d{1,3}-year-old\b")


def _opening_age_of_another(sentence: str, name: frozenset[str]) -> bool:
    """Whether the sentence opens on "The N-year-old" and names the question's person (stems *name*) only
    further on, past its first clause: the age is the subject's, someone else ("The 24-year-old from
    Nottingham finished ..., beating Olympic champion Hannah Ridley")."""
    m = _OPENING_AGE.match(sentence)
    if not m or not name:
        return False
    rest = tokens(sentence[m.end() :])
    at = [i for i, t in enumerate(rest) if stem(t) in name]
    return bool(at) and min(at) > 6


def _age_owners(sentence: str) -> list[frozenset[str]] | None:
    """The folded words of whom each age the sentence states belongs to (an empty set: no named person's);
    None when an age may be anyone's ("the 36-year-old", "at the age of 20") or none is stated."""
    owners: list[frozenset[str]] = []
    spans: list[tuple[int, int]] = []
    for m in _AGE_OF_GROUP.finditer(sentence):
        owners.append(frozenset())
        spans.append(m.span())
    for m in _AGE_OF_THING.finditer(sentence):
        if m.group(1).lower() not in person_nouns():
            owners.append(frozenset())
            spans.append(m.span())
    for m in _AGE_AFTER_NAME.finditer(sentence):
        owners.append(frozenset(fold(w) for w in tokens(m.group(1))))
        spans.append(m.span())
    for m in _AGE_BEFORE_NOUN.finditer(sentence):
        before = _NAME_BEFORE.search(sentence, 0, m.start())
        owner = before.group(1) if before else m.group(1) or ""
        owners.append(frozenset(fold(w) for w in tokens(owner)))
        spans.append(m.span())
    if not owners:
        return None
    for m in _AGE_ANYONE.finditer(sentence):  # "aged" of "Maria Lopez, aged 35," is the name's
        if not any(a <= m.start() < b for a, b in spans):
            return None
    return owners


# future_unsaid: "When will the hosepipe ban be lifted?" asks what is to come; "The hosepipe ban imposed that
# year ... was lifted in late October" tells what was
_ASKS_FUTURE = re.compile(
    r"^\W*when\s+(?:will|'ll|(?:is|are)\b[^?]*?\b(?:going|due|expected|set|scheduled|likely)\s+to)\b", re.I
)
_SAYS_FUTURE = re.compile(
    r"\b(?:will|would|'ll|shall|expect\w*|plan\w*|due|next|until|by|from|scheduled|hope\w*|aim\w*|intend\w*|"
    r"could|should|may|might|set to|going to|designed to|soon|upcoming|coming|later|tomorrow|future|"
    r"in (?:a|an|\w+) (?:days?|weeks?|months?|years?))\b",
    re.I,
)


def _future_unsaid(question: str, sentence: str) -> bool:
    """Whether the question asks when something will happen and the sentence says nothing to come."""
    return _ASKS_FUTURE.search(question) is not None and _SAYS_FUTURE.search(sentence) is None


# unnamed_asked: "What was the name of the military fort the road led to?" of "... with a military fort
# about ten miles south": the sentence has the thing, but only as "a fort", and names it nowhere
_NAME_OF = re.compile(
    r"\bnames? of (?:the|his|her|its|their|this|that|these|those)\s+"
    r"((?:[a-z0-9][a-z0-9-]*\s+){0,4}[a-z0-9][a-z0-9-]*)",
    re.I,
)
_NAME_OF_STOP = frozenset(
    "the that which who whom whose where when in of at on for to from by with was is were".split()
)
# whose name is asked: "the name of the boy who broke his leg", "whats the bus driver's name"
_OWNER_OF_NAME = re.compile(r"\b(\w+)'s (?:full |first |last |real )?names?\b", re.I)


def name_asked_of(question: str) -> str:
    """The word for what a question asks the name of ("boy" of "the name of the boy who broke his leg",
    "driver" of "the bus driver's name"); empty when it asks none."""
    if _NAME_OF.search(question) is not None:
        return _name_of_head(question)
    m = _OWNER_OF_NAME.search(question)
    return m.group(1).lower() if m is not None else ""


def _name_of_head(question: str) -> str:
    """The last word of what "the name of the ..." asks about, before "who", "in"...; empty for none."""
    m = _NAME_OF.search(question)
    if m is None:
        return ""
    words = []
    for w in m.group(1).lower().split():
        if w in _NAME_OF_STOP:
            break
        words.append(w)
    return words[-1] if words else ""


_UNNAMING = frozenset("a an another one two three four several some his her their its our my your".split())
# right after the word, or after a few words and a comma: "a second freighter, the Arcturus", "a second
# planet in the system, TOI-2291 b"
_NAMING_AFTER = re.compile(
    r"^\W*(?:the\s+)?(?:called|named|known as|dubbed|[A-Z\"“'‘(])|^[^.;:,]{0,25},\s+(?:the\s+)?[A-Z0-9\"“]"
    r"|^,\s+[a-z][\w-]*,"  # "a rival gene therapy, lovo-cel, made by": a name in lower case
)


def _unnamed_asked(question: str, sentence: str) -> bool:
    """Whether a question asking the name of a thing meets a sentence that has the thing only unnamed
    ("a military fort", "his dogs") and never names it next to its word."""
    asked = _name_of_head(question)
    if not asked:
        return False
    head = stem(asked)
    toks = tokens(sentence)
    at = [i for i, t in enumerate(toks) if stem(t) == head]
    if not at:
        return False
    for i in at:
        if not any(t in _UNNAMING for t in toks[max(0, i - 3) : i]):
            return False
        # the word's place in the text: a name, a quotation or "called" right after it names it
        end = _word_end(sentence, toks[i], i, toks)
        if end is None or _NAMING_AFTER.match(sentence[end:]):
            return False
    return True


def _word_end(sentence: str, word: str, index: int, toks: list[str]) -> int | None:
    """Where the *index*-th token (*word*) of *sentence* ends in the text, or None when it is not found
    (a word written with an accent, which tokens folds)."""
    seen = toks[:index].count(word)
    written = list(re.finditer(rf"\b{re.escape(word)}\b", sentence, re.I))
    return written[seen].end() if seen < len(written) else None


# "When did Helena Varga become managing director?", "How long has she been chief executive?": when a
# person took a post (post_start_unsaid); the words after the verb, up to a role word
_ASKS_POST_START = re.compile(
    r"^\W*(?:(?:so|and|but|wait)\s+)?(?:when|what year|in what year|how long)\b.*?\b(?:become|became|been|"
    r"appointed|named|made|elected|join|joined|take over as|took over as|start as|started as)\s+"
    r"((?:[\w-]+\s+){0,3}[\w-]+)",
    re.I,
)
_POST_WORDS = frozenset(
    "head boss md ceo editor principal headteacher headmaster headmistress chief leader captain".split()
)
# a sentence saying when someone took a post or how long they have held it
SAYS_POST_START = re.compile(
    r"\b(?:become|became|becoming|becomes|appoint\w*|named|joined|joining|join|took|taking|taken|take|"
    r"since|hired|elect\w*|promot\w*|succeed\w*|replac\w*|in post|in charge|in the role|in the job|"
    r"started|starting|began|begun|stepped|chosen|selected|installed|sworn|recruited|arrived|moved|"
    r"served|serving|held|has led|had led|years? as|months? as|tenure)\b",
    re.I,
)


def _post_start_asked(question: str, roles: frozenset[str]) -> bool:
    """Whether the question asks when someone took a post ("When did Helena Varga become md?", "How long
    has she been chief executive?"): a sentence that only titles them ("Novara's UK managing director,
    Helena Varga, said") never says it. *roles* are the words that name a post."""
    asked = _ASKS_POST_START.search(question)
    return asked is not None and any(w in roles or w in _POST_WORDS for w in asked.group(1).lower().split())


# Questions asking a fact of one form, and the words any sentence stating it uses (_forms_asked)
_FORMS_ASKED = (
    (
        re.compile(r"^\W*(?:when|what year|in what year)\b.*\b(?:founded|established|set up|formed)\b", re.I),
        re.compile(
            r"\b(?:found\w*|establish\w*|set up|formed|form|creat\w*|start\w*|launch\w*|built|build\w*|"
            r"open\w*|since|dates? (?:back|from)|dating|origin\w*|history|began|begun)\b",
            re.I,
        ),
    ),
    (
        re.compile(
            r"\b(?:what|where)\b.*\b(?:do|work|worked|job|run|ran)\b.*\b(?:before|previously|used to|prior)\b"
            r"|\bused to (?:work|do)\b",
            re.I,
        ),
        re.compile(
            r"\b(?:former|formerly|previous\w*|before|prior|worked|working|ran|run|running|retired|used to|"
            r"career|spent|joined|left|quit|trained|until|once|earlier|years as|was an?|"
            r"after (?:a |an |\w+ )?(?:decade|years?|career|stint|spell))\b",
            re.I,
        ),
    ),
    (  # who owns it
        re.compile(
            r"^\W*(?:who|which \w+|what \w+)\s+(?:now\s+)?(?:owns|owned)\b|\bwho (?:is|are) the owners?\b",
            re.I,
        ),
        re.compile(
            r"\b(?:own\w*|belong\w*|stake|bought|buy|acquir\w*|subsidiary|part of|run by|runs|property|"
            r"holding|sold|sell|proprietor|family|managed|for the)\b",
            re.I,
        ),
    ),
    (  # how many live there
        re.compile(
            r"\b(?:what is|what's|whats) the population\b|\bpopulation of\b"
            r"|\bhow many (?:people|residents) live\b",
            re.I,
        ),
        re.compile(r"\b(?:populat\w*|residents|inhabitants|people|lives?|living|home to|citizens)\b", re.I),
    ),
    (  # who won it
        re.compile(r"^\W*(?:who|which \w+)\s+(?:won|wins|will win|claimed)\b", re.I),
        re.compile(
            r"\b(?:won|win|wins|winning|winners?|victor\w*|champion\w*|beat|beating|titles?|claim\w*|"
            r"triumph\w*|gold|first place|crowned|retained|clinched|secured|defeat\w*|lifted|award\w*|"
            r"went to|goes to|gone to|given to|knock\w* out|medal\w*|prizes?|took|taking)\b",
            re.I,
        ),
    ),
    (  # who came second: a placing, not "which day was the second busiest"
        re.compile(
            r"^\W*(?:(?:so|and|wait)\s+)?(?:who|which \w+)\s+(?:[\w']+\s+){0,3}?(?:came|come|finished|finish|"
            r"got|placed|place|was|were|is|took|ended)\s+(?:in\s+)?(?:the\s+)?(?:second|third|fourth|fifth|sixth|"
            r"2nd|3rd|4th|5th|6th|runners?[- ]up)"
            r"(?=\s*(?:$|[?.,]|(?:in|at|on|place|overall|behind|last|for)\b))",
            re.I,
        ),
        re.compile(
            r"\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)"
            r"(?:[- ]placed?|,| (?:was|were|went|in)\b)"
            r"|\brunners?[- ]up\b|\bbehind\b|\bsilver\b|\bbronze\b|\bahead of\b|\bfollowed by\b"
            r"|\bh(?:o|e)ld\w* off\b"
            r"|\b(?:came|coming|finished|finishing|placed|was|were|ended|in)\s+(?:a\s+)?(?:close\s+)?"
            r"(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)\b",
            re.I,
        ),
    ),
    (  # who held it before: a predecessor, not the one holding it now ("who was ceo before feld")
        re.compile(r"^\W*(?:(?:so|and|wait)\s+)?who\b.*\bbefore\b", re.I),
        re.compile(
            r"\b(?:replac\w*|succeed\w*|success\w*|predecessor|previous\w*|former\w*|before|took over|"
            r"taking over|takes over|preced\w*|until|stepped down|retir\w*|left|quit|resign\w*|earlier|prior|"
            r"last|first|held by|set by|was held|had held|outgoing|sack\w*|dismiss\w*|began the|start of|"
            r"took the|from)\b",
            re.I,
        ),
    ),
    (  # what they replied: a sentence that only says a letter was written holds no reply
        re.compile(r"\b(?:reply|replied|replies)\b", re.I),
        re.compile(
            r"\b(?:repl\w+|respon\w+|answer\w*|wrote back|yet to|not heard|no word|acknowledg\w*)\b", re.I
        ),
    ),
    (  # why they refused: a sentence saying no refusal answers another question (not "refuse collection")
        re.compile(
            r"\b(?:refuse[ds]?|refusing)\b(?! (?:collection|bins?|lorr\w+|trucks?|sacks?|workers?|site|tip))",
            re.I,
        ),
        re.compile(
            r"\b(?:refus\w*|declin\w*|reject\w*|turn\w* down|would not|will not|won't|wouldn't|did not|"
            r"didn't|denied|deny|not to|blocked|vetoed|withheld|no longer|cannot|could not|can't|unable|"
            r"against)\b",
            re.I,
        ),
    ),
    (  # a death asked of, not told as a time ("which station was he at when Mallett died"): a sentence
        # saying no death, loss or harm answers another question
        re.compile(
            r"^(?:(?!\b(?:when|after|since|until|as)\s+(?!(?:did|was|were|do|does|will|is|are|has|have|had)\b))"
            r".)*?\b(?:die|died|dying|death|deaths|killed|kill|dead)\b",
            re.I,
        ),
        re.compile(
            r"\b(?:die|died|dies|dying|death\w*|kill\w*|dead|fatal\w*|lives|life|mortality|perish\w*|drown\w*|"
            r"surviv\w*|carcass\w*|bod(?:y|ies)|remains|lost|loss|sank|sunk|passed away|late|murder\w*|shot|"
            r"euthan\w*|put down|cull\w*|strand\w*|post-mortem\w*|autops\w*|coroner|inquest|funeral|buried|"
            r"burial|grave\w*|skeleton\w*|victims?|casualt\w*|toll|crash\w*|collision\w*|hunt\w*|poison\w*|"
            r"starv\w*|infect\w*|outbreak|disease|flu|virus|suicide|extinct|unresponsive|individuals)\b",
            re.I,
        ),
    ),
    (  # who will replace them: a successor, not the one leaving
        re.compile(
            r"^\W*(?:so\s+)?who\b.*\b(?:replace|replaces|replacing|succeed|succeeds|take over from|"
            r"takes over from|step in for|fill in for)\b",
            re.I,
        ),
        re.compile(
            r"\b(?:replac\w*|succe\w*|predecessor|take over|takes over|took over|taking over|taken over|new|"
            r"next|appoint\w*|named|name|chosen|choose|pick\w*|select\w*|elect\w*|interim|acting|caretaker|"
            r"stand in|step in|fill\w*|recruit\w*|hire\w*|in place of|instead)\b",
            re.I,
        ),
    ),
    (  # which councillors voted against: how each voted, not the tally
        re.compile(r"^\W*(?:so\s+)?(?:who|which \w+)\b.*\bvoted? (?:for|against|in favour|no|yes)\b", re.I),
        re.compile(
            r"\bvot\w* (?:for|against|in favour|no|yes)\b|\b(?:opposed|backed|supported|abstained)\b", re.I
        ),
    ),
    (  # how long has it been: a span or a start ("for 23 years", "since 2014", "opened in 2014")
        re.compile(r"^\W*(?:so\s+)?how long (?:has|have|had)\b", re.I),
        re.compile(
            r"\bsince\b|\b(?:years?|months?|decades?|weeks?|days?|hours?|centur\w+|minutes?)\b|\b(?:1[0-9]|20)\d\d\b"
            r"|\b(?:until|within|ago|old|age)\b|\b\d+s\b",
            re.I,
        ),
    ),
    (  # what number to call: a telephone number ("0800 048 7720", "on 101"), not a word for one
        re.compile(
            r"\b(?:phone|telephone|helpline|hotline|contact|mobile) (?:number|no)\b"
            r"|\bwhat number (?:do|should|can) (?:i|you|people|they)\b",
            re.I,
        ),
        re.compile(r"(?:\+?\d[\s-]?){7,}|\(\d{3}\)|\b(?:call|calling|ring|dial|phone|on)\s+\d{3}\b", re.I),
    ),
    (  # what the profit was: a profit or a loss, not the revenue
        re.compile(
            r"^\W*(?:so\s+)?(?:what (?:was|is|were|are|will be|would be)|how much|hw much|whats|what's|"
            r"wat was|wats)\b.*\bprofits?\b",
            re.I,
        ),
        re.compile(
            r"\bprofit\w*|\bearnings?\b|\bnet income\b|\bsurplus\b|\bloss\w*|\bebitda\b|\bmade\b"
            r"|\bmargins?\b|\bin the black\b",
            re.I,
        ),
    ),
    (  # what the revenue was: a revenue, sales or takings, not another sum
        re.compile(
            r"^\W*(?:so\s+)?(?:what (?:was|is|were|are|will be|would be)|how much|hw much|whats|what's|"
            r"wat was|wats)\b.*\b(?:revenue|revenues|turnover)\b",
            re.I,
        ),
        re.compile(
            r"\brevenues?\b|\bturnover\b|\bsales\b|\bsell\w*|\bsold\b|\btook\b|\btakings\b|\bincome\b|\bworth\b"
            r"|\bmade\b|\bearn\w*",
            re.I,
        ),
    ),
    (  # what someone is paid: a sum paid or earned, not the firm's figures ("how much do drivers earn")
        re.compile(r"\b(?:salary|salaries|wage|wages|get paid|got paid|paid per|earn|earns|earned)\b", re.I),
        re.compile(
            r"\bsalar\w*|\bwages?\b|\bpaid\b|\bpays?\b|\bearn\w*|\ban hour\b|\ba year\b|\ba week\b"
            r"|\bper (?:hour|year|week|month|stream|hectare|appearance|match|day|shift|game)\b"
            r"|\breceiv\w*|\brise\b|\bincome\b"
            r"|\bpurse\b|\bguarantee\w*|\bowed\b|\bfees?\b|\bbonus\w*|\bprize\w*|\bcollected\b|\bdoctorate\b"
            r"|\bdegree\b",
            re.I,
        ),
    ),
    (  # where someone studied
        re.compile(
            r"\bwhere did\b.*\b(?:study|studied|go to (?:school|university|college|uni)|graduate|train as)\b",
            re.I,
        ),
        re.compile(
            r"\b(?:stud\w*|train\w*|graduat\w*|degree|educated|universit\w*|college|school|alumn\w*|phd|"
            r"doctorate|qualified)\b",
            re.I,
        ),
    ),
    (  # when someone retired or left
        re.compile(
            r"\b(?:when|what year)\b.*\b(?:retire|retired|step down|stepped down|leave|left|quit)\b", re.I
        ),
        re.compile(
            r"\b(?:retir\w*|step\w* (?:down|back|aside)|left|leav\w*|quit\w*|depart\w*|resign\w*|exit|until|"
            r"since|after)\b",
            re.I,
        ),
    ),
    (  # what colour it is
        re.compile(r"\b(?:what|which) colou?r\b", re.I),
        re.compile(
            r"\b(?:red|blue|green|yellow|black|white|gr[ae]y|orange|purple|pink|brown|gold|golden|silver|bronze|"
            r"violet|turquoise|navy|cream|beige|crimson|scarlet|amber|ivory|tan|teal|maroon|lilac|colou?r\w*|"
            r"striped|spotted|dark|pale|bright|light)\b",
            re.I,
        ),
    ),
    (  # who pays for it
        re.compile(
            r"^\W*(?:who|which \w+)\s+(?:is |are |was |were |will )?"
            r"(?:pays?|paid|paying|funds?|funded|funding|finance[sd]?|financing|sponsor\w*)\b",
            re.I,
        ),
        re.compile(
            r"\b(?:pay\w*|paid|fund\w*|financ\w*|cost\w*|grants?|money|budget|sponsor\w*|backed|backing|"
            r"from|by|contribut\w*|donat\w*|invest\w*|loan|raised|bill|expense)\b|[£$€]",
            re.I,
        ),
    ),
)


# a word each form of _FORMS_ASKED, and _ASKS_POST_START, is asked with (a question without any asks none)
FORM_WORDS = frozenset(
    """founded established set formed before previously used prior owns owned owner owners population
    live won wins win claimed study studied school university college uni graduate train retire retired
    step stepped leave left quit colour color pays pay paid paying funds fund funded funding finance
    financed finances financing sponsor sponsors sponsored sponsoring become became been appointed named
    made elected join joined take took start started second third fourth fifth sixth 2nd 3rd 4th 5th 6th
    runner runners reply replied replies refuse refused refuses refusing die died dying death deaths killed
    kill dead replace replaces replacing succeed succeeds take step fill vote voted long number no profit
    profits revenue revenues turnover salary salaries wage wages paid earn earns
    earned""".split()
)


def _forms_asked(question: str) -> tuple[re.Pattern[str], ...]:
    """The words a sentence must say to answer the question, one pattern per form of _FORMS_ASKED it asks
    (when something was founded, what someone did before, who owns or won it...): a sentence saying none
    of them answers another question ("When was PG&E founded?" of "PG&E initiated four rounds of
    outages"; "What did Tom Petherick do before he became a lifeguard?" of "Senior lifeguard Tom
    Petherick said")."""
    return tuple(said for asked, said in _FORMS_ASKED if asked.search(question))


# "How many patients were from Denmark?": a count asked of one place (_part_of_total)
# the questions that may ask of one place or giver: "how many ... in Canada", "when did ... in Zambia" (not
# "how far" or "how long": "from Oban to Craignure" names two places, neither a part)
_HOW_MANY = re.compile(r"^\W*(?:how (?:many|much|big|old|often|tall|high|deep)|when|what)\b", re.I)
# the place a "how many" question asks of: the first name after "in", "from", "across" or "at" ("How many
# hospitals in Canada took part in the trial?"); names by their capitals, so matched with case
_COUNT_OF_PLACE = re.compile(
    r"\b(?:in|from|across|at)\s+(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)"
    r"((?:,\s+|\s+and\s+)(?:the\s+)?[A-Z])?"  # "in England and Wales" asks of both: no part of them
)
_NAME = r"(?:the\s+)?[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*"
# names listed with commas, then "and" or "or": "in Sweden, Denmark and the Netherlands"
_NAMES_LISTED = re.compile(rf"{_NAME}(?:,\s+{_NAME})*,?\s+(?:and|or)\s+{_NAME}")
_LIST_GLUE = re.compile(r",\s*|\s+(?:and|or)\s+")


def _part_of_total(place: str, sentence: str) -> bool:
    """Whether "how many" is asked of one place, or "how much" of one giver (_counts_asked), and the
    sentence names it only in a list of names its count or sum is for together ("How many memory clinics
    were in Denmark?" of "recruited from 48 memory clinics ... in Sweden, Denmark and the Netherlands";
    "How much did NatureScot contribute?" of "funded by Natural England, NatureScot and Natural Resources
    Wales"): it gives the total, not the part."""
    if place not in sentence:
        return False
    listed = [m.group(0) for m in _NAMES_LISTED.finditer(sentence)]
    items = [
        re.sub(r"^the\s+", "", item.strip()) for chunk in listed for item in _LIST_GLUE.split(chunk)
    ]
    return place in items and sentence.count(place) == sum(chunk.count(place) for chunk in listed)


# "How many of the 214 objects are gold?": a part of a total the question gives (_only_the_total)
# "How much of the €640 million budget has been spent?": a part of a sum it gives, too
_PART_OF = re.compile(
    r"\bhow (?:many|much) of (?:the|its|their|those|these|this|that)\s+[£$€]?"
    r"(\d[\d,.]*(?:\s+(?:million|billion|thousand))?)\b",
    re.I,
)


def _only_the_total(total: str, sentence: str) -> bool:
    """Whether the question asks how many of a total it gives (_counts_asked: "How many of the 214 objects
    are made of gold?") and the sentence states that total and no other count ("In total the team
    recovered 214 objects"): it cannot say the part."""
    toks = [t.lower() for t in tokens(sentence)]
    said = {t.replace(",", "") for t in toks if _COUNT_TOKEN.match(t) or t in _COUNT_WORDS}
    return said == set(total.lower().split())


# "How much did NatureScot contribute?": a sum asked of one giver (_part_of_total)
_SUM_OF_GIVER = re.compile(
    r"^\W*(?i:how much (?:money )?(?:did|does|will|has|have|had)\s+(?:the\s+)?)"
    # the giver's name by its capitals, so matched with case
    r"([A-Z][\w'’&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w'’&-]*)*)\s+(?:\w+\s+)?"
    r"(?i:contribut\w*|pay|paid|give|gave|spend|spent|provide\w*|put in|donate\w*|fund\w*|invest\w*"
    r"|raise\w*)\b"
)


def _counts_asked(question: str) -> tuple[str, str]:
    """(the place a "how many" question asks of, "Denmark", or the giver a "how much did X contribute"
    question asks of, "NatureScot"; the total "how many of the 214 objects" gives, "214"), "" for either
    it has none of."""
    # a giver first: "how much did Historic England give to the dig at Ravenscar" asks of Historic England
    place = re.sub(r"['’]s$", "", m.group(1)) if (m := _SUM_OF_GIVER.search(question)) else ""
    if not place and (m := _COUNT_OF_PLACE.search(question) if _HOW_MANY.match(question) else None):
        place = m.group(1) if not m.group(2) else ""
    total = m.group(1).replace(",", "") if (m := _PART_OF.search(question)) else ""
    return place, total


# superlatives by the end of the scale they ask for: "the fewest arousals" is not "the highest number"
_SUPERLATIVES_HIGH = frozenset(
    """most highest largest biggest greatest longest tallest heaviest oldest fastest farthest furthest
    deepest widest strongest warmest hottest busiest""".split()
)
_SUPERLATIVES_LOW = frozenset(
    """fewest least lowest smallest shortest lightest youngest slowest nearest closest shallowest
    narrowest weakest coldest coolest quietest""".split()
)
SUPERLATIVES = _SUPERLATIVES_HIGH | _SUPERLATIVES_LOW
# "at least 3", "most of them", "the most recent": no end of a scale asked
_NO_SUPERLATIVE = re.compile(
    r"\bat (?:least|most)\b|\bmost of\b|\bmost (?:recent|recently|common|likely)\b", re.I
)


def _superlative_words(text: str) -> frozenset[str]:
    """The superlatives *text* says, but for "at least", "most of" and "the most recent"."""
    words = {fold(t) for t in tokens(_NO_SUPERLATIVE.sub(" ", text))}
    return frozenset(words & (_SUPERLATIVES_HIGH | _SUPERLATIVES_LOW))


def _superlatives_asked(question: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the superlatives of the end of the scale the question asks for, those of the other end); empty
    when it asks for neither or both."""
    said = _superlative_words(question)
    high, low = said & _SUPERLATIVES_HIGH, said & _SUPERLATIVES_LOW
    if high and not low:
        return _SUPERLATIVES_HIGH, _SUPERLATIVES_LOW
    if low and not high:
        return _SUPERLATIVES_LOW, _SUPERLATIVES_HIGH
    return frozenset(), frozenset()


def _superlative_reversed(asked: tuple[frozenset[str], frozenset[str]], sentence: str) -> bool:
    """Whether the sentence names only the other end of the scale the question asks for ("Which winter
    produced the fewest arousals?" of "The warmest winter ... produced the highest number")."""
    same, other = asked
    said = _superlative_words(sentence)
    return not said.isdisjoint(other) and said.isdisjoint(same)


# qualifiers whose opposite the antonyms cannot give, being stopwords or plurals no question term reads
# ("patients over 55" of "Patients under 55", "How many adults were able" of "the children were able")
_QUALIFIER_OPPOSITES = {
    "over": frozenset({"under"}),
    "under": frozenset({"over"}),
    "above": frozenset({"below"}),
    "below": frozenset({"above"}),
    "more": frozenset({"less", "fewer"}),
    "less": frozenset({"more"}),
    "fewer": frozenset({"more"}),
    "adults": frozenset({"children"}),
    "children": frozenset({"adults"}),
    "men": frozenset({"women"}),
    "women": frozenset({"men"}),
    "boys": frozenset({"girls"}),
    "girls": frozenset({"boys"}),
    "male": frozenset({"female"}),
    "female": frozenset({"male"}),
}
QUALIFIERS = frozenset(_QUALIFIER_OPPOSITES)
_QUALIFIER_NOUNS = frozenset({"adults", "children", "men", "women", "boys", "girls", "male", "female"})


def _qualifiers_asked(toks: list[str]) -> tuple[tuple[str, frozenset[str], str], ...]:
    """(qualifier, its opposites, the stem of the word after it) of each opposable qualifier of the
    question; a preposition's next word must be a content word ("over 55", not "over the")."""
    found = []
    for i, tok in enumerate(toks[:-1]):
        opposite = _QUALIFIER_OPPOSITES.get(tok)
        if opposite is not None and (tok in _QUALIFIER_NOUNS or toks[i + 1] not in STOPWORDS):
            found.append((tok, opposite, stem(toks[i + 1])))
    return tuple(found)


def _opposite_qualifier(asked: tuple[tuple[str, frozenset[str], str], ...], sentence: str) -> bool:
    """Whether the sentence says the opposite qualifier of the same word and never the question's own
    ("What was the failure rate for patients over 55?" of "Patients under 55 ... fared worse")."""
    toks = [fold(t) for t in tokens(sentence)]
    for word, opposite, following in asked:
        if word in toks:
            continue
        if any(t in opposite and stem(toks[i + 1]) == following for i, t in enumerate(toks[:-1])):
            return True
    return False


# the measures whose value a question may give to say which one it asks about ("on nights above 10C")
_VALUED_KINDS = frozenset(
    "temperature length depth mass percent money area loudness energy power duration".split()
)
# a value the question compares with, or an age band ("instead of the 4.99% rise", "45 to 49 year olds")
_CONTRASTED = re.compile(
    r"\b(?:instead of|rather than|than|compared (?:with|to)|versus|vs)\s+(?:the |a |an )?$", re.I
)
_AGE_BAND = re.compile(r"[- ]olds?\b", re.I)


def _quantities_asked(question: str) -> tuple[tuple[str, float], ...]:
    """(kind, value) of each measure the question gives: the thing asked about is the one it measures."""
    found = []
    for q in find_quantities(question):
        if q.kind not in _VALUED_KINDS or _CONTRASTED.search(question, 0, q.start):
            continue
        if _AGE_BAND.match(question, q.end):
            continue
        value = quantity_value(q.surface, q.kind)
        if value is not None:
            found.append((q.kind, value))
    return tuple(found)


def _swapped_quantity(asked: tuple[tuple[str, float], ...], sentence: str) -> bool:
    """Whether the sentence gives a measure of a kind the question gives, none of them the question's
    value, and no value of any kind is the question's ("How much more likely were hedgehogs to wake on
    nights above 10C?" of "On nights when the air temperature rose above 8C")."""
    said: dict[str, list[float | None]] = {}
    for q in find_quantities(sentence):
        if q.kind in _VALUED_KINDS:
            said.setdefault(q.kind, []).append(quantity_value(q.surface, q.kind))
    if not said:
        return False
    values = [v for found in said.values() for v in found if v is not None]
    return any(
        kind in said
        and None not in said[kind]  # a measure whose value cannot be read ("two-thirds") may be the one
        and not any(math.isclose(value, v, rel_tol=0.05) for v in values)
        for kind, value in asked
    )
