"""Answer a question from the index: fuzzy terms and entities, typed scoring, honest abstention."""

from __future__ import annotations

import heapq
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress, count
from operator import attrgetter, itemgetter
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .entities import may_be_personal
from .features import Candidate, Tally, describe, matched_weight
from .gazetteer import (
    CAPITALS,
    CITIES,
    COUNTRIES,
    GENERIC_ROLE_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    ROLE_WORDS,
    SPECIFIC_ROLES,
    TITLE_WORDS,
    WEEKDAYS,
)
from .index import ENTITY_PREFIX, QUANTITY_PREFIX, YEAR, Index, Unit
from .lemmas import lemma
from .lexicon import (
    FORM_WORDS,
    LIGHT,
    PHRASES,
    QUESTION_FORMS,
    antonyms,
    converses,
    dictionary,
    ergative_verbs,
    person_nouns,
    synonyms,
    verbs_and_adverbs,
)
from .model import IDK, IDK_MANY, Answer, FactRef
from .quantities import CARDINAL_WORDS, STATED_KINDS, is_tens, number_value, numbers_in, wanted_kind_of
from .scoring import (
    ASKED_MISSING_BELOW,
    MIN_COVERAGE,
    ScoringModel,
    calibration_row,
    off_topic,
    off_topic_by,
    question_word,
)
from .text import (
    MONTH_ABBREVIATIONS,
    STOPWORDS,
    fold,
    is_english_word,
    stem,
    stem_as_written,
    tokens,
    word_gaps,
)
from .wordvectors import cosine, default_vectors

MAX_TOKENS = 60
PRUNE_BELOW = 0.25  # a unit must be able to reach this coverage to be found
PAIR_WINDOW = 8  # content words between a noun and the entity it belongs to
CANDIDATES = 30  # units scored in full after the first pass
COMMON_POSTINGS = 512  # a word in more units than this adds none to those rarer words found
RERANK = 8  # the most covering of those, described for the fitted ranker
KIN_FACTOR = 0.9
RELATED_KEPT = 50_000  # words whose synonyms and kin (and their postings) are kept
WEIGHTED_KEPT = 200_000  # units in the per-word dicts of what a term adds to each (_weighted_units)
SYNONYM_FACTOR = 0.75
ALIKE_NAMES_COSINE = 0.8  # swapped_agent: two names this alike may name one thing ("Spurs", "Tottenham")
AGENT_COSINE = 0.5  # "rush" and "rusher" 0.81, "win" and "winner" 0.68; "show" and "shower" 0.28
COMMON_WORD_COSINE = 0.5  # a token the word vectors know is corrected only to a word they find alike
_WORDS = re.compile(r"[a-z0-9]+(?:&[a-z0-9]+)*")  # as text.tokens
_LONG_STOPWORDS = sorted(w for w in STOPWORDS if len(w) >= 5)
# the long stopwords one edit could reach from a word of each length (one letter more or less at most)
_LONG_STOPWORDS_NEAR = {
    n: [w for w in _LONG_STOPWORDS if abs(len(w) - n) <= 1]
    for n in range(5, max(map(len, _LONG_STOPWORDS), default=0) + 2)
}
_CAPITALS = {" ".join(tokens(city)): country for city, country in CAPITALS.items()}
_CAPITAL_STARTS = frozenset(city.split()[0] for city in _CAPITALS if city)  # most words start none: skip them
_ROLE_WORDS = frozenset(ROLE_WORDS)
_ROLE_STEMS = {stem(w): w for w in ROLE_WORDS}
# Question words typed in chat without their apostrophe: "whens the game", "whos the coach".
_CHAT_CONTRACTIONS = frozenset({"whens", "whats", "wheres", "whos", "hows", "whys"})
# Asked of a person, these ask what they are: the title the article gives them ("Head of Research")
_JOB_WORDS = frozenset("job jobs role position occupation profession work works".split())
# Asked "which X is <person> with", these ask whom the person works for
_EMPLOYER_WORDS = frozenset(
    "organization organisation company firm agency employer institution university team club outlet".split()
)
_HIS_HER = frozenset({"his", "her", "their"})
_AGE = frozenset({"age"})  # the quantity "what age is Blair" wants
_TIE_BREAK = 1e-9  # added to the matched weight of a unit holding the quantity asked for
# Chat shorthand for glue words ("where r u from", "how old is ur dad"), read as the words they stand
# for; only standing alone, so "U.S." and "R&B" stay as they are.
_CHAT_WORDS = {
    "u": "you",
    "r": "are",
    "ur": "your",
    "abt": "about",
    "b4": "before",
    "bc": "because",
    "cuz": "because",
    "coz": "because",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "ppl": "people",
    "yr": "year",
    "yrs": "years",
    "govt": "government",
    "wtf": "what",
    "wut": "what",
    "wot": "what",
    "tix": "tickets",
    "wud": "would",
    "cud": "could",
    "shud": "should",
    "yds": "yards",
    "intl": "international",
    "teh": "the",
    "howmany": "how many",
    "howmuch": "how much",
    "utd": "united",
    "uni": "university",
    "dept": "department",
    "prez": "president",
    "commish": "commissioner",
    "dems": "democrats",
    "ppv": "pay per view",
    "pb": "personal best",
    "hrs": "hours",
    "mins": "minutes",
    "pts": "points",
    "wkend": "weekend",
    "nite": "night",
    "tonite": "tonight",
    "mgr": "manager",
}
_HYPHEN_UNITS_READ = 20  # units _hyphenated_uncached reads for a word the base may hyphenate
_US = re.compile(r"\bUS\b")
_THE_US = re.compile(r"\b(the) us\b", re.I)
_CHAT_WORD = re.compile(r"(?<![\w.&'\u2019])(?:" + "|".join(_CHAT_WORDS) + r")(?![\w.&'\u2019])")
# Small talk: a message made only of these (and stopwords) is not a question about the article.
_SMALL_TALK = frozenset(
    """hi hello hey hiya yo thanks thank cheers bye goodbye morning evening afternoon night today
    tonight doing good great fine nice cool ok okay lol please sorry welcome bot citebot""".split()
)
_SMALL_TALK_OR_GLUE = _SMALL_TALK | STOPWORDS  # built once, not for every question
# Said to the bot, not asked about ("hey bot, ...", "... lol", "btw"): no term, unless the base uses the word
_ASIDES = frozenset(
    "hi hello hey hiya yo lol lmao omg btw tbh imo tho tf thanks please bot citebot hmm um uh ok okay".split()
)
# Question words as typed in a hurry ("wat", "wich", "hw") are read one edit away from these; one edit
# from two ("wht": "what" or "who") is read as the first, the more often asked.
_QUESTION_SPELLINGS = ("what", "how", "when", "who", "where", "why", "which", "whose")
_QUESTION_WORD_AT = 3  # a question word is looked for among a question's first words
_QUESTION_WORD_SET = frozenset(_QUESTION_SPELLINGS)
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]+\b")
# A model's name: letters then two digits or more ("a220", "f35", "mh17"); chat's "gr8" and units ("30min",
# "4k") are none
_MODEL_CODE = re.compile(r"[a-z]{1,4}\d{2,}[a-z]?")
_new_tuple = tuple.__new__
_POSITION = attrgetter("position")
_SCORE = attrgetter("score")
_WEIGHT = attrgetter("weight")


@dataclass(frozen=True, slots=True)
class Term:
    """A question term. Frozen: the terms of the base's words are made once and shared by questions."""

    key: str  # a stem, or @entity-id
    weight: float
    entity: bool
    alternatives: frozenset[str] = frozenset()  # synonyms, and kin (below) too
    light: bool = False
    from_alias: bool = False  # a word of an alias that says more than the name
    kin: frozenset[str] = frozenset()  # the same word in another form: "critic" for "criticised"

    def factor(self, terms: frozenset[str]) -> float:
        """How well a unit with *terms* matches this term: itself, a kin word, a synonym, or not."""
        if self.key in terms:
            return 1.0
        if self.alternatives.isdisjoint(terms):
            return 0.0
        return KIN_FACTOR if not self.kin.isdisjoint(terms) else SYNONYM_FACTOR


class _QuestionGates(NamedTuple):
    """What the abstention rules of Matcher.swapped read of a question, read once: most questions give
    most rules nothing to check, and the sentence is then not read for them (speed; a tuple, made in C)."""

    negated: bool  # it says "not", "never", "no"...
    counts: frozenset[tuple[str, str]]  # _counts
    measured: frozenset[tuple[str, str]]  # _measured
    month_days: frozenset[tuple[str, str]]  # _month_days
    asks_name: bool  # _ASKS_NAME
    asks_actor: bool  # "who" and an act: "who designed the dam", "who will chair the meeting"
    asks_what: bool  # it asks "who", "which", "what", "where", "when", "why" or "how", with no negation
    # (term, its alternatives, its opposites, the stem of the question's next word after it or "")
    opposed: tuple[tuple[str, frozenset[str], frozenset[str], str], ...]
    role: tuple[frozenset[str], str, str] | None  # Matcher._asked_role
    quoted: tuple[tuple[str, ...], ...]  # the words of each phrase it quotes ("a crisis of public trust")
    person: str  # its one person, surely a person, unless it asks "who" (about_another_person)
    acts: tuple[tuple[str, str, frozenset[str]], ...]  # (name, verb after it, the verb's converses)
    objects: tuple[tuple[str, str], ...]  # (name, the preposition before it) of swapped_object's kinds
    models: tuple[tuple[str, str], ...]  # (word, number) of each capitalised word a number follows
    which: str  # the stems of the words a "which N" question asks for ("sector stock"), "" for none
    # (word, its stem, the stems it may be matched by, the stem of the word right after it) of each
    # everyday word the question puts right before another: "quiet sleep" (swapped_neighbour)
    neighbours: tuple[tuple[str, str, frozenset[str], str], ...]


@dataclass(slots=True)
class Query:
    text: str
    qtype: str
    terms: list[Term] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    content_text: str = ""
    words: list[str] = field(default_factory=list)  # the question's own words, folded, no stopwords
    wanted: frozenset[str] | None = None  # kinds of quantity that would answer it ("how old": age)
    # (term key, entity id) the question ties together: "president of France", "France's president"
    pairs: list[tuple[str, str]] = field(default_factory=list)
    small_talk: bool = False  # only greetings, thanks and glue words
    absent_place: str = ""  # a country or city the question names and the base never does
    asks: str = ""  # its question word ("who", "why"...; scoring.question_word), "" for none
    entity_only: bool = False  # names and nothing else: "Who is X?", "X"
    spelled_out: str = ""  # "what does JAXA stand for": the acronym whose spelled-out form is asked
    absent_name: str = ""  # a name the base never mentions ("how many goals did Ovechkin score")
    absent_number: str = ""  # a number the base never states ("the fourth extension", "in 1974")
    absent_counted: str = ""  # what "how many" counts when the base never names it ("how many doctors")
    name_neighbours: list[tuple[str, str, str]] = field(default_factory=list)  # (entity, word before, after)
    name_spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, entity) in toks
    # entity term -> the stems of the words naming it in the question ("@xi": {"xi"}); several articles only
    name_stems: dict[str, frozenset[str]] = field(default_factory=dict)
    gates: _QuestionGates | None = None  # what Matcher.swapped reads of the question, made when first asked
    toks: list[str] = field(default_factory=list)  # its words as analyse read them

    @property
    def answerable(self) -> bool:
        """Whether the base may hold an answer at all: words to match, about something it names."""
        return (
            bool(self.terms)
            and not self.small_talk
            and not self.absent_place
            and not self.absent_name
            and not self.absent_number
            and not self.absent_counted
        )


# Matcher._read_word: (by case, (term or None, may name) if written with a capital, the same if not)
_Reading = tuple[bool, tuple["Term | None", bool], tuple["Term | None", bool]]


@dataclass(frozen=True, slots=True)
class _Tie:
    """A noun the question ties to an entity ("president of France"), ready for measuring distances."""

    term: int  # the noun's index in the question's terms
    weight: float
    entity: str
    names: frozenset[str]  # the words of the entity's aliases
    stems: frozenset[str]  # the noun's stem and its alternatives


# (term index, key, alternatives, kin, weight counted in p_matched or 0.0, weight, entity, light) per
# question term; see _hit_spec
_HitSpec = list[tuple[int, str, frozenset[str], frozenset[str], float, float, bool, bool]]


# (word's, kin's, synonyms' postings, any of the first two common, kin-only units, synonym-only units)
_Postings = tuple[
    Sequence[int], list[Sequence[int]], list[Sequence[int]], bool, tuple[int, ...], tuple[int, ...]
]


def _read_as(unit: Unit) -> str:
    """What a unit is read as, for telling two readings of one sentence apart: a hand fact, or the
    kind of answer it gives."""
    return unit.origin if unit.origin == "hand" else unit.answer_type


class _UnitReads(dict[int, tuple[Unit, str, "int | None"]]):
    """Unit -> (its record, _read_as of it, its one sentence or None for several), made when first
    read (a dict, so that reading one made is a C-level lookup; bounded like the index's caches)."""

    def __init__(self, units: Sequence[Unit]):
        super().__init__()
        self._units = units

    def __missing__(self, u: int) -> tuple[Unit, str, int | None]:
        unit = self._units[u]
        got = (unit, _read_as(unit), unit.sentences[0] if len(unit.sentences) == 1 else None)
        if len(self) >= RELATED_KEPT:
            self.clear()
        self[u] = got
        return got


# titles a question may put before a name (not "Dr", "Mr": a sentence writes those with the name)
# titles as a question writes them before a name: "Prime Minister Orban", "Mr. Battin", "Sen. Sasse"
_TITLE_TOKENS = frozenset(fold(w) for w in TITLE_WORDS) - {"state", "general"}
_DEMONYMS = frozenset(fold(n) for names in COUNTRIES.values() for n in names if " " not in n)
_TITLE_STEMS = frozenset(stem(fold(w)) for w in TITLE_WORDS)
_NAME_KIND_WORDS = frozenset(fold(w) for w in ORG_WORDS | PLACE_WORDS)  # "party", "bank", "street"...
_DATE_WORD = re.compile(r"(?:1[5-9]|20)\d\d|" + "|".join(stem(d) for d in WEEKDAYS))  # a year, a weekday


def _content_stem(toks: list[str], at: int, step: int) -> str:
    """The stem of the first content word from *at* on, walking by *step*; "" at the question's end."""
    while 0 <= at < len(toks):
        if toks[at] not in STOPWORDS:
            return stem(toks[at])
        at += step
    return ""


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
    return any((asked & group) - said and (said & group) - asked for group in _ALTERNATIVES)


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
    r"(?:\b(?:the|his|her|their|its)|'s|\ws)(?: full| first| last| real)? name\b(?! (?:given|for)\b)"
    r"|\bname of\b",
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
_PERSONAL = re.compile(r"\b(?:he|she|they|we|I|him|her|them|us)\b", re.I)  # someone who may be the actor
_QUOTED = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]+)[\"\u201c\u201d]")


_NUMBERED_NAME = re.compile(r"\b([A-Z][A-Za-z]+) (\d{1,4})\b(?![,.]\d)")  # "Thunderbolt 3", "iPhone 11"


def _numbered_names(text: str) -> tuple[tuple[str, str], ...]:
    """(folded word, number) of each capitalised word, not the question's first, a number follows."""
    return tuple(
        (fold(m.group(1)), m.group(2))
        for m in _NUMBERED_NAME.finditer(text)
        if m.start() > 0 and not _YEAR_LIKE.fullmatch(m.group(2)) and fold(m.group(1)) not in STOPWORDS
    )


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
# a pronoun acting, and what may stand between it and its verb ("he had bought"): opposite_act
_SUBJECT_PRONOUNS = frozenset("he she they it we".split())
_HELPING = frozenset("had has have did does will would also".split())
# "what does JAXA stand for", "what is CGRP short for": the acronym, as written
_STANDS_FOR = re.compile(r"\b([A-Za-z][A-Za-z&]{1,9}) (?:stands?|is short|short) for\b")
# the verb of "how long will the strike last": the question's form, as "take" is
_LAST_VERB = frozenset({"last", "lasts", "lasted", "lasting"})
# words that ask how, not what kind: "how long", "how many", "what percentage"
_NOT_MODIFIERS = frozenset(
    "many much long big old kind type sort far high often large small percentage proportion share amount"
    .split()
)
# what "how many" may count whatever words the article uses: "people" are its deaths, voters or fans
_ANY_COUNT = STOPWORDS | frozenset({"people", "persons", "times"})
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
# two capitals chat writes that name nothing ("OK", "AM" are glue words already): "on TV", "at 5 PM"
_CHAT_CAPITALS = frozenset({"tv", "pm", "id"})
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


