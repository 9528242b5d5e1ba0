"""Answering: fuzzy matching with cited sentences, honest abstention, summaries, the command line."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import render
from bot.cli import main
from knowledge import FactBase

ROOT = Path(__file__).parent.parent


def first(base: FactBase, question: str) -> str:
    a = base.answer(question)
    assert not a.abstained, f"abstained on {question!r}"
    return a.citations[0].text


@pytest.mark.parametrize(
    "question, expected",
    [
        ("When will stoltenbreg step down", "due to step down in October"),
        ("rutte nickname", "Teflon Mark"),
        ("who will replace stoltenberg", "soon expected to be named NATO"),
        ("WHAT DID SLOVAKIAS PRESIDENT DECIDE", "Pellegrini had decided to back Rutte"),
        ("which party does rutte lead", "Freedom and Democracy (VVD)"),
        ("How many allies have to agree on a candidate?", "All 32 allies"),
        ("Who is Klaus Iohannis?", "Klaus Iohannis"),
        ("what did Orbán post on Twitter", "Orban posted on X"),
        ("viktor orban twitter", "Orban posted on X"),
        ("What did the Hungarian leader say after the pledge?", "In light of his pledge"),
        ("Which American official was at the press conference?", "Antony Blinken"),
    ],
)
def test_questions_find_the_sentence_that_answers_them(
    shipped_base: FactBase, question: str, expected: str
) -> None:
    assert expected in first(shipped_base, question)


def test_an_answer_carries_its_evidence(shipped_base: FactBase) -> None:
    a = shipped_base.answer("Why is Rutte called Teflon Mark?")
    assert a.fact is not None and 0.5 <= a.confidence <= 1.0
    c = a.citations[0]
    assert c.outlet == "Breaking Defense" and c.document == "nato-rutte-breaking-defense"
    assert (c.paragraph, c.sentence) == (13, 1)
    assert c.where == "Breaking Defense, paragraph 13, sentence 1"


@pytest.mark.parametrize(
    "question",
    [
        "What is the capital of France?",
        "How old is Stoltenberg?",
        "hello",
        "thanks!",
        "asdfgh qwerty zxcv",
        "Who won the football world cup?",
        "What is the population of Hungary?",
        "Who is the president of France?",
        "What is Rutte's wife's name?",
        "When was NATO founded?",
        "Who is the king of the Netherlands?",
    ],
)
def test_out_of_scope_questions_get_an_honest_i_dont_know(shipped_base: FactBase, question: str) -> None:
    a = shipped_base.answer(question)
    assert a.abstained and a.citations == ()
    assert a.text == "I don't know that from the article."
    assert 1 <= len(a.suggestions) <= 3


def test_an_abstention_says_the_article_holds_the_name_asked_about(shipped_base: FactBase) -> None:
    # testers: "I don't know" suggested the very name the question had asked about, as if unheard
    a = shipped_base.answer("How tall is Mark Rutte?")
    assert a.abstained and a.mentioned == ("Mark Rutte",)
    assert "Mark Rutte" not in a.suggestions and a.suggestions
    card = render.answer_card(a).description
    assert "The article mentions Mark Rutte, but I found no sentence there I am sure answers this." in card
    assert a.to_json()["mentioned"] == ["Mark Rutte"]


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   \t  ",
        "why " * 2500,
        "what\x00 did\x07 orban\x1b[31m say",
        "🤔🤔 rutte 🚀",
        "r̵̛͓u̴͚͑t̶̠̾t̷̩͝e̸̱͗ n̷i̵c̶k̵n̸a̵m̷e̵",
        "من هو روته؟",
        "'; DROP TABLE facts; --",
        "**bold** `code` ```fence``` @everyone <@123>",
    ],
)
def test_strange_input_never_raises(shipped_base: FactBase, question: str) -> None:
    a = shipped_base.answer(question)
    assert a.abstained or a.citations
    assert a.to_json()["question"] == question


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_gets_an_answer_or_an_abstention(shipped_base: FactBase, text: str) -> None:
    a = shipped_base.answer(text)
    assert a.abstained != bool(a.citations)
    assert 0.0 <= a.confidence <= 1.0


# --- summaries ------------------------------------------------------------------


def test_short_and_long_summaries(shipped_base: FactBase) -> None:
    short = shipped_base.summary("short")
    long = shipped_base.summary("long")
    assert 3 <= len(short.points) <= 4
    assert 7 <= len(long.points) <= 8
    assert "soon expected to be named NATO" in short.points[0].text
    texts = [p.text for p in long.points]
    assert len(set(texts)) == len(texts)
    positions = [(p.citation.paragraph, p.citation.sentence) for p in long.points]
    assert positions == sorted(positions)


def test_topic_summary_stays_on_topic(shipped_base: FactBase) -> None:
    s = shipped_base.summary("short", topic="Slovakia")
    assert s.points
    assert all(("Slovak" in p.text) for p in s.points)
    missing = shipped_base.summary("short", topic="Eurovision")
    assert not missing.found and "Eurovision" in missing.message


def test_several_articles_say_which_outlet(corpus_base: FactBase) -> None:
    s = corpus_base.summary("long")
    outlets = {p.citation.outlet for p in s.points}
    assert {"Breaking Defense", "The Kyiv Independent"} <= outlets or len(outlets) >= 2
    a = corpus_base.answer("Where did Rutte and Orban meet according to the Financial Times?")
    assert a.citations[0].document == "kyivindependent-orban-rutte"
    b = corpus_base.answer("Who is the Slovak President?")
    assert "Pellegrini" in b.citations[0].text


# --- command line ---------------------------------------------------------------


def test_ask_json_lines_from_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    questions = io.StringIO("rutte nickname\nWhat is the capital of Peru?\n")
    monkeypatch.setattr(sys, "stdin", questions)
    assert main(["ask", "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2
    one, two = (json.loads(line) for line in lines)
    assert set(one) >= {"question", "abstained", "answer", "confidence", "citations"}
    assert one["question"] == "rutte nickname" and not one["abstained"]
    assert set(one["citations"][0]) >= {"document", "paragraph", "sentence", "text"}
    assert "Teflon Mark" in one["citations"][0]["text"]
    assert two["abstained"] and two["citations"] == []
    assert (tmp_path / "var" / "citebot.db").exists()


def test_summary_and_eval_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["summary", "--topic", "Slovakia", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["topic"] == "Slovakia" and data["points"]
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        json.dumps({"q": "rutte nickname", "expect": ["Teflon Mark"], "kind": "keyword"})
        + "\n"
        + json.dumps({"q": "Who won Eurovision?", "expect": [], "kind": "out_of_scope"})
        + "\n",
        "utf-8",
    )
    assert main(["eval", str(questions)]) == 0
    out = capsys.readouterr().out
    assert "per kind: keyword 1/1" in out and "score: ACC_IN=1.00 ABSTAIN_OOS=1.00" in out


def test_eval_lists_each_miss_with_the_sentence_quoted_and_its_confidence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "round"
    folder.mkdir()
    (folder / "bakery.txt").write_text(
        "Bakery opens\n\nThe Crumb bakery opened on Mill Lane on Saturday.\n\n"
        "Its owner, Jana Novak, said the sourdough costs 4 pounds a loaf.\n",
        "utf-8",
    )
    rows = [
        {"q": "Where did the bakery open?", "expect": ["on Mill Lane"], "kind": "direct"},
        {"q": "How much does the sourdough cost?", "expect": ["on Mill Lane"], "kind": "number"},  # a miss
    ]
    (folder / "bakery.questions.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    (folder / "other.txt").write_text("Other\n\nNothing happened in Leeds on Monday.\n", "utf-8")
    (folder / "other.questions.jsonl").write_text(json.dumps(rows[0]) + "\n", "utf-8")
    # a report saved into the folder is no article: the shell makes it empty before citebot reads it,
    # and a second run would find the first run's table there
    (folder / "report.txt").write_text("", "utf-8")
    assert main(["eval", str(folder)]) == 0
    assert "misses of" not in capsys.readouterr().out  # the table alone, as before
    (folder / "report.txt").write_text("| set | kind |\n|---|---|\n| round/bakery | all |\n", "utf-8")
    assert main(["eval", str(folder), "--misses"]) == 0
    out = capsys.readouterr().out
    assert "misses of round/bakery:" in out
    quoted = re.search(r"'How much does the sourdough cost\?'\n +quoted at (\d\.\d\d): '([^']*)'", out)
    assert quoted and "4 pounds a loaf" in quoted[2] and 0 < float(quoted[1]) <= 1


def test_a_folder_of_articles_without_questions_is_assembled_whole(tmp_path: Path) -> None:
    # the shipped sources and the corpus hold no questions: every article of theirs is an article
    from knowledge.evaluate import assemble

    into = assemble((ROOT / "knowledge" / "sources", ROOT / "tests" / "data" / "corpus"), tmp_path / "src")
    shipped = {p.name for p in (ROOT / "knowledge" / "sources").glob("*.txt")}
    corpus = {p.name for p in (ROOT / "tests" / "data" / "corpus").glob("*.txt")}
    assert shipped and corpus and {p.name for p in into.glob("*.txt")} == shipped | corpus


def test_the_answering_path_does_not_import_discord(tmp_path: Path) -> None:
    code = (
        "import sys, bot.cli; rc = bot.cli.main(['ask', '--json', 'rutte nickname']); "
        "assert 'discord' not in sys.modules, 'discord was imported'; sys.exit(rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "Teflon Mark" in done.stdout


def test_eval_scores_exactly_as_the_shared_scorer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    shared = ROOT.parent / "shared" / "eval"
    if not (shared / "score.py").exists():
        pytest.skip("../shared/eval is not on this machine")
    monkeypatch.chdir(tmp_path)
    questions = shared / "nato-public.jsonl"
    texts = [json.loads(line)["q"] for line in questions.read_text("utf-8").splitlines() if line.strip()]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(texts) + "\n"))
    assert main(["ask", "--json"]) == 0
    answers = tmp_path / "answers.jsonl"
    answers.write_text(capsys.readouterr().out, "utf-8")
    theirs = (
        subprocess.run(
            [sys.executable, str(shared / "score.py"), str(questions), str(answers)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        .stdout.strip()
        .splitlines()
    )
    assert main(["eval", str(questions)]) == 0
    ours = capsys.readouterr().out.strip().splitlines()
    assert ours[: len(theirs)] == theirs

