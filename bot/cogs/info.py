"""What the articles hold: /summary and /facts (with entity autocomplete), from this server's base."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Literal, cast

import discord
from discord import app_commands
from discord.ext import commands

from .. import handlers
from ..render import clip
from ..replies import respond

if TYPE_CHECKING:
    from ..client import CitebotBot

CHOICE_LIMIT = 25
CHOICE_TEXT_LIMIT = 100


async def entity_choices(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    """Entities of the base matching what the user has typed, most mentioned first."""
    bot = cast("CitebotBot", interaction.client)
    base = await bot.base_for(interaction.guild_id)
    names = base.entity_names(current[:CHOICE_TEXT_LIMIT], CHOICE_LIMIT)
    return [
        app_commands.Choice(name=clip(n, CHOICE_TEXT_LIMIT), value=n[:CHOICE_TEXT_LIMIT])
        for n in names[:CHOICE_LIMIT]
    ]


class Info(commands.Cog):
    """Summaries and entity facts, all quoted from the articles."""

    def __init__(self, bot: CitebotBot):
        self.bot = bot

    @app_commands.command(name="summary", description="A cited summary of the article, or of one topic")
    @app_commands.describe(
        length="short (3–4 points) or long (about 8)", topic="a person, country or organisation"
    )
    @app_commands.autocomplete(topic=entity_choices)
    async def summary(
        self,
        interaction: discord.Interaction,
        length: Literal["short", "long"] = "short",
        topic: str | None = None,
    ) -> None:
        base = await self.bot.base_for(interaction.guild_id)
        await respond(interaction, await asyncio.to_thread(handlers.summary, base, length, topic))

    @app_commands.command(name="facts", description="What the article says about someone or something")
    @app_commands.describe(entity="a person, country or organisation")
    @app_commands.autocomplete(entity=entity_choices)
    async def facts(self, interaction: discord.Interaction, entity: str) -> None:
        base = await self.bot.base_for(interaction.guild_id)
        await respond(interaction, await asyncio.to_thread(handlers.facts, base, entity))


async def setup(bot: CitebotBot) -> None:
    await bot.add_cog(Info(bot))
