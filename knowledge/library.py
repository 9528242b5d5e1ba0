"""Fact bases per server: each server its own sources folder and base, opened on demand, closed when idle.

A server without a folder of its own reads the shipped base (so do DMs); its first change copies
the shipped sources into root/SERVER/sources. At most `max_open` server bases stay in memory,
least recently used first out, and any unused for `idle_seconds` are closed by close_idle().
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .errors import KnowledgeError
from .factbase import FactBase

log = logging.getLogger(__name__)
T = TypeVar("T")
Edit = Callable[[Path], tuple[T, Callable[[], None]]]


class Library:
    """The shipped base plus one base per server that changed its articles."""

    def __init__(
        self,
        root: str | Path,
        shipped: FactBase,
        *,
        max_open: int = 64,
        idle_seconds: float = 900.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.root = Path(root)
        self.shipped = shipped
        self.max_open = max(1, max_open)
        self.idle_seconds = idle_seconds
        self._clock = clock
        self._open: OrderedDict[int, tuple[FactBase, float]] = OrderedDict()
        self._lock = threading.Lock()
        self._opening: dict[int, threading.Lock] = {}

    # --- where things live ---------------------------------------------------------------

    def home(self, server: int) -> Path:
        return self.root / str(int(server))

    def folder(self, server: int) -> Path:
        return self.home(server) / "sources"

    def db(self, server: int) -> Path:
        return self.home(server) / "base.db"

    def has_own(self, server: int | None) -> bool:
        return server is not None and self.folder(server).is_dir()

    # --- reading -------------------------------------------------------------------------

    def cached(self, server: int | None) -> FactBase | None:
        """The server's base if it is ready without touching the disk, else None."""
        if not self.has_own(server):
            return self.shipped
        assert server is not None
        with self._lock:
            entry = self._open.get(server)
            if entry is None:
                return None
            self._open[server] = (entry[0], self._clock())
            self._open.move_to_end(server)
            return entry[0]

    def base(self, server: int | None) -> FactBase:
        """The base serving *server* (None: a DM), opening or building it when needed (blocking)."""
        found = self.cached(server)
        if found is not None:
            return found
        assert server is not None
        with self._lock:
            opening = self._opening.setdefault(server, threading.Lock())
        with opening:
            found = self.cached(server)
            if found is not None:
                return found
            base = self._load(server)
            with self._lock:
                self._open[server] = (base, self._clock())
                self._open.move_to_end(server)
                while len(self._open) > self.max_open:
                    self._open.popitem(last=False)
            return base

    def _load(self, server: int) -> FactBase:
        folder, db = self.folder(server), self.db(server)
        try:
            return FactBase.ensure(folder, db)
        except KnowledgeError as exc:
            if not db.exists():
                raise
            log.warning("server %s: sources do not build (%s); serving its last base", server, exc)
            return FactBase.open(db, folder)

    def is_open(self, server: int) -> bool:
        """Whether the server's own base is in memory (without counting as a use)."""
        return server in self._open

    @property
    def open_count(self) -> int:
        return len(self._open)

    def close_idle(self) -> int:
        """Close the server bases nobody used for idle_seconds; how many were closed."""
        cutoff = self._clock() - self.idle_seconds
        with self._lock:
            idle = [s for s, (_, used) in self._open.items() if used <= cutoff]
            for s in idle:
                del self._open[s]
        return len(idle)

    def close(self, server: int) -> None:
        with self._lock:
            self._open.pop(server, None)

    # --- changing ------------------------------------------------------------------------

    def fork(self, server: int) -> Path:
        """The server's own sources folder, copied from the shipped sources on first use."""
        folder = self.folder(server)
        if folder.is_dir():
            return folder
        home = self.home(server)
        home.mkdir(parents=True, exist_ok=True)
        staging = home / ".sources.copying"
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(staging)
        shutil.copytree(self.shipped.sources, staging)
        staging.rename(folder)
        return folder

    def rebuild(self, server: int | None) -> FactBase:
        """Rebuild the server's base from its folder and serve it; on KnowledgeError the old one serves on."""
        if not self.has_own(server):
            self.shipped.reload()
            return self.shipped
        assert server is not None
        base = self.cached(server)
        if base is None:
            base = FactBase.build(self.folder(server), self.db(server))
        else:
            base.reload(self.folder(server))
        with self._lock:
            self._open[server] = (base, self._clock())
            self._open.move_to_end(server)
        return base

    def unfork(self, server: int) -> None:
        """Drop the server's own folder and base: it reads the shipped base again."""
        self.close(server)
        shutil.rmtree(self.home(server), ignore_errors=True)

    def change(
        self, server: int | None, edit: Edit[T], before_rebuild: Callable[[], None] = lambda: None
    ) -> tuple[T, FactBase]:
        """Apply *edit* (which returns its result and an undo) to the server's folder, then rebuild.

        The folder is the server's own (copied from the shipped sources on its first change) or, for
        None, the shipped one. If the edit or the rebuild fails, the folder is put back as it was.
        """
        forked = server is not None and not self.has_own(server)
        folder = self.fork(server) if server is not None else self.shipped.sources
        try:
            result, undo = edit(folder)
        except BaseException:
            if forked:
                self.unfork(server)  # type: ignore[arg-type]
            raise
        try:
            before_rebuild()
            return result, self.rebuild(server)
        except BaseException:
            undo()
            if forked:
                self.unfork(server)  # type: ignore[arg-type]
            raise
