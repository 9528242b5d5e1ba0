"""When a chat message is a question for the bot: mentions of it, and text that reads as a question."""

from __future__ import annotations

import re

QUESTION_WORDS = frozenset(
    "who what when where why how which is are does did can will has".split()
)
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def _mention(bot_id: int) -> re.Pattern[str]:
    return re.compile(rf"<@!?{bot_id}>")


def mentions(text: str, bot_id: int) -> bool:
    """True when *text* mentions the bot (`<@id>` or the older `<@!id>`)."""
    return _mention(bot_id).search(text) is not None


# users, roles, channels, @everyone and @here: markup, not words of the question
_ANY_MENTION = re.compile(r"<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b")


def strip_mentions(text: str, bot_id: int) -> str:
    """*text* without mentions of the bot or of anyone else, trimmed."""
    return " ".join(_ANY_MENTION.sub(" ", _mention(bot_id).sub(" ", text)).split())


def looks_like_question(text: str) -> bool:
    """Ends with '?' or starts with a question word (who, what, ..., is, does, can, ...)."""
    text = text.strip()
    if text.endswith(("?", "？")):
        return True
    first = _FIRST_WORD.match(text)
    return first is not None and first.group(0).casefold() in QUESTION_WORDS
