"""The fitted scoring model as a user meets it: the right sentence first, an honest confidence, and
"I don't know" when the sentence is not about what was asked. Each test pins one mechanism."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from reading_support import ArticleBase, build_article

from knowledge import FactBase, store
from knowledge.factbase import DEFAULT_SOURCES
from knowledge.index import Index
from knowledge.matcher import Matcher
from knowledge.scoring import CALIBRATION_INPUTS, QUESTION_WORDS, RANK_FEATURES, ScoringModel, calibration_row

DATA = Path(__file__).parent / "data"

CLINIC = (
    "Clinic opens in Brandvale\n\n"
    "A new children's clinic opened in Brandvale on Tuesday.\n\n"
    "Its director, Tomas Reyna, 47, trained as a surgeon in Lisbon.\n\n"
    "Reyna said the clinic would treat patients from three counties.\n\n"
    "The building cost $4 million and took two years to finish.\n\n"
    "Local families had asked for a clinic for a decade."
)


@pytest.fixture
def clinic(tmp_path: Path) -> ArticleBase:
    return build_article(tmp_path, CLINIC)


def test_how_old_is_answered_by_the_sentence_that_gives_an_age(clinic: ArticleBase) -> None:
    # Reyna is named in two sentences; only one says how old he is (quantity kinds in the model)
    age = "Its director, Tomas Reyna, 47, trained as a surgeon in Lisbon."
    assert clinic.cited("How old is Reyna?") == age


def test_how_much_is_answered_by_the_sentence_that_gives_money(clinic: ArticleBase) -> None:
    assert clinic.cited("How much did the clinic cost?") == (
        "The building cost $4 million and took two years to finish."
    )


def test_a_question_about_something_the_article_does_not_say_is_not_answered(clinic: ArticleBase) -> None:
    # the names are there, what is asked of them is not
    for question in ("What is Reyna's favourite football team?", "Who painted the Mona Lisa?"):
        assert clinic.cited(question) == "", question


def test_the_bot_answers_exactly_when_its_confidence_reaches_the_threshold(clinic: ArticleBase) -> None:
    threshold = ScoringModel.load().threshold
    questions = (
        "Where did Tomas Reyna train as a surgeon?",
        "When did the clinic open?",
        "who runs the clinik",
        "What did local families ask for?",
        "Is the clinic open on Sundays?",
        "Where did the mayor go on holiday?",
    )
    answered = 0
    for q in questions:
        a = clinic.base.answer(q)
        assert 0.0 <= a.confidence <= 1.0
        assert a.abstained == (a.confidence < threshold), (q, a.confidence)
        answered += not a.abstained
    assert 0 < answered < len(questions)


def test_a_question_is_answered_from_the_article_it_is_about(tmp_path: Path) -> None:
    # the NATO article (with its hand-written facts) beside a football story: each question goes home
    sources = tmp_path / "sources"
    shutil.copytree(DEFAULT_SOURCES, sources)
    shutil.copy(DATA / "news" / "dev" / "mourinho-tottenham.txt", sources)
    base = FactBase.build(sources, tmp_path / "base.db")
    football = base.answer("Who did Mourinho replace at Tottenham?")
    assert not football.abstained and football.citations[0].document == "mourinho-tottenham"
    nato = base.answer("Who will replace Stoltenberg?")
    assert not nato.abstained and nato.citations[0].document == "nato-rutte-breaking-defense"


def test_a_common_word_is_not_taken_for_a_misspelt_name(tmp_path: Path) -> None:
    # "game" is one letter from the coach's name, but it is an English word, not a typo of "Fame"
    team = build_article(
        tmp_path,
        "Rowing club\n\nCoach Dana Fame joined the rowing club in March.\n\n"
        "The club trains on the river every morning.",
    )
    matcher = Matcher(Index(store.read(team.db)))
    assert matcher.analyse("Which game did the rowing club join?").entities == []
    assert matcher.analyse("When did coach Fmae join?").entities != []  # a real typo still is one
    assert team.cited("When did coach Fmae join?") == "Coach Dana Fame joined the rowing club in March."


def test_chat_spelling_without_apostrophes_is_understood(clinic: ArticleBase) -> None:
    # "whens" is "when is": the question asks for a date, which only the opening sentence gives
    matcher = Matcher(Index(store.read(clinic.db)))
    assert matcher.analyse("whens the clinic opening").wanted == frozenset({"date", "time", "moment"})
    opened = "A new children's clinic opened in Brandvale on Tuesday."
    assert clinic.cited("whens the clinic opening") == opened


def test_a_one_word_name_also_matches_the_word_written_plainly(tmp_path: Path) -> None:
    # "summit" names the NATO Summit; a new article says "its 2025 summit" without the name
    sources = tmp_path / "sources"
    shutil.copytree(DEFAULT_SOURCES, sources)
    (sources / "hague.txt").write_text(
        "NATO picks The Hague\n\nThe alliance will hold its 2025 summit in The Hague.\n", "utf-8"
    )
    FactBase.build(sources, tmp_path / "base.db")
    matcher = Matcher(Index(store.read(tmp_path / "base.db")))
    question = "Where will the 2025 summit be held?"
    best = matcher.rank(matcher.analyse(question))[0]
    assert "The Hague" in matcher.index.sentences[best.sentences[0]].text
    assert best.coverage > 0.9  # the name's word counts: the sentence holds all the question asks


AIRLINE = (
    "Harbor Air expands its fleet\n\n"
    "Harbor Air bought twelve new airplanes from a Brazilian maker on Monday.\n\n"
    "The carrier said the deal was worth $300 million.\n\n"
    "Its chief executive, Dana Holt, was dismissed in March after a safety review."
)


@pytest.mark.parametrize("wordnet", [True, False])
def test_a_word_is_found_through_its_wordnet_synonym(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wordnet: bool
) -> None:
    # "fired" is never written in the article, "dismissed" is: WordNet (data/synonyms.txt) links them
    from knowledge import lexicon

    if not wordnet:
        monkeypatch.setattr(lexicon, "SYNONYMS_PATH", tmp_path / "none.txt")
    lexicon.synonyms.cache_clear()
    try:
        cited = build_article(tmp_path, AIRLINE).cited("When was Dana Holt fired?")
    finally:
        monkeypatch.undo()
        lexicon.synonyms.cache_clear()
    dismissed = "Its chief executive, Dana Holt, was dismissed in March after a safety review."
    assert (cited == dismissed) is wordnet


def test_how_long_something_lasts_is_not_asked_of_last_month(tmp_path: Path) -> None:
    # "how long is the strike lasting" quoted "A 24-hour walkout ... last year": the verb met "last year";
    # a duration answers "how long ... last" as it answers "how long ... take"
    strike = build_article(
        tmp_path,
        "Bus drivers walk out over pay\n\n"
        "Bus drivers in Harwich began a 48-hour strike over pay on Monday, the union said.\n\n"
        "A one-day walkout last month cancelled about 300 services, and a similar stoppage last year cost "
        "the operator 2 million pounds.\n\n"
        "The company said talks would resume on Thursday.\n",
    )
    for question in ("how long will the strike last", "How long is the strike lasting?"):
        assert strike.cited(question).startswith("Bus drivers in Harwich"), question
    assert strike.cited("how many services were cancelled last month").startswith("A one-day walkout")


def test_how_long_has_is_answered_by_since_when(tmp_path: Path) -> None:
    # "how long has she led it" is answered by "since 2016" as well as by "for eight years"
    article = (
        "Orchestra names new conductor\n\n"
        "The Lakeside Orchestra has named Ilse Varga as its chief conductor.\n\n"
        "Varga has led the Danube Youth Choir since 2016.\n\n"
        "She will move to Lakeside in the autumn."
    )
    base = build_article(tmp_path, article)
    assert base.cited("How long has Varga led the Danube Youth Choir?") == (
        "Varga has led the Danube Youth Choir since 2016."
    )


WIRE = (
    "Talks stall in Kabul\n\n"
    "In the capital, an insurgent source told Agence France-Presse that the talks had stalled.\n\n"
    "Negotiators from both sides plan to meet again next week.\n\n"
    "The families of the prisoners roasted a turkey to mark the day."
)


def test_a_question_about_a_country_the_article_never_names_is_not_answered(tmp_path: Path) -> None:
    # "France" stands here only inside a news agency's name: the capital of France is not in the article
    wire = build_article(tmp_path, WIRE)
    for question in ("What is the capital of France?", "Who leads the United States?"):
        assert wire.cited(question) == "", question
    # the agency and the country-named bird are still what they are
    assert wire.cited("What did the source tell Agence France-Presse?").startswith("In the capital")
    assert wire.cited("What did the families roast?").startswith("The families")


def test_the_question_word_is_what_the_question_asks_with(clinic: ArticleBase) -> None:
    matcher = clinic.base._snapshot.matcher
    asked = {
        "Who runs the clinic?": "who",
        "and whom did Reyna train?": "who",
        "The clinic opened when?": "when",
        "how much did it cost": "how",
        "Tell me about Tomas Reyna": "",
    }
    assert {q: matcher.analyse(q).asks for q in asked} == asked


def test_the_calibrator_reads_the_question_word() -> None:
    # the same sentence numbers are more often right for "who" than for "why": the model knows the kind
    row = calibration_row(2.0, 1.0, [0.5] * len(RANK_FEATURES), "why")
    asks = dict(zip(CALIBRATION_INPUTS, row, strict=True))
    assert asks["asks_why"] == 1.0
    assert sum(asks[f"asks_{w}"] for w in (*QUESTION_WORDS, "none")) == 1.0
    assert calibration_row(2.0, 1.0, [0.5] * len(RANK_FEATURES))[CALIBRATION_INPUTS.index("asks_none")] == 1.0
    model = ScoringModel.load()
    read = {CALIBRATION_INPUTS[f] for t in model.calibrator.trees for f in t.feature if f >= 0}
    assert read & {f"asks_{w}" for w in QUESTION_WORDS}, "the shipped calibrator ignores the question word"


LEAVING = (
    "Clinic opens in Brandvale\n\n"
    "Tomas Reyna opened the new children's clinic in Brandvale on Tuesday.\n\n"
    "Reyna said the clinic would treat patients from three counties.\n\n"
    "The clinic cost $4 million and took two years to build.\n\n"
    "Reyna will leave Brandvale next spring to teach surgery in Lisbon.\n\n"
    "Families had asked for a clinic for a decade."
)


def _park_story(k: int) -> str:
    return (
        "Parks stay open late in summer\n\n"
        "Visitors leave the park at dusk when the gates close.\n\n"
        "Most families leave before the evening rain.\n\n"
        f"Rangers in district {k} ask that nobody leave litter behind.\n\n"
        "Buses leave the north gate every twenty minutes."
    )


@pytest.mark.parametrize("parks", [0, 10])
def test_other_articles_full_of_a_word_do_not_drown_it_in_the_article_asked_about(
    tmp_path: Path, parks: int
) -> None:
    # ten park stories make "leave" common in the base, but it is rare in the clinic story: what
    # matters there is which of its sentences says "leave", not the clinic it names in every sentence
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "brandvale-clinic.txt").write_text(LEAVING, encoding="utf-8")
    for k in range(parks):
        (sources / f"park-news-{k}.txt").write_text(_park_story(k), encoding="utf-8")
    base = FactBase.build(sources, tmp_path / "base.db")
    leaving = "Reyna will leave Brandvale next spring to teach surgery in Lisbon."
    for question in ("When will Reyna leave the clinic?", "Where is Reyna going when he leaves the clinic?"):
        answer = base.answer(question)
        quoted = "" if answer.abstained else answer.citations[0].text
        assert quoted in ((leaving,) if not parks else (leaving, "")), (question, quoted)


def test_how_much_is_answered_by_a_percentage_or_a_measure_not_only_money(tmp_path: Path) -> None:
    # "how much are sales down" wants the percentage; "how much rain" the inches
    sales = build_article(
        tmp_path,
        "Car sales slow in Houston\n\n"
        "New vehicle sales in the Houston area fell last month, dealers said.\n\n"
        "Truck and SUV sales are down 2.6 percent, while sedan sales are down 18 percent.\n\n"
        "Dealers expect a better December.\n\n"
        "A storm dumped about 2 inches of rain on the city on Sunday.",
    )
    assert sales.cited("How much are sedan sales down?") == (
        "Truck and SUV sales are down 2.6 percent, while sedan sales are down 18 percent."
    )
    rain = "A storm dumped about 2 inches of rain on the city on Sunday."
    assert sales.cited("How much rain fell on the city?") == rain


def test_when_is_answered_by_a_year_or_century_of_history(tmp_path: Path) -> None:
    # dates before 1500 and centuries are dates too: the gate for "when" must not reject them
    history = build_article(
        tmp_path,
        "The Normans\n\n"
        "The Normans gave their name to Normandy, a region in France.\n\n"
        "In 1066, Duke William of Normandy conquered England at the Battle of Hastings.\n\n"
        "Their distinct identity emerged in the first half of the 10th century.\n\n"
        "Norman knights later served in Italy and in the East.",
    )
    assert history.cited("When was the Battle of Hastings?") == (
        "In 1066, Duke William of Normandy conquered England at the Battle of Hastings."
    )
    assert history.cited("In what century did the Norman identity emerge?") == (
        "Their distinct identity emerged in the first half of the 10th century."
    )


def test_a_quoted_question_comes_with_the_sentences_that_answer_it(tmp_path: Path) -> None:
    # "The tagline?" alone answers nothing: the rest of its paragraph is the answer
    campaign = build_article(
        tmp_path,
        "State launches anti-drug campaign\n\n"
        "The governor launched a new anti-drug ad campaign on Monday.\n\n"
        'The tagline? "Meth. We\'re on it."\n\n'
        "The state paid an ad agency $449,000 for the work.",
    )
    answer = campaign.base.answer("what is the tagline")
    assert not answer.abstained
    assert "We're on it" in answer.text
    assert [c.text for c in answer.citations][0] == "The tagline?"
    assert any("We're on it" in c.text for c in answer.citations[1:])
    # a sentence that is no question is quoted alone
    paid = campaign.base.answer("How much did the state pay the agency?")
    assert [c.text for c in paid.citations] == ["The state paid an ad agency $449,000 for the work."]


def test_of_sentences_matching_alike_those_of_the_article_asked_about_are_read_first(tmp_path: Path) -> None:
    # ten sentences hold "bond", nine of them in an arrests story listed first; only the first eight
    # most covering are read in full, and ties went in the order of the files: the guards' bond was
    # never read. Ties now go to the article that holds more of the question ("guards" too).
    sources = tmp_path / "src"
    sources.mkdir()
    names = "Anna Kowalski, Brett Lyle, Carla Mendes, Dario Voss, Elena Petrov, Felix Grant, Greta Hahn"
    (sources / "arrests-in-columbus.txt").write_text(
        "Police arrest seven in drug raid\n\n"
        + "\n\n".join(
            f"{n} was held in jail in lieu of ${k + 1}0,000 bond, police said."
            for k, n in enumerate(names.split(", "))
        ),
        encoding="utf-8",
    )
    guards_bond = "Both pleaded not guilty and were released on the condition that each post $100,000 bond."
    (sources / "prison-guards-charged.txt").write_text(
        "Two prison guards charged\n\n"
        "Two prison guards were charged on Tuesday with falsifying records.\n\n"
        "The guards were on duty the night the inmate died.\n\n"
        f"{guards_bond}\n\n"
        "Their lawyers said the guards were overworked.",
        encoding="utf-8",
    )
    base = FactBase.build(sources, tmp_path / "base.db")
    matcher = base._current().matcher
    read = [
        matcher.index.sentences[c.sentences[0]].text
        for c in matcher.rank(matcher.analyse("how much was the guards bond"))
    ]
    assert guards_bond in read[:2]


def test_a_yes_no_answer_shows_what_such_confidence_has_been_worth(clinic: ArticleBase) -> None:
    # the public fit sets hold almost no yes-no question, so the calibrator was as sure of "Did the clinic
    # open on Tuesday?" as of "When did the clinic open?"; on the testers' rounds such answers were
    # right far less often (scripts/fit_yes_no.py), and the shown confidence says so
    model = ScoringModel.load()
    knots = model.yes_no
    assert len(knots) >= 3
    assert all(a[0] < b[0] and a[1] <= b[1] for a, b in zip(knots, knots[1:], strict=False))
    assert all(0.0 <= y <= 1.0 for _, y in knots)
    matcher = clinic.base._current().matcher
    matcher.gate = None  # the map reads the calibrator's confidence: the shipped gate reads yes-no itself
    question, other = "Did the clinic open in Brandvale on Tuesday?", "When did the clinic open?"
    shown, other_shown = clinic.base.answer(question), clinic.base.answer(other)
    matcher.model = ScoringModel(model.rank_weights, model.rank_bias, model.calibrator, model.threshold)
    plain, other_plain = clinic.base.answer(question), clinic.base.answer(other)
    assert plain.confidence > 0.5
    assert shown.confidence == pytest.approx(model.yes_no_confidence(plain.confidence))
    assert shown.confidence < plain.confidence
    # a question that asks with "when" is left as the calibrator has it
    assert other_shown.confidence == other_plain.confidence > 0.5


def test_the_yes_no_map_reads_between_its_knots_and_holds_at_its_ends() -> None:
    model = ScoringModel.load()
    bare = ScoringModel(model.rank_weights, model.rank_bias, model.calibrator, model.threshold)
    assert bare.yes_no_confidence(0.7) == 0.7
    knots = ((0.2, 0.1), (0.6, 0.3))
    mapped = ScoringModel(model.rank_weights, model.rank_bias, model.calibrator, 0.25, knots)
    assert mapped.yes_no_confidence(0.4) == pytest.approx(0.2)
    assert mapped.yes_no_confidence(0.1) == 0.1
    assert mapped.yes_no_confidence(0.9) == 0.3
    # "has the council responded" reads a map of its own when there is one; else the general map
    perfect = ((0.5, 0.05), (0.9, 0.25))
    both = ScoringModel(model.rank_weights, model.rank_bias, model.calibrator, 0.25, knots, perfect)
    assert both.yes_no_confidence(0.7, perfect=True) == pytest.approx(0.15)
    assert both.yes_no_confidence(0.7) == pytest.approx(0.3)
    assert mapped.yes_no_confidence(0.4, perfect=True) == pytest.approx(0.2)


def test_a_has_question_shows_what_such_confidence_has_been_worth(clinic: ArticleBase) -> None:
    # testers' "has" questions were right about one time in five at the calibrator's 0.5: asked whether a
    # thing has happened, of sentences that only name it (scripts/fit_yes_no.py, the "perfect" map)
    model = ScoringModel.load()
    assert len(model.yes_no_perfect) >= 2
    question = "Has the clinic opened in Brandvale?"
    matcher = clinic.base._current().matcher
    matcher.gate = None  # the map reads the calibrator's confidence: the shipped gate reads yes-no itself
    shown = clinic.base.answer(question)
    matcher.model = ScoringModel(model.rank_weights, model.rank_bias, model.calibrator, model.threshold)
    plain = clinic.base.answer(question)
    assert plain.confidence > 0.5
    expected = model.yes_no_confidence(plain.confidence, perfect=True)
    assert expected < model.yes_no_confidence(plain.confidence)
    assert shown.confidence == pytest.approx(expected) or (shown.abstained and expected < model.threshold)


def test_a_sentence_holding_all_the_question_answers_when_the_best_is_off_topic(tmp_path: Path) -> None:
    # "Who is the president of the Australian Dental Association?" abstained: the ranker put "The
    # Australian Dental Association (ADA) welcomed the findings" first, which says nothing of a president,
    # and the sentence with the whole question in it ("Its president, Dr Angus Pell") second
    article = build_article(
        tmp_path,
        "Gum vaccine trial\n\n"
        "The Australian Dental Association (ADA) welcomed the findings. "
        "Its president, Dr Angus Pell, said many adults had not seen a dentist.",
    )
    question = "Who is the president of the Australian Dental Association?"
    assert article.cited(question).startswith("Its president, Dr Angus Pell")
    # a runner-up holding only some of the question's words does not stand in for the best
    def candidate(coverage: float, p_coverage: float) -> SimpleNamespace:
        features = [0.0] * len(RANK_FEATURES)
        features[RANK_FEATURES.index("coverage")] = coverage
        features[RANK_FEATURES.index("p_coverage")] = p_coverage
        return SimpleNamespace(features=features)

    off = candidate(0.45, 0.0)  # the names, none of the question's own words: off topic
    assert Matcher._covering_after([off, candidate(0.7, 1.0), candidate(0.95, 0.9)]) == 2
    assert Matcher._covering_after([off, candidate(0.95, 0.6), candidate(0.6, 0.95)]) is None
