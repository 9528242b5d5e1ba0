"""Change a sources folder from outside: add an article, retire one, teach a fact, and list them.

Every change returns an Undo that puts the folder back as it was, so a caller can roll back when
the rebuild that follows fails. File names come from safe_slug, never from a name as given.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tomllib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .errors import KnowledgeError
from .extract import Extracted
from .sources import FACTS_SUFFIX, META_SUFFIX

TAUGHT_FILE = "taught" + FACTS_SUFFIX
SLUG_LIMIT = 60
RETIRED = "retired"

Undo = Callable[[], None]


@dataclass(frozen=True)
class Caps:
    """How much one sources folder may hold (article size limits live here until knowledge/limits.py)."""

    max_articles: int = 25
    max_total_bytes: int = 2_000_000
    max_article_bytes: int = 300_000


@dataclass(frozen=True)
class ShelfArticle:
    """An article file in a sources folder, with the metadata written beside it."""

    slug: str
    title: str
    outlet: str
    published: str
    url: str
    size: int


@dataclass(frozen=True)
class Lesson:
    """A question taught to be answered by one sentence of one article."""

    question: str
    sentence: str
    document: str
    subject: str


def safe_slug(text: str, limit: int = SLUG_LIMIT) -> str:
    """Lower-case ASCII letters, digits and single hyphens, at most *limit* long; 'article' if none."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", folded.lower())
    slug = ""
    for w in words:
        nxt = f"{slug}-{w}" if slug else w
        if len(nxt) > limit:
            break
        slug = nxt
    return slug or (words[0][:limit] if words else "article")


