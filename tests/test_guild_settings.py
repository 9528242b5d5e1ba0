"""The guild settings store: auto-answer channels and the gaps log, in their own SQLite file."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.guild_settings import QUESTION_STORE_LIMIT, GuildSettings, gap_key


@pytest.fixture
def store(tmp_path: Path) -> GuildSettings:
    s = GuildSettings(tmp_path / "settings" / "guilds.db")
    yield s
    s.close()


def test_channels_are_enabled_listed_and_disabled_per_guild(store: GuildSettings) -> None:
    assert store.enable_channel(1, 30) and store.enable_channel(1, 10) and store.enable_channel(2, 30)
    assert not store.enable_channel(1, 30)  # already on
    assert store.channels(1) == [10, 30] and store.channels(2) == [30] and store.channels(3) == []
    assert store.is_enabled(1, 10) and not store.is_enabled(2, 10)
    assert store.disable_channel(1, 30) and not store.disable_channel(1, 30)
    assert store.channels(1) == [10] and store.is_enabled(2, 30)


def test_settings_survive_a_reopen(tmp_path: Path) -> None:
    path = tmp_path / "guilds.db"
    first = GuildSettings(path)
    first.enable_channel(5, 50)
    first.record_gap(5, "What is the capital of Peru?")
    first.close()
    again = GuildSettings(path)
    assert again.channels(5) == [50] and again.is_enabled(5, 50)
    assert [g.question for g in again.top_gaps(5)] == ["What is the capital of Peru?"]
    again.close()


def test_gaps_group_phrasings_and_list_most_asked_first(store: GuildSettings) -> None:
    asked = ["Who is Zelensky?", "who is zelensky", "WHO IS ZELÉNSKY!!", "Where is Peru?", "Who is Zelensky?"]
    for q in [*asked, "Where is Peru"]:
        store.record_gap(1, q)
    store.record_gap(1, "What about Chile?")
    store.record_gap(2, "Only in guild two?")
    store.record_gap(1, "  ?!  ")  # nothing to group: ignored
    gaps = store.top_gaps(1)
    assert [(g.question, g.count) for g in gaps] == [
        ("Who is Zelensky?", 4),
        ("Where is Peru", 2),
        ("What about Chile?", 1),
    ]
    assert gaps[0].last_asked.endswith("Z")
    assert len(store.top_gaps(1, limit=2)) == 2
    assert [g.question for g in store.top_gaps(2)] == ["Only in guild two?"]


def test_gap_keys_fold_case_accents_and_punctuation() -> None:
    assert gap_key("Où est  l'OTAN ?") == gap_key("ou est l otan") == "ou est l otan"
    assert gap_key("...") == ""


def test_long_questions_are_stored_clipped(store: GuildSettings) -> None:
    store.record_gap(1, "why " * 500)
    assert len(store.top_gaps(1)[0].question) <= QUESTION_STORE_LIMIT


def test_safe_from_worker_threads(store: GuildSettings) -> None:
    def ask(n: int) -> None:
        store.record_gap(1, f"question {n % 5}")
        store.enable_channel(1, n % 7)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(ask, range(200)))
    assert sum(g.count for g in store.top_gaps(1)) == 200
    assert store.channels(1) == list(range(7))
