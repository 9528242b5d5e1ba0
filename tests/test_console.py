"""Console mode: the same cards as on Discord, as text, from a script of input lines."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from bot import handlers
from bot.config import Settings
from bot.console import BANNER, run_console
from knowledge import FactBase

Step = str | Callable[[], None]


class Script(io.StringIO):
    """Input lines for the console; a callable runs when the console reaches it."""

    def __init__(self, *steps: Step):
        super().__init__()
        self.steps = list(steps)

    def readline(self, size: int | None = -1) -> str:
        while self.steps:
            step = self.steps.pop(0)
            if callable(step):
                step()
                continue
            return step + "\n"
        return ""


@pytest.fixture
def settings(sources: Path, tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "base.db", sources=sources, settings_db=tmp_path / "guilds.db")


def run(settings: Settings, *steps: Step) -> list[str]:
    """The console's output after the banner, one entry per card."""
    out = io.StringIO()
    assert run_console(settings, Script(*steps), out) == 0
    text = out.getvalue()
    assert text.startswith(BANNER)
    cards = re.split(r"\n\n(?=[^\n]+\n=+\n)", text[len(BANNER) :].strip())
    return [c.strip() for c in cards if c.strip()]


def test_a_question_gets_the_same_cited_answer_as_the_embed(settings: Settings) -> None:
    [card] = run(settings, "Who will replace Stoltenberg?")
    assert card.startswith("Answer\n")
    assert "[Source: Breaking Defense, paragraph 1, sentence 1]" in card
    assert "> BELFAST — Mark Rutte, the outgoing Dutch Prime Minister" in card
    base = FactBase.open(settings.db_path, settings.sources)
    expected = handlers.ask(base, "Who will replace Stoltenberg?")[1].fitted().to_text()
    assert card == expected.strip()


def test_summary_facts_and_source(settings: Settings) -> None:
    summary, long_topic, rutte, unknown, source = run(
        settings, "/summary", "/summary long Slovakia", "/facts Rutte", "/facts Zelensky", "/source"
    )
    assert summary.startswith("Summary (short)") and "— *paragraph" in summary
    assert long_topic.startswith("Summary: Slovakia") and "Slovakia" in long_topic
    assert rutte.startswith("What the article says about Mark Rutte") and "Teflon Mark" in rutte
    assert unknown.startswith("Not in the article") and "Zelensky" in unknown and "Did you mean" in unknown
    assert source.startswith("Sources") and "Breaking Defense" in source and "Fact base version" in source


def test_reload_with_broken_sources_keeps_answering(settings: Settings) -> None:
    def break_sources() -> None:
        (settings.sources / "nato-rutte.facts.toml").write_text("[[fact]\nbroken = ", "utf-8")

    question = "Who will replace Stoltenberg?"
    before, failed, after = run(settings, question, break_sources, "/reload", question)
    assert failed.startswith("Reload failed — the previous fact base is still serving")
    assert "nato-rutte.facts.toml" in failed
    assert after == before


def test_reload_picks_up_a_new_article(settings: Settings) -> None:
    def add_article() -> None:
        (settings.sources / "hague.txt").write_text(
            "NATO picks The Hague\n\nThe alliance will hold its 2025 summit in The Hague, "
            "the Dutch government announced on Friday.\n",
            "utf-8",
        )

    steps = ("/source", add_article, "/reload", "Where will the 2025 summit be held?")
    _, reloaded, answer = run(settings, *steps)
    assert reloaded.startswith("Fact base reloaded") and "sentences: 2 added" in reloaded
    assert "The Hague" in answer and "[Source:" in answer


def test_gaps_empty_lines_help_unknown_commands_and_quit(settings: Settings) -> None:
    cards = run(
        settings, "", "   ", "What is the capital of Peru?", "what is the capital of peru", "/gaps",
        "/help", "/nonsense", "/facts", "/quit", "Who will replace Stoltenberg?",
    )
    abstain, _, gaps, help_, unknown, usage = cards  # nothing for blank lines, nothing after /quit
    assert abstain.startswith("I don't know that from the article")
    assert "**2×** what is the capital of peru" in gaps  # the latest phrasing
    assert "/summary" in help_ and "/facts" in help_
    assert unknown.startswith("Unknown command /nonsense")
    assert usage.startswith("Usage")


def test_end_of_input_and_ctrl_c_exit_cleanly(settings: Settings) -> None:
    assert run(settings) == []

    def interrupt() -> None:
        raise KeyboardInterrupt

    out = io.StringIO()
    assert run_console(settings, Script("/source", interrupt), out) == 0
    assert "Sources" in out.getvalue()
