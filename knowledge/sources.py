"""Read a sources folder: article texts, their metadata, and hand-written facts and aliases.

Layout of a sources folder:
  NAME.txt          an article (first line: headline or photo caption, then paragraphs)
  NAME.meta.toml    optional metadata for NAME.txt (outlet, title, dateline, subject, ...)
  *.facts.toml      optional hand-written entities and facts; each fact names its article
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KnowledgeError
from .limits import MAX_ARTICLE_BYTES

META_SUFFIX = ".meta.toml"
FACTS_SUFFIX = ".facts.toml"
_FIRST_LINE_KINDS = ("caption", "headline", "body")
_ENTITY_KINDS = ("person", "country", "place", "organisation", "date", "number", "other")
_ENTITY_KEYS = ("name", "kind", "aliases")
_FACT_KEYS = ("id", "document", "subject", "relation", "object", "answer", "cites", "ask")


@dataclass(frozen=True)
class Article:
    slug: str
    path: Path
    text: str
    title: str
    outlet: str
    dateline: str = ""
    subject: str = ""
    published: str = ""
    url: str = ""
    first_line: str = "headline"  # how to read the first line: caption, headline or body


@dataclass(frozen=True)
class HandEntity:
    name: str
    kind: str
    aliases: tuple[str, ...]
    path: Path
    line: int


@dataclass(frozen=True)
class HandFact:
    id: str
    document: str
    subject: str
    relation: str
    object: str
    answer: str
    cites: tuple[str, ...]
    ask: tuple[str, ...]
    path: Path
    line: int


@dataclass
class SourceSet:
    """Everything read from one sources folder, before derivation."""

    folder: Path
    articles: list[Article] = field(default_factory=list)
    entities: list[HandEntity] = field(default_factory=list)
    facts: list[HandFact] = field(default_factory=list)
    digest: str = ""


def load_sources(folder: str | Path) -> SourceSet:
    """Read and check every file of *folder*; raise KnowledgeError naming the first bad one."""
    folder = Path(folder)
    if not folder.exists():
        raise KnowledgeError("sources folder does not exist", folder)
    if not folder.is_dir():
        raise KnowledgeError("sources path is not a folder", folder)
    digest = hashlib.sha256()
    result = SourceSet(folder=folder)
    names = _names(folder)
    texts = [folder / n for n in names if n.endswith(".txt")]
    if not texts:
        raise KnowledgeError("no article (*.txt) in the sources folder", folder)
    for path in texts:
        raw = _read(path, MAX_ARTICLE_BYTES)
        digest.update(path.name.encode() + b"\0" + raw)
        meta_path = path.with_name(path.stem + META_SUFFIX)
        meta: dict = {}
        if meta_path.name in names:
            meta_raw = _read(meta_path)
            digest.update(meta_path.name.encode() + b"\0" + meta_raw)
            meta = _parse_toml(meta_path, meta_raw)
        result.articles.append(_article(path, raw, meta, meta_path))
    for path in (folder / n for n in names if n.endswith(FACTS_SUFFIX)):
        raw = _read(path)
        digest.update(path.name.encode() + b"\0" + raw)
        data = _parse_toml(path, raw)
        ents, facts = _hand_facts(path, raw.decode("utf-8"), data)
        result.entities.extend(ents)
        result.facts.extend(facts)
    _check_facts(result)
    result.digest = digest.hexdigest()[:16]
    return result


def _names(folder: Path) -> list[str]:
    """The sorted names of the folder's source files; KnowledgeError for one citebot cannot use."""
    try:
        with os.scandir(folder) as entries:
            found = [e for e in entries if e.name.endswith((".txt", FACTS_SUFFIX, META_SUFFIX))]
    except OSError as exc:
        raise KnowledgeError(f"cannot read the sources folder: {exc.strerror}", folder) from None
    names = []
    for entry in found:
        path = folder / entry.name
        try:
            entry.name.encode("utf-8")
        except UnicodeEncodeError:
            raise KnowledgeError("the file name is not UTF-8; rename the file", path) from None
        if entry.is_dir():
            raise KnowledgeError("a folder named like a source file; rename or remove it", path)
        names.append(entry.name)
    return sorted(names)


def _read(path: Path, limit: int | None = None) -> bytes:
    """The bytes of *path*; KnowledgeError when it cannot be read or is over *limit* bytes."""
    try:
        if limit is not None and (size := path.stat().st_size) > limit:
            raise KnowledgeError(
                f"the article is {size:,} bytes, over the limit of {limit:,} (MAX_ARTICLE_BYTES); "
                "split it into several files",
                path,
            )
        return path.read_bytes()
    except OSError as exc:
        raise KnowledgeError(f"cannot read the file: {exc.strerror or exc}", path) from None


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise KnowledgeError(
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8", path, line
        ) from None


def _parse_toml(path: Path, raw: bytes) -> dict:
    text = _decode(path, raw)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(m.group(1)) if m else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise KnowledgeError(f"TOML syntax error: {reason}", path, line) from None


