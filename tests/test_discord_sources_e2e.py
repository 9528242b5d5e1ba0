"""Each server's own articles, end to end: the real CitebotBot against the fake Discord, and saved
pages served from a loopback HTTP server (the setting that allows loopback links is on here)."""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from bot import render, source_cards
from bot.client import CitebotBot, create_bot
from bot.config import Settings
from bot.rebuilds import RebuildGate
from knowledge import DEFAULT_SOURCES

try:  # rootdir on sys.path (python -m pytest, or tests/ made a package)
    from tests.fakediscord import FakeDiscord, FakeGuild, World, payloads, running_bot
    from tests.pageserver import PageServer, page_html
except ModuleNotFoundError:  # plain `pytest`: tests/ itself is on sys.path
    from fakediscord import FakeDiscord, FakeGuild, World, payloads, running_bot
    from pageserver import PageServer, page_html

pytestmark = [pytest.mark.discord_e2e, pytest.mark.asyncio(loop_scope="module")]

PLAGUE = "432362af0be43f6da757ea778bd7f2f000094a565bdebac5af7442987a5372f3"  # New York Post
MOURINHO = "921019755f4a96ac4abf9dbcb4ef9d5ac202624a542d5ea70912330aa6fcc71f"  # Sky News
EUROPA = "686bb170effe273eaff1c0f88e412172e8d972518a6d1454c896f52aafaa9643"  # Space.com
PLAGUE_QUESTION = "What did the hunter catch?"
MOURINHO_QUESTION = "Who will replace Pochettino?"
RUTTE_SENTENCE = "Mark Rutte, the outgoing Dutch Prime Minister, is soon expected to be named"
GARDEN_ARTICLE = """# Town garden opens on the river bank

The town of Millbrook opened a community garden on the east bank of the river on Saturday, after two
years of planning by the residents' association.

The garden has forty raised beds, a greenhouse built from recycled windows and a tool shed that volunteers
painted **bright yellow**. The association says the beds were all taken within a week.

Mayor Elena Ruiz said the garden would be open every day from dawn until dusk, and that the council would
pay for the water.
"""


@dataclass
class Env:
    fake: FakeDiscord
    bot: CitebotBot
    pages: PageServer
    world: World
    other: FakeGuild  # a second server, with its own moderator
    other_mod: dict[str, Any]
    other_channel: int

    async def deferred(self, name: str, options: dict[str, Any] | None = None, **kw: Any) -> Any:
        """Run a command that defers privately; return its final message."""
        kw.setdefault("user", self.world.moderator)
        iid = await self.fake.invoke_command(name, options, **kw)
        first = await self.fake.wait_for_interaction_response(iid)
        if first.type != 5:
            return first
        assert first.ephemeral
        return await self.fake.wait_for_original(iid, timeout=20)

    async def add_link(self, url: str, **kw: Any) -> Any:
        return await self.deferred("source add", {"link": url}, **kw)

    async def ask(self, question: str, guild: bool | int = True, **kw: Any) -> Any:
        _, resp = await self.command("ask", {"question": question}, guild=guild, **kw)
        return resp

    async def command(self, name: str, options: dict[str, Any] | None = None, **kw: Any) -> Any:
        iid = await self.fake.invoke_command(name, options, **kw)
        return iid, await self.fake.wait_for_interaction_response(iid)

    def folder(self, guild_id: int | None = None) -> Path:
        return self.bot.library.folder(guild_id or self.world.guild_id)

    def slugs(self, guild_id: int | None = None) -> set[str]:
        return {p.stem for p in self.folder(guild_id).glob("*.txt")}


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Env]:
    tmp = tmp_path_factory.mktemp("servers-e2e")
    world = World()
    other = world.add_guild("Other Guild")
    other_role = other.add_role("Mods", payloads.MODERATOR_PERMISSIONS)
    other_channel = int(other.add_channel("chat")["id"])
    other_mod = world.add_user(payloads.user(name="otto"))
    other.add_member(other_mod, [other_role])
    other.add_member(world.moderator)  # a moderator in the first server, a plain member here
    async with FakeDiscord(world) as fake, PageServer() as pages:
        settings = Settings(
            db_path=tmp / "base.db",
            sources=Path(shutil.copytree(DEFAULT_SOURCES, tmp / "sources")),
            settings_db=tmp / "guilds.db",
            servers_dir=tmp / "servers",
            cooldown_rate=1000,
            cooldown_seconds=60,
            rebuild_cooldown=0,
            idle_seconds=2,
            fetch_allow_loopback=True,
            fetch_timeout=1.5,
            fetch_max_bytes=1_500_000,
            api_base_url=fake.api_base,
            gateway_url=fake.gateway_url,
        )
        async with running_bot(create_bot(settings), fake, ready_timeout=30) as bot:
            yield Env(fake, bot, pages, world, other, other_mod, other_channel)
        assert fake.unknown_requests == []


