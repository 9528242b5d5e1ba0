"""Turn a SourceSet into the rows of a fact base: documents, sentences, entities, facts."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from . import acronyms, coref
from .acronyms import TITLE_ACRONYMS
from .entities import Mention, find_mentions, is_title
from .errors import KnowledgeError
from .gazetteer import COMPANY_ENDINGS, COUNTRIES, ORGANISATIONS, TITLE_WORDS, given_name_gender
from .lemmas import lemma
from .lexicon import verbs_and_adverbs
from .limits import MAX_CHUNK_CHARS, MAX_HEADING_CHARS, MAX_SENTENCE_CHARS
from .names import Line, confirm_names
from .quantities import quantity_kinds
from .sources import Article, HandFact, SourceSet
from .text import STOPWORDS, fold, is_english_word, quote_flags, split_sentences, strip_invisible, tokens

_LOWER_WORD = re.compile(r"\b[a-z][a-z']+\b")
_LINE_END = re.compile(r"[.!?:][\"'\u201d\u2019)\]]*$")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")
_ALIAS_PAREN = re.compile(r"\s\((?:formerly |also known as |aka |or )?([^()]{1,40})\)")
_SPEECH = re.compile(r"\b(said|says|added|told|wrote|posted|stated|noted|announced)\b", re.I)
_NAMED_KINDS = ("person", "country", "place", "organisation", "other")
_NOT_IN_PERSONAL_NAMES = frozenset({"of", "for", "and", "the", "&"})
_TITLES = frozenset(fold(w) for w in (*TITLE_WORDS, *TITLE_ACRONYMS))  # "President", "CEO": no first name
_ACRONYM_BEFORE = re.compile(r"([A-Z][A-Z.]*[A-Z]s?\.?)\s*$")
_HEADING_WORDS = 12  # an in-body heading is a line of at most this many words
_BULLETS = ("-", "\u2013", "\u2014", "\u2022", "*")  # a list item or a sign-off ("— Dele, May 2"), no heading


@dataclass
class Derived:
    """All rows of one fact base, ready for the store."""

    documents: list[dict] = field(default_factory=list)
    paragraphs: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    aliases: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    citations: list[dict] = field(default_factory=list)


@dataclass
class _Sentence:
    id: str
    document: str
    paragraph: int
    number: int
    ordinal: int
    text: str
    is_caption: bool
    is_headline: bool
    is_quote: bool
    is_heading: bool = False
    mentions: list[Mention] = field(default_factory=list)
    entity_ids: list[str] = field(default_factory=list)
    implicit: list[str] = field(default_factory=list)
    speaker: str | None = None
    plain: str = ""  # the text without invisible characters: what names and pronouns are read from
    refers_to: str = ""  # what an opening "It" means when no name does: "new tender" ("The new tender...")

    def __post_init__(self) -> None:
        self.plain = strip_invisible(self.text)


def derive(sources: SourceSet) -> Derived:
    """Derive every table of the base from *sources*; raise KnowledgeError on bad hand facts."""
    out = Derived()
    registry = _EntityRegistry()
    for hand in sources.entities:
        registry.add_hand(hand.name, hand.kind, hand.aliases)
    for article in sources.articles:
        if article.outlet:
            registry.add_hand(article.outlet, "organisation", ())
    per_doc: dict[str, list[_Sentence]] = {}
    for article in sources.articles:
        sentences, paragraphs = _split_article(article)
        out.paragraphs.extend(paragraphs)
        per_doc[article.slug] = sentences
        body_paragraphs = {p["number"] for p in paragraphs if p["kind"] == "body"}
        out.documents.append(
            {
                "slug": article.slug,
                "title": article.title,
                "outlet": article.outlet,
                "dateline": article.dateline,
                "subject": article.subject,
                "published": article.published,
                "url": article.url,
                "path": article.path.name,
                "first_line": article.first_line,
                "paragraphs": len(body_paragraphs),
                "sentences": len(sentences),
                "sha256": hashlib.sha256(article.text.encode()).hexdigest(),
            }
        )
    known = registry.known_kinds()
    # Words the base writes in lower case somewhere: capitalised at a sentence's start they are
    # ordinary words ("Collapse a list"), and alone they are not names.
    common = frozenset(fold(w) for w in {w for a in sources.articles for w in _LOWER_WORD.findall(a.text)})
    for article in sources.articles:
        for s in per_doc[article.slug]:
            s.mentions = [
                m for m in find_mentions(s.plain, True, common, known) if not _ordinary_word(m, common)
            ]
    _read_openings_again(per_doc, common, known)
    for article in sources.articles:
        _confirm_names(per_doc[article.slug], known)
        registry.first_word_names |= _named_by_first_word(per_doc[article.slug])
        _described_as_organisations(per_doc[article.slug])
        for s in per_doc[article.slug]:
            registry.learn_aliases(s.plain, s.mentions)
    registry.register_people(m for ss in per_doc.values() for s in ss for m in s.mentions)
    for article in sources.articles:
        _resolve_document(per_doc[article.slug], registry)
    for sentences in per_doc.values():
        for s in sentences:
            out.sentences.append(
                {
                    "id": s.id,
                    "document": s.document,
                    "paragraph": s.paragraph,
                    "number": s.number,
                    "ordinal": s.ordinal,
                    "text": s.text,
                    "is_caption": int(s.is_caption),
                    "is_headline": int(s.is_headline),
                    "is_quote": int(s.is_quote),
                    "is_heading": int(s.is_heading),
                    "speaker": s.speaker,
                    "refers_to": s.refers_to,
                    "quantities": json.dumps(quantity_kinds(s.text)),
                }
            )
            seen = set()
            for eid, surface, implicit in _sentence_entities(s):
                if (eid, implicit) in seen:
                    continue
                seen.add((eid, implicit))
                out.mentions.append(
                    {
                        "sentence_id": s.id,
                        "entity_id": eid,
                        "surface": surface,
                        "implicit": int(implicit),
                    }
                )
            _derived_facts(s, registry, out)
    _hand_facts(sources.facts, per_doc, out)
    out.entities, out.aliases = registry.rows()
    return out


def sentence_id(document: str, text: str, taken: dict[str, int]) -> str:
    """A stable id: the document and a hash of the sentence's words, so edits elsewhere keep it.

    *taken* counts each id given so far: a repeated sentence gets the next "-N" in one step.
    """
    digest = hashlib.sha1(" ".join(tokens(text)).encode()).hexdigest()[:10]
    sid = f"{document}:{digest}"
    n = taken[sid] = taken.get(sid, 0) + 1
    return sid if n == 1 else f"{sid}-{n}"


def _split_article(article: Article) -> tuple[list[_Sentence], list[dict]]:
    text = article.text.replace("\r\n", "\n").replace("\r", "\n").strip()
    blocks = [b.strip() for b in _PARAGRAPH_BREAK.split(text) if b.strip()]
    first_line = article.first_line
    if len(text.split("\n", 1)[0]) > MAX_HEADING_CHARS:
        first_line = "body"  # too long for a headline or caption: a one-line file is all body
    if first_line != "body" and blocks and "\n" in blocks[0]:
        first, rest = blocks[0].split("\n", 1)
        blocks[0:1] = [first.strip(), rest.strip()]
    blocks = [para for block in blocks for para in _line_paragraphs(block)]
    headings = _headings(blocks, 1 if first_line != "body" else 0)
    sentences: list[_Sentence] = []
    paragraphs: list[dict] = []
    taken: dict[str, int] = {}
    ordinal = 0
    for index, block in enumerate(blocks):
        if first_line != "body":
            number = index
            kind = first_line if index == 0 else "body"
        else:
            number = index + 1
            kind = "body"
        if index in headings:
            kind = "heading"
        block = re.sub(r"[ \t]*\n[ \t]*", " ", block)
        paragraphs.append(
            {
                "id": f"{article.slug}:p{number}",
                "document": article.slug,
                "number": number,
                "kind": kind,
                "text": block,
            }
        )
        spans = [(0, len(block))] if kind not in ("body", "heading") else _bounded_sentences(block)
        flags = quote_flags(block, spans)
        for n, ((start, end), is_quote) in enumerate(zip(spans, flags, strict=True), 1):
            sentence = block[start:end].strip()
            if not any(ch.isalnum() for ch in sentence):
                continue
            ordinal += 1
            sentences.append(
                _Sentence(
                    id=sentence_id(article.slug, sentence, taken),
                    document=article.slug,
                    paragraph=number,
                    number=n,
                    ordinal=ordinal,
                    text=sentence,
                    is_caption=kind == "caption",
                    is_headline=kind == "headline",
                    is_quote=is_quote and kind == "body",
                    is_heading=kind == "heading",
                )
            )
    if not sentences:
        raise KnowledgeError("the article has no sentences", article.path)
    return sentences, paragraphs


def _bounded_sentences(block: str) -> list[tuple[int, int]]:
    """split_sentences over chunks of at most MAX_CHUNK_CHARS, each sentence at most
    MAX_SENTENCE_CHARS: the work and the rows stay linear in the paragraph's length."""
    spans: list[tuple[int, int]] = []
    for lo, hi in _pieces(block, 0, len(block), MAX_CHUNK_CHARS, ". "):
        for start, end in split_sentences(block[lo:hi]):
            spans.extend(_pieces(block, lo + start, lo + end, MAX_SENTENCE_CHARS, " "))
    return spans


