"""Turn knowledge values into cards: what the bot shows, as an embed on Discord or text in a terminal.

Discord's limits are applied here so nothing the bot sends is ever rejected for its size.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from knowledge.model import IDK_MANY, Answer, Citation, EntityInfo, ReloadReport, SourceInfo, Summary

if TYPE_CHECKING:
    from .guild_settings import Gap

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FIELD_COUNT_LIMIT = 25
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000
MESSAGE_LIMIT = 2000
QUESTION_ECHO_LIMIT = 200

COLOUR_ANSWER = 0x2B6CB0
COLOUR_ABSTAIN = 0xA0AEC0
COLOUR_INFO = 0x2F855A
COLOUR_ERROR = 0xC53030

_MARKDOWN = re.compile(r"([\\*_~`|>#\[\]()-])")
_MENTION = re.compile(r"@(?=[\w!&#])|<(?=[@#][!&]?\d)")
_ESCAPED = re.compile(r"\\([\\*_~`|>#\[\]()-])")  # what neutralise escaped, for a terminal


def neutralise(text: str) -> str:
    """User text made safe to echo: no mentions, no markdown, no code fences, one line."""
    text = " ".join(text.split())
    text = _MARKDOWN.sub(r"\\\1", text)
    return _MENTION.sub(lambda m: m.group(0) + "\u200b", text)


def clip(text: str, limit: int) -> str:
    """*text* cut to *limit* characters, on a word boundary where possible, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip() + "…"


def quote_block(text: str) -> str:
    return "> " + text.replace("\n", "\n> ")


@dataclass
class Card:
    """A message's content, independent of where it is shown."""

    title: str
    description: str = ""
    fields: list[tuple[str, str]] = field(default_factory=list)
    footer: str = ""
    colour: int = COLOUR_INFO

    def fitted(self) -> Card:
        """A copy within every embed limit."""
        title = clip(self.title, TITLE_LIMIT)
        footer = clip(self.footer, FOOTER_LIMIT)
        desc = clip(self.description, min(DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT - len(title) - len(footer)))
        fields = [
            (clip(n, FIELD_NAME_LIMIT) or "\u200b", clip(v, FIELD_VALUE_LIMIT) or "\u200b")
            for n, v in self.fields[:FIELD_COUNT_LIMIT]
        ]
        total = len(title) + len(desc) + len(footer)
        kept = []
        for name, value in fields:
            if total + len(name) + len(value) > EMBED_TOTAL_LIMIT:
                break
            total += len(name) + len(value)
            kept.append((name, value))
        return Card(title, desc, kept, footer, self.colour)

    def to_text(self) -> str:
        """The same content for a terminal, where markdown's escapes would show ("Selene\\-3")."""
        parts = [self.title, "=" * min(len(self.title), 60)]
        if self.description:
            parts.append(self.description)
        for name, value in self.fields:
            parts.append(f"\n[{name}]\n{value}")
        if self.footer:
            parts.append(f"\n({self.footer})")
        return _ESCAPED.sub(r"\1", "\n".join(parts))


def where(c: Citation) -> str:
    return c.where


def answer_card(answer: Answer, version: str = "", max_citations: int = 3) -> Card:
    """The card for *answer*; its footer names the base version the answer came from."""
    version = answer.version or version
    question = clip(neutralise(answer.question), QUESTION_ECHO_LIMIT) or "(empty question)"
    if answer.abstained:
        lines = [f"**Q:** {question}", "", answer.text]
        many = answer.text == IDK_MANY
        if answer.mentioned:
            held = "These articles mention " if many else "The article mentions "
            names = ", ".join(answer.mentioned)
            # not "nothing answers": an answer may be there that the bot is not sure enough of to quote
            lines += ["", f"{held}{names}, but I found no sentence there I am sure answers this."]
        if answer.suggestions:
            covers = "These articles do cover: " if many else "The article does cover: "
            lines += ["", covers + ", ".join(answer.suggestions) + "."]
        return Card(
            IDK_MANY.rstrip(".") if many else "I don't know that from the article",
            "\n".join(lines),
            footer=f"fact base {version}" if version else "",
            colour=COLOUR_ABSTAIN,
        )
    fields = [
        (f"Source: {where(c)}", quote_block(c.text)) for c in answer.citations[:max_citations]
    ]
    footer = f"confidence {answer.confidence:.0%}"
    if version:
        footer += f" · fact base {version}"
    asked = f"**Q:** {question}"
    if answer.read_as:  # a follow-up: say who "he" or "it" was taken to be
        asked += f"\n*(read as: {clip(neutralise(answer.read_as), QUESTION_ECHO_LIMIT)})*"
    quoted = " ".join(c.text for c in answer.citations)
    # the answer is the quoted sentences themselves: shown once, as the quotes
    if answer.text == quoted and len(answer.citations) <= max_citations:
        return Card("Answer", asked, fields, footer, COLOUR_ANSWER)
    return Card("Answer", f"{asked}\n\n{answer.text}", fields, footer, COLOUR_ANSWER)


def summary_card(summary: Summary) -> Card:
    title = (
        f"Summary ({summary.length})"
        if not summary.topic
        else f"Summary: {neutralise(summary.topic)}"
    )
    if not summary.found:
        return Card(
            clip(title, TITLE_LIMIT), neutralise_plain(summary.message), colour=COLOUR_ABSTAIN
        )
    outlets = {p.citation.source for p in summary.points}
    lines = []
    for n, p in enumerate(summary.points, 1):
        place = where(p.citation) if len(outlets) > 1 else p.citation.place
        lines.append(f"{n}. {p.text}\n   — *{place}*")
    source = ", ".join(sorted(outlets))
    return _long_card(title, lines, f"Every point is quoted from: {source}")