def field(embed: dict[str, Any], name: str) -> str:
    return next(f["value"] for f in embed["fields"] if f["name"] == name)


def answer_text(resp: Any) -> str:
    embed = resp.embeds[0]
    return embed["description"] + "\n" + "\n".join(f["value"] for f in embed.get("fields", []))


async def test_add_by_link_answers_in_that_server_only(env: Env) -> None:
    assert "Mourinho" not in answer_text(await env.ask(MOURINHO_QUESTION))
    done = await env.add_link(env.pages.url(f"/page/{MOURINHO}"))
    [embed] = done.embeds
    assert embed["title"].startswith("Added: Jose Mourinho agrees deal to replace Mauricio Pochettino")
    assert "Sky News" in embed["description"] and "sentences in" in embed["description"]
    assert "Jose Mourinho" in field(embed, "People") and "Mauricio Pochettino" in field(embed, "People")
    assert field(embed, "Summary").count("> ") == 3
    assert done.allowed_mentions == {"parse": []}
    slug = next(s for s in env.slugs() if "mourinho" in s)
    assert slug.startswith("sky-news-jose-mourinho") and (env.folder() / f"{slug}.meta.toml").exists()

    here = answer_text(await env.ask(MOURINHO_QUESTION))
    assert "Jose Mourinho has agreed a deal to replace Mauricio Pochettino" in here
    elsewhere = await env.ask(MOURINHO_QUESTION, guild=env.other.id, user=env.other_mod)
    assert "Mourinho" not in answer_text(elsewhere)
    dm = await env.ask(MOURINHO_QUESTION, guild=False)
    assert "Mourinho" not in answer_text(dm)
    assert RUTTE_SENTENCE in answer_text(
        await env.ask("Who will replace Stoltenberg?")
    )  # shipped article kept


async def test_add_by_attachment_markdown_and_html(env: Env) -> None:
    md = env.fake.add_attachment("../../etc/Garden NEWS!!.md", GARDEN_ARTICLE.encode(), "text/markdown")
    iid = await env.fake.invoke_command_with_file("source add", "file", md, user=env.world.moderator)
    assert (await env.fake.wait_for_interaction_response(iid)).type == 5
    done = await env.fake.wait_for_original(iid, timeout=20)
    assert done.embeds[0]["title"] == "Added: Town garden opens on the river bank"
    assert "town-garden-opens-on-the-river-bank" in env.slugs()
    assert not list(env.folder().glob("*etc*")) and not list(env.folder().glob("*NEWS*"))
    stored = (env.folder() / "town-garden-opens-on-the-river-bank.txt").read_text()
    assert "**" not in stored and "bright yellow" in stored
    assert "forty raised beds" in answer_text(await env.ask("How many raised beds does the garden have?"))

    page = env.fake.add_attachment("europa.html", page_html(EUROPA), "text/html")
    iid = await env.fake.invoke_command_with_file("source add", "file", page, user=env.world.moderator)
    await env.fake.wait_for_interaction_response(iid)
    done = await env.fake.wait_for_original(iid, timeout=20)
    assert "Europa" in done.embeds[0]["title"] and "Space.com" in done.embeds[0]["description"]


