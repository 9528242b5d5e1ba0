"""The state the fake Discord serves: the bot user, guilds, channels, roles, members, DMs."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import payloads as p


@dataclass
class FakeGuild:
    """One guild.  Channels carry ``guild_id``; members are keyed by user id (with ``user``)."""

    id: int
    name: str
    owner_id: int
    channels: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    members: dict[int, dict[str, Any]] = field(default_factory=dict)

    def add_channel(self, name: str, *, id: int | None = None, **kw: Any) -> dict[str, Any]:
        """Add a text channel and return (a reference to) its payload."""
        ch = p.text_channel(
            id if id is not None else p.snowflake(),
            name,
            guild_id=self.id,
            position=len(self.channels),
            **kw,
        )
        self.channels.append(ch)
        return ch

    def add_role(self, name: str, permissions: int = 0, *, id: int | None = None) -> int:
        """Add a role and return its id."""
        rid = id if id is not None else p.snowflake()
        self.roles.append(p.role(rid, name, permissions=permissions, position=len(self.roles)))
        return rid

    def add_member(self, user: Mapping[str, Any], roles: Iterable[int] = ()) -> dict[str, Any]:
        """Make ``user`` a member with ``roles`` and return the member payload."""
        m = p.member(user, roles)
        self.members[int(user["id"])] = m
        return m

    def channel(self, channel_id: int) -> dict[str, Any] | None:
        """The stored channel payload, or ``None``."""
        return next((c for c in self.channels if int(c["id"]) == int(channel_id)), None)

    def permissions_of(self, user_id: int) -> int:
        """Guild-level permission bits of a member (owner gets everything)."""
        if int(user_id) == self.owner_id:
            return p.ALL_PERMISSIONS
        m = self.members.get(int(user_id))
        role_ids = m["roles"] if m else []
        return p.compute_permissions(self.roles, role_ids, self.id)

    def member_payload(self, user_id: int, *, permissions: bool = False) -> dict[str, Any] | None:
        """A fresh copy of a member payload, optionally with its computed ``permissions``."""
        m = self.members.get(int(user_id))
        if m is None:
            return None
        out = copy.deepcopy(m)
        if permissions:
            out["permissions"] = str(self.permissions_of(user_id))
        return out

    def create_payload(self, *, member_ids: Iterable[int] | None = None) -> dict[str, Any]:
        """A fresh GUILD_CREATE payload (only ``member_ids`` members if given)."""
        wanted = None if member_ids is None else {int(i) for i in member_ids}
        members = [m for uid, m in self.members.items() if wanted is None or uid in wanted]
        data = p.guild(
            self.id,
            self.name,
            owner_id=self.owner_id,
            channels=self.channels,
            roles=self.roles,
            members=members,
        )
        data["member_count"] = len(self.members)
        return copy.deepcopy(data)


class World:
    """Everything the fake serves.  ``World()`` is the default world:

    * guild "Test Guild" (``guild_id``) with text channels #general (``general_id``) and
      #news (``news_id``), roles @everyone (``everyone_role_id`` == guild id, plain member
      permissions) and "Moderator" (``moderator_role_id``, Manage Guild + Manage Messages);
    * users ``user`` ("alice", a plain member) and ``moderator`` ("morgan", has the Moderator
      role, owns nothing), and the bot ``bot_user`` ("citebot"), member of the guild;
    * application id == bot user id.

    ``World(default=False)`` has only the bot user; add guilds with :meth:`add_guild`.
    """

    guild: FakeGuild
    guild_id: int
    general_id: int
    news_id: int
    everyone_role_id: int
    moderator_role_id: int
    user: dict[str, Any]
    moderator: dict[str, Any]
    owner: dict[str, Any]

    def __init__(self, *, default: bool = True, bot_name: str = "citebot") -> None:
        self.bot_user: dict[str, Any] = p.client_user(p.snowflake(), bot_name)
        self.bot_id: int = int(self.bot_user["id"])
        self.application_id: int = self.bot_id
        self.owner = p.user(p.snowflake(), "owner")
        self.guilds: dict[int, FakeGuild] = {}
        self.users: dict[int, dict[str, Any]] = {}
        self.dm_channels: dict[int, dict[str, Any]] = {}  # recipient user id -> channel
        self.add_user(self.bot_user)
        self.add_user(self.owner)
        if default:
            self._build_default()

    def _build_default(self) -> None:
        g = self.add_guild("Test Guild")
        self.guild = g
        self.guild_id = g.id
        self.everyone_role_id = g.id
        self.moderator_role_id = g.add_role("Moderator", p.MODERATOR_PERMISSIONS)
        self.general_id = int(g.add_channel("general", topic="General chat")["id"])
        self.news_id = int(g.add_channel("news", topic="Articles")["id"])
        self.user = self.add_user(p.user(p.snowflake(), "alice", global_name="Alice"))
        self.moderator = self.add_user(p.user(p.snowflake(), "morgan", global_name="Morgan"))
        g.add_member(self.user)
        g.add_member(self.moderator, [self.moderator_role_id])

    # -- building -------------------------------------------------------------------------

    def add_user(self, user: Mapping[str, Any]) -> dict[str, Any]:
        """Register a user payload (copied) and return the stored copy."""
        stored = dict(user)
        self.users[int(stored["id"])] = stored
        return stored

    def add_guild(self, name: str, *, id: int | None = None) -> FakeGuild:
        """Add a guild with an @everyone role (member permissions); the bot is a member."""
        gid = id if id is not None else p.snowflake()
        g = FakeGuild(id=gid, name=name, owner_id=int(self.owner["id"]))
        g.roles.append(p.role(gid, "@everyone", permissions=p.MEMBER_PERMISSIONS))
        g.add_member(self.owner)
        g.add_member(self.bot_user)
        self.guilds[gid] = g
        return g

    # -- lookups --------------------------------------------------------------------------

    def resolve_user(self, who: Mapping[str, Any] | int | str | None) -> dict[str, Any]:
        """A user payload from a user/member payload or an id (``None`` = the default user)."""
        if who is None:
            return self.user
        if isinstance(who, Mapping):
            u = dict(who.get("user", who))
            return self.users.setdefault(int(u["id"]), u)
        uid = int(who)
        if uid not in self.users:
            raise KeyError(f"unknown user id {uid}; add it with world.add_user()")
        return self.users[uid]

    def find_channel(self, channel_id: int) -> tuple[dict[str, Any] | None, FakeGuild | None]:
        """``(channel, guild)`` for a guild channel, ``(channel, None)`` for a DM, else Nones."""
        cid = int(channel_id)
        for g in self.guilds.values():
            ch = g.channel(cid)
            if ch is not None:
                return ch, g
        for ch in self.dm_channels.values():
            if int(ch["id"]) == cid:
                return ch, None
        return None, None

    def dm_channel_for(self, who: Mapping[str, Any] | int | str) -> dict[str, Any]:
        """The DM channel between the bot and a user (created on first use)."""
        u = self.resolve_user(who)
        uid = int(u["id"])
        if uid not in self.dm_channels:
            self.dm_channels[uid] = p.dm_channel(p.snowflake(), u)
        return self.dm_channels[uid]

    def bot_permissions_in(self, guild_id: int | None) -> int:
        """The bot's guild-level permissions (all of them outside guilds)."""
        g = self.guilds.get(int(guild_id)) if guild_id is not None else None
        return g.permissions_of(self.bot_id) if g else p.ALL_PERMISSIONS
