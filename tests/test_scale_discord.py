"""Two `citebot run` processes, one shard each, over one fake Discord: a reload through one reaches
the other; and answering never runs on the event loop."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

import knowledge.factbase as factbase
from bot.cogs import questions
from knowledge import DEFAULT_SOURCES, FactBase

try:  # rootdir on sys.path (python -m pytest, or tests/ made a package)
    from tests.fakediscord import FakeDiscord, World, payloads
except ModuleNotFoundError:  # plain `pytest`: tests/ itself is on sys.path
    from fakediscord import FakeDiscord, World, payloads

pytestmark = pytest.mark.discord_e2e

CITEBOT = Path(sys.executable).parent / "citebot"
TOKEN = "MTIz.shard-test-token"
SUMMIT = "Where will the 2025 summit be held?"
HAGUE = (
    "NATO picks The Hague\n\nThe alliance will hold its 2025 summit in The Hague, "
    "the Dutch government announced on Friday.\n"
)


def on_shard(shard: int, count: int = 2) -> int:
    """A guild id Discord routes to *shard* of *count*."""
    seq = payloads.snowflake() >> 22
    return ((seq - seq % count + shard) << 22) | 1


SHARD_ONE_GUILD = on_shard(1)


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    world = World()
    guild = world.add_guild("Shard One", id=SHARD_ONE_GUILD)
    guild.add_channel("general", id=SHARD_ONE_GUILD + 2)
    async with FakeDiscord(world) as f:
        yield f


async def start(fake: FakeDiscord, tmp_path: Path, shard: int) -> asyncio.subprocess.Process:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "DISCORD_TOKEN": TOKEN,
        "DISCORD_API_BASE_URL": fake.api_base,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
        "CITEBOT_DB": str(tmp_path / "base.db"),
        "CITEBOT_SOURCES": str(tmp_path / "sources"),
        "CITEBOT_SETTINGS_DB": str(tmp_path / "guilds.db"),
        "CITEBOT_SERVERS_DIR": str(tmp_path / "servers"),
        "SHARD_COUNT": "2",
        "SHARD_IDS": str(shard),
    }
    return await asyncio.create_subprocess_exec(
        str(CITEBOT), "run", cwd=tmp_path, env=env, stderr=asyncio.subprocess.PIPE
    )


async def dm(fake: FakeDiscord, text: str) -> str:
    channel = int(fake.world.dm_channel_for(fake.world.user)["id"])
    mid = await fake.user_says(channel, fake.world.user, text)
    return (await fake.wait_for_reply_to(mid, timeout=20)).text


async def test_a_reload_through_one_shard_process_reaches_the_other(
    fake: FakeDiscord, tmp_path: Path
) -> None:
    import shutil

    sources = Path(shutil.copytree(DEFAULT_SOURCES, tmp_path / "sources"))
    FactBase.build(sources, tmp_path / "base.db")
    procs = [await start(fake, tmp_path, 0), await start(fake, tmp_path, 1)]
    try:
        await fake.wait_for(lambda: len(fake.identifies) >= 2, timeout=30, what="both shards")
        assert sorted(i["shard"] for i in fake.identifies) == [[0, 2], [1, 2]]
        assert "I don't know" in await dm(fake, SUMMIT)  # DMs are shard 0's
        (sources / "hague.txt").write_text(HAGUE, "utf-8")
        guild = SHARD_ONE_GUILD  # shard 1's process reloads the shipped base
        iid = await fake.invoke_command("reload", user=fake.world.owner, guild=guild, channel_id=guild + 2)
        done = await fake.wait_for_original(iid, timeout=20)
        assert done.embeds[0]["title"] == "Fact base reloaded"
        await asyncio.sleep(factbase.CHECK_EVERY)
        assert "The Hague" in await dm(fake, SUMMIT)  # shard 0's next answer, no restart
    finally:
        for p in procs:
            if p.returncode is None:
                p.send_signal(signal.SIGTERM)
        errors = [(await asyncio.wait_for(p.communicate(), 20))[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors
    assert not any("Traceback" in e or TOKEN in e for e in errors), errors


async def test_answers_are_worked_out_off_the_event_loop(
    fake: FakeDiscord, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from bot.client import create_bot
    from bot.config import Settings

    try:
        from tests.fakediscord import running_bot
    except ModuleNotFoundError:
        from fakediscord import running_bot

    on_loop: list[bool] = []
    real = questions.handlers.ask

    def ask(base: FactBase, question: str) -> Any:
        try:
            asyncio.get_running_loop()
            on_loop.append(True)
        except RuntimeError:
            on_loop.append(False)
        return real(base, question)

    monkeypatch.setattr(questions.handlers, "ask", ask)
    settings = Settings(
        db_path=tmp_path / "base.db",
        settings_db=tmp_path / "guilds.db",
        servers_dir=tmp_path / "servers",
        api_base_url=fake.api_base,
        gateway_url=fake.gateway_url,
    )
    async with running_bot(create_bot(replace(settings)), fake, ready_timeout=20):
        assert "Mark Rutte" in await dm(fake, "Who will replace Stoltenberg?")
    assert on_loop == [False]
