"""Builders for Discord API / gateway payloads, shaped the way discord.py 2.7 parses them.

Every function returns a *fresh* dict (nothing is shared between calls), so a test may mutate
what it gets without leaking into other tests.  Snowflakes are ``int`` in the signatures and
``str`` in the payloads, like on the wire.
"""

from __future__ import annotations

import itertools
import secrets
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

DISCORD_EPOCH_MS = 1420070400000

# --- permission bits (https://discord.com/developers/docs/topics/permissions) -------------
CREATE_INSTANT_INVITE = 1 << 0
KICK_MEMBERS = 1 << 1
BAN_MEMBERS = 1 << 2
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
CHANGE_NICKNAME = 1 << 26
MANAGE_ROLES = 1 << 28
USE_APPLICATION_COMMANDS = 1 << 31
SEND_MESSAGES_IN_THREADS = 1 << 38
#: Every bit Discord currently defines (enough for "administrator means everything").
ALL_PERMISSIONS = (1 << 51) - 1

#: What a plain member gets from @everyone in the default world (no Manage Guild).
MEMBER_PERMISSIONS = (
    CREATE_INSTANT_INVITE
    | ADD_REACTIONS
    | VIEW_CHANNEL
    | SEND_MESSAGES
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_EXTERNAL_EMOJIS
    | CHANGE_NICKNAME
    | USE_APPLICATION_COMMANDS
    | SEND_MESSAGES_IN_THREADS
)
#: Extra bits of the default world's "Moderator" role.
MODERATOR_PERMISSIONS = MANAGE_GUILD | MANAGE_MESSAGES | KICK_MEMBERS

# --- gateway intents -------------------------------------------------------------------------
INTENT_GUILDS = 1 << 0
INTENT_GUILD_MEMBERS = 1 << 1
INTENT_GUILD_MESSAGES = 1 << 9
INTENT_DIRECT_MESSAGES = 1 << 12
INTENT_MESSAGE_CONTENT = 1 << 15

# --- channel / interaction / option types ----------------------------------------------------
CHANNEL_TEXT = 0
CHANNEL_DM = 1
CHANNEL_NEWS = 5

INTERACTION_PING = 1
INTERACTION_APPLICATION_COMMAND = 2
INTERACTION_COMPONENT = 3
INTERACTION_AUTOCOMPLETE = 4

OPTION_SUB_COMMAND = 1
OPTION_SUB_COMMAND_GROUP = 2
OPTION_STRING = 3
OPTION_INTEGER = 4
OPTION_BOOLEAN = 5
OPTION_USER = 6
OPTION_CHANNEL = 7
OPTION_ROLE = 8
OPTION_NUMBER = 10
OPTION_ATTACHMENT = 11

CONTEXT_GUILD = 0
CONTEXT_BOT_DM = 1
CONTEXT_PRIVATE_CHANNEL = 2

_lock = threading.Lock()
_last_ms = 0
_increment = itertools.count()


def snowflake() -> int:
    """Return a new, strictly increasing snowflake based on the current time."""
    global _last_ms
    with _lock:
        ms = max(int(time.time() * 1000), _last_ms)
        inc = next(_increment) & 0xFFF
        if inc == 0xFFF:  # 4096 ids in one millisecond: move to the next one
            ms += 1
        _last_ms = ms
        return ((ms - DISCORD_EPOCH_MS) << 22) | (1 << 17) | inc


def snowflake_time(value: int) -> datetime:
    """Creation time encoded in a snowflake."""
    return datetime.fromtimestamp(((value >> 22) + DISCORD_EPOCH_MS) / 1000, tz=UTC)


def iso_now() -> str:
    """The current time as the ISO-8601 string Discord uses for timestamps."""
    return datetime.now(tz=UTC).isoformat()


def token() -> str:
    """A random interaction / webhook token."""
    return "aW50ZXJhY3Rpb24" + secrets.token_urlsafe(48)


def sid(value: int | str | None) -> str | None:
    """Snowflake to its wire form (a string); ``None`` stays ``None``."""
    return None if value is None else str(int(value))


def user_id_of(obj: Mapping[str, Any] | int | str) -> int:
    """The user id of a user payload, a member payload (with ``user``) or an id."""
    if isinstance(obj, Mapping):
        inner = obj.get("user", obj)
        return int(inner["id"])
    return int(obj)