def _pieces(text: str, start: int, end: int, limit: int, cut: str) -> list[tuple[int, int]]:
    """(start, end) spans of at most *limit* characters covering text[start:end], each ending
    after the last *cut* in its window where there is one."""
    out = []
    while end - start > limit:
        at = text.rfind(cut, start + limit // 2, start + limit)
        stop = at + len(cut) if at >= 0 else start + limit
        out.append((start, stop))
        start = stop
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end))
    return out


def _confirm_names(sentences: list[_Sentence], known: dict[str, str]) -> None:
    """Drop the capitalised phrases the article does not confirm as names (see names.confirm_names)."""
    confirm_names([Line(s.plain, s.is_headline, s.mentions) for s in sentences], known)


def _read_openings_again(
    per_doc: dict[str, list[_Sentence]], common: frozenset[str], known: dict[str, str]
) -> None:
    """Read again a sentence opening with a name of several words that the base writes inside a
    sentence too, its first word an ordinary one: "Evidence Action Beta's parent organization" had
    been read as "Action Beta", the opening "Evidence" taken for the everyday word."""
    inside: dict[str, dict[str, str]] = defaultdict(dict)  # first folded word -> folded name -> kind
    for sentences in per_doc.values():
        for s in sentences:
            for m in s.mentions:
                if m.start > 0 and " " in m.surface and m.kind in _NAMED_KINDS:
                    inside[fold(m.surface.split()[0])][fold(m.surface)] = m.kind
    for sentences in per_doc.values():
        for s in sentences:
            first = s.plain.split(" ", 1)[0]
            names = inside.get(fold(first))
            if not names or not first[:1].isupper() or any(m.start == 0 for m in s.mentions):
                continue  # (a name read from the start already)
            opening = fold(s.plain)
            if any(opening.startswith(n) and not opening[len(n) : len(n) + 1].isalnum() for n in names):
                s.mentions = [
                    m
                    for m in find_mentions(s.plain, False, common, known | names)
                    if not _ordinary_word(m, common)
                ]


_ROMAN = re.compile(r"[IVXLC]+")


