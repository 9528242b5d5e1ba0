"""What each conversation was last about: per (channel, user), the focus of their last answer."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from knowledge import Focus

FOCUS_SECONDS = 600.0  # a follow-up comes within ten minutes of the answer it follows
KEPT = 10_000  # conversations remembered; past that the least recently used is forgotten


@dataclass(frozen=True)
class _Entry:
    focus: Focus
    version: str  # of the base that gave the answer: another article set forgets the focus
    at: float


class Conversations:
    """A bounded, expiring memory of foci, least recently used forgotten first (not thread-safe:
    the bot reads and writes it on its event loop)."""

    def __init__(
        self,
        seconds: float = FOCUS_SECONDS,
        kept: int = KEPT,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.seconds = seconds
        self.kept = kept
        self._clock = clock
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def focus(self, key: Hashable, version: str) -> Focus | None:
        """The focus of *key*'s last answer, unless it expired or came from another version of the base."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        if self._clock() - entry.at > self.seconds or entry.version != version:
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return entry.focus

    def remember(self, key: Hashable, focus: Focus | None, version: str) -> None:
        """Keep *focus* as *key*'s, from now; None (nothing answered) changes nothing."""
        if focus is None:
            return
        self._entries[key] = _Entry(focus, version, self._clock())
        self._entries.move_to_end(key)
        while len(self._entries) > self.kept:
            self._entries.popitem(last=False)
