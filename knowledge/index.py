"""The in-memory view of a fact base that the matcher and summariser read.

`index_rows` turns a base's rows into flat columns (knowledge.columns) once, at build time; the
build stores them in the base and opening reads them back (`Index.from_columns`). A sentence's or
a unit's record is made from the columns when first asked for, and a bounded cache keeps it: a
question touches a few dozen of them, not the million a large base holds.
"""

from __future__ import annotations

import json
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import countOf
from typing import Any, TypeVar

from .acronyms import initials
from .columns import Ragged, RaggedBuilder, Strings, StringsBuilder, group
from .model import Citation
from .text import STOPWORDS, content_terms, stem, tokens
from .wordvectors import default_vectors

_REASON = re.compile(
    r"\b(because|due to|as a result|in part|reason|led to|in return for|so that|after|over|amid|"
    r"in light of|thanks to|since)\b",
    re.I,
)
# a name where a place's stands: "buried at Kilmuir", "a cave near Maastricht", "south of Portree" (not
# "in April", "on Monday": a time)
_PLACE_PHRASE = re.compile(
    r"\b(?:in|at|near|outside|(?:north|south|east|west) of)\s+(?:the\s+)?"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
    r"[A-Z][a-z]"
)
_EXACT_DATE = re.compile(
    r"\d|january|february|march|april|may|june|july|august|september|october|november|december",
    re.I,
)
ENTITY_PREFIX = "@"
QUANTITY_PREFIX = "#"  # "#money": the term of a sentence stating a quantity of that kind
CACHE = 50_000  # records kept per kind; past that the cache starts afresh (a question needs ~100)
# Sentence flags, one byte a sentence.
_CAPTION, _HEADLINE, _QUOTE, _REASON_FLAG, _EXACT, _SPEAKER, _HEADING, _PLACED = 1, 2, 4, 8, 16, 32, 64, 128


@dataclass(slots=True)
class Unit:
    """Something a question can match: a sentence's own statement, or a fact citing sentences."""

    fact_id: str
    origin: str  # derived or hand
    answer_type: str
    subject: str
    relation: str
    object: str
    answer: str
    sentences: tuple[int, ...]
    terms: frozenset[str]
    ask: tuple[str, ...] = ()
    ask_terms: tuple[str, ...] = ()


@dataclass(slots=True)
class SentenceRec:
    id: str
    document: str
    paragraph: int
    number: int
    ordinal: int
    text: str
    is_caption: bool
    is_headline: bool
    is_quote: bool
    speaker: str | None
    terms: frozenset[str]
    entities: frozenset[str]
    kinds: frozenset[str]
    length: int
    has_reason: bool
    has_exact_date: bool = False
    words: tuple[str, ...] = ()  # content words in order, for measuring distances
    quantities: frozenset[str] = frozenset()  # kinds of quantity it states: money, age, date, ...
    is_heading: bool = False  # an in-body heading ("Battery life"): a label, read like a headline
    names_a_place: bool = False  # a name stands after "in", "at", "near": a place ("buried at Kilmuir")


YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")  # a year as news writes one: "in 2011", "the 1849 opening"
BM25_K1 = 1.2  # describe's BM25 (features.py): term frequency saturation
BM25_B = 0.75  # and length normalisation
# BM25's length part reads a sentence against this many content words, a news sentence's usual length,
# not against the base's mean: 100,000 short distractor sentences (mean 7.6) lowered the BM25 of every
# sentence of the article (mean -0.27 on the NATO questions' best sentences) and with it the confidence
BM25_AVERAGE_LENGTH = 14.0


@dataclass(frozen=True, slots=True)
class SentenceFixed:
    """A sentence's side of the ranker's features that no question changes (see Index.sentence_fixed)."""

    record: SentenceRec
    stems: list[str]  # content stems in order
    joined: str  # the same joined by spaces
    bigrams: frozenset[tuple[str, str]]  # adjacent pairs of them
    width: int  # len(stems), at least 1
    paragraph: tuple[str, int]  # (document, paragraph number)
    headline: float  # 1.0 for a headline, caption or in-body heading
    quote: float
    length: float  # log1p of the content length
    position: float  # log1p of the ordinal
    place: tuple[float, float, float, float]  # (headline, quote, length, position): describe splices it
    tf_part: float  # BM25's length part of the sentence, (k1 + 1) / (1 + k1 * (1 - b + b * length / avg))
    # its distinct stems sorted and joined: token_set_ratio reads a text as its set of words, so this reads
    # as joined does, with the sorting done once per sentence rather than once per question
    stem_set: str = ""


@dataclass
class EntityRec:
    id: str
    name: str
    kind: str
    title: str
    aliases: list[str] = field(default_factory=list)
    sentences: Sequence[int] = field(default_factory=list)  # positions, ascending