def _plain(unit: Unit, entity_only: bool) -> bool:
    """Whether describe gives *unit* no feature of its own: no hand fact (phrasings), and no description
    of a name when the question names only (described); the rest of its vector is its sentence's, its
    hits' and its first-pass values'."""
    return unit.origin != "hand" and not (entity_only and unit.answer_type == "description")


def _capitalised(question: str) -> frozenset[str]:
    """The words written with a capital after the first: names, whether the base knows them or not."""
    return frozenset(fold(w) for w in _CAPITALISED.findall(question, 1))


def _by_weight_then_order(item: tuple[int, float]) -> tuple[float, int]:
    return item[1], -item[0]


@lru_cache(maxsize=1)
def _world_places() -> dict[tuple[str, ...], str]:
    """Folded names of the world's countries, capitals and big cities. Adjectives are left out: "the
    Norwegian" is often a person, and "Norwegian" belongs to more than one country."""
    places = {tuple(tokens(name)): name for name in (*CITIES, *COUNTRIES)}
    places.pop((), None)
    return places


@lru_cache(maxsize=1)
def _world_place_starts() -> frozenset[str]:
    """The words a country's or city's name may start with: most question words are none of them."""
    return frozenset(name[0] for name in _world_places())


@lru_cache(maxsize=4096)
def _near_long_stopword(token: str) -> bool:
    """Whether *token* is one edit from a stopword of five letters or more (kept per word, as stem is)."""
    near = _LONG_STOPWORDS_NEAR.get(len(token))
    return bool(near) and process.extractOne(token, near, scorer=OSA.distance, score_cutoff=1) is not None


@lru_cache(maxsize=1)
def _default_model() -> ScoringModel:
    return ScoringModel.load()


def _same_root(a: str, b: str) -> bool:
    """Two stems sharing most of the shorter one: "ratify"/"ratification", "critic"/"criticis"."""
    common = len(os.path.commonprefix([a, b]))
    return common >= 5 and common >= 0.8 * min(len(a), len(b))


def _add_bounded(words: set[str], word: str) -> None:
    """Add *word* to a per-base set of words, emptied first at RELATED_KEPT (however many odd words
    users type)."""
    if len(words) >= RELATED_KEPT:
        words.clear()
    words.add(word)


def _in_compound(text: str, word: str) -> bool:
    """Whether *word* is written in *text* as part of a hyphenated word ("fi" of "sci-fi")."""
    low = text.lower()
    return f"-{word}" in low or f"{word}-" in low


def _chat_word(m: re.Match[str]) -> str:
    return _CHAT_WORDS[m.group(0)]


# an acronym as typed ("SDNY", "DOJ"), and a number long enough to have lost its thousands comma
_TYPED_IN_CAPITALS = re.compile(r"\b[A-Z]{2,6}\b")
_LONG_NUMBER = re.compile(r"\d{4}")
# "which observatory", "what telescope": the word after asks for a kind of thing (_entity_terms)
_ASKING_WHICH = frozenset({"which", "what"})


def _tokenise(
    question: str,
    phrases: dict[str, str],
    pattern: re.Pattern[str] | None,
    firsts: frozenset[str] | None = None,
) -> tuple[list[str], set[int]]:
    """Folded words of *question* (idioms rewritten) and the positions written with a possessive 's;
    *firsts* are the idioms' first words (_first_words), or None to try the idioms' pattern always."""
    if "US" in question and not question.isupper():
        question = _US.sub("U.S.", question)  # "the US attorney": not "us"
    if " us" in question.lower():
        question = _THE_US.sub(r"\1 U.S.", question)  # "who is the us attorney": no "the" before "us"
    folded = fold(question)
    raw = _WORDS.findall(folded)
    # a chat word standing alone is one of these words too, so without them _CHAT_WORD finds none
    # (speed: the usual case reads the text once)
    text = folded if _CHAT_WORDS.keys().isdisjoint(raw) else _CHAT_WORD.sub(_chat_word, folded)
    # an idiom found starts at a word boundary, so with no "&" to join words its first word is one of
    # the words read (speed: most questions hold none, and the pattern's scan costs ~10 times the test)
    if pattern is not None and (
        firsts is None or text is not folded or "&" in folded or not firsts.isdisjoint(raw)
    ):
        text = pattern.sub(lambda m: phrases[m.group(0)], text)
    if text != folded:
        raw = _WORDS.findall(text)
    toks: list[str] = []
    possessive: set[int] = set()
    for w in raw:
        if w == "s":
            if toks:
                possessive.add(len(toks) - 1)
        elif w in _CHAT_CONTRACTIONS:
            toks += [w[:-1], "is"]
        else:
            toks.append(w)
    return toks[:MAX_TOKENS], possessive


def _first_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """The first word of each idiom, or None when an idiom is not plain words (_WORDS) and spaces."""
    firsts = set()
    for phrase in phrases:
        words = phrase.split(" ")
        if not all(_WORDS.fullmatch(w) and "&" not in w for w in words):
            return None
        firsts.add(words[0])
    return frozenset(firsts)


# QUESTION_FORMS by their first word, in their order: a position tries only the forms starting there
_FORMS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _form, _kind in QUESTION_FORMS:
    _FORMS_BY_FIRST.setdefault(_form[0], []).append((_form, _kind))


def _question_form(toks: list[str]) -> tuple[str, set[int]]:
    """The kind of answer wanted ("when" -> date) and the positions of the words that say so."""
    for pos in range(min(4, len(toks))):
        for form, kind in _FORMS_BY_FIRST.get(toks[pos], ()):
            if tuple(toks[pos : pos + len(form)]) == form:
                return kind, set(range(pos, pos + len(form)))
    return "thing", set()


def _most_covering_first(found: Iterable[Candidate], bounds: list[float]) -> Iterator[Candidate]:
    """*found* by (-coverage, position), as sorted() would give them, made only as far as read.

    bounds[k] is the k-th candidate's coverage before any loss, not increasing with k: a candidate
    made is given out once it covers more than the next one could (speed: most are never made).
    """
    heap: list[tuple[float, int, Candidate]] = []
    making = iter(found)
    for bound in bounds:
        while heap and -heap[0][0] > bound:
            yield heapq.heappop(heap)[2]
        c = next(making)
        heapq.heappush(heap, (-c.coverage, c.position, c))
    while heap:
        yield heapq.heappop(heap)[2]


