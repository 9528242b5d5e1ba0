"""The one error type the knowledge package raises for bad input."""

from __future__ import annotations

from pathlib import Path


def printable(path: str | Path) -> str:
    """*path* as text any terminal can print: bytes that are not UTF-8 shown as \\xNN."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class KnowledgeError(Exception):
    """Bad sources or a bad base: carries the file (and line) to name in a one-line message."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = printable(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        return self.shown()

    def shown(self, root: str | Path | None = None) -> str:
        """The one-line message; with *root*, a path inside it is shown relative to it and any other
        by its name alone, so the host's folders stay private."""
        where = ""
        if self.path:
            path = self.path
            if root is not None:
                base = printable(Path(root).resolve())
                full = printable(Path(self.path).resolve())
                inside = full.startswith(base.rstrip("/") + "/")
                path = full[len(base.rstrip("/")) + 1 :] if inside else Path(full).name
            where = f"{path}:{self.line}: " if self.line else f"{path}: "
        return f"{where}{self.message}"
