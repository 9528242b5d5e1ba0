"""A server's own articles: /source add|list|remove and /teach (its moderators; the owner: shipped base)."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

import discord
from discord import app_commands
from discord.ext import commands
from rapidfuzz import fuzz, process

from knowledge import FactBase, KnowledgeError, extract, intake, shelf
from knowledge.sources import load_sources

from .. import source_cards
from ..checks import can_manage
from ..render import clip
from ..replies import respond, respond_text

if TYPE_CHECKING:
    from ..client import CitebotBot

CHOICES = 25
CHOICE_TEXT = 100


def _bot(interaction: discord.Interaction) -> CitebotBot:
    return cast("CitebotBot", interaction.client)


def _reason(exc: KnowledgeError) -> str:
    """The error for a user: file name and line, never the host's paths."""
    if exc.path:
        where = Path(exc.path).name + (f":{exc.line}" if exc.line else "")
        return f"{where}: {exc.message}"
    return exc.message


async def article_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """The articles of this server (or of the shipped base in DMs) matching what was typed."""
    bot = _bot(interaction)
    base = await bot.base_for(interaction.guild_id)
    key = current.casefold()
    found = [a for a in shelf.articles(base.sources) if key in a.slug or key in a.title.casefold()]
    return [app_commands.Choice(name=clip(a.title, CHOICE_TEXT), value=a.slug[:CHOICE_TEXT]) for a in found][
        :CHOICES
    ]


async def gap_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """This server's unanswered questions matching what was typed."""
    if interaction.guild_id is None:
        return []
    gaps = await asyncio.to_thread(_bot(interaction).guild_settings.top_gaps, interaction.guild_id, 100)
    key = current.casefold()
    return [
        app_commands.Choice(name=clip(g.question, CHOICE_TEXT), value=g.question[:CHOICE_TEXT])
        for g in gaps
        if key in g.question.casefold()
    ][:CHOICES]


