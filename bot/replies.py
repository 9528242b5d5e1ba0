"""Sending cards and short notices to Discord, never pinging anyone."""

from __future__ import annotations

import logging

import discord

from .discord_render import NO_MENTIONS, embed_from_card, message_text
from .render import Card

log = logging.getLogger(__name__)


async def reply(message: discord.Message, card: Card | None = None, text: str | None = None) -> None:
    """Reply to *message* with a card or a line of text; send failures are logged, not raised."""
    try:
        await message.channel.send(
            content=message_text(text) if text else None,
            embed=embed_from_card(card) if card else None,
            reference=message.to_reference(fail_if_not_exists=False),
            mention_author=False,
            allowed_mentions=NO_MENTIONS,
        )
    except discord.HTTPException as exc:
        log.warning("could not reply in channel %s: %s", message.channel.id, exc)


async def respond(interaction: discord.Interaction, card: Card, *, ephemeral: bool = False) -> None:
    """Answer an interaction with a card (as a followup once it was deferred or answered)."""
    embed = embed_from_card(card)
    if interaction.response.is_done():
        await interaction.followup.send(embed=embed, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
    else:
        await interaction.response.send_message(
            embed=embed, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS
        )


async def respond_text(interaction: discord.Interaction, text: str, *, ephemeral: bool = True) -> None:
    """Answer an interaction with a short line, only to its user by default."""
    content = message_text(text)
    if interaction.response.is_done():
        await interaction.followup.send(content, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS)
    else:
        await interaction.response.send_message(
            content, ephemeral=ephemeral, allowed_mentions=NO_MENTIONS
        )
