"""Follow-up questions through the real discord.py client and the fake Discord: each user's own."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot.client import CitebotBot, create_bot
from bot.config import Settings

try:  # rootdir on sys.path (python -m pytest, or tests/ made a package)
    from tests.fakediscord import FakeDiscord, SentMessage, World, payloads, running_bot
except ModuleNotFoundError:  # plain `pytest`: tests/ itself is on sys.path
    from fakediscord import FakeDiscord, SentMessage, World, payloads, running_bot

pytestmark = [pytest.mark.discord_e2e, pytest.mark.asyncio(loop_scope="module")]

DEV = Path(__file__).parent / "data" / "news" / "dev"
ARTICLES = ("mourinho-tottenham", "emirates-boeing-order", "europa-water-vapor")
FIRST = "Who will replace Pochettino?"
FOLLOW_UP = "when will it end?"
FROM_THE_FIRST = "2022/23 season"  # the football story's answer to the follow-up
ELSEWHERE = "expand the Emirates fleet"  # the airline story's, to the same words asked alone


@dataclass
class Env:
    fake: FakeDiscord
    bot: CitebotBot
    world: World
    sources: Path  # the server's own articles
    bob: dict[str, Any]

    async def ask(self, user: dict[str, Any], text: str, channel_id: int | None = None) -> SentMessage:
        """*user* mentions the bot with *text*; its one reply."""
        mention = f"{self.fake.mention(self.fake.bot_user)} {text}"
        mid = await self.fake.user_says(channel_id or self.world.general_id, user, mention)
        return await self.fake.wait_for_reply_to(mid)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Env]:
    tmp = tmp_path_factory.mktemp("followups")
    sources = tmp / "sources"
    sources.mkdir()
    for slug in ARTICLES:
        shutil.copy(DEV / f"{slug}.txt", sources)
    world = World()
    bob = world.add_user(payloads.user(name="bob"))
    world.guild.add_member(bob)
    async with FakeDiscord(world) as fake:
        settings = Settings(
            db_path=tmp / "base.db",
            sources=sources,
            settings_db=tmp / "guilds.db",
            cooldown_rate=1000,
            cooldown_seconds=60,
            servers_dir=tmp / "servers",
            rebuild_cooldown=0,
            api_base_url=fake.api_base,
            gateway_url=fake.gateway_url,
        )
        async with running_bot(create_bot(settings), fake, ready_timeout=30) as bot:
            own = bot.library.fork(world.guild_id)  # the server's own copy, for /reload
            yield Env(fake, bot, world, own, bob)
        assert fake.unknown_requests == []


async def test_a_follow_up_is_read_in_the_askers_own_conversation(env: Env) -> None:
    alice, bob = env.world.user, env.bob
    first = await env.ask(alice, FIRST)
    assert "Jose Mourinho has agreed a deal" in first.text

    followed = await env.ask(alice, FOLLOW_UP)
    assert FROM_THE_FIRST in followed.text and "Source:" in followed.text

    # the same words from someone else in that channel, or from alice elsewhere, start afresh:
    # read alone, they match the airline story's plans
    for alone in (await env.ask(bob, FOLLOW_UP), await env.ask(alice, FOLLOW_UP, env.world.news_id)):
        assert FROM_THE_FIRST not in alone.text and ELSEWHERE in alone.text
    # and bob asking in between does not take alice's conversation away
    assert FROM_THE_FIRST in (await env.ask(alice, FOLLOW_UP)).text


async def test_a_reload_with_new_articles_ends_the_conversation(env: Env) -> None:
    alice = env.world.user
    await env.ask(alice, FIRST)
    assert FROM_THE_FIRST in (await env.ask(alice, FOLLOW_UP)).text

    shutil.copy(DEV / "feather-duvet-lung.txt", env.sources)
    iid = await env.fake.invoke_command("reload", None, user=env.world.moderator)
    await env.fake.wait_for_interaction_response(iid)
    done = await env.fake.wait_for_original(iid, timeout=20)
    assert done.embeds[0]["title"] == "Fact base reloaded"

    after = await env.ask(alice, FOLLOW_UP)
    assert FROM_THE_FIRST not in after.text and ELSEWHERE in after.text