def _alone(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b")


def _named_by_first_word(sentences: list[_Sentence]) -> set[str]:
    """Two capitalised words read as a person's name that the article later writes by the first alone,
    never by the last, which is an everyday word, ends in one or is an acronym: a thing's name
    ("Corran Coachworks", then "Corran"), as the news names no one ("Kira Vale", then "Vale"). Their
    mentions are made organisations; the names are returned, so that the first word becomes an alias."""
    names = {
        m.surface
        for s in sentences
        for m in s.mentions
        if m.kind == "person" and not m.title and len(two := m.surface.split()) == 2 and _thing_ending(two[1])
    }
    if not names:
        return set()
    text = " ".join(s.plain for s in sentences)
    found = set()
    for name in names:
        first, last = name.split()
        rest = text.replace(name, " ")
        if _alone(first).search(rest) and not _alone(last).search(rest):
            found.add(name)
    _make_organisations(sentences, found)
    return found


# a name, then what it is: "Healthwatch Wessex, the independent patient watchdog, said" (an organisation);
# not whose it is: "Helen Marchbank, the company's head of resilience"
_ORGANISATION_APPOSED = re.compile(
    r",\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,3}?(?:watchdog|company|firm|charity|group|union|association|"
    r"body|agency|council|authority|regulator|trust|club|team|band|operator|retailer|chain|maker|manufacturer|"
    r"developer|studio|publisher|broadcaster|network|airline|bank|lender|insurer|supplier|consultancy|"
    r"partnership|organisation|organization|society|institute|foundation|federation|league|startup|"
    r"start-up|business|brand|label|producer|provider|campaign|cooperative|co-operative)s?\b(?!['\u2019])"
)


def _described_as_organisations(sentences: list[_Sentence]) -> None:
    """A name read as a person's that the article describes as an organisation right after it
    ("Healthwatch Wessex, the independent patient watchdog"): its mentions are made organisations."""
    found = {
        m.surface
        for s in sentences
        for m in s.mentions
        if m.kind == "person" and not m.title and _ORGANISATION_APPOSED.match(s.plain, m.end)
    }
    _make_organisations(sentences, found)


def _make_organisations(sentences: list[_Sentence], names: set[str]) -> None:
    """Make every mention written as one of *names* an organisation's."""
    for s in sentences if names else ():
        s.mentions = [replace(m, kind="organisation") if m.surface in names else m for m in s.mentions]


def _thing_ending(word: str) -> bool:
    """Whether a name's last word can be no surname: an everyday word ("Steel"), one ending in one of
    five letters or more ("Coachworks", "Biotherapeutics"), or an acronym ("RFC"); not a king's number."""
    if _ROMAN.fullmatch(word):
        return False
    if len(word) >= 2 and word.isupper():
        return True
    key = fold(word)
    return is_english_word(key) or any(is_english_word(key[i:]) for i in range(1, len(key) - 4))


def _ordinary_word(m: Mention, common: frozenset[str]) -> bool:
    """A one-word 'name' the base also writes in lower case: "Collapse ..." or "GET requests"."""
    if " " in m.surface or fold(m.surface) not in common:
        return False
    return m.kind == "other" or (m.kind == "organisation" and m.surface.isupper())


def _headings(blocks: list[str], first_body: int) -> set[int]:
    """Indices of the in-body headings among *blocks*: a short line ending without a sentence's
    period ("Battery life", "Wi-Fi 6"), or ending in a colon ("2020 tour dates:"). Not the first body
    block (a dateline "BAAR, SWITZERLAND" or a byline), not a line opening with a dash or bullet, and
    not a run of three or more such lines (a list: "June 9 -- Coral Sky Amphitheatre, Tampa, FL")."""
    short = [
        "\n" not in b
        and len(b.split()) <= _HEADING_WORDS
        and not _SENTENCE_END.search(b)
        and not b.startswith(_BULLETS)
        for b in blocks
    ]
    found: set[int] = set()
    i = first_body + 1
    while i < len(blocks):
        if not short[i]:
            i += 1
            continue
        if blocks[i].endswith(":"):
            found.add(i)
            i += 1
            continue
        run = i
        while run < len(blocks) and short[run] and not blocks[run].endswith(":"):
            run += 1
        if run - i < 3:
            found.update(range(i, run))
        i = run
    return found


def _line_paragraphs(block: str) -> list[str]:
    """A block whose lines each end a sentence is one paragraph a line; hard-wrapped prose is one."""
    lines = [line.strip() for line in block.split("\n") if line.strip()]
    if len(lines) < 2:
        return [block]
    ended = sum(1 for line in lines if _LINE_END.search(line))
    return lines if ended >= 0.8 * len(lines) else [block]


class _EntityRegistry:
    """Entities of the whole base, keyed by every folded alias."""

    def __init__(self) -> None:
        self.by_alias: dict[str, str] = {}
        self.entities: dict[str, dict] = {}
        self.aliases: dict[str, dict[str, str]] = {}
        self.pending_aliases: list[tuple[str, str]] = []
        self.first_word_names: set[str] = set()  # called by their first word alone (_named_by_first_word)

    def _new(self, name: str, kind: str, origin: str) -> str:
        base = "-".join(tokens(name)) or "entity"
        eid = base
        n = 2
        while eid in self.entities:
            eid = f"{base}-{n}"
            n += 1
        self.entities[eid] = {"id": eid, "name": name, "kind": kind, "origin": origin, "title": ""}
        self.aliases[eid] = {}
        self.alias(eid, name)
        for alias in COUNTRIES.get(name, ()) if kind == "country" else ORGANISATIONS.get(name, ()):
            self.alias(eid, alias)
        for alias in _common_acronym_aliases(name):
            self.alias(eid, alias)
        return eid

    def alias(self, eid: str, alias: str) -> None:
        key = " ".join(tokens(alias))
        if not key:
            return
        self.by_alias.setdefault(key, eid)
        self.aliases[eid].setdefault(alias, key)

    def add_hand(self, name: str, kind: str, aliases: tuple[str, ...]) -> None:
        eid = self.by_alias.get(" ".join(tokens(name))) or self._new(name, kind, "hand")
        for alias in aliases:
            self.alias(eid, alias)

    def known_kinds(self) -> dict[str, str]:
        return {
            fold(alias): self.entities[eid]["kind"]
            for eid, names in self.aliases.items()
            for alias in names
            if len(alias) > 1
        }

    def learn_aliases(self, text: str, mentions: list[Mention]) -> None:
        for m in _ALIAS_PAREN.finditer(text):
            alias = m.group(1).strip()
            pair = _acronym_pair(text, m.start(), alias)
            if pair:
                self.pending_aliases.append(pair)
                continue
            if m.end() >= len(text.rstrip(". ")) and "formerly" not in m.group(0):
                continue  # a trailing "(Reuters)" credits a source, it does not rename anything
            if fold(alias) in fold(text[: m.start()]):
                continue  # already named earlier in the sentence: not an introduction
            before = [x for x in mentions if x.end <= m.start() + 1 and x.kind in _NAMED_KINDS]
            if before and before[-1].end >= m.start() - 1:
                self.pending_aliases.append((before[-1].surface, alias))

    def register_people(self, mentions) -> None:
        """Register full names first, so that "Rutte" and "the Summit" find "Mark Rutte" and
        "NATO Summit"; then the aliases the text introduced in parentheses."""
        mentions = list(mentions)
        people = [m for m in mentions if m.kind == "person" and len(m.surface.split()) >= 2]
        # where each name is first written in full, and each single word first alone (mentions come in
        # the articles' order)
        full_at: dict[str, int] = {}
        for n, m in enumerate(mentions):
            if m.kind == "person":
                full_at.setdefault(m.surface, n)
        # longest first: "Kathleen Hawk Sawyer" takes "Hawk Sawyer" before that is read as a name of its own
        firsts: dict[str, set[str]] = defaultdict(set)
        introduced: dict[str, int] = {}  # a person's first word -> where the full name first stands
        for m in sorted(people, key=lambda m: -len(m.surface.split())):
            eid = self.entity_for(m)
            first = m.surface.split()[0]
            named = len(first) > 1 and first[:1].isupper() and not first.endswith(".")
            if named and fold(first) not in _TITLES:
                key = fold(first)
                firsts[key].add(eid)
                introduced[key] = min(introduced.get(key, full_at[m.surface]), full_at[m.surface])
        singles: dict[str, int] = {}
        places: set[str] = set()  # single words read as places: "Canada" alone is the country
        for n, m in enumerate(mentions):
            if len(m.surface.split()) == 1:
                singles.setdefault(fold(m.surface), n)
                if m.kind in ("place", "country"):
                    places.add(fold(m.surface))
        # a family name written first ("Xi" of "Xi Jinping", "Moon" of "Moon Jae-in"), or a first name,
        # standing alone in the text after the full name names the one person whose name it starts;
        # alone before it, it is a name of its own ("Europa", the moon, before "Europa Clipper")
        for first, owners in firsts.items():
            if (
                len(owners) == 1
                and first in singles
                and singles[first] > introduced[first]
                and first not in self.by_alias
            ):
                (eid,) = owners
                self.alias(eid, self.entities[eid]["name"].split()[0])
        heads: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            words = m.surface.split()
            # the head is the last word of "NATO Summit", not of "Vice President of Sales for Dräger"
            if (
                m.kind in ("organisation", "other")
                and len(words) >= 2
                and words[-1][:1].isupper()
                and words[-2][:1].isupper()
            ):
                heads[fold(words[-1])].add(m.surface)
        for head, owners in heads.items():
            if len(owners) == 1 and head in singles and head not in self.by_alias and head not in places:
                (owner,) = owners
                kind = next(m.kind for m in mentions if m.surface == owner)
                eid = self.entity_for(Mention(owner, kind, 0, 0))
                self.alias(eid, owner.split()[-1])
        # a company's or an event's first word alone, written after its whole name, names it: "Brenner"
        # of "Brenner Confectionery AG", "Greenhollow" of "Greenhollow Festival" (not an English word:
        # "General" of "General Motors" is not one)
        companies: dict[str, set[tuple[str, str]]] = defaultdict(set)
        company_at: dict[str, int] = {}
        for n, m in enumerate(mentions):
            words = m.surface.split()
            ending = fold(words[-1].rstrip(".")) if len(words) >= 2 else ""
            if (
                (m.kind == "organisation" and ending in COMPANY_ENDINGS)
                or (m.kind == "other" and ending in _EVENT_ENDINGS)
                or m.surface in self.first_word_names
            ):
                key = fold(words[0])
                if key.isalpha() and not is_english_word(key):
                    companies[key].add((m.surface, m.kind))
                    company_at.setdefault(key, n)
        for first, owners in companies.items():
            later = first in singles and singles[first] > company_at[first]
            if len(owners) == 1 and later and first not in self.by_alias:
                ((owner, kind),) = owners
                self.alias(self.entity_for(Mention(owner, kind, 0, 0)), owner.split()[0])
        for name, alias in self.pending_aliases:
            eid = self.by_alias.get(" ".join(tokens(name)))
            if eid is None:
                eid = self._new(name, "organisation" if name.isupper() else "other", "derived")
            self.alias(eid, alias)

    def title_entity(self, title: str) -> str | None:
        """The entity a title names ("current NATO Secretary General" -> NATO Secretary General)."""
        words = tokens(title)
        for start in range(len(words)):
            eid = self.by_alias.get(" ".join(words[start:]))
            if eid and len(words) - start >= 2:
                return eid
        return None

    def entity_for(self, m: Mention) -> str:
        key = " ".join(tokens(m.surface))
        eid = self.by_alias.get(key)
        if eid is None:
            kind = m.kind
            eid = self._new(m.surface, kind, "derived")
            parts = m.surface.split()
            # "Rutte" for "Mark Rutte"; "Sales for Brandt" (of "Vice President of Sales for Brandt")
            # is not a person's name, and Brandt not its surname
            if (
                kind == "person"
                and len(parts) >= 2
                and len(parts[-1]) > 2
                and not parts[-1].isupper()
                and _NOT_IN_PERSONAL_NAMES.isdisjoint(parts)
            ):
                self.alias(eid, parts[-1])
                if len(parts) >= 3 and len(parts[-2].rstrip(".")) > 1 and parts[-2][:1].isupper():
                    self.alias(eid, " ".join(parts[-2:]))  # "Hawk Sawyer", not "P. Blair"
        entity = self.entities[eid]
        if m.kind in ("person", "organisation") and entity["kind"] == "other":
            entity["kind"] = m.kind  # made "other" from an alias before its name was read
        if m.title and not entity["title"]:
            entity["title"] = m.title
        return eid

    def rows(self) -> tuple[list[dict], list[dict]]:
        aliases = [
            {"entity_id": eid, "alias": alias, "alias_fold": key}
            for eid, names in self.aliases.items()
            for alias, key in names.items()
        ]
        return list(self.entities.values()), aliases


def _acronym_pair(text: str, paren: int, inside: str) -> tuple[str, str] | None:
    """(name, alias) from "Long Name (LN)" or "LN (Long Name)" when the letters agree, else None;
    the long name names the entity either way."""
    if acronyms.is_acronym(inside):
        expansion = acronyms.expansion_before(text, paren, inside)
        return (expansion, inside) if expansion else None
    before = _ACRONYM_BEFORE.search(text, max(0, paren - 20), paren)
    if before and acronyms.is_acronym(before.group(1)) and acronyms.expands(before.group(1), inside):
        return inside, before.group(1)
    return None


def _common_acronym_aliases(name: str) -> list[str]:
    """A well-known acronym's expansion, or an expansion's acronym: "ECB" and "European Central Bank"."""
    found = acronyms.common_expansion(name) or acronyms.common_acronym(name)
    return [found] if found else []


def _resolve_document(sentences: list[_Sentence], registry: _EntityRegistry) -> None:
    """Map mentions to entities; resolve he/his and quotations' speakers to the salient person."""
    salient: list[str] = []  # the people a pronoun may mean, the likeliest first
    last_speaker: str | None = None
    previous_paragraph = -1
    memory = _Memory()
    thing = ""  # the thing the last sentence opened on, unnamed: "new tender" of "The new tender, built..."
    for s in sentences:
        if thing and _OPENING_IT.match(s.plain):
            s.refers_to = thing
        thing = _opening_thing(s.plain, any(m.start == 0 for m in s.mentions))
        s.entity_ids = [registry.entity_for(m) for m in s.mentions]
        for m in s.mentions:
            role = registry.title_entity(m.title) if m.title else None
            if role and role not in s.entity_ids and role not in s.implicit:
                s.implicit.append(role)  # "NATO Secretary General Jens Stoltenberg" names the role too
        # a person named in the possessive is less likely the one a next "he" means: "Working from
        # Tycho's observations, Kepler spent years ... He concluded" is Kepler
        people = sorted(
            (
                eid
                for eid, m in zip(s.entity_ids, s.mentions, strict=True)
                if registry.entities[eid]["kind"] == "person"
            ),
            key=lambda eid: _possessive_only(s, eid),
        )
        first_person_pos = min(
            (
                m.start
                for eid, m in zip(s.entity_ids, s.mentions, strict=True)
                if registry.entities[eid]["kind"] == "person"
            ),
            default=len(s.plain),
        )
        _refer_back(s, registry, salient, first_person_pos, memory)
        speech = _SPEECH.search(s.plain)
        if s.is_quote:
            speaker = None
            if speech:
                after = [
                    eid
                    for eid, m in zip(s.entity_ids, s.mentions, strict=True)
                    if m.start >= speech.start() - 40 and registry.entities[eid]["kind"] == "person"
                ]
                said = re.search(r"\b(he|she)\s+(said|added|says|told|wrote)", s.plain, re.I)
                speaker = after[-1] if after else _meant(salient, said.group(1), registry) if said else None
            if speaker is None and s.paragraph in (previous_paragraph, previous_paragraph + 1):
                speaker = last_speaker
            s.speaker = speaker
            if speaker:
                last_speaker = speaker
                if speaker not in s.entity_ids:
                    s.implicit.append(speaker)
        memory.people_named.update(people)
        if people:
            salient = list(dict.fromkeys(people + salient))[:_SALIENT]
        elif implicit := [e for e in s.implicit if registry.entities[e]["kind"] != "organisation"]:
            salient = list(dict.fromkeys(implicit[:1] + salient))[:_SALIENT]
        memory.remember(s, registry)
        if thing:  # it opened on an unnamed thing, before any name: a next "It" is the thing
            memory.opening = None
        previous_paragraph = s.paragraph
    # a speaker named at a quotation's end speaks its earlier sentences too
    for i in range(len(sentences) - 1, 0, -1):
        cur, prev = sentences[i], sentences[i - 1]
        if cur.speaker and prev.is_quote and prev.paragraph == cur.paragraph and not prev.speaker:
            prev.speaker = cur.speaker
            prev.implicit.append(cur.speaker)


def _possessive_only(s: _Sentence, eid: str) -> bool:
    """Whether every mention of *eid* in the sentence is a possessive ("Tycho's observations")."""
    return all(
        s.plain[m.end : m.end + 2] in ("'s", "\u2019s")
        for e, m in zip(s.entity_ids, s.mentions, strict=True)
        if e == eid
    )


@dataclass
class _Memory:
    """Who a later sentence can refer back to: the last organisation, people by their role words."""

    organisation: str | None = None
    organisation_latest: bool = False  # named after the last person: "they" may be it
    roles: dict[str, str] = field(default_factory=dict)  # "minister" -> the last person titled so
    heads: dict[str, str] = field(default_factory=dict)  # "fire" -> the last named so ("Cedar Ridge Fire")
    # the same, named in the headline or the first sentence: the article's subject, whom "the bridge"
    # means even after another bridge is named ("the Brooklyn Bridge", then "the Williamsburg Bridge")
    subject_heads: dict[str, str] = field(default_factory=dict)
    opening: str | None = None  # what the last sentence named first, when a thing: a next "It" is it
    people_named: Counter[str] = field(default_factory=Counter)  # how often each person was named so far

    def remember(self, s: _Sentence, registry: _EntityRegistry) -> None:
        ents = registry.entities
        named = sorted(zip(s.mentions, s.entity_ids, strict=True), key=lambda pair: pair[0].start)
        named = _whole_names(named, ents)
        if named := [(m, eid) for m, eid in named if ents[eid]["kind"] in _NAMED_KINDS]:
            self.opening = named[0][1] if ents[named[0][1]]["kind"] != "person" else None
        for m, eid in named:
            kind = ents[eid]["kind"]
            if kind in _DESCRIBED_KINDS and (head := _head_noun(ents[eid]["name"])):
                self.heads[head] = eid
                if s.is_headline or s.ordinal <= 1:
                    self.subject_heads.setdefault(head, eid)
            if kind == "organisation":
                self.organisation, self.organisation_latest = eid, True
            elif kind == "person":
                self.organisation_latest = False
                for word in coref.role_words(m.title or ents[eid]["title"]):
                    self.roles[word] = eid

    def named_by(self, head: str) -> str | None:
        """What "the <head>" means: the article's subject of that name, else the last named so."""
        return self.subject_heads.get(head) or self.heads.get(head)


def _whole_names(named: list[tuple[Mention, str]], ents: dict[str, dict]) -> list[tuple[Mention, str]]:
    """The mentions with a name the sentence also gives in full read as the full name's: "The Royal College
    of Nursing (RCN)" is read as "Royal College" and "RCN", and an "Its" after it means the second."""
    names = {eid: ents[eid]["name"] + " " for _, eid in named}

    def whole(eid: str) -> str:
        kind, start = ents[eid]["kind"], names[eid]
        longer = (e for e, n in names.items() if e != eid and n.startswith(start) and ents[e]["kind"] == kind)
        return next(longer, eid)

    return [(m, whole(eid)) for m, eid in named]


_SALIENT = 4  # people a pronoun may refer back to: the last sentence's, then those before
_DESCRIBED_KINDS = frozenset({"organisation", "place", "other"})  # "the fire", "the bank", "the lake"
# "It" opening a sentence, unless it stands for what follows ("It is likely that", "It was hard to")
_OPENING_IT = re.compile(
    r"(?:It|Its)\b(?!\s+(?:is|was|will be|would be|has been|had been|seems|seemed|appears|appeared)\s+"
    r"(?:\w+\s+){0,2}(?:that|to)\b)"
)
_DESCRIPTION = re.compile(r"\b[Tt]he\s+(?:([a-z]+)\s+)?([a-z]+)\b")
_OPENING_THE = re.compile(r"(?:The|This|That)\s+((?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)")
# a thing named with no article, then what it is or does: "Rheumatoid arthritis is", "Seagrass meadows
# are"; _opening_thing leaves out a name opening it ("Nexora is")
_OPENING_BARE = re.compile(
    r"([A-Z][a-z-]+)((?:\s+[a-z][a-z-]*){0,2})\s+(?:is|are|was|were|has|have|affects|affect|causes|cause)\b"
)


def _opening_thing(text: str, named_first: bool = False) -> str:
    """The words of the unnamed thing a sentence opens on, up to its verb or a comma: "new tender" of
    "The new tender, built in Leeds, ...", "engine" of "The engine was restored", "rheumatoid arthritis"
    of "Rheumatoid arthritis is an autoimmune disease" (unless a name opens it: *named_first*); "" for
    none."""
    m = _OPENING_THE.match(text)
    if not m:
        bare = _OPENING_BARE.match(text)
        if bare is None or fold(bare.group(1)) in STOPWORDS or named_first:
            return ""
        return " ".join([fold(bare.group(1)), *bare.group(2).split()])
    words = []
    for word in m.group(1).split():
        if word in STOPWORDS or word.endswith("ed") or lemma(word) in verbs_and_adverbs():
            break
        words.append(word)
    return " ".join(words)


def _head_noun(name: str) -> str:
    """The everyday noun a name of several words ends in, by which a later "the fire" means it ("Cedar
    Ridge Fire", "Danske Bank"), or ""."""
    words = name.split()
    head = fold(words[-1]) if len(words) > 1 and words[-1][:1].isupper() else ""
    return head if head.isalpha() and head not in STOPWORDS and is_english_word(head) else ""


# forms of address and degrees: "Dr Katharina Leitner" says nothing of who she is ("Katharina Leitner is Dr.")
# the last word of an event's name, whose first word alone names it later ("the Greenhollow Festival")
_EVENT_ENDINGS = frozenset(
    "festival marathon cup open games show fair championship championships awards prize expo tour "
    "race trophy series league regatta rally".split()
)
_HONORIFICS = frozenset("dr prof professor mr mrs ms miss sir dame lord lady".split())


# ranks many hold, said with "a": "David Pryce is a councillor", not "David Pryce is Councillor"
_RANKS = frozenset(
    """councillor professor inspector detective sergeant constable officer senator judge commissioner
    superintendent lieutenant colonel captain commander bishop rabbi imam reverend alderman
    magistrate""".split()
)
_RANKS_SHORT = {"cllr": "councillor", "det": "detective", "insp": "inspector", "sgt": "sergeant"}


def _as_described(title: str) -> str:
    """A title as an answer says it of its holder: one ending in a rank many hold with "a" ("a councillor",
    "an Opposition councillor"), an office as written ("Finance Minister"), one the sentence opened with
    in lower case after its capital ("Flight director Rebecca Ortiz": "flight director")."""
    *words, last = title.split()
    word = last.lower().rstrip(".")
    rank = _RANKS_SHORT.get(word) or (word if word in _RANKS else None)
    if rank is None:
        if words and last.islower() and all(w.islower() for w in words[1:]) and words[0][1:].islower():
            return title[:1].lower() + title[1:]
        return title
    said = " ".join([*words, rank])
    return f"{'an' if said[:1].lower() in 'aeiou' else 'a'} {said}"


def _office(title: str) -> bool:
    """Whether a title says what its holder does ("Finance Minister"), not only how to address them;
    its last word is the office ("Co-author Professor" is an address after a byline's word)."""
    words = re.findall(r"[a-z]+", title.lower())
    return is_title(title) and bool(words) and words[-1] not in _HONORIFICS


def _meant(salient: list[str], pronoun: str, registry: _EntityRegistry) -> str | None:
    """The person "he" or "she" (*pronoun*, or "m" / "f") refers to: the likeliest of *salient* whose
    given name is not the other gender's ("He faces" after "Judge Miriam Holt ordered Haldane held")."""
    gender = {"he": "m", "she": "f"}.get(pronoun.lower(), pronoun.lower())
    for eid in salient:
        first = registry.entities[eid]["name"].split()[0]
        if given_name_gender(fold(first)) not in ("", gender):
            continue
        return eid
    return None


def _refer_back(
    s: _Sentence, registry: _EntityRegistry, salient: list[str], first_person: int, memory: _Memory
) -> None:
    """Implicit mentions where *s* refers back without a name: "she", "her budget" to the salient
    person whose given name fits, "the minister" to the person last titled so, "its", "it said", "the
    company" to the last organisation (only before the sentence names one of that kind itself); "It"
    opening the sentence to what the one before named first; "the fire" to the last "Cedar Ridge Fire"."""
    ents = registry.entities
    found: list[str] = []
    aged = coref.age_description(s.plain) if salient else None
    if aged is not None and aged < first_person:  # "The 27-year-old, running the race for the first time"
        # the story's person more than the last one named: "The 47-year-old Dutchman joins" after a
        # paragraph on the manager he replaces; a "he" after it is the same man
        found.append(max(salient, key=lambda e: (memory.people_named[e], -salient.index(e))))
    pronoun = coref.person_pronoun(s.plain) if salient and not found else None
    if pronoun and pronoun[0] < first_person and (meant := _meant(salient, pronoun[1], registry)):
        found.append(meant)
    for at, role in coref.role_references(s.plain, memory.roles.keys()) if memory.roles else ():
        if at < first_person:
            found.append(memory.roles[role])
    # "It" opening the sentence is what the sentence before named first ("It weighs 229 grams"); any
    # other "it", "its" or "the company" is the last organisation
    opening = memory.opening is not None and _OPENING_IT.match(s.plain) is not None
    if opening:
        found.append(memory.opening)
    if memory.organisation:
        orgs = zip(s.mentions, s.entity_ids, strict=True)
        first_org = min((m.start for m, e in orgs if ents[e]["kind"] == "organisation"), default=len(s.plain))
        at = coref.organisation_reference(s.plain, plural_too=memory.organisation_latest)
        if at is not None and at < first_org and not (opening and at == 0):
            found.append(memory.organisation)
    for m in _DESCRIPTION.finditer(s.plain) if memory.heads else ():
        # "the fire", "the fire started", "the wind-driven fire"
        eid = memory.named_by(m.group(2)) or memory.named_by(m.group(1) or "")
        if eid and eid not in found:
            found.append(eid)
    for eid in found:
        if eid not in s.entity_ids and eid not in s.implicit:
            s.implicit.append(eid)


def _sentence_entities(s: _Sentence):
    for eid, m in zip(s.entity_ids, s.mentions, strict=True):
        yield eid, m.surface, False
    for eid in s.implicit:
        yield eid, "", True


def _derived_facts(s: _Sentence, registry: _EntityRegistry, out: Derived) -> None:
    ents = registry.entities
    named = [eid for eid in s.entity_ids + s.implicit if ents[eid]["kind"] in _NAMED_KINDS]
    subject = ents[named[0]]["name"] if named else ""
    if s.speaker:
        subject = ents[s.speaker]["name"]
    base = {"document": s.document, "origin": "derived", "ask": "[]"}
    rows = [
        {
            **base,
            "id": f"{s.id}/statement",
            "subject": subject,
            "relation": "states",
            "object": "",  # the sentence's text: stored once, in its row (store.read puts it back)
            "answer": "",
            "answer_type": "quote" if s.speaker else "statement",
        }
    ]
    for eid, m in zip(s.entity_ids, s.mentions, strict=True):
        description = _described(s.plain, m) if ents[eid]["kind"] in _NAMED_KINDS else None
        if description:
            rows.append(
                {
                    **base,
                    "id": f"{s.id}/title/{eid}",
                    "subject": ents[eid]["name"],
                    "relation": "is",
                    "object": description,
                    "answer": f"{ents[eid]['name']} is {description}.",
                    "answer_type": "description",
                }
            )
            continue
        if m.title and ents[eid]["kind"] == "person" and _office(m.title) and m.surface[:1].isupper():
            rows.append(
                {
                    **base,
                    "id": f"{s.id}/title/{eid}",
                    "subject": ents[eid]["name"],
                    "relation": "is",
                    "object": m.title,
                    "answer": f"{ents[eid]['name']} is {_as_described(m.title)}.",
                    "answer_type": "description",
                }
            )
    for m in s.mentions:
        if m.kind in ("date", "number"):
            rows.append(
                {
                    **base,
                    "id": f"{s.id}/{m.kind}/{'-'.join(tokens(m.surface))}",
                    "subject": subject,
                    "relation": "when" if m.kind == "date" else "how many",
                    "object": m.surface,
                    "answer": "",
                    "answer_type": m.kind,
                }
            )
    seen = set()
    for row in rows:
        if row["id"] in seen:
            continue
        seen.add(row["id"])
        out.facts.append(row)
        out.citations.append({"fact_id": row["id"], "sentence_id": s.id, "rank": 0})


# "Mark Rutte, the outgoing Dutch Prime Minister,"; "Graham Poole, 61, a retired scaffolder,"; "Priya Ramsay,
# Bristol City Council's cabinet member for culture," (a comma or point inside a number, "1,350", "1.5",
# ends neither)
_APPOSITIVE = re.compile(
    r"^,\s+(?:\d{1,3},\s+)?((?:the|a|an|(?:[A-Z][\w.&\-]*\s+){0,4}[A-Z][\w.&\-]*['\u2019]s)\s+"
    r"(?:[^,;:\u201c\"]|,(?=\d)){3,80}?)(?:[,;](?!\d)|\.\s*$)"
)
_COPULA = re.compile(
    r"^\s+is\s+((?:the|a|an)\s+(?:[^,;:\u201c\"]|,(?=\d)){3,80}?)(?:\s+(?:who|which|that)\b|[,;](?!\d)|\.(?!\d))"
)
# A verb makes a clause, not an apposition: "As with every other MacBook Pro, the 16-inch one is ..."
# so does a verb of reporting: "near Millbank Weir, the Kelder Rivers Trust (KRT) announced on Wednesday"
_CLAUSE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|says|said|announced|confirmed|reported|revealed"
    r"|stated|warned|added|told|explained|insisted|claimed|argued|noted|wrote)\b"
)
# The comma after an apposition only parts a list: "DH, the Spokane advertising, public relations and
# branding firm" is not "the Spokane advertising"
_LIST_GOES_ON = re.compile(r",\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3}\s+(?:and|or)\s")
# The name ends a longer phrase, whose head the apposition describes: "Chapter & Verse, an agency",
# "Kelvin Kiptum of Kenya, the record holder", "West Palm Beach, FL, the first stop"
_PART_OF_LONGER_NAME = re.compile(r"(?:&|\b([A-Z][\w.\u2019']*)\s+of|[A-Z][\w.\u2019']*,)\s*$")
# The name is the object of a preposition, so not the subject of the verb after it:
# "Going to Pizza Express in Woking is an unusual thing"
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|at|of|for|from|with|to|on|by|near|into|onto|about|under|over|than|like|via)\s+(?:the\s+)?$",
    re.I,
)