def _article(path: Path, raw: bytes, meta: dict, meta_path: Path) -> Article:
    text = _decode(path, raw).lstrip("\ufeff")
    if not text.strip():
        raise KnowledgeError("the article is empty", path)
    if not any(ch.isalpha() for ch in text):
        raise KnowledgeError("the article has no words", path)
    if "\x00" in text:
        raise KnowledgeError("the article contains NUL bytes; is it really text?", path)
    first_line = str(meta.get("first_line", "headline"))
    if first_line not in _FIRST_LINE_KINDS:
        raise KnowledgeError(
            f"first_line must be one of {', '.join(_FIRST_LINE_KINDS)}, not {first_line!r}",
            meta_path,
            _line_of(meta_path, "first_line"),
        )
    heading = text.strip().splitlines()[0].strip()
    if isinstance(meta.get("published"), dt.date | dt.datetime):
        meta = {**meta, "published": meta["published"].isoformat()}
    for key in ("title", "outlet", "dateline", "subject", "published", "url"):
        if key in meta and not isinstance(meta[key], str):
            raise KnowledgeError(f"{key} must be a string", meta_path, _line_of(meta_path, key))
    return Article(
        slug=path.stem,
        path=path,
        text=text,
        title=meta.get("title") or heading[:200],
        # no outlet is guessed: one made from the file's name ("mourinho-tottenham.txt" -> "Mourinho")
        # became an organisation that took the name of the person the article is about
        outlet=meta.get("outlet", ""),
        dateline=meta.get("dateline", ""),
        subject=meta.get("subject", ""),
        published=meta.get("published", ""),
        url=meta.get("url", ""),
        first_line=first_line,
    )


def _line_of(path: Path, key: str) -> int | None:
    try:
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip().startswith(key):
                return n
    except OSError:
        return None
    return None


def _table_lines(text: str, header: str) -> list[int]:
    pattern = re.compile(r"^[ \t]*\[\[[ \t]*" + re.escape(header) + r"[ \t]*\]\]", re.M)
    return [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)]


def _hand_facts(path: Path, text: str, data: dict) -> tuple[list[HandEntity], list[HandFact]]:
    unknown = set(data) - {"entity", "fact"}
    if unknown:
        name = sorted(unknown)[0]
        raise KnowledgeError(
            f"unknown section {name!r}; use [[entity]] and [[fact]]", path, _line_of(path, name)
        )
    entity_lines = _table_lines(text, "entity")
    fact_lines = _table_lines(text, "fact")
    entities = []
    for i, row in enumerate(_rows(data, "entity", path)):
        line = entity_lines[i] if i < len(entity_lines) else None
        _known_keys(row, _ENTITY_KEYS, "entity", path, line)
        name = _req_str(row, "name", path, line)
        kind = row.get("kind", "other")
        if kind not in _ENTITY_KINDS:
            raise KnowledgeError(
                f"entity {name!r}: kind must be one of {', '.join(_ENTITY_KINDS)}", path, line
            )
        aliases = _str_list(row, "aliases", path, line)
        entities.append(HandEntity(name, kind, tuple(aliases), path, line or 0))
    facts = []
    for i, row in enumerate(_rows(data, "fact", path)):
        line = fact_lines[i] if i < len(fact_lines) else None
        fact_id = _req_str(row, "id", path, line)
        _known_keys(row, _FACT_KEYS, f"fact {fact_id!r}", path, line)
        cites = _str_list(row, "cites", path, line)
        if not cites:
            raise KnowledgeError(f'fact {fact_id!r} cites nothing; add cites = ["..."]', path, line)
        facts.append(
            HandFact(
                id=fact_id,
                document=_req_str(row, "document", path, line),
                subject=_req_str(row, "subject", path, line),
                relation=_req_str(row, "relation", path, line),
                object=_req_str(row, "object", path, line),
                answer=_req_str(row, "answer", path, line),
                cites=tuple(cites),
                ask=tuple(_str_list(row, "ask", path, line)),
                path=path,
                line=line or 0,
            )
        )
    return entities, facts


def _rows(data: dict, table: str, path: Path) -> list[dict]:
    """The [[table]] rows of a facts file; KnowledgeError when they are written in another shape."""
    rows = data.get(table, [])
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise KnowledgeError(
            f"write each {table} as a [[{table}]] table (two brackets), with key = value lines under it",
            path,
            _line_of(path, f"[{table}]") or _line_of(path, table),
        )
    return rows


def _known_keys(row: dict, keys: tuple[str, ...], what: str, path: Path, line: int | None) -> None:
    unknown = sorted(set(row) - set(keys))
    if unknown:
        raise KnowledgeError(
            f"{what}: unknown key {unknown[0]!r} (known keys: {', '.join(keys)})", path, line
        )


def _req_str(row: dict, key: str, path: Path, line: int | None) -> str:
    value = row.get(key)
    if value is None:
        raise KnowledgeError(f"missing {key!r}", path, line)
    if not isinstance(value, str):
        raise KnowledgeError(
            f"{key!r} must be a string in quotes, not {_toml_type(value)} ({key} = \"{value}\")", path, line
        )
    if not value.strip():
        raise KnowledgeError(f"empty {key!r}", path, line)
    return value.strip()


def _toml_type(value: object) -> str:
    kinds = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a table"}
    return next((name for t, name in kinds.items() if isinstance(value, t)), "a date")


def _str_list(row: dict, key: str, path: Path, line: int | None) -> list[str]:
    value = row.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise KnowledgeError(f"{key!r} must be a list of strings", path, line)
    return [v for v in value if v.strip()]


def _check_facts(sources: SourceSet) -> None:
    slugs = {a.slug for a in sources.articles}
    seen: dict[str, HandFact] = {}
    for fact in sources.facts:
        if fact.id in seen:
            first = seen[fact.id]
            raise KnowledgeError(
                f"duplicate fact id {fact.id!r} (first at {first.path.name}:{first.line})",
                fact.path,
                fact.line,
            )
        seen[fact.id] = fact
        if fact.document not in slugs:
            raise KnowledgeError(
                f"fact {fact.id!r} cites unknown article {fact.document!r}"
                f" (known: {', '.join(sorted(slugs))})",
                fact.path,
                fact.line,
            )