async def test_an_attachment_of_another_kind_is_refused(env: Env) -> None:
    before = env.slugs()
    pdf = env.fake.add_attachment("paper.pdf", b"%PDF-1.4", "application/pdf")
    iid = await env.fake.invoke_command_with_file("source add", "file", pdf, user=env.world.moderator)
    await env.fake.wait_for_interaction_response(iid)
    done = await env.fake.wait_for_original(iid)
    assert done.content.startswith("I could not add that: I read .txt, .md, .html")
    assert env.slugs() == before


async def test_list_shows_each_article_with_its_status(env: Env) -> None:
    _, listed = await env.command("source list")
    fields = {f["name"]: f["value"] for f in listed.embeds[0]["fields"]}
    assert "nato-rutte-breaking-defense" in fields and all("✅ ready" in v for v in fields.values())
    mourinho = next(v for k, v in fields.items() if "mourinho" in k)
    assert "Sky News" in mourinho and env.pages.url(f"/page/{MOURINHO}") in mourinho

    broken = env.folder() / "broken.txt"
    (env.folder() / "broken.meta.toml").write_text('title = "Broken"\nfirst_line = "sideways"\n')
    broken.write_text("Broken\n\nA paragraph of words.\n")
    try:
        _, listed = await env.command("source list")
    finally:
        broken.unlink()
        (env.folder() / "broken.meta.toml").unlink()
    embed = listed.embeds[0]
    assert (
        "do not build" in embed["description"]
        and "broken.meta.toml:2: first_line must be" in embed["description"]
    )
    assert "not in the base yet" in field(embed, "broken") and str(env.folder()) not in embed["description"]


async def test_remove_retires_an_article(env: Env) -> None:
    slug = "town-garden-opens-on-the-river-bank"
    iid = await env.fake.autocomplete(
        "source remove", {"article": "garden"}, focused="article", user=env.world.moderator
    )
    choices = (await env.fake.wait_for_interaction_response(iid)).choices
    assert choices == [{"name": "Town garden opens on the river bank", "value": slug}]
    done = await env.deferred("source remove", {"article": slug})
    assert done.content.startswith("Removed “Town garden opens on the river bank”")
    assert slug not in env.slugs()
    retired = list((env.folder().parent / "retired").glob(f"*-{slug}/{slug}.txt"))
    assert len(retired) == 1
    assert "forty raised beds" not in answer_text(await env.ask("How many raised beds does the garden have?"))


async def test_teach_links_a_gap_to_a_sentence(env: Env) -> None:
    question = "Who has the scoop?"  # no word of it is in the article: a real gap
    first = await env.ask(question)
    # this server's base holds several articles
    assert first.embeds[0]["title"] == "I don't know that from these articles"
    iid = await env.fake.autocomplete(
        "teach", {"question": "scoop"}, focused="question", user=env.world.moderator
    )
    assert {"name": question, "value": question} in (
        await env.fake.wait_for_interaction_response(iid)
    ).choices
    iid = await env.fake.autocomplete(
        "teach",
        {"question": question, "sentence": "iohannis withdraw"},
        focused="sentence",
        user=env.world.moderator,
    )
    [choice] = (await env.fake.wait_for_interaction_response(iid)).choices
    assert choice["name"].startswith("The last of Rutte’s competitors") and len(choice["value"]) <= 100

    done = await env.deferred("teach", {"question": question, "sentence": choice["value"]})
    assert done.embeds[0]["title"] == "Taught" and "Le Monde" in done.embeds[0]["description"]
    assert "(I still pick" not in done.embeds[0]["description"]
    taught = (env.folder() / "taught.facts.toml").read_text()
    assert 'ask = ["Who has the scoop?"]' in taught

    for asked in (question, "who had the scoop"):
        assert "according to France’s Le Monde newspaper" in answer_text(await env.ask(asked))
    _, gaps = await env.command("gaps", user=env.world.moderator)
    assert "scoop" not in gaps.embeds[0]["description"]
    reloaded = await env.deferred("reload")
    assert reloaded.embeds[0]["title"] == "Fact base reloaded"
    assert "Le Monde" in answer_text(await env.ask(question))
    other = await env.ask(question, guild=env.other.id, user=env.other_mod)
    assert other.embeds[0]["title"] == "I don't know that from the article"  # the other server's: one