def _described(text: str, m: Mention) -> str | None:
    """What the sentence says *m* is: "Mark Rutte, the outgoing Dutch Prime Minister," or
    "Rutte is a center-right lawmaker who ..."; None when the name is not what is described."""
    before, after = text[: m.start], text[m.end :]
    longer = _PART_OF_LONGER_NAME.search(before)
    if longer and not (longer.group(1) and is_title(longer.group(1))):  # "the CEO of DH, a firm"
        return None
    found = _APPOSITIVE.match(after)
    if found and (_CLAUSE_VERB.search(found.group(1)) or _LIST_GOES_ON.match(after, found.end() - 1)):
        found = None
    if not found and not _PREPOSITION_BEFORE.search(before):
        found = _COPULA.match(after)
    return found.group(1).strip() if found else None


def _squash(text: str) -> str:
    return " ".join(fold(text).split())


def _hand_facts(facts: list[HandFact], per_doc: dict[str, list[_Sentence]], out: Derived) -> None:
    layouts: dict[str, tuple[str, list[tuple[int, int, str]]]] = {}
    for slug, sentences in per_doc.items():
        pieces, offsets, pos = [], [], 0
        for s in sentences:
            piece = _squash(s.text)
            offsets.append((pos, pos + len(piece), s.id))
            pieces.append(piece)
            pos += len(piece) + 1
        layouts[slug] = (" ".join(pieces), offsets)
    for fact in facts:
        flat, offsets = layouts[fact.document]
        cited: list[str] = []
        for span in fact.cites:
            needle = _squash(span)
            at = flat.find(needle) if needle else -1
            if at < 0:
                short = span if len(span) <= 60 else span[:57] + "..."
                raise KnowledgeError(
                    f"fact {fact.id!r}: quoted span is not in {fact.document}, word for word: {short!r}",
                    fact.path,
                    fact.line,
                )
            for start, end, sid in offsets:
                if start < at + len(needle) and end > at and sid not in cited:
                    cited.append(sid)
        out.facts.append(
            {
                "id": fact.id,
                "document": fact.document,
                "subject": fact.subject,
                "relation": fact.relation,
                "object": fact.object,
                "answer": fact.answer,
                "answer_type": "hand",
                "origin": "hand",
                "ask": json.dumps(list(fact.ask)),
            }
        )
        out.citations.extend(
            {"fact_id": fact.id, "sentence_id": sid, "rank": rank} for rank, sid in enumerate(cited)
        )
