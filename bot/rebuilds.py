"""One rebuild at a time per server, and a cooldown between a server's rebuilds."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable


class RebuildGate:
    """Per-key lock and cooldown: `busy`, `retry_after`, `hold(key)` around a change, `mark` a rebuild."""

    def __init__(self, cooldown: float, clock: Callable[[], float] = time.monotonic):
        self.cooldown = cooldown
        self._clock = clock
        self._locks: dict[int, asyncio.Lock] = {}
        self._last: dict[int, float] = {}

    def busy(self, key: int) -> bool:
        lock = self._locks.get(key)
        return lock is not None and lock.locked()

    def retry_after(self, key: int) -> float:
        """Seconds until *key* may rebuild again (0 when it may now)."""
        last = self._last.get(key)
        return 0.0 if last is None else max(0.0, last + self.cooldown - self._clock())

    def mark(self, key: int) -> None:
        """*key* rebuilt just now (or tried to): the cooldown starts."""
        self._last[key] = self._clock()

    @contextlib.asynccontextmanager
    async def hold(self, key: int) -> AsyncIterator[None]:
        """The one change running for *key*; a refused fetch inside it does not start the cooldown."""
        async with self._locks.setdefault(key, asyncio.Lock()):
            yield
