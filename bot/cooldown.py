"""A per-user cooldown: at most *rate* questions in any *per* seconds, with one notice per block."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

PRUNE_ABOVE = 4096


@dataclass(frozen=True)
class Verdict:
    """Whether a use may go ahead; if not, how long to wait and whether to say so."""

    allowed: bool
    retry_after: float = 0.0
    notify: bool = False


class Cooldowns:
    """Sliding-window limits keyed by user id; `notify` is true once per blocked stretch."""

    def __init__(self, rate: int, per: float, clock: Callable[[], float] = time.monotonic):
        self.rate = rate
        self.per = per
        self._clock = clock
        self._uses: dict[int, deque[float]] = {}
        self._noticed_until: dict[int, float] = {}

    def hit(self, key: int) -> Verdict:
        """Record a use by *key* if allowed."""
        now = self._clock()
        if len(self._uses) > PRUNE_ABOVE:
            self._prune(now)
        uses = self._uses.setdefault(key, deque())
        while uses and uses[0] <= now - self.per:
            uses.popleft()
        if len(uses) < self.rate:
            uses.append(now)
            return Verdict(True)
        retry_after = uses[0] + self.per - now
        notify = self._noticed_until.get(key, float("-inf")) <= now
        if notify:
            self._noticed_until[key] = now + retry_after
        return Verdict(False, retry_after, notify)

    def _prune(self, now: float) -> None:
        for key in [k for k, uses in self._uses.items() if not uses or uses[-1] <= now - self.per]:
            del self._uses[key]
            self._noticed_until.pop(key, None)
