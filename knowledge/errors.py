"""The one error type the knowledge package raises for bad input."""

from __future__ import annotations

from pathlib import Path


class KnowledgeError(Exception):
    """Bad sources or a bad base: carries the file (and line) to name in a one-line message."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"
