"""The real CitebotBot against the fake Discord on loopback: one bot for the whole module."""

from __future__ import annotations

import logging
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot import render
from bot.client import CitebotBot, create_bot
from bot.config import Settings
from bot.cooldown import Cooldowns
from knowledge import DEFAULT_SOURCES

try:  # rootdir on sys.path (python -m pytest, or tests/ made a package)
    from tests.fakediscord import FakeDiscord, SentMessage, World, payloads, running_bot
except ModuleNotFoundError:  # plain `pytest`: tests/ itself is on sys.path
    from fakediscord import FakeDiscord, SentMessage, World, payloads, running_bot

pytestmark = [pytest.mark.discord_e2e, pytest.mark.asyncio(loop_scope="module")]

EPHEMERAL = 1 << 6
QUESTION = "Who will replace Stoltenberg?"
RUTTE_SENTENCE = "Mark Rutte, the outgoing Dutch Prime Minister, is soon expected to be named"
HAGUE_ARTICLE = (
    "NATO picks The Hague\n\nThe alliance will hold its 2025 summit in The Hague, "
    "the Dutch government announced on Friday.\n"
)
SUMMIT_QUESTION = "Where will the 2025 summit be held?"


@dataclass
class Env:
    fake: FakeDiscord
    bot: CitebotBot
    sources: Path  # the test guild's own sources folder
    world: World
    helper: dict[str, Any]  # a member whose only power is a moderator role from the settings

    def mention(self, text: str) -> str:
        return f"{self.fake.mention(self.fake.bot_user)} {text}"

    async def ask(self, text: str, channel_id: int | None = None, **kw: Any) -> SentMessage:
        """Mention the bot with *text* and return its one reply."""
        mid = await self.fake.user_says(channel_id or self.world.general_id, kw.pop("user", None), text, **kw)
        reply = await self.fake.wait_for_reply_to(mid)
        await self.fake.expect_no_message(after=reply.id, within=0.1)
        assert len(self.fake.messages_matching(after=mid)) == 1
        return reply

    async def command(self, name: str, options: dict[str, Any] | None = None, **kw: Any) -> Any:
        iid = await self.fake.invoke_command(name, options, **kw)
        return iid, await self.fake.wait_for_interaction_response(iid)

    async def reload(self, user: dict[str, Any]) -> Any:
        """/reload as *user*; the deferred reply's final message."""
        iid, resp = await self.command("reload", user=user)
        assert resp.type == 5 and resp.ephemeral
        return await self.fake.wait_for_original(iid, timeout=10)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Env]:
    tmp = tmp_path_factory.mktemp("e2e")
    sources = Path(shutil.copytree(DEFAULT_SOURCES, tmp / "sources"))
    world = World()
    helper_role = world.guild.add_role("Helper")
    helper = world.add_user(payloads.user(name="hana"))
    world.guild.add_member(helper, [helper_role])
    async with FakeDiscord(world) as fake:
        settings = Settings(
            db_path=tmp / "base.db",
            sources=sources,
            settings_db=tmp / "guilds.db",
            moderator_role_ids=(helper_role,),
            cooldown_rate=1000,
            cooldown_seconds=60,
            servers_dir=tmp / "servers",
            rebuild_cooldown=0,
            api_base_url=fake.api_base,
            gateway_url=fake.gateway_url,
        )
        async with running_bot(create_bot(settings), fake, ready_timeout=30) as bot:
            guild_sources = bot.library.fork(world.guild_id)  # the server's own copy of the articles
            yield Env(fake, bot, guild_sources, world, helper)
        assert fake.unknown_requests == []


def assert_no_pings(message: Any) -> None:
    assert message.allowed_mentions is not None and message.allowed_mentions["parse"] == []
    assert not message.allowed_mentions.get("replied_user")
    if isinstance(message, SentMessage):
        assert message.pinged_user_ids == [] and message.pinged_role_ids == []
        assert not message.pinged_everyone


