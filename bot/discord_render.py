"""Cards as Discord embeds: the one place a render.Card becomes a discord.Embed."""

from __future__ import annotations

import discord

from .render import MESSAGE_LIMIT, Card, clip

NO_MENTIONS = discord.AllowedMentions.none()


def embed_from_card(card: Card) -> discord.Embed:
    """An embed of *card*, within every Discord embed limit."""
    c = card.fitted()
    embed = discord.Embed(title=c.title or None, description=c.description or None, colour=c.colour)
    for name, value in c.fields:
        embed.add_field(name=name, value=value, inline=False)
    if c.footer:
        embed.set_footer(text=c.footer)
    return embed


def message_text(text: str) -> str:
    """Plain message content within Discord's 2,000 characters."""
    return clip(text, MESSAGE_LIMIT)
