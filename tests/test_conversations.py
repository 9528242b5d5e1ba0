"""The bot's memory of conversations: expiry, bound, another article set; and the console's one."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.console import Console
from bot.conversations import FOCUS_SECONDS, Conversations
from bot.guild_settings import GuildSettings
from knowledge import FactBase, Focus

DEV = Path(__file__).parent / "data" / "news" / "dev"
ROME = Focus("rome", person="Caesar")
GAUL = Focus("gaul", person="Vercingetorix")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_focus_is_kept_ten_minutes_then_forgotten() -> None:
    clock = Clock()
    memory = Conversations(clock=clock)
    memory.remember(("general", "alice"), ROME, "v1")
    clock.now += FOCUS_SECONDS - 1
    assert memory.focus(("general", "alice"), "v1") == ROME
    assert memory.focus(("general", "bob"), "v1") is None  # each user their own
    assert memory.focus(("news", "alice"), "v1") is None  # and each channel
    clock.now += 2
    assert memory.focus(("general", "alice"), "v1") is None
    assert len(memory) == 0


def test_a_new_answer_starts_the_ten_minutes_again() -> None:
    clock = Clock()
    memory = Conversations(clock=clock)
    memory.remember("alice", ROME, "v1")
    clock.now += FOCUS_SECONDS - 10
    memory.remember("alice", GAUL, "v1")
    memory.remember("alice", None, "v1")  # an abstention keeps what was there
    clock.now += FOCUS_SECONDS - 10
    assert memory.focus("alice", "v1") == GAUL


def test_another_article_set_forgets_the_focus() -> None:
    memory = Conversations()
    memory.remember("alice", ROME, "v1")
    assert memory.focus("alice", "v2") is None  # the server's articles changed since
    assert memory.focus("alice", "v1") is None  # and it is gone, not kept for later


def test_memory_is_bounded_and_forgets_the_least_recently_used() -> None:
    memory = Conversations(kept=2)
    memory.remember("alice", ROME, "v1")
    memory.remember("bob", GAUL, "v1")
    assert memory.focus("alice", "v1") == ROME  # alice spoke last
    memory.remember("carol", ROME, "v1")
    assert len(memory) == 2
    assert memory.focus("bob", "v1") is None
    assert memory.focus("alice", "v1") == ROME and memory.focus("carol", "v1") == ROME


def test_the_console_follows_its_one_conversation_until_the_articles_change(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    for slug in ("mourinho-tottenham", "emirates-boeing-order", "europa-water-vapor"):
        shutil.copy(DEV / f"{slug}.txt", sources)
    base = FactBase.build(sources, tmp_path / "base.db")
    store = GuildSettings(tmp_path / "guilds.db")
    try:
        console = Console(base, store)
        assert "Mourinho" in console.card_for("Who will replace Pochettino?").to_text()
        assert "2022/23 season" in console.card_for("when will it end?").to_text()

        fresh = Console(base, store)
        assert "2022/23 season" not in fresh.card_for("when will it end?").to_text()

        assert "Mourinho" in console.card_for("Who will replace Pochettino?").to_text()
        shutil.copy(DEV / "feather-duvet-lung.txt", sources)
        console.card_for("/reload")  # a new article set: what the conversation was about is forgotten
        assert "2022/23 season" not in console.card_for("when will it end?").to_text()
    finally:
        store.close()