async def test_teach_not_covered_drops_the_gap(env: Env) -> None:
    question = "What is the capital of Peru?"
    await env.ask(question)
    _, gaps = await env.command("gaps", user=env.world.moderator)
    assert "Peru" in gaps.embeds[0]["description"]
    _, marked = await env.command(
        "teach", {"question": question, "not_covered": True}, user=env.world.moderator
    )
    assert marked.ephemeral and marked.content.startswith("Marked as not covered")
    _, gaps = await env.command("gaps", user=env.world.moderator)
    assert "Peru" not in gaps.embeds[0]["description"]


async def test_a_made_up_sentence_cannot_be_taught(env: Env) -> None:
    _, resp = await env.command(
        "teach", {"question": "Who won?", "sentence": "nato:0000"}, user=env.world.moderator
    )
    assert resp.ephemeral and resp.content == source_cards.UNKNOWN_SENTENCE
    assert "Who won" not in (env.folder() / "taught.facts.toml").read_text()


REFUSALS = [
    ("http://10.20.30.40/article", "private or local address"),
    ("/redirect?to=http://169.254.169.254/latest/meta-data/", "private or local address"),
    ("/huge", "larger than 1.5 MB"),
    ("/pdf", "not a web page (application/pdf)"),
    ("/page/no-such-page", "the site answered 404"),
    ("/slow", "took longer than 1.5 s"),
    ("file:///etc/passwd", "only http:// and https://"),
]


@pytest.mark.parametrize(("link", "reason"), REFUSALS)
async def test_a_refused_link_gets_a_private_reason_and_changes_nothing(
    env: Env, link: str, reason: str
) -> None:
    before = env.slugs(), (await env.bot.base_for(env.world.guild_id)).version
    url = env.pages.url(link) if link.startswith("/") else link
    done = await env.add_link(url)
    assert done.ephemeral and done.content.startswith("I could not add that:") and reason in done.content
    assert (env.slugs(), (await env.bot.base_for(env.world.guild_id)).version) == before


async def test_loopback_links_are_refused_unless_the_test_setting_allows_them(env: Env) -> None:
    bot = env.bot
    saved = bot.settings
    bot.settings = dataclasses.replace(saved, fetch_allow_loopback=False)
    try:
        done = await env.add_link(env.pages.url(f"/page/{PLAGUE}"))
    finally:
        bot.settings = saved
    assert "private or local address" in done.content and f"/page/{PLAGUE}" not in env.pages.hits


async def test_only_moderators_of_that_server_change_its_articles(env: Env) -> None:
    before = env.slugs()
    url = env.pages.url(f"/page/{PLAGUE}")
    _, refused = await env.command("source add", {"link": url}, user=env.world.user)
    assert refused.ephemeral and refused.content == render.NOT_MODERATOR
    _, elsewhere = await env.command(
        "source add",
        {"link": url},
        user=env.world.moderator,
        guild=env.other.id,
        channel_id=env.other_channel,
    )
    assert elsewhere.content == render.NOT_MODERATOR and not env.bot.library.has_own(env.other.id)
    _, teach = await env.command("teach", {"question": "x", "not_covered": True}, user=env.world.user)
    assert teach.content == render.NOT_MODERATOR
    _, dm = await env.command("source add", {"link": url}, user=env.world.moderator, guild=False)
    assert dm.content == source_cards.NOT_OWNER
    _, reload = await env.command("reload", user=env.world.user)
    assert reload.content == render.NOT_MODERATOR
    assert env.slugs() == before and f"/page/{PLAGUE}" not in env.pages.hits


async def test_a_server_on_the_shipped_articles_cannot_reload_them(env: Env) -> None:
    _, resp = await env.command(
        "reload", user=env.other_mod, guild=env.other.id, channel_id=env.other_channel
    )
    assert resp.content == source_cards.SHIPPED_RELOAD


