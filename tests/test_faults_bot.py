"""Fault campaign, the bot's side: cards name the version they came from, a broken settings database
or an undecodable line never stops the console, reload errors hide host paths, no voice warnings."""

from __future__ import annotations

import io
import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from test_console import run

from bot import handlers
from bot.config import Settings
from bot.console import run_console
from bot.guild_settings import GuildSettings
from knowledge import FactBase

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Who will replace Stoltenberg?"
UNANSWERABLE = "What is the capital of Peru?"


@pytest.fixture
def settings(sources: Path, tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "base.db", sources=sources, settings_db=tmp_path / "guilds.db")


def test_a_card_names_the_version_its_answer_came_from(sources: Path, tmp_path: Path) -> None:
    base = FactBase.build(sources, tmp_path / "base.db")
    old = base.version
    (sources / "hague.txt").write_text("NATO picks The Hague\n\nThe summit is in The Hague.\n", "utf-8")
    matcher = base._snapshot.matcher
    real = matcher.answer

    def answer_then_reload(question: str, version: str = ""):
        answer = real(question, version)
        base.reload()  # a /reload in a worker thread finishing before the card is made
        return answer

    matcher.answer = answer_then_reload  # type: ignore[method-assign]
    answer, card = handlers.ask(base, QUESTION)
    assert base.version != old
    assert answer.version == old and card.footer.endswith(f"fact base {old}")


# --- a settings database that cannot be used -------------------------------------------------------


def garbage(path: Path) -> Callable[[], None]:
    path.write_bytes(b"this is not a database at all, just some bytes\n" * 100)
    return lambda: None


def truncated(path: Path) -> Callable[[], None]:
    store = GuildSettings(path)
    for i in range(1500):
        store.record_gap(1, f"question number {i} about something long enough to fill a few pages")
    store.close()
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size // 2)
    return lambda: None


def locked_at_start(path: Path) -> Callable[[], None]:
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("create table t (x)")
    holder.execute("begin exclusive")
    return holder.close


def locked_later(path: Path) -> Callable[[], None]:
    """Usable at start-up; another program locks it before the first write."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)

    def lock() -> None:
        holder.execute("begin exclusive")

    locked_later.lock = lock  # type: ignore[attr-defined]
    return holder.close


@pytest.mark.parametrize("damage", [garbage, truncated, locked_at_start, locked_later])
def test_a_broken_settings_database_warns_once_and_answers_go_on(
    damage, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    release = damage(settings.settings_db)
    steps: list = [UNANSWERABLE, QUESTION, UNANSWERABLE.lower(), "/gaps"]
    if damage is locked_later:
        steps.insert(0, locked_later.lock)  # type: ignore[attr-defined]
    try:
        with caplog.at_level(logging.WARNING, logger="citebot"):
            cards = run(settings, *steps)
    finally:
        release()
    abstained, answered, again, gaps = cards
    assert abstained.startswith("I don't know that from the article")
    assert "Mark Rutte" in answered
    assert again.startswith("I don't know")
    assert "**2×** what is the capital of peru?" in gaps
    warnings = [r.getMessage() for r in caplog.records if "settings database" in r.getMessage()]
    assert len(warnings) == 1, warnings
    assert str(settings.settings_db) in warnings[0] and "kept in memory until restart" in warnings[0]


def test_a_working_settings_database_keeps_its_gaps(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="citebot"):
        run(settings, UNANSWERABLE)
    assert not caplog.records
    assert [g.question for g in GuildSettings(settings.settings_db).top_gaps(0)] == [UNANSWERABLE]


def test_a_console_line_that_is_not_utf8_is_answered(settings: Settings) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(QUESTION.encode() + b"\xff\n/quit\n"), encoding="utf-8")
    out = io.StringIO()
    assert run_console(settings, stdin, out) == 0
    assert "Mark Rutte" in out.getvalue()


def test_ask_reads_questions_that_are_not_utf8_from_stdin(sources: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--sources", str(sources)],
        input=QUESTION.encode() + b"\xe9\n",
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},  # strict, as on a UTF-8 terminal
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert b"Mark Rutte" in done.stdout and b"Traceback" not in done.stderr


def test_a_fact_typo_then_reload_keeps_the_console_and_hides_host_paths(settings: Settings) -> None:
    def typo() -> None:
        (settings.sources / "extra.facts.toml").write_text('\n[fact]\nid = "x"\n', "utf-8")

    before, failed, after = run(settings, QUESTION, typo, "/reload", QUESTION)
    assert failed.startswith("Reload failed")
    assert "extra.facts.toml:2: write each fact as a [[fact]] table" in failed.replace("\\", "")
    assert str(settings.sources) not in failed.replace("\\", "")
    assert after == before


def test_a_text_only_bot_starts_without_voice_warnings() -> None:
    script = (
        "import logging; logging.basicConfig()\n"
        "from bot.client import create_bot\n"
        "from bot.config import Settings\n"
        "create_bot(Settings())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    assert "voice" not in done.stderr


def test_the_fact_base_is_never_used_as_the_settings_database(sources: Path, tmp_path: Path) -> None:
    db = tmp_path / "base.db"
    FactBase.build(sources, db)
    before = db.read_bytes()
    warnings: list[str] = []
    store = GuildSettings(db, warn=warnings.append)
    store.record_gap(1, UNANSWERABLE)
    store.close()
    assert db.read_bytes() == before
    assert len(warnings) == 1 and "it is a citebot fact base, not a settings database" in warnings[0]


def test_a_reload_error_about_the_base_file_names_no_host_folder(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    steps = (lambda: monkeypatch.setattr("tempfile.mkstemp", full_disk), "/reload")
    [failed] = run(settings, *steps)
    plain = failed.replace("\\", "")
    assert "base.db: cannot write the fact base: No space left on device" in plain
    assert str(settings.db_path.parent) not in plain


def test_a_read_only_settings_database_warns_once_and_answers_go_on(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    GuildSettings(settings.settings_db).close()
    real = sqlite3.connect

    def read_only(target, *args, **kwargs):  # chmod does not stop root: open it read-only instead
        if str(target) == str(settings.settings_db):
            return real(f"file:{target}?mode=ro", *args, uri=True, **kwargs)
        return real(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    with caplog.at_level(logging.WARNING, logger="citebot"):
        abstained, answered, gaps = run(settings, UNANSWERABLE, QUESTION, "/gaps")
    assert abstained.startswith("I don't know") and "Mark Rutte" in answered
    assert "What is the capital of Peru?" in gaps
    [warning] = [r.getMessage() for r in caplog.records if "settings database" in r.getMessage()]
    assert "readonly database" in warning