async def test_mention_gets_a_cited_reply_that_pings_nobody(env: Env) -> None:
    reply = await env.ask(env.mention(QUESTION))
    [embed] = reply.embeds
    assert embed["title"] == "Answer" and QUESTION in embed["description"]
    source = embed["fields"][0]
    assert source["name"] == "Source: Breaking Defense, paragraph 1, sentence 1"
    assert RUTTE_SENTENCE in source["value"]
    assert_no_pings(reply)
    assert env.fake.identifies[0]["intents"] & payloads.INTENT_MESSAGE_CONTENT


async def test_an_empty_mention_gets_help(env: Env) -> None:
    reply = await env.ask(env.fake.mention(env.fake.bot_user))
    assert reply.embeds[0]["title"] == "citebot" and "/ask" in reply.embeds[0]["description"]


async def test_a_dm_is_answered_in_the_dm(env: Env) -> None:
    mid = await env.fake.user_dms(env.world.user, "rutte nickname")
    reply = await env.fake.wait_for_reply_to(mid)
    assert reply.channel_id == int(env.world.dm_channel_for(env.world.user)["id"])
    assert "Teflon Mark" in reply.text
    assert_no_pings(reply)


async def test_questions_without_a_mention_only_in_enabled_channels(env: Env) -> None:
    fake, world = env.fake, env.world
    mid = await fake.user_says(world.news_id, None, QUESTION)
    await fake.expect_no_message(after=mid, within=0.3)

    refused_iid, refused = await env.command("channels enable", user=world.user, channel_id=world.news_id)
    assert refused.ephemeral and refused.content == render.NOT_MODERATOR
    assert not env.bot.guild_settings.is_enabled(world.guild_id, world.news_id)

    _, enabled = await env.command("channels enable", user=world.moderator, channel_id=world.news_id)
    assert enabled.ephemeral and f"<#{world.news_id}>" in enabled.content
    _, listed = await env.command("channels list", user=world.moderator)
    assert f"<#{world.news_id}>" in listed.embeds[0]["description"]
    try:
        reply = await env.ask(QUESTION, world.news_id)
        assert RUTTE_SENTENCE in reply.text
        chat = await fake.user_says(world.news_id, None, "Great article, thanks")
        await fake.expect_no_message(after=chat, within=0.3)
        mid = await fake.user_says(world.general_id, None, QUESTION)  # general is not enabled
        await fake.expect_no_message(after=mid, within=0.2)
    finally:
        _, disabled = await env.command("channels disable", user=world.moderator, channel_id=world.news_id)
    assert "no longer" in disabled.content
    assert not env.bot.guild_settings.is_enabled(world.guild_id, world.news_id)


async def test_ask_summary_facts_and_source_commands(env: Env) -> None:
    _, ask = await env.command("ask", {"question": "rutte nickname"})
    assert ask.type == 4 and not ask.ephemeral
    assert ask.embeds[0]["title"] == "Answer" and "Teflon Mark" in ask.embeds[0]["fields"][0]["value"]
    assert ask.allowed_mentions == {"parse": []}

    _, summary = await env.command("summary", {"length": "long", "topic": "Slovakia"})
    assert summary.type == 4 and summary.embeds[0]["title"] == "Summary: Slovakia"
    _, short = await env.command("summary")
    assert short.embeds[0]["title"] == "Summary (short)"

    _, facts = await env.command("facts", {"entity": "Rutte"})
    assert facts.embeds[0]["title"] == "What the article says about Mark Rutte"
    _, unknown = await env.command("facts", {"entity": "Zelensky"})
    assert unknown.embeds[0]["title"] == "Not in the article"
    assert "Did you mean" in unknown.embeds[0]["description"]

    _, source = await env.command("source list", guild=False)
    assert source.embeds[0]["title"] == "Sources" and env.bot.base.version in source.embeds[0]["description"]
    assert "✅ ready" in source.embeds[0]["fields"][0]["value"]


