"""Moderator commands: /reload, /channels enable|disable|list and /gaps (guild only)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar, cast

import discord
from discord import app_commands
from discord.ext import commands

from .. import handlers, render
from ..replies import respond, respond_text

if TYPE_CHECKING:
    from ..client import CitebotBot

T = TypeVar("T")

MANAGE_GUILD = discord.Permissions(manage_guild=True)
GAPS_SHOWN = 10


class NotModerator(app_commands.CheckFailure):
    """The user may not run a moderator command."""


def is_moderator_member(interaction: discord.Interaction, role_ids: Iterable[int]) -> bool:
    """Manage Server (in the channel or the guild) or one of the moderator roles."""
    user = interaction.user
    if interaction.guild is None or not isinstance(user, discord.Member):
        return False
    if interaction.permissions.manage_guild or user.guild_permissions.manage_guild:
        return True
    wanted = set(role_ids)
    return any(role.id in wanted for role in user.roles)


def is_moderator() -> Callable[[T], T]:
    """A run-time check backing the commands' default Manage Server permission."""

    async def predicate(interaction: discord.Interaction) -> bool:
        bot = cast("CitebotBot", interaction.client)
        if interaction.guild is None:
            raise app_commands.NoPrivateMessage()
        if not is_moderator_member(interaction, bot.settings.moderator_role_ids):
            raise NotModerator()
        return True

    return app_commands.check(predicate)


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

    @app_commands.command(name="reload", description="Rebuild the fact base from the sources")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @is_moderator()
    async def reload(self, interaction: discord.Interaction) -> None:
        if self.bot.reload_lock.locked() or self.bot.base.reloading:
            await respond_text(interaction, render.RELOAD_BUSY)
            return
        async with self.bot.reload_lock:
            await interaction.response.defer(ephemeral=True, thinking=True)
            card = await asyncio.to_thread(handlers.reload, self.bot.base)
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
