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
    # why, question, sentence quoted, confidence
    misses: list[tuple[str, str, str, float]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        n = self.right + self.wrong + self.abstained
        return self.right / n if n else 0.0

    @property
    def abstention(self) -> float:
        return self.oos_ok / self.oos if self.oos else 1.0

    def misses_report(self) -> str:
        """Each miss with the sentence quoted in full and the confidence shown (an abstention's is 0)."""
        return "\n".join(
            f"  {why:9} {q!r}" + (f"\n            quoted at {conf:.2f}: {c!r}" if c else "")
            for why, q, c, conf in self.misses
        )

    def report(self) -> str:
        lines = [f"  {why:9} {q!r} -> {(c or '')[:90]!r}" for why, q, c, _ in self.misses]
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
                result.misses.append(("answered", q["q"], cited or "", a.confidence))
            continue
        result.per_kind[q["kind"]][1] += 1
        if said_nothing:
            result.abstained += 1
            result.misses.append(("abstained", q["q"], "", a.confidence))
        elif any(_norm(e) in _norm(cited) for e in q["expect"]):
            result.right += 1
            result.per_kind[q["kind"]][0] += 1
        else:
            result.wrong += 1
            result.misses.append(("wrong", q["q"], cited, a.confidence))
    return result


QUESTIONS_SUFFIX = ".questions.jsonl"


@dataclass
class QuestionSet:
    """Questions scored against one base: the served base, or one built from *sources*."""

    name: str
    questions: list[dict]
    sources: tuple[Path, ...] = ()  # article files or folders; empty means the served base


def question_sets(paths: list[str | Path], each: bool = False) -> list[QuestionSet]:
    """A set per questions file; a folder of NAME.txt + NAME.questions.jsonl gives a set per article,
    answered from one base of all the folder's articles (or each article alone with *each*)."""
    sets = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            sets.append(QuestionSet(path.name.removesuffix(".jsonl"), load_questions(path)))
            continue
        files = sorted(path.glob("*" + QUESTIONS_SUFFIX))
        if not files:
            raise KnowledgeError("no NAME.questions.jsonl files in this folder", path)
        for q in files:
            name = q.name.removesuffix(QUESTIONS_SUFFIX)
            article = path / f"{name}.txt"
            if not article.is_file():
                raise KnowledgeError(f"no article {article.name} for these questions", q)
            sources = (article,) if each else (path,)
            sets.append(QuestionSet(f"{path.name}/{name}", load_questions(q), sources))
    return sets


def assemble(sources: tuple[Path, ...], into: Path) -> Path:
    """Copy articles (with their metadata and fact files) from files and folders into one folder. Of a
    folder holding questions, the articles are its NAME.txt with a NAME.questions.jsonl: other text there
    (a saved report of an earlier run, notes) is not an article of the round."""
    into.mkdir(parents=True, exist_ok=True)
    for src in sources:
        files = sorted(src.iterdir()) if src.is_dir() else [src, src.with_suffix(".meta.toml")]
        asked = {f.name.removesuffix(QUESTIONS_SUFFIX) for f in files if f.name.endswith(QUESTIONS_SUFFIX)}
        for f in files:
            if not f.is_file() or f.name.endswith(QUESTIONS_SUFFIX) or f.suffix not in (".txt", ".toml"):
                continue
            if asked and f.suffix == ".txt" and f.stem not in asked:
                continue
            (into / f.name).write_bytes(f.read_bytes())
    return into


def results_table(results: list[tuple[str, EvalResult]]) -> str:
    """One markdown table: a row per set, then a row per set and kind, then the totals."""
    lines = [
        "| set | kind | answerable | right | wrong | abstained | accuracy | out of scope | abstained |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    total = EvalResult()
    for name, r in results:
        n = r.right + r.wrong + r.abstained
        lines.append(
            f"| {name} | all | {n} | {r.right} | {r.wrong} | {r.abstained} | {r.accuracy:.2f} "
            f"| {r.oos} | {r.abstention:.2f} |"
        )
        for kind, (right, count) in sorted(r.per_kind.items()):
            lines.append(f"| {name} | {kind} | {count} | {right} | | | {right / count:.2f} | | |")
        for attr in ("right", "wrong", "abstained", "oos", "oos_ok"):
            setattr(total, attr, getattr(total, attr) + getattr(r, attr))
    n = total.right + total.wrong + total.abstained
    lines.append(
        f"| all sets | all | {n} | {total.right} | {total.wrong} | {total.abstained} "
        f"| {total.accuracy:.2f} | {total.oos} | {total.abstention:.2f} |"
    )
    return "\n".join(lines)