async def test_the_owner_adds_to_the_shipped_base_from_a_dm(env: Env) -> None:
    shipped = env.bot.library.shipped
    done = await env.add_link(env.pages.url(f"/page/{PLAGUE}"), user=env.world.owner, guild=False)
    try:
        assert done.embeds[0]["title"].startswith("Added: Chinese hunter catches bubonic plague")
        assert "bubonic plague" in answer_text(await env.ask(PLAGUE_QUESTION, guild=False))
        other = await env.ask(
            PLAGUE_QUESTION, guild=env.other.id, user=env.other_mod
        )  # reads the shipped base
        assert "bubonic plague" in answer_text(other)
        assert "plague" not in answer_text(await env.ask(PLAGUE_QUESTION))  # has its own articles
    finally:
        for path in shipped.sources.glob("new-york-post-*"):
            path.unlink()
    reloaded = await env.deferred("reload", user=env.world.owner, guild=False)
    [embed] = reloaded.embeds
    assert embed["title"] == "Fact base reloaded" and "removed" in embed["description"]
    assert "plague" not in answer_text(await env.ask(PLAGUE_QUESTION, guild=False))


async def test_rebuilds_have_a_cooldown(env: Env) -> None:
    saved = env.bot.rebuilds
    env.bot.rebuilds = RebuildGate(60)
    try:
        first = await env.deferred("teach", {"question": "Who shook hands?", "sentence": "x"})
        assert first.content == source_cards.UNKNOWN_SENTENCE  # refused before any rebuild
        done = await env.add_link(env.pages.url(f"/page/{PLAGUE}"))
        assert done.embeds[0]["title"].startswith("Added:")
        again = await env.add_link(env.pages.url(f"/page/{EUROPA}"))
        assert again.content.startswith("This server's articles changed a moment ago; try again in")
        _, reload = await env.command("reload", user=env.world.moderator)
        assert reload.content.startswith("This server's articles changed a moment ago")
    finally:
        env.bot.rebuilds = saved


async def test_caps_on_articles_per_server(env: Env) -> None:
    bot, saved = env.bot, env.bot.settings
    bot.settings = dataclasses.replace(saved, max_articles=len(env.slugs()))
    try:
        done = await env.add_link(env.pages.url(f"/page/{EUROPA}"))
    finally:
        bot.settings = saved
    assert "the most it can keep" in done.content


async def test_an_attachment_over_the_size_limit_is_not_downloaded(env: Env) -> None:
    bot, saved = env.bot, env.bot.settings
    bot.settings = dataclasses.replace(saved, fetch_max_bytes=200)
    big = env.fake.add_attachment("big.txt", GARDEN_ARTICLE.encode(), "text/plain")
    try:
        iid = await env.fake.invoke_command_with_file("source add", "file", big, user=env.world.moderator)
        await env.fake.wait_for_interaction_response(iid)
        done = await env.fake.wait_for_original(iid)
    finally:
        bot.settings = saved
    assert done.content == "I could not add that: the file is larger than 200 bytes"
    assert int(big["id"]) not in env.fake.attachment_downloads


async def test_an_idle_server_base_is_closed_and_reopened_on_the_next_question(env: Env) -> None:
    library, guild = env.bot.library, env.world.guild_id
    assert "Mourinho has agreed a deal" in answer_text(await env.ask(MOURINHO_QUESTION))
    assert library.is_open(guild)
    for _ in range(60):  # idle_seconds=2; the bot looks every second
        if not library.is_open(guild):
            break
        await asyncio.sleep(0.1)
    assert not library.is_open(guild)
    assert "Mourinho has agreed a deal" in answer_text(await env.ask(MOURINHO_QUESTION))
    assert library.is_open(guild)


async def test_a_server_can_drop_the_shipped_article(env: Env) -> None:
    done = await env.deferred("source remove", {"article": "nato-rutte-breaking-defense"})
    assert done.content.startswith("Removed “Rutte set to become NATO Secretary General")
    assert "nato-rutte-breaking-defense" not in env.slugs()
    assert not (env.folder() / "nato-rutte.facts.toml").exists()
    assert "Iohannis" not in (env.folder() / "taught.facts.toml").read_text()  # its taught fact went too
    assert RUTTE_SENTENCE not in answer_text(await env.ask("Who will replace Stoltenberg?"))
    assert "Mourinho has agreed a deal" in answer_text(await env.ask(MOURINHO_QUESTION))
    other = await env.ask("Who will replace Stoltenberg?", guild=env.other.id, user=env.other_mod)
    assert RUTTE_SENTENCE in answer_text(other)
