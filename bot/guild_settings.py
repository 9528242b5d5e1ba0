"""Per-guild settings in their own SQLite file: auto-answer channels and the log of unanswered questions
(with the ones a moderator marked as not covered).

Kept apart from the fact base, so a reload never touches it. Every call is tiny and synchronous;
the store is safe to use from the event loop and from worker threads (asyncio.to_thread).
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

QUESTION_STORE_LIMIT = 300
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Gap:
    """A question the bot could not answer, grouped with the ways it was phrased the same."""

    question: str
    count: int
    last_asked: str  # ISO 8601, UTC


def gap_key(question: str) -> str:
    """*question* folded for grouping: case, accents and punctuation ignored."""
    text = unicodedata.normalize("NFKD", question)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(_WORD.findall(text))


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class GuildSettings:
    """Auto-answer channels per guild and the gaps log, with channel lookups served from memory."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(self.path, check_same_thread=False)
        self._db = sqlite_utils.Database(self._conn)
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db["channels"].create(
            {"guild_id": int, "channel_id": int, "enabled_at": str},
            pk=("guild_id", "channel_id"),
            if_not_exists=True,
        )
        self._db["gaps"].create(
            {"guild_id": int, "key": str, "question": str, "count": int, "last_asked": str},
            pk=("guild_id", "key"),
            if_not_exists=True,
        )
        self._db["dismissed"].create(
            {"guild_id": int, "key": str, "dismissed_at": str}, pk=("guild_id", "key"), if_not_exists=True
        )
        self._enabled: dict[int, set[int]] = {}
        for row in self._db["channels"].rows:
            self._enabled.setdefault(row["guild_id"], set()).add(row["channel_id"])

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # --- auto-answer channels --------------------------------------------------------

    def is_enabled(self, guild_id: int, channel_id: int) -> bool:
        return channel_id in self._enabled.get(guild_id, ())

    def channels(self, guild_id: int) -> list[int]:
        """The guild's auto-answer channels, in id order."""
        return sorted(self._enabled.get(guild_id, ()))

    def enable_channel(self, guild_id: int, channel_id: int) -> bool:
        """Turn auto-answer on; False when it already was."""
        if self.is_enabled(guild_id, channel_id):
            return False
        with self._lock, self._conn:
            self._conn.execute(
                "insert or ignore into channels (guild_id, channel_id, enabled_at) values (?, ?, ?)",
                (guild_id, channel_id, _now()),
            )
            self._enabled.setdefault(guild_id, set()).add(channel_id)
        return True

    def disable_channel(self, guild_id: int, channel_id: int) -> bool:
        """Turn auto-answer off; False when it was not on."""
        if not self.is_enabled(guild_id, channel_id):
            return False
        with self._lock, self._conn:
            self._conn.execute(
                "delete from channels where guild_id = ? and channel_id = ?", (guild_id, channel_id)
            )
            self._enabled[guild_id].discard(channel_id)
        return True

    # --- gaps ------------------------------------------------------------------------

    def record_gap(self, guild_id: int, question: str) -> None:
        """Count one more asking of *question* (grouped by gap_key); blank questions are ignored."""
        key = gap_key(question)
        if not key:
            return
        text = " ".join(question.split())[:QUESTION_STORE_LIMIT]
        with self._lock, self._conn:
            self._conn.execute(
                "insert into gaps (guild_id, key, question, count, last_asked) values (?, ?, ?, 1, ?) "
                "on conflict (guild_id, key) do update set count = count + 1, "
                "question = excluded.question, last_asked = excluded.last_asked",
                (guild_id, key[:QUESTION_STORE_LIMIT], text, _now()),
            )

    def top_gaps(self, guild_id: int, limit: int = 10) -> list[Gap]:
        """The guild's unanswered questions, most asked first (then most recent)."""
        with self._lock:
            rows = self._conn.execute(
                "select question, count, last_asked from gaps where guild_id = ? and key not in "
                "(select key from dismissed where guild_id = ?) "
                "order by count desc, last_asked desc, key limit ?",
                (guild_id, guild_id, limit),
            ).fetchall()
        return [Gap(q, n, last) for q, n, last in rows]

    def close_gap(self, guild_id: int, question: str) -> None:
        """Forget *question* (it was taught): it leaves the gaps until it goes unanswered again."""
        with self._lock, self._conn:
            self._conn.execute(
                "delete from gaps where guild_id = ? and key = ?",
                (guild_id, gap_key(question)[:QUESTION_STORE_LIMIT]),
            )

    def dismiss_gap(self, guild_id: int, question: str) -> None:
        """Mark *question* as not covered by the articles: /gaps no longer shows it."""
        key = gap_key(question)[:QUESTION_STORE_LIMIT]
        if not key:
            return
        with self._lock, self._conn:
            self._conn.execute(
                "insert or replace into dismissed (guild_id, key, dismissed_at) values (?, ?, ?)",
                (guild_id, key, _now()),
            )