def neutralise_plain(text: str) -> str:
    """Text of ours that embeds a user's words: only mentions are neutralised."""
    return _MENTION.sub(lambda m: m.group(0) + "\u200b", text)


def _long_card(title: str, lines: list[str], footer: str) -> Card:
    """Put *lines* in the description, spilling into fields when it would be too long."""
    desc, fields, current = "", [], ""
    for line in lines:
        line = clip(line, FIELD_VALUE_LIMIT)
        if not fields and len(desc) + len(line) + 2 <= DESCRIPTION_LIMIT:
            desc = f"{desc}\n\n{line}" if desc else line
        elif len(current) + len(line) + 2 <= FIELD_VALUE_LIMIT:
            current = f"{current}\n\n{line}" if current else line
        else:
            fields.append(("\u200b", current))
            current = line
    if current:
        fields.append(("\u200b", current))
    return Card(title, desc, fields, footer, COLOUR_INFO)


def facts_card(info: EntityInfo) -> Card:
    lines = [
        f"{n}. {text}\n   — *{where(c)}*" if text == c.text else f"{n}. {text}\n> {c.text}\n   — *{where(c)}*"
        for n, (text, c) in enumerate(info.facts, 1)
    ]
    head = f"{info.kind}, mentioned in {info.mentions} sentence{'s' if info.mentions != 1 else ''}"
    if info.aliases:
        head += "\nAlso called: " + ", ".join(info.aliases[:8])
    card = _long_card(
        f"What the article says about {info.name}", [head, *lines], "Quoted from the article"
    )
    return card


def unknown_entity_card(name: str, suggestions: list[str]) -> Card:
    text = f"I have nothing about **{clip(neutralise(name), 100)}** in the article."
    if suggestions:
        text += "\nDid you mean: " + ", ".join(suggestions) + "?"
    return Card("Not in the article", text, colour=COLOUR_ABSTAIN)


def source_card(info: SourceInfo) -> Card:
    fields = []
    for d in info.documents:
        bits = [f"**{d.title}**", f"Outlet: {d.outlet}"]
        if d.dateline:
            bits.append(f"Dateline: {d.dateline}")
        if d.subject:
            bits.append(f"Subject: {d.subject}")
        if d.published:
            bits.append(f"Published: {d.published}")
        if d.url:
            bits.append(d.url)
        bits.append(f"{d.paragraphs} paragraphs, {d.sentences} sentences")
        fields.append((d.slug, "\n".join(bits)))
    c = info.counts
    desc = (
        f"Fact base version **{info.version}**, built {info.built_at} in {info.build_seconds:.2f} s.\n"
        f"{c.get('documents', 0)} articles, {c.get('sentences', 0)} sentences, "
        f"{c.get('entities', 0)} entities, {c.get('facts', 0)} facts "
        f"({c.get('hand_facts', 0)} hand-written)."
    )
    return Card("Sources", desc, fields, "Answers quote these articles word for word", COLOUR_INFO)


def reload_card(report: ReloadReport) -> Card:
    return Card("Fact base reloaded", report.describe(), colour=COLOUR_INFO)


def error_card(title: str, message: str) -> Card:
    return Card(title, neutralise_plain(message), colour=COLOUR_ERROR)


RELOAD_FAILED = "Reload failed — the previous fact base is still serving"
RELOAD_BUSY = "A reload is already running; try again in a moment."
NOT_MODERATOR = "Only moderators (Manage Server or a moderator role) can use this."
GUILD_ONLY = "This command only works in a server."
FAILED = "Something went wrong; the moderators have been told."


def cooldown_text(retry_after: float) -> str:
    return f"You're asking quickly — try again in {max(1, math.ceil(retry_after))} s."


def gaps_card(gaps: Sequence[Gap]) -> Card:
    """Questions the bot could not answer, most asked first."""
    title = "Questions I could not answer"
    if not gaps:
        return Card(title, "None yet: every question so far had an answer in the article.")
    lines = [
        f"{n}. **{g.count}×** {clip(neutralise(g.question), 300)}\n   — last asked {g.last_asked}"
        for n, g in enumerate(gaps, 1)
    ]
    return _long_card(title, lines, "Adding an article that covers them makes them answerable")


def channels_card(channel_ids: Sequence[int]) -> Card:
    """The guild's auto-answer channels."""
    if not channel_ids:
        text = "None. A moderator can turn it on for a channel with /channels enable."
    else:
        text = "I answer every message that looks like a question in:\n" + "\n".join(
            f"<#{c}>" for c in channel_ids
        )
    return Card("Auto-answer channels", text)


def channel_change_text(channel_id: int, enabled: bool, changed: bool) -> str:
    if enabled:
        state = "now" if changed else "already"
        return f"I {state} answer questions in <#{channel_id}> without being mentioned."
    if changed:
        return f"I no longer answer questions in <#{channel_id}> unless mentioned."
    return f"Auto-answer was not on in <#{channel_id}>; nothing changed."


HELP_TEXT = (
    "Ask me a question about the article and I will answer with the sentences I stand on.\n"
    "Mention me with a question, DM me, or use /ask. Also: /summary, /facts, /source list."
)


def help_card() -> Card:
    return Card("citebot", HELP_TEXT, colour=COLOUR_INFO)