async def test_autocomplete_offers_entities(env: Env) -> None:
    iid = await env.fake.autocomplete("facts", {"entity": "rut"}, focused="entity")
    resp = await env.fake.wait_for_interaction_response(iid)
    assert resp.type == 8 and {"name": "Mark Rutte", "value": "Mark Rutte"} in resp.choices

    iid = await env.fake.autocomplete("summary", {"length": "short"}, focused="topic")
    everything = await env.fake.wait_for_interaction_response(iid)
    assert 1 < len(everything.choices) <= 25
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in everything.choices)


async def test_reload_is_for_moderators_and_serves_the_new_sources(env: Env) -> None:
    world, base = env.world, await env.bot.base_for(env.world.guild_id)
    version = base.version
    (env.sources / "hague.txt").write_text(HAGUE_ARTICLE, "utf-8")
    try:
        iid, refused = await env.command("reload", user=world.user)
        assert refused.type == 4 and refused.flags & EPHEMERAL and refused.content == render.NOT_MODERATOR
        assert base.version == version
        assert "The Hague" not in (await env.ask(env.mention(SUMMIT_QUESTION))).text

        done = await env.reload(world.moderator)
        assert done.ephemeral and done.embeds[0]["title"] == "Fact base reloaded"
        assert "sentences: 2 added" in done.embeds[0]["description"]
        assert base.version != version
        reply = await env.ask(env.mention(SUMMIT_QUESTION))
        assert "The Hague" in reply.text and "Source:" in reply.text
    finally:
        (env.sources / "hague.txt").unlink()
    done = await env.reload(env.helper)  # a moderator by role only
    assert done.embeds[0]["title"] == "Fact base reloaded" and base.version == version


async def test_a_broken_reload_is_refused_and_old_answers_still_come(env: Env) -> None:
    facts = env.sources / "nato-rutte.facts.toml"
    base = await env.bot.base_for(env.world.guild_id)
    version = base.version
    facts.write_text("[[fact]\nbroken = ", "utf-8")
    try:
        failed = await env.reload(env.world.moderator)
    finally:
        shutil.copy(DEFAULT_SOURCES / facts.name, facts)
    [embed] = failed.embeds
    assert embed["title"] == render.RELOAD_FAILED and "nato-rutte.facts.toml" in embed["description"]
    assert failed.ephemeral and base.version == version
    assert RUTTE_SENTENCE in (await env.ask(env.mention(QUESTION))).text


async def test_everyone_and_role_mentions_in_a_question_ping_nobody(env: Env) -> None:
    role = env.world.moderator_role_id
    reply = await env.ask(env.mention(f"@everyone @here <@&{role}> who will replace Stoltenberg?"))
    assert_no_pings(reply)
    assert "@everyone" not in reply.text and "@here" not in reply.text and f"<@&{role}>" not in reply.text
    assert RUTTE_SENTENCE in reply.text


async def test_unanswered_questions_reach_gaps(env: Env) -> None:
    for _ in range(2):
        abstained = await env.ask(env.mention("What is the capital of Peru?"))
        assert abstained.embeds[0]["title"] == "I don't know that from the article"
    _, refused = await env.command("gaps", user=env.world.user)
    assert refused.ephemeral and refused.content == render.NOT_MODERATOR
    _, gaps = await env.command("gaps", user=env.world.moderator)
    assert gaps.ephemeral and "**2×** What is the capital of Peru?" in gaps.embeds[0]["description"]


async def test_cooldown_notice_comes_once_per_block(env: Env) -> None:
    fake, bot = env.fake, env.bot
    saved, bot.cooldowns = bot.cooldowns, Cooldowns(1, 60)
    try:
        assert RUTTE_SENTENCE in (await env.ask(env.mention(QUESTION))).text
        notice = await env.ask(env.mention(QUESTION))
        assert notice.content.startswith("You're asking quickly — try again in") and not notice.embeds
        assert_no_pings(notice)
        mid = await fake.user_says(env.world.general_id, None, env.mention(QUESTION))
        await fake.expect_no_message(after=mid, within=0.3)
        _, slash = await env.command("ask", {"question": QUESTION})
        assert slash.ephemeral and slash.content.startswith("You're asking quickly")
    finally:
        bot.cooldowns = saved


