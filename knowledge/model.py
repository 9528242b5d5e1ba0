"""Values that flow from the fact base to whoever renders them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

IDK = "I don't know that from the article."  # what the bot says when it abstains
IDK_MANY = "I don't know that from these articles."  # the same, from a base of several articles


SOURCE_TITLE_LIMIT = 48  # an article named by its title in a citation: this many characters at most


@dataclass(frozen=True)
class Citation:
    """One sentence quoted verbatim, with where it stands."""

    sentence_id: str
    document: str
    outlet: str
    title: str
    paragraph: int
    sentence: int
    text: str
    is_caption: bool = False
    is_headline: bool = False
    is_quote: bool = False

    @property
    def source(self) -> str:
        """The outlet, or the article's title (shortened) when no outlet is known."""
        if self.outlet or len(self.title) <= SOURCE_TITLE_LIMIT:
            return self.outlet or self.title
        cut = self.title[: SOURCE_TITLE_LIMIT - 1].rsplit(" ", 1)[0].rstrip(" ,;:-")
        return cut + "…"

    @property
    def place(self) -> str:
        """Where the sentence stands in its article, e.g. 'paragraph 3, sentence 1'."""
        if self.is_caption:
            return "photo caption"
        if self.is_headline:
            return "headline"
        return f"paragraph {self.paragraph}, sentence {self.sentence}"

    @property
    def where(self) -> str:
        """Human form of the position, e.g. 'Breaking Defense, paragraph 3, sentence 1'."""
        return f"{self.source}, {self.place}"

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document,
            "outlet": self.outlet,
            "paragraph": self.paragraph,
            "sentence": self.sentence,
            "text": self.text,
        }


@dataclass(frozen=True)
class FactRef:
    """The fact an answer came from."""

    id: str
    subject: str
    relation: str
    object: str
    origin: str  # "hand" or "derived"


@dataclass(frozen=True)
class Answer:
    """What the bot says to a question: text, evidence and how sure it is."""

    question: str
    text: str
    citations: tuple[Citation, ...] = ()
    confidence: float = 0.0
    fact: FactRef | None = None
    abstained: bool = False
    suggestions: tuple[str, ...] = ()  # of an abstention: topics to ask about instead
    mentioned: tuple[str, ...] = ()  # of an abstention: names of the question's the base does hold
    version: str = ""  # of the fact base that gave this answer
    read_as: str = ""  # the question as answered, when a follow-up's "he" was read as a name

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "read_as": self.read_as,
            "abstained": self.abstained,
            "answer": self.text,
            "confidence": round(self.confidence, 3),
            "citations": [c.to_json() for c in self.citations],
            "fact": asdict(self.fact) if self.fact else None,
            "suggestions": list(self.suggestions),
            "mentioned": list(self.mentioned),
            "version": self.version,
        }


@dataclass(frozen=True)
class Focus:
    """What a conversation was last about: the article of the last answer and who it was about."""

    document: str  # the slug of the article quoted
    person: str = ""  # the name of the person it was about, "" for none
    organisation: str = ""  # the name of the organisation it was about, "" for none


@dataclass(frozen=True)
class SummaryPoint:
    text: str
    citation: Citation


@dataclass(frozen=True)
class Summary:
    """An extractive summary: every point is a quoted sentence."""

    length: str
    topic: str | None
    points: tuple[SummaryPoint, ...]
    message: str = ""

    @property
    def found(self) -> bool:
        return bool(self.points)

    def to_json(self) -> dict[str, Any]:
        return {
            "length": self.length,
            "topic": self.topic,
            "message": self.message,
            "points": [{"text": p.text, **p.citation.to_json()} for p in self.points],
        }


@dataclass(frozen=True)
class EntityInfo:
    """An entity of the base with what is said about it."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    mentions: int
    facts: tuple[tuple[str, Citation], ...] = ()


@dataclass(frozen=True)
class DocumentInfo:
    slug: str
    title: str
    outlet: str
    dateline: str
    subject: str
    published: str
    url: str
    paragraphs: int
    sentences: int


@dataclass(frozen=True)
class SourceInfo:
    """What the base was built from, for /source."""

    version: str
    built_at: str
    build_seconds: float
    documents: tuple[DocumentInfo, ...]
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ReloadReport:
    """What a reload changed and how long it took."""

    version: str
    previous_version: str | None
    seconds: float
    added: dict[str, int]
    removed: dict[str, int]
    changed: dict[str, int]

    @property
    def unchanged(self) -> bool:
        return (
            not any(self.added.values()) and not any(self.removed.values()) and not any(self.changed.values())
        )

    def describe(self) -> str:
        if self.unchanged:
            return f"Fact base reloaded in {self.seconds:.2f} s; nothing changed (version {self.version})."
        parts = []
        for kind in ("facts", "sentences"):
            bits = []
            for label, counts in (
                ("added", self.added),
                ("removed", self.removed),
                ("changed", self.changed),
            ):
                if counts.get(kind):
                    bits.append(f"{counts[kind]} {label}")
            if bits:
                parts.append(f"{kind}: " + ", ".join(bits))
        return (
            f"Fact base reloaded in {self.seconds:.2f} s (version {self.version}); " + "; ".join(parts) + "."
        )
