"""Which chat messages are questions for the bot, and the per-user cooldown."""

from __future__ import annotations

import pytest

from bot.cooldown import Cooldowns
from bot.triggers import looks_like_question, mentions, strip_mentions


@pytest.mark.parametrize(
    "text",
    ["Who is Rutte?", "rutte nickname?", "what did orban post", "Is Rutte Dutch", "How   many allies",
     "does hungary back rutte", "when?", "Can Ukraine join"],
)
def test_questions(text: str) -> None:
    assert looks_like_question(text)


@pytest.mark.parametrize(
    "text", ["", "hello everyone", "Rutte is Dutch.", "whoever said that", "This is it", "Great article!"]
)
def test_not_questions(text: str) -> None:
    assert not looks_like_question(text)


def test_mentions_are_found_and_stripped() -> None:
    assert mentions("<@42> who?", 42) and mentions("hey <@!42>", 42)
    assert not mentions("<@420> who?", 42) and not mentions("<@&42> who?", 42)
    assert strip_mentions("<@42>   who is\nRutte? <@!42>", 42) == "who is Rutte?"
    assert strip_mentions("<@42>", 42) == ""


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_cooldown_allows_rate_per_window_and_notifies_once_per_block() -> None:
    clock = Clock()
    cd = Cooldowns(3, 30.0, clock)
    assert all(cd.hit(1).allowed for _ in range(3))
    blocked = cd.hit(1)
    assert not blocked.allowed and blocked.notify and blocked.retry_after == pytest.approx(30.0)
    clock.now += 10
    again = cd.hit(1)
    assert not again.allowed and not again.notify and again.retry_after == pytest.approx(20.0)
    assert cd.hit(2).allowed  # other users are not affected
    clock.now += 20
    assert cd.hit(1).allowed
    for _ in range(2):
        cd.hit(1)
    assert cd.hit(1).notify  # a new block gets a new notice


def test_cooldown_forgets_idle_users() -> None:
    clock = Clock()
    cd = Cooldowns(1, 1.0, clock)
    for user in range(5000):
        cd.hit(user)
    clock.now += 2
    cd.hit(99999)
    assert len(cd._uses) < 10
