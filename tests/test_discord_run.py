"""Starting and stopping on Discord: bad tokens, a refused intent, signals, sharding, sync, log redaction."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import shutil
import signal
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
import pytest_asyncio

from bot.client import (
    NO_CONTENT_INTENT,
    TOKEN_REJECTED,
    RedactToken,
    ShardedCitebotBot,
    create_bot,
    run_discord,
    serve,
    sync,
)
from bot.config import Settings
from knowledge import DEFAULT_SOURCES, FactBase

try:  # rootdir on sys.path (python -m pytest, or tests/ made a package)
    from tests.fakediscord import FakeDiscord, payloads, running_bot
except ModuleNotFoundError:  # plain `pytest`: tests/ itself is on sys.path
    from fakediscord import FakeDiscord, payloads, running_bot

pytestmark = pytest.mark.discord_e2e

TOKEN = "MTIz.secret-token-never-printed"
QUESTION = "Who will replace Stoltenberg?"


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    return FactBase.build(DEFAULT_SOURCES, tmp_path_factory.mktemp("base") / "base.db")


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as f:
        yield f


@pytest.fixture
def settings(fake: FakeDiscord, base: FactBase, tmp_path: Path) -> Settings:
    return Settings(
        discord_token=TOKEN,
        db_path=base.db,
        sources=Path(shutil.copytree(DEFAULT_SOURCES, tmp_path / "sources")),
        settings_db=tmp_path / "guilds.db",
        servers_dir=tmp_path / "servers",
        api_base_url=fake.api_base,
        gateway_url=fake.gateway_url,
    )


async def test_a_rejected_token_is_one_clear_line(fake: FakeDiscord, settings: Settings) -> None:
    fake.fail_next("GET", "/users/@me", status=401, body={"message": "401: Unauthorized", "code": 0})
    err = io.StringIO()
    assert await serve(settings, err=err) == 1
    assert err.getvalue() == TOKEN_REJECTED + "\n" and TOKEN not in err.getvalue()


def test_a_missing_token_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_discord(Settings()) == 1
    assert "DISCORD_TOKEN is not set" in capsys.readouterr().err


async def test_without_the_content_intent_it_runs_on_and_sigterm_stops_it(
    fake: FakeDiscord, settings: Settings
) -> None:
    err = io.StringIO()
    task = asyncio.create_task(serve(settings, err=err, guild_ready_timeout=0.05))
    fake.watch(task)
    await fake.wait_for_identify(1, timeout=10)
    assert fake.identifies[0]["intents"] & payloads.INTENT_MESSAGE_CONTENT
    await fake.drop_connection(code=4014)  # "Disallowed intent(s)"
    second = await fake.wait_for_identify(2, timeout=10)
    assert not second["intents"] & payloads.INTENT_MESSAGE_CONTENT
    assert err.getvalue() == NO_CONTENT_INTENT + "\n"
    mid = await fake.user_says(fake.world.general_id, None, f"{fake.mention(fake.bot_user)} {QUESTION}")
    assert "Mark Rutte" in (await fake.wait_for_reply_to(mid)).text
    fake.unwatch(task)
    os.kill(os.getpid(), signal.SIGTERM)
    assert await asyncio.wait_for(task, 10) == 0
    await fake.wait_for(lambda: not fake.connections, what="the bot to hang up")
    assert fake.requests_to("PUT", "/applications/*") == []  # no command sync on start


async def test_sharded_bot_answers_once(fake: FakeDiscord, settings: Settings) -> None:
    bot = create_bot(replace(settings, shard_count=2, shard_ids=(0, 1)))
    assert isinstance(bot, ShardedCitebotBot)
    async with running_bot(bot, fake, ready_timeout=10):
        mid = await fake.user_says(fake.world.general_id, None, f"{fake.mention(fake.bot_user)} {QUESTION}")
        reply = await fake.wait_for_reply_to(mid)
        await fake.expect_no_message(after=reply.id, within=0.2)
    assert sorted(i["shard"] for i in fake.identifies) == [[0, 2], [1, 2]]
    assert "Mark Rutte" in reply.text


async def test_sync_to_a_guild_and_globally(fake: FakeDiscord, settings: Settings) -> None:
    out = io.StringIO()
    assert await sync(settings, fake.world.guild_id, out=out) == 0
    assert await sync(settings, None, out=out) == 0
    names = {c["name"] for c in fake.guild_commands[fake.world.guild_id]}
    assert names == {"ask", "summary", "facts", "source", "reload", "channels", "gaps", "teach"}
    assert {c["name"] for c in fake.global_commands} == names
    reload = next(c for c in fake.global_commands if c["name"] == "reload")
    assert int(reload["default_member_permissions"]) == payloads.MANAGE_GUILD
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"Synced 8 commands to guild {fake.world.guild_id}")
    assert lines[1].startswith("Synced 8 commands globally") and "/ask" in lines[1]
    assert fake.identify_count == 0  # sync never opens the gateway


def test_the_token_is_redacted_from_log_records() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactToken(TOKEN))
    log = logging.getLogger("citebot.test-redaction")
    log.addHandler(handler)
    try:
        log.warning("logging in with %s", TOKEN)
        try:
            raise RuntimeError(f"bad header Bot {TOKEN}")
        except RuntimeError:
            log.exception("failed")
    finally:
        log.removeHandler(handler)
    text = stream.getvalue()
    assert TOKEN not in text and text.count("[token redacted]") == 2
