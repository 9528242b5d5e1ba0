"""A fake Discord (REST + gateway) on 127.0.0.1 that the real discord.py client talks to."""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import re
import socket
import traceback
import urllib.parse
import uuid
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TypeVar

import discord
import yarl
from aiohttp import WSMsgType, web
from multidict import CIMultiDict

from . import payloads as p
from .records import (
    EPHEMERAL,
    LOADING,
    InteractionRecord,
    InteractionResponse,
    RecordedRequest,
    SentMessage,
    UploadedFile,
    compile_path,
)
from .world import FakeGuild, World

T = TypeVar("T")
Check = Callable[[], T | None]
_Reply = tuple[int, Any]

# gateway opcodes
OP_DISPATCH = 0
OP_HEARTBEAT = 1
OP_IDENTIFY = 2
OP_PRESENCE = 3
OP_RESUME = 6
OP_RECONNECT = 7
OP_REQUEST_MEMBERS = 8
OP_INVALID_SESSION = 9
OP_HELLO = 10
OP_HEARTBEAT_ACK = 11

_USER_MENTION = re.compile(r"<@!?(\d+)>")
_ROLE_MENTION = re.compile(r"<@&(\d+)>")


class FakeDiscordError(AssertionError):
    """The fake itself failed while handling a request (a bug in the fake or its use)."""


class FakeDiscordTimeout(TimeoutError):
    """A ``wait_for_*`` helper ran out of time; the message tells what the fake saw."""


# --- pointing discord.py at the fake ------------------------------------------------------


