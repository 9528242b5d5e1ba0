"""Build a base from one short invented article, for the tests of reading (tests/test_reading_*)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from knowledge import FactBase


@dataclass
class ArticleBase:
    """A base built from one article, with its SQLite file for looking at the tables."""

    base: FactBase
    db: Path

    def cited(self, question: str) -> str:
        """The first cited sentence of the answer, or "" when the base abstains."""
        answer = self.base.answer(question)
        return "" if answer.abstained else answer.citations[0].text

    def rows(self, sql: str, *args: object) -> list[tuple]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql, args).fetchall()

    def entity_names(self) -> set[str]:
        return {name for (name,) in self.rows("select name from entities")}

    def entities_in(self, fragment: str, implicit: int | None = None) -> set[str]:
        """Names of the entities the sentence containing *fragment* mentions (implicitly, if asked)."""
        sql = (
            "select e.name, m.implicit from mentions m join entities e on e.id = m.entity_id "
            "join sentences s on s.id = m.sentence_id where instr(s.text, ?) > 0"
        )
        return {name for name, imp in self.rows(sql, fragment) if implicit is None or imp == implicit}


def build_article(folder: Path, text: str, slug: str = "daily-report") -> ArticleBase:
    """Write *text* (first line the headline) as an article in *folder* and build a base of it."""
    sources = folder / "sources"
    sources.mkdir()
    (sources / f"{slug}.txt").write_text(text, encoding="utf-8")
    db = folder / "base.db"
    return ArticleBase(FactBase.build(sources, db), db)