def toml_string(text: str) -> str:
    """*text* as a TOML basic string (JSON's escapes are TOML's, plus DEL)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: object) -> str:
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_string(str(v)) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.writing")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, path)


def _restore(path: Path, old: bytes | None) -> Undo:
    def undo() -> None:
        if old is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(old)

    return undo


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def articles(folder: Path) -> list[ShelfArticle]:
    """The articles of *folder*, with title, outlet, date and link from their metadata files."""
    out = []
    for path in sorted(p for p in folder.glob("*.txt") if p.is_file()):
        meta_path = path.with_name(path.stem + META_SUFFIX)
        meta: dict = {}
        size = path.stat().st_size
        if meta_path.exists():
            size += meta_path.stat().st_size
            try:
                meta = tomllib.loads(meta_path.read_text("utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                meta = {}
        try:
            first = path.read_text("utf-8").strip().split("\n", 1)[0]
        except UnicodeDecodeError:
            first = ""

        def text(key: str, meta: dict = meta) -> str:
            value = meta.get(key, "")
            return value if isinstance(value, str) else ""

        out.append(
            ShelfArticle(
                path.stem, text("title") or first[:200], text("outlet"), text("published"), text("url"), size
            )
        )
    return out


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def add_article(folder: Path, article: Extracted, caps: Caps) -> tuple[str, Undo]:
    """Write *article* (and its metadata) into *folder* under a fresh safe slug."""
    text = article.text()
    meta = _meta_text(article)
    size = len(text.encode()) + len(meta.encode())
    if size > caps.max_article_bytes:
        raise KnowledgeError(
            f"the article is too long ({size:,} bytes; the limit is {caps.max_article_bytes:,})"
        )
    present = articles(folder)
    if article.url and any(a.url == article.url for a in present):
        same = next(a for a in present if a.url == article.url)
        raise KnowledgeError(f"that link is already here, as {same.slug!r}")
    if len(present) >= caps.max_articles:
        raise KnowledgeError(f"this server already has {len(present)} articles, the most it can keep")
    if folder_bytes(folder) + size > caps.max_total_bytes:
        raise KnowledgeError(
            f"adding it would pass this server's limit of {caps.max_total_bytes:,} bytes of articles"
        )
    base = safe_slug(f"{article.outlet} {article.title}" if article.outlet else article.title)
    slug, n = base, 2
    while (folder / f"{slug}.txt").exists() or (folder / f"{slug}{META_SUFFIX}").exists():
        slug, n = f"{base}-{n}", n + 1
    txt, meta_path = folder / f"{slug}.txt", folder / f"{slug}{META_SUFFIX}"
    _write_atomic(meta_path, meta)
    _write_atomic(txt, text)

    def undo() -> None:
        txt.unlink(missing_ok=True)
        meta_path.unlink(missing_ok=True)

    return slug, undo


def _meta_text(article: Extracted) -> str:
    lines = ["# Written by citebot when the article was added"]
    for key in ("title", "outlet", "published", "url"):
        value = getattr(article, key)
        if value:
            lines.append(f"{key} = {toml_string(value)}")
    lines.append('first_line = "headline"')
    return "\n".join(lines) + "\n"


def retire_article(folder: Path, slug: str) -> Undo:
    """Move article *slug* and the hand facts citing it into retired/; one article must stay."""
    known = {a.slug for a in articles(folder)}
    if slug not in known:
        raise KnowledgeError(f"no article {slug!r} here")
    if len(known) == 1:
        raise KnowledgeError("that is the last article; add another before removing it")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    shelf = folder.parent / RETIRED / f"{stamp}-{slug}"
    shelf.mkdir(parents=True, exist_ok=True)
    moved: list[tuple[Path, Path]] = []
    rewritten: list[tuple[Path, bytes]] = []
    for name in (f"{slug}.txt", f"{slug}{META_SUFFIX}"):
        if (folder / name).exists():
            moved.append((folder / name, shelf / name))
    for facts in sorted(folder.glob("*" + FACTS_SUFFIX)):
        raw = facts.read_bytes()
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            continue  # a broken file is reported by the rebuild, with its line
        rows = data.get("fact", [])
        mine = [f for f in rows if isinstance(f, dict) and f.get("document") == slug]
        if not mine:
            continue
        if len(mine) == len(rows) and facts.name != TAUGHT_FILE:
            moved.append((facts, shelf / facts.name))
        else:
            rewritten.append((facts, raw))
            (shelf / facts.name).write_bytes(raw)
            data["fact"] = [f for f in rows if f not in mine]
            _write_atomic(facts, facts_toml(data))
    for src, dst in moved:
        shutil.move(src, dst)

    def undo() -> None:
        for src, dst in moved:
            shutil.move(dst, src)
        for path, raw in rewritten:
            path.write_bytes(raw)

    return undo


def facts_toml(data: dict, header: str = "") -> str:
    """Entities and facts written back in the hand-written facts format."""
    out = [header] if header else []
    for section in ("entity", "fact"):
        for row in data.get(section, []):
            out.append(f"[[{section}]]")
            out.extend(f"{k} = {_toml_value(v)}" for k, v in row.items())
            out.append("")
    return "\n".join(out)


TAUGHT_HEADER = (
    "# Taught with /teach: each fact quotes the sentence a moderator chose; `ask` holds the questions.\n"
)


def lesson_id(question: str) -> str:
    words = " ".join(re.findall(r"\w+", question.casefold()))
    return "taught-" + hashlib.sha1(words.encode()).hexdigest()[:10]


def teach(folder: Path, lesson: Lesson) -> tuple[str, Undo]:
    """Add (or replace) the taught fact for *lesson.question* in taught.facts.toml."""
    path = folder / TAUGHT_FILE
    old = _read(path)
    data = tomllib.loads(old.decode("utf-8")) if old else {}
    fact_id = lesson_id(lesson.question)
    question = " ".join(lesson.question.split())
    row = {
        "id": fact_id,
        "document": lesson.document,
        "subject": lesson.subject,
        "relation": "answers",
        "object": question,
        "answer": lesson.sentence,
        "cites": [lesson.sentence],
        "ask": [question],
    }
    data["fact"] = [f for f in data.get("fact", []) if f.get("id") != fact_id] + [row]
    _write_atomic(path, facts_toml(data, TAUGHT_HEADER))
    return fact_id, _restore(path, old)
