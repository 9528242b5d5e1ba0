"""Bringing an article in, the same way for `citebot add` and `/source add`: read, write, rebuild or undo."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from . import extract, shelf
from .extract import Extracted
from .fetch import FetchPolicy, fetch

T = TypeVar("T")


@dataclass(frozen=True)
class Added:
    """What was added, and what the rebuild that took it in returned."""

    slug: str
    article: Extracted


def is_link(text: str) -> bool:
    return bool(urlsplit(text.strip()).scheme) and "://" in text


async def from_link(url: str, policy: FetchPolicy) -> Extracted:
    """Fetch *url* safely and extract its article (extraction runs in a worker thread)."""
    page = await fetch(url, policy)
    return await asyncio.to_thread(extract.from_html, page.body, page.url)


async def read(page_or_url: str, policy: FetchPolicy) -> Extracted:
    """The article at a link, or in a saved page or text file on disk."""
    if is_link(page_or_url):
        return await from_link(page_or_url, policy)
    return await asyncio.to_thread(extract.from_file, Path(page_or_url))


def add(folder: Path, article: Extracted, caps: shelf.Caps, rebuild: Callable[[], T]) -> tuple[Added, T]:
    """Write *article* into *folder* and run *rebuild*; if the rebuild fails, the folder is put back."""
    slug, undo = shelf.add_article(folder, article, caps)
    try:
        result = rebuild()
    except BaseException:
        undo()
        raise
    return Added(slug, article), result
