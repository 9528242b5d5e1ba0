"""Smoke tests: the real discord.py client against tests/fakediscord over 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import discord
import pytest
import pytest_asyncio
from discord import app_commands
from discord.ext import commands

try:  # rootdir on sys.path (python -m pytest, or tests/ made a package)
    from tests.fakediscord import FakeDiscord, FakeDiscordError, payloads, running_bot
except ModuleNotFoundError:  # plain `pytest`: tests/ itself is on sys.path (rootdir-less import)
    from fakediscord import FakeDiscord, FakeDiscordError, payloads, running_bot

pytestmark = pytest.mark.discord_e2e

TOPICS = ["politics", "science", "sports"]


def make_bot(*, message_content: bool = True) -> commands.Bot:
    """A tiny bot: "ping" -> reply "pong"; /echo, /topic (autocomplete), /modonly, /slow."""
    intents = discord.Intents.default()
    intents.message_content = message_content
    bot = commands.Bot(
        command_prefix="!",
        intents=intents,
        allowed_mentions=discord.AllowedMentions.none(),
        guild_ready_timeout=0.05,
    )

    @bot.event
    async def on_message(message: discord.Message) -> None:
        if message.author.bot:
            return
        if message.content == "ping":
            await message.reply("pong")
        elif not message_content:
            await message.channel.send(f"saw {message.content!r}")

    @bot.tree.command(name="echo", description="Repeat text")
    async def echo(interaction: discord.Interaction, text: str) -> None:
        await interaction.response.send_message(text)

    @bot.tree.command(name="topic", description="Pick a topic")
    async def topic(interaction: discord.Interaction, name: str) -> None:
        await interaction.response.send_message(f"topic {name}")

    @topic.autocomplete("name")
    async def topic_complete(
        interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return [app_commands.Choice(name=t, value=t) for t in TOPICS if t.startswith(current)]

    @bot.tree.command(name="modonly", description="Moderators only")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def modonly(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("ok")

    @modonly.error
    async def modonly_error(interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        await interaction.response.send_message("denied", ephemeral=True)

    @bot.tree.command(name="slow", description="Defers, then answers")
    async def slow(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.followup.send("done")

    return bot


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    async with FakeDiscord() as f:
        yield f


async def ping_pong(fake: FakeDiscord, channel_id: int | None = None) -> None:
    """Say "ping" and assert exactly one "pong" reply to it."""
    mid = await fake.user_says(channel_id or fake.world.general_id, fake.world.user, "ping")
    reply = await fake.wait_for_reply_to(mid)
    assert reply.content == "pong"
    await fake.expect_no_message(after=reply.id, within=0.15)
    assert len(fake.messages_matching(after=mid)) == 1


@pytest.mark.asyncio
async def test_ping_gets_one_pong_without_pings(fake: FakeDiscord) -> None:
    async with running_bot(make_bot(), fake) as bot:
        assert bot.user is not None and bot.user.id == fake.world.bot_id
        assert [g.name for g in bot.guilds] == ["Test Guild"]
        mid = await fake.user_says(fake.world.general_id, fake.world.user, "ping")
        reply = await fake.wait_for_reply_to(mid)
        await fake.expect_no_message(after=reply.id, within=0.15)

    assert reply.content == "pong"
    assert reply.channel_id == fake.world.general_id
    assert reply.allowed_mentions is not None and reply.allowed_mentions["parse"] == []
    assert not reply.allowed_mentions.get("replied_user")  # only ever sent when True
    assert reply.pinged_user_ids == [] and not reply.pinged_everyone
    assert len(fake.messages_matching(after=mid)) == 1
    post = fake.requests_to("POST", "/channels/{id}/messages")[0]
    assert post.headers["Authorization"] == "Bot fake-token"
    assert fake.identifies[0]["intents"] & payloads.INTENT_MESSAGE_CONTENT
    assert fake.unknown_requests == []


@pytest.mark.asyncio
async def test_echo_slash_command_answers_with_type_4(fake: FakeDiscord) -> None:
    async with running_bot(make_bot(), fake):
        iid = await fake.invoke_command("echo", {"text": "hello"})
        resp = await fake.wait_for_interaction_response(iid)

    assert resp.type == 4
    assert resp.content == "hello"
    assert resp.allowed_mentions == {"parse": []}
    callback = fake.requests_to("POST", "/interactions/{id}/{token}/callback")[0]
    assert callback.query.get("with_response") in ("1", "true")
    original = fake.interactions[iid].original
    assert original is not None and original.content == "hello"


@pytest.mark.asyncio
async def test_drop_4000_resumes_and_replays_missed_events(fake: FakeDiscord) -> None:
    async with running_bot(make_bot(), fake):
        await ping_pong(fake)
        await fake.drop_connection(code=4000)
        # said while the bot is disconnected: must be replayed after RESUME
        mid = await fake.user_says(fake.world.general_id, fake.world.user, "ping")
        resumed = await fake.wait_for_resume()
        reply = await fake.wait_for_reply_to(mid)
        await fake.expect_no_message(after=reply.id, within=0.15)
        await ping_pong(fake)

    assert fake.identify_count == 1 and fake.resume_count == 1
    assert resumed["session_id"] and resumed["seq"] >= 2
    assert fake.connection_paths == ["/ws", "/ws/resume"]
    assert fake.resume_replays == [1]  # the MESSAGE_CREATE said while disconnected
    assert len(fake.messages_matching(lambda m: m.reference_id == mid)) == 1


@pytest.mark.asyncio
async def test_429_on_send_is_retried_and_replied_once(fake: FakeDiscord) -> None:
    async with running_bot(make_bot(), fake):
        fault = fake.fail_next("POST", "/channels/{id}/messages", status=429, retry_after=0.2)
        mid = await fake.user_says(fake.world.general_id, fake.world.user, "ping")
        reply = await fake.wait_for_reply_to(mid)
        await fake.expect_no_message(after=reply.id, within=0.15)

    assert fault.hits == 1
    posts = fake.requests_to("POST", f"/channels/{fake.world.general_id}/messages")
    assert [r.status for r in posts] == [429, 200]
    assert posts[0].json == posts[1].json
    assert len(fake.messages_matching(after=mid)) == 1


@pytest.mark.asyncio
async def test_unknown_events_and_odd_frames_do_not_kill_client(fake: FakeDiscord) -> None:
    async with running_bot(make_bot(), fake):
        await fake.dispatch("SOMETHING_DISCORD_ADDS_LATER", {"whatever": [1, 2, 3]})
        await fake.send_op(42, {"unknown": "op"})
        await fake.send_raw("{}")
        await fake.dispatch("GUILD_DELETE", {"id": str(payloads.snowflake())})
        await ping_pong(fake)


@pytest.mark.asyncio
async def test_non_json_frame_ends_client(fake: FakeDiscord) -> None:
    """Characterisation: discord.py 2.7 does *not* survive a frame that is not JSON (nor a
    dispatch its parser chokes on): ``start()`` raises instead of reconnecting."""
    with pytest.raises(FakeDiscordError) as info:
        async with running_bot(make_bot(), fake):
            await fake.send_raw("{this is not json")
            await fake.wait_for_message(timeout=3)
    assert isinstance(info.value.__cause__, json.JSONDecodeError)


@pytest.mark.asyncio
async def test_tree_sync_assigns_ids_used_by_interactions(fake: FakeDiscord) -> None:
    async with running_bot(make_bot(), fake) as bot:
        synced = await bot.tree.sync()
        assert {c.name for c in synced} == {"echo", "topic", "modonly", "slow"}
        assert all(c.id for c in synced)
        guild = discord.Object(fake.world.guild_id)
        bot.tree.copy_global_to(guild=guild)
        assert len(await bot.tree.sync(guild=guild)) == 4
        iid = await fake.invoke_command("echo", {"text": "again"})
        assert (await fake.wait_for_interaction_response(iid)).content == "again"

    echo_id = fake.command_id("echo")
    assert echo_id == next(c.id for c in synced if c.name == "echo")
    assert fake.interactions[iid].payload["data"]["guild_id"] == str(fake.world.guild_id)
    assert [g for g, _ in fake.command_syncs] == [None, fake.world.guild_id]


@pytest.mark.asyncio
async def test_autocomplete_returns_choices(fake: FakeDiscord) -> None:
    async with running_bot(make_bot(), fake):
        iid = await fake.autocomplete("topic", {"name": "sc"}, focused="name")
        resp = await fake.wait_for_interaction_response(iid)

    assert resp.type == 8
    assert resp.choices == [{"name": "science", "value": "science"}]


@pytest.mark.asyncio
async def test_member_permissions_decide_moderator_checks(fake: FakeDiscord) -> None:
    world = fake.world
    async with running_bot(make_bot(), fake):
        as_mod = await fake.invoke_command("modonly", user=world.moderator)
        as_user = await fake.invoke_command("modonly", user=world.user)
        forced = await fake.invoke_command(
            "modonly", user=world.user, member_permissions=payloads.MANAGE_GUILD
        )
        mod = await fake.wait_for_interaction_response(as_mod)
        user = await fake.wait_for_interaction_response(as_user)
        forced_resp = await fake.wait_for_interaction_response(forced)

    mod_perms = int(fake.interactions[as_mod].payload["member"]["permissions"])
    assert mod_perms & payloads.MANAGE_GUILD
    assert not int(fake.interactions[as_user].payload["member"]["permissions"]) & (1 << 5)
    assert (mod.content, mod.ephemeral) == ("ok", False)
    assert (user.content, user.ephemeral) == ("denied", True)
    assert forced_resp.content == "ok"


@pytest.mark.asyncio
async def test_deferred_command_then_followup_fills_original(fake: FakeDiscord) -> None:
    async with running_bot(make_bot(), fake):
        iid = await fake.invoke_command("slow")
        original = await fake.wait_for_original(iid)

    assert fake.interactions[iid].response is not None
    assert fake.interactions[iid].response.type == 5
    assert original.content == "done" and not original.loading


@pytest.mark.asyncio
async def test_dm_ping_is_answered_in_the_dm(fake: FakeDiscord) -> None:
    async with running_bot(make_bot(), fake):
        dm_id = int(fake.world.dm_channel_for(fake.world.user)["id"])
        mid = await fake.user_dms(fake.world.user, "ping")
        reply = await fake.wait_for_reply_to(mid)
        iid = await fake.invoke_command("echo", {"text": "in dm"}, guild=False)
        resp = await fake.wait_for_interaction_response(iid)

    assert reply.channel_id == dm_id and reply.content == "pong"
    assert "guild_id" not in fake.user_messages[-1]
    assert resp.content == "in dm" and fake.interactions[iid].payload["context"] == 1


@pytest.mark.asyncio
async def test_without_message_content_intent_content_is_blank(fake: FakeDiscord) -> None:
    async with running_bot(make_bot(message_content=False), fake):
        plain = await fake.user_says(fake.world.general_id, None, "hello")
        blank = await fake.wait_for_message(after=plain)
        text = f"{fake.mention(fake.bot_user)} hello"
        mentioned = await fake.user_says(fake.world.general_id, None, text)
        seen = await fake.wait_for_message(after=mentioned)

    assert blank.content == "saw ''"
    assert seen.content == f"saw {text!r}"


@pytest.mark.asyncio
async def test_unknown_route_is_recorded_as_404(fake: FakeDiscord) -> None:
    async with running_bot(make_bot(), fake) as bot:
        with pytest.raises(discord.NotFound):
            await bot.http.request(discord.http.Route("GET", "/nothing/{x}", x=1))

    assert [r.path for r in fake.unknown_requests] == ["/nothing/1"]
