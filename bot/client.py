"""The Discord client: CitebotBot, its start-up and error replies, and the `run` and `sync` entry points."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
import sys
from typing import Any, TextIO

import discord
import yarl
from discord import app_commands
from discord.ext import commands

from knowledge import FactBase
from knowledge.library import Library

from . import render
from .checks import NotOwner
from .config import Settings
from .cooldown import Cooldowns
from .guild_settings import GuildSettings
from .rebuilds import RebuildGate
from .replies import respond_text
from .source_cards import NOT_OWNER

log = logging.getLogger("citebot")

SWITCH_INTERVAL = 0.001  # seconds a thread may hold the GIL while another waits
COGS = ("bot.cogs.questions", "bot.cogs.info", "bot.cogs.moderation", "bot.cogs.sources")
TOKEN_REJECTED = "citebot: error: Discord rejected the token (check DISCORD_TOKEN)"
NO_TOKEN = "citebot: error: DISCORD_TOKEN is not set (see .env.example); `citebot run --console` needs none"
NO_CONTENT_INTENT = (
    "citebot: warning: the Message Content intent is not enabled for this bot; running without it "
    "(mentions, DMs and slash commands work; auto-answer channels do not). Enable it in the developer "
    "portal under Bot -> Privileged Gateway Intents -> Message Content Intent and restart."
)


# citebot is text only: no "PyNaCl / davey is not installed, voice will NOT be supported" at start-up
discord.VoiceClient.warn_nacl = False
discord.VoiceClient.warn_dave = False


def intents(message_content: bool = True) -> discord.Intents:
    """Only what citebot uses: guilds (channels, roles), guild and DM messages, and message content."""
    return discord.Intents(
        guilds=True, guild_messages=True, dm_messages=True, message_content=message_content
    )


def point_at(api_base_url: str, gateway_url: str) -> None:
    """Aim discord.py at another Discord API and gateway (the tests' fake Discord); '' keeps Discord's."""
    if api_base_url:
        discord.http.Route.BASE = api_base_url.rstrip("/")
    if gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


class CitebotTree(app_commands.CommandTree):
    """The command tree with one polite, private reply for every app-command error."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        if isinstance(error, app_commands.CommandOnCooldown):
            text = render.cooldown_text(error.retry_after)
        elif isinstance(error, app_commands.NoPrivateMessage):
            text = render.GUILD_ONLY
        elif isinstance(error, NotOwner):
            text = NOT_OWNER
        elif isinstance(error, app_commands.CheckFailure):
            text = render.NOT_MODERATOR
        else:
            name = interaction.command.qualified_name if interaction.command else "?"
            log.error("/%s failed", name, exc_info=getattr(error, "original", error))
            text = render.FAILED
        try:
            await respond_text(interaction, text)
        except discord.HTTPException as exc:
            log.warning("could not send the error reply: %s", exc)


class CitebotBot(commands.Bot):
    """citebot on Discord: answers mentions, DMs, enabled channels and slash commands, with citations."""

    def __init__(
        self,
        settings: Settings,
        *,
        base: FactBase | None = None,
        guild_settings: GuildSettings | None = None,
        message_content: bool = True,
        **options: Any,
    ):
        point_at(settings.api_base_url, settings.gateway_url)
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents(message_content),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=CitebotTree,
            **options,
        )
        self.settings = settings
        self.cooldowns = Cooldowns(settings.cooldown_rate, settings.cooldown_seconds)
        self.rebuilds = RebuildGate(settings.rebuild_cooldown)
        self._base = base
        self._library: Library | None = None
        self._guild_settings = guild_settings
        self._idle_closer: asyncio.Task[None] | None = None

    @property
    def base(self) -> FactBase:
        if self._base is None:
            raise RuntimeError("the fact base is opened in setup_hook")
        return self._base

    @property
    def library(self) -> Library:
        if self._library is None:
            raise RuntimeError("the library of server bases is opened in setup_hook")
        return self._library

    async def base_for(self, guild_id: int | None) -> FactBase:
        """The base that answers in *guild_id* (None: DMs and the shipped base), opened when needed."""
        base = self.library.cached(guild_id)
        if base is None:
            base = await asyncio.to_thread(self.library.base, guild_id)
        elif base.changed_on_disk():  # another process rebuilt it: open the new file off the loop
            await asyncio.to_thread(base.refresh)
        return base

    async def _close_idle_bases(self) -> None:
        every = max(1.0, min(60.0, self.settings.idle_seconds / 2))
        while True:
            await asyncio.sleep(every)
            closed = self.library.close_idle()
            if closed:
                log.debug("closed %d idle server bases", closed)

    async def close(self) -> None:
        if self._idle_closer is not None:
            self._idle_closer.cancel()
        await super().close()

    @property
    def guild_settings(self) -> GuildSettings:
        if self._guild_settings is None:
            raise RuntimeError("the guild settings are opened in setup_hook")
        return self._guild_settings

    async def setup_hook(self) -> None:
        s = self.settings
        if self._base is None:
            self._base = await asyncio.to_thread(FactBase.ensure, s.sources, s.db_path)
        if self._guild_settings is None:
            self._guild_settings = await asyncio.to_thread(GuildSettings, s.settings_db)
        self._library = Library(s.servers_dir, self.base, max_open=s.open_bases, idle_seconds=s.idle_seconds)
        self._idle_closer = asyncio.create_task(self._close_idle_bases(), name="citebot-idle-bases")
        for name in COGS:
            await self.load_extension(name)
        if s.dev_guild_id:
            guild = discord.Object(id=s.dev_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to development guild %s", len(synced), s.dev_guild_id)
        log.info("fact base %s ready", self.base.version)
        # Everything loaded so far lives as long as the bot: keep full collections from re-scanning
        # it, which otherwise stalls the event loop for ~50 ms now and then (benchmarks/README.md).
        gc.collect()
        gc.freeze()
        # Answers are worked out in threads: let the event loop take the GIL back within 1 ms
        # (Python's default is 5 ms), so a long answer never holds up the gateway and replies.
        sys.setswitchinterval(SWITCH_INTERVAL)

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: the questions cog listens to messages."""


class ShardedCitebotBot(CitebotBot, commands.AutoShardedBot):
    """CitebotBot running the gateway shards given by SHARD_COUNT and SHARD_IDS."""


def create_bot(
    settings: Settings,
    *,
    base: FactBase | None = None,
    guild_settings: GuildSettings | None = None,
    message_content: bool = True,
    **options: Any,
) -> CitebotBot:
    """A CitebotBot, sharded when the settings ask for shards."""
    kwargs: dict[str, Any] = dict(
        base=base, guild_settings=guild_settings, message_content=message_content, **options
    )
    if settings.shard_count:
        shard_ids = list(settings.shard_ids) or None
        return ShardedCitebotBot(settings, shard_count=settings.shard_count, shard_ids=shard_ids, **kwargs)
    return CitebotBot(settings, **kwargs)


# --- logging ----------------------------------------------------------------------------


class RedactToken(logging.Filter):
    """Replaces the token in every record (message, arguments, traceback) before it is written."""

    def __init__(self, token: str):
        super().__init__()
        self.token = token

    def _clean(self, text: str) -> str:
        return text.replace(self.token, "[token redacted]")

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.token:
            return True
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = self._clean(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self._clean(record.stack_info)
        return True


def configure_logging(settings: Settings) -> None:
    """Log to stderr at CITEBOT_LOG_LEVEL, with the token redacted from every handler's output."""
    level = logging.getLevelName(settings.log_level)
    discord.utils.setup_logging(level=level if isinstance(level, int) else logging.INFO, root=True)
    for handler in logging.getLogger().handlers:
        handler.addFilter(RedactToken(settings.discord_token))


# --- run and sync -----------------------------------------------------------------------


def run_discord(settings: Settings) -> int:
    """`citebot run` with a token: serve until SIGINT/SIGTERM; 0 on a clean stop."""
    if not settings.discord_token:
        print(NO_TOKEN, file=sys.stderr)
        return 1
    configure_logging(settings)
    return asyncio.run(serve(settings))


def _rejected(exc: BaseException) -> bool:
    """True when Discord refused the token (HTTP login or gateway close 4004)."""
    return isinstance(exc, discord.LoginFailure) or (
        isinstance(exc, discord.ConnectionClosed) and exc.code == 4004
    )


async def serve(settings: Settings, *, err: TextIO | None = None, **options: Any) -> int:
    """Run the bot until it is closed by a signal; falls back to no message content if refused."""
    err = err or sys.stderr
    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()
    current: list[CitebotBot] = []
    closing: list[asyncio.Task[None]] = []  # kept referenced until done

    def stop() -> None:
        stopping.set()
        if current:
            closing.append(loop.create_task(current[-1].close()))

    signals = (signal.SIGINT, signal.SIGTERM)
    for sig in signals:
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop)
    message_content, base, store = True, None, None
    try:
        while not stopping.is_set():
            bot = create_bot(
                settings, base=base, guild_settings=store, message_content=message_content, **options
            )
            current.append(bot)
            try:
                async with bot:
                    await bot.start(settings.discord_token)
                return 0
            except discord.PrivilegedIntentsRequired:
                if not message_content:
                    raise
                print(NO_CONTENT_INTENT, file=err)
                message_content, base, store = False, bot._base, bot._guild_settings
            except (discord.LoginFailure, discord.ConnectionClosed) as exc:
                if not _rejected(exc):
                    raise
                print(TOKEN_REJECTED, file=err)
                return 1
        return 0
    finally:
        for sig in signals:
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.remove_signal_handler(sig)
        if current and current[-1]._guild_settings is not None:
            current[-1]._guild_settings.close()


def sync_commands(settings: Settings, guild_id: int | None) -> int:
    """`citebot sync`: publish the slash commands globally or to one guild, print them, log out."""
    if not settings.discord_token:
        print(NO_TOKEN, file=sys.stderr)
        return 1
    configure_logging(settings)
    return asyncio.run(sync(settings, guild_id))


async def sync(
    settings: Settings, guild_id: int | None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Log in (no gateway), sync the command tree, and report what was synced."""
    out, err = out or sys.stdout, err or sys.stderr
    bot = create_bot(settings)
    try:
        async with bot:
            await bot.login(settings.discord_token)
            guild = discord.Object(id=guild_id) if guild_id else None
            if guild is not None:
                bot.tree.copy_global_to(guild=guild)
            synced = await bot.tree.sync(guild=guild)
    except discord.LoginFailure:
        print(TOKEN_REJECTED, file=err)
        return 1
    finally:
        if bot._guild_settings is not None:
            bot._guild_settings.close()
    names = ", ".join(f"/{c.name}" for c in synced)
    where = (
        f"to guild {guild_id} (available now)" if guild_id else "globally (may take up to an hour to appear)"
    )
    print(f"Synced {len(synced)} commands {where}: {names}", file=out)
    return 0
