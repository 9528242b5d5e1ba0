"""Turn a web page or a text file into an article as citebot stores it, with its metadata.

Pages go through trafilatura (the article body, headline and outlet) and htmldate (the date);
.txt and .md files are taken as written, their first line the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import KnowledgeError

HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt", ".md")
FILE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
MIN_WORDS = 30  # shorter than this is a teaser, a paywall or an error page, not an article
TITLE_LIMIT = 200

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_QUOTE = re.compile(r"^\s*>\s?")


@dataclass(frozen=True)
class Extracted:
    """An article ready to be written into a sources folder."""

    title: str
    paragraphs: tuple[str, ...]
    outlet: str = ""
    published: str = ""
    url: str = ""

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    def text(self) -> str:
        """Headline on the first line, then the paragraphs, one blank line apart."""
        return "\n\n".join((self.title, *self.paragraphs)) + "\n"


def _clean_line(line: str) -> str:
    return " ".join(line.split())


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p for p in (_clean_line(line) for line in text.splitlines()) if p)


def from_html(html: str | bytes, url: str = "") -> Extracted:
    """The article of a web page: body by trafilatura, date by htmldate; KnowledgeError if none."""
    import htmldate
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True)
    body = getattr(doc, "text", None) or ""
    paragraphs = _paragraphs(body)
    title = _clean_line(getattr(doc, "title", None) or "")
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    if sum(len(p.split()) for p in paragraphs) < MIN_WORDS:
        raise KnowledgeError("no article found on the page (too little text)")
    try:
        published = htmldate.find_date(html, url=url or None, original_date=True) or ""
    except ValueError:
        published = ""
    outlet = _clean_line(getattr(doc, "sitename", None) or "")
    if not title:
        title = paragraphs[0][:TITLE_LIMIT]
        paragraphs = paragraphs[1:]
    return Extracted(title[:TITLE_LIMIT], paragraphs, outlet, published, url)


def _unmark(line: str) -> str:
    """A Markdown line as plain text: no heading marks, links, emphasis, list or quote marks."""
    line = _MD_HEADING.sub("", line)
    line = _MD_QUOTE.sub("", line)
    line = _MD_LIST.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    return _MD_EMPHASIS.sub(r"\2", line)


def from_text(text: str, markdown: bool = False) -> Extracted:
    """A plain-text (or Markdown) article: first non-blank line the headline, blank lines part paragraphs."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise KnowledgeError("the file contains NUL bytes; is it really text?")
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    if markdown:
        blocks = ["\n".join(_unmark(line) for line in b.splitlines()) for b in blocks]
    paragraphs = [_clean_line(b) for b in blocks if _clean_line(b)]
    if len(paragraphs) > 1 and "\n" in blocks[0].strip():
        first, rest = blocks[0].strip().split("\n", 1)  # a headline directly above the first paragraph
        paragraphs[:1] = [_clean_line(first), _clean_line(rest)]
    if len(paragraphs) < 2 or sum(len(p.split()) for p in paragraphs[1:]) < MIN_WORDS:
        raise KnowledgeError(
            f"too little text for an article (at least {MIN_WORDS} words after the headline)"
        )
    return Extracted(paragraphs[0][:TITLE_LIMIT], tuple(paragraphs[1:]))


def from_bytes(raw: bytes, suffix: str, url: str = "") -> Extracted:
    """An article from a file's bytes, read by its kind (.txt, .md, .html)."""
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return from_html(raw, url)
    if suffix not in TEXT_SUFFIXES:
        raise KnowledgeError(f"unsupported file type {suffix or '(none)'}; use {', '.join(FILE_SUFFIXES)}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise KnowledgeError("the file is not UTF-8 text; save it as UTF-8") from None
    return from_text(text, markdown=suffix == ".md")


def from_file(path: str | Path) -> Extracted:
    """An article from a saved page or text file on disk."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KnowledgeError(f"cannot read the file: {exc.strerror or exc}", path) from None
    suffix = path.suffix if path.suffix.lower() in FILE_SUFFIXES else ".html"
    return from_bytes(raw, suffix)
