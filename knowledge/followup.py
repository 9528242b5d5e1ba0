"""Follow-up questions: a question with no subject of its own is read in the article the conversation
was last about first, and a bare "he" or "it" as the person or organisation that answer was about."""

from __future__ import annotations

import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, cast

from .index import Index
from .matcher import Matcher
from .model import Answer, Focus
from .question import Query
from .text import STOPWORDS, fold, tokens

VIEWS_KEPT = 8  # one-article matchers kept per base, for the articles conversations are about
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
THING_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})
# the pronouns read as the focus's name, and the kind of name each stands for
REFERS = dict.fromkeys(PERSON_PRONOUNS, "person") | dict.fromkeys(THING_PRONOUNS, "organisation")
_POSSESSIVES = frozenset({"his", "hers", "its", "their"})
_PRONOUN = re.compile(r"\b(?:" + "|".join(sorted(PERSON_PRONOUNS | THING_PRONOUNS)) + r")\b", re.I)
_NEXT_WORD = re.compile(r"\s*([\w'\u2019-]+)")
_KINDS = ("person", "organisation")


def answer(matcher: Matcher, question: str, focus: Focus, version: str = "") -> Answer:
    """The answer to *question* asked right after an answer about *focus*: a follow-up is answered
    from the focus article first (as asked, and with its pronoun read as the focus's name); anything
    else, or a follow-up that article cannot answer, is answered as without a focus."""
    index = matcher.index
    if focus.document not in index.documents:
        return matcher.answer(question, version)  # the article has left the base since
    query = matcher.analyse(question)
    if not is_follow_up(index, query, focus):
        return matcher.answer(question, version)
    view = _view(matcher, focus.document)
    best: Answer | None = None
    for asked in dict.fromkeys([question, resolve_pronouns(question, focus)]):
        got = view.answer(asked, version)
        if not got.abstained and (best is None or got.confidence > best.confidence):
            best = got
    if best is None:
        return matcher.answer(question, version)
    # the asker sees who "he" was taken to be
    return replace(best, question=question, read_as=best.question if best.question != question else "")


def is_follow_up(index: Index, query: Query, focus: Focus) -> bool:
    """Whether *query* carries no subject of its own: it names nothing (person, organisation, place,
    or a name the base does not know) and has no word found in only one article, other than the
    focus one ("trophies" asked after a story on a band is about the football story)."""
    if not query.answerable or query.entities or query.absent_name or query.absent_place:
        return False
    return not _specific_elsewhere(index, query, focus.document)


def resolve_pronouns(question: str, focus: Focus) -> str:
    """*question* with each bare third-person pronoun replaced by the focus's name ("when does he
    start" -> "when does Mark Rutte start"); as it was where the focus has no name of that kind."""

    def name_for(match: re.Match[str]) -> str:
        word = match.group(0).lower()
        name = getattr(focus, REFERS[word])
        if not name:
            return match.group(0)
        if word in _POSSESSIVES or (word == "her" and _content_word_follows(match)):
            return name + "'s"
        return name

    return _PRONOUN.sub(name_for, question)


def focus_of(matcher: Matcher, answer: Answer, previous: Focus | None = None) -> Focus | None:
    """What *answer* was about: its article, and the person and organisation its question named, or
    else its fact's subject; for a "who" question, those its quotes name and it did not, first.
    An answer from the *previous* focus's article to a question naming nobody of a kind keeps the
    previous one of that kind: "he" stays the same man through "what did he say?"."""
    if answer.abstained or not answer.citations:
        return previous
    index = matcher.index
    document = answer.citations[0].document
    if document not in index.documents:
        return None
    query = matcher.analyse(answer.question)
    entities = index.entities
    named = [e for e in query.entities if e in entities]
    subject = index.alias_to_entity.get(tuple(tokens(answer.fact.subject))) if answer.fact else None
    # who the quotes name is what a "who" question asked; of any other, only the fact's subject
    quoted = _quoted_entities(index, answer) if query.asks == "who" else []
    if subject in entities:
        quoted = [subject, *(e for e in quoted if e != subject)]
    same_article = previous is not None and previous.document == document
    picks = {}
    for kind in _KINDS:
        said = [e for e in named if entities[e].kind == kind]
        kept = getattr(previous, kind) if same_article else ""
        if kept and not said and query.asks != "who":
            picks[kind] = kept
            continue
        found = [e for e in quoted if entities[e].kind == kind and e not in said]
        order = found + said if query.asks == "who" else said + found
        picks[kind] = entities[order[0]].name if order else kept
    return Focus(document, picks["person"], picks["organisation"])


