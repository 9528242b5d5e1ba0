"""Fault campaign, the base file: never replace a foreign file, leave nothing behind, swap atomically
and durably, rebuild when stale, and serve the file this process built, under a lock across processes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import knowledge.factbase as factbase
from bot.cli import main
from bot.guild_settings import GuildSettings
from knowledge import FactBase, KnowledgeError, build_file
from knowledge.sources import load_sources

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Where will the 2025 summit be held?"
NEW_ARTICLE = (
    "NATO picks The Hague\n\nThe alliance will hold its 2025 summit in The Hague, "
    "the Dutch government announced on Friday.\n"
)


def gaps_file(path: Path) -> None:
    store = GuildSettings(path)
    store.record_gap(7, "What is the capital of Peru?")
    store.close()


# --- refusing to replace a file that is not a citebot base -------------------------------------


def test_ask_never_rebuilds_over_the_settings_database(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings_db = tmp_path / "guild-settings.db"
    gaps_file(settings_db)
    before = settings_db.read_bytes()
    monkeypatch.setenv("CITEBOT_DB", str(settings_db))
    monkeypatch.setenv("CITEBOT_SOURCES", str(sources))
    assert main(["ask", "Who will replace Stoltenberg?"]) == 1
    err = capsys.readouterr().err
    assert "guild-settings.db: this file is not a citebot fact base; refusing to replace it" in err
    assert settings_db.read_bytes() == before
    assert [g.question for g in GuildSettings(settings_db).top_gaps(7)] == ["What is the capital of Peru?"]


@pytest.mark.parametrize("content", [b"my notes, not a database\n", b"SQLite format 3\x00" + b"\x00" * 200])
def test_build_refuses_any_file_that_is_not_a_base(content: bytes, sources: Path, tmp_path: Path) -> None:
    target = tmp_path / "precious.db"
    target.write_bytes(content)
    with pytest.raises(KnowledgeError, match="not a citebot fact base; refusing to replace it"):
        build_file(sources, target)
    assert target.read_bytes() == content
    assert not (tmp_path / "precious.db.lock").exists()


def test_an_empty_file_or_an_old_base_may_be_replaced(sources: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    build_file(sources, empty)
    old = tmp_path / "old.db"
    build_file(sources, old)
    with sqlite3.connect(old) as conn:  # a base written before the application id existed
        conn.execute("PRAGMA application_id = 0")
    build_file(sources, old)
    assert FactBase.open(old).version == FactBase.open(empty).version != ""


# --- leftovers ------------------------------------------------------------------------------------


def test_a_killed_build_leaves_nothing_the_next_build_keeps(sources: Path, tmp_path: Path) -> None:
    db = tmp_path / "base.db"
    build_file(sources, db)
    script = (
        "import sys, time\n"
        "import knowledge.factbase as fb\n"
        "real = fb.store.set_meta\n"
        "def stall(*a):\n"
        "    real(*a)\n"
        "    print('written', flush=True)\n"
        "    time.sleep(60)\n"
        "fb.store.set_meta = stall\n"
        "fb.build_file(sys.argv[1], sys.argv[2])\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(sources), str(db)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert child.stdout is not None and child.stdout.readline() == "written\n"
        assert len(list(tmp_path.glob(".base.db.*.building"))) == 1
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert FactBase.open(db).answer("Who will replace Stoltenberg?").citations  # the old base serves
    build_file(sources, db)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "sources") == ["base.db", "base.db.lock"]


def test_ask_with_sources_leaves_no_temp_folder(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    assert main(["ask", "--sources", str(sources), "Who will replace Stoltenberg?"]) == 0
    assert "Mark Rutte" in capsys.readouterr().out
    (sources / "nato-rutte.facts.toml").write_text("[[fact]\n", "utf-8")
    assert main(["ask", "--sources", str(sources), "Who?"]) == 1
    assert list(temp.iterdir()) == []


# --- atomic, durable swap; stale rebuild ---------------------------------------------------------


def test_a_build_that_fails_midway_leaves_the_old_base_whole(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "base.db"
    old = FactBase.build(sources, db)
    before = db.read_bytes()
    real = factbase.store.write

    def write_then_fail(derived, path, meta):
        derived.facts = derived.facts[: len(derived.facts) // 2]
        real(derived, path, meta)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(factbase.store, "write", write_then_fail)
    (sources / "hague.txt").write_text(NEW_ARTICLE, "utf-8")
    with pytest.raises(KnowledgeError, match="base.db: cannot write the fact base: No space left on device"):
        build_file(sources, db)
    assert db.read_bytes() == before
    assert FactBase.open(db).version == old.version
    assert not list(tmp_path.glob("*.building"))


def test_the_new_file_and_its_folder_reach_the_disk_around_the_swap(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src, dst) -> None:
        events.append(("replace", str(src)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    db = tmp_path / "base.db"
    build_file(sources, db)
    swap = next(i for i, (kind, _) in enumerate(events) if kind == "replace")
    temp = events[swap][1]
    assert ("fsync", temp) in events[:swap], "the new file must be on disk before it takes the name"
    assert ("fsync", str(tmp_path)) in events[swap + 1 :], "the rename must be on disk too"


def test_ensure_rebuilds_a_stale_base_and_keeps_a_fresh_one(sources: Path, tmp_path: Path) -> None:
    db = tmp_path / "base.db"
    first = FactBase.ensure(sources, db)
    inode = db.stat().st_ino
    assert FactBase.ensure(sources, db).version == first.version and db.stat().st_ino == inode
    assert first.answer(QUESTION).abstained
    (sources / "hague.txt").write_text(NEW_ARTICLE, "utf-8")
    second = FactBase.ensure(sources, db)
    assert second.version != first.version and db.stat().st_ino != inode
    assert "The Hague" in second.answer(QUESTION).text


# --- races: one build or reload at a time, and each serves what it built -------------------------


def two_sources(sources: Path, tmp_path: Path) -> tuple[Path, Path]:
    other = tmp_path / "other"
    other.mkdir()
    (other / "hague.txt").write_text(NEW_ARTICLE, "utf-8")
    return sources, other


def test_two_bases_reloading_one_file_in_one_process_each_report_their_own_then_follow_the_file(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, theirs = two_sources(sources, tmp_path)
    db = tmp_path / "base.db"
    slow = FactBase.build(mine, db)
    fast = FactBase.open(db, theirs)
    built = threading.Event()
    real_load = factbase._load

    def load_slowly(path: Path):
        if threading.current_thread().name == "slow":
            built.set()
            time.sleep(1.0)  # the window in which another build could swap the file
        return real_load(path)

    monkeypatch.setattr(factbase, "_load", load_slowly)
    reports = {}
    reloading = threading.Thread(target=lambda: reports.setdefault("slow", slow.reload()), name="slow")
    reloading.start()
    assert built.wait(30)
    reports["fast"] = fast.reload()
    reloading.join()
    assert reports["slow"].version == load_sources(mine).digest  # each reload loaded what it built
    assert reports["fast"].version == load_sources(theirs).digest == FactBase.open(db).version
    time.sleep(factbase.CHECK_EVERY)  # then both serve the file at the path: the last build
    assert [d.slug for d in slow.source_info().documents] == ["hague"]
    assert [d.slug for d in fast.source_info().documents] == ["hague"]
    assert slow.version == fast.version


def test_two_processes_reloading_one_file_each_load_their_own(sources: Path, tmp_path: Path) -> None:
    mine, theirs = two_sources(sources, tmp_path)
    db = tmp_path / "base.db"
    FactBase.build(theirs, db)
    script = (
        "import json, sys, time\n"
        "import knowledge.factbase as fb\n"
        "real = fb._load\n"
        "def load_slowly(path):\n"
        "    print('built', flush=True)\n"
        "    time.sleep(1.5)\n"
        "    return real(path)\n"
        "base = fb.FactBase.open(sys.argv[2], sys.argv[1])\n"
        "fb._load = load_slowly\n"
        "print(json.dumps(base.reload().version), flush=True)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(mine), str(db)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert child.stdout is not None and child.stdout.readline() == "built\n"
    other = FactBase.open(db, theirs)
    other.reload()  # waits for the child's lock
    served = json.loads(child.stdout.readline())
    assert child.wait(30) == 0
    assert served == load_sources(mine).digest
    assert [d.slug for d in other.source_info().documents] == ["hague"]


def test_two_reloads_of_one_base_run_one_after_the_other(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = FactBase.build(sources, tmp_path / "base.db")
    (sources / "hague.txt").write_text(NEW_ARTICLE, "utf-8")
    built = threading.Event()
    real_load = factbase._load

    def load_slowly(path: Path):
        if threading.current_thread().name == "first":
            built.set()
            time.sleep(1.0)
        return real_load(path)

    monkeypatch.setattr(factbase, "_load", load_slowly)
    reports = {}
    first = threading.Thread(target=lambda: reports.setdefault("first", base.reload()), name="first")
    first.start()
    assert built.wait(30)
    assert base.reloading
    reports["second"] = base.reload()
    first.join()
    assert reports["first"].added["sentences"] == 2
    assert reports["second"].unchanged  # it started from the first reload's base, not the old one


def test_a_fresh_base_in_a_folder_we_cannot_write_still_opens(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "base.db"
    build_file(sources, db)
    (tmp_path / "base.db.lock").unlink()
    real = os.open

    def read_only_folder(path, flags, *args):
        if str(path).endswith(".lock"):
            raise PermissionError(13, "Permission denied")
        return real(path, flags, *args)

    monkeypatch.setattr(os, "open", read_only_folder)
    assert FactBase.ensure(sources, db).answer("Who will replace Stoltenberg?").citations