async def sentence_choices(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """This server's sentences: those holding every word typed, else the closest."""
    base = await _bot(interaction).base_for(interaction.guild_id)
    sentences = base.sentence_texts()
    words = current.casefold().split()
    hits = [sid for sid, (text, _) in sentences.items() if all(w in text.casefold() for w in words)]
    if not hits and words:
        texts = {sid: text for sid, (text, _) in sentences.items()}
        hits = [
            sid for _, _, sid in process.extract(current, texts, scorer=fuzz.partial_ratio, limit=CHOICES)
        ]
    return [
        app_commands.Choice(name=clip(sentences[sid][0], CHOICE_TEXT), value=sid[:CHOICE_TEXT])
        for sid in hits[:CHOICES]
    ]


class Sources(commands.Cog):
    """Each server's articles, managed from Discord."""

    source = app_commands.Group(name="source", description="The articles I answer from")

    def __init__(self, bot: CitebotBot):
        self.bot = bot

    # --- shared plumbing ------------------------------------------------------------------

    def _key(self, guild_id: int | None) -> int:
        return guild_id or 0

    async def _gated(self, interaction: discord.Interaction, work: Callable[[], Awaitable[None]]) -> None:
        """Run *work* as this server's one rebuild, after the busy and cooldown checks, deferred privately."""
        gate, key = self.bot.rebuilds, self._key(interaction.guild_id)
        if gate.busy(key):
            await respond_text(interaction, source_cards.BUSY)
            return
        if wait := gate.retry_after(key):
            await respond_text(interaction, source_cards.rebuild_cooldown_text(wait))
            return
        async with gate.hold(key):
            await interaction.response.defer(ephemeral=True, thinking=True)
            await work()

    async def _change(
        self, guild_id: int | None, edit: Callable[[Path], tuple[str, shelf.Undo]]
    ) -> tuple[str, FactBase]:
        """Edit the server's folder and rebuild (undone on failure); a rebuild starts the cooldown."""
        mark = functools.partial(self.bot.rebuilds.mark, self._key(guild_id))
        return await asyncio.to_thread(self.bot.library.change, guild_id, edit, mark)

    # --- /source --------------------------------------------------------------------------

    @source.command(name="add", description="Add an article by link, or attach a .txt, .md or .html file")
    @app_commands.describe(link="the article's web address", file="a .txt, .md or .html file")
    @can_manage()
    async def add(
        self,
        interaction: discord.Interaction,
        link: app_commands.Range[str, 1, 2000] | None = None,
        file: discord.Attachment | None = None,
    ) -> None:
        if (link is None) == (file is None):
            await respond_text(interaction, source_cards.NEED_LINK_OR_FILE)
            return

        async def work() -> None:
            try:
                article = await (self._read_link(link) if link else self._read_file(file))  # type: ignore[arg-type]
                caps = self.bot.settings.caps()
                slug, base = await self._change(
                    interaction.guild_id, lambda folder: shelf.add_article(folder, article, caps)
                )
            except KnowledgeError as exc:
                await respond_text(interaction, source_cards.refused_text("add that", _reason(exc)))
                return
            await respond(interaction, source_cards.added_card(slug, base), ephemeral=True)

        await self._gated(interaction, work)

    async def _read_link(self, link: str) -> extract.Extracted:
        return await intake.from_link(link.strip(), self.bot.settings.fetch_policy())

    async def _read_file(self, file: discord.Attachment) -> extract.Extracted:
        suffix = Path(file.filename).suffix.lower()
        if suffix not in extract.FILE_SUFFIXES:
            raise KnowledgeError(f"I read {', '.join(extract.FILE_SUFFIXES)} files, not {suffix or 'this'}")
        limit = self.bot.settings.fetch_max_bytes
        if file.size > limit:
            raise KnowledgeError(f"the file is larger than {limit:,} bytes")
        try:
            raw = await file.read()
        except discord.HTTPException:
            raise KnowledgeError("Discord did not give me the file; try again") from None
        return await asyncio.to_thread(extract.from_bytes, raw[: limit + 1], suffix)

    @source.command(name="list", description="The articles I answer from here, with their status")
    async def list_sources(self, interaction: discord.Interaction) -> None:
        base = await self.bot.base_for(interaction.guild_id)
        card = await asyncio.to_thread(self._list_card, base)
        await respond(interaction, card)

    @staticmethod
    def _list_card(base: FactBase) -> source_cards.Card:
        served = {d.slug for d in base.source_info().documents}
        problem = ""
        try:
            load_sources(base.sources)
        except KnowledgeError as exc:
            problem = _reason(exc)
        statuses = [source_cards.Status(a, a.slug in served) for a in shelf.articles(base.sources)]
        return source_cards.list_card(statuses, base, problem)

    @source.command(name="remove", description="Retire one of this server's articles")
    @app_commands.describe(article="the article to retire")
    @app_commands.autocomplete(article=article_choices)
    @can_manage()
    async def remove(self, interaction: discord.Interaction, article: str) -> None:
        async def work() -> None:
            base = await self.bot.base_for(interaction.guild_id)
            present = {a.slug: a for a in shelf.articles(base.sources)}
            gone = present.get(article)
            if gone is None:
                await respond_text(
                    interaction, source_cards.refused_text("remove that", "no such article here")
                )
                return
            try:
                await self._change(
                    interaction.guild_id, lambda folder: ("", shelf.retire_article(folder, article))
                )
            except KnowledgeError as exc:
                await respond_text(interaction, source_cards.refused_text("remove that", _reason(exc)))
                return
            await respond_text(interaction, source_cards.removed_text(gone))

        await self._gated(interaction, work)

    # --- /teach ---------------------------------------------------------------------------

    @app_commands.command(
        name="teach", description="Answer a question from /gaps with a sentence, or mark it"
    )
    @app_commands.describe(
        question="an unanswered question (from /gaps)",
        sentence="the sentence that answers it",
        not_covered="the articles do not cover it: drop it from /gaps",
    )
    @app_commands.autocomplete(question=gap_choices, sentence=sentence_choices)
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @can_manage()
    async def teach(
        self,
        interaction: discord.Interaction,
        question: app_commands.Range[str, 1, 300],
        sentence: str | None = None,
        not_covered: bool = False,
    ) -> None:
        guild_id = interaction.guild_id
        assert guild_id is not None
        store = self.bot.guild_settings
        if not_covered == (sentence is not None):
            await respond_text(interaction, source_cards.TEACH_NEEDS_ONE)
            return
        if not_covered:
            await asyncio.to_thread(store.dismiss_gap, guild_id, question)
            await respond_text(interaction, source_cards.not_covered_text(question))
            return
        base = await self.bot.base_for(guild_id)
        found = base.sentence_texts().get(sentence or "")
        if found is None:
            await respond_text(interaction, source_cards.UNKNOWN_SENTENCE)
            return
        text, document = found
        lesson = shelf.Lesson(question, text, document, _subject(base, document, question))

        async def work() -> None:
            try:
                _, new = await self._change(guild_id, lambda folder: shelf.teach(folder, lesson))
            except KnowledgeError as exc:
                await respond_text(interaction, source_cards.refused_text("teach that", _reason(exc)))
                return
            await asyncio.to_thread(store.close_gap, guild_id, question)
            answer = new.answer(question)
            answered = not answer.abstained and any(text in c.text for c in answer.citations)
            await respond(interaction, source_cards.taught_card(question, text, answered), ephemeral=True)

        await self._gated(interaction, work)


def _subject(base: FactBase, document: str, question: str) -> str:
    """Whom the taught fact is about: a person or organisation of the article named in the question."""
    asked = question.casefold()
    kinds = ("person", "organisation", "country", "place", "other")
    for name in base.article_entities(document, kinds):
        if name.casefold() in asked or any(len(w) > 3 and w in asked for w in name.casefold().split()):
            return name
    doc = next((d for d in base.source_info().documents if d.slug == document), None)
    return doc.title if doc else document


async def setup(bot: CitebotBot) -> None:
    await bot.add_cog(Sources(bot))