class ClientPointer:
    """Sets ``Route.BASE`` / ``DiscordWebSocket.DEFAULT_GATEWAY`` now; ``restore()`` undoes it.

    Also a context manager (``with fake.point_client_here(): ...``).
    """

    def __init__(self, api_base: str, gateway_url: str) -> None:
        self._old = (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
        self._active = True
        set_discord_endpoints(api_base, gateway_url)

    def restore(self) -> None:
        """Put the previous values back (idempotent)."""
        if self._active:
            self._active = False
            discord.http.Route.BASE = self._old[0]
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = self._old[1]

    def __enter__(self) -> ClientPointer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.restore()


def set_discord_endpoints(api_base: str, gateway_url: str) -> None:
    """What a "Discord API base URL" setting amounts to: two class attributes."""
    discord.http.Route.BASE = api_base.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


# --- internal state ---------------------------------------------------------------------------


@dataclass
class Fault:
    """A pending injected failure (see :meth:`FakeDiscord.fail_next`)."""

    method: str
    pattern: re.Pattern[str]
    status: int
    retry_after: float
    remaining: int
    is_global: bool = False
    body: Any = None
    hits: int = 0


@dataclass
class _Connection:
    ws: web.WebSocketResponse
    request: web.Request
    path: str
    query: dict[str, str]
    session: _Session | None = None
    dropped: bool = False
    send_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def send(self, payload: Mapping[str, Any] | str) -> bool:
        """Send one text frame; False if the socket is already going away."""
        text = payload if isinstance(payload, str) else json.dumps(payload)
        async with self.send_lock:
            if self.ws.closed:
                return False
            try:
                await self.ws.send_str(text)
            except (ConnectionError, RuntimeError):
                return False
            return True


@dataclass
class _Session:
    id: str
    intents: int | None
    shard: list[int] | None
    conn: _Connection | None
    seq: int = 0
    history: list[dict[str, Any]] = field(default_factory=list)
    closed: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def owns_guild(self, guild_id: int | None) -> bool:
        if not self.shard or self.shard[1] <= 1:
            return True
        target = 0 if guild_id is None else (int(guild_id) >> 22) % self.shard[1]
        return target == self.shard[0]


def _json_response(body: Any, status: int = 200, headers: Mapping[str, str] | None = None):
    # exactly "application/json": discord.py does not parse "application/json; charset=utf-8"
    hdrs = {"Content-Type": "application/json", **(headers or {})}
    return web.Response(status=status, body=json.dumps(body).encode(), headers=hdrs)


def _error(status: int, message: str, code: int = 0, errors: Any = None) -> _Reply:
    body: dict[str, Any] = {"message": message, "code": code}
    if errors is not None:
        body["errors"] = errors
    return status, body


def _form_error(field_name: str, code: str, message: str) -> _Reply:
    errors = {field_name: {"_errors": [{"code": code, "message": message}]}}
    return _error(400, "Invalid Form Body", 50035, errors)


def validate_message_body(body: Mapping[str, Any], n_files: int = 0) -> _Reply | None:
    """Discord's main limits on a message body; an error reply or ``None`` if fine."""
    content = body.get("content")
    if content is not None and len(str(content)) > 2000:
        return _form_error("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.")
    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        return _form_error("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
    total = 0
    limits = {"title": 256, "description": 4096}
    for i, e in enumerate(embeds):
        for key, limit in limits.items():
            if len(e.get(key) or "") > limit:
                return _form_error(f"embeds.{i}.{key}", "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer.")
        fields = e.get("fields") or []
        if len(fields) > 25:
            return _form_error(f"embeds.{i}.fields", "BASE_TYPE_MAX_LENGTH", "Max 25 fields.")
        for j, f in enumerate(fields):
            if not f.get("name") or not f.get("value"):
                return _form_error(f"embeds.{i}.fields.{j}", "BASE_TYPE_REQUIRED", "This field is required")
            if len(f["name"]) > 256 or len(f["value"]) > 1024:
                return _form_error(f"embeds.{i}.fields.{j}", "BASE_TYPE_MAX_LENGTH", "Field too long.")
        footer = (e.get("footer") or {}).get("text") or ""
        author = (e.get("author") or {}).get("name") or ""
        if len(footer) > 2048 or len(author) > 256:
            return _form_error(f"embeds.{i}", "BASE_TYPE_MAX_LENGTH", "Footer/author too long.")
        total += len(e.get("title") or "") + len(e.get("description") or "") + len(footer)
        total += len(author) + sum(len(f["name"]) + len(f["value"]) for f in fields)
    if total > 6000:
        return _form_error("embeds", "BASE_TYPE_MAX_LENGTH", "Embed size exceeds maximum size.")
    has_payload = (
        content
        or embeds
        or n_files
        or body.get("sticker_ids")
        or body.get("components")
        or body.get("poll")
        or body.get("attachments")
    )
    if not has_payload:
        return _error(400, "Cannot send an empty message", 50006)
    return None


def effective_mentions(
    content: str,
    allowed: Mapping[str, Any] | None,
    replied_user_id: int | None,
) -> tuple[list[int], list[int], bool]:
    """Who Discord would ping: ``(user_ids, role_ids, everyone)`` for content + allowed_mentions.

    No ``allowed_mentions`` means Discord's default: everything in the content, plus the
    replied-to author.
    """
    users = [int(x) for x in _USER_MENTION.findall(content)]
    roles = [int(x) for x in _ROLE_MENTION.findall(content)]
    everyone = "@everyone" in content or "@here" in content
    if allowed is None:
        parse = {"users", "roles", "everyone"}
        allow_users: set[int] = set()
        allow_roles: set[int] = set()
        replied = True
    else:
        parse = set(allowed.get("parse") or [])
        allow_users = {int(x) for x in allowed.get("users") or []}
        allow_roles = {int(x) for x in allowed.get("roles") or []}
        replied = bool(allowed.get("replied_user", False))
    out_users = [u for u in users if "users" in parse or u in allow_users]
    out_roles = [r for r in roles if "roles" in parse or r in allow_roles]
    if replied and replied_user_id is not None and replied_user_id not in out_users:
        out_users.append(replied_user_id)
    return out_users, out_roles, everyone and "everyone" in parse


# --- the fake ---------------------------------------------------------------------------------


class FakeDiscord:
    """A fake Discord: REST under ``/api/v10`` and a gateway at ``/ws``, on 127.0.0.1.

    Use ``async with FakeDiscord() as fake:`` (starts, points discord.py here, and on exit
    restores discord.py and stops).  Everything the client does is recorded; see the
    ``requests``, ``sent_messages``, ``interaction_responses``, ``identifies`` attributes and
    the ``wait_for_*`` helpers.
    """

    def __init__(
        self,
        world: World | None = None,
        *,
        heartbeat_interval: int = 45000,
        point_client: bool = True,
        enforce_intents: bool = True,
        strict_channels: bool = True,
        validate_messages: bool = True,
    ) -> None:
        self.world: World = world if world is not None else World()
        self.heartbeat_interval = heartbeat_interval
        #: MESSAGE_CREATE obeys GUILD_MESSAGES / DIRECT_MESSAGES / MESSAGE_CONTENT intents
        self.enforce_intents = enforce_intents
        #: POSTs to channels the world does not know answer 404 Unknown Channel
        self.strict_channels = strict_channels
        #: message bodies are checked against Discord's size limits and "empty message"
        self.validate_messages = validate_messages
        #: when set, IDENTIFY with another token is closed with 4004 (fatal for the client)
        self.valid_token: str | None = None
        #: answer HEARTBEAT with HEARTBEAT_ACK
        self.ack_heartbeats = True
        #: accept RESUME for known sessions (else answer op 9 ``false``)
        self.allow_resume = True

        self.requests: list[RecordedRequest] = []
        self.sent_messages: list[SentMessage] = []
        self.followup_messages: list[SentMessage] = []
        self.user_messages: list[dict[str, Any]] = []
        self.messages: dict[int, dict[str, Any]] = {}  # every message by id (user and bot)
        self.interactions: dict[int, InteractionRecord] = {}
        self.interaction_responses: list[InteractionResponse] = []
        self.reactions: list[tuple[int, int, str, str]] = []  # (channel, message, emoji, op)
        self.global_commands: list[dict[str, Any]] = []
        self.guild_commands: dict[int, list[dict[str, Any]]] = {}
        self.command_syncs: list[tuple[int | None, list[dict[str, Any]]]] = []
        self.errors: list[str] = []
        self.attachments: dict[int, tuple[bytes, str]] = {}  # id -> (bytes, content type), as on the CDN
        self.attachment_downloads: list[int] = []

        self.identifies: list[dict[str, Any]] = []
        self.resumes: list[dict[str, Any]] = []
        self.resume_replays: list[int] = []  # dispatches replayed by each successful RESUME
        self.gateway_received: list[dict[str, Any]] = []
        self.identify_count = 0
        self.resume_count = 0
        self.heartbeat_count = 0
        self.connect_count = 0
        self.connection_paths: list[str] = []  # "/ws" or "/ws/resume", one per connection
        self.connections: list[_Connection] = []
        self.sessions: dict[str, _Session] = {}

        self._faults: list[Fault] = []
        self._routes: list[tuple[str, str, re.Pattern[str], Callable[..., Awaitable[_Reply]]]] = []
        self._register_routes()
        self._cond: asyncio.Condition | None = None
        self._watched: list[asyncio.Task[Any]] = []
        self._runner: web.AppRunner | None = None
        self._point_client = point_client
        self._pointer: ClientPointer | None = None
        self.port: int = 0

    # -- lifecycle --------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base(self) -> str:
        """Value for ``discord.http.Route.BASE``."""
        return f"{self.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        """Value for ``DiscordWebSocket.DEFAULT_GATEWAY`` (and ``GET /gateway``)."""
        return f"ws://127.0.0.1:{self.port}/ws"

    @property
    def resume_gateway_url(self) -> str:
        """What READY advertises for resuming (a separate path so tests can tell)."""
        return f"ws://127.0.0.1:{self.port}/ws/resume"

    @property
    def bot_user(self) -> dict[str, Any]:
        return self.world.bot_user

    @property
    def application_id(self) -> int:
        return self.world.application_id

    async def start(self) -> FakeDiscord:
        """Bind a free port on 127.0.0.1 and serve."""
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/ws", self._handle_ws)
        app.router.add_get("/ws/resume", self._handle_ws)
        app.router.add_route("*", r"/api/{version:v\d+}{tail:/.*}", self._handle_api)
        app.router.add_get("/attachments/{channel_id}/{attachment_id}/{filename}", self._handle_attachment)
        app.router.add_route("*", "/{tail:.*}", self._handle_unknown)
        self._cond = asyncio.Condition()
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        return self

    async def stop(self) -> None:
        """Close gateway sockets, stop serving, restore discord.py's endpoints."""
        if self._pointer is not None:
            self._pointer.restore()
            self._pointer = None
        for conn in list(self.connections):
            conn.dropped = True
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.ws.close(code=1001), 1.0)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeDiscord:
        await self.start()
        if self._point_client:
            self._pointer = self.point_client_here()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()
        if exc is None and self.errors:
            raise FakeDiscordError("the fake failed handling requests:\n" + "\n".join(self.errors))

    def point_client_here(self) -> ClientPointer:
        """Point discord.py (class attributes, process-wide) at this fake; returns the undo."""
        return ClientPointer(self.api_base, self.gateway_url)

    # -- waiting ----------------------------------------------------------------------------

    async def _notify(self) -> None:
        if self._cond is not None:
            async with self._cond:
                self._cond.notify_all()

    async def wait_for(self, check: Check[T], timeout: float = 5.0, what: str = "") -> T:
        """Wait until ``check()`` returns something truthy (re-checked on every event)."""
        assert self._cond is not None, "start() the fake first"
        try:
            async with asyncio.timeout(timeout), self._cond:
                while True:
                    result = check()
                    if result:
                        return result
                    self._raise_if_client_died(what)
                    await self._cond.wait()
        except TimeoutError:
            raise FakeDiscordTimeout(
                f"timed out after {timeout}s waiting for {what or check!r}\n{self.describe()}"
            ) from None

    def watch(self, task: asyncio.Task[Any]) -> None:
        """Make ``wait_for*`` fail at once (not at the timeout) if ``task`` -- the one running
        ``client.start()`` -- ends.  :func:`running_bot` does this for you."""
        self._watched.append(task)
        task.add_done_callback(lambda _t: asyncio.ensure_future(self._notify()))

    def unwatch(self, task: asyncio.Task[Any]) -> None:
        """Stop watching ``task`` (after a deliberate ``close()``)."""
        with contextlib.suppress(ValueError):
            self._watched.remove(task)

    def _raise_if_client_died(self, what: str) -> None:
        for task in self._watched:
            if not task.done():
                continue
            exc = None if task.cancelled() else task.exception()
            raise FakeDiscordError(
                f"the client task ended ({exc!r}) while waiting for {what or 'a condition'}"
            ) from exc

    def describe(self, last: int = 15) -> str:
        """A short account of recent traffic, for failure messages."""
        lines = [
            f"identifies={self.identify_count} resumes={self.resume_count} "
            f"connections={len(self.connections)} errors={len(self.errors)}",
            "recent requests:",
        ]
        for r in self.requests[-last:]:
            lines.append(f"  {r.status} {r.method} {r.path} {json.dumps(r.json)[:150]}")
        lines.append("sent messages:")
        for m in self.sent_messages[-last:]:
            lines.append(f"  [{m.channel_id}] {m.content[:150]!r}")
        for e in self.errors[-3:]:
            lines.append("error: " + e[-500:])
        return "\n".join(lines)

    async def wait_for_identify(self, count: int = 1, timeout: float = 5.0) -> dict[str, Any]:
        """Wait until ``count`` IDENTIFYs have been handled; return the last ``d``."""
        await self.wait_for(lambda: self.identify_count >= count, timeout, f"identify #{count}")
        return self.identifies[-1]

    async def wait_for_resume(self, count: int = 1, timeout: float = 5.0) -> dict[str, Any]:
        """Wait until ``count`` RESUMEs have succeeded (RESUMED sent); return the last ``d``."""
        await self.wait_for(lambda: self.resume_count >= count, timeout, f"resume #{count}")
        return self.resumes[-1]

    async def wait_for_request(
        self,
        method: str | None,
        pattern: str | re.Pattern[str] | None = None,
        *,
        count: int = 1,
        timeout: float = 5.0,
    ) -> RecordedRequest:
        """Wait until ``count`` matching requests arrived; return the ``count``-th."""

        def check() -> RecordedRequest | None:
            found = self.requests_to(method, pattern)
            return found[count - 1] if len(found) >= count else None

        return await self.wait_for(check, timeout, f"request {method} {pattern} #{count}")

    def messages_matching(
        self,
        predicate: Callable[[SentMessage], bool] | None = None,
        *,
        after: int | None = None,
        channel_id: int | None = None,
    ) -> list[SentMessage]:
        """Channel messages the bot sent (``after``: only ids greater than this snowflake)."""
        return [
            m
            for m in self.sent_messages
            if (after is None or m.id > after)
            and (channel_id is None or m.channel_id == int(channel_id))
            and (predicate is None or predicate(m))
        ]

    async def wait_for_message(
        self,
        predicate: Callable[[SentMessage], bool] | None = None,
        timeout: float = 5.0,
        *,
        after: int | None = None,
        channel_id: int | None = None,
    ) -> SentMessage:
        """Wait until the bot has POSTed a matching channel message; return the first one.

        Pass ``after=<id returned by user_says>`` to ignore anything sent before that message.
        """

        def check() -> SentMessage | None:
            found = self.messages_matching(predicate, after=after, channel_id=channel_id)
            return found[0] if found else None

        return await self.wait_for(check, timeout, "a matching bot message")

    async def wait_for_reply_to(self, message_id: int, timeout: float = 5.0) -> SentMessage:
        """Wait for a bot message that replies to (references) ``message_id``."""
        mid = int(message_id)
        return await self.wait_for_message(lambda m: m.reference_id == mid, timeout)

    async def expect_no_message(
        self,
        predicate: Callable[[SentMessage], bool] | None = None,
        within: float = 0.3,
        *,
        after: int | None = None,
        channel_id: int | None = None,
    ) -> None:
        """Assert that no matching bot message appears within ``within`` seconds."""
        with contextlib.suppress(FakeDiscordTimeout):
            m = await self.wait_for_message(predicate, within, after=after, channel_id=channel_id)
            raise AssertionError(f"unexpected bot message: {m.content!r} ({m.payload})")

    async def wait_for_interaction_response(
        self, interaction_id: int, timeout: float = 5.0
    ) -> InteractionResponse:
        """Wait for the bot's callback to an interaction (the first one)."""
        iid = int(interaction_id)

        def check() -> InteractionResponse | None:
            rec = self.interactions.get(iid)
            return rec.response if rec else None

        return await self.wait_for(check, timeout, f"callback to interaction {iid}")

    async def wait_for_original(
        self,
        interaction_id: int,
        predicate: Callable[[SentMessage], bool] | None = None,
        timeout: float = 5.0,
    ) -> SentMessage:
        """Wait for the interaction's original response message to satisfy ``predicate``
        (default: it exists and is no longer a deferred "thinking" placeholder)."""
        iid = int(interaction_id)
        pred = predicate or (lambda m: not m.loading)

        def check() -> SentMessage | None:
            rec = self.interactions.get(iid)
            orig = rec.original if rec else None
            return orig if orig is not None and pred(orig) else None

        return await self.wait_for(check, timeout, f"original response of {iid}")

    async def wait_for_followup(
        self,
        interaction_id: int,
        predicate: Callable[[SentMessage], bool] | None = None,
        timeout: float = 5.0,
    ) -> SentMessage:
        """Wait for a followup message (``POST /webhooks/{app}/{token}``) of an interaction."""
        iid = int(interaction_id)

        def check() -> SentMessage | None:
            rec = self.interactions.get(iid)
            found = [m for m in (rec.followups if rec else []) if not predicate or predicate(m)]
            return found[0] if found else None

        return await self.wait_for(check, timeout, f"followup of {iid}")

    # -- queries ----------------------------------------------------------------------------

    def requests_to(
        self, method: str | None, pattern: str | re.Pattern[str] | None = None
    ) -> list[RecordedRequest]:
        """Recorded requests by method (``None``/``"*"`` = any) and path pattern.

        Pattern: ``"/channels/{id}/messages"`` (``{...}`` = one segment, ``*`` = anything)
        or a compiled regex; ``path`` is relative to ``/api/v10``.
        """
        return [r for r in self.requests if r.matches(method, pattern)]

    def requests_where(self, predicate: Callable[[RecordedRequest], bool]) -> list[RecordedRequest]:
        """Recorded requests for which ``predicate`` is true."""
        return [r for r in self.requests if predicate(r)]

    @property
    def unknown_requests(self) -> list[RecordedRequest]:
        """Requests to routes the fake does not implement (answered 404)."""
        return [r for r in self.requests if r.route is None]

    def command_id(self, name: str, guild_id: int | None = None) -> int | None:
        """Id the fake assigned to a synced command (guild commands first), if synced."""
        pools = [self.guild_commands.get(int(guild_id), [])] if guild_id else []
        pools.append(self.global_commands)
        for pool in pools:
            for c in pool:
                if c["name"] == name:
                    return int(c["id"])
        return None

    # -- fault injection --------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        path_pattern: str | re.Pattern[str],
        status: int = 429,
        retry_after: float = 0.2,
        times: int = 1,
        *,
        is_global: bool = False,
        body: Any = None,
    ) -> Fault:
        """Answer the next ``times`` matching requests with ``status`` instead of handling them.

        429s carry a ``Via`` header and ``{"message", "retry_after", "global"}`` so discord.py
        sleeps ``retry_after`` and retries.  Other statuses get ``body`` or a generic error.
        (discord.py retries 500/502/504 after 1 s, 3 s, ...; 4xx are raised to the caller.)
        """
        fault = Fault(
            method=method.upper(),
            pattern=compile_path(path_pattern),
            status=status,
            retry_after=retry_after,
            remaining=times,
            is_global=is_global,
            body=body,
        )
        self._faults.append(fault)
        return fault

    def _take_fault(self, req: RecordedRequest) -> Fault | None:
        for fault in self._faults:
            if fault.remaining > 0 and req.matches(fault.method, fault.pattern):
                fault.remaining -= 1
                fault.hits += 1
                return fault
        return None

    @staticmethod
    def _fault_response(fault: Fault) -> web.Response:
        if fault.status == 429:
            body = fault.body or {
                "message": "You are being rate limited.",
                "retry_after": fault.retry_after,
                "global": fault.is_global,
            }
            headers = {
                "Via": "1.1 google",
                "Retry-After": str(max(1, round(fault.retry_after))),
                "X-RateLimit-Scope": "global" if fault.is_global else "user",
            }
            if fault.is_global:
                headers["X-RateLimit-Global"] = "true"
            return _json_response(body, 429, headers)
        default = {"message": f"{fault.status}: injected failure", "code": 0}
        return _json_response(fault.body or default, fault.status)

    # -- HTTP plumbing ----------------------------------------------------------------------

    def _register_routes(self) -> None:
        r = self._add_route
        r("GET", "/users/@me", self._r_me)
        r("GET", "/users/{user_id}", self._r_get_user)
        r("POST", "/users/@me/channels", self._r_create_dm)
        r("GET", "/oauth2/applications/@me", self._r_app_info)
        r("GET", "/applications/@me", self._r_app_info)
        r("GET", "/gateway", self._r_gateway)
        r("GET", "/gateway/bot", self._r_gateway_bot)
        r("GET", "/channels/{channel_id}", self._r_get_channel)
        r("GET", "/channels/{channel_id}/messages", self._r_history)
        r("POST", "/channels/{channel_id}/messages", self._r_create_message)
        r("GET", "/channels/{channel_id}/messages/{message_id}", self._r_get_message)
        r("PATCH", "/channels/{channel_id}/messages/{message_id}", self._r_edit_message)
        r("DELETE", "/channels/{channel_id}/messages/{message_id}", self._r_delete_message)
        reaction = "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me"
        r("PUT", reaction, self._r_reaction)
        r("DELETE", reaction, self._r_reaction)
        r("POST", "/channels/{channel_id}/typing", self._r_typing)
        r("GET", "/guilds/{guild_id}/members/{user_id}", self._r_get_member)
        r("POST", "/interactions/{interaction_id}/{token}/callback", self._r_callback)
        r("POST", "/webhooks/{app_id}/{token}", self._r_followup)
        r("GET", "/webhooks/{app_id}/{token}", self._r_webhook)
        r("PATCH", "/webhooks/{app_id}/{token}", self._r_webhook)
        original = "/webhooks/{app_id}/{token}/messages/@original"
        r("GET", original, self._r_webhook_message)
        r("PATCH", original, self._r_webhook_message)
        r("DELETE", original, self._r_webhook_message)
        wh_msg = "/webhooks/{app_id}/{token}/messages/{message_id}"
        r("GET", wh_msg, self._r_webhook_message)
        r("PATCH", wh_msg, self._r_webhook_message)
        r("DELETE", wh_msg, self._r_webhook_message)
        for base in ("/applications/{app_id}", "/applications/{app_id}/guilds/{guild_id}"):
            r("GET", base + "/commands", self._r_get_commands)
            r("PUT", base + "/commands", self._r_put_commands)
            r("POST", base + "/commands", self._r_post_command)
            r("DELETE", base + "/commands/{command_id}", self._r_delete_command)

    def _add_route(self, method: str, template: str, handler: Callable[..., Any]) -> None:
        regex = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
        self._routes.append((method, template, re.compile(regex), handler))

    async def _read_request(self, request: web.Request, path: str) -> RecordedRequest:
        body: Any = None
        files: list[UploadedFile] = []
        form: dict[str, str] = {}
        if request.content_type.startswith("multipart/"):
            post = await request.post()
            for key, value in post.items():
                if isinstance(value, web.FileField):
                    data = value.file.read()
                    files.append(UploadedFile(key, value.filename, value.content_type, data))
                elif key == "payload_json":
                    body = json.loads(value if isinstance(value, str) else bytes(value))
                else:
                    form[key] = value if isinstance(value, str) else bytes(value).decode()
        else:
            raw = await request.read()
            if raw:
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = raw.decode(errors="replace")
        return RecordedRequest(
            method=request.method,
            path=path,
            query=dict(request.query),
            json=body,
            headers=CIMultiDict(request.headers),
            files=files,
            form=form,
        )

    async def _handle_attachment(self, request: web.Request) -> web.StreamResponse:
        """The CDN: serves the bytes of an attachment made with ``add_attachment``."""
        aid = int(request.match_info["attachment_id"])
        self.attachment_downloads.append(aid)
        await self._notify()
        if aid not in self.attachments:
            return web.Response(status=404, text="404: Not Found")
        data, content_type = self.attachments[aid]
        return web.Response(body=data, content_type=content_type)

    def add_attachment(
        self, filename: str, data: bytes, content_type: str = "application/octet-stream", channel_id: int = 0
    ) -> dict[str, Any]:
        """Store a file on the fake CDN and return its attachment payload (its url points here)."""
        aid = p.snowflake()
        self.attachments[aid] = (data, content_type)
        url = f"{self.base_url}/attachments/{channel_id or 1}/{aid}/{urllib.parse.quote(filename, safe='')}"
        return p.attachment(aid, filename, url, len(data), content_type)

    async def invoke_command_with_file(
        self,
        name: str,
        option: str,
        attachment: Mapping[str, Any],
        options: Mapping[str, Any] | None = None,
        **kw: Any,
    ) -> int:
        """``invoke_command`` with an ATTACHMENT option ``option`` holding ``attachment`` (from
        ``add_attachment``), resolved the way Discord sends it."""
        opts = p.command_options(options) + [
            {"name": option, "type": p.OPTION_ATTACHMENT, "value": attachment["id"]}
        ]
        resolved = {"attachments": {attachment["id"]: dict(attachment)}}
        return await self.invoke_command(name, opts, resolved=resolved, **kw)

    async def _handle_unknown(self, request: web.Request) -> web.StreamResponse:
        if request.method == "GET" and request.headers.get("Upgrade", "").lower() == "websocket":
            return await self._handle_ws(request)  # a gateway URL derived some other way
        rec = await self._read_request(request, request.path)
        rec.status = 404
        self.requests.append(rec)
        await self._notify()
        return _json_response({"message": "404: Not Found", "code": 0}, 404)

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        rec = await self._read_request(request, request.match_info["tail"])
        self.requests.append(rec)
        try:
            handler, params = self._match(rec)
            fault = self._take_fault(rec)
            if fault is not None:
                rec.status = fault.status
                return self._fault_response(fault)
            status, body = await handler(rec, **params) if handler else _error(404, "404: Not Found")
            rec.status = status
            if status == 204 or body is None:
                return web.Response(status=status)
            return _json_response(body, status)
        except Exception as exc:  # a bug in the fake: make it loud but not a retried 5xx
            self.errors.append(f"{rec.method} {rec.path}: {traceback.format_exc()}")
            rec.status = 400
            return _json_response({"message": f"fake discord error: {exc!r}", "code": 0}, 400)
        finally:
            await self._notify()

    def _match(self, rec: RecordedRequest) -> tuple[Callable[..., Awaitable[_Reply]] | None, dict[str, str]]:
        """Find the handler for a request (and set ``rec.route``)."""
        for method, template, regex, handler in self._routes:
            if method != rec.method:
                continue
            m = regex.fullmatch(rec.path)
            if m is not None:
                rec.route = template
                return handler, m.groupdict()
        return None, {}

    # -- REST handlers ----------------------------------------------------------------------

    async def _r_me(self, rec: RecordedRequest) -> _Reply:
        return 200, copy.deepcopy(self.world.bot_user)

    async def _r_get_user(self, rec: RecordedRequest, user_id: str) -> _Reply:
        u = self.world.users.get(int(user_id)) if user_id.isdigit() else None
        return (200, copy.deepcopy(u)) if u else _error(404, "Unknown User", 10013)

    async def _r_app_info(self, rec: RecordedRequest) -> _Reply:
        bot = copy.deepcopy(self.world.bot_user)
        return 200, {
            "id": p.sid(self.world.application_id),
            "name": bot["username"],
            "icon": None,
            "description": "citebot under test",
            "summary": "",
            "type": None,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": 0,
            "owner": copy.deepcopy(self.world.owner),
            "team": None,
            "bot": bot,
            "guild_id": None,
            "install_params": None,
            "integration_types_config": {},
        }

    async def _r_gateway(self, rec: RecordedRequest) -> _Reply:
        return 200, {"url": self.gateway_url}

    async def _r_gateway_bot(self, rec: RecordedRequest) -> _Reply:
        return 200, {
            "url": self.gateway_url,
            "shards": 1,
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 0,
                "max_concurrency": 1,
            },
        }

    async def _r_get_channel(self, rec: RecordedRequest, channel_id: str) -> _Reply:
        ch, _ = self.world.find_channel(int(channel_id))
        return (200, copy.deepcopy(ch)) if ch else _error(404, "Unknown Channel", 10003)

    async def _r_history(self, rec: RecordedRequest, channel_id: str) -> _Reply:
        cid = int(channel_id)
        limit = int(rec.query.get("limit", 50))
        msgs = [m for mid, m in sorted(self.messages.items(), reverse=True)]
        msgs = [m for m in msgs if int(m["channel_id"]) == cid]
        return 200, copy.deepcopy(msgs[:limit])

    def _channel_known(self, channel_id: int) -> bool:
        return not self.strict_channels or self.world.find_channel(channel_id)[0] is not None

    def _new_bot_message(
        self,
        channel_id: int,
        body: Mapping[str, Any],
        *,
        kind: str = "channel",
        interaction_id: int | None = None,
        files: Sequence[UploadedFile] = (),
        extra_flags: int = 0,
    ) -> SentMessage | _Reply:
        """Build, store and return the bot's message (or an error reply)."""
        ch, g = self.world.find_channel(channel_id)
        referenced = None
        ref = body.get("message_reference")
        if ref and ref.get("message_id"):
            referenced = self.messages.get(int(ref["message_id"]))
            if referenced is None and ref.get("fail_if_not_exists", True):
                return _form_error("message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message")
        replied_author = int(referenced["author"]["id"]) if referenced else None
        content = str(body.get("content") or "")
        allowed = body.get("allowed_mentions")
        users, roles, everyone = effective_mentions(content, allowed, replied_author)
        attachments = [
            {
                "id": p.sid(p.snowflake()),
                "filename": f.filename or "file",
                "size": len(f.data),
                "url": f"{self.base_url}/attachments/{f.filename}",
                "proxy_url": f"{self.base_url}/attachments/{f.filename}",
                "content_type": f.content_type,
            }
            for f in files
        ]
        flags = int(body.get("flags") or 0) | extra_flags
        msg = p.message(
            channel_id,
            self.world.bot_user,
            content,
            mentions=[self.world.users[u] for u in users if u in self.world.users],
            mention_roles=roles,
            mention_everyone=everyone,
            message_reference=(
                {
                    "type": 0,
                    "message_id": ref["message_id"],
                    "channel_id": p.sid(ref.get("channel_id") or channel_id),
                    "guild_id": p.sid(ref.get("guild_id") or (g.id if g else None)),
                }
                if referenced is not None
                else None
            ),
            referenced_message=referenced,
            embeds=body.get("embeds") or [],
            attachments=attachments,
            type=19 if referenced is not None else 0,
            flags=flags,
        )
        msg["tts"] = bool(body.get("tts", False))
        msg["components"] = body.get("components") or []
        if "nonce" in body:
            msg["nonce"] = body["nonce"]
        if kind != "channel":
            msg["webhook_id"] = p.sid(self.world.application_id)
            msg["application_id"] = p.sid(self.world.application_id)
            msg["type"] = 20 if kind == "interaction" else msg["type"]
        sent = SentMessage(
            id=int(msg["id"]),
            channel_id=int(channel_id),
            payload=msg,
            request=copy.deepcopy(dict(body)),
            kind=kind,
            interaction_id=interaction_id,
            pinged_user_ids=users,
            pinged_role_ids=roles,
            pinged_everyone=everyone,
            files=list(files),
        )
        self.messages[sent.id] = msg
        return sent

    async def _r_create_message(self, rec: RecordedRequest, channel_id: str) -> _Reply:
        cid = int(channel_id)
        if not self._channel_known(cid):
            return _error(404, "Unknown Channel", 10003)
        body = rec.json if isinstance(rec.json, dict) else {}
        if self.validate_messages:
            err = validate_message_body(body, len(rec.files))
            if err:
                return err
        sent = self._new_bot_message(cid, body, files=rec.files)
        if not isinstance(sent, SentMessage):
            return sent
        self.sent_messages.append(sent)
        return 200, copy.deepcopy(sent.payload)

    def _find_sent(self, message_id: int) -> SentMessage | None:
        for m in [*self.sent_messages, *self.followup_messages]:
            if m.id == message_id:
                return m
        for rec in self.interactions.values():
            if rec.original is not None and rec.original.id == message_id:
                return rec.original
        return None

    async def _r_get_message(self, rec: RecordedRequest, channel_id: str, message_id: str) -> _Reply:
        msg = self.messages.get(int(message_id))
        if msg is None or int(msg["channel_id"]) != int(channel_id):
            return _error(404, "Unknown Message", 10008)
        return 200, copy.deepcopy(msg)

    def _apply_edit(self, sent: SentMessage, body: Mapping[str, Any]) -> None:
        sent.edits.append(copy.deepcopy(dict(body)))
        for key in ("content", "embeds", "components", "attachments"):
            if key in body:
                sent.payload[key] = body[key] if body[key] is not None else ("" if key == "content" else [])
        if "flags" in body and body["flags"] is not None:
            sent.payload["flags"] = int(body["flags"])
        sent.payload["flags"] = int(sent.payload.get("flags") or 0) & ~LOADING
        sent.payload["edited_timestamp"] = p.iso_now()
        users, roles, everyone = effective_mentions(sent.content, sent.allowed_mentions, None)
        sent.pinged_user_ids, sent.pinged_role_ids, sent.pinged_everyone = users, roles, everyone

    async def _r_edit_message(self, rec: RecordedRequest, channel_id: str, message_id: str) -> _Reply:
        mid = int(message_id)
        sent = self._find_sent(mid)
        if sent is None or sent.deleted:
            if mid in self.messages:
                return _error(403, "Cannot edit a message authored by another user", 50005)
            return _error(404, "Unknown Message", 10008)
        body = rec.json if isinstance(rec.json, dict) else {}
        if self.validate_messages:
            err = validate_message_body({**sent.payload, **body}, len(rec.files))
            if err:
                return err
        self._apply_edit(sent, body)
        return 200, copy.deepcopy(sent.payload)

    async def _r_delete_message(self, rec: RecordedRequest, channel_id: str, message_id: str) -> _Reply:
        mid = int(message_id)
        if mid not in self.messages:
            return _error(404, "Unknown Message", 10008)
        sent = self._find_sent(mid)
        if sent is not None:
            sent.deleted = True
        del self.messages[mid]
        return 204, None

    async def _r_reaction(self, rec: RecordedRequest, channel_id: str, message_id: str, emoji: str) -> _Reply:
        if int(message_id) not in self.messages:
            return _error(404, "Unknown Message", 10008)
        self.reactions.append((int(channel_id), int(message_id), emoji, rec.method))
        return 204, None

    async def _r_typing(self, rec: RecordedRequest, channel_id: str) -> _Reply:
        if not self._channel_known(int(channel_id)):
            return _error(404, "Unknown Channel", 10003)
        return 204, None

    async def _r_get_member(self, rec: RecordedRequest, guild_id: str, user_id: str) -> _Reply:
        g = self.world.guilds.get(int(guild_id))
        if g is None:
            return _error(404, "Unknown Guild", 10004)
        m = g.member_payload(int(user_id))
        return (200, m) if m else _error(404, "Unknown Member", 10007)

    async def _r_create_dm(self, rec: RecordedRequest) -> _Reply:
        body = rec.json if isinstance(rec.json, dict) else {}
        try:
            ch = self.world.dm_channel_for(int(body["recipient_id"]))
        except (KeyError, ValueError):
            return _error(400, "Invalid Recipient(s)", 50033)
        return 200, copy.deepcopy(ch)

    # interactions & webhooks

    def _interaction_by_token(self, app_id: str, token: str) -> InteractionRecord | None:
        if app_id != str(self.world.application_id):
            return None
        return next((r for r in self.interactions.values() if r.token == token), None)

    async def _r_callback(self, rec: RecordedRequest, interaction_id: str, token: str) -> _Reply:
        irec = self.interactions.get(int(interaction_id)) if interaction_id.isdigit() else None
        if irec is None or irec.token != token:
            return _error(404, "Unknown interaction", 10062)
        if irec.responses:
            return _error(400, "Interaction has already been acknowledged.", 40060)
        body = rec.json if isinstance(rec.json, dict) else {}
        rtype = int(body.get("type") or 0)
        data = body.get("data") or {}
        message: SentMessage | None = None
        if rtype == 4 and self.validate_messages:
            err = validate_message_body(data, len(rec.files))
            if err:
                return err
        if rtype in (4, 5):
            channel_id = irec.channel_id or 0
            made = self._new_bot_message(
                channel_id,
                data,
                kind="interaction",
                interaction_id=irec.id,
                files=rec.files,
                extra_flags=LOADING if rtype == 5 else 0,
            )
            if not isinstance(made, SentMessage):
                return made
            message = made
            irec.original = message
        response = InteractionResponse(
            interaction_id=irec.id,
            token=token,
            type=rtype,
            data=copy.deepcopy(data),
            request=copy.deepcopy(body),
            message=message,
        )
        irec.responses.append(response)
        self.interaction_responses.append(response)
        if rec.query.get("with_response", "").lower() not in ("1", "true"):
            return 204, None
        out: dict[str, Any] = {
            "interaction": {
                "id": p.sid(irec.id),
                "type": irec.payload["type"],
                "response_message_loading": rtype == 5,
                "response_message_ephemeral": bool(int(data.get("flags") or 0) & EPHEMERAL),
            },
            "resource": {"type": rtype},
        }
        if message is not None:
            out["interaction"]["response_message_id"] = p.sid(message.id)
            out["resource"]["message"] = copy.deepcopy(message.payload)
        return 200, out

    async def _r_followup(self, rec: RecordedRequest, app_id: str, token: str) -> _Reply:
        irec = self._interaction_by_token(app_id, token)
        if irec is None:
            return _error(404, "Unknown Webhook", 10015)
        body = rec.json if isinstance(rec.json, dict) else {}
        if self.validate_messages:
            err = validate_message_body(body, len(rec.files))
            if err:
                return err
        wait = rec.query.get("wait", "").lower() in ("1", "true")
        orig = irec.original
        if orig is not None and orig.loading and not irec.followups:
            # Discord: the first followup after a deferred (type 5) response fills in the
            # "thinking..." original instead of creating a new message.
            self._apply_edit(orig, body)
            irec.followups.append(orig)
            self.followup_messages.append(orig)
            return (200, copy.deepcopy(orig.payload)) if wait else (204, None)
        made = self._new_bot_message(
            irec.channel_id or 0, body, kind="followup", interaction_id=irec.id, files=rec.files
        )
        if not isinstance(made, SentMessage):
            return made
        irec.followups.append(made)
        self.followup_messages.append(made)
        return (200, copy.deepcopy(made.payload)) if wait else (204, None)

    async def _r_webhook(self, rec: RecordedRequest, app_id: str, token: str) -> _Reply:
        irec = self._interaction_by_token(app_id, token)
        if irec is None:
            return _error(404, "Unknown Webhook", 10015)
        body = rec.json if isinstance(rec.json, dict) else {}
        return 200, {
            "id": p.sid(self.world.application_id),
            "type": 3,
            "name": body.get("name") or self.world.bot_user["username"],
            "avatar": None,
            "channel_id": p.sid(irec.channel_id),
            "guild_id": irec.payload.get("guild_id"),
            "application_id": p.sid(self.world.application_id),
            "token": token,
        }

    async def _r_webhook_message(
        self, rec: RecordedRequest, app_id: str, token: str, message_id: str = "@original"
    ) -> _Reply:
        irec = self._interaction_by_token(app_id, token)
        if irec is None:
            return _error(404, "Unknown Webhook", 10015)
        if message_id == "@original":
            target = irec.original
        else:
            target = next((m for m in irec.followups if m.id == int(message_id)), None)
        if target is None or target.deleted:
            return _error(404, "Unknown Message", 10008)
        if rec.method == "GET":
            return 200, copy.deepcopy(target.payload)
        if rec.method == "DELETE":
            target.deleted = True
            self.messages.pop(target.id, None)
            return 204, None
        body = rec.json if isinstance(rec.json, dict) else {}
        if self.validate_messages:
            err = validate_message_body({**target.payload, **body}, len(rec.files))
            if err:
                return err
        self._apply_edit(target, body)
        return 200, copy.deepcopy(target.payload)

    # application commands

    def _command_pool(self, app_id: str, guild_id: str | None) -> list[dict[str, Any]] | _Reply:
        if app_id != str(self.world.application_id):
            return _error(403, "Missing Access", 50001)
        if guild_id is None:
            return self.global_commands
        if not guild_id.isdigit() or int(guild_id) not in self.world.guilds:
            return _error(404, "Unknown Guild", 10004)
        return self.guild_commands.setdefault(int(guild_id), [])

    def _make_command(
        self, body: Mapping[str, Any], guild_id: str | None, old: Mapping[str, Any] | None
    ) -> dict[str, Any]:
        cmd = copy.deepcopy(dict(body))
        cmd["id"] = old["id"] if old else p.sid(p.snowflake())
        cmd["application_id"] = p.sid(self.world.application_id)
        cmd["version"] = p.sid(p.snowflake())
        cmd.setdefault("type", 1)
        cmd.setdefault("description", "")
        cmd.setdefault("options", [])
        cmd.setdefault("default_member_permissions", None)
        cmd.setdefault("nsfw", False)
        if guild_id is not None:
            cmd["guild_id"] = guild_id
        return cmd

    async def _r_get_commands(self, rec: RecordedRequest, app_id: str, guild_id: str | None = None) -> _Reply:
        pool = self._command_pool(app_id, guild_id)
        return pool if isinstance(pool, tuple) else (200, copy.deepcopy(pool))

    async def _r_put_commands(self, rec: RecordedRequest, app_id: str, guild_id: str | None = None) -> _Reply:
        pool = self._command_pool(app_id, guild_id)
        if isinstance(pool, tuple):
            return pool
        body = rec.json if isinstance(rec.json, list) else []
        by_key = {(c["name"], c.get("type", 1)): c for c in pool}
        new = [self._make_command(c, guild_id, by_key.get((c["name"], c.get("type", 1)))) for c in body]
        pool[:] = new
        self.command_syncs.append((int(guild_id) if guild_id else None, copy.deepcopy(body)))
        return 200, copy.deepcopy(new)

    async def _r_post_command(self, rec: RecordedRequest, app_id: str, guild_id: str | None = None) -> _Reply:
        pool = self._command_pool(app_id, guild_id)
        if isinstance(pool, tuple):
            return pool
        body = rec.json if isinstance(rec.json, dict) else {}
        key = (body.get("name"), body.get("type", 1))
        old = next((c for c in pool if (c["name"], c.get("type", 1)) == key), None)
        cmd = self._make_command(body, guild_id, old)
        if old is not None:
            pool[pool.index(old)] = cmd
        else:
            pool.append(cmd)
        return (200 if old else 201), copy.deepcopy(cmd)

    async def _r_delete_command(
        self, rec: RecordedRequest, app_id: str, command_id: str, guild_id: str | None = None
    ) -> _Reply:
        pool = self._command_pool(app_id, guild_id)
        if isinstance(pool, tuple):
            return pool
        for c in pool:
            if c["id"] == command_id:
                pool.remove(c)
                return 204, None
        return _error(404, "Unknown application command", 10063)

    # -- gateway ----------------------------------------------------------------------------

    async def _handle_ws(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(timeout=2.0, compress=False, max_msg_size=0)
        await ws.prepare(request)
        conn = _Connection(ws=ws, request=request, path=request.path, query=dict(request.query))
        self.connections.append(conn)
        self.connection_paths.append(request.path)
        self.connect_count += 1
        try:
            await conn.send(
                {"op": OP_HELLO, "d": {"heartbeat_interval": self.heartbeat_interval}, "s": None, "t": None}
            )
            async for msg in ws:
                if msg.type not in (WSMsgType.TEXT, WSMsgType.BINARY):
                    break
                try:
                    payload = json.loads(msg.data)
                except ValueError:
                    self.errors.append(f"client sent undecodable frame: {msg.data!r:.200}")
                    await ws.close(code=4002, message=b"Error while decoding payload.")
                    break
                self.gateway_received.append(payload)
                await self._on_gateway_payload(conn, payload)
        finally:
            self.connections.remove(conn)
            sess = conn.session
            if sess is not None and sess.conn is conn:
                sess.conn = None
                if not conn.dropped and ws.close_code in (1000, 1001):
                    sess.closed = True  # the client ended its session on purpose
            await self._notify()
        return ws

    async def _on_gateway_payload(self, conn: _Connection, payload: Mapping[str, Any]) -> None:
        op = payload.get("op")
        d = payload.get("d")
        if op == OP_HEARTBEAT:
            self.heartbeat_count += 1
            if self.ack_heartbeats:
                await conn.send({"op": OP_HEARTBEAT_ACK, "d": None, "s": None, "t": None})
        elif op == OP_IDENTIFY:
            await self._identify(conn, d or {})
        elif op == OP_RESUME:
            await self._resume(conn, d or {})
        elif op == OP_REQUEST_MEMBERS:
            await self._request_members(conn, d or {})
        await self._notify()

    async def _identify(self, conn: _Connection, d: Mapping[str, Any]) -> None:
        if conn.session is not None:
            await conn.ws.close(code=4005, message=b"Already authenticated.")
            return
        if self.valid_token is not None and d.get("token") != self.valid_token:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        shard = list(d["shard"]) if d.get("shard") else None
        session = _Session(id=uuid.uuid4().hex, intents=d.get("intents"), shard=shard, conn=conn)
        async with session.lock:  # nothing may be dispatched before READY + GUILD_CREATEs
            for old in self.sessions.values():
                if old.conn is None and old.shard == shard:
                    old.closed = True  # that client gave up on resuming
            self.sessions[session.id] = session
            conn.session = session
            self.identifies.append(copy.deepcopy(dict(d)))
            self.identify_count += 1
            guilds = [g for g in self.world.guilds.values() if session.owns_guild(g.id)]
            ready = {
                "v": 10,
                "user": copy.deepcopy(self.world.bot_user),
                "guilds": [p.unavailable_guild(g.id) for g in guilds],
                "session_id": session.id,
                "session_type": "normal",
                "resume_gateway_url": self.resume_gateway_url,
                "shard": shard or [0, 1],
                "application": {"id": p.sid(self.world.application_id), "flags": 0},
                "private_channels": [],
                "relationships": [],
                "presences": [],
                "user_settings": {},
                "_trace": ["fake-discord"],
            }
            await self._send_dispatch_locked(session, "READY", ready)
            for g in guilds:
                await self._send_dispatch_locked(session, "GUILD_CREATE", self._guild_create(g, session))

    def _guild_create(self, g: FakeGuild, session: _Session) -> dict[str, Any]:
        intents = session.intents
        if self.enforce_intents and intents is not None and not intents & p.INTENT_GUILD_MEMBERS:
            return g.create_payload(member_ids=[self.world.bot_id])
        return g.create_payload()

    async def _resume(self, conn: _Connection, d: Mapping[str, Any]) -> None:
        session = self.sessions.get(str(d.get("session_id")))
        if session is None or session.closed or not self.allow_resume:
            await conn.send({"op": OP_INVALID_SESSION, "d": False, "s": None, "t": None})
            return
        async with session.lock:
            old = session.conn
            if old is not None and old is not conn:
                old.dropped = True
                old.session = None
                with contextlib.suppress(Exception):
                    await old.ws.close(code=4000)
            session.conn = conn
            conn.session = session
            seq = int(d.get("seq") or 0)
            missed = [payload for payload in session.history if payload["s"] > seq]
            for payload in missed:
                await conn.send(payload)
            self.resume_replays.append(len(missed))
            await self._send_dispatch_locked(session, "RESUMED", {"_trace": ["fake-discord"]})
            self.resumes.append(copy.deepcopy(dict(d)))
            self.resume_count += 1

    async def _request_members(self, conn: _Connection, d: Mapping[str, Any]) -> None:
        g = self.world.guilds.get(int(d.get("guild_id") or 0))
        session = conn.session
        if g is None or session is None:
            return
        query = (d.get("query") or "").lower()
        ids = {int(i) for i in d.get("user_ids") or []}
        limit = int(d.get("limit") or 0) or len(g.members)
        members = [
            copy.deepcopy(m)
            for uid, m in g.members.items()
            if (not ids or uid in ids) and m["user"]["username"].lower().startswith(query)
        ][:limit]
        chunk: dict[str, Any] = {
            "guild_id": p.sid(g.id),
            "members": members,
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
        }
        if d.get("nonce"):
            chunk["nonce"] = d["nonce"]
        async with session.lock:
            await self._send_dispatch_locked(session, "GUILD_MEMBERS_CHUNK", chunk)

    async def _send_dispatch_locked(self, session: _Session, event: str, data: Any) -> dict[str, Any]:
        session.seq += 1
        payload = {"op": OP_DISPATCH, "t": event, "s": session.seq, "d": data}
        session.history.append(payload)
        if session.conn is not None:
            await session.conn.send(payload)
        return payload

    def _for_session(self, session: _Session, event: str, data: Any) -> Any | None:
        """The event as this session would see it (None: not delivered), per intents/shard."""
        guild_id = data.get("guild_id") if isinstance(data, dict) else None
        if not session.owns_guild(int(guild_id) if guild_id else None):
            return None
        intents = session.intents
        if not self.enforce_intents or intents is None or not isinstance(data, dict):
            return data
        if event in ("MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE"):
            need = p.INTENT_GUILD_MESSAGES if guild_id else p.INTENT_DIRECT_MESSAGES
            if not intents & need:
                return None
            if event != "MESSAGE_DELETE" and guild_id and not intents & p.INTENT_MESSAGE_CONTENT:
                bot = str(self.world.bot_id)
                by_bot = (data.get("author") or {}).get("id") == bot
                mentioned = any(m.get("id") == bot for m in data.get("mentions") or [])
                if not (by_bot or mentioned):
                    data = {**data, "content": "", "embeds": [], "attachments": [], "components": []}
                    data.pop("poll", None)
        return data

    @property
    def live_sessions(self) -> list[_Session]:
        """Sessions not ended by the client (they may be between a drop and a RESUME)."""
        return [s for s in self.sessions.values() if not s.closed]

    async def dispatch(self, event: str, data: Any) -> list[int]:
        """Send a DISPATCH to every live session (queued for RESUME if it is disconnected).

        Returns the sequence numbers used (one per session that receives it).
        """
        sessions = self.live_sessions
        if not sessions:
            raise RuntimeError(f"cannot dispatch {event}: no gateway session (bot not connected?)")
        seqs = []
        for s in sessions:
            view = self._for_session(s, event, copy.deepcopy(data))
            if view is None:
                continue
            async with s.lock:
                seqs.append((await self._send_dispatch_locked(s, event, view))["s"])
        await self._notify()
        return seqs

    async def send_raw(self, text: str) -> None:
        """Send a raw text frame (e.g. malformed JSON) to every connected client."""
        for conn in list(self.connections):
            await conn.send(text)

    async def send_op(self, op: int, d: Any = None) -> None:
        """Send a non-dispatch opcode (e.g. 7 RECONNECT, 9 INVALID_SESSION, 1 HEARTBEAT)."""
        await self.send_raw(json.dumps({"op": op, "d": d, "s": None, "t": None}))

    async def request_reconnect(self) -> None:
        """Op 7: the client closes and RESUMEs."""
        await self.send_op(OP_RECONNECT)

    async def invalidate_session(self, resumable: bool = False) -> None:
        """Op 9: with ``resumable=False`` the client drops the session and IDENTIFYs again."""
        if not resumable:
            for s in self.live_sessions:
                s.closed = True
        await self.send_op(OP_INVALID_SESSION, resumable)

    async def drop_connection(self, code: int | None = 4000, reason: str = "") -> None:
        """Close every gateway socket with ``code`` (sessions stay resumable).

        ``code=None`` aborts the TCP connection without a close frame.
        """
        for conn in list(self.connections):
            conn.dropped = True
            if code is None:
                transport = conn.request.transport
                if transport is not None:
                    transport.abort()
                continue
            with contextlib.suppress(Exception):
                await conn.ws.close(code=code, message=reason.encode())
        await self._notify()

    # -- high-level helpers -----------------------------------------------------------------

    @staticmethod
    def mention(who: Mapping[str, Any] | int) -> str:
        """``<@id>`` for a user payload or id."""
        return f"<@{p.user_id_of(who)}>"

    async def user_says(
        self,
        channel_id: int,
        author: Mapping[str, Any] | int | None,
        content: str,
        *,
        mentions: Sequence[Mapping[str, Any] | int] | None = None,
        mention_everyone: bool | None = None,
        mention_roles: Iterable[int] | None = None,
        reply_to: int | None = None,
        embeds: Sequence[Mapping[str, Any]] = (),
        attachments: Sequence[Mapping[str, Any]] = (),
    ) -> int:
        """Dispatch MESSAGE_CREATE for ``author`` (None = the default user) saying ``content``
        in ``channel_id`` (a guild channel or DM channel); return the new message id.

        ``mentions``/``mention_roles``/``mention_everyone`` default to what ``content``
        contains (``<@id>``, ``<@&id>``, ``@everyone``/``@here``).
        """
        ch, g = self.world.find_channel(int(channel_id))
        if ch is None:
            raise ValueError(f"unknown channel {channel_id}; add it to the world first")
        u = self.world.resolve_user(author)
        uid = int(u["id"])
        member = None
        if g is not None:
            member = g.members.get(uid) or g.add_member(u)
        if mentions is None:
            ids = [int(x) for x in _USER_MENTION.findall(content)]
            mentioned = [self.world.users[i] for i in ids if i in self.world.users]
        else:
            mentioned = [self.world.resolve_user(m) for m in mentions]
        mention_payloads = []
        for mu in mentioned:
            mp = copy.deepcopy(mu)
            if g is not None and int(mu["id"]) in g.members:
                mp["member"] = p.member(mu, g.members[int(mu["id"])]["roles"], with_user=False)
            mention_payloads.append(mp)
        if mention_roles is None:
            mention_roles = [int(x) for x in _ROLE_MENTION.findall(content)]
        if mention_everyone is None:
            mention_everyone = "@everyone" in content or "@here" in content
        ref = referenced = None
        if reply_to is not None:
            referenced = self.messages.get(int(reply_to))
            ref = {
                "type": 0,
                "message_id": p.sid(reply_to),
                "channel_id": p.sid(channel_id),
                "guild_id": p.sid(g.id if g else None),
            }
        msg = p.message(
            int(channel_id),
            u,
            content,
            guild_id=g.id if g else None,
            member=member,
            mentions=mention_payloads,
            mention_everyone=mention_everyone,
            mention_roles=mention_roles,
            message_reference=ref,
            referenced_message=referenced,
            embeds=embeds,
            attachments=attachments,
            type=19 if ref else 0,
        )
        mid = int(msg["id"])
        self.messages[mid] = msg
        self.user_messages.append(msg)
        await self.dispatch("MESSAGE_CREATE", msg)
        return mid

    async def user_dms(self, author: Mapping[str, Any] | int | None, content: str, **kw: Any) -> int:
        """``user_says`` in the DM channel between ``author`` and the bot."""
        ch = self.world.dm_channel_for(author if author is not None else self.world.user)
        return await self.user_says(int(ch["id"]), author, content, **kw)

    async def invoke_command(
        self,
        name: str,
        options: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None,
        *,
        user: Mapping[str, Any] | int | None = None,
        guild: bool | int = True,
        channel_id: int | None = None,
        member_permissions: int | None = None,
        type: int = p.INTERACTION_APPLICATION_COMMAND,
        focused: str | None = None,
        command_type: int = 1,
        resolved: Mapping[str, Any] | None = None,
        locale: str = "en-US",
    ) -> int:
        """Dispatch INTERACTION_CREATE for slash command ``name`` (``"group sub"`` for
        subcommands) and return the interaction id.

        ``options``: ``{"text": "hi"}`` or raw option dicts.  ``user`` defaults to the default
        user.  ``guild=True`` uses the world's first guild (or pass a guild id), ``False``
        makes it a DM interaction.  The member's ``permissions`` are computed from its roles
        unless ``member_permissions`` is given.  ``type=4`` + ``focused`` = autocomplete.
        """
        u = self.world.resolve_user(user)
        uid = int(u["id"])
        guild_id: int | None = None
        member = None
        perms = None
        if guild is not False:
            g = next(iter(self.world.guilds.values())) if guild is True else self.world.guilds[int(guild)]
            guild_id = g.id
            if uid not in g.members:
                g.add_member(u)
            member = g.member_payload(uid, permissions=True)
            perms = member_permissions
            if channel_id is None:
                channel_id = int(g.channels[0]["id"])
            channel, _ = self.world.find_channel(channel_id)
        else:
            channel = self.world.dm_channel_for(u)
            channel_id = int(channel["id"])
        if channel is None:
            raise ValueError(f"unknown channel {channel_id}")
        top = name.split()[0]
        cmd_id = self.command_id(top, guild_id) or p.snowflake()
        guild_cmds = self.guild_commands.get(guild_id, []) if guild_id else []
        cmd_guild = guild_id if any(c["name"] == top for c in guild_cmds) else None
        payload = p.interaction(
            name,
            options,
            application_id=self.world.application_id,
            type=type,
            command_id=cmd_id,
            command_type=command_type,
            command_guild_id=cmd_guild,
            guild_id=guild_id,
            channel=copy.deepcopy(channel),
            member=member,
            user=copy.deepcopy(u),
            permissions=perms,
            app_permissions=self.world.bot_permissions_in(guild_id),
            focused=focused,
            resolved=resolved,
            locale=locale,
        )
        iid = int(payload["id"])
        self.interactions[iid] = InteractionRecord(
            id=iid, token=payload["token"], payload=payload, channel_id=channel_id
        )
        await self.dispatch("INTERACTION_CREATE", payload)
        return iid

    async def autocomplete(
        self,
        name: str,
        options: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None,
        focused: str,
        **kw: Any,
    ) -> int:
        """Dispatch an APPLICATION_COMMAND_AUTOCOMPLETE interaction; return its id."""
        return await self.invoke_command(
            name, options, type=p.INTERACTION_AUTOCOMPLETE, focused=focused, **kw
        )