# --- users, roles, channels, members, guilds --------------------------------------------------


def user(
    id: int | None = None,
    name: str = "user",
    *,
    bot: bool = False,
    global_name: str | None = None,
    avatar: str | None = None,
) -> dict[str, Any]:
    """A user object (as in message authors, members, mentions)."""
    return {
        "id": sid(id if id is not None else snowflake()),
        "username": name,
        "discriminator": "0",
        "global_name": global_name,
        "avatar": avatar,
        "bot": bot,
        "system": False,
        "public_flags": 0,
    }


def client_user(id: int | None = None, name: str = "citebot") -> dict[str, Any]:
    """The bot's own user as returned by ``GET /users/@me`` and in READY."""
    data = user(id, name, bot=True)
    data.update(verified=True, mfa_enabled=False, flags=0, locale="en-US", email=None)
    return data


def role(
    id: int,
    name: str,
    *,
    permissions: int = 0,
    position: int = 0,
    color: int = 0,
    hoist: bool = False,
    managed: bool = False,
    mentionable: bool = False,
) -> dict[str, Any]:
    """A role object.  The @everyone role has ``id == guild_id`` and position 0."""
    return {
        "id": sid(id),
        "name": name,
        "color": color,
        "colors": {"primary_color": color, "secondary_color": None, "tertiary_color": None},
        "hoist": hoist,
        "icon": None,
        "unicode_emoji": None,
        "position": position,
        "permissions": str(permissions),
        "managed": managed,
        "mentionable": mentionable,
        "flags": 0,
    }


