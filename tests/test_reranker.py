"""The reranker: boosted trees that reorder the ranker's first candidates, asked of testers' rounds."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from knowledge import FactBase
from knowledge.evaluate import assemble
from knowledge.reranker import DEFAULT_RERANKER, RERANK_INPUTS, Reranker, default_reranker
from knowledge.scoring import RANK_FEATURES, TAUGHT
from knowledge.trees import BoostedTrees, Tree

ROUNDS = Path(__file__).parent / "data" / "testers"


def _round_base(tmp_path: Path, name: str) -> FactBase:
    return FactBase.build(assemble((ROUNDS / name,), tmp_path / "src"), tmp_path / "base.db")


def _cited(base: FactBase, question: str) -> str:
    answer = base.answer(question)
    return "" if answer.abstained or not answer.citations else answer.citations[0].text


def test_the_sentence_saying_when_it_was_found_goes_before_a_later_date(tmp_path: Path) -> None:
    # the ranker put first "A second pass over the site on 25 May found that emissions had dropped"
    base = _round_base(tmp_path, "r609-squad")
    assert "The leak was found on 19 May" in _cited(base, "On what date was the leak found?")


def test_the_new_rent_of_a_full_plot_goes_before_one_pensioners_bill(tmp_path: Path) -> None:
    # the ranker put first "A pensioner with a full plot will therefore pay £68.25 next year"
    base = _round_base(tmp_path, "r613-news")
    cited = _cited(base, "What will a full-size plot cost a year under the new charges?")
    assert "will go up from £58 to £97.50 a year" in cited


def test_a_question_whose_first_candidate_answers_another_is_not_answered_by_the_next(tmp_path: Path) -> None:
    # the ranker's first tells of the squirrels released in the 1990s (another time: swapped); the one
    # the trees put first instead says nothing of September either
    base = _round_base(tmp_path, "r105-squad")
    assert base.answer("How many squirrels will be released in Norfolk in September?").abstained


@dataclass
class _Candidate:
    features: list[float]
    score: float
    name: str = field(default="")


def _leaning_on(feature: str, value: float) -> Reranker:
    """A reranker of one split: candidates whose *feature* exceeds 0.5 score *value*, others 0."""
    at = RERANK_INPUTS.index(feature)
    tree = Tree((at, -1, -1), (0.5, 0.0, 0.0), (1, -1, -1), (2, -1, -1), (0.0, 0.0, value))
    return Reranker(3, BoostedTrees(0.0, 1.0, (tree,)))


def test_the_trees_reorder_only_the_first_few_and_keep_the_rankers_order_on_ties() -> None:
    quote = RANK_FEATURES.index("quote")
    rows = [[0.0] * len(RANK_FEATURES) for _ in range(4)]
    rows[1][quote] = rows[3][quote] = 1.0
    ranked = [_Candidate(r, 4.0 - i, str(i)) for i, r in enumerate(rows)]
    _leaning_on("quote", 2.0).reorder(ranked, "what")
    assert [c.name for c in ranked] == ["1", "0", "2", "3"]  # the fourth is beyond the trees' depth
    scores = (9.0, 3.0, 2.0, 1.0)
    far_ahead = [_Candidate(r, s, str(i)) for i, (r, s) in enumerate(zip(rows, scores, strict=True))]
    _leaning_on("quote", 2.0).reorder(far_ahead, "what")
    assert [c.name for c in far_ahead] == ["0", "1", "2", "3"]  # WITHIN: the ranker's first stands


def test_a_phrasing_a_person_wrote_for_the_question_keeps_its_place() -> None:
    taught = [0.0] * len(RANK_FEATURES)
    taught[RANK_FEATURES.index("hand_phrasing")] = TAUGHT
    other = [0.0] * len(RANK_FEATURES)
    other[RANK_FEATURES.index("quote")] = 1.0
    ranked = [_Candidate(taught, 9.0, "taught"), _Candidate(other, 5.0, "other")]
    _leaning_on("quote", 5.0).reorder(ranked, "who")
    assert [c.name for c in ranked] == ["taught", "other"]


def test_the_shipped_reranker_reads_this_versions_inputs_and_a_stale_file_is_refused(tmp_path: Path) -> None:
    assert default_reranker() is not None
    data = json.loads(DEFAULT_RERANKER.read_text("utf-8"))
    assert data["features"] == list(RERANK_INPUTS)
    data["features"] = data["features"][:-1]
    stale = tmp_path / "reranker.json"
    stale.write_text(json.dumps(data), "utf-8")
    with pytest.raises(ValueError, match="refit"):
        Reranker.load(stale)