async def test_a_failing_command_gets_a_polite_private_reply(
    env: Env, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(question: str, focus: object = None) -> None:
        raise RuntimeError("matcher exploded")

    monkeypatch.setattr(await env.bot.base_for(env.world.guild_id), "answer", boom)
    with caplog.at_level(logging.ERROR, logger="citebot"):
        _, resp = await env.command("ask", {"question": QUESTION})
    assert resp.ephemeral and resp.content == render.FAILED
    assert "/ask failed" in caplog.text and "matcher exploded" in caplog.text


async def test_ignores_bots_webhooks_and_itself(env: Env) -> None:
    fake, world = env.fake, env.world
    other_bot = world.add_user(payloads.user(name="otherbot", bot=True))
    for author in (other_bot, world.bot_user):
        mid = await fake.user_says(world.general_id, author, env.mention(QUESTION))
        await fake.expect_no_message(after=mid, within=0.2)
    hook = payloads.message(world.general_id, payloads.user(name="hook"), env.mention(QUESTION),
                            guild_id=world.guild_id)
    hook["webhook_id"] = str(payloads.snowflake())
    await fake.dispatch("MESSAGE_CREATE", hook)
    await fake.expect_no_message(after=int(hook["id"]), within=0.2)


async def test_gateway_drop_resumes_and_still_answers(env: Env) -> None:
    fake = env.fake
    identifies, resumes = fake.identify_count, fake.resume_count
    await fake.drop_connection(code=4000)
    mid = await fake.user_says(env.world.general_id, None, env.mention(QUESTION))  # while disconnected
    await fake.wait_for_resume(resumes + 1)
    reply = await fake.wait_for_reply_to(mid)
    assert RUTTE_SENTENCE in reply.text
    await fake.expect_no_message(after=reply.id, within=0.1)
    assert fake.identify_count == identifies
    assert RUTTE_SENTENCE in (await env.ask(env.mention(QUESTION))).text


async def test_a_429_on_send_is_retried_and_the_reply_arrives_once(env: Env) -> None:
    fault = env.fake.fail_next("POST", "/channels/{id}/messages", status=429, retry_after=0.2)
    reply = await env.ask(env.mention(QUESTION))
    assert fault.hits == 1 and RUTTE_SENTENCE in reply.text
    posts = env.fake.requests_to("POST", f"/channels/{env.world.general_id}/messages")
    assert [r.status for r in posts[-2:]] == [429, 200] and posts[-2].json == posts[-1].json


async def test_unknown_and_odd_events_do_not_stop_the_bot(env: Env) -> None:
    fake = env.fake
    await fake.dispatch("SOMETHING_DISCORD_ADDS_LATER", {"whatever": [1, 2, 3]})
    await fake.send_op(42, {"unknown": "op"})
    await fake.send_raw("{}")
    await fake.dispatch("GUILD_DELETE", {"id": str(payloads.snowflake())})
    await fake.dispatch("INTERACTION_CREATE", payloads.interaction(
        "no-such-command", application_id=fake.application_id, user=env.world.user,
        channel=env.world.dm_channel_for(env.world.user),
    ))
    assert RUTTE_SENTENCE in (await env.ask(env.mention(QUESTION))).text


async def test_a_second_reload_while_one_runs_is_told_to_wait(env: Env) -> None:
    fake, moderator = env.fake, env.world.moderator
    first = await fake.invoke_command("reload", user=moderator)
    second = await fake.invoke_command("reload", user=moderator)
    busy = await fake.wait_for_interaction_response(second)
    assert busy.type == 4 and busy.ephemeral and busy.content == render.RELOAD_BUSY
    done = await fake.wait_for_original(first, timeout=10)
    assert done.embeds[0]["title"] == "Fact base reloaded"