def text_channel(
    id: int,
    name: str,
    *,
    guild_id: int | None = None,
    position: int = 0,
    topic: str | None = None,
    type: int = CHANNEL_TEXT,
    parent_id: int | None = None,
    nsfw: bool = False,
    permission_overwrites: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """A guild text (type 0) or announcement (type 5) channel."""
    data: dict[str, Any] = {
        "id": sid(id),
        "type": type,
        "name": name,
        "position": position,
        "topic": topic,
        "nsfw": nsfw,
        "parent_id": sid(parent_id),
        "last_message_id": None,
        "rate_limit_per_user": 0,
        "permission_overwrites": [dict(o) for o in permission_overwrites],
        "flags": 0,
    }
    if guild_id is not None:
        data["guild_id"] = sid(guild_id)
    return data


def dm_channel(id: int, recipient: Mapping[str, Any]) -> dict[str, Any]:
    """A DM channel (type 1) with one recipient (a user payload)."""
    return {
        "id": sid(id),
        "type": CHANNEL_DM,
        "last_message_id": None,
        "recipients": [dict(recipient)],
        "flags": 0,
    }


def member(
    user: Mapping[str, Any],
    roles: Iterable[int] = (),
    *,
    permissions: int | None = None,
    nick: str | None = None,
    joined_at: str | None = None,
    with_user: bool = True,
) -> dict[str, Any]:
    """A guild member.  ``permissions`` (computed bits) is only set for interaction members.

    ``with_user=False`` gives the partial member that MESSAGE_CREATE carries next to ``author``.
    """
    data: dict[str, Any] = {
        "roles": [sid(r) for r in roles],
        "nick": nick,
        "avatar": None,
        "banner": None,
        "joined_at": joined_at or "2024-01-01T00:00:00.000000+00:00",
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "communication_disabled_until": None,
    }
    if with_user:
        data["user"] = dict(user)
    if permissions is not None:
        data["permissions"] = str(permissions)
    return data


def guild(
    id: int,
    name: str,
    *,
    owner_id: int,
    channels: Sequence[Mapping[str, Any]] = (),
    roles: Sequence[Mapping[str, Any]] = (),
    members: Sequence[Mapping[str, Any]] = (),
    features: Sequence[str] = (),
) -> dict[str, Any]:
    """A full GUILD_CREATE payload (channels without ``guild_id``, members with ``user``)."""
    chans = []
    for c in channels:
        ch = dict(c)
        ch.pop("guild_id", None)
        chans.append(ch)
    return {
        "id": sid(id),
        "name": name,
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "banner": None,
        "description": None,
        "owner_id": sid(owner_id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 1,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "premium_progress_bar_enabled": False,
        "preferred_locale": "en-US",
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "public_updates_channel_id": None,
        "safety_alerts_channel_id": None,
        "vanity_url_code": None,
        "application_id": None,
        "features": list(features),
        "roles": [dict(r) for r in roles],
        "emojis": [],
        "stickers": [],
        "channels": chans,
        "threads": [],
        "members": [dict(m) for m in members],
        "member_count": len(members),
        "presences": [],
        "voice_states": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
        "large": False,
        "unavailable": False,
        "lazy": True,
        "joined_at": "2024-01-01T00:00:00.000000+00:00",
        "max_members": 500000,
        "max_video_channel_users": 25,
    }


def unavailable_guild(id: int) -> dict[str, Any]:
    """The stub READY lists for each guild before its GUILD_CREATE."""
    return {"id": sid(id), "unavailable": True}


# --- messages ----------------------------------------------------------------------------------


def message(
    channel_id: int,
    author: Mapping[str, Any],
    content: str,
    *,
    id: int | None = None,
    guild_id: int | None = None,
    member: Mapping[str, Any] | None = None,
    mentions: Sequence[Mapping[str, Any]] = (),
    mention_everyone: bool = False,
    mention_roles: Iterable[int] = (),
    message_reference: Mapping[str, Any] | None = None,
    referenced_message: Mapping[str, Any] | None = None,
    embeds: Sequence[Mapping[str, Any]] = (),
    attachments: Sequence[Mapping[str, Any]] = (),
    type: int = 0,
    flags: int = 0,
    timestamp: str | None = None,
) -> dict[str, Any]:
    """A message object / MESSAGE_CREATE payload with every field discord.py insists on.

    ``author`` and ``mentions`` are user payloads.  ``member`` (guild only) is the author's
    partial member (no ``user`` key); for mentions in a guild pass user payloads that carry a
    ``member`` key if you want discord.py to see them as members.
    """
    mid = id if id is not None else snowflake()
    data: dict[str, Any] = {
        "id": sid(mid),
        "channel_id": sid(channel_id),
        "author": dict(author),
        "content": content,
        "timestamp": timestamp or snowflake_time(mid).isoformat(),
        "edited_timestamp": None,
        "tts": False,
        "mention_everyone": mention_everyone,
        "mentions": [dict(m) for m in mentions],
        "mention_roles": [sid(r) for r in mention_roles],
        "mention_channels": [],
        "attachments": [dict(a) for a in attachments],
        "embeds": [dict(e) for e in embeds],
        "reactions": [],
        "pinned": False,
        "type": type,
        "flags": flags,
        "components": [],
    }
    if guild_id is not None:
        data["guild_id"] = sid(guild_id)
        if member is not None:
            partial = dict(member)
            partial.pop("user", None)
            data["member"] = partial
    if message_reference is not None:
        data["message_reference"] = dict(message_reference)
        data["referenced_message"] = dict(referenced_message) if referenced_message is not None else None
    return data


# --- interactions ------------------------------------------------------------------------------


def attachment(
    id: int, filename: str, url: str, size: int, content_type: str | None = None
) -> dict[str, Any]:
    """An attachment object (as in ``resolved.attachments`` of a command with a file option)."""
    data: dict[str, Any] = {
        "id": sid(id),
        "filename": filename,
        "size": size,
        "url": url,
        "proxy_url": url,
    }
    if content_type:
        data["content_type"] = content_type
    return data


def option_type_for(value: Any) -> int:
    """Guess the application-command option type of a Python value."""
    if isinstance(value, bool):
        return OPTION_BOOLEAN
    if isinstance(value, int):
        return OPTION_INTEGER
    if isinstance(value, float):
        return OPTION_NUMBER
    return OPTION_STRING


def command_options(
    options: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None,
    *,
    focused: str | None = None,
) -> list[dict[str, Any]]:
    """Turn ``{"text": "hi"}`` into ``[{"name": "text", "type": 3, "value": "hi"}]``.

    A list of option dicts is passed through (copied).  ``focused`` marks that option as the
    one being autocompleted.
    """
    if options is None:
        return []
    if isinstance(options, Mapping):
        out = [
            {"name": name, "type": option_type_for(value), "value": value} for name, value in options.items()
        ]
    else:
        out = [dict(o) for o in options]
    if focused is not None:
        for opt in out:
            if opt["name"] == focused:
                opt["focused"] = True
                if opt.get("type") != OPTION_STRING and isinstance(opt.get("value"), str):
                    opt["type"] = OPTION_STRING
                break
        else:
            out.append({"name": focused, "type": OPTION_STRING, "value": "", "focused": True})
    return out


def interaction(
    name: str,
    options: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None,
    *,
    application_id: int,
    type: int = INTERACTION_APPLICATION_COMMAND,
    id: int | None = None,
    interaction_token: str | None = None,
    command_id: int | None = None,
    command_type: int = 1,
    command_guild_id: int | None = None,
    guild_id: int | None = None,
    channel: Mapping[str, Any] | None = None,
    member: Mapping[str, Any] | None = None,
    user: Mapping[str, Any] | None = None,
    permissions: int | None = None,
    app_permissions: int = ALL_PERMISSIONS,
    focused: str | None = None,
    resolved: Mapping[str, Any] | None = None,
    locale: str = "en-US",
) -> dict[str, Any]:
    """An INTERACTION_CREATE payload for a slash command (type 2) or autocomplete (type 4).

    Guild interactions need ``guild_id``, ``channel`` and ``member`` (with ``user``); the member's
    ``permissions`` string is set from ``permissions`` when given (that is what
    ``interaction.permissions`` and ``app_commands.checks.has_permissions`` read).  DM
    interactions need ``user`` and a DM ``channel``; they get ``context`` 1.

    ``name`` may hold a subcommand path: ``"config set"`` nests the options under a
    SUB_COMMAND option ``set`` (and ``"a b c"`` under a group ``b`` and subcommand ``c``).
    """
    parts = name.split()
    opts = command_options(options, focused=focused)
    if len(parts) == 3:
        opts = [
            {
                "name": parts[1],
                "type": OPTION_SUB_COMMAND_GROUP,
                "options": [{"name": parts[2], "type": OPTION_SUB_COMMAND, "options": opts}],
            }
        ]
    elif len(parts) == 2:
        opts = [{"name": parts[1], "type": OPTION_SUB_COMMAND, "options": opts}]
    elif len(parts) != 1:
        raise ValueError(f"bad command name {name!r}")

    cmd: dict[str, Any] = {
        "id": sid(command_id if command_id is not None else snowflake()),
        "name": parts[0],
        "type": command_type,
        "options": opts,
    }
    if command_guild_id is not None:
        cmd["guild_id"] = sid(command_guild_id)
    if resolved is not None:
        cmd["resolved"] = dict(resolved)

    data: dict[str, Any] = {
        "id": sid(id if id is not None else snowflake()),
        "application_id": sid(application_id),
        "type": type,
        "token": interaction_token or token(),
        "version": 1,
        "data": cmd,
        "locale": locale,
        "app_permissions": str(app_permissions),
        "entitlements": [],
        "entitlement_sku_ids": [],
        "attachment_size_limit": 10 * 1024 * 1024,
    }
    if channel is not None:
        data["channel"] = dict(channel)
        data["channel_id"] = channel["id"]
    if guild_id is not None:
        if member is None:
            raise ValueError("a guild interaction needs a member")
        m = dict(member)
        if permissions is not None:
            m["permissions"] = str(permissions)
        m.setdefault("permissions", str(MEMBER_PERMISSIONS))
        data.update(
            guild_id=sid(guild_id),
            guild_locale="en-US",
            guild={"id": sid(guild_id), "locale": "en-US", "features": []},
            member=m,
            context=CONTEXT_GUILD,
            authorizing_integration_owners={"0": sid(guild_id)},
        )
    else:
        if user is None:
            raise ValueError("a DM interaction needs a user")
        data.update(
            user=dict(user),
            context=CONTEXT_BOT_DM,
            authorizing_integration_owners={"0": "0"},
        )
    return data


def compute_permissions(
    roles: Sequence[Mapping[str, Any]], member_role_ids: Iterable[int | str], everyone_id: int
) -> int:
    """Guild-level permission bits of a member: @everyone | its roles; administrator = all."""
    wanted = {int(r) for r in member_role_ids} | {int(everyone_id)}
    bits = 0
    for r in roles:
        if int(r["id"]) in wanted:
            bits |= int(r.get("permissions", 0))
    return ALL_PERMISSIONS if bits & ADMINISTRATOR else bits
