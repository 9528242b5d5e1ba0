"""Questions: mentions, DMs and enabled channels in chat, and the /ask slash command."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar, cast

import discord
from discord import app_commands
from discord.ext import commands

from .. import handlers, render, triggers
from ..conversations import Conversations
from ..replies import reply, respond

if TYPE_CHECKING:
    from ..client import CitebotBot

T = TypeVar("T")
CHAT_TYPES = (discord.MessageType.default, discord.MessageType.reply)


def shared_cooldown() -> Callable[[T], T]:
    """A check spending one use of the user's question cooldown (the same one chat questions use)."""

    async def predicate(interaction: discord.Interaction) -> bool:
        bot = cast("CitebotBot", interaction.client)
        verdict = bot.cooldowns.hit(interaction.user.id)
        if not verdict.allowed:
            cooldown = app_commands.Cooldown(bot.cooldowns.rate, bot.cooldowns.per)
            raise app_commands.CommandOnCooldown(cooldown, verdict.retry_after)
        return True

    return app_commands.check(predicate)


class Questions(commands.Cog):
    """Answers questions with the sentences they stand on."""

    def __init__(self, bot: CitebotBot):
        self.bot = bot
        self.conversations = Conversations()  # per (channel, user): what their last answer was about

    def question_in(self, message: discord.Message) -> str | None:
        """The question *message* puts to the bot ('' for a bare mention), or None if it is not for us."""
        me = self.bot.user
        if me is None or message.author.bot or message.webhook_id or message.type not in CHAT_TYPES:
            return None
        text = triggers.strip_mentions(message.content, me.id)
        if message.guild is None or triggers.mentions(message.content, me.id):
            return text
        if self._auto_answers(message) and triggers.looks_like_question(text):
            return text
        return None

    def _auto_answers(self, message: discord.Message) -> bool:
        assert message.guild is not None
        channel = message.channel
        ids = {channel.id, getattr(channel, "parent_id", None)}  # threads follow their channel
        return any(self.bot.guild_settings.is_enabled(message.guild.id, i) for i in ids if i)

    async def _answer(
        self, guild_id: int | None, channel_id: int | None, user_id: int, question: str
    ) -> render.Card:
        """The card answering *question* from *user_id* in *channel_id*, read as a follow-up of their
        last answer there; an abstention is noted in /gaps before the asker sees "I don't know"."""
        base = await self.bot.base_for(guild_id)
        key = (channel_id, user_id)
        focus = self.conversations.focus(key, base.version)  # a new article set forgets it
        answer, card, kept = await asyncio.to_thread(handlers.converse, base, question, focus)
        self.conversations.remember(key, kept, answer.version)
        if answer.abstained:
            await self._record_gap(guild_id, question)
        return card

    async def _record_gap(self, guild_id: int | None, question: str) -> None:
        if guild_id is not None:
            await asyncio.to_thread(self.bot.guild_settings.record_gap, guild_id, question)

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        question = self.question_in(message)
        if question is None:
            return
        verdict = self.bot.cooldowns.hit(message.author.id)
        if not verdict.allowed:
            if verdict.notify:
                await reply(message, text=render.cooldown_text(verdict.retry_after))
            return
        if not question:
            await reply(message, render.help_card())
            return
        guild_id = message.guild.id if message.guild else None
        await reply(message, await self._answer(guild_id, message.channel.id, message.author.id, question))

    @app_commands.command(name="ask", description="Ask a question about the article; I quote my sources")
    @app_commands.describe(question="What you want to know")
    @shared_cooldown()
    async def ask(
        self, interaction: discord.Interaction, question: app_commands.Range[str, 1, 1000]
    ) -> None:
        card = await self._answer(interaction.guild_id, interaction.channel_id, interaction.user.id, question)
        await respond(interaction, card)


async def setup(bot: CitebotBot) -> None:
    await bot.add_cog(Questions(bot))
