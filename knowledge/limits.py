"""Size limits that keep a build linear in time and in base size; documented in the README."""

from __future__ import annotations

MAX_ARTICLE_BYTES = 10_000_000
"""An article file larger than this (10 MB) is refused with a clear message."""

MAX_SENTENCE_CHARS = 1_000
"""A sentence longer than this is cut into pieces of at most this many characters, at spaces."""

MAX_HEADING_CHARS = MAX_SENTENCE_CHARS
"""A first line longer than this is no headline or caption: the article is read as body text."""

MAX_CHUNK_CHARS = 20_000
"""Longer paragraphs are split into sentences a chunk of about this size at a time."""
