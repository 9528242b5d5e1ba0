"""A question as the matcher reads it: its terms (Term), the Query and the gates tuple the abstention
rules read, and the tokenising, word lists and helpers the reading of its words uses."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .gazetteer import CAPITALS, CITIES, COUNTRIES, ORG_WORDS, PLACE_WORDS, ROLE_WORDS, TITLE_WORDS
from .lexicon import QUESTION_FORMS
from .text import STOPWORDS, fold, stem, tokens

MAX_TOKENS = 60
KIN_FACTOR = 0.9
RELATED_KEPT = 50_000  # words whose synonyms and kin (and their postings) are kept
SYNONYM_FACTOR = 0.75
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
    "md": "managing director",
    "grandkids": "grandchildren",
    "vid": "video",
    "vids": "videos",
    "rn": "now",
    "gonna": "going to",
    "insta": "instagram",
    "cant": "can not",  # the others typed without the apostrophe are glue words already ("didnt")
    "wanna": "want to",
    "gotta": "got to",
    # shorthand testers typed for a word the article spells out (rounds 411-488)
    "avg": "average",
    "hq": "headquarters",
    "gm": "general manager",
    "devs": "developers",
    "comp": "competition",
    "champ": "champion",
    "approx": "approximately",
    "pics": "pictures",
}
_HYPHEN_UNITS_READ = 20  # units _hyphenated_uncached reads for a word the base may hyphenate
# prefixes read as stop words ("we're"), written before a hyphen: "re-inspection" typed "reinspection"
_PREFIXES = frozenset({"re"})
_US = re.compile(r"\bUS\b")
_THE_US = re.compile(r"\b(the) us\b", re.I)
# "no 1" typed for "number 1" after "at" or ending the question ("weeks at no 1", "the british no 1"),
# "cat 2" for "category 2"; not elsewhere: "is no 5 losing money" names one ("Furnace No. 5")
_NUMBER_NO = re.compile(
    r"(?:(?<=\bat )(no)|(?<![\w.])(cat))\.? (?=\d{1,2}\b)|(?<![\w.])(no)\.? (?=\d{1,2}\W*$)"
)
_NUMBERED = {"no": "number ", "cat": "category "}
_CHAT_WORD = re.compile(r"(?<![\w.&'\u2019-])(?:" + "|".join(_CHAT_WORDS) + r")(?![\w.&'\u2019-])")
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
# words chat opens a question with, before its question word or verb ("wait who's", "so what", "and how")
_LEADING_FILLERS = frozenset("wait so and but also right ok okay".split())
_QUESTION_OPENERS = frozenset(
    "what whats who whos where wheres when whens why how hows which whose is was are were do does did "
    "didnt can could will would has have had".split()
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
    asks_who_the: bool  # who someone described is: "who were the two potential buyers", "whos the ceo"
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
    # the words a sentence must say to answer the form of fact it asks: when X was founded, who owns it...
    forms: tuple[re.Pattern[str], ...]
    # ("how many" asked of one place, "Denmark"; the total "how many of the 214" gives): _counts_asked
    totals: tuple[str, str]
    # (the superlatives of the end of a scale it asks for, those of the other end): _superlatives_asked
    superlatives: tuple[frozenset[str], frozenset[str]]
    # (qualifier, its opposites, the stem after it): "over 55", "adults were" (_qualifiers_asked)
    qualifiers: tuple[tuple[str, frozenset[str], str], ...]
    quantities: tuple[tuple[str, float], ...]  # (kind, value) of each measure it gives: "above 10C"
    done: tuple[str, tuple[str, ...]]  # ("did" or "was", the words after) of "when did it open": done_asked


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
    # the words "how many" counts, with their terms ("how many iron plates"); none for "how many went"
    counted: list[tuple[str, Term]] = field(default_factory=list)
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


# titles a question may put before a name (not "Dr", "Mr": a sentence writes those with the name)
# titles as a question writes them before a name: "Prime Minister Orban", "Mr. Battin", "Sen. Sasse"
_TITLE_TOKENS = frozenset(fold(w) for w in TITLE_WORDS) - {"state", "general"}
_DEMONYMS = frozenset(fold(n) for names in COUNTRIES.values() for n in names if " " not in n)
_NAME_KIND_WORDS = frozenset(fold(w) for w in ORG_WORDS | PLACE_WORDS)  # "party", "bank", "street"...


def _content_stem(toks: list[str], at: int, step: int) -> str:
    """The stem of the first content word from *at* on, walking by *step*; "" at the question's end."""
    while 0 <= at < len(toks):
        if toks[at] not in STOPWORDS:
            return stem(toks[at])
        at += step
    return ""


# "what does JAXA stand for", "what is CGRP short for": the acronym, as written
_STANDS_FOR = re.compile(r"\b([A-Za-z][A-Za-z&]{1,9}) (?:stands?|is short|short) for\b")
# the verb of "how long will the strike last": the question's form, as "take" is
_LAST_VERB = frozenset({"last", "lasts", "lasted", "lasting"})
# what "how many" may count whatever words the article uses: "people" are its deaths, voters or fans
_ANY_COUNT = STOPWORDS | frozenset({"people", "persons", "times"})
# two capitals chat writes that name nothing ("OK", "AM" are glue words already): "on TV", "at 5 PM"
_CHAT_CAPITALS = frozenset({"tv", "pm", "id"})


def _capitalised(question: str) -> frozenset[str]:
    """The words written with a capital after the first: names, whether the base knows them or not."""
    return frozenset(fold(w) for w in _CAPITALISED.findall(question, 1))


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
    if "no" in question or "cat" in question:
        # "at no 1": at number one; "a cat 2 call": a category 2 call
        question = _NUMBER_NO.sub(lambda m: _NUMBERED[m.group(m.lastindex or 0)], question)
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
