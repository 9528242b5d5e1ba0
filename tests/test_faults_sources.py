"""Fault campaign, bad sources and bad paths: one polite line naming the file, never a traceback."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

import pytest

from bot.cli import main
from knowledge import FactBase, KnowledgeError, build_file
from knowledge.limits import MAX_ARTICLE_BYTES

QUESTION = "Who will replace Stoltenberg?"
FACT = """
[[fact]]
id = "extra"
document = "nato-rutte-breaking-defense"
subject = "Mark Rutte"
relation = "succeeds"
object = "Jens Stoltenberg"
answer = "Mark Rutte succeeds Jens Stoltenberg."
cites = ["Mark Rutte"]
"""


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    """The error output, checked to be one line in citebot's format."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("citebot: error: "), err
    return lines[0]


def _fact_table_not_array(src: Path) -> str:
    (src / "extra.facts.toml").write_text(FACT.replace("[[fact]]", "[fact]"), "utf-8")
    return "extra.facts.toml:2: write each fact as a [[fact]] table"


def _entity_numbers(src: Path) -> str:
    (src / "extra.facts.toml").write_text("entity = [1, 2]\n", "utf-8")
    return "extra.facts.toml:1: write each entity as a [[entity]] table"


def _folder_named_like_an_article(src: Path) -> str:
    (src / "notes.txt").mkdir()
    return "notes.txt: a folder named like a source file"


def _folder_named_like_facts(src: Path) -> str:
    (src / "more.facts.toml").mkdir()
    return "more.facts.toml: a folder named like a source file"


def _file_name_not_utf8(src: Path) -> str:
    fd = os.open(os.path.join(os.fsencode(src), b"caf\xe9.txt"), os.O_WRONLY | os.O_CREAT)
    os.write(fd, b"A headline\n\nA sentence about Rutte.\n")
    os.close(fd)
    return "caf\\xe9.txt: the file name is not UTF-8; rename the file"


def _id_is_a_number(src: Path) -> str:
    (src / "extra.facts.toml").write_text(FACT.replace('id = "extra"', "id = 42"), "utf-8")
    return "extra.facts.toml:2: 'id' must be a string in quotes, not a number"


def _unknown_key_in_a_fact(src: Path) -> str:
    (src / "extra.facts.toml").write_text(FACT + 'aks = ["Who follows Stoltenberg?"]\n', "utf-8")
    return "extra.facts.toml:2: fact 'extra': unknown key 'aks'"


def _article_over_the_limit(src: Path) -> str:
    with (src / "huge.txt").open("wb") as f:
        f.write(b"Headline\n\n")
        f.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: the size check must refuse it unread
    return "huge.txt: the article is 10,000,001 bytes, over the limit of 10,000,000 (MAX_ARTICLE_BYTES)"


BAD_SOURCES = [
    _fact_table_not_array,
    _entity_numbers,
    _folder_named_like_an_article,
    _folder_named_like_facts,
    _file_name_not_utf8,
    _id_is_a_number,
    _unknown_key_in_a_fact,
    _article_over_the_limit,
]


@pytest.mark.parametrize("spoil", BAD_SOURCES, ids=lambda f: f.__name__.strip("_"))
def test_bad_sources_get_one_line_naming_file_and_line(
    spoil, sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = spoil(sources)
    code, out, err = cli(capsys, "build", "--sources", str(sources), "--db", str(tmp_path / "b.db"))
    assert code == 1 and out == ""
    assert expected in one_line_error(err)
    assert not (tmp_path / "b.db").exists()


def test_an_unreadable_article_is_named(
    sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = sources / "locked.txt"
    locked.write_text("Headline\n\nText.\n", "utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:  # chmod 000 does not stop root, who runs these tests
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    code, _, err = cli(capsys, "build", "--sources", str(sources), "--db", str(tmp_path / "b.db"))
    assert code == 1
    assert "locked.txt: cannot read the file: Permission denied" in one_line_error(err)


def test_an_unreadable_folder_is_not_reported_as_empty(
    sources: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.scandir

    def scandir(path=None):
        if Path(path) == sources:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(KnowledgeError, match="cannot read the sources folder: Permission denied"):
        build_file(sources, sources.parent / "b.db")


def test_a_native_toml_date_is_a_valid_published_date(sources: Path, tmp_path: Path) -> None:
    meta = sources / "nato-rutte-breaking-defense.meta.toml"
    text = meta.read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("published")]
    meta.write_text("\n".join([*lines, "published = 2024-06-20"]) + "\n", "utf-8")
    base = FactBase.build(sources, tmp_path / "b.db")
    [doc] = [d for d in base.source_info().documents if d.slug == "nato-rutte-breaking-defense"]
    assert doc.published == "2024-06-20"


@pytest.mark.parametrize("command", ["build", "ask"])
def test_a_db_that_is_a_folder_is_named_as_such(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "somewhere"
    folder.mkdir()
    code, _, err = cli(capsys, command, "--db", str(folder), *(["Who?"] if command == "ask" else []))
    assert code == 1
    line = one_line_error(err)
    assert "somewhere: this is a folder" in line and "disk I/O" not in line


def test_a_db_in_a_folder_that_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def mkstemp(*args, **kwargs):  # what a read-only folder answers (root may write anywhere)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    code, _, err = cli(capsys, "build", "--db", str(tmp_path / "b.db"))
    assert code == 1
    assert "b.db: cannot write the fact base: Permission denied" in one_line_error(err)


def test_a_db_under_a_file_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plain").write_text("x", "utf-8")
    code, _, err = cli(capsys, "build", "--db", str(tmp_path / "plain" / "b.db"))
    assert code == 1
    assert "cannot write the fact base" in one_line_error(err)


def test_an_unexpected_error_is_still_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args, **kwargs):
        raise sqlite3.InterfaceError("bad parameter")

    monkeypatch.setattr(FactBase, "ensure", broken)
    monkeypatch.setenv("CITEBOT_DB", str(tmp_path / "b.db"))
    code, _, err = cli(capsys, "ask", "Who?")
    assert code == 1 and "database error: bad parameter" in one_line_error(err)