def _content_word_follows(match: re.Match[str]) -> bool:
    """Whether a content word comes right after *match*: "her successor" (possessive), not "ask her"."""
    after = _NEXT_WORD.match(match.string, match.end())
    return bool(after) and fold(after.group(1)) not in STOPWORDS


def _specific_elsewhere(index: Index, query: Query, document: str) -> bool:
    """Whether a word of *query* is found in exactly one article, and that not *document*."""
    terms = index.document_terms
    for term in query.terms:
        if term.entity or term.light:
            continue
        holders = [d for d in index.documents if term.key in terms[d]]
        if len(holders) == 1 and holders[0] != document:
            return True
    return False


def _quoted_entities(index: Index, answer: Answer) -> list[str]:
    """The entities the answer's quoted sentences name, quote by quote, each in the order written."""
    wanted = [c.sentence_id for c in answer.citations]
    texts: dict[str, tuple[str, frozenset[str]]] = {}
    for i in index.document_range(answer.citations[0].document):
        record = index.sentences[i]
        if record.id in wanted:
            texts[record.id] = (fold(record.text), record.entities)
    out: list[str] = []
    for sid in wanted:
        text, names = texts.get(sid, ("", frozenset()))
        known = [e for e in names if e in index.entities]
        written = sorted((_position(text, index.entities[e].aliases), e) for e in known)
        out += [e for _, e in written if e not in out]
    return out


def _position(text: str, aliases: Sequence[str]) -> int:
    """Where the first of *aliases* is written in *text* (folded); past the end when none is."""
    found = [text.find(fold(a)) for a in aliases]
    return min((p for p in found if p >= 0), default=len(text))


class _DocumentPostings(Mapping[str, Sequence[int]]):
    """An index's postings cut to the units of one article."""

    def __init__(self, postings: Mapping[str, Sequence[int]], units: frozenset[int]):
        self._postings = postings
        self._units = units

    def __getitem__(self, term: str) -> Sequence[int]:
        return [u for u in self._postings[term] if u in self._units]

    def get(self, term: str, default: Any = None) -> Any:
        row = self._postings.get(term)
        return default if row is None else [u for u in row if u in self._units]

    def __iter__(self) -> Iterator[str]:
        return iter(self._postings)

    def __len__(self) -> int:
        return len(self._postings)


class DocumentIndex:
    """One article of an Index: only its units are found; everything else (words, their rarity,
    entities, sentences) is read from the whole base, so scores mean what they mean there."""

    def __init__(self, index: Index, document: str):
        self._index = index
        units = frozenset(u for u, d in enumerate(index.unit_documents) if d == document)
        self.postings = _DocumentPostings(index.postings, units)
        self.document_terms = {document: index.document_terms[document]}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._index, name)


_views: weakref.WeakKeyDictionary[Matcher, OrderedDict[str, Matcher]] = weakref.WeakKeyDictionary()
_views_lock = threading.Lock()


def _view(matcher: Matcher, document: str) -> Matcher:
    """A matcher finding answers in *document* alone, kept per base (the VIEWS_KEPT last used)."""
    if len(matcher.index.documents) <= 1:
        return matcher
    with _views_lock:
        kept = _views.setdefault(matcher, OrderedDict())
        got = kept.get(document)
        if got is None:
            got = kept[document] = Matcher(
                cast(Index, DocumentIndex(matcher.index, document)), matcher.model, matcher.reranker
            )
            if len(kept) > VIEWS_KEPT:
                kept.popitem(last=False)
        else:
            kept.move_to_end(document)
        return got
