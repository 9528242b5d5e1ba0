"""The in-memory view of a fact base that the matcher and summariser read."""

from __future__ import annotations

import json
import math
import re
from array import array
from collections import defaultdict
from dataclasses import dataclass, field

from .model import Citation
from .text import STOPWORDS, content_terms, stem, tokens
from .wordvectors import default_vectors

_REASON = re.compile(
    r"\b(because|due to|as a result|in part|reason|led to|in return for|so that|after|over|amid|"
    r"in light of|thanks to|since)\b",
    re.I,
)
_EXACT_DATE = re.compile(
    r"\d|january|february|march|april|may|june|july|august|september|october|november|december",
    re.I,
)
ENTITY_PREFIX = "@"


@dataclass
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


@dataclass
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


@dataclass
class EntityRec:
    id: str
    name: str
    kind: str
    title: str
    aliases: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)


class Index:
    """Sentences, units, entities and postings, built once per loaded base."""

    def __init__(self, tables: dict[str, list[dict]]):
        self.documents = {d["slug"]: d for d in tables["documents"]}
        self.entities: dict[str, EntityRec] = {
            e["id"]: EntityRec(e["id"], e["name"], e["kind"], e.get("title") or "")
            for e in tables["entities"]
        }
        self.alias_to_entity: dict[tuple[str, ...], str] = {}
        for a in tables["aliases"]:
            key = tuple(a["alias_fold"].split())
            if self.entities[a["entity_id"]].kind in ("date", "number"):
                continue  # dates and numbers are matched as words
            if key:
                self.alias_to_entity.setdefault(key, a["entity_id"])
            self.entities[a["entity_id"]].aliases.append(a["alias"])
        self.max_alias = max((len(k) for k in self.alias_to_entity), default=1)
        mentions: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for m in tables["mentions"]:
            mentions[m["sentence_id"]].append((m["entity_id"], m["implicit"]))
        self.sentences: list[SentenceRec] = []
        self.sentence_pos: dict[str, int] = {}
        vocab: dict[str, int] = defaultdict(int)
        for row in tables["sentences"]:
            words = [t for t in tokens(row["text"]) if t not in STOPWORDS]
            for w in words:
                vocab[w] += 1
            ents = frozenset(eid for eid, _ in mentions.get(row["id"], ()))
            kinds = frozenset(self.entities[e].kind for e in ents if e in self.entities)
            terms = frozenset(stem(w) for w in words) | {ENTITY_PREFIX + e for e in ents}
            exact = any(
                self.entities[e].kind == "date" and _EXACT_DATE.search(self.entities[e].name)
                for e in ents
                if e in self.entities
            )
            self.sentence_pos[row["id"]] = len(self.sentences)
            self.sentences.append(
                SentenceRec(
                    row["id"],
                    row["document"],
                    row["paragraph"],
                    row["number"],
                    row["ordinal"],
                    row["text"],
                    bool(row["is_caption"]),
                    bool(row["is_headline"]),
                    bool(row["is_quote"]),
                    row.get("speaker"),
                    terms,
                    ents,
                    kinds,
                    len(words),
                    bool(_REASON.search(row["text"])),
                    exact,
                    tuple(words),
                    frozenset(json.loads(row.get("quantities") or "[]")),
                )
            )
            for e in ents:
                if e in self.entities:
                    self.entities[e].sentences.append(len(self.sentences) - 1)
        self.vocab = vocab
        self.stem_of = {w: stem(w) for w in vocab}
        paragraph_terms: dict[tuple[str, int], set[str]] = defaultdict(set)
        self.document_terms: dict[str, set[str]] = defaultdict(set)
        for s in self.sentences:
            paragraph_terms[s.document, s.paragraph] |= s.terms
            self.document_terms[s.document] |= s.terms
        self.paragraph_terms = {k: frozenset(v) for k, v in paragraph_terms.items()}
        self._stems: dict[int, tuple[list[str], str, frozenset[tuple[str, str]]]] = {}
        self._meanings: dict[int, array | None] = {}
        self.average_length = sum(s.length for s in self.sentences) / max(1, len(self.sentences))
        cites: dict[str, list[int]] = defaultdict(list)
        for c in tables["fact_citations"]:
            if c["sentence_id"] in self.sentence_pos:
                cites[c["fact_id"]].append(self.sentence_pos[c["sentence_id"]])
        self.units: list[Unit] = []
        for f in tables["facts"]:
            sents = tuple(cites.get(f["id"], ()))
            if not sents:
                continue
            if f["origin"] == "derived" and f["answer_type"] in ("date", "number"):
                continue  # their sentence's statement unit carries the same words
            ask = tuple(json.loads(f["ask"] or "[]")) if f["origin"] == "hand" else ()
            terms = self.sentences[sents[0]].terms  # shared, not copied: most units are a sentence
            if f["origin"] == "hand":
                terms = set(terms)
                for s in sents:
                    terms |= self.sentences[s].terms
                extra = " ".join([f["subject"], f["relation"], f["object"], f["answer"], *ask])
                terms |= set(content_terms(extra))
                terms |= {ENTITY_PREFIX + e for e in self.find_entities(tokens(extra))}
            self.units.append(
                Unit(
                    f["id"],
                    f["origin"],
                    f["answer_type"],
                    f["subject"],
                    f["relation"],
                    f["object"],
                    f["answer"],
                    sents,
                    frozenset(terms),
                    ask,
                    tuple(" ".join(content_terms(a)) for a in ask),
                )
            )
        self.postings: dict[str, list[int]] = defaultdict(list)
        for i, u in enumerate(self.units):
            for t in u.terms:
                self.postings[t].append(i)
        n = max(1, len(self.sentences))
        sentence_df: dict[str, int] = defaultdict(int)
        for s in self.sentences:
            for t in s.terms:
                sentence_df[t] += 1
        self.n_sentences = n
        self.idf = {t: math.log(1 + n / df) for t, df in sentence_df.items()}
        self.by_prefix: dict[str, list[str]] = defaultdict(list)
        for t in self.idf:
            if len(t) >= 5 and not t.startswith(ENTITY_PREFIX):
                self.by_prefix[t[:5]].append(t)
        self.max_idf = math.log(1 + n)
        self.entity_mentions = sorted(
            (e for e in self.entities.values() if e.kind in ("person", "country", "organisation", "place")),
            key=lambda e: -len(e.sentences),
        )

    def stems(self, sentence: int) -> tuple[list[str], str, frozenset[tuple[str, str]]]:
        """A sentence's content stems in order, joined, and as adjacent pairs (computed once)."""
        got = self._stems.get(sentence)
        if got is None:
            stems = [stem(w) for w in self.sentences[sentence].words]
            got = (stems, " ".join(stems), frozenset(zip(stems, stems[1:], strict=False)))
            self._stems[sentence] = got
        return got

    def meaning(self, words: list[str]) -> array | None:
        """The idf-weighted mean word vector of *words*: what they are about, beyond the words used."""
        vectors = default_vectors()
        max_idf = self.max_idf
        return vectors.mean(words, [self.idf.get(stem(w), max_idf) for w in words])

    def sentence_meaning(self, sentence: int) -> array | None:
        """A sentence's meaning vector, computed once."""
        if sentence not in self._meanings:
            self._meanings[sentence] = self.meaning(list(self.sentences[sentence].words))
        return self._meanings[sentence]

    def find_entities(self, toks: list[str]) -> list[str]:
        """Entity ids named in a token list (longest alias first)."""
        found, i = [], 0
        while i < len(toks):
            for size in range(min(self.max_alias, len(toks) - i), 0, -1):
                eid = self.alias_to_entity.get(tuple(toks[i : i + size]))
                if eid:
                    found.append(eid)
                    i += size
                    break
            else:
                i += 1
        return found

    def citation(self, index: int) -> Citation:
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
