"""Moderator commands: /reload, /channels enable|disable|list and /gaps (guild only)."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from .. import handlers, render, source_cards
from ..checks import can_manage, is_moderator
from ..replies import respond, respond_text

if TYPE_CHECKING:
    from ..client import CitebotBot

T = TypeVar("T")

MANAGE_GUILD = discord.Permissions(manage_guild=True)
GAPS_SHOWN = 10


class Moderation(commands.Cog):
    """Reloading the fact base, auto-answer channels and the unanswered-questions log."""

    channels = app_commands.Group(
        name="channels",
        description="Channels where I answer questions without being mentioned",
        guild_only=True,
        default_permissions=MANAGE_GUILD,
    )

    def __init__(self, bot: CitebotBot):
        self.bot = bot

    @app_commands.command(name="reload", description="Rebuild this server's fact base from its sources")
    @app_commands.default_permissions(manage_guild=True)
    @can_manage()
    async def reload(self, interaction: discord.Interaction) -> None:
        bot, guild_id = self.bot, interaction.guild_id
        own = bot.library.has_own(guild_id)
        if guild_id is not None and not own and not await bot.is_owner(interaction.user):
            await respond_text(interaction, source_cards.SHIPPED_RELOAD)
            return
        key = guild_id if own and guild_id is not None else 0
        if bot.rebuilds.busy(key):
            await respond_text(interaction, render.RELOAD_BUSY)
            return
        if wait := bot.rebuilds.retry_after(key):
            await respond_text(interaction, source_cards.rebuild_cooldown_text(wait))
            return
        async with bot.rebuilds.hold(key):
            await interaction.response.defer(ephemeral=True, thinking=True)
            base = await bot.base_for(guild_id if own else None)
            try:
                card = await asyncio.to_thread(handlers.reload, base)
            finally:
                bot.rebuilds.mark(key)
            await respond(interaction, card, ephemeral=True)

    @channels.command(name="enable", description="Answer questions here (or in a channel) without a mention")
    @app_commands.describe(channel="default: this channel")
    @is_moderator()
    async def enable(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        await self._switch(interaction, channel, True)

    @channels.command(name="disable", description="Stop answering without a mention here (or in a channel)")
    @app_commands.describe(channel="default: this channel")
    @is_moderator()
    async def disable(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None = None
    ) -> None:
        await self._switch(interaction, channel, False)

    @channels.command(name="list", description="The channels where I answer without a mention")
    @is_moderator()
    async def list_channels(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        ids = self.bot.guild_settings.channels(interaction.guild_id)
        await respond(interaction, render.channels_card(ids), ephemeral=True)

    async def _switch(
        self, interaction: discord.Interaction, channel: discord.TextChannel | None, on: bool
    ) -> None:
        assert interaction.guild_id is not None and interaction.channel_id is not None
        channel_id = channel.id if channel else interaction.channel_id
        store = self.bot.guild_settings
        change = store.enable_channel if on else store.disable_channel
        changed = await asyncio.to_thread(change, interaction.guild_id, channel_id)
        await respond_text(interaction, render.channel_change_text(channel_id, on, changed))

    @app_commands.command(name="gaps", description="Questions I could not answer, most asked first")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @is_moderator()
    async def gaps(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        gaps = await asyncio.to_thread(self.bot.guild_settings.top_gaps, interaction.guild_id, GAPS_SHOWN)
        await respond(interaction, render.gaps_card(gaps), ephemeral=True)


async def setup(bot: CitebotBot) -> None:
    await bot.add_cog(Moderation(bot))
