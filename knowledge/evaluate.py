"""Score answers against a questions file, exactly as ../shared/eval/score.py does."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KnowledgeError
from .model import Answer

_FOLD = str.maketrans({"\u00a0": " ", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _norm(s: str) -> str:
    return " ".join(s.translate(_FOLD).split())


@dataclass
class EvalResult:
    right: int = 0
    wrong: int = 0
    abstained: int = 0
    oos: int = 0
    oos_ok: int = 0
    per_kind: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        n = self.right + self.wrong + self.abstained
        return self.right / n if n else 0.0

    @property
    def abstention(self) -> float:
        return self.oos_ok / self.oos if self.oos else 1.0

    def report(self) -> str:
        lines = [f"  {why:9} {q!r} -> {(c or '')[:90]!r}" for why, q, c in self.misses]
        n = self.right + self.wrong + self.abstained
        lines.append(
            f"in-scope {n}: right {self.right}, wrong {self.wrong}, abstained {self.abstained};"
            f" out-of-scope {self.oos}: abstained {self.oos_ok}"
        )
        lines.append("per kind: " + ", ".join(f"{k} {r}/{t}" for k, (r, t) in sorted(self.per_kind.items())))
        lines.append(f"score: ACC_IN={self.accuracy:.2f} ABSTAIN_OOS={self.abstention:.2f}")
        return "\n".join(lines)


def load_questions(path: str | Path) -> list[dict]:
    rows = []
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"cannot read questions: {exc}", path) from None
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row.get("q"), str) or not isinstance(row.get("kind"), str):
                raise ValueError("needs string fields q and kind")
        except (ValueError, AttributeError) as exc:
            raise KnowledgeError(f"bad question line: {exc}", path, n) from None
        row.setdefault("expect", [])
        rows.append(row)
    return rows


def evaluate(questions: list[dict], answer: Callable[[str], Answer]) -> EvalResult:
    result = EvalResult()
    for q in questions:
        a = answer(q["q"])
        cited = a.citations[0].text if a.citations else None
        said_nothing = a.abstained or cited is None
        if q["kind"] == "out_of_scope":
            result.oos += 1
            result.oos_ok += bool(said_nothing)
            if not said_nothing:
                result.misses.append(("answered", q["q"], cited or ""))
            continue
        result.per_kind[q["kind"]][1] += 1
        if said_nothing:
            result.abstained += 1
            result.misses.append(("abstained", q["q"], ""))
        elif any(_norm(e) in _norm(cited) for e in q["expect"]):
            result.right += 1
            result.per_kind[q["kind"]][0] += 1
        else:
            result.wrong += 1
            result.misses.append(("wrong", q["q"], cited))
    return result
