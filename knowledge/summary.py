"""Extractive summaries of the base (or of one topic in it), and what it knows about an entity."""

from __future__ import annotations

from collections import Counter

from rapidfuzz import fuzz, process

from .index import ENTITY_PREFIX, Index, SentenceRec
from .model import EntityInfo, Summary, SummaryPoint
from .text import content_terms, fold, tokens

LENGTHS = {"short": 4, "long": 8}


class Summariser:
    """Summaries and entity look-ups over one Index."""

    def __init__(self, index: Index):
        self.index = index
        self._doc_tf: dict[str, Counter] = {}  # made per document when a summary first needs it
        names = {}
        for e in index.entities.values():
            if e.kind in ("date", "number") or not e.sentences:
                continue
            for alias in [e.name, *e.aliases]:
                names.setdefault(fold(alias), e.id)
        self._names = names
        self._curated = {i for u in index.hand_units for i in index.units[u].sentences}
        self._name_keys = list(names)

    def resolve(self, name: str) -> list[str]:
        """Entity ids a user's topic or name refers to (exact alias, then fuzzy)."""
        key = " ".join(tokens(name))
        if not key:
            return []
        exact = self.index.find_entities(key.split())
        if exact:
            return [e for e in exact if self.index.entities[e].sentences]
        best = process.extractOne(fold(name), self._name_keys, scorer=fuzz.WRatio, score_cutoff=86)
        return [self._names[best[0]]] if best else []

    def _topic_sentences(self, topic: str) -> list[int]:
        ents = self.resolve(topic)
        if ents:  # the sentences naming them, as the entities list them
            return sorted({i for e in ents for i in self.index.entities[e].sentences})
        terms = set(content_terms(topic))
        if not terms:
            return []
        need = max(1, len(terms) // 2 + (len(terms) % 2))
        return [i for i, s in enumerate(self.index.sentences) if len(terms & s.terms) >= need]

    def summary(
        self, length: str = "short", topic: str | None = None, document: str | None = None, points: int = 0
    ) -> Summary:
        """The best sentences (of one *document*, if given): *points* of them, or as *length* says."""
        length = length if length in LENGTHS else "short"
        n = points or LENGTHS[length]
        idx = self.index
        if topic and topic.strip():
            pool = self._topic_sentences(topic)
            if not pool:
                hints = ", ".join(self.suggest_entities(topic)) or ", ".join(
                    e.name for e in idx.entity_mentions[:3]
                )
                return Summary(
                    length,
                    topic,
                    (),
                    f"The article says nothing I can find about {topic}. Topics it covers include: {hints}.",
                )
        else:
            topic = None
            mine = list(range(len(idx.sentences)) if document is None else idx.document_range(document))
            pool = [i for i in mine if not _is_label(idx.sentences[i])]
            pool = pool or mine
        scores = {i: self._score(i) for i in pool}
        chosen: list[int] = []
        for i in sorted(pool, key=lambda i: -scores[i]):
            if len(chosen) >= n:
                break
            terms = idx.sentences[i].terms
            if any(
                len(terms & idx.sentences[j].terms) > 0.7 * min(len(terms), len(idx.sentences[j].terms))
                for j in chosen
            ):
                continue
            chosen.append(i)
        chosen.sort(key=lambda i: (idx.sentences[i].document, idx.sentences[i].ordinal))
        points = tuple(SummaryPoint(idx.sentences[i].text, idx.citation(i)) for i in chosen)
        return Summary(length, topic, points)

    def _score(self, i: int) -> float:
        s = self.index.sentences[i]
        tf = self._doc_tf.get(s.document)
        if tf is None:
            tf = self._doc_tf[s.document] = Counter()
            for j in self.index.document_range(s.document):
                tf.update(self.index.sentences[j].terms)
        weight = sum(tf[t] * self.index.idf.get(t, 0.0) for t in s.terms if tf[t] > 1)
        score = weight / (len(s.terms) + 8)
        if s.ordinal <= 2 and not _is_label(s):
            score *= 1.6  # news puts the point first
        if s.is_quote:
            score *= 0.8
        if _is_label(s):
            score *= 0.5
        if i in self._curated:
            score *= 1.3  # a hand-written fact cites it: someone judged it to matter
        outlet = self.index.documents.get(s.document, {}).get("outlet", "")
        if outlet and outlet in s.text:
            score *= 0.5  # "a spokesperson referred Breaking Defense to ...": about the reporting
        return score

    def entity_names(self, prefix: str = "", limit: int = 25) -> list[str]:
        """Entity names for autocomplete: those matching *prefix*, most mentioned first."""
        key = fold(prefix).strip()
        out = []
        for e in self.index.entity_mentions:
            if not key or any(fold(a).startswith(key) or f" {key}" in fold(a) for a in [e.name, *e.aliases]):
                out.append(e.name)
            if len(out) >= limit:
                break
        if key and not out:
            out = self.suggest_entities(prefix, limit)
        return out

    def suggest_entities(self, name: str, limit: int = 3) -> list[str]:
        found = process.extract(fold(name), self._name_keys, scorer=fuzz.WRatio, limit=limit * 3)
        out: list[str] = []
        for key, score, _ in found:
            ent = self.index.entities[self._names[key]].name
            if score >= 50 and ent not in out:
                out.append(ent)
        return out[:limit]

    def facts_about(self, name: str, limit: int = 8) -> EntityInfo | None:
        """What the base says about *name*, each point cited; None when it is not in the base."""
        ids = self.resolve(name)
        if not ids:
            return None
        e = self.index.entities[ids[0]]
        key = ENTITY_PREFIX + e.id
        points: list[tuple[str, int]] = []
        seen: set[int] = set()
        for u in map(self.index.units.__getitem__, self.index.hand_units):
            if key in u.terms and fold(e.name) in fold(u.subject + " " + u.object):
                if seen.isdisjoint(u.sentences):
                    naming = [s for s in u.sentences if e.id in self.index.sentences[s].entities]
                    points.append((u.answer, (naming or list(u.sentences))[0]))
                seen.update(u.sentences)
        for s in e.sentences:
            if s not in seen:
                points.append((self.index.sentences[s].text, s))
                seen.add(s)
        facts = tuple((text, self.index.citation(s)) for text, s in points[:limit])
        aliases = tuple(sorted({a for a in e.aliases if a != e.name}))
        return EntityInfo(e.id, e.name, e.kind, aliases, len(e.sentences), facts)

    def document_entities(
        self, document: str, kinds: tuple[str, ...] = ("person", "organisation")
    ) -> list[str]:
        """Names of the given kinds that *document* mentions, most mentioned first."""
        mine = set(self.index.document_range(document))
        found = [e for e in self.index.entity_mentions if e.kind in kinds and mine.intersection(e.sentences)]
        return [e.name for e in found]


def _is_label(s: SentenceRec) -> bool:
    """A headline, photo caption or in-body heading: what labels the article, not a point it makes."""
    return s.is_caption or s.is_headline or s.is_heading
