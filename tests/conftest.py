"""Shared fixtures: fresh copies of the shipped sources and bases built from them in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from knowledge import DEFAULT_SOURCES, FactBase

TESTS = Path(__file__).parent
CORPUS = TESTS / "data" / "corpus"
MAIN_ARTICLE = "nato-rutte-breaking-defense"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A writable copy of knowledge/sources."""
    return Path(shutil.copytree(DEFAULT_SOURCES, tmp_path / "sources"))


@pytest.fixture
def corpus_sources(sources: Path) -> Path:
    """The shipped sources plus the two corpus articles (no hand-written facts for them)."""
    for f in CORPUS.iterdir():
        shutil.copy(f, sources / f.name)
    return sources


@pytest.fixture(scope="session")
def shipped_base(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    """One base built from the shipped sources, shared by read-only tests."""
    return FactBase.build(DEFAULT_SOURCES, tmp_path_factory.mktemp("base") / "base.db")


@pytest.fixture(scope="session")
def corpus_base(tmp_path_factory: pytest.TempPathFactory) -> FactBase:
    folder = tmp_path_factory.mktemp("corpus-sources")
    for src in (DEFAULT_SOURCES, CORPUS):
        for f in src.iterdir():
            if f.is_file():
                shutil.copy(f, folder / f.name)
    return FactBase.build(folder, tmp_path_factory.mktemp("corpus-base") / "base.db")