class Matcher:
    """Turns questions into Answers against one Index."""

    def __init__(self, index: Index, model: ScoringModel | None = None):
        self.index = index
        self.model = model or _default_model()
        self._alias_words = sorted({w for key in index.alias_to_entity for w in key if len(w) >= 4})
        self._alias_word_set = frozenset(w for key in index.alias_to_entity for w in key) - STOPWORDS
        # an alias's first word -> the lengths of the aliases it starts, longest first ("the": 2, 3)
        sizes: dict[str, set[int]] = {}
        for key in index.alias_to_entity:
            if key:
                sizes.setdefault(key[0], set()).add(len(key))
        self._alias_sizes = {w: tuple(sorted(n, reverse=True)) for w, n in sizes.items()}
        # a name of two or three words written as one ("jpmorgan", "livenation"), unless that is a word
        joined: dict[str, set[str]] = {}
        for key, eid in index.alias_to_entity.items():
            if 2 <= len(key) <= 3 and len("".join(key)) >= 5:
                joined.setdefault("".join(key), set()).add(eid)
        self._joined_aliases = {
            w: next(iter(e)) for w, e in joined.items() if len(e) == 1 and not is_english_word(w)
        }
        self._hyphenated = lru_cache(maxsize=4096)(self._hyphenated_uncached)
        self._vocab_words = sorted(w for w in index.vocab if len(w) >= 4 and not w.isdigit())
        self._correct = lru_cache(maxsize=4096)(self._correct_uncached)
        # a sentence's words, and their stems, stopwords kept (role_swapped reads "was ... by", denied
        # "not"), kept per sentence
        self._sentence_words = lru_cache(maxsize=4096)(
            lambda sentence: tuple(tokens(index.sentences[sentence].text))
        )
        self._stemmed_tokens = lru_cache(maxsize=4096)(
            lambda sentence: tuple(map(stem, self._sentence_words(sentence)))
        )
        self._common_word = lru_cache(maxsize=4096)(self._common_word_uncached)
        self._english = default_vectors().index  # the common English words the vectors know
        self._roles: dict[tuple[str, str], list[str]] = {}
        self._entity_words: dict[str, frozenset[str]] = {}
        self._names: dict[tuple[tuple[str, ...], str], tuple[Term, list[Term]]] = {}  # see _named
        self._known_words: dict[str, Term] = {}  # a word of the base -> its term, as _word_terms reads it
        self._unknown_words: dict[str, _Reading] = {}  # any other content word -> _read_word's reading
        self._number_words: dict[str, int] = {}  # a word not of the base -> the number >= 2 it states, or 0
        self._names_nothing: set[str] = set()  # words that start no name and are no misspelt one
        self._name_stems: dict[str, set[str]] = {}
        self._related: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._holding: dict[frozenset[str], frozenset[int]] = {}
        # (name term, the words naming it) of a question -> the articles naming all of them
        self._articles_naming: dict[tuple[tuple[str, frozenset[str] | None], ...], tuple[str, ...]] = {}
        self._units_by_article: dict[str, list[int]] | None = None  # see _article_units
        self._name_word_sets: dict[str, frozenset[str]] = {}  # see _name_words
        self._surely_person: dict[str, bool] = {}  # see _surely_people
        self._alike: dict[tuple[str, str], bool] = {}  # see _alike_names (it depends on the base alone)
        self._given: dict[str, frozenset[str]] | None = None  # _given_names, made when first needed
        # (entity, tied word's stems, unit's sentences) -> whether the word is far from the name there
        self._far: dict[tuple[str, frozenset[str], tuple[int, ...]], bool] = {}
        self._base_numbers: frozenset[int] | None = None  # every number the base states, when first asked
        self._one_article = len(index.document_terms) <= 1  # ties need no article to break them
        self._postings: dict[tuple[str, frozenset[str], frozenset[str], int], tuple] = {}
        # unit -> (its record, what it is read as, its one sentence or None): read per unit (speed)
        self._unit_reads: dict[int, tuple[Unit, str, int | None]] = _UnitReads(index.units)
        self._weighted: dict[tuple[str, frozenset[str], frozenset[str], int, float], dict[int, float]] = {}
        self._weighted_size = 0  # units held by the dicts kept in _weighted
        # an idiom is rewritten only when the base has the word it becomes ("took part" stays
        # "took part" in an article that never says "participate")
        self._phrases = {p: t for p, t in PHRASES.items() if all(stem(w) in index.idf for w in t.split())}
        self._no_acronym: set[str] = set()  # words _spell_out_acronyms reads as themselves in any question
        # words both it and _split_joined_words read as themselves in any question (analyse's gate)
        self._as_written: set[str] = set()
        self._phrase_re = (
            re.compile(r"\b(?:" + "|".join(re.escape(p) for p in self._phrases) + r")\b")
            if self._phrases
            else None
        )
        self._phrase_firsts = _first_words(self._phrases)

    # --- question analysis -------------------------------------------------

    def analyse(self, question: str) -> Query:
        """Question words, entities, kind of question and the ties between them."""
        toks, possessive = _tokenise(question, self._phrases, self._phrase_re, self._phrase_firsts)
        self._read_question_word(toks)
        # speed: words known to read as themselves in both are passed in one C-level test
        if not self._as_written.issuperset(toks):
            toks, possessive = self._spell_out_acronyms(question, toks, possessive)
            toks, possessive = self._split_joined_words(toks, possessive)
        if _LONG_NUMBER.search(question):
            toks, possessive = self._group_thousands(toks, possessive)
        qtype, form_at = _question_form(toks)
        query = Query(question, qtype, wanted=wanted_kind_of(toks))  # toks are what tokens() would give
        query.toks = toks
        asked = _STANDS_FOR.search(question)
        if asked:
            query.spelled_out = asked.group(1)
        spans = self._entity_terms(query, toks, form_at)
        query.name_spans = spans
        query.absent_name = self._another_given_name(question, toks, spans)
        query.name_neighbours = [  # (not a name of one everyday word, "the grant")
            (eid, _content_stem(toks, a - 1, -1), _content_stem(toks, b, 1))
            for a, b, eid in spans
            if b - a > 1 or not is_english_word(toks[a])
        ]
        if spans and not self._one_article:  # for _drop_articles_lacking_names
            query.name_stems = {
                ENTITY_PREFIX + eid: frozenset([stem(w) for w in toks[a:b] if w not in STOPWORDS])
                for a, b, eid in spans
            }
        used = {pos for start, end, _ in spans for pos in range(start, end)}
        used |= self._absent_places(query, toks, used | form_at)
        used |= self._job_words(toks, spans)
        used |= self._titles_before_people(toks, spans, used)
        query.absent_number = self._absent_number(toks, used)
        self._word_terms(query, toks, used, form_at, possessive, question)
        query.absent_counted = self._absent_counted(query, toks)
        # the question's own words, stemmed as hand-written phrasings are, for comparing with them
        query.words = [t for t in toks if t not in STOPWORDS]
        query.content_text = " ".join([stem(t) for t in query.words])
        query.pairs, adjacent = self._pairs(toks, spans, used | form_at, possessive)
        self._resolve_roles(query, adjacent)
        query.small_talk = bool(toks) and _SMALL_TALK_OR_GLUE.issuperset(toks)
        query.asks = question_word(toks)
        query.entity_only = all([t.entity or t.from_alias for t in query.terms])
        return query

    def _spell_out_acronyms(
        self, question: str, toks: list[str], possessive: set[int]
    ) -> tuple[list[str], set[int]]:
        """An acronym the base never writes, read as the name whose initials it is: "SDNY" in an article
        that says "the Southern District of New York", "DOJ" for "the Department of Justice". Typed in
        lower case, a word that is a misspelling of a common word is not one ("teh")."""
        typed: set[str] | None = None  # the words typed in capitals, read when first needed
        vocab = self.index.vocab
        out: list[str] = []
        marks: set[int] = set()
        for i, tok in enumerate(toks):
            names = None
            if (
                tok not in vocab
                and 2 <= len(tok) <= 6
                and tok.isalpha()
                and tok not in STOPWORDS
                and tok not in self._alias_sizes
                and not is_english_word(tok)
            ):
                spelled = self.index.spelled_out.get(tok)
                if spelled is None:
                    self._add_no_acronym(tok)  # spells out no name of the base, however it is typed
                else:
                    if typed is None:
                        typed = {fold(w) for w in _TYPED_IN_CAPITALS.findall(question)}
                    if (tok in typed or self._common_word(tok) is None) and not _in_compound(question, tok):
                        names = spelled
            else:  # the word's own tests: it reads as itself in any question
                self._add_no_acronym(tok)
            if i in possessive:
                marks.add(len(out) + (len(names) if names else 1) - 1)
            out.extend(names or (tok,))
        return out, marks

    def _add_no_acronym(self, tok: str) -> None:
        """Note *tok* as a word _spell_out_acronyms reads as itself whatever the question (bounded)."""
        _add_bounded(self._no_acronym, tok)

    def _split_joined_words(self, toks: list[str], possessive: set[int]) -> tuple[list[str], set[int]]:
        """A word typed solid that the article writes as two ("wifi" for "Wi-Fi", "keytravel"): read as
        those two words, when it is no English word, no name and no misspelling of a common word."""
        vocab = self.index.vocab
        out: list[str] = []
        marks: set[int] = set()
        for i, tok in enumerate(toks):
            parts = [tok]
            if (
                tok not in vocab
                and len(tok) >= 4
                and tok.isalpha()
                and tok not in STOPWORDS
                and tok not in self._alias_sizes
                and tok not in self._joined_aliases
                and not is_english_word(tok)
            ):
                for cut in range(2, len(tok) - 1):
                    head, tail = tok[:cut], tok[cut:]
                    if head in vocab and tail in vocab and head not in STOPWORDS and tail not in STOPWORDS:
                        if self._common_word(tok) is None:
                            parts = [head, tail]
                        break
            if len(parts) == 1 and tok not in vocab and tok.isalpha() and tok not in self._alias_sizes:
                parts = list(self._hyphenated(tok) or parts)  # "rollout" of "roll-out"
            out.extend(parts)
            if i in possessive:
                marks.add(len(out) - 1)
            if len(parts) == 1 and tok in self._no_acronym:  # as written in both, whatever the question
                _add_bounded(self._as_written, tok)
        return out, marks

    def _hyphenated_uncached(self, token: str) -> tuple[str, str] | None:
        """The two words the base writes joined by a hyphen that *token* types solid ("rollout",
        "ebikes", "preorder" of "roll-out", "e-bikes", "pre-orders"), or None."""
        idx = self.index
        vocab, postings = idx.vocab, idx.postings
        for cut in range(1, len(token) - 1):
            head, tail = token[:cut], token[cut:]
            if head not in vocab:
                continue
            for written in (tail, tail + "s", tail[:-1] if tail.endswith("s") else ""):
                if not written or (written not in vocab and written not in STOPWORDS):  # "out" of "roll-out"
                    continue
                keys = [k for k in {stem(head), stem(written)} if k in postings]
                if not keys:
                    continue
                pattern = re.compile(rf"\b{head}-{written}\b")
                # the units holding the rarer half, a few of them: a word is written one way throughout
                units = min((postings[k] for k in keys), key=len)
                for u in units[:_HYPHEN_UNITS_READ]:
                    if any(pattern.search(fold(idx.sentences[i].text)) for i in idx.units[u].sentences):
                        return head, written
        return None

    def _group_thousands(self, toks: list[str], possessive: set[int]) -> tuple[list[str], set[int]]:
        """A number typed without its thousands commas, read as the article writes it: "40816" is the
        "40" and "816" of "40,816" (the words its comma parts)."""
        vocab = self.index.vocab
        out: list[str] = []
        marks: set[int] = set()
        for i, tok in enumerate(toks):
            groups = [tok]
            if tok.isdigit() and len(tok) > 3 and tok not in vocab:
                head = len(tok) % 3 or 3
                parts = [tok[:head]] + [tok[j : j + 3] for j in range(head, len(tok), 3)]
                if all(g in vocab for g in parts):
                    groups = parts
            out.extend(groups)
            if i in possessive:
                marks.add(len(out) - 1)
        return out, marks

    def _read_question_word(self, toks: list[str]) -> None:
        """Rewrite, in place, a misspelt question word among the first words ("wat happend" asks
        "what"): one that is neither a word of the base nor of the dictionary, one edit from a question
        word. Read as a word, it would weigh as a rare term no sentence holds."""
        first = toks[:_QUESTION_WORD_AT]
        if not _QUESTION_WORD_SET.isdisjoint(first):
            return  # speed: most questions have theirs
        for pos, tok in enumerate(first):
            if tok in STOPWORDS or tok in self.index.vocab or tok.isdigit() or is_english_word(tok):
                continue
            for word in _QUESTION_SPELLINGS:
                if OSA.distance(tok, word, score_cutoff=1) <= 1:
                    toks[pos] = word
                    return

    def _entity_terms(self, query: Query, toks: list[str], skip: set[int]) -> list[tuple[int, int, str]]:
        """Add a term per entity named (by alias, misspelt alias or capital); return their spans."""
        idx = self.index
        spans: list[tuple[int, int, str]] = []
        names_nothing = self._names_nothing
        i = 0
        while i < len(toks):
            if i in skip or toks[i] in names_nothing:  # speed: most words, met before
                i += 1
                continue
            initial = self._initial_before(toks, i)  # "C. Battin" of Christopher D. Battin
            hit = initial or (self._alias_at(toks, i) if toks[i] in self._alias_sizes else None)
            if hit is None and toks[i] in self._joined_aliases and toks[i] not in idx.vocab:
                hit = (self._joined_aliases[toks[i]], 1)  # "jpmorgan" for "JP Morgan"
            if hit and hit[1] == 1 and i and toks[i - 1] in _ASKING_WHICH and is_english_word(toks[i]):
                # "which observatory did they use": the kind of thing asked for, not the one named
                # "W.M. Keck Observatory" (a name the article's "the observatory" gave it)
                hit = None
            if hit is None and len(toks[i]) >= 4 and self._may_be_misspelt(toks[i]):
                near = self._correct(toks[i], True)
                # "seson" is "season", not the last word of "No Lean Season"; "Fmae" may be "Fame"
                if (
                    near
                    and is_english_word(near)
                    and self._common_word(toks[i]) == near
                    and toks[i] not in _capitalised(query.text)
                ):
                    near = None
                eid = idx.alias_to_entity.get((near,)) if near else None
                hit = (eid, 1) if eid else None
            if hit is None:
                hit = self._capital(toks, i)
            if hit is None:
                if toks[i] not in self._alias_sizes and toks[i] not in _CAPITAL_STARTS:
                    # no name wherever it stands: the misspelling test is the word's alone
                    if len(names_nothing) >= RELATED_KEPT:
                        names_nothing.clear()  # bounded however many odd words users type
                    names_nothing.add(toks[i])
                i += 1
                continue
            eid, size = hit
            entity_term, alias_terms = self._named(tuple(toks[i + bool(initial) : i + size]), eid)
            if eid not in query.entities:
                query.entities.append(eid)
                query.terms.append(entity_term)
            spans.append((i, i + size, eid))
            for term in alias_terms:  # _add_alias_words, read from what is kept
                if term.key not in [t.key for t in query.terms]:
                    query.terms.append(term)
            i += size
        return spans

    def _another_given_name(self, question: str, toks: list[str], spans: list[tuple[int, int, str]]) -> str:
        """A name mixed of two people the base names: one's given name before the other's surname ("How
        old is Elizabeth Harris?" of Elizabeth A. Burton and Matt Harris); "". A given name the base
        never writes is taken for a slip ("Greta Vosberg" of Marta Vosberg)."""
        known = self.index.entities
        named = {i for a, b, _ in spans for i in range(a, b)}
        for start, stop, eid in spans:
            entity = known.get(eid)
            if start == 0 or start - 1 in named or entity is None or entity.kind != "person":
                continue
            given = toks[start - 1]
            others = self._given_names().get(given, ())
            surname = set(toks[start:stop])
            if any(surname & set(tokens(known[other].name)) for other in others):
                continue  # "Victor Burton" is Victor N. Burton, whoever "Burton" alone was read as
            # written as a name: "Matt Burton", not "how old is matt burton" read for chat
            if others and eid not in others and re.search(rf"\b{given.capitalize()}\b", question):
                return " ".join(toks[start - 1 : stop])
        return ""

    def _given_names(self) -> dict[str, frozenset[str]]:
        """The folded first word of each person's name of two words or more -> those people."""
        if self._given is None:
            found: dict[str, set[str]] = {}
            for eid, entity in self.index.entities.items():
                words = tokens(entity.name)
                if entity.kind == "person" and len(words) >= 2 and words[0] not in STOPWORDS:
                    found.setdefault(words[0], set()).add(eid)
            self._given = {w: frozenset(e) for w, e in found.items()}
        return self._given

    def _initial_before(self, toks: list[str], i: int) -> tuple[str, int] | None:
        """(person, length with the initial) when toks[i] is the initial of a given name of the person
        named right after it ("C. Battin", "E. Burton" of Elizabeth A. Burton); None otherwise."""
        letter = toks[i]
        if len(letter) != 1 or i + 1 >= len(toks) or toks[i + 1] not in self._alias_sizes:
            return None
        after = self._alias_at(toks, i + 1)
        if after is None:
            return None
        entity = self.index.entities.get(after[0])
        if entity is None or entity.kind != "person":
            return None
        given = tokens(entity.name)[:-1]
        return (after[0], after[1] + 1) if any(w.startswith(letter) for w in given) else None

    def _alias_at(self, toks: list[str], i: int) -> tuple[str, int] | None:
        """(entity, length) of the longest alias starting at toks[i]; a lone stopword names none.
        Speed: only the lengths of the aliases starting with that word are tried."""
        left = len(toks) - i
        for size in self._alias_sizes.get(toks[i], ()):
            if size <= left:
                eid = self.index.alias_to_entity.get(tuple(toks[i : i + size]))
                if eid and not (size == 1 and toks[i] in STOPWORDS):
                    return eid, size
        return None

    def _absent_places(self, query: Query, toks: list[str], skip: set[int]) -> set[int]:
        """A country or city the base never names ("the capital of France", of an article that has
        "France" only in "Agence France-Presse"): the question is about something the base does not
        cover. Note the first in query.absent_place and return the positions such names take."""
        starts = _world_place_starts()
        taken: set[int] = set()
        if starts.isdisjoint(toks):
            return taken  # speed: no word starts a place's name
        places = _world_places()
        i = 0
        while i < len(toks):
            found = None
            for size in (4, 3, 2, 1) if toks[i] in starts else ():
                span = tuple(toks[i : i + size])
                if len(span) == size and span in places and not skip.intersection(range(i, i + size)):
                    found = size
                    break
            # a single name that is also an English word (china the porcelain, turkey the bird) stays a word
            if found is None or (found == 1 and is_english_word(toks[i])):
                i += 1
                continue
            query.absent_place = query.absent_place or places[tuple(toks[i : i + found])]
            taken.update(range(i, i + found))
            i += found
        return taken

    def _word_terms(
        self,
        query: Query,
        toks: list[str],
        used: set[int],
        form_at: set[int],
        possessive: set[int],
        question: str = "",
    ) -> None:
        """Add a term per remaining content word: stemmed, spell-corrected, with its synonyms."""
        idx = self.index
        names: frozenset[str] | None = None  # the words written with a capital, read when first needed
        for pos, tok in enumerate(toks):
            if pos in used or tok in STOPWORDS or (tok in FORM_WORDS and pos in form_at):
                continue
            if tok in _ASIDES and tok not in idx.vocab:
                continue
            if query.wanted and pos > 0 and toks[pos - 1] == "how":
                continue  # "how old", "how big": the quantity answers it, not the word ("47", "20-hectare")
            if tok == "time" and toks[pos - 2 : pos] == ["how", "much"] and query.wanted:
                continue  # "how much time did he take off": "14 days" answers it, not the word
            if tok == "age" and query.wanted == _AGE:
                continue  # "what age is Blair", "Blair's age": "29" answers it, not the word
            if tok in ("name", "names") and (toks[pos + 1 : pos + 2] == ["of"] or pos - 1 in possessive):
                continue  # "the name of X", "X's name" ask for X
            if tok == "tell" and toks[pos + 1 : pos + 2] in (["me"], ["us"]):
                continue
            if tok in ("stand", "short") and toks[pos + 1 :] == ["for"] and query.spelled_out:
                continue  # "what does DGPC stand for": the name's spelled-out form answers it
            if tok in _LAST_VERB and query.wanted and "duration" in query.wanted and "long" in toks[:pos]:
                continue  # "how long will the strike last": the duration answers it; "last month" does not
            word = self._known_words.get(tok)  # speed: a word of the base is read once per base
            if word is None:
                # a word the base lacks: what it is read as is the word's alone, but for whether it is
                # written with a capital (speed: worked out once per word, kept)
                reading = self._unknown_words.get(tok) or self._read_word(tok)
                word = self._known_words.get(tok)  # its first reading found it in the base after all
            if word is None:
                if _MODEL_CODE.fullmatch(tok):
                    query.absent_name = query.absent_name or tok  # "A220" of an article on the A350
                by_case, if_name, if_not = reading
                as_name = False
                if by_case:
                    if names is None:
                        names = _capitalised(question)
                    as_name = tok in names
                got, may_name = if_name if as_name else if_not
                if may_name and as_name and names is not None and len(names) * 2 > len(toks):
                    may_name = not is_english_word(tok)  # Title Case ("What Did The Bank Report"): no names
                unknown = may_name and self._is_unknown_name(toks, pos, as_name, possessive)
                if unknown or self._absent_capitals(tok, question):
                    query.absent_name = query.absent_name or tok
                if got is None:
                    continue
                word = got
            if word.key in [t.key for t in query.terms]:
                continue
            if query.wanted and (stated := STATED_KINDS.get(tok)) in query.wanted:
                # "how much did it cost": a sum stated answers it ("a budget of")
                word = replace(word, alternatives=word.alternatives | {QUANTITY_PREFIX + stated})
            query.terms.append(word)

    def _read_word(self, tok: str) -> _Reading:
        """How _word_terms reads *tok*, a content word not kept in _known_words: (whether the reading
        depends on *tok* being written with a capital, the reading if it is, if it is not); a reading
        is (the term, or None to leave the word out; whether it may be a name the base never mentions).
        A word of the base goes into _known_words, any other into _unknown_words."""
        idx = self.index
        key = stem(tok)
        known = key in idx.idf or tok in idx.vocab
        if not known and 2 < len(tok) < 6 and not is_english_word(tok):
            # an abbreviation's plural or singular the stemmer leaves alone ("TDs" of an article
            # saying "TD passes", "NGO" of one saying "NGOs")
            other = stem(tok[:-1]) if tok.endswith("s") else stem(tok + "s")
            if other in idx.idf:
                key, known = other, True
        # a form that is its own lemma for some words and another's form for stem ("found" of "founded"
        # and of "find", "lay" of "laid" and of "lie", "number" of "numbers" and of "numb"): both readings
        own = stem_as_written(tok)
        twin = own if own != key and own in idx.idf else ""
        known = known or bool(twin)
        reading: _Reading
        if known:
            word = self._term(key, 1.0)
            if twin:
                word = replace(word, alternatives=word.alternatives | {twin}, kin=word.kin | {twin})
            if len(self._known_words) >= RELATED_KEPT:
                self._known_words.clear()  # bounded however many words users type
            self._known_words[tok] = word
            return False, (word, False), (word, False)
        if self._is_misspelt_stopword(tok):
            reading = (False, (None, False), (None, False))
        elif tok.isdigit():
            word = self._term(key, 1.0)
            reading = (False, (word, False), (word, False))
        else:
            near = self._correct(tok, False) if self._may_be_misspelt(tok) else None
            if near:
                word = self._term(idx.stem_of.get(near, stem(near)), 0.9)
                reading = (False, (word, False), (word, False))
            else:
                # _is_unknown_name is False of these however the word is written; written with a
                # capital, an English word may be a name too ("did Smith take", "Mr Baker")
                may_name = not (tok.isdigit() or len(tok) < 3 or is_english_word(tok))
                as_name = (self._term(key, 1.0), not (tok.isdigit() or len(tok) < 3))
                near = self._common_word(tok)
                typed = self._chat_spelling(tok) if near is None and may_name else None
                if near in STOPWORDS:
                    if_not: tuple[Term | None, bool] = (None, False)
                elif near:
                    if_not = (self._term(stem(near), 0.9), False)
                elif typed:
                    if_not = (self._term(idx.stem_of.get(typed, stem(typed)), 0.8), False)
                else:
                    if_not = (self._term(key, 1.0), may_name)
                # _is_unknown_name reads the capital, so a word it may be asked of has one
                reading = (as_name != if_not or as_name[1], as_name, if_not)
        if len(self._unknown_words) >= RELATED_KEPT:
            self._unknown_words.clear()
        self._unknown_words[tok] = reading
        return reading

    def _chat_spelling(self, token: str) -> str | None:
        """The base's word a lower-case word in no dictionary was typed for in chat: its "g" dropped
        ("comin", "playin"), or two slips in a longer word ("sherrif", "compnys"); else None."""
        vocab = self.index.vocab
        if token.endswith("in") and len(token) >= 4 and token + "g" in vocab:
            return token + "g"
        if len(token) < 6 or not token.isalpha():
            return None
        found = process.extractOne(token, self._vocab_words, scorer=OSA.distance, score_cutoff=2)
        return found[0] if found is not None and found[0][0] == token[0] else None

    def _term(self, key: str, weight_factor: float) -> Term:
        """The term of a content word read as *key*, its weight scaled by *weight_factor*."""
        idx = self.index
        weight = idx.idf.get(key, idx.max_idf) * weight_factor
        light = key in LIGHT
        if light:
            weight *= 0.25
        alts, kin = self._related_words(key)
        return Term(key, weight, False, alts, light, kin=kin)

    def _absent_counted(self, query: Query, toks: list[str]) -> str:
        """The word a "how many" question counts when the base never names it or anything it may stand
        for ("How many doctors did Labor promise to hire?" of an article on nurses), else ""."""
        for i in range(len(toks) - 2):
            if toks[i] == "how" and toks[i + 1] == "many" and toks[i + 2] not in _ANY_COUNT:
                key = stem(toks[i + 2])
                term = next((t for t in query.terms if t.key == key and not t.entity), None)
                idf = self.index.idf
                if term is not None and key not in idf and not any(a in idf for a in term.alternatives):
                    return toks[i + 2]
        return ""

    def _absent_number(self, toks: list[str], skip: set[int]) -> str:
        """The first number of the question the base states nowhere, in digits or words ("fourth" or
        "4th", "twenty five" or "25"), beyond one; "" when there is none."""
        # speed: whether a word states a number >= 2 the base does not hold as a word is the word's
        # alone, kept per word (0 for no); most questions hold none, seen in one pass in C
        kept = self._number_words
        values = list(map(kept.get, toks))
        if None in values:
            if len(kept) >= RELATED_KEPT:
                kept.clear()  # bounded however many words users type
            for tok in toks:
                if tok not in kept:
                    value = number_value(tok)
                    stated = value is not None and value >= 2 and tok not in self.index.vocab
                    kept[tok] = value if stated else 0
            values = [kept[tok] for tok in toks]
        elif not any(values):
            return ""
        compound = -1  # the unit word of a "twenty five" already read
        for pos, (tok, value) in enumerate(zip(toks, values, strict=True)):
            if not value or pos in skip or pos == compound:
                continue
            unit = number_value(toks[pos + 1]) if is_tens(value) and pos + 1 < len(toks) else None
            if unit is not None and unit < 10:
                value, compound = value + unit, pos + 1
            if self._base_numbers is None:
                self._base_numbers = numbers_in(self.index.vocab)
            if value not in self._base_numbers:
                return tok
        return ""

    def _absent_capitals(self, tok: str, question: str) -> bool:
        """Whether *tok* is a name of two capitals the base never writes ("When does the UK license
        expire?"), not one chat writes for no name ("on TV")."""
        return (
            len(tok) == 2
            and tok.isalpha()
            and tok not in _CHAT_CAPITALS
            and tok not in self._alias_word_set
            and re.search(rf"\b{tok.upper()}\b", question) is not None
        )

    def _is_unknown_name(
        self, toks: list[str], pos: int, capitalised: bool, possessive: set[int] = frozenset()
    ) -> bool:
        """Whether toks[pos], a word the base does not hold and no misspelling of its words, names
        something the base never mentions: written with a capital (an English word too: "Smith",
        "Baker", unless the question capitalises most of its words), or in lower case and in no
        dictionary at all (abbreviations aside), and not beside a name the base knows ("Raymond
        Sullivan" of an article naming Raymond; "Japan's Jasdaq" is not one name)."""
        token = toks[pos]
        if token.isdigit() or len(token) < (3 if capitalised else 4):
            return False
        if not capitalised and is_english_word(token):
            return False
        if not capitalised and (token in dictionary().rank or not token.isalpha()):
            return False  # "1100s", "r&d": no name
        before = toks[pos - 1 : pos] if pos and pos - 1 not in possessive else []
        beside = before + toks[pos + 1 : pos + 2] if pos not in possessive else before
        # (an English word is no evidence, as a word every name of a kind has is not: "Labour Party" is
        # not "People's Party", the "ESA telescope" not "NASA's Hubble Space Telescope")
        return not any(
            word in self._alias_word_set and word not in _NAME_KIND_WORDS and not is_english_word(word)
            for word in beside
        )

    def _common_word_uncached(self, token: str) -> str | None:
        """The common English word a token that is no word at all was meant to be ("happend":
        "happened", "teh": "the"): the nearest and most frequent one edit away (two from eight
        letters), with the same first letter and, when the word vectors know both, a similar vector."""
        words = dictionary()
        if len(token) < 3 or token in words.rank or not token.isalpha() or is_english_word(token):
            return None  # a word already (SymSpell's list spells the British way: "tumor" is lemminflect's)
        limit = 1 if len(token) < 8 else 2
        found = process.extract(
            token, words.by_first.get(token[0], ()), scorer=OSA.distance, score_cutoff=limit, limit=None
        )
        if len(token) == 3:  # three letters are one edit from too many words: only glue words ("teh")
            found = [f for f in found if f[0] in STOPWORDS]
        if not found:
            return None
        word = min(found, key=lambda f: (f[1], f[2]))[0]  # nearest, then most frequent
        if word in STOPWORDS:
            return word  # glue words have no meaning of their own for the vectors to agree on
        vectors = default_vectors()
        mine, theirs = vectors.vec(token), vectors.vec(word)
        if mine is not None and theirs is not None and cosine(mine, theirs) < COMMON_WORD_COSINE:
            return None  # a name the web writes often, not a misspelling of a word that looks like it
        return word

    def _may_be_misspelt(self, token: str) -> bool:
        """Neither a word of the base nor a common English word ("birds" is not a typo of "bid")."""
        return token not in STOPWORDS and token not in self.index.vocab and token not in self._english

    @staticmethod
    def _is_misspelt_stopword(token: str) -> bool:
        """'befor', 'abuot': glue words typed wrong should not become content words; an English word is
        none ("Chile" is no "while", "bring" no "being")."""
        return len(token) >= 5 and _near_long_stopword(token) and not is_english_word(token)

    def _related_words(self, key: str) -> tuple[frozenset[str], frozenset[str]]:
        """(synonyms and kin, kin) of *key* in this base; kept, as they depend on the base alone."""
        got = self._related.get(key)
        if got is None:
            kin = self._kin(key)
            alts = frozenset(s for s in synonyms().get(key, ()) if s in self.index.idf) | kin
            if len(self._related) >= RELATED_KEPT:
                self._related.clear()  # bounded however many odd words users type
            got = self._related[key] = (alts, kin)
        return got

    def _kin(self, key: str) -> frozenset[str]:
        """Words of the base built on the same stem: "leader" and "leadership", "skill" and "skillful";
        and the one who does and the doing, "rusher" and "rush", "winner" and "win"."""
        agents = self._agent_kin(key)
        if len(key) < 5:
            return agents
        same = frozenset(w for w in self.index.by_prefix.get(key[:5], ()) if w != key and _same_root(w, key))
        return same | agents if agents else same

    def _agent_kin(self, key: str) -> frozenset[str]:
        """The verb of an agent noun or the agent noun of a verb, when the base has it and the word
        vectors find the two alike ("rusher": "rush", "win": "winner"; not "show": "shower")."""
        if key.endswith(("er", "or")):
            forms = [key[:-2], key[:-1]] + ([key[:-3]] if len(key) > 4 and key[-3] == key[-4] else [])
        else:
            forms = [key + "er", key + "r", key + "or", key + key[-1:] + "er"]
        idf = self.index.idf
        found = [f for f in forms if len(f) >= 3 and f in idf]
        if not found:
            return frozenset()
        vectors = default_vectors()
        mine = vectors.vec(key)
        if mine is None:
            return frozenset()
        return frozenset(
            f for f in found if (v := vectors.vec(f)) is not None and cosine(mine, v) >= AGENT_COSINE
        )

    def _capital(self, toks: list[str], i: int) -> tuple[str, int] | None:
        """A capital city standing for its country ("Budapest agreed"), when the base has it."""
        if toks[i] not in _CAPITAL_STARTS:
            return None
        for size in (2, 1):
            country = _CAPITALS.get(" ".join(toks[i : i + size]))
            if country:
                eid = self.index.alias_to_entity.get(tuple(tokens(country)))
                if eid:
                    return eid, size
        return None

    def _resolve_roles(self, query: Query, adjacent: list[tuple[str, str]]) -> None:
        """ "the Hungarian leader" -> the person whose title names Hungary and a leader's role."""
        for key, eid in adjacent:
            if key not in _ROLE_STEMS:
                continue
            holders = self._role_holders(eid, _ROLE_STEMS[key])
            if len(holders) != 1 or holders[0] in query.entities:
                continue
            person = holders[0]
            term = next((t for t in query.terms if t.key == key), None)
            if term is None:
                continue
            query.terms.remove(term)
            ekey = ENTITY_PREFIX + person
            query.terms.append(Term(ekey, max(term.weight, self.index.idf.get(ekey, 0.0)), True))
            query.entities.append(person)

    def _role_holders(self, eid: str, role: str) -> list[str]:
        if (eid, role) not in self._roles:
            idx = self.index
            entity = idx.entities.get(eid)
            # "of" and "the" of "Kingdom of the Netherlands" do not make "Secretary of State" Dutch
            names = self._alias_words_of(eid) - STOPWORDS if entity else frozenset()
            wanted = _ROLE_WORDS
            if role not in GENERIC_ROLE_WORDS:
                wanted = next(group for group in SPECIFIC_ROLES if role in group)
            holders = []
            if entity and entity.kind in ("country", "organisation"):
                for p in idx.entities.values():
                    if p.kind != "person" or not p.sentences:
                        continue
                    for text in [p.title, *p.aliases]:
                        words = set(tokens(text))
                        if words & names and words & wanted:
                            holders.append(p.id)
                            break
            self._roles[eid, role] = holders
        return self._roles[eid, role]

    def _pairs(
        self,
        toks: list[str],
        spans: list[tuple[int, int, str]],
        skip: set[int],
        possessive: set[int],
    ) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        """(tied, adjacent): nouns the question ties to an entity ("X's noun", "noun of X"),
        and nouns written right after an entity ("Hungarian leader", "alliance chief")."""
        tied, adjacent = [], []
        for start, end, eid in spans:
            after = end
            if after < len(toks) and after not in skip and toks[after] not in STOPWORDS:
                adjacent.append((stem(toks[after]), eid))
                if end - 1 in possessive:
                    tied.append((stem(toks[after]), eid))
            before = start - 1
            if before >= 1 and toks[before] == "the":
                before -= 1
            if before >= 1 and toks[before] == "of":
                noun = toks[before - 1]
                if noun not in STOPWORDS and before - 1 not in skip:
                    tied.append((stem(noun), eid))
                    adjacent.append((stem(noun), eid))
        return tied, adjacent

    def _correct_uncached(self, token: str, names: bool) -> str | None:
        """The base's word closest to a misspelt *token*, or None when nothing is close enough."""
        choices = self._alias_words if names else self._vocab_words
        if len(token) < (4 if names else 5) or not choices:
            return None
        limit = 1 if len(token) < 8 else 2
        best = process.extractOne(token, choices, scorer=OSA.distance, score_cutoff=limit)
        if best is None:
            return None
        word = best[0]
        if word[0] != token[0] and not names:
            return None
        return word

    # --- scoring ----------------------------------------------------------

    def answer(self, question: str, version: str = "") -> Answer:
        """The best supported answer to *question*, or an abstention; *version* names the base."""
        query = self.analyse(question)
        if not query.answerable:
            return self._abstain(question, query, version)
        kept, total = self._first_pass(query, gated=True)
        # the best is one of *kept*: when each of them is off topic, the answer is an abstention
        # whatever describe would find, so it is not asked (speed: ~1 question in 9)
        for c in kept:  # all(), without a generator: most questions stop at the first
            if not self._off_topic_before_describe(query, c):
                break
        else:
            return self._abstain(question, query, version)
        describe(self.index, query, kept, total)
        if query.spelled_out:  # the sentence spelling it out may rank below the first five
            ranked = self._ranked(kept, limit=len(kept))
            self._spelling_out_first(query.spelled_out, ranked)
        else:
            ranked = self._ranked(kept)
        best = ranked[0]
        if off_topic(best.features):  # abstains whatever its confidence: the calibrator is not asked
            return self._abstain(question, query, version)
        if self.swapped(query, best.sentences[0]):  # the calibrator is not asked either
            return self._abstain(question, query, version)
        runner_up = ranked[1].score if len(ranked) > 1 else None
        # off_topic passed: the calibrator's splits on quantity_miss are taken when compiled (speed)
        confidence = self.model.confidence_on_topic(
            calibration_row(best.score, runner_up, best.features, query.asks)
        )
        if confidence < self.model.threshold:
            return self._abstain(question, query, version)
        unit = best.unit
        quoted = best.sentences
        answering = self.index.answered_question(quoted[-1])
        citations = tuple([self.index.citation(s) for s in quoted + answering])
        fact = FactRef(unit.fact_id, unit.subject, unit.relation, unit.object, unit.origin)
        if unit.relation != "states" and not (query.wanted and unit.answer_type == "description"):
            text = unit.answer  # (a description answers no "how old": the quoted sentence has the age)
        else:  # a sentence that asks is quoted with what answers it
            text = " ".join(c.text for c in citations) if answering else citations[0].text
        return Answer(
            question=question,
            text=text,
            citations=citations,
            confidence=confidence,
            fact=fact,
            version=version,
        )

    def _spelling_out_first(self, acronym: str, ranked: list[Candidate]) -> None:
        """Move to the front the sentence that spells the acronym out, as news does on first use:
        "the Japan Aerospace Exploration Agency (JAXA)"."""
        written = f"({acronym.lower()})"
        for i, c in enumerate(ranked):
            if written in self.index.sentences[c.sentences[0]].text.lower():
                ranked.insert(0, ranked.pop(i))
                return

    def candidates(self, query: Query) -> list[Candidate]:
        """Units that may answer *query*, with their features, most covering first."""
        kept, total = self._first_pass(query)
        if kept:
            describe(self.index, query, kept, total)
        return kept

    def _off_topic_before_describe(self, query: Query, c: Candidate) -> bool:
        """scoring.off_topic of *c*'s features, read before describe: every gate it reads is known
        from the first pass (coverage, p_coverage, unpaired) or the quoted sentence's quantities."""
        wanted = query.wanted
        quantity_miss = bool(wanted) and not wanted & self.index.sentences[c.sentences[0]].quantities
        asked_missing = c.p_coverage <= ASKED_MISSING_BELOW
        return off_topic_by(c.coverage, c.p_coverage, c.unpaired, asked_missing, quantity_miss)

    def _first_pass(self, query: Query, gated: bool = False) -> tuple[list[Candidate], float]:
        """The candidates describe is to read, most covering first, and the question's total weight;
        none when *gated* and no unit reaches the off-topic gate's coverage (answer then abstains)."""
        # lists, not generators: the same sums (speed)
        total = sum([t.weight for t in query.terms]) or 1.0
        p_total = sum([t.weight for t in query.terms if not t.entity and not t.light])
        acc = self._accumulate(query, total)
        if not self._one_article:
            self._drop_articles_lacking_names(query, acc)
        if query.wanted:  # of equally covering units, those holding the quantity asked for go first
            holding = self._units_holding(query.wanted)
            for u in acc.keys() & holding:
                acc[u] += _TIE_BREAK
        if query.spelled_out:  # of equally covering units, the one spelling the acronym out goes first
            written = f"({query.spelled_out.lower()})"
            units, sentences = self.index.units, self.index.sentences
            for u in acc:
                if written in sentences[units[u].sentences[0]].text.lower():
                    acc[u] += 2 * _TIE_BREAK
        # a candidate's coverage is its matched weight, less any loss, over the total: at most the
        # heaviest unit's, so under the gate every one of them is off topic (speed: none is made)
        if gated and (not acc or max(acc.values()) / total < MIN_COVERAGE):
            return [], total
        items: Iterable[tuple[int, float]] = acc.items()
        if len(acc) > 4 * CANDIDATES:  # sorting the bare weights in C first is ~3x faster, same result
            floor = sorted(acc.values(), reverse=True)[CANDIDATES - 1]
            top = [(u, v) for u, v in items if v >= floor]  # one pass over the many
            items = [(u, v) for u, v in top if v > floor]
            # thousands may tie at the floor: the first in the index win, as nlargest would pick them
            tied = heapq.nsmallest(CANDIDATES - len(items), [u for u, v in top if v == floor])
            items += [(u, floor) for u in tied]
        # as nlargest by _by_weight_then_order: two sorts in C instead of a key call per unit; the first
        # by unit alone (each is in one pair: the pairs' order), ints compared rather than pairs (speed)
        by_unit = sorted(items, key=itemgetter(0))
        ranked = self._ties_by_article(query, sorted(by_unit, key=itemgetter(1), reverse=True), total)
        ties = self._ties(query) if query.pairs else []
        spec = self._hit_spec(query)
        # units quoting one sentence share its terms (the same frozenset): their hits are found once
        hits_of: dict[frozenset[str], tuple[dict[int, float], float, Tally]] = {}
        # a sentence's statement and what is derived from it read the same: describe one of them
        seen: set[tuple[int, str]] = set()
        kept = []
        if query.pairs:  # a tied word found far from its name costs coverage: the order may change
            found = _most_covering_first(
                (self._candidate(query, spec, u, m, total, p_total, ties, hits_of) for u, m in ranked),
                [m / total for _, m in ranked],
            )
            for c in found:
                key = (c.sentences[0], _read_as(c.unit))
                if key not in seen:
                    seen.add(key)
                    kept.append(c)
                    if len(kept) == RERANK:
                        break
            return kept, total
        # else they come most covering first already, and only as many are made as are kept; a unit
        # of one sentence shows what it would be read as before it is made (speed: a unit that reads
        # as one kept already is not made)
        reads = self._unit_reads
        hits = self._hits
        no_loss = 0.0 / total  # what _candidate's sums come to with no tie: the same values
        plain_kept: dict[frozenset[str], Candidate] = {}  # a plain unit kept, made inline, by its terms
        entity_only = query.entity_only
        for u, m in ranked:
            unit, kind, one = reads[u]
            twin = None
            if one is None:
                c = self._candidate(query, spec, u, m, total, p_total, ties, hits_of, unit)
            elif (one, kind) in seen:
                continue
            else:  # _candidate of a one-sentence unit with no tie, inline (speed: ~7 a question)
                got = hits_of.get(unit.terms)
                if got is None:
                    got = hits_of[unit.terms] = hits(spec, unit.terms)
                elif plain_kept:
                    twin = plain_kept.get(unit.terms)
                p_coverage = got[1] / p_total if p_total else 1.0
                c = Candidate(unit, m / total, p_coverage, got[0], unit.sentences, no_loss, u, got[2])
                if twin is not None and (
                    twin.sentences[0] != one or twin.coverage != c.coverage or not _plain(unit, entity_only)
                ):
                    twin = None
            key = (c.sentences[0], kind)
            if key not in seen:
                seen.add(key)
                kept.append(c)
                if twin is not None:
                    # the same sentence, hits and values, and no feature of its own: describe and the
                    # ranker give it its twin's vector and score (speed: ~1 a question)
                    c.twin = twin
                elif one is not None and _plain(unit, entity_only):
                    plain_kept.setdefault(unit.terms, c)
                if len(kept) == RERANK:
                    break
        return kept, total

    def _candidate(
        self,
        query: Query,
        spec: _HitSpec,
        u: int,
        matched: float,
        total: float,
        p_total: float,
        ties: list[_Tie],
        hits_of: dict[frozenset[str], tuple[dict[int, float], float, Tally]],
        unit: Unit | None = None,
    ) -> Candidate:
        """Unit *u* as a candidate: what of the question it holds, its sentences best covering first.
        *hits_of* keeps _hits' result per set of terms for the question (read, never changed); *unit*
        is the unit's record when the caller has it."""
        if unit is None:
            unit = self.index.units[u]
        got = hits_of.get(unit.terms)
        if got is None:
            got = hits_of[unit.terms] = self._hits(spec, unit.terms)
        hits, p_matched, tally = got
        loss = self._unpaired_weight(unit, hits, ties) if ties else 0.0
        p_matched -= loss
        order = unit.sentences
        if len(order) > 1:
            order = tuple(sorted(order, key=lambda s: -self._sentence_cover(query, s)))
        p_coverage = p_matched / p_total if p_total else 1.0
        coverage = matched / total
        coverage -= loss / total
        return Candidate(unit, coverage, p_coverage, hits, order, loss / total, u, tally)

    def rank(self, query: Query, limit: int = 5) -> list[Candidate]:
        """Best candidates for *query* by the fitted ranker, best first."""
        return self._ranked(self.candidates(query), limit)

    def _ranked(self, found: list[Candidate], limit: int = 5) -> list[Candidate]:
        """Described candidates by the fitted ranker, one per quoted sentence, best first."""
        # a twin (_first_pass) comes after the candidate it copies and scores as it does (speed)
        scores = iter(self.model.scores([c.features for c in found if c.twin is None]))
        for c in found:
            c.score = next(scores) if c.twin is None else c.twin.score
        # by (-score, position): by position, then stably by score, highest first (speed: no key tuples)
        found.sort(key=_POSITION)
        found.sort(key=_SCORE, reverse=True)
        # one candidate per quoted sentence, so the runner-up is a different answer
        seen: set[int] = set()
        best = []
        for c in found:
            if c.sentences[0] not in seen:
                seen.add(c.sentences[0])
                best.append(c)
        return best[:limit]

    def _accumulate(self, query: Query, total: float) -> dict[int, float]:
        """Matched weight per unit. Heaviest terms first; once the terms left cannot carry a new unit
        to the answering threshold, only units already found are updated (MaxScore pruning)."""
        acc: dict[int, float] = {}
        remaining = total
        weighted = self._weighted  # what _weighted_units made, read in C (speed)
        # heaviest first, equal weights in the question's order: reverse keeps a sort stable (speed: a
        # C key instead of a lambda call per term)
        for term in sorted(query.terms, key=_WEIGHT, reverse=True):
            may_add = remaining >= PRUNE_BELOW * total
            remaining -= term.weight
            w = term.weight
            # _postings_of, its key made once for both caches (speed)
            key = (term.key, frozenset(term.kin), frozenset(term.alternatives), COMMON_POSTINGS)
            got = self._postings.get(key) or self._postings_of(term)
            post, kin_posts, synonym_posts, has_common, kin_only, synonym_only = got
            # each unit at its best factor once: the word's own units, then its kin's, then its synonyms'
            # (speed: the lists merged per word once, not per question)
            groups = [(post, w)]
            if kin_only:
                groups.append((kin_only, KIN_FACTOR * w))
            if synonym_only:
                groups.append((synonym_only, SYNONYM_FACTOR * w))
            if may_add and not has_common:  # the usual case: every list adds its units
                best = weighted.get((*key, w)) or self._weighted_units((*key, w), groups)
                if acc:  # the same sums (best[u] + acc[u]), without changing the kept dict
                    summed = {u: best[u] + acc[u] for u in best.keys() & acc.keys()}
                    acc.update(best)
                    acc.update(summed)
                else:
                    acc.update(best)
            elif may_add:
                lists = [(post, w)]
                lists += [(p, KIN_FACTOR * w) for p in kin_posts]
                lists += [(p, SYNONYM_FACTOR * w) for p in synonym_posts]
                best = {}
                for post, value in reversed(lists):  # best last: its value is the one kept
                    if len(post) <= COMMON_POSTINGS:
                        best.update(dict.fromkeys(post, value))
                # a very common word only ranks the units rarer words found, once they are enough
                common = [(p, v) for p, v in lists if len(p) > COMMON_POSTINGS]
                found = acc.keys() | best.keys() if common and len(acc) + len(best) >= CANDIDATES else None
                for post, value in reversed(common):
                    hits = dict.fromkeys(post if found is None else found.intersection(post), value)
                    for u in hits.keys() & best.keys():
                        hits[u] = max(hits[u], best[u])
                    best.update(hits)
                for u in best.keys() & acc.keys():
                    best[u] += acc[u]
                acc.update(best)
            elif not has_common:  # only units already found gain, each once at its best factor
                best = weighted.get((*key, w)) or self._weighted_units((*key, w), groups)
                for u in acc.keys() & best.keys():
                    acc[u] += best[u]
            else:  # only units already found gain: intersect in C instead of visiting each unit
                for units, value in groups:  # disjoint: each unit gains once, at its best factor
                    for u in acc.keys() & units:
                        acc[u] += value
        return acc

    def _weighted_units(self, key: tuple, groups: list[tuple[Sequence[int], float]]) -> dict[int, float]:
        """Unit -> what a term adds to it: *groups* (its disjoint postings with their values, no list
        common) merged into one dict, kept per word and weight (*key*: _postings_of's and the weight;
        speed: made once, not once a question). Read only: callers copy from it."""
        got = self._weighted.get(key)
        if got is None:
            got = {}
            for units, value in groups:
                got.update(dict.fromkeys(units, value))
            if self._weighted_size + len(got) > WEIGHTED_KEPT:
                self._weighted.clear()  # bounded by units kept, however many words users type
                self._weighted_size = 0
            self._weighted[key] = got
            self._weighted_size += len(got)
        return got

    def _postings_of(self, term: Term) -> _Postings:
        """The postings of *term*'s word, of its kin and of its other synonyms, each in a fixed order;
        whether the word's or a kin's is in more than COMMON_POSTINGS units; and the units of its kin
        but not of the word, and of its synonyms but of neither (with the word's own list, three
        disjoint groups). Kept, as they depend on the base alone (speed: looked up and merged once)."""
        # no copy when frozen already; the cut is in the key, as what is kept depends on it
        key = (term.key, frozenset(term.kin), frozenset(term.alternatives), COMMON_POSTINGS)
        got = self._postings.get(key)
        if got is None:
            get = self.index.postings.get
            post = get(term.key, ())
            kin_posts = [get(a, ()) for a in sorted(term.kin)]
            # a synonym in very many units is too common to stand in for the word (large bases only)
            synonym_posts = [get(a, ()) for a in sorted(term.alternatives - term.kin)]
            synonym_posts = [p for p in synonym_posts if len(p) <= COMMON_POSTINGS]
            seen = set(post)
            kin_only = tuple(sorted({u for p in kin_posts for u in p} - seen))
            seen.update(kin_only)
            synonym_only = tuple(sorted({u for p in synonym_posts for u in p} - seen))
            got = (
                post,
                kin_posts,
                synonym_posts,
                any(len(p) > COMMON_POSTINGS for p in [post, *kin_posts]),
                kin_only,
                synonym_only,
            )
            if len(self._postings) >= RELATED_KEPT:
                self._postings.clear()
            self._postings[key] = got
        return got

    @staticmethod
    def _hits(spec: _HitSpec, terms: frozenset[str]) -> tuple[dict[int, float], float, Tally]:
        """Question term index -> match factor, the matched weight of the question's own words, and
        the tally describe reads (one pass over *spec*, _hit_spec's fields of the terms)."""
        hits = {}
        p_matched = matched = via = entity_hit = unmatched_max = 0.0
        missing_entity = False
        for ti, key, alternatives, kin, own, weight, entity, light in spec:
            if key in terms:  # Term.factor, inlined: this runs ~8 times a question
                f = 1.0
            elif not alternatives.isdisjoint(terms):
                f = KIN_FACTOR if not kin.isdisjoint(terms) else SYNONYM_FACTOR
            else:
                if entity:
                    missing_entity = True
                if not light and weight > unmatched_max:
                    unmatched_max = weight
                continue
            hits[ti] = f
            if own:  # names and light words count as 0.0: left out, the same sum
                p_matched += own * f
            weighted = weight * f
            matched += weighted
            if f < 1.0:
                via += weighted
            if entity:
                entity_hit += weight
        # tuple.__new__: the NamedTuple without its Python-level constructor (speed: ~6 a question)
        return hits, p_matched, _new_tuple(Tally, (matched, via, entity_hit, unmatched_max, missing_entity))

    @staticmethod
    def _hit_spec(query: Query) -> _HitSpec:
        """Each question term's fields as _hits reads them, read once a question rather than once a unit."""
        return [
            (
                ti,
                t.key,
                t.alternatives,
                t.kin,
                0.0 if t.entity or t.light else t.weight,
                t.weight,
                t.entity,
                t.light,
            )
            for ti, t in enumerate(query.terms)
        ]

    def _ties(self, query: Query) -> list[_Tie]:
        """The question's (noun, entity) ties with what measuring them needs, worked out once a question."""
        keys = [t.key for t in query.terms]
        ties = []
        for key, eid in query.pairs:
            if key not in keys or eid not in self.index.entities:
                continue  # nothing to measure: no term for the word, or no record of the entity
            ti = keys.index(key)
            term = query.terms[ti]
            stems = frozenset(term.alternatives | {key})
            ties.append(_Tie(ti, term.weight, eid, self._alias_words_of(eid), stems))
        return ties

    def _unpaired_weight(self, unit: Unit, hits: dict[int, float], ties: list[_Tie]) -> float:
        """Weight lost by question terms matched far from the entity the question ties them to."""
        loss = 0.0
        far_of = self._far
        for tie in ties:
            if tie.term not in hits:
                continue
            # whether the word is far from the name depends on the base alone: kept per (name, word, unit)
            key = (tie.entity, tie.stems, unit.sentences)
            far = far_of.get(key)
            if far is None:
                if len(far_of) >= RELATED_KEPT:
                    far_of.clear()
                far = far_of[key] = self._far_from_name(unit.sentences, tie)
            if far:
                loss += tie.weight * hits[tie.term] * 0.7  # the word is about someone else here
        return loss

    def _far_from_name(self, sentences: tuple[int, ...], tie: _Tie) -> bool:
        """Whether *sentences* hold the tied word only far from the name it is tied to (or never
        mention the entity): then the word is about someone else there."""
        idx = self.index
        best = None
        mentioned = False
        for s in sentences:
            sent = idx.sentences[s]
            if tie.entity not in sent.entities:
                if tie.entity in idx.document_subjects(sent.document) and not self._has_rival(
                    sent.entities, tie.entity
                ):
                    mentioned = True  # what the article is about need not be named ("Governor Wolny"
                    best = 0  # of "the governor of the NBP", in a story on the NBP)
                continue
            mentioned = True
            # word positions of the name and of the tied word, found in C over the cached stems
            at_e = list(compress(count(), map(tie.names.__contains__, sent.words)))
            at_t = list(compress(count(), map(tie.stems.__contains__, idx.stems(s)[0])))
            if not at_e:
                best = 0  # implicit mention: nothing to measure
                break
            if at_t:
                d = min(abs(a - b) for a in at_e for b in at_t)
                if d > PAIR_WINDOW and not self._has_rival(sent.entities, tie.entity):
                    d = 0  # far, but nobody else of its kind is there for the word to be about
                best = d if best is None else min(best, d)
        return not mentioned or (best is not None and best > PAIR_WINDOW)

    def _job_words(self, toks: list[str], spans: list[tuple[int, int, str]]) -> set[int]:
        """Positions of words asking what a named person is ("Oza's job", "the role of Oza"): the title
        the article gives them answers it, not the word."""
        if _JOB_WORDS.isdisjoint(toks) and _EMPLOYER_WORDS.isdisjoint(toks[1:2]):
            return set()  # speed: the usual case
        known = self.index.entities
        out = set()
        people = [(start, end) for start, end, eid in spans if eid in known and known[eid].kind == "person"]
        for start, end in people:
            after = [i for i in range(end, min(end + 2, len(toks))) if toks[i] in _JOB_WORDS]
            before = start - 2 if start >= 2 and toks[start - 1] == "of" else -1
            if after:  # the word before the job word too: "Rutte's current job", "Oza's official title"
                out.update(range(end, after[0] + 1))
            if before >= 0 and toks[before] in _JOB_WORDS:
                out.add(before)
        for start, _ in people:  # "which organization is Biesbroek with": whom they work for
            if (
                start in (2, 3)
                and toks[0] in ("which", "what")
                and toks[1] in _EMPLOYER_WORDS
                and toks[start - 1] in ("is", "was", "are", "were")
                and toks[-1] in ("with", "at", "from")
            ):
                out.add(1)
        if len(people) == 1:  # "what about Ngo-Anh, what is her job": the one person named
            out.update(i for i in range(1, len(toks)) if toks[i] in _JOB_WORDS and toks[i - 1] in _HIS_HER)
        return out

    def _titles_before_people(
        self, toks: list[str], spans: list[tuple[int, int, str]], used: set[int]
    ) -> set[int]:
        """Positions of a title before a named person ("Prime Minister Orban", "Hungarian Prime Minister
        Viktor Orban"): it says who is meant, not what is asked, so a sentence need not repeat it."""
        known = self.index.entities
        out: set[int] = set()
        for start, _, eid in spans:
            if eid not in known or known[eid].kind != "person":
                continue
            i = start - 1
            while i >= 0 and i not in used and toks[i] in _TITLE_TOKENS:
                i -= 1
            if i < start - 1 and i >= 0 and i not in used and toks[i] in _DEMONYMS:
                i -= 1  # "Hungarian" of "Hungarian Prime Minister"
            out.update(range(i + 1, start))
        return out

    def _units_holding(self, kinds: frozenset[str]) -> frozenset[int]:
        """The units whose sentence states a quantity of one of *kinds*, kept per kinds."""
        got = self._holding.get(kinds)
        if got is None:
            postings = self.index.postings
            got = frozenset().union(*(postings.get(QUANTITY_PREFIX + k, ()) for k in kinds))
            self._holding[kinds] = got
        return got

    def _drop_articles_lacking_names(self, query: Query, acc: dict[int, float]) -> None:
        """Leave out of *acc* the units of an article that never names a name, a year or a weekday the
        question does: "how much did GiveWell decline" is not answered by the markets story of the base."""
        # (not a name made of one everyday word, "the program": the word may mean anything there)
        names = [
            t
            for t in query.terms
            if (t.entity and not any(map(is_english_word, t.kin))) or _DATE_WORD.fullmatch(t.key)
        ]
        if not names:
            return
        said = query.name_stems
        asked = tuple((t.key, said.get(t.key)) for t in names)
        keep = self._articles_naming.get(asked)
        if keep is None:
            # an article holds a name under its id there, or in the words the question names it by ("Xi"
            # of one article's "Xi Jinping", another's "Xi Jinping of China")
            keep = tuple(
                doc
                for doc, held in self.index.document_terms.items()
                if all(key in held or (words is not None and words <= held) for key, words in asked)
            )
            if len(self._articles_naming) >= RELATED_KEPT:
                self._articles_naming.clear()  # bounded however many names users type
            self._articles_naming[asked] = keep
        if len(keep) == len(self.index.document_terms):
            return
        if not keep:  # no article names them all: none can answer
            acc.clear()
            return
        units = self._article_units()
        if sum(len(units[doc]) for doc in keep) < len(acc):  # speed: the few units of the articles kept
            kept = {u: acc[u] for doc in keep for u in units[doc] if u in acc}
            acc.clear()
            acc.update(kept)
        else:
            docs = self.index.unit_documents
            kept_docs = frozenset(keep)
            for u in [u for u in acc if docs[u] not in kept_docs]:
                del acc[u]

    def swapped(self, query: Query, sentence: int) -> bool:
        """Whether the best sentence answers another question than the one asked, as SQuAD 2.0's
        unanswerable questions are made: another person, name, time or count, the other role, an
        opposite, a denial, or no name when a name is asked (the rules below); the bot abstains.
        Each rule the question gives nothing to check (gates) does not read the sentence."""
        text = self.index.sentences[sentence].text
        gates = self.gates(query)
        return (
            self.swapped_name(query, sentence)
            or _swapped_date(query.text, text)
            or self.year_elsewhere(query, sentence)
            or _swapped_alternative(query.text, text)
            or _relative_missing(query.text, text)
            or (gates.negated and _negation_added(query.text, text))
            or (bool(gates.counts) and _swapped_count(gates.counts, text))
            or (bool(gates.measured) and _swapped_measure(gates.measured, text))
            or (bool(gates.month_days) and _swapped_day(gates.month_days, text))
            or (bool(gates.opposed) and self.opposite_said(query, sentence))
            or (gates.role is not None and self.role_swapped(query, sentence))
            or self.swapped_modifier(query, sentence)
            or self.swapped_agent(query, sentence)
            or self.another_person_acts(query, sentence)
            or (bool(gates.acts) and self.opposite_act(query, sentence))
            or (bool(gates.person) and self.about_another_person(query, sentence))
            or self.about_another_country(query, sentence)
            or (bool(query.entities) and self.about_another_name(query, sentence))
            or (bool(gates.objects) and self.swapped_object(query, sentence))
            or (len(query.name_spans) > 1 and self.order_swapped(query, sentence))
            or (bool(gates.models) and self.swapped_model(query, sentence))
            or (gates.asks_what and self.denied(query, sentence))
            or (gates.asks_name and self.name_missing(query, sentence))
            or (gates.asks_actor and self.actor_missing(query, sentence))
            or (bool(gates.which) and self.which_unpicked(query, gates.which, sentence))
            or (bool(gates.neighbours) and self.swapped_neighbour(query, gates.neighbours, sentence))
            or (bool(gates.quoted) and self.quote_missing(query, sentence))
        )

    def gates(self, query: Query) -> _QuestionGates:
        """What the rules of swapped read of the question, read when first asked and kept on it."""
        if query.gates is None:
            text = query.text
            toks = query.toks or tokens(text)
            negated = _says_no(toks)
            counted = _DIGIT.search(text) is not None or not CARDINAL_WORDS.isdisjoint(toks)
            opposites = antonyms()
            opposable = [t for t in query.terms if not t.entity and t.key in opposites]
            opposed: tuple = ()
            if opposable and not negated:  # "who isn't able to" asks for the "unable"
                keys = {t.key for t in query.terms}
                stems = list(map(stem, toks))
                opposed = tuple(
                    (t.key, t.alternatives, opposites[t.key], _next_stem(stems, toks, t.key))
                    for t in opposable
                    if opposites[t.key].isdisjoint(keys)
                )
            query.gates = _QuestionGates(
                negated=negated,
                counts=frozenset(_counts(text)) if counted else frozenset(),
                measured=_measured(text) if " of " in text else frozenset(),
                month_days=frozenset(_month_days(text)) if not _MONTH_WORDS.isdisjoint(toks) else frozenset(),
                asks_name="name" in toks and bool(_ASKS_NAME.search(text)),
                asks_actor=toks[:1] == ["who"] and toks[1:2] != [] and toks[1] not in _BEING,
                asks_what=not negated and toks[:1] in _ASKING_WORDS,
                opposed=opposed,
                role=self._asked_role(query, toks),
                quoted=_quoted_phrases(text) if _QUOTE_MARKS.search(text) else (),
                person=self._asked_person(query),
                acts=self._asked_acts(query),
                objects=self._asked_objects(query),
                models=_numbered_names(text) if counted else (),
                which=_which_noun(toks),
                neighbours=self._asked_neighbours(query),
            )
        return query.gates

    def denied(self, query: Query, sentence: int) -> bool:
        """Whether the sentence denies what a question with no negation asks about (a "who", "what",
        "when"... question: a yes-no question is answered by the denial), and does not assert it too ("Who
        pleaded guilty?" of "Noel and Thomas pleaded not guilty";
        "What is the best thing for the brand?" of "that's not the best thing for the brand")."""
        denied = self._denials(sentence)
        if denied and "last" in (query.toks or ()):
            # "When did the Mariners last win a series?" of "have not won a series since 2016": when last
            toks = self._sentence_words(sentence)
            denied = {i: w for i, w in denied.items() if "since" not in toks[i + 1 : i + 7]}
        if not denied:
            return False
        stems = self._stemmed_tokens(sentence)
        keys = {t.key for t in query.terms if not t.entity}
        said = {w for i, w in enumerate(stems) if i not in denied}
        return any(k in keys and k not in said for k in denied.values())

    def _denials(self, sentence: int) -> dict[int, str]:
        """Position -> stem of each word of the sentence that a negation denies ("did not accept")."""
        toks = self._sentence_words(sentence)
        if _DENYING.isdisjoint(toks) and "t" not in toks:
            return {}  # no negation to read (speed: most sentences)
        stems = self._stemmed_tokens(sentence)
        denied: dict[int, str] = {}
        for i, w in enumerate(toks):
            if w in _DENYING or (w == "t" and i and toks[i - 1].endswith("n")):  # "didn't": "didn", "t"
                ahead = range(i + 1, min(i + 5, len(toks)))
                at = next((j for j in ahead if toks[j] not in _NEGATED_GLUE), None)
                if at is not None and _UNTIL.isdisjoint(toks[at + 1 : at + 3]):
                    denied[at] = stems[at]  # (not "will not begin until": it begins then)
        return denied

    def swapped_modifier(self, query: Query, sentence: int) -> bool:
        """Whether the sentence puts another name of the kind of the question's right before the word
        the question's stands before ("the American manufacturer" of "the French manufacturer", of
        countries and organisations), or right after the word it stands after ("observe Enceladus" of
        "observed Europa"; see _may_swap)."""
        s = self.index.sentences[sentence]
        known = self.index.entities
        stems = self.index.sentence_fixed(sentence).stems
        for eid, before, after in query.name_neighbours:
            if eid in s.entities or eid not in known:
                continue
            kind = known[eid].kind
            for other in s.entities:
                if other in query.entities or other not in known or known[other].kind != kind:
                    continue
                if self._demonym(other):
                    continue  # "a North American tour" of "the Lantern Singers tour": where, not which
                theirs = self._name_words(other)
                if theirs & self._name_words(eid):
                    continue  # one under two names
                for i, w in enumerate(stems[:-1]):
                    if after and kind in _MODIFIER_KINDS and w in theirs and stems[i + 1] == after:
                        return True
                    if before and w == before and stems[i + 1] in theirs and self._may_swap(eid):
                        return True
        return False

    def _demonym(self, eid: str) -> bool:
        """Whether the name ends in a people's name ("North American", "South African"): it says where
        something is from, not which one of the question's kind it is."""
        return fold(self.index.entities[eid].name.rsplit(" ", 1)[-1]) in _DEMONYMS

    def _may_swap(self, eid: str) -> bool:
        """Whether swapped_modifier reads names of *eid*'s kind as standing for each other: not places
        (they nest: "Southern California", "California"); people are swapped_name's, which asks more of
        them (two capitalised words are not always a person's name)."""
        return self.index.entities[eid].kind not in ("place", "person")

    def role_swapped(self, query: Query, sentence: int) -> bool:
        """Whether the sentence gives a name of the question the other role in the same act ("Who did
        Battin arrest?" of "Officers arrested Battin"; "Who replaced the Normans?" of "The Normans
        replaced the Anglo-Saxons"): it answers another question."""
        asked = self.gates(query).role
        if asked is None:
            return False
        words, verb, role = asked
        if verb in _SYMMETRIC or verb in _SAYING:
            return False  # "Y married X" answers "who did X marry"; "said X" puts its subject last
        toks = self._stemmed_tokens(sentence)
        if verb not in toks:
            return False
        at_verb = [i for i, w in enumerate(toks) if w == verb]
        at_name = _name_runs(toks, words)
        if len(at_verb) != 1 or not at_name:
            return False
        v = at_verb[0]
        if v and toks[v - 1] in _DETERMINERS:
            return False  # "the port of Ostend": a noun, not the question's verb ("did ostend port reopen")
        if verb in _TITLE_STEMS and v + 1 < len(toks) and self._names_person(sentence, toks[v + 1]):
            return False  # "Gulls coach Renata Solberg": a title, not "who coaches the Gulls"
        # the end of a run before the verb, the start of one after it
        e = min((end if end < v else start for start, end in at_name), key=lambda i: abs(i - v))
        if abs(e - v) > 4:
            return False  # another clause, maybe
        # "was founded by", or a participle after the name with its agent: "the Trust, founded in 1981 by"
        passive = any(w in _BE for w in toks[max(0, v - 2) : v]) or (e < v and "by" in toks[v + 1 : v + 4])
        if e < v:
            if any(w not in STOPWORDS and w not in words for w in toks[e + 1 : v]):
                return False  # another name or noun acts ("In a profile of Rutte, analysts described him")
            said = "object" if passive else "subject"
        else:
            said = "subject" if "by" in toks[v:e] else "object"  # "announced by MOTIE": its agent
        return said != role

    def _names_person(self, sentence: int, word: str) -> bool:
        """Whether the stem *word* is a word of the name of a person the sentence names."""
        known = self.index.entities
        return any(
            e in known and known[e].kind == "person" and word in self._name_words(e)
            for e in self.index.sentences[sentence].entities
        )

    def _asked_role(self, query: Query, toks: list[str]) -> tuple[frozenset[str], str, str] | None:
        """(the name's stems, the verb's stem, the name's role) of a question asking "who did NAME
        VERB", "who VERBed NAME", "who was VERBed by NAME" or "when (where, why) did NAME VERB" (*toks*:
        its tokens); None for any other."""
        if len(toks) < 3 or not query.entities:
            return None
        first, second = toks[0], toks[1]
        if first in ("when", "where", "why") and second in _DID:  # "when did Harold conquer England"
            found = None if _POSSESSIVE.search(query.text) else self._name_at(query, toks, 2)
            if found and found[1] < len(toks):
                if found[1] + 1 == len(toks) and toks[found[1]] in ergative_verbs():
                    return None  # "When did Operation Night Watch begin?" of "the museum began it"
                if found[1] + 1 < len(toks) and not _verbal(toks[found[1]]):
                    return None  # "When did the K2 mission begin?": the name's noun, then its verb
                return found[0], stem(toks[found[1]]), "subject"
            return None
        if first not in ("who", "whom", "what", "which"):
            return None
        if second in _DID:  # "who did Battin arrest": the name acts
            if _POSSESSIVE.search(query.text):
                return None
            found = self._name_at(query, toks, 2)
            if found and found[1] < len(toks):
                return found[0], stem(toks[found[1]]), "subject"
        elif second in _BE and len(toks) > 4 and toks[3] == "by":  # "who was arrested by Battin"
            found = self._name_at(query, toks, 4)
            if found:
                return found[0], stem(toks[2]), "subject"
        elif second not in STOPWORDS:  # "who arrested Battin": the name is acted on
            found = self._name_at(query, toks, 2)
            if found:
                return found[0], stem(second), "object"
        return None

    def _name_at(self, query: Query, toks: list[str], i: int) -> tuple[frozenset[str], int] | None:
        """The stems of the question's name starting at toks[i] (after "the" or a title) and where it
        ends; an initial inside it is part of it ("Christopher D. Battin")."""
        i += toks[i : i + 1] == ["the"]
        if i >= len(toks):
            return None
        for words in [self._name_words(e) for e in query.entities if e in self.index.entities]:
            j = i
            while j < len(toks) and (
                stem(toks[j]) in words
                or (j == i and toks[j] in _TITLE_TOKENS)
                or (len(toks[j]) == 1 and j > i and toks[j + 1 : j + 2] and stem(toks[j + 1]) in words)
            ):
                j += 1
            if j > i and stem(toks[j - 1]) in words:
                return words, j
        return None

    def opposite_said(self, query: Query, sentence: int) -> bool:
        """Whether the sentence says the opposite of a word of the question and not the word ("the
        smallest" of "the largest"), or says it of the thing the question says its word of ("the
        market's low valuations" of "high valuations... low bond yields")."""
        said = self.index.sentence_fixed(sentence).stems
        stems = set(said)
        for key, alternatives, opposite, following in self.gates(query).opposed:
            if opposite.isdisjoint(stems):
                continue
            text = self.index.sentences[sentence].text
            if opposite & stems == {"old"} and not _OLD.search(_AGED.sub("", text)):
                continue  # "a five-month-old male" says an age, not "old" against "young"
            denied = self._denials(sentence)
            if denied and all(
                i in denied for i, w in enumerate(self._stemmed_tokens(sentence)) if w in opposite
            ):
                continue  # the opposite denied is the word: "chose not to accept" for "refuse"
            if key not in stems and alternatives.isdisjoint(stems):
                return True
            # the word is said of something else: "low bond yields", "high valuations" for "low valuations"
            pairs = zip(said, said[1:], strict=False)
            if following and any(a in opposite and b == following for a, b in pairs):
                return True
        return False

    def quote_missing(self, query: Query, sentence: int) -> bool:
        """Whether the question quotes words the sentence does not write ("Who called Epstein's death
        'a crisis of public health'?" of "called his death 'a crisis of public trust'")."""
        words = self._sentence_words(sentence)
        return any(
            not any(words[i : i + len(phrase)] == phrase for i in range(len(words) - len(phrase) + 1))
            for phrase in self.gates(query).quoted
        )

    def name_missing(self, query: Query, sentence: int) -> bool:
        """Whether the question asks for a name and the sentence names nothing but the question's own
        ("What is the patient's name?" of "The patient was given steroids"; gates.asks_name)."""
        known = self.index.entities
        return not any(
            e not in query.entities and e in known and known[e].kind in _NAMED_KINDS
            for e in self.index.sentences[sentence].entities
        )

    def actor_missing(self, query: Query, sentence: int) -> bool:
        """Whether a "who did it" question meets a sentence where no one does it: no name beyond the
        question's, no one speaking, no "he" or "they" ("Who designed the dam?" of "the cabinet approved
        the dam"; "Who repainted the bridge?" of "The bridge has been repainted")."""
        if not self.name_missing(query, sentence):
            return False
        text = self.index.sentences[sentence].text
        if _QUOTE_MARKS.search(text) or _PERSONAL.search(text):
            return False
        # the agent of a passive ("will be used mainly by undergraduates") did it
        words = self._sentence_words(sentence)
        people = person_nouns()
        for i, w in enumerate(words):
            if w == "by" and any(lemma(v) in people for v in words[i + 1 : i + 4]):
                return False
        return True

    def _asked_neighbours(self, query: Query) -> tuple[tuple[str, str, frozenset[str], str], ...]:
        """gates.neighbours: each everyday word right before another word of the question (no glue word
        or comma between), with the stems it matches by (the word's, its synonyms', its forms')."""
        terms = {t.key: t for t in query.terms if not t.entity}
        if len(terms) < 2:
            return ()
        every = tokens(query.text)
        at = [i for i, t in enumerate(every) if t not in STOPWORDS]  # where each content word stands
        toks = [every[i] for i in at]
        # speed: a comma or a dash between two words the tokens alone cannot tell; most questions have none
        gaps = word_gaps(query.text) if _INNER_PAUSE.search(query.text) else None
        whose = _WHICH_ONES.findall(query.text)
        folded = fold(query.text)
        apostrophe = "'" in query.text or "\u2019" in query.text
        owners = {fold(w) for w in _OWNER.findall(query.text)} if apostrophe else set()
        found = []
        for i in range(len(toks) - 1):
            word, a, b = toks[i], at[i], at[i + 1]
            term = terms.get(key := stem(word))
            if term is None or b != a + 1 or word in _NOT_MODIFIERS or word in CARDINAL_WORDS:
                continue
            if (gaps is not None and gaps[i].strip(" -")) or not is_english_word(word):
                continue
            if _verbal(word) or (a and every[a - 1] in ("to", "who")):
                continue  # a verb ("did graham get backlash", "who scored late") names no kind of thing
            if whose and word in [fold(w) for w in whose]:
                continue  # whose it is is asked ("which country's expansion"), not a kind of the thing
            if _after_auxiliary(every, a) and (b + 1 == len(every) or every[b + 1] in STOPWORDS):
                continue  # "did the clinic cost", "did the team use it": a subject and its verb
            if i + 1 == len(toks) - 1 and _verbal(toks[i + 1]):
                continue  # "does the oldest wolf weigh": a subject and the verb ending the question
            if word in owners:
                continue  # "the factory's annual output": whose it is, not a kind of output
            if toks[i + 1] in _WHICH_TIME:
                continue  # "the lighthouse last year": the word after says when, it is no thing
            if f"-{word}" in folded:
                continue  # "long-term empty homes": the end of a compound is no modifier alone
            found.append((word, key, term.alternatives | {key}, stem(toks[i + 1])))
        return tuple(found)

    def swapped_neighbour(
        self, query: Query, asked: tuple[tuple[str, str, frozenset[str], str], ...], sentence: int
    ) -> bool:
        """Whether the sentence puts another everyday word right before the word the question's stands
        before, and lacks the question's ("How long did quiet sleep episodes last?" of "Active sleep
        episodes lasted about 70 seconds"): it is about another kind of the thing."""
        text = self.index.sentences[sentence].text
        stems = self.index.sentence_fixed(sentence).stems
        present = set(stems)
        asked_stems = {t.key for t in query.terms} | {stem(w) for w in query.words}
        words: list[str] = []  # the sentence's content words, gaps and names: read when first needed
        for word, _key, matched, after in asked:
            if after not in present or not matched.isdisjoint(present):
                continue
            if not words:
                words = [t for t in tokens(text) if t not in STOPWORDS]
                gaps = word_gaps(text)
                names = self._sentence_name_words(sentence)
            if len(words) != len(stems):
                return False
            for i in range(1, len(stems)):
                other = stems[i - 1]
                if stems[i] != after or other in asked_stems or other in names:
                    continue  # a name is other rules' ("the Halifax explosion", "Manchester United")
                if gaps[i - 1].strip(" -"):
                    continue  # a glue word or a comma between: not one phrase
                if i > 1 and gaps[i - 2] == "-":
                    continue  # "an out-of-competition sample": the end of a compound is no kind alone
                if word not in _IN_ORDER and (
                    _numeric(words[i - 1]) or (i > 1 and _numeric(words[i - 2]) and gaps[i - 2] == "-")
                ):
                    continue  # "two members", "2.3 million people", "the A615 road", "a 28-hectare site"
                    # name no kind of the thing; "the second engine" of "one of four engines" does
                if not self._alike_words(word, words[i - 1]):
                    return True
        return False

    def _sentence_name_words(self, sentence: int) -> frozenset[str]:
        """The stems of the words naming the sentence's entities."""
        return frozenset().union(*(self._name_words(e) for e in self.index.sentences[sentence].entities))

    def _alike_words(self, word: str, other: str) -> bool:
        """Whether two words may say the same: synonyms, one typed for the other, or near in meaning."""
        if stem(other) in synonyms().get(stem(word), ()) or stem(word) in synonyms().get(stem(other), ()):
            return True
        if OSA.distance(word, other, score_cutoff=1) <= 1:
            return True
        vectors = default_vectors()
        a, b = vectors.vec(word), vectors.vec(other)
        return a is None or b is None or cosine(a, b) >= NEIGHBOUR_ALIKE_COSINE

    def which_unpicked(self, query: Query, noun: str, sentence: int) -> bool:
        """Whether a "which N" question meets a sentence that says of N nothing that picks one out: no
        name or number beyond the question's own, and N only after "a" or "the" ("Which drug would be
        used?" of "a drug would be administered"; "Bank and financial stocks" picks some out)."""
        if not self.name_missing(query, sentence):
            return False
        text = self.index.sentences[sentence].text
        named_kind = not _NAMED_NOUNS.isdisjoint(noun.split())  # a number picks out no company or city
        if not named_kind and _DIGIT.search(text):
            return False
        toks = tokens(text)
        if not named_kind and not CARDINAL_WORDS.isdisjoint(toks):
            return False
        if _NAMING.search(text):
            return False  # 'a childhood game called "duck on a rock"' picks one out by its name
        asked = set(query.toks)
        nouns = noun.split()
        for i, w in enumerate(toks):
            if stem(w) in nouns and i and toks[i - 1] not in _DETERMINERS and toks[i - 1] not in asked:
                return False
        return True

    def swapped_name(self, query: Query, sentence: int) -> bool:
        """Whether the sentence puts another person where the question has its own ("When is Rutte due
        to step down?" of "Stoltenberg is due to step down"): it is about someone else, and the bot
        abstains (SQuAD 2.0's unanswerable questions swap names so)."""
        s = self.index.sentences[sentence]
        known = self.index.entities
        fixed = self.index.sentence_fixed(sentence)
        stems = fixed.stems
        for eid, before, after in query.name_neighbours:
            # people only: places nest ("California", "Southern California")
            if eid in s.entities or eid not in known or known[eid].kind != "person" or not (before or after):
                continue
            mine = self._name_words(eid)
            for other in s.entities:
                if other in query.entities or other not in known or known[other].kind != "person":
                    continue
                theirs = self._name_words(other)
                if theirs & mine:
                    continue  # one person under two names
                start = next((i for i, w in enumerate(stems) if w in theirs), len(stems))
                lead = start
                while lead < len(stems) and stems[lead] in theirs:
                    lead += 1
                # two capitalised words are not always a person's name: one has a title, or the other
                # speaks here ("Graham said she once encountered backlash")
                speaks = stems[lead : lead + 1] == ["say"] or (start and stems[start - 1] == "say")
                if not (known[eid].title or known[other].title or speaks or self._surely_people(eid, other)):
                    continue
                # the other is the first person the sentence names and the question's next word follows
                # ("Stoltenberg is due", "On Tuesday, Orban posted", "Although Stoltenberg had actually
                # accepted", "Graham said she once encountered"), or the other follows the question's word
                # before ("backing Orban")
                if (
                    speaks
                    and after in stems[lead + 1 : lead + 3]
                    and not any(w in self._people_words(s.entities) - theirs for w in stems[:start])
                ):
                    return True
                if (
                    after
                    and after in stems[lead : lead + 2]
                    and not any(w in self._people_words(s.entities) - theirs for w in stems[:start])
                ):
                    return True
                if before and any(
                    stems[i] == before and stems[i + 1] in theirs for i in range(len(stems) - 1)
                ):
                    return True
            if after and self._pronoun_acts(query, sentence, after):
                return True
        return False

    def swapped_agent(self, query: Query, sentence: int) -> bool:
        """Whether another organisation (or other name) acts in the sentence where the question's does,
        right before the question's next word ("How many games in a row has Nashville won?" of "Winnipeg
        has won three in a row"). People are swapped_name's and about_another_person's."""
        s = self.index.sentences[sentence]
        known = self.index.entities
        stems = self.index.sentence_fixed(sentence).stems
        for eid, _before, after in query.name_neighbours:
            if not after or eid in s.entities or eid not in known or known[eid].kind not in _AGENT_KINDS:
                continue
            for other in s.entities:
                if other in query.entities or other not in known or known[other].kind not in _ACTING_KINDS:
                    continue
                if self._demonym(other):
                    continue  # "a North American tour": where, not who
                if self._one_name(eid, other) or self._alike_names(eid, other):
                    continue  # one under two names
                theirs = self._name_words(other)
                for i, w in enumerate(stems[:-1]):
                    # (stems are the content words: "Winnipeg has won" is "winnipeg", "win")
                    # not across a comma or a quotation ("beyond Earth," study lead author)
                    if (
                        w in theirs
                        and stems[i + 1] == after
                        and not s.words[i + 1].endswith("ing")  # "the Grammy winning band": no act
                        and not _PAUSE.search(word_gaps(s.text)[i])
                    ):
                        return True
        return False

    def another_person_acts(self, query: Query, sentence: int) -> bool:
        """Whether another person does the question's act in the sentence, right before its verb, while
        the question's person is there but not doing it ("Whom did Clark choose as co-commander?" of
        "William Clark, ... whom Lewis chose as co-commander")."""
        s = self.index.sentences[sentence]
        known = self.index.entities
        if query.toks and query.toks[-1] == "by":
            return False  # "who was Sawyer put in charge by": the one acting is asked for
        stems: list[str] = []
        for eid, after in self._asked_person_acts(query):
            if eid not in s.entities or after in _SYMMETRIC or after in _SAYING:
                continue  # "Lund met Rask" answers "who did Rask meet"
            if not stems:
                stems = self.index.sentence_fixed(sentence).stems
                gaps = word_gaps(s.text)
            if len(gaps) != len(stems):
                return False
            mine = self._name_words(eid)
            acting = [
                i for i in range(len(stems) - 1) if stems[i + 1] == after and not _PAUSE.search(gaps[i])
            ]
            if not acting or any(stems[i] in mine for i in acting):
                continue
            for other in s.entities:
                if other == eid or other in query.entities or other not in known:
                    continue
                if known[other].kind != "person":
                    continue
                if self._one_name(eid, other) or self._alike_names(eid, other):
                    continue
                theirs = self._name_words(other)
                for i in acting:
                    if stems[i] not in theirs:
                        continue
                    j = i - 1  # "Noel and Thomas pleaded": both act
                    while j >= 0 and stems[j] in theirs:
                        j -= 1
                    if j < 0 or stems[j] not in mine:
                        return True
        return False

    def _asked_person_acts(self, query: Query) -> list[tuple[str, str]]:
        """(person, the stem of the verb right after the name) of each person of the question a verb
        follows ("did Clark choose"; not an adverb: "did Andrew allegedly meet")."""
        known = self.index.entities
        found = []
        for _start, end, eid in query.name_spans:
            if eid not in known or known[eid].kind != "person":
                continue
            word = next((t for t in query.toks[end:] if t not in STOPWORDS), "")
            # not "allegedly", nor "Achterberg's winning time": no act of the name's
            if word and not word.endswith(("ly", "ing")) and _verbal(word):
                found.append((eid, stem(word)))
        return found

    def _asked_person(self, query: Query) -> str:
        """The question's one person when surely a person, unless it asks "who": another person is what
        it asks for then ("Who will replace Stoltenberg?"); "" otherwise."""
        if query.asks in ("who", "whom", "whose"):
            return ""
        known = self.index.entities
        people = [e for e in query.entities if e in known and known[e].kind == "person"]
        return people[0] if len(people) == 1 and self._surely_people(people[0]) else ""

    def _asked_acts(self, query: Query) -> tuple[tuple[str, str, frozenset[str]], ...]:
        """(name, the verb after it, the verb's converses) of each name of the question a verb with
        converses follows ("have Spurs lost": "lose", {"win", ...})."""
        table = converses()
        found = []
        for _start, end, eid in query.name_spans:
            after = _content_stem(query.toks, end, 1)
            if after in table:
                found.append((eid, after, table[after]))
        return tuple(found)

    def _asked_objects(self, query: Query) -> tuple[tuple[str, str], ...]:
        """(name, preposition) of each organisation, country or other name the question puts right after
        a preposition ("for the Wild", "at Kotak Securities")."""
        known = self.index.entities
        toks = query.toks
        found = []
        for a, _b, eid in query.name_spans:
            at = a - 1 - (a >= 2 and toks[a - 1] == "the")
            if at < 0 or toks[at] not in _SWAP_PREPOSITIONS:
                continue
            if eid in known and known[eid].kind in _OBJECT_KINDS:
                found.append((eid, toks[at]))
        return tuple(found)

    def about_another_person(self, query: Query, sentence: int) -> bool:
        """Whether the sentence is about another person than the question's one person, who it neither
        names nor may mean ("How many senior trophies has Pochettino won?" of "Jose is one of the
        world's most accomplished managers having won 25 senior trophies"). Both must surely be people
        (_surely_people); a "he" or "she" may mean the question's, and a "who" question asks for another."""
        person = self.gates(query).person
        if not person:
            return False
        known = self.index.entities
        s = self.index.sentences[sentence]
        if person in s.entities:
            return False
        words = self._sentence_words(sentence)
        if not set(words).isdisjoint(tokens(known[person].name)):
            return False  # a word of their name may be them under another entity
        others = [
            e
            for e in s.entities
            if e not in query.entities and e in known and known[e].kind == "person" and self._surely_people(e)
        ]
        if not others:
            return False
        # "he" may be them, unless another person is named before it ("Pelletier tied it, his 12th goal")
        return not self._may_mean_by_pronoun(sentence, others)

    def about_another_country(self, query: Query, sentence: int) -> bool:
        """Whether the sentence names another country and not the question's ("How many French soldiers
        died of disease?" of "of roughly 21,000 British deaths, about 16,000 were caused by illness")."""
        known = self.index.entities
        mine = [e for e in query.entities if e in known and known[e].kind == "country"]
        if not mine:
            return False
        s = self.index.sentences[sentence]
        others = [
            e for e in s.entities if e not in query.entities and e in known and known[e].kind == "country"
        ]
        if not any(e in s.entities for e in mine):
            return bool(others)
        # the question's country only as the measure of another's: "Chile has about 90 active volcanoes,
        # the second-largest number in the world after Indonesia" does not say Indonesia's number
        if not others:
            return False
        text = s.text
        words = {w for e in mine for w in self._name_words(e)}
        at = [m.start() for m in _COMPARED_NAME.finditer(text) if stem(fold(m.group(1))) in words]
        if not at:  # speed: most sentences measure nothing by the question's country
            return False
        said = [m.start() for m in _CAPITALISED_WORD.finditer(text) if stem(fold(m.group(0))) in words]
        placed = [text.find(known[e].name) for e in others if known[e].name in text]
        return len(at) == len(said) and bool(placed) and min(placed) < min(at)

    def about_another_name(self, query: Query, sentence: int) -> bool:
        """Whether the sentence lacks a name of the question and names another thing of its kind ("How
        many puffins did Solheim count at Hornoya?" of "reached Rost, and Solheim counted 400 puffins
        there"; the story names Hornoya elsewhere). Not when the name is what the article is about or
        was named before in the paragraph ("it", "the lake" may mean those), is a person "he" may mean
        or a "who" question asks around, a capital of the sentence's country, or alike to a name it has.
        A name of no known kind counts only against another of that kind; a people's name or an
        everyday word in lower case is no name here ("Dutch", "running")."""
        known = self.index.entities
        s = self.index.sentences[sentence]
        toks = query.toks
        stems = None
        for a, b, eid in query.name_spans:
            if eid in s.entities or eid not in known or known[eid].kind not in _NAMED_KINDS:
                continue
            if b - a == 1 and (
                toks[a] in _DEMONYMS or is_english_word(toks[a]) and toks[a] not in _capitalised(query.text)
            ):
                continue  # "Dutch" says where from (about_another_country's); "running" is a word here
            kind, mine = known[eid].kind, self._name_words(eid)
            if stems is None:
                stems = set(self.index.sentence_fixed(sentence).stems)
            others = [
                e for e in s.entities if e not in query.entities and e in known and not self._one_name(eid, e)
            ]
            # a word of its name the sentence says, not as a word of another's ("Lake" of "Lake Ngami")
            said = mine - frozenset().union(*(self._name_words(e) for e in others))
            if not said.isdisjoint(stems) or eid in self.index.document_subjects(s.document):
                continue
            if kind == "other" and not any(known[e].kind == kind for e in others):
                continue
            country = _CAPITALS.get(" ".join(tokens(known[eid].name)))
            if country and any(known[e].name == country for e in others):
                continue  # a capital stands for its country ("Will Kyiv be invited?" of "Ukraine")
            if kind == "person" and (query.asks == "who" or self._may_mean_by_pronoun(sentence, others)):
                continue  # another person is what "who" asks for; "he" may be the question's
            if self._named_before_in_paragraph(eid, sentence):
                continue
            # a team's nickname and its town may name one club ("Spurs", "Tottenham"); two countries are two
            if kind == "country" or not any(
                known[e].kind in _NAMED_KINDS and self._alike_names(eid, e) for e in others
            ):
                return True
        return False

    def _may_mean_by_pronoun(self, sentence: int, others: list[str]) -> bool:
        """Whether the sentence has a "he" or "she" with no person of *others* named before it: it may
        mean the question's person (about_another_person, about_another_name)."""
        words = self._sentence_words(sentence)
        first = next((i for i, w in enumerate(words) if w in _THIRD_PERSON), None)
        if first is None:
            return False
        known = self.index.entities
        named = set().union(*(self._name_words(e) for e in others if known[e].kind == "person"))
        return not any(stem(w) in named for w in words[:first])

    def year_elsewhere(self, query: Query, sentence: int) -> bool:
        """Whether the question pins a year the sentence and its paragraph before it lack, which the
        article gives to something else ("How many people needed aid in 2011?" of "has left 2.3 million
        people in need", the article's 2011 another crisis). Not the article's latest year: its present,
        which a sentence seldom repeats."""
        asked = YEAR.findall(query.text)
        if not asked:
            return False
        sentences = self.index.sentences
        s = sentences[sentence]
        i = sentence
        while i >= 0 and sentences[i].document == s.document and sentences[i].paragraph == s.paragraph:
            if any(y in sentences[i].text for y in asked):
                return False
            i -= 1
        written = self.index.document_years(s.document)
        return not written.isdisjoint(asked) and not set(asked) <= {max(written)}

    def _named_before_in_paragraph(self, eid: str, sentence: int) -> bool:
        """Whether an earlier sentence of *sentence*'s paragraph names the entity."""
        s = self.index.sentences[sentence]
        i = sentence - 1
        while i >= 0:
            t = self.index.sentences[i]
            if t.document != s.document or t.paragraph != s.paragraph:
                return False
            if eid in t.entities:
                return True
            i -= 1
        return False

    def opposite_act(self, query: Query, sentence: int) -> bool:
        """Whether the question's name does in the sentence what the question's verb says from the other
        side, and not that ("How many matches have Spurs lost?" of "Spurs have won just five matches")."""
        s = self.index.sentences[sentence]
        stems = None
        for eid, after, others in self.gates(query).acts:
            if eid not in s.entities:
                continue
            if stems is None:
                stems = self.index.sentence_fixed(sentence).stems
                if after in stems:
                    return False  # it says the question's verb too
            mine = self._name_words(eid)
            if any(w in mine and stems[i + 1] in others for i, w in enumerate(stems[:-1])):
                return True
            if not others.isdisjoint(stems) and self._pronoun_does(s.text, others):
                return True  # "did Lewis sell" of "He bought" (he is Lewis: the name is in the sentence)
        return False

    @staticmethod
    def _pronoun_does(text: str, verbs: frozenset[str]) -> bool:
        """Whether a personal pronoun stands right before one of *verbs* ("He bought", "they had sold")."""
        toks = tokens(text)
        for i in range(1, len(toks)):
            if stem(toks[i]) not in verbs:
                continue
            before = toks[i - 1]
            if before in _HELPING and i > 1:
                before = toks[i - 2]
            if before in _SUBJECT_PRONOUNS:
                return True
        return False

    def swapped_object(self, query: Query, sentence: int) -> bool:
        """Whether the sentence has another organisation or country after the preposition the question
        has its own after ("Who stopped 22 shots for the Wild?" of "for the Sabres"; "What is Pandey's
        position at Kotak Securities?" of "Head of Research at ICICI Securities")."""
        s = self.index.sentences[sentence]
        known = self.index.entities
        words = stems = None
        for eid, preposition in self.gates(query).objects:
            if eid in s.entities:
                continue
            for other in s.entities:
                if other in query.entities or other not in known or known[other].kind not in _OBJECT_KINDS:
                    continue
                if self._one_name(eid, other) or self._alike_names(eid, other):
                    continue
                theirs = self._name_words(other)
                if words is None:
                    words, stems = self._sentence_words(sentence), self._stemmed_tokens(sentence)
                for i, w in enumerate(stems):
                    if w in theirs and (i == 0 or stems[i - 1] not in theirs):
                        j = i - 1 - (i >= 2 and words[i - 1] == "the")
                        if j >= 1 and stems[j - 1] in theirs:
                            continue  # "the Ministry of Justice": the name's own "of", not the question's
                        if j >= 0 and words[j] == preposition:
                            return True
        return False

    def swapped_model(self, query: Query, sentence: int) -> bool:
        """Whether the sentence numbers the question's named thing otherwise, and never as the question
        does ("How much do Thunderbolt 2 docks start at?" of "Thunderbolt 3 docks start at $199")."""
        words = self._sentence_words(sentence)
        for word, number in self.gates(query).models:
            after = [words[i + 1] for i in range(len(words) - 1) if words[i] == word]
            if number not in after and any(w.isdigit() for w in after):
                return True
        return False

    def order_swapped(self, query: Query, sentence: int) -> bool:
        """Whether the sentence has two names of the question the other way round about the same words
        ("Who scored to lead Tampa Bay past St. Louis?" of "scored to lead St. Louis past Tampa Bay")."""
        spans = query.name_spans
        if len(spans) < 2:
            return False
        s = self.index.sentences[sentence]
        for (_, end, first), (start, _, second) in zip(spans, spans[1:], strict=False):
            between = tuple(query.toks[end:start])
            if not (0 < len(between) <= 3 and first in s.entities and second in s.entities):
                continue
            swapped = self._joined(sentence, second, between, first)
            if swapped and not self._joined(sentence, first, between, second):
                return True
        return False

    def _joined(self, sentence: int, first: str, between: tuple[str, ...], second: str) -> bool:
        """Whether the sentence names *first*, then the words *between*, then *second*."""
        words, stems = self._sentence_words(sentence), self._stemmed_tokens(sentence)
        mine, theirs = self._name_words(first), self._name_words(second)
        n = len(between)
        return any(
            stems[i - 1] in mine
            and stems[i] not in mine
            and words[i : i + n] == between
            and i + n < len(stems)
            and stems[i + n] in theirs
            for i in range(1, len(stems))
        )

    def _one_name(self, eid: str, other: str) -> bool:
        """Whether two names may name one thing: they share a word of their own, not an English word
        ("ICICI Bank", "ICICI Securities"; not "Kotak Securities", "ICICI Securities"), or one's words
        are all the other's ("Champions League", "UEFA Champions League")."""
        mine, theirs = self._alias_words_of(eid) - STOPWORDS, self._alias_words_of(other) - STOPWORDS
        shared = mine & theirs
        return any(not is_english_word(w) for w in shared) or (bool(shared) and shared in (mine, theirs))

    def _alike_names(self, eid: str, other: str) -> bool:
        """Whether the word vectors find two names nearly alike, as a team's nickname and its town are
        ("Spurs", "Tottenham"; not "Nashville", "Winnipeg")."""
        got = self._alike.get((eid, other))
        if got is None:
            vectors = default_vectors()
            words = [tokens(self.index.entities[e].name) for e in (eid, other)]
            shared = set(words[0]) & set(words[1])  # "Securities" of Kotak and ICICI Securities
            mine, theirs = (vectors.mean([w for w in ws if w not in shared]) for ws in words)
            got = mine is not None and theirs is not None and cosine(mine, theirs) >= ALIKE_NAMES_COSINE
            if len(self._alike) >= RELATED_KEPT:
                self._alike.clear()  # bounded however many names questions bring
            self._alike[(eid, other)] = got
        return got

    def _surely_people(self, *eids: str) -> bool:
        """Whether each is a person's name of two words or more, as entities reads one (a given name
        first, or no English word: "Sergei Bobrovsky", not "Southern California" or "Inland Empire")."""
        for eid in eids:
            sure = self._surely_person.get(eid)
            if sure is None:
                words = tokens(self.index.entities[eid].name)
                sure = self._surely_person[eid] = len(words) >= 2 and may_be_personal(words)
            if not sure:
                return False
        return True

    def _pronoun_acts(self, query: Query, sentence: int, after: str) -> bool:
        """Whether the sentence opens with "he" or "she" for another person, and the question's word after
        its own person follows ("When did Hege post materials?" of "On Tuesday morning, he posted
        materials", he being Sanborn)."""
        s = self.index.sentences[sentence]
        known = self.index.entities
        stems = set(self.index.sentence_fixed(sentence).stems)
        meant = [
            e
            for e in s.entities
            if e in known and known[e].kind == "person" and self._name_words(e).isdisjoint(stems)
        ]
        if len(meant) != 1 or meant[0] in query.entities:
            return False
        if _OPENING_PRONOUN.match(s.text) is None:
            return False  # none, or inside a quotation, where "he" is whoever the speaker means
        toks = tokens(s.text)[:8]
        at = next((i for i, w in enumerate(toks) if w in ("he", "she")), None)
        if at is None:
            return False
        follows = [stem(w) for w in toks[at + 1 : at + 4] if w not in STOPWORDS][:2]
        return after in follows

    def _people_words(self, entities: frozenset[str]) -> frozenset[str]:
        """The name words of the people among *entities*."""
        known = self.index.entities
        people = [e for e in entities if e in known and known[e].kind == "person"]
        return frozenset().union(*map(self._name_words, people))

    def _name_words(self, eid: str) -> frozenset[str]:
        """The stems of the words of an entity's aliases (its name among them), kept per entity."""
        got = self._name_word_sets.get(eid)
        if got is None:
            got = frozenset(stem(w) for w in self._alias_words_of(eid) - STOPWORDS)
            self._name_word_sets[eid] = got
        return got

    def _article_units(self) -> dict[str, list[int]]:
        """Each article's units, made when first needed."""
        if self._units_by_article is None:
            self._units_by_article = {}
            for u, doc in enumerate(self.index.unit_documents):
                self._units_by_article.setdefault(doc, []).append(u)
        return self._units_by_article

    def _ties_by_article(
        self, query: Query, ranked: list[tuple[int, float]], total: float
    ) -> list[tuple[int, float]]:
        """The first CANDIDATES of *ranked* (by weight, then index), units of equal weight among the
        first read in full, or at the cut, ordered by how much of the question their article covers:
        "the guards' bond" is read in the guards' article first, not in the first listed stating bonds."""
        if self._one_article:
            return ranked[:CANDIDATES]
        out: list[tuple[int, float]] = []
        cover: dict[str, float] = {}
        i = 0
        while i < len(ranked) and len(out) < CANDIDATES:
            j = i + 1
            while j < len(ranked) and ranked[j][1] == ranked[i][1]:
                j += 1
            if j - i == 1 or (i >= 2 * RERANK and j <= CANDIDATES):
                out += ranked[i:j]  # alone, or tied where the order changes nothing that is read
            else:
                weight = ranked[i][1]
                tied = self._by_article_cover(query, [u for u, _ in ranked[i:j]], total, cover)
                out += [(u, weight) for u in tied[: CANDIDATES - len(out)]]
            i = j
        return out[:CANDIDATES]

    def _by_article_cover(
        self, query: Query, units: list[int], total: float, cover: dict[str, float]
    ) -> list[int]:
        """*units* (ascending) with those whose article covers more of the question first, in order;
        *cover* keeps each article's coverage for the question."""
        docs = self.index.unit_documents
        terms = self.index.document_terms
        keyed = []
        for u in units:
            doc = docs[u]
            c = cover.get(doc)
            if c is None:
                c = cover[doc] = matched_weight(query, terms[doc]) / total
            keyed.append((-c, u))
        keyed.sort()
        return [u for _, u in keyed]

    def _has_rival(self, entities: frozenset[str], eid: str) -> bool:
        """Whether *entities* hold another of the kind of *eid* (another person, another country)."""
        known = self.index.entities
        kind = known[eid].kind
        return any(e != eid and e in known and known[e].kind == kind for e in entities)

    def _named(self, words: tuple[str, ...], eid: str) -> tuple[Term, list[Term]]:
        """What _entity_terms makes of *words* naming *eid*: the entity's term, and the terms
        _add_alias_words would add for its words. Kept per name, as they depend on the base alone
        (speed: no stem or idf lookup per name a question)."""
        got = self._names.get((words, eid))
        if got is None:
            idx = self.index
            key = ENTITY_PREFIX + eid
            # a name made of one everyday word ("the summit") also matches that word written plainly
            plain = frozenset({stem(words[0])}) if len(words) == 1 and words[0] in idx.vocab else frozenset()
            plain = frozenset(plain & idx.idf.keys())
            probe = Query("", "")
            self._add_alias_words(probe, list(words), eid)
            got = (Term(key, idx.idf.get(key, idx.max_idf), True, plain, kin=plain), probe.terms)
            if len(self._names) >= RELATED_KEPT:
                self._names.clear()  # bounded however many names users type
            self._names[words, eid] = got
        return got

    def _add_alias_words(self, query: Query, words: list[str], eid: str) -> None:
        """An alias that says more than the name ("Teflon Mark" for Mark Rutte) also counts as words."""
        name_stems = self._name_stems.get(eid)
        if name_stems is None:
            name_stems = self._name_stems[eid] = {stem(n) for n in tokens(self.index.entities[eid].name)}
        idf = self.index.idf
        for w in words:
            key = stem(w)
            if key in name_stems or w in STOPWORDS or key not in idf:
                continue  # most alias words are the name's: the cheap tests first
            if key not in [t.key for t in query.terms]:
                query.terms.append(Term(key, idf[key] * 0.5, False, light=True, from_alias=True))

    def _alias_words_of(self, eid: str) -> frozenset[str]:
        words = self._entity_words.get(eid)
        if words is None:
            entity = self.index.entities[eid]
            words = self._entity_words[eid] = frozenset(w for a in entity.aliases for w in tokens(a))
        return words

    def _sentence_cover(self, query: Query, sentence: int) -> float:
        return matched_weight(query, self.index.sentences[sentence].terms)

    def _abstain(self, question: str, query: Query, version: str = "") -> Answer:
        return Answer(
            question=question,
            text=IDK if self._one_article else IDK_MANY,
            abstained=True,
            suggestions=self.suggestions(query),
            version=version,
        )

    def suggestions(self, query: Query | None = None, limit: int = 3) -> tuple[str, ...]:
        """Topics the base covers: those the question named first, then, of several articles, the
        titles of those holding its words, most first (all of them when none does); of one article,
        its most mentioned names."""
        names: list[str] = []
        for eid in query.entities if query else []:
            e = self.index.entities.get(eid)
            if e and e.sentences and e.name not in names:
                names.append(e.name)
        if not self._one_article:
            terms, documents = self.index.document_terms, self.index.documents
            covered = {d: matched_weight(query, terms[d]) if query else 0.0 for d in documents}
            # the articles holding the question's words; of a question none holds, what the base covers
            holding = [d for d in documents if covered[d] > 0.0] or list(documents)
            for d in sorted(holding, key=lambda d: -covered[d]):  # stable: file order among equals
                if len(names) >= limit:
                    break
                title = documents[d].get("title") or d
                if title not in names:
                    names.append(title)
            return tuple(names[:limit])
        for e in self.index.entity_mentions:
            if len(names) >= limit:
                break
            if e.name not in names and len(e.sentences) > 1:
                names.append(e.name)
        return tuple(names[:limit])