@dataclass
class Rows:
    """The rows an index is made from. The big tables are iterables, each read once, in this order."""

    documents: list[dict]
    entities: list[dict]
    aliases: list[dict]
    mentions: Iterable[dict]
    sentences: Iterable[dict]  # ordered by document, then ordinal
    facts: Iterable[tuple[dict, list[str]]]  # each fact with the ids of the sentences it cites, by rank

    @classmethod
    def of_tables(cls, tables: dict[str, list[dict]]) -> Rows:
        """The rows of *tables* as store.read returns them."""
        cites: dict[str, list[str]] = defaultdict(list)
        for c in tables["fact_citations"]:
            cites[c["fact_id"]].append(c["sentence_id"])
        return cls(
            tables["documents"],
            tables["entities"],
            tables["aliases"],
            tables["mentions"],
            sorted(tables["sentences"], key=lambda s: (s["document"], s["ordinal"])),
            ((f, cites.get(f["id"], [])) for f in tables["facts"]),
        )


@dataclass
class Columns:
    """An index in flat form: small parts in a JSON-able header, big ones as columns."""

    header: dict[str, Any]
    strings: dict[str, Strings]
    ragged: dict[str, Ragged]
    ints: dict[str, Sequence[int]]  # typecode in header["int_codes"]


K = TypeVar("K")
V = TypeVar("V")


_UNREAD = object()  # a cache's "not looked up yet", where None is a value kept


class _Cache(dict[K, V]):
    """A dict that starts afresh past CACHE entries: cheap, and bounded however long the bot runs.

    A dict itself, so that reading (get, in) is a C call: records are read ~100 times a question.
    """

    def __init__(self, limit: int | None = None):
        super().__init__()
        self._limit = limit or CACHE

    def put(self, key: K, value: V) -> V:
        if len(self) >= self._limit:
            self.clear()
        self[key] = value
        return value


class _Made(dict[K, V]):
    """A bounded cache (CACHE entries) that makes what it lacks with *make*: reading what is made
    already is a C-level dict lookup (speed: read a few times a question)."""

    def __init__(self, make: Callable[[K], V]):
        super().__init__()
        self._make = make
        self._limit = CACHE

    def __missing__(self, key: K) -> V:
        got = self._make(key)
        if len(self) >= self._limit:
            self.clear()
        self[key] = got
        return got


# Names an acronym may spell (Matcher._spell_out_acronyms): runs of capitalised words, with the glue
# words a name holds between them ("Department of Justice", "Southern District of New York")
_ACRONYM_GLUE = frozenset({"of", "and", "for", "the"})
_ACRONYM_MAX = 6  # capitalised words an acronym spells at most
_CAPITALISED_RUN = re.compile(
    r"\b[A-Z][\w\u2019'.-]*(?:\s+(?:(?:of|and|for|the)\s+)*[A-Z][\w\u2019'.-]*)+"
)


