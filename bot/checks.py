"""Who may change a server's articles: its moderators in the server, the bot's owner in DMs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar, cast

import discord
from discord import app_commands

if TYPE_CHECKING:
    from .client import CitebotBot

T = TypeVar("T")


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


class NotOwner(app_commands.CheckFailure):
    """Only the bot's owner may change the shipped articles."""


def can_manage() -> Callable[[T], T]:
    """In a server: Manage Server or a moderator role (for that server only). In DMs: the bot's owner."""

    async def predicate(interaction: discord.Interaction) -> bool:
        bot = cast("CitebotBot", interaction.client)
        if interaction.guild is None:
            if await bot.is_owner(interaction.user):
                return True
            raise NotOwner()
        if is_moderator_member(interaction, bot.settings.moderator_role_ids):
            return True
        raise NotModerator()

    return app_commands.check(predicate)
