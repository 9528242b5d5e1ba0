"""What the fake Discord records: HTTP requests, messages the bot sent, interaction replies."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

EPHEMERAL = 1 << 6
LOADING = 1 << 7


def compile_path(pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    """``"/channels/{id}/messages"`` -> regex matching one path segment per ``{...}``.

    ``*`` matches anything (including ``/``); a compiled regex is used as is (full match).
    """
    if isinstance(pattern, re.Pattern):
        return pattern
    out = []
    for part in re.split(r"(\{[^}]*\}|\*)", pattern):
        if part == "*":
            out.append(".*")
        elif part.startswith("{") and part.endswith("}"):
            out.append("[^/]+")
        else:
            out.append(re.escape(part))
    return re.compile("".join(out))


@dataclass
class UploadedFile:
    """A file part of a multipart request."""

    field: str
    filename: str | None
    content_type: str | None
    data: bytes


@dataclass
class RecordedRequest:
    """One HTTP request the client made.  ``path`` is relative to ``/api/v10``.

    ``headers`` is case-insensitive; ``route`` is the fake's route template that handled it
    (``None`` for unknown routes); ``status`` is what the fake answered.
    """

    method: str
    path: str
    query: dict[str, str]
    json: Any
    headers: Mapping[str, str]
    route: str | None = None
    status: int | None = None
    files: list[UploadedFile] = field(default_factory=list)
    form: dict[str, str] = field(default_factory=dict)

    def matches(self, method: str | None, pattern: str | re.Pattern[str] | None) -> bool:
        """True if method (``None``/``"*"`` = any) and path pattern (see compile_path) match."""
        if method not in (None, "*") and self.method.upper() != method.upper():
            return False
        return pattern is None or compile_path(pattern).fullmatch(self.path) is not None


@dataclass
class SentMessage:
    """A message the bot created: in a channel, as an interaction reply, or as a followup.

    ``payload`` is the message object the fake answered with (kept current through edits);
    ``request`` is the JSON body the bot sent (so ``allowed_mentions`` etc. are visible).
    ``pinged_*`` say whom Discord would have notified given content + allowed_mentions.
    """

    id: int
    channel_id: int
    payload: dict[str, Any]
    request: dict[str, Any]
    kind: str = "channel"  # "channel" | "interaction" | "followup"
    interaction_id: int | None = None
    edits: list[dict[str, Any]] = field(default_factory=list)
    deleted: bool = False
    pinged_user_ids: list[int] = field(default_factory=list)
    pinged_role_ids: list[int] = field(default_factory=list)
    pinged_everyone: bool = False
    files: list[UploadedFile] = field(default_factory=list)

    @property
    def content(self) -> str:
        return self.payload.get("content") or ""

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return self.payload.get("embeds") or []

    @property
    def flags(self) -> int:
        return int(self.payload.get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def loading(self) -> bool:
        """Still the "thinking..." placeholder of a deferred interaction."""
        return bool(self.flags & LOADING)

    @property
    def allowed_mentions(self) -> dict[str, Any] | None:
        """``allowed_mentions`` of the latest request (create or edit) that carried it."""
        for body in [*reversed(self.edits), self.request]:
            if "allowed_mentions" in body:
                return body["allowed_mentions"]
        return None

    @property
    def reference_id(self) -> int | None:
        """Id of the message this one replies to."""
        ref = self.payload.get("message_reference")
        return int(ref["message_id"]) if ref and ref.get("message_id") else None

    @property
    def text(self) -> str:
        """Content plus embed titles/descriptions/fields, for loose assertions."""
        parts = [self.content]
        for e in self.embeds:
            parts += [e.get("title") or "", e.get("description") or ""]
            for f in e.get("fields") or []:
                parts += [f.get("name") or "", f.get("value") or ""]
            parts.append((e.get("footer") or {}).get("text") or "")
        return "\n".join(x for x in parts if x)


@dataclass
class InteractionResponse:
    """One ``POST /interactions/{id}/{token}/callback``."""

    interaction_id: int
    token: str
    type: int
    data: dict[str, Any]
    request: dict[str, Any]
    message: SentMessage | None = None

    @property
    def content(self) -> str:
        return self.data.get("content") or ""

    @property
    def flags(self) -> int:
        return int(self.data.get("flags") or 0)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    @property
    def choices(self) -> list[dict[str, Any]]:
        """Autocomplete choices (callback type 8)."""
        return self.data.get("choices") or []

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return self.data.get("embeds") or []

    @property
    def allowed_mentions(self) -> dict[str, Any] | None:
        return self.data.get("allowed_mentions")


@dataclass
class InteractionRecord:
    """An interaction the fake dispatched and everything the bot did with it."""

    id: int
    token: str
    payload: dict[str, Any]
    channel_id: int | None
    responses: list[InteractionResponse] = field(default_factory=list)
    original: SentMessage | None = None
    followups: list[SentMessage] = field(default_factory=list)

    @property
    def response(self) -> InteractionResponse | None:
        return self.responses[0] if self.responses else None