def spelled_out_names(texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Initials -> the one capitalised name of *texts* they spell, with or without its "of", "and",
    "for" ("sdny" and "sdony": Southern District of New York); initials of several names are left out."""
    found: dict[str, set[tuple[str, ...]]] = {}
    for text in texts:
        _add_spelled_out(text, found)
    return _one_name_each(found)


def _add_spelled_out(text: str, found: dict[str, set[tuple[str, ...]]]) -> None:
    """Add to *found* the initials of each capitalised name in *text*, with the names they spell."""
    for run in _CAPITALISED_RUN.finditer(text):
        words = tokens(run.group(0))
        capital = [i for i, w in enumerate(words) if w not in _ACRONYM_GLUE]
        for a, start in enumerate(capital):
            for end in capital[a + 1 : a + _ACRONYM_MAX]:
                name = tuple(words[start : end + 1])
                for key in set(initials(list(name))):  # with and without "of", "and"...
                    found.setdefault(key.lower(), set()).add(name)


def _one_name_each(found: dict[str, set[tuple[str, ...]]]) -> dict[str, tuple[str, ...]]:
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def index_rows(rows: Rows) -> Columns:
    """Index *rows*: terms, postings, entity and alias maps, per-sentence features, as columns."""
    return _Indexer(rows).run()


class _Indexer:
    """One pass over the sentences, then one over the facts, appending to columns."""

    def __init__(self, rows: Rows):
        self.rows = rows
        self.terms: list[str] = []
        self.term_id: dict[str, int] = {}
        self.df = array("i")

    def tid(self, term: str) -> int:
        got = self.term_id.get(term)
        if got is None:
            got = self.term_id[term] = len(self.terms)
            self.terms.append(term)
            self.df.append(0)
        return got

    def run(self) -> Columns:
        rows = self.rows
        entities = [[e["id"], e["name"], e["kind"], e.get("title") or "", []] for e in rows.entities]
        known = {e[0]: e for e in entities}
        aliases: dict[str, str] = {}
        for a in rows.aliases:
            ent = known.get(a["entity_id"])
            if ent is None or ent[2] in ("date", "number"):
                continue  # dates and numbers are matched as words
            key = " ".join(a["alias_fold"].split())
            if key:
                aliases.setdefault(key, ent[0])
            ent[4].append(a["alias"])
        self.alias_keys = {tuple(k.split()): e for k, e in aliases.items()}
        self.max_alias = max((len(k) for k in self.alias_keys), default=1)
        mentions: dict[str, set[str]] = defaultdict(set)
        for m in rows.mentions:
            mentions[m["sentence_id"]].add(m["entity_id"])
        entity_keys = [e[0] for e in entities]
        entity_at = {eid: k for k, eid in enumerate(entity_keys)}
        exact = {e[0]: e[2] == "date" and bool(_EXACT_DATE.search(e[1])) for e in entities}
        header: dict[str, Any] = {
            "documents": list(rows.documents),
            "entities": entities,
            "alias_pairs": list(aliases.items()),
        }
        strings = {n: StringsBuilder() for n in ("s_id", "s_text", "s_speaker")}
        ragged = {n: RaggedBuilder() for n in ("s_words", "s_terms", "s_entities", "s_quantities")}
        ints = {n: array("i") for n in ("s_doc", "s_paragraph", "s_number", "s_ordinal")}
        flags = array("B")
        words: list[str] = []
        word_id: dict[str, int] = {}
        word_count: list[int] = []
        word_term: list[int] = []
        quantity_id: dict[str, int] = {}
        doc_slugs: list[str] = []
        doc_ends: list[int] = []
        pos: dict[str, int] = {}
        total_length = 0
        df = self.df
        spelled: dict[str, set[tuple[str, ...]]] = {}  # spelled_out_names, as the sentences are read
        for n, row in enumerate(rows.sentences):
            text = row["text"]
            _add_spelled_out(text, spelled)
            if not doc_slugs or doc_slugs[-1] != row["document"]:
                if doc_slugs:
                    doc_ends.append(n)
                doc_slugs.append(row["document"])
            wids = []
            for w in tokens(text):
                if w in STOPWORDS:
                    continue
                wid = word_id.get(w)
                if wid is None:
                    wid = word_id[w] = len(words)
                    words.append(w)
                    word_count.append(0)
                    word_term.append(self.tid(stem(w)))
                word_count[wid] += 1
                wids.append(wid)
            ents = mentions.pop(row["id"], ())
            term_ids = {word_term[w] for w in wids}
            eks = []
            for e in ents:
                term_ids.add(self.tid(ENTITY_PREFIX + e))
                k = entity_at.get(e)
                if k is None:  # mentioned but not in the entities table: a term, never a record
                    k = entity_at[e] = len(entity_keys)
                    entity_keys.append(e)
                eks.append(k)
            # "It holds 4,000 gallons" after "The new tender, built in Leeds...": the tender's words too
            if refers := row.get("refers_to"):
                term_ids.update(self.tid(t) for t in content_terms(refers))
            quantities = json.loads(row.get("quantities") or "[]")
            term_ids.update(self.tid(QUANTITY_PREFIX + q) for q in quantities)  # "#money": it states a sum
            for t in term_ids:
                df[t] += 1
            f = (
                (_CAPTION if row["is_caption"] else 0)
                | (_HEADLINE if row["is_headline"] else 0)
                | (_QUOTE if row["is_quote"] else 0)
                | (_REASON_FLAG if _REASON.search(text) else 0)
                | (_EXACT if any(exact.get(e) for e in ents) else 0)
                | (_SPEAKER if row.get("speaker") is not None else 0)
                | (_HEADING if row.get("is_heading") else 0)
                | (_PLACED if _PLACE_PHRASE.search(text) else 0)
            )
            flags.append(f)
            strings["s_id"].append(row["id"])
            strings["s_text"].append(text)
            strings["s_speaker"].append(row.get("speaker") or "")
            ints["s_doc"].append(len(doc_slugs) - 1)
            ints["s_paragraph"].append(row["paragraph"])
            ints["s_number"].append(row["number"])
            ints["s_ordinal"].append(row["ordinal"])
            ragged["s_quantities"].append(quantity_id.setdefault(q, len(quantity_id)) for q in quantities)
            ragged["s_words"].append(wids)
            ragged["s_terms"].append(sorted(term_ids))
            ragged["s_entities"].append(sorted(eks))
            total_length += len(wids)
            pos[row["id"]] = n
        n_sentences = len(ints["s_doc"])
        if doc_slugs:
            doc_ends.append(n_sentences)
        s_cols = {k: b.done() for k, b in ragged.items()}
        self.s_terms = s_cols["s_terms"]
        units = self._units(pos)
        del pos
        postings = group(
            _UnitTerms(units["u_sentences"], units.pop("_hand_rows"), self.s_terms), len(self.terms)
        )
        header.update(
            doc_slugs=doc_slugs,
            doc_ends=doc_ends,
            entity_keys=entity_keys,
            words=words,
            word_stems=[self.terms[t] for t in word_term],
            terms=self.terms,
            quantity_kinds=list(quantity_id),
            unit_kinds=units.pop("_kinds"),
            hand=units.pop("_hand"),
            n_sentences=n_sentences,
            average_length=total_length / max(1, n_sentences),
            # made here, not when the first acronym is asked (reading every sentence: seconds on a big base)
            spelled_out=list(_one_name_each(spelled).items()),
            int_codes={"s_flags": "B", "u_kind": "B"},
        )
        s_cols["u_sentences"] = units.pop("u_sentences")
        s_cols["postings"] = postings
        s_cols["e_sentences"] = group(s_cols["s_entities"], len(entity_keys))
        all_ints: dict[str, Sequence[int]] = {**ints, "s_flags": flags, "u_kind": units.pop("u_kind")}
        all_ints["df"] = self.df
        all_ints["word_count"] = array("i", word_count)
        return Columns(
            header,
            {**{k: b.done() for k, b in strings.items()}, **units},
            s_cols,
            all_ints,
        )

    def _units(self, pos: dict[str, int]) -> dict[str, Any]:
        """The units: one per fact citing a sentence of the base (derived dates and numbers aside)."""
        names = ("u_fact", "u_subject", "u_relation", "u_object", "u_answer")
        cols = {n: StringsBuilder() for n in names}
        u_sentences = RaggedBuilder()
        u_kind = array("B")
        kinds: dict[tuple[str, str], int] = {}
        hand: list[list] = []
        hand_rows: dict[int, list[int]] = {}
        terms = self.terms
        for f, cited in self.rows.facts:
            sents = [pos[c] for c in cited if c in pos]
            if not sents:
                continue
            if f["origin"] == "derived" and f["answer_type"] in ("date", "number"):
                continue  # their sentence's statement unit carries the same words
            u = len(u_kind)
            if f["origin"] == "hand":
                ask = json.loads(f["ask"] or "[]")
                own = {terms[t] for s in sents for t in self.s_terms.row(s)}
                extra = " ".join([f["subject"], f["relation"], f["object"], f["answer"], *ask])
                own |= set(content_terms(extra))
                own |= {
                    ENTITY_PREFIX + e for e in _find_entities(tokens(extra), self.alias_keys, self.max_alias)
                }
                unit_terms = sorted(own)
                hand_rows[u] = [self.tid(t) for t in unit_terms]
                hand.append([u, unit_terms, ask, [" ".join(content_terms(a)) for a in ask]])
            u_kind.append(kinds.setdefault((f["origin"], f["answer_type"]), len(kinds)))
            for name, col in zip(("id", "subject", "relation", "object", "answer"), names, strict=True):
                cols[col].append(f[name] or "")
            u_sentences.append(sents)
        out: dict[str, Any] = {k: b.done() for k, b in cols.items()}
        out.update(
            u_sentences=u_sentences.done(),
            u_kind=u_kind,
            _kinds=[list(k) for k in kinds],
            _hand=hand,
            _hand_rows=hand_rows,
        )
        return out


class _UnitTerms:
    """Each unit's term ids, in unit order: its own for a hand fact, its first sentence's otherwise."""

    def __init__(self, sentences: Ragged, hand: dict[int, list[int]], s_terms: Ragged):
        self.sentences, self.hand, self.s_terms = sentences, hand, s_terms

    def __iter__(self) -> Iterator[Sequence[int]]:
        hand, row, first = self.hand, self.s_terms.row, self.sentences
        for u in range(len(first)):
            own = hand.get(u)
            yield own if own is not None else row(first.row(u)[0])


def _find_entities(toks: list[str], aliases: Mapping[tuple[str, ...], str], longest: int) -> list[str]:
    """Entity ids named in a token list (longest alias first)."""
    found, i = [], 0
    while i < len(toks):
        for size in range(min(longest, len(toks) - i), 0, -1):
            eid = aliases.get(tuple(toks[i : i + size]))
            if eid:
                found.append(eid)
                i += size
                break
        else:
            i += 1
    return found


class _Records(dict[int, V]):
    """Records in order, each made by *make* when first read and kept (a bounded cache, CACHE of them).

    A dict of the records kept, so that reading one made already is a C-level lookup (speed: records
    are read ~20 times a question); reading another makes it (__missing__). len() and iteration are
    the sequence's, over all records.
    """

    def __init__(self, make: Callable[[int], V], n: int, what: str):
        super().__init__()
        self._make = make
        self._n = n
        self._what = what
        self._limit = CACHE

    def __missing__(self, i: int) -> V:
        if not -self._n <= i < self._n:
            raise IndexError(f"{self._what} index out of range")
        i %= self._n
        got = dict.get(self, i)  # a negative index of a record kept
        if got is None:
            if dict.__len__(self) >= self._limit:
                self.clear()
            got = self[i] = self._make(i)
        return got

    # the sequence's, not the dict's
    __contains__ = Sequence.__contains__  # type: ignore[assignment]
    __reversed__ = Sequence.__reversed__  # type: ignore[assignment]
    index = Sequence.index
    count = Sequence.count
    __eq__ = object.__eq__  # type: ignore[assignment]
    __hash__ = object.__hash__  # type: ignore[assignment]

    def kept(self) -> int:
        """How many records the cache holds now."""
        return dict.__len__(self)

    def __len__(self) -> int:
        return self._n

    def __bool__(self) -> bool:
        return self._n > 0

    def __iter__(self) -> Iterator[V]:  # type: ignore[override]
        make, get = self._make, self.get
        for i in range(self._n):
            yield get(i) or make(i)


class Sentences(_Records[SentenceRec]):
    """The base's sentences in order (by document, then ordinal); each record made when first read."""

    def __init__(self, index: Index, n: int):
        super().__init__(index._sentence, n, "sentence")
        self._index = index

    def fields(self) -> Iterator[tuple[str, str, str, int, int]]:
        """(id, text, document, paragraph, number) of every sentence, without making records."""
        c, slugs = self._index.columns, self._index._doc_slugs
        yield from zip(
            c.strings["s_id"],
            c.strings["s_text"],
            (slugs[d] for d in c.ints["s_doc"]),
            c.ints["s_paragraph"],
            c.ints["s_number"],
            strict=True,
        )


def _units(index: Index) -> _Records[Unit]:
    """The units in order; each record made when first read."""
    return _Records(index._unit, len(index.columns.ints["u_kind"]), "unit")


class Postings(Mapping[str, Sequence[int]]):
    """Term -> positions of the units holding it, ascending (a slice of one column)."""

    def __init__(self, term_id: dict[str, int], rows: Ragged):
        self._term_id = term_id
        self._rows = rows

    def __getitem__(self, term: str) -> Sequence[int]:
        return self._rows.row(self._term_id[term])

    def get(self, term: str, default: Any = None) -> Any:
        t = self._term_id.get(term)
        return default if t is None else self._rows.row(t)

    def __iter__(self) -> Iterator[str]:
        return (t for t, i in self._term_id.items() if len(self._rows.row(i)))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _TermsOf(dict[Any, frozenset[str]]):
    """The terms of a document (by slug) or of a paragraph (by (slug, number)), made when asked for.

    A dict of those made (bounded), so that reading one made already is a C-level lookup (speed: read
    a few times a question); the Mapping's methods read them all, made or not.
    """

    keys = Mapping.keys  # type: ignore[assignment]
    items = Mapping.items  # type: ignore[assignment]
    values = Mapping.values  # type: ignore[assignment]
    get = Mapping.get  # type: ignore[assignment]
    __contains__ = Mapping.__contains__  # type: ignore[assignment]
    __eq__ = object.__eq__  # type: ignore[assignment]
    __hash__ = object.__hash__  # type: ignore[assignment]

    def __init__(self, index: Index, paragraphs: bool):
        super().__init__()
        self._index = index
        self._paragraphs = paragraphs

    def __missing__(self, key: Any) -> frozenset[str]:
        if dict.__len__(self) >= 4096:
            self.clear()
        got = self[key] = self._index._terms_of(key, self._paragraphs)
        return got

    def __iter__(self) -> Iterator[Any]:
        if not self._paragraphs:
            return iter(self._index._doc_slugs)
        return iter(dict.fromkeys((s.document, s.paragraph) for s in self._index.sentences))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Index:
    """Sentences, units, entities and postings of one base."""

    def __init__(self, tables: dict[str, list[dict]]):
        self._attach(index_rows(Rows.of_tables(tables)))

    @classmethod
    def from_rows(cls, rows: Rows) -> Index:
        index = cls.__new__(cls)
        index._attach(index_rows(rows))
        return index

    @classmethod
    def from_columns(cls, columns: Columns) -> Index:
        index = cls.__new__(cls)
        index._attach(columns)
        return index

    def _attach(self, columns: Columns) -> None:
        self.columns = c = columns
        h = c.header
        self.documents = {d["slug"]: d for d in h["documents"]}
        self._doc_slugs: list[str] = h["doc_slugs"]
        self._doc_ends: list[int] = h["doc_ends"]
        self._doc_at = {slug: i for i, slug in enumerate(self._doc_slugs)}
        self._entity_keys: list[str] = h["entity_keys"]
        self._entity_at = {key: k for k, key in enumerate(self._entity_keys)}
        e_sentences = c.ragged["e_sentences"]
        self.entities: dict[str, EntityRec] = {
            eid: EntityRec(eid, name, kind, title, aliases, e_sentences.row(k))
            for k, (eid, name, kind, title, aliases) in enumerate(h["entities"])
        }
        self.alias_to_entity: dict[tuple[str, ...], str] = {tuple(a.split()): e for a, e in h["alias_pairs"]}
        self.max_alias = max((len(k) for k in self.alias_to_entity), default=1)
        self._words: list[str] = h["words"]
        self.vocab = dict(zip(self._words, c.ints["word_count"], strict=True))
        self.stem_of = dict(zip(self._words, h["word_stems"], strict=True))
        self._terms: list[str] = h["terms"]
        self._term_id = term_id = {t: i for i, t in enumerate(self._terms)}
        self._quantity_kinds: list[str] = h["quantity_kinds"]
        self._unit_kinds = [tuple(k) for k in h["unit_kinds"]]
        self._hand = {
            u: (frozenset(terms), tuple(ask), tuple(ask_terms)) for u, terms, ask, ask_terms in h["hand"]
        }
        self.hand_units = sorted(self._hand)
        # a hand-written unit's fact id -> the entities each of its phrasings names (features.py)
        self.phrasing_names: dict[str, tuple[frozenset[str], ...]] = {}
        self.n_sentences = max(1, h["n_sentences"])
        # initials -> the one capitalised name they spell (spelled_out_names; Matcher._spell_out_acronyms)
        self.spelled_out: dict[str, tuple[str, ...]] = {k: tuple(name) for k, name in h["spelled_out"]}
        self.average_length = h["average_length"]
        self.sentences = Sentences(self, h["n_sentences"])
        self.units = _units(self)
        self.postings = Postings(term_id, c.ragged["postings"])
        n = self.n_sentences
        self.idf = {t: math.log(1 + n / df) for t, df in zip(self._terms, c.ints["df"], strict=True) if df}
        self.by_prefix: dict[str, list[str]] = defaultdict(list)
        for t in self.idf:
            if len(t) >= 5 and not t.startswith(ENTITY_PREFIX):
                self.by_prefix[t[:5]].append(t)
        self.max_idf = math.log(1 + n)
        self.entity_mentions = sorted(
            (e for e in self.entities.values() if e.kind in ("person", "country", "organisation", "place")),
            key=lambda e: -len(e.sentences),
        )
        self.document_terms: Mapping[str, frozenset[str]] = _TermsOf(self, paragraphs=False)
        self.paragraph_terms: Mapping[tuple[str, int], frozenset[str]] = _TermsOf(self, paragraphs=True)
        self._stems: _Cache[int, tuple[list[str], str, frozenset[tuple[str, str]]]] = _Cache()
        self._meanings: _Cache[int, array | None] = _Cache()
        # sentence -> sentence_meaning_parts / sentence_fixed, read in C once made (describe reads them)
        self.meaning_parts: _Made[int, tuple[array, float] | None] = _Made(self._sentence_meaning_parts)
        self.fixed: _Made[int, SentenceFixed] = _Made(self._sentence_fixed)
        self._citations: _Cache[int, Citation] = _Cache()
        self._rarity: _Cache[tuple[str, str], float] = _Cache()
        self._subjects: _Cache[str, frozenset[str]] = _Cache()
        self._years: _Cache[str, frozenset[str]] = _Cache()
        self._word_rows: _Cache[str, tuple[int, float] | None] = _Cache()  # see meaning

    # --- records made from the columns ------------------------------------------------------

    def _sentence(self, i: int) -> SentenceRec:
        c = self.columns
        ragged, ints = c.ragged, c.ints
        words, terms, keys = self._words, self._terms, self._entity_keys
        ents = frozenset(keys[e] for e in ragged["s_entities"].row(i))
        flags = ints["s_flags"][i]
        word_row = ragged["s_words"].row(i)
        entities = self.entities
        return SentenceRec(
            c.strings["s_id"][i],
            self._doc_slugs[ints["s_doc"][i]],
            ints["s_paragraph"][i],
            ints["s_number"][i],
            ints["s_ordinal"][i],
            c.strings["s_text"][i],
            bool(flags & _CAPTION),
            bool(flags & _HEADLINE),
            bool(flags & _QUOTE),
            c.strings["s_speaker"][i] if flags & _SPEAKER else None,
            frozenset(terms[t] for t in ragged["s_terms"].row(i)),
            ents,
            frozenset(entities[e].kind for e in ents if e in entities),
            len(word_row),
            bool(flags & _REASON_FLAG),
            bool(flags & _EXACT),
            tuple(words[w] for w in word_row),
            frozenset(self._quantity_kinds[q] for q in ragged["s_quantities"].row(i)),
            bool(flags & _HEADING),
            bool(flags & _PLACED),
        )

    def _unit(self, u: int) -> Unit:
        c = self.columns
        s = c.strings
        origin, answer_type = self._unit_kinds[c.ints["u_kind"][u]]
        sents = tuple(c.ragged["u_sentences"].row(u))
        obj, answer = s["u_object"][u], s["u_answer"][u]
        if origin == "derived" and not (obj and answer):
            # derived facts store no copy of their sentence: it is the quote
            quoted = self.sentences[sents[0]].text
            obj, answer = obj or quoted, answer or quoted
        hand = self._hand.get(u)
        if hand is None:
            terms, ask, ask_terms = self.sentences[sents[0]].terms, (), ()  # shared, not copied
        else:
            terms, ask, ask_terms = hand
        return Unit(
            s["u_fact"][u],
            origin,
            answer_type,
            s["u_subject"][u],
            s["u_relation"][u],
            obj,
            answer,
            sents,
            terms,
            ask,
            ask_terms,
        )

    @cached_property
    def unit_documents(self) -> list[str]:
        """The slug of the document of each unit's first sentence, by unit (read from the columns once)."""
        c, slugs = self.columns, self._doc_slugs
        s_doc, first = c.ints["s_doc"], c.ragged["u_sentences"]
        return [slugs[s_doc[first.row(u)[0]]] for u in range(len(self.units))]

    @cached_property
    def rarity_is_one(self) -> bool:
        """Whether rarity_in is exactly 1.0 for every document and term: one article holds every
        sentence and each term's count among them is its df (then the two idfs are one expression)."""
        if len(self._doc_ends) != 1 or self._doc_ends[0] != self.n_sentences:
            return False
        counts = Counter(self.columns.ragged["s_terms"].span(0, self._doc_ends[0]))
        return all(counts.get(tid, 0) == df for tid, df in enumerate(self.columns.ints["df"]))

    def rarity_in(self, document: str, term: str) -> float:
        """The idf of *term* among *document*'s own sentences over its idf in the whole base: above 1
        for a word the base's other articles make common and this one rarely uses."""
        key = (document, term)
        got = self._rarity.get(key)
        if got is None:
            span = self.document_range(document)
            tid = self._term_id.get(term)
            # each sentence holds a term once, so its count among the article's terms is its df there
            terms = self.columns.ragged["s_terms"].span(span.start, span.stop)
            df = 0 if tid is None else countOf(terms, tid)
            n = len(span)
            local = math.log(1 + n / df) if df else math.log(1 + n)
            got = self._rarity.put(key, local / self.idf.get(term, self.max_idf))
        return got

    def answered_question(self, sentence: int) -> tuple[int, ...]:
        """The sentences after *sentence* in its paragraph (two at most) when it is itself a question
        ("The tagline? 'Meth. We're on it.'"): quoted alone it would not answer anything."""
        s = self.sentences[sentence]
        if not s.text.rstrip("\"'\u201d\u2019 ").endswith("?"):
            return ()
        after = []
        for i in range(sentence + 1, min(sentence + 3, self.n_sentences)):
            t = self.sentences[i]
            if t.document != s.document or t.paragraph != s.paragraph:
                break
            after.append(i)
        return tuple(after)

    def document_range(self, document: str) -> range:
        """Positions of *document*'s sentences (they are consecutive)."""
        d = self._doc_at.get(document)
        if d is None:
            return range(0)
        return range(self._doc_ends[d - 1] if d else 0, self._doc_ends[d])

    def document_years(self, document: str) -> frozenset[str]:
        """The years (1500-2099) *document*'s sentences write, as written ("2011")."""
        got = self._years.get(document)
        if got is None:
            sentences = self.sentences
            found = {y for i in self.document_range(document) for y in YEAR.findall(sentences[i].text)}
            got = self._years.put(document, frozenset(found))
        return got

    def document_subjects(self, document: str) -> frozenset[str]:
        """What *document* is about: the entities its headline (or title) names and the one its sentences
        name most (first named first among equals); "it" or "the lake" may mean them in any sentence."""
        got = self._subjects.get(document)
        if got is None:
            span = self.document_range(document)
            c, keys = self.columns, self._entity_keys
            rows, flags = c.ragged["s_entities"], c.ints["s_flags"]
            counts: Counter[int] = Counter()
            headline: set[int] = set()
            for i in span:
                row = rows.row(i)
                counts.update(row)
                if flags[i] & _HEADLINE:
                    headline.update(row)
            most = counts.most_common(1)
            title = self.documents.get(document, {}).get("title") or ""
            toks = tokens(title)
            for i in range(len(toks)):  # each name, nested ones too ("NATO" of "NATO Secretary General")
                for size in range(1, min(self.max_alias, len(toks) - i) + 1):
                    eid = self.alias_to_entity.get(tuple(toks[i : i + size]))
                    if eid in self._entity_at:
                        headline.add(self._entity_at[eid])
            got = self._subjects.put(document, frozenset(keys[e] for e in headline.union(e for e, _ in most)))
        return got

    def _terms_of(self, key: Any, paragraph: bool) -> frozenset[str]:
        c = self.columns
        if not paragraph:
            span = self.document_range(key)
            ids = set(c.ragged["s_terms"].span(span.start, span.stop))
        else:
            document, number = key
            numbers, rows = c.ints["s_paragraph"], c.ragged["s_terms"]
            ids = set()
            for i in self.document_range(document):
                if numbers[i] == number:
                    ids.update(rows.row(i))
        return frozenset(self._terms[t] for t in ids)

    # --- what the matcher and summariser ask ----------------------------------------------

    def stems(self, sentence: int) -> tuple[list[str], str, frozenset[tuple[str, str]]]:
        """A sentence's content stems in order, joined, and as adjacent pairs (computed once)."""
        got = self._stems.get(sentence)
        if got is None:
            stems = [stem(w) for w in self.sentences[sentence].words]
            got = (stems, " ".join(stems), frozenset(zip(stems, stems[1:], strict=False)))
            self._stems.put(sentence, got)
        return got

    def sentence_fixed(self, sentence: int) -> SentenceFixed:
        """What describe reads of a sentence whatever the question is, computed once (self.fixed)."""
        return self.fixed[sentence]

    def _sentence_fixed(self, sentence: int) -> SentenceFixed:
        s = self.sentences[sentence]
        stems, joined, pairs = self.stems(sentence)
        place = (
            float(s.is_headline or s.is_caption or s.is_heading),
            float(s.is_quote),
            math.log1p(s.length),
            math.log1p(s.ordinal),
        )
        width = max(1, len(stems))
        avg = BM25_AVERAGE_LENGTH
        tf_part = (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + BM25_B * s.length / avg))
        where = (s.document, s.paragraph)
        stem_set = " ".join(sorted(set(stems)))
        return SentenceFixed(s, stems, joined, pairs, width, where, *place, place, tf_part, stem_set)

    def meaning(self, words: list[str]) -> array | None:
        """The idf-weighted mean word vector of *words*: what they are about, beyond the words used.
        The same as WordVectors.mean of the words weighted by idf; each word's row and weight are
        looked up once per base (speed: no stem or idf lookup per word a question)."""
        rows = self._word_rows
        starts: list[int] = []
        coefs: list[float] = []
        for w in words:
            row = rows.get(w, _UNREAD)
            if row is _UNREAD:
                row = rows.put(w, default_vectors().row_of(w, self.idf.get(stem(w), self.max_idf)))
            if row is not None:
                starts.append(row[0])
                coefs.append(row[1])
        return default_vectors().mean_of_rows(starts, coefs)

    def sentence_meaning(self, sentence: int) -> array | None:
        """A sentence's meaning vector, computed once."""
        if sentence not in self._meanings:
            self._meanings.put(sentence, self.meaning(list(self.sentences[sentence].words)))
        return self._meanings.get(sentence)

    def sentence_meaning_parts(self, sentence: int) -> tuple[array, float] | None:
        """A sentence's meaning vector and its norm (what a cosine needs), computed once
        (self.meaning_parts)."""
        return self.meaning_parts[sentence]

    def _sentence_meaning_parts(self, sentence: int) -> tuple[array, float] | None:
        vec = self.sentence_meaning(sentence)
        return None if vec is None else (vec, math.hypot(*vec.tolist()))

    def find_entities(self, toks: list[str]) -> list[str]:
        """Entity ids named in a token list (longest alias first)."""
        return _find_entities(toks, self.alias_to_entity, self.max_alias)

    def citation(self, index: int) -> Citation:
        """Sentence *index* quoted with where it stands (made once: a Citation is frozen)."""
        got = self._citations.get(index)
        if got is None:
            got = self._citations.put(index, self._citation(index))
        return got

    def _citation(self, index: int) -> Citation:
        s = self.sentences[index]
        doc = self.documents.get(s.document, {})
        return Citation(
            sentence_id=s.id,
            document=s.document,
            outlet=doc.get("outlet", s.document),
            title=doc.get("title", ""),
            paragraph=s.paragraph,
            sentence=s.number,
            text=s.text,
            is_caption=s.is_caption,
            is_headline=s.is_headline,
            is_quote=s.is_quote,
        )
