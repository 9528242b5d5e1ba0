"""What the matcher already knew, each pinned on a short invented article: synonyms, typo
tolerance, roles, capitals and idioms."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from rapidfuzz import process
from rapidfuzz.distance import OSA
from reading_support import ArticleBase, build_article

from knowledge import FactBase
from knowledge.lexicon import QUESTION_FORMS, antonyms, converses, synonyms
from knowledge.matcher import Matcher
from knowledge.question import _LONG_STOPWORDS, _question_form, _tokenise
from knowledge.swap_rules import (
    _OPENING_PRONOUN,
    _counts,
    _counts_asked,
    _negation_added,
    _relative_missing,
    _swapped_alternative,
    _swapped_count,
)
from knowledge.text import is_english_word

PORT = (
    "Port strike\n\n"
    "Dock workers in Rotterdam stopped work on Monday.\n\n"
    "Union leader Marta Vosberg said the strike would end on Friday.\n\n"
    "Dutch Prime Minister Karel Smit urged both sides to return to talks.\n\n"
    "Repairs cost a fortune.\n\n"
    "Shipping firms said the stoppage cost them millions.\n\n"
    "The Hague backed the dock workers' demand for a pay rise.\n\n"
    "Smit will participate in the talks in Amsterdam next week."
)


@pytest.fixture
def port(tmp_path: Path) -> ArticleBase:
    return build_article(tmp_path, PORT)


def test_a_synonym_finds_the_sentence(port: ArticleBase) -> None:
    # "conclude" is in the same synonym group as "end"
    assert port.cited("When will the strike conclude?") == (
        "Union leader Marta Vosberg said the strike would end on Friday."
    )


def test_family_words_as_people_type_them_meet_the_articles(tmp_path: Path) -> None:
    # "whos the dad" abstained on "the cubs' father, a 14-year-old male called Bao Feng": WordNet's first
    # sense of "dad" lists no "father", and of "mum" only "silent"
    article = build_article(
        tmp_path,
        "Twin cubs born\n\n"
        "The cubs' father, a 14-year-old male called Bao Feng, arrived in 2022.\n\n"
        "Their mother, Lin Mei, is caring for both of them alone.\n\n"
        "Keepers will weigh them next week.",
    )
    assert article.cited("whos the dad").startswith("The cubs' father")
    assert article.cited("who is their mum").startswith("Their mother")



def test_news_paraphrases_wordnet_misses_meet_the_articles_words(tmp_path: Path) -> None:
    # "How many fans were at the game?" abstained on "watched by a sellout crowd of 19,212", "how many
    # jabs" on "2,300 doses", "who's the rovers keeper" on "Rovers goalkeeper Piotr Zielinski"
    article = build_article(
        tmp_path,
        "Rovers draw\n\n"
        "The game was watched by a sellout crowd of 19,212.\n\n"
        "Rovers goalkeeper Piotr Zielinski saved well in the 81st minute.\n\n"
        "More than 2,300 doses have been given at the stadium clinic.\n\n"
        "Corvane's shares rose 14 per cent after the match.\n\n"
        "Pellow was dismissed in 1816 after survey errors.\n\n"
        "About 31,000 vehicles use the bridge on an average weekday.\n\n"
        "Vance rose to fame in 2021 with his debut album Concrete Psalms.\n\n"
        "The highest individual score of the day, 14,250 points, was recorded by Tyler Bennett.\n\n"
        "Its volunteers would be offered places at the station at Tremellick, 11 miles to the south-west.",
    )
    # "away" is how far, which the distance says ("how far away is tremellick")
    assert article.cited("How far away is Tremellick?").startswith("Its volunteers")
    assert article.cited("whats his first album called").startswith("Vance rose to fame")
    assert article.cited("who got the top score").startswith("The highest individual score")
    assert article.cited("How many fans were at the game?").startswith("The game was watched")
    assert article.cited("How many vehicles use the bridge on a typical weekday?").startswith("About 31,000")
    assert article.cited("who's the rovers keeper").startswith("Rovers goalkeeper")
    assert article.cited("How many jabs have been given at the clinic?").startswith("More than 2,300")
    assert article.cited("How much did Corvane's stock go up?").startswith("Corvane's shares")
    assert article.cited("Why was Pellow sacked?").startswith("Pellow was dismissed")


def test_everyday_phrasings_of_a_news_verb_meet_it(tmp_path: Path) -> None:
    # "When was the ISA set up?" abstained on "The ISA was established in 1994", "do riders get their
    # money back" on "a full refund", "When was Tanner sent to prison?" on "Tanner was jailed"
    article = build_article(
        tmp_path,
        "Seabed licence\n\n"
        "The ISA was established in 1994 and has 169 member states.\n\n"
        "Riders will receive a full refund of their day ticket.\n\n"
        "Tanner was jailed at Carnford Crown Court in 2019.\n\n"
        "A departure from Seville was cancelled after a motor overheated.\n\n"
        "The tour began in Lisbon in April.\n\n"
        "The tour ends with two nights in Porto.\n\n"
        "The council contributed £310,000 towards new wiring.\n\n"
        "The council had spent £2 million on the square in 2019, and work will start again in May.\n\n"
        "Fares will rise by 5% and about 300 people attended the meeting.",
    )
    # chat's "kick off" and "chip in" (rounds 353-401)
    assert article.cited("where did the tour kick off").startswith("The tour began")
    assert article.cited("how much did the council chip in").startswith("The council contributed")
    matcher = article.base._current().matcher
    keys = {t.key for t in matcher.analyse("how much did the council chip in").terms}
    assert "contribut" in keys and "chip" not in keys
    # prices that "go up" rise, people who "turned up" attended, news people "find out" learn
    assert "rise" in {t.key for t in matcher.analyse("how much did the fares go up").terms}
    assert "attend" in {t.key for t in matcher.analyse("how many turned up").terms}
    assert article.cited("When was the ISA set up?").startswith("The ISA was established")
    assert article.cited("do riders get their money back").startswith("Riders will receive")
    assert article.cited("When was Tanner sent to prison?").startswith("Tanner was jailed")
    assert article.cited("Why was the departure called off?").startswith("A departure from Seville")


def test_showing_up_is_appearing(tmp_path: Path) -> None:
    # "when did nightcrane first show up" abstained on "NightCrane first appeared in mid-2023"
    article = build_article(
        tmp_path,
        "Hospital hit by ransomware\n\n"
        "Researchers say NightCrane first appeared in mid-2023.\n\n"
        "The hospital diverted ambulances on Monday.",
    )
    assert article.cited("when did nightcrane first show up").startswith("Researchers say")
    matcher = article.base._current().matcher
    assert "appear" in [t.key for t in matcher.analyse("when did nightcrane first show up").terms]


def test_where_a_company_is_based_is_where_it_has_its_headquarters(tmp_path: Path) -> None:
    # "Where is Brightwater based?" abstained on "Brightwater, which has its headquarters in Cork"
    article = build_article(
        tmp_path,
        "Energy prices rise\n\n"
        "Brightwater, which has its headquarters in Cork, will raise prices by 14% in May.\n\n"
        "Customers can switch supplier at any time.",
    )
    assert article.cited("Where is Brightwater based?").startswith("Brightwater, which has")


def test_a_misspelt_name_is_corrected(port: ArticleBase) -> None:
    assert (
        port.cited("What did Vosburg say?")
        == "Union leader Marta Vosberg said the strike would end on Friday."
    )


def test_a_misspelt_word_is_corrected(port: ArticleBase) -> None:
    assert port.cited("What did the stopage cost?") == (
        "Shipping firms said the stoppage cost them millions."
    )


def test_parking_is_not_asked_of_a_park(tmp_path: Path) -> None:
    # "is there parking at the skate park" quoted "Swindon's previous skate park ... was removed": "parking"
    # and "park" had shared a stem
    text = (
        "Skate park opens\n\n"
        "Swindon's previous skate park, at Queens Park, was removed in 2019.\n\n"
        "The new park cost £420,000 and has a bowl and a street course.\n\n"
        "Visitors can leave their cars in the 40-space parking area beside the leisure centre."
    )
    article = build_article(tmp_path, text)
    assert article.cited("is there parking").startswith("Visitors can leave")
    assert article.cited("where was the previous skate park").startswith("Swindon's previous")


def test_a_word_with_a_letter_left_out_is_the_word_it_was_typed_for(tmp_path: Path) -> None:
    # "how long does the batery last" was read as "bakery", a word one letter away too
    text = (
        "Handheld and bakery\n\n"
        "Reviewers criticised the console's battery, which lasts about three hours in demanding games.\n\n"
        "The bakery on Mill Street sells the console's launch cake for £4.\n\n"
        "The console costs £299."
    )
    article = build_article(tmp_path, text)
    assert article.cited("how long does the batery last").startswith("Reviewers criticised")


def test_a_word_typed_in_chat_is_the_articles_word_not_a_name_it_never_mentions(tmp_path: Path) -> None:
    # "how many doors did the sherrif knock on" abstained: two slips (one is corrected) made "sherrif"
    # a name the base never mentions; so did the "g" chat drops ("playin")
    article = build_article(
        tmp_path,
        "Election day\n\n"
        "The sheriff knocked on about 900 doors in three hours.\n\n"
        "Hendry said he would keep playing the lottery twice a week.\n\n"
        "The average gift to the appeal was $14.70, the foundation said.",
    )
    assert article.cited("how many doors did the sherrif knock on").startswith("The sheriff knocked")
    assert article.cited("is hendry gonna keep playin the lottery").startswith("Hendry said")
    assert article.cited("what was the avg amount given").startswith("The average gift")
    assert article.cited("how many doors did the vandross knock on") == ""


def test_a_word_the_article_hyphenates_typed_solid_is_its_two_words(tmp_path: Path) -> None:
    # "when did they pause the rollout" abstained on "the day the roll-out was paused"
    article = build_article(
        tmp_path,
        "Drug shares fall\n\n"
        "Shares dropped on Friday, the day the roll-out was paused.\n\n"
        "The company sells e-bikes in nine countries.\n\n"
        "We're told a re-inspection costs £150.",
    )
    assert article.cited("when did they pause the rollout").startswith("Shares dropped")
    assert article.cited("where are the ebikes sold").startswith("The company sells")
    # "re" is read as the stop word of "we're", yet it is a prefix the article hyphenates
    assert article.cited("how much does a reinspection cost").startswith("We're told")


def test_a_question_word_typed_in_a_hurry_is_read_as_one(port: ArticleBase) -> None:
    # read as a word, "wat" weighs as a rare term that no sentence holds, and the bot abstained
    assert port.cited("wat happened in rotterdam") == "Dock workers in Rotterdam stopped work on Monday."
    matcher = port.base._current().matcher
    # one edit from two question words ("what" and "who", "when" and "who"): the more often asked
    # a word cut short is the word it starts, though another is one edit off too ("wher": "where", "when")
    hurried = (("wat", "what"), ("hw", "how"), ("wich", "which"), ("wht", "what"), ("whn", "when"))
    hurried += (("wher", "where"),)
    for typed, meant in hurried:
        toks = [typed, "did", "smit", "say"]
        matcher._read_question_word(toks)
        assert toks[0] == meant
    toks = ["so", "vosberg", "said", "wat"]  # a word of the article; a question word after the first three
    matcher._read_question_word(toks)
    assert toks == ["so", "vosberg", "said", "wat"]


def test_chat_shorthand_for_glue_words_is_read_as_those_words(port: ArticleBase) -> None:
    # read as words, "r" and "u" weighed as rare terms no sentence holds, and the bot abstained
    assert port.cited("where r the talks") == "Smit will participate in the talks in Amsterdam next week."
    assert port.cited("who r the strikers") == (
        "Union leader Marta Vosberg said the strike would end on Friday."
    )
    matcher = port.base._current().matcher
    assert [t.key for t in matcher.analyse("where r u from").terms] == []
    # "gonna" is "going to": no rare term either ("where is the next protest gonna be" abstained)
    assert port.cited("where r the talks gonna be").startswith("Smit will participate in the talks")
    assert [t.key for t in matcher.analyse("what r they gonna do").terms] == []
    # "cant" is "can not", the one the glue words lack typed without its apostrophe ("cant" is a word too)
    assert [t.key for t in matcher.analyse("why cant u go").terms] == ["go"]
    # standing alone only: "U.S." and "R&B" are names, not shorthand
    assert {"r&b"} <= {t.key for t in matcher.analyse("who sings R&B").terms}


def test_chat_shorthand_for_content_words_meets_the_articles_words(tmp_path: Path) -> None:
    # "who's the commish", "how many pts do athletic have", "whats wanjiru's pb" abstained: the
    # shorthand was read as a name the base never mentions
    article = build_article(
        tmp_path,
        "League news\n\n"
        "League commissioner Harold Baines-Whitley said the fee was fair.\n\n"
        "Athletic remain fourth with 55 points.\n\n"
        "Wanjiru now has a personal best of 2:19:48, set in Valencia.\n\n"
        "Her clip has been viewed 8 million times on TikTok.\n\n"
        "The same clip has been viewed 3.2 million times on Instagram.\n\n"
        "New floodlights were installed in May.",  # "insta" starts two of its words: no clipped word
    )
    assert article.cited("how many views on insta").startswith("The same clip")
    assert article.cited("who's the commish").startswith("League commissioner")
    assert article.cited("how many pts do athletic have").startswith("Athletic remain fourth")
    assert article.cited("whats wanjiru's pb").startswith("Wanjiru now has")


def test_a_word_chat_opens_a_question_with_is_not_asked_about(tmp_path: Path) -> None:
    # "wait who's erik lindqvist" abstained: "wait", a word of the article ("waiting lists"), was weighed
    # as the question's own word, and no sentence naming him holds it
    article = build_article(
        tmp_path,
        "Streaming price rise\n\n"
        "The board includes the co-founder, Erik Lindqvist, who stepped down as chief executive in 2021.\n\n"
        "Subscribers will have to wait until March for the new plan.\n\n"
        "So far 40,000 users have cancelled.",
    )
    assert article.cited("wait who's erik lindqvist").startswith("The board includes")
    assert article.cited("so who is erik lindqvist").startswith("The board includes")
    # the word itself asked about is kept
    assert article.cited("how long do subscribers have to wait").startswith("Subscribers will have")


def test_words_said_to_the_bot_are_not_asked_about(port: ArticleBase, tmp_path: Path) -> None:
    # "hey", "bot", "lol" weighed as rare words no sentence holds: the bot abstained on a plain question
    ended = "Union leader Marta Vosberg said the strike would end on Friday."
    assert port.cited("hey bot, when will the strike end lol") == ended
    assert port.cited("btw when will the strike end tho") == ended
    matcher = port.base._current().matcher
    terms = matcher.analyse("hey bot, when will the strike end lol").terms
    assert [t.key for t in terms] == ["strike", "end"]
    assert "peopl" in {t.key for t in matcher.analyse("how many ppl stopped work").terms}
    assert "universiti" in {t.key for t in matcher.analyse("did the uni close").terms}  # chat for university
    # "wut" and "wot" are two edits from "what": read as a rare word, they made the bot abstain
    assert [t.key for t in matcher.analyse("when wud the strike end").terms] == ["strike", "end"]
    for typed in ("wut", "wot"):
        assert port.cited(f"{typed} did vosberg say about the strike") == ended
        assert typed not in {t.key for t in matcher.analyse(f"{typed} did vosberg say").terms}
    # a word the article uses is a word of the question, whatever else it may be said as
    (tmp_path / "thanks").mkdir()
    thanked = build_article(tmp_path / "thanks", PORT + "\n\nSmit thanks the dock workers.")
    assert "thank" in {t.key for t in thanked.base._current().matcher.analyse("who thanks the workers").terms}


def test_an_everyday_word_typed_wrong_is_read_as_the_word_meant(port: ArticleBase) -> None:
    # "happend" is not in the article: read as typed, it weighed as a rare word that no sentence holds
    # and the bot abstained; read as "happen", it weighs what that does. "teh" is read as "the": no term
    stopped = "Dock workers in Rotterdam stopped work on Monday."
    assert port.cited("what happend in rotterdam") == stopped
    assert port.cited("where did teh dock workers stop work") == stopped
    matcher = port.base._current().matcher
    assert matcher._common_word("happend") == "happen"
    assert "teh" not in {t.key for t in matcher.analyse("where did teh dock workers stop work").terms}
    assert matcher._common_word("investers") == "investors"
    # a word of the dictionary stays as it is, however near another; a name written with a capital is
    # not a misspelling, nor is an unknown word the word vectors find unlike the word it looks like
    assert matcher._common_word("sate") is None  # a word, though one letter from "site"
    assert matcher._common_word("niu") is None  # three letters: only a glue word ("teh"), not "nil"
    assert matcher._common_word("viktor") is None  # the vectors know it, far from "victor"
    assert "orgen" in {t.key for t in matcher.analyse("What did Orgen say?").terms}
    assert "organ" in {t.key for t in matcher.analyse("what did orgen say").terms}


def test_a_name_the_article_never_mentions_makes_the_bot_abstain(port: ArticleBase) -> None:
    # the rest of each question matches a sentence well: only the name says it is not about this article
    for question in (
        "What did Ovechkin say about the strike?",
        "what did ovechkin say about the strike",
        "What did Mayor Heinrichs say about the strike?",
    ):
        assert port.cited(question) == "", question
    # a name the article has, misspelt, beside a name it has, or an everyday word misspelt, is no such name
    assert port.cited("What did Vosburg say about the strike?").startswith("Union leader Marta Vosberg")
    assert port.cited("What did Greta Vosberg say about the strike?").startswith("Union leader Marta Vosberg")
    assert port.cited("what did the union leedr say about the strike").startswith("Union leader")


def test_a_number_the_article_never_states_makes_the_bot_abstain(tmp_path: Path) -> None:
    # SQuAD 2.0's unanswerable questions change a year or a count: the rest matches a sentence well
    article = build_article(
        tmp_path,
        PORT + "\n\nIt was the third strike at the port since 2019, when 25 ships waited a week.",
    )
    for question in (
        "What did Vosberg say about the strike in 1974?",
        "what was the fourth strike at the port",
        "when did thirty ships wait a week",
        "how many ships waited in 2018",
    ):
        assert article.cited(question) == "", question
    # the same number in other words, or no number beyond one, is no such number
    third = "It was the third strike at the port since 2019, when 25 ships waited a week."
    assert article.cited("what was the 3rd strike at the port") == third
    assert article.cited("when did twenty-five ships wait a week") == third
    assert article.cited("how many ships waited in 2019") == third
    assert article.cited("What did Vosberg say about the strike?").startswith("Union leader Marta Vosberg")


def test_an_abbreviation_is_found_in_the_plural_or_singular(tmp_path: Path) -> None:
    # the stemmer leaves "tds" and "ngo" as they are: "TDs" was an unknown capitalised name, and the bot
    # abstained; "found" (an English word) is not read as "founds"
    article = build_article(
        tmp_path,
        "Huskies fall\n\nArthur Jackson caught two TD passes for the Eagles.\n\n"
        "Three NGOs sent doctors to the camp, which nurses founded.",
    )
    assert article.cited("how many TDs did Jackson catch").startswith("Arthur Jackson caught")
    assert article.cited("which NGO sent doctors").startswith("Three NGOs")
    matcher = article.base._current().matcher
    keys = {t.key for t in matcher.analyse("who found the camp").terms}
    assert "find" in keys and "found" not in keys


def test_a_role_and_country_name_the_person_who_holds_it(port: ArticleBase) -> None:
    assert port.cited("Where will the Dutch leader be next week?") == (
        "Smit will participate in the talks in Amsterdam next week."
    )


def test_a_title_sharing_only_a_glue_word_with_a_country_is_not_its_role(tmp_path: Path) -> None:
    # "Secretary of State" shares "of" with "Kingdom of the Netherlands": that made Blinken a second
    # "Dutch leader", and with two holders the role named nobody
    article = build_article(tmp_path, PORT + "\n\nUS Secretary of State Alan Brink flew to Oslo on Sunday.")
    assert article.cited("Where will the Dutch leader be next week?") == (
        "Smit will participate in the talks in Amsterdam next week."
    )
    matcher = article.base._current().matcher
    assert "karel-smit" in matcher.analyse("What did the Dutch leader urge?").entities


def test_a_capital_stands_for_its_country(tmp_path: Path) -> None:
    article = build_article(
        tmp_path,
        "Fishing rights\n\n"
        "Peru backed the new fishing quota.\n\n"
        "Norway backed the plan to close the cod grounds.",
    )
    assert article.cited("What did Oslo back?") == "Norway backed the plan to close the cod grounds."


def test_a_capital_ending_the_question_spans_its_one_word(tmp_path: Path) -> None:
    # "How far is Kisumu from Nairobi?" made the span of "Nairobi" two words long, past the question's
    # end, and reading the question's names after a preposition raised IndexError
    article = build_article(
        tmp_path,
        "Flood relief\n\n"
        "Kisumu, a port city in Kenya, lies on Lake Victoria.\n\n"
        "Kenya sent 300 soldiers to help with the floods.",
    )
    matcher = article.base._current().matcher
    query = matcher.analyse("How far is Kisumu from Nairobi?")
    assert all(end <= len(query.toks) for _, end, _ in query.name_spans)
    assert matcher.gates(query) is not None
    for sentence in range(len(matcher.index.sentences)):
        matcher.swapped(query, sentence)  # reads every rule's gates without an error


def test_an_idiom_meets_its_meaning(port: ArticleBase) -> None:
    # "take part" in a question is read as "participate", a word this article uses
    assert (
        port.cited("Where will Smit take part?")
        == "Smit will participate in the talks in Amsterdam next week."
    )


def test_who_wrote_the_piece_is_not_part_of_what_is_asked(tmp_path: Path) -> None:
    # "Why did the interview happen, according to the writer?" abstained: "writer" weighed as much as the
    # question's own words, and no sentence of a comment piece says "writer"
    text = (
        "Prince Andrew's interview\n\n"
        "The prince spoke to the BBC for an hour on Saturday.\n\n"
        "Unfortunately, Andrew's interview only appears to have happened thanks to his publicist going.\n\n"
        "The writer of the letter, Joan Hale, had been married for 40 years."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Why did the interview happen, according to the writer?").startswith("Unfortunately")
    assert article.cited("in the writer's view, why did the interview happen").startswith("Unfortunately")
    # a writer the article names stays a word of the question
    assert article.cited("Who was the writer of the letter?").startswith("The writer of the letter")


def _first_form_by_scanning(toks: list[str]) -> tuple[str, set[int]]:
    """What _question_form must return: every form tried at each of the first four positions."""
    for pos in range(min(4, len(toks))):
        for form, kind in QUESTION_FORMS:
            if tuple(toks[pos : pos + len(form)]) == form:
                return kind, set(range(pos, pos + len(form)))
    return "thing", set()


def test_the_question_form_is_the_first_one_a_scan_of_all_forms_finds() -> None:
    # the forms are looked up by their first word; longer forms still win over their first word
    words = sorted({w for form, _ in QUESTION_FORMS for w in form} | {"so", "the", "is"})
    for a in words:
        for b in words:
            openings = ([a, b, "is"], ["so", a, b], ["well", "so", "then", a, b], ["ok", "so", "then", a])
            for toks in openings:
                assert _question_form(toks) == _first_form_by_scanning(toks), toks


def test_a_glue_word_typed_wrong_is_found_among_the_stopwords_of_about_its_length() -> None:
    # only stopwords one letter longer or shorter are compared: the same answers as all of them
    matcher = Matcher.__new__(Matcher)  # the check reads no base
    variants = {"rutte", "alliance", "summit", "xyzzyq"}
    for w in _LONG_STOPWORDS:
        for k in range(len(w)):
            variants |= {w[:k] + w[k + 1 :], w[:k] + "x" + w[k + 1 :], w[:k] + "q" + w[k:]}
            variants.add(w[:k] + w[k + 1 : k + 2] + w[k : k + 1] + w[k + 2 :])
    found = 0
    for token in variants:
        every = (
            len(token) >= 5
            and process.extractOne(token, _LONG_STOPWORDS, scorer=OSA.distance, score_cutoff=1) is not None
            and not is_english_word(token)
        )
        assert matcher._is_misspelt_stopword(token) == every, token
        found += every
    assert found > 100


def test_a_word_tied_to_a_name_belongs_to_it_however_far_when_nobody_else_is_there(tmp_path: Path) -> None:
    # "Lopez's reaction": ten words apart, but the sentence names no one else the reaction could be of
    article = build_article(
        tmp_path,
        "Bakery closes\n\n"
        "The bakery on Main Street closed on Friday after forty years.\n\n"
        "Maria Lopez, who ran the bakery on Main Street for twenty years and knew every single customer "
        "by name, said her reaction was anger.\n\n"
        "Customers said they would miss the bread.",
    )
    assert article.cited("What was Lopez's reaction?").startswith("Maria Lopez, who ran the bakery")


def test_a_persons_job_is_the_title_the_article_gives_them(tmp_path: Path) -> None:
    # "job" is in no sentence: asked of a named person, it asks what the article calls them
    article = build_article(
        tmp_path,
        "Bank results\n\n"
        "Profits rose at the bank this year.\n\n"
        '"The outlook is good," said Rusmik Oza, Head of Fundamental Research at Kotak Securities.\n\n'
        "Shares closed higher on Friday.",
    )
    for question in (
        "What is Oza's job?",
        "what is oza's position",
        "what is the role of rusmik oza",
        "what about Oza, what is his job",  # a follow-up: "his" is the one person it names
        "where does rusmik oza work",  # where someone works is the post the article gives them
        "who does Oza work for",
        "Which organization is Rusmik Oza with?",  # whom they work for
        "which company is oza from",
    ):
        assert article.cited(question).endswith("Head of Fundamental Research at Kotak Securities."), question


def test_a_word_between_the_name_and_the_job_asks_for_the_job_too(shipped_base) -> None:
    # "what is Rutte's current job" met "current" in "current NATO Secretary General Jens Stoltenberg"
    answer = shipped_base.answer("what is rutte's current job")
    assert "the outgoing Dutch Prime Minister" in answer.citations[0].text


CLUB = (
    "Rovers appoint new manager\n\n"
    "Rovers sacked Tom Reyes on Sunday after three years in charge.\n\n"
    "Ana Lind has agreed a deal to manage the club until the end of the 2027 season.\n\n"
    "Her first match will be away to Dunmore on Saturday.\n\n"
    "Rovers were inducted into the county Hall of Fame last year.\n\n"
    "Lind was out of work for months while she recovered from surgery.\n\n"
    "The club's scouts used an observatory of talent in Portugal, said Lind.\n\n"
    "Sam Ode has been the CEO of Rovers since 2015.\n\n"
    "Its Unite Connect app received FDA clearance on Monday.\n\n"
    "A home in Dunmore now takes 71 days to find a buyer.\n\n"
    "The stewards' walkout begins on Thursday, the union said."
)


@pytest.fixture
def club(tmp_path: Path) -> ArticleBase:
    return build_article(tmp_path, CLUB)


@pytest.mark.parametrize(
    "question, start",
    [
        ("When did Rovers fire Tom Reyes?", "Rovers sacked"),  # sack, fire, oust
        ("how long is Lind's contract", "Ana Lind has agreed a deal"),  # a contract is a deal
        ("who is lind's first game against", "Her first match"),  # a game is a match
        ("who is the boss of rovers", "Sam Ode has been the CEO"),  # a boss leads, as a CEO does
        ("has Unite Connect been approved", "Its Unite Connect app received"),  # approval, clearance
        ("how long does it take to sell a house in dunmore", "A home in Dunmore"),  # a house is a home
        ("when does the stewards strike begin", "The stewards' walkout"),  # a strike is a walkout
    ],
)
def test_everyday_paraphrases_of_sport_and_jobs_meet(club: ArticleBase, question: str, start: str) -> None:
    assert club.cited(question).startswith(start)


def test_glue_words_of_chat_are_not_asked_for(club: ArticleBase) -> None:
    # "yet", "while" and "isnt" had been words a sentence must hold: none says them
    assert club.cited("Are Rovers in the Hall of Fame yet?").startswith("Rovers were inducted")
    assert club.cited("what was lind doing while she was out of work").startswith("Lind was out of work")
    matcher = club.base._current().matcher
    for glue in ("yet", "while", "whilst", "isnt", "didnt", "wasnt"):
        assert [t.key for t in matcher.analyse(f"why {glue} lind").terms] == ["@ana-lind"], glue


def test_an_english_word_one_letter_from_a_glue_word_is_a_word(club: ArticleBase) -> None:
    # "Chile" is one letter from "while": it had been dropped as a glue word typed wrong, and the
    # question answered from the sentence about an observatory in Portugal
    matcher = club.base._current().matcher
    assert "chile" in [t.key for t in matcher.analyse("which observatory in Chile did the scouts use").terms]
    assert club.cited("which observatory in Chile did the scouts use") == ""
    assert "befor" not in [t.key for t in matcher.analyse("what did lind do befor rovers").terms]


def test_a_title_before_a_persons_name_is_not_asked_for(port: ArticleBase) -> None:
    # "What will Prime Minister Smit participate in" read "prime" and "minister" as words the answer
    # must hold, and quoted the sentence with the title instead of the one about the talks
    matcher = port.base._current().matcher
    keys = [t.key for t in matcher.analyse("What will Dutch Prime Minister Karel Smit join?").terms]
    assert not {"prime", "minist"} & set(keys)
    cited = port.cited("Where will Prime Minister Smit participate in talks?")
    assert cited.startswith("Smit will participate")


MARKETS = (
    "Asian markets slip\n\n"
    "Japan's Nikkei 225 declined 0.3% on Tuesday as traders waited for news.\n\n"
    "Trump and Chinese leader Xi Jinping have been expected to sign a trade deal for months, traders in "
    "China said."
)
CHARITY = (
    "GiveWell backs a new incubator\n\n"
    "In July 2018, GiveWell recommended a $5.1 million grant to Evidence Action Beta.\n\n"
    "President Xi Jinping of China was not mentioned by the charity."
)


def _two_articles(tmp_path: Path) -> FactBase:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "markets.txt").write_text(MARKETS, encoding="utf-8")
    (sources / "charity.txt").write_text(CHARITY, encoding="utf-8")
    return FactBase.build(sources, tmp_path / "base.db")


def test_a_name_one_article_never_mentions_is_not_answered_from_it(tmp_path: Path) -> None:
    # "how much did givewell decline" quoted the markets story's Nikkei sentence: a word of the
    # question ("decline") was there, and the name only in the other article
    base = _two_articles(tmp_path)
    assert base.answer("how much did GiveWell decline").abstained
    assert base.answer("how much did the Nikkei decline in 2018").abstained  # no article says both
    assert base.answer("how much did the Nikkei decline on Friday").abstained
    assert base.answer("how much did the Nikkei decline").citations[0].text.startswith("Japan's Nikkei")
    # an article holds a name in the words the question uses, whatever entity it made of them there
    # ("Xi Jinping of China" is the charity story's entity, the markets story writes the words)
    answer = base.answer("What has Xi Jinping of China been expected to sign?")
    assert answer.citations[0].text.startswith("Trump")


SUCCESSION = (
    "Alliance chief to leave\n\n"
    "Secretary General Jens Larsen is due to step down in October.\n\n"
    "Prime Minister Ana Smit has led the government since 2019.\n\n"
    "Union President Kurt Vogel praised Smit on Friday.\n\n"
    "Although Larsen had already accepted a job at the central bank, he stayed on."
)


def test_a_sentence_putting_another_person_where_the_question_has_its_own_is_not_the_answer(
    tmp_path: Path,
) -> None:
    # "When is Rutte due to step down?" quoted "Stoltenberg is due to step down in October." at 0.92:
    # the article is about Rutte, so his name weighed little, and missing it cost little
    article = build_article(tmp_path, SUCCESSION)
    assert article.cited("When is Larsen due to step down?").startswith("Secretary General Jens Larsen")
    assert article.cited("When is Smit due to step down?") == ""  # the other opens the sentence
    assert article.cited("When did Vogel praise Larsen?") == ""  # the other follows the question's word
    assert article.cited("When did Vogel praise Smit?").startswith("Union President Kurt Vogel")
    # the first person the sentence names, after a clause's opening word
    assert article.cited("Did Smit accept a job at the central bank?") == ""
    assert article.cited("Did Larsen accept a job at the central bank?").startswith("Although Larsen")


def test_two_capitalised_words_without_a_title_are_not_taken_for_a_swapped_person(tmp_path: Path) -> None:
    # places had been read as people's names ("Southern California"), and places nest: the region's
    # figure answers a question about an area inside it. Capitalised words with an English word among
    # them and no given name first are no person's name
    text = (
        "Region grows\n\n"
        "Inland Empire holds 2 million inhabitants, the survey found.\n\n"
        "Orange Crest lies inside it, and Orange Crest has grown fastest."
    )
    article = build_article(tmp_path, text)
    kinds = {name: kind for name, kind in article.rows("select name, kind from entities")}
    assert kinds.get("Inland Empire") == kinds.get("Orange Crest") == "other"
    matcher = article.base._current().matcher
    query = matcher.analyse("How many inhabitants does Orange Crest hold?")
    sentences = matcher.index.sentences
    region = next(i for i, s in enumerate(sentences) if s.text.startswith("Inland Empire holds"))
    assert not matcher.swapped_name(query, region)
    # the region's figure is not the area's: another name holds there (swapped_agent)
    assert matcher.swapped_agent(query, region)


LAPTOP = (
    "Laptop review\n\n"
    "Apple held back with 802.11ac Wi-Fi rather than the newer standard.\n\n"
    "The key travel on the keyboard is 1 millimeter.\n\n"
    "The battery lasts all season, Apple says."
)


def test_a_word_typed_solid_meets_the_two_the_article_writes(tmp_path: Path) -> None:
    # "what wifi standard did apple hold back with" abstained: the article writes "Wi-Fi"
    article = build_article(tmp_path, LAPTOP)
    assert article.cited("what wifi standard did apple hold back with").startswith("Apple held back")
    assert article.cited("how much keytravel does the keyboard have").startswith("The key travel")
    matcher = article.base._current().matcher
    assert "season" in [t.key for t in matcher.analyse("how long does the battery last this seson").terms]


def test_a_misspelt_everyday_word_is_the_word_not_a_names_last_word(tmp_path: Path) -> None:
    # "how many goals this seson" read "seson" as the "Season" of the charity "No Lean Season"
    text = (
        "Charity and hockey\n\n"
        "GiveWell backed No Lean Season in 2018.\n\n"
        "Nelson scored his sixth goal of the season on Tuesday."
    )
    article = build_article(tmp_path, text)
    matcher = article.base._current().matcher
    keys = [t.key for t in matcher.analyse("how many goals does nelson have this seson").terms]
    assert "season" in keys and not [k for k in keys if "lean" in k]


def test_a_person_named_after_others_in_a_list_is_not_taken_for_a_swap(tmp_path: Path) -> None:
    # "Which founding members are reuniting for the Doobie Brothers tour?" abstained: the band (read as a
    # person) was missing and the list's last member came before "reunite"; the sentence's first person
    # named is Reed, not Dunn
    text = (
        "Harbor Kings to tour\n\n"
        "The Harbor Kings will tour North America next year.\n\n"
        "To mark 50 years, founding members Tom Reed, Ann Cole and Governor Jo Dunn will reunite for the "
        "tour."
    )
    article = build_article(tmp_path, text)
    cited = article.cited("Which founding members are reuniting for the Harbor Kings tour?")
    assert cited.startswith("To mark 50 years")


def test_a_sentence_of_another_year_or_month_than_the_question_pins_is_not_the_answer(tmp_path: Path) -> None:
    # "Where will the NATO Summit be held next year?" quoted "...the NATO Summit in Washington next
    # month" at 0.72; SQuAD's unanswerable questions move a year ("in 1974" of a paper of 1971)
    text = (
        "Summit plans\n\n"
        "The alliance will meet at a summit in Washington next month.\n\n"
        "Juris Hartmanis wrote the paper on time hierarchies in 1965.\n\n"
        "Anders Nilsson made 15 saves in the third period.\n\n"
        "The school's pass rate was 71%, compared with 76% last year."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Where will the alliance summit be held next year?") == ""
    # a time only compared with is not the sentence's own
    assert article.cited("What was the school's pass rate this year?").startswith("The school's")
    assert article.cited("Where will the alliance summit be held next month?").startswith("The alliance will")
    assert article.cited("What paper did Juris Hartmanis write in 1974?") == ""
    assert article.cited("What paper did Juris Hartmanis write in 1965?").startswith("Juris Hartmanis")
    # an ordinal too: "the first period" is not "the third period", which "the 3rd period" is
    assert article.cited("How many saves did Nilsson make in the first period?") == ""
    assert article.cited("How many saves did Nilsson make in the 3rd period?").startswith("Anders Nilsson")


def test_a_question_asking_what_something_is_called_wants_a_name(tmp_path: Path) -> None:
    # "whats the new strap caled" quoted a sentence sharing "new", not "The new accessory, called the Halo
    # Band"; "What is the rover called?" a sentence with "called" but another thing's name
    text = (
        "Cough pill trial\n\n"
        "A new drug eased chronic cough in a trial of 1,044 adults, researchers said on Monday.\n\n"
        "The drug, called velpitant, was tested at 40 hospitals in Britain and Spain.\n\n"
        "Patients in the trial took the new drug twice a day for a year.\n\n"
        "The trial, known as CALM-2, was paid for by the maker, Norvik Pharma.\n\n"
        "A small rover, Pika, will be released on Saturday.\n\n"
        "The trophy, the Heathcote Cup, was first presented in 1951.\n\n"
        "The rover weighs just 4.2 kilograms and carries a camera."
    )
    article = build_article(tmp_path, text)
    assert article.cited("whats the new drug caled").startswith("The drug, called velpitant")
    assert article.base.answer("What is the name of the trial?").confidence > 0.7  # 0.62 as any "what"
    # an apposition names the rover; "called" alone names the drug
    rover = article.base.answer("What is the rover called?")
    # the answer gate puts the drug's sentence at 0.43 (the calibrator abstained): shown as a guess
    assert rover.abstained or rover.confidence < 0.5
    matcher = article.base._snapshot.matcher
    assert article.cited("What is the trophy called?").startswith("The trophy, the Heathcote Cup")
    assert matcher.analyse("What is the name of the small rover?").qtype == "name"
    assert matcher.analyse("What is the drug named after?").qtype != "name"
    assert matcher.analyse("what's the new drug called").qtype == "name"  # "what's" reads as "what the"
    (tmp_path / "garlic").mkdir()
    garlic = build_article(
        tmp_path / "garlic",
        "Garlic study\n\n"
        "Wild garlic, known to botanists as Allium ursinum, grows in damp woods.\n\n"
        "Wild garlic flowers are an important early source of nectar in woods.\n\n"
        "Commercial picking of wild garlic is thinning out woodland patches.",
    )
    # the answer gate holds it below its threshold in this three-sentence article: ranked first, not quoted
    garlic_matcher = garlic.base._current().matcher
    first = garlic_matcher.rank(garlic_matcher.analyse("What is the scientific name of wild garlic?"))[0]
    assert garlic_matcher.index.sentences[first.sentences[0]].text.startswith("Wild garlic, known")


def test_the_opposite_said_only_of_what_a_figure_is_compared_with_is_no_swap(tmp_path: Path) -> None:
    # "how many parkin spaces at the new place" abstained on "Its car park has 62 spaces, compared with 11
    # at the old site": "old" is the opposite of "new", but said of what the figure is set against
    text = (
        "Surgery moves\n\n"
        "The Millgate surgery will move to a new health centre on Quarry Road in June.\n\n"
        "The new centre's car park has 62 spaces, compared with 11 at the old site."
    )
    article = build_article(tmp_path, text)
    assert article.cited("how many parking spaces at the new centre").startswith("The new centre's car park")


def test_a_headline_gives_way_to_the_sentence_below_that_says_it_in_full(tmp_path: Path) -> None:
    # "How much did the Moonlit Walk raise?" quoted "... as Moonlit Walk raises £1.3m", the hospice's
    # total: of 62 headlines the testers were given, 4 answered what they asked
    text = (
        "Hospice breaks fundraising record as Moonlit Walk raises £1.3m\n\n"
        "St Columba's Hospice in Dunfermline has raised a record £1.3 million in a year of fundraising.\n\n"
        "The biggest single contribution came from the Moonlit Walk, a 10-kilometre night walk.\n\n"
        "The hospice opened in 1984 with six beds."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What record did the hospice break?").startswith("St Columba's Hospice")
    # what only the headline says is not answered from it
    assert article.cited("How much did the Moonlit Walk raise?") == ""


def test_a_figure_compared_with_last_years_is_this_years(tmp_path: Path) -> None:
    # "What was the total prize fund this year?" abstained on "Total prize money was £150,000, up from
    # £110,000 last year": the comma inside the sum ended the comparison, leaving "last year" the sentence's
    text = (
        "Darts open\n\n"
        "Total prize money was £150,000, up from £110,000 last year, and all seats were sold.\n\n"
        "The average clutch size was 5.2 eggs, up from 4.1 last year.\n\n"
        "Volunteers spent more than 9,000 hours watching nests this year."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What was the total prize money this year?").startswith("Total prize money")
    assert article.cited("What was the average clutch size this year?").startswith("The average clutch")
    # a year the question pins and the sentence never says is still another's
    assert article.cited("What was the total prize money in 2019?") == ""
    assert article.cited("How many hours did volunteers spend watching nests last year?") == ""


def test_a_question_denying_what_the_sentence_asserts_is_not_answered_by_it(tmp_path: Path) -> None:
    # SQuAD 2.0's unanswerable "What would not be a major breakthrough in complexity theory?" quoted the
    # sentence saying what would be one; a "not" of "why", "if" or "since" is the question's own
    text = (
        "Open problems\n\n"
        "A proof that P equals NP would be a major breakthrough in complexity theory.\n\n"
        "Vann will start at quarterback if Morgan is out on Saturday."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What would not be a major breakthrough in complexity theory?") == ""
    assert article.cited("What would be a major breakthrough in complexity theory?").startswith("A proof")
    assert article.cited("who starts at quarterback if morgan cant play").startswith("Vann will start")


def test_a_sentence_naming_nothing_does_not_answer_what_someones_name_is(tmp_path: Path) -> None:
    # "What is the patient's name?" quoted "The patient was given steroids" at 0.71, and "What was the name
    # of Andrew's publicist?" a sentence naming only Andrew: the article never names them
    text = (
        "Duvet and lungs\n\n"
        "The patient, a 43-year-old man, was given steroids in March.\n\n"
        "His doctor, Mary Holt of the Aberdeen Royal Infirmary, changed his bedding.\n\n"
        "A problem instance is the name given to the input string."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What is the patient's name?") == ""
    assert article.cited("whats the name of the patient") == ""
    assert article.cited("What is the name of his doctor?").startswith("His doctor, Mary Holt")
    # a name given to a thing is a term, not a name
    assert article.cited("What is the name given to the input string?").startswith("A problem instance")


def test_a_sentence_naming_no_person_does_not_answer_a_persons_name(tmp_path: Path) -> None:
    # "What was the name of the inmate who escaped from HMP Stocken?" quoted "a 22-year-old inmate climbed
    # out of an exercise yard at HMP Stocken in Rutland": a prison and a county are named, the inmate not
    text = (
        "Prison escapes\n\n"
        "In June, a 22-year-old inmate climbed out of an exercise yard at HMP Stocken in Rutland.\n\n"
        "The prison's governor, Alan Pryce, said a review had begun.\n\n"
        "A Roman milestone bearing the name of the emperor Hadrian was found in a hedge near Stocken.\n\n"
        "Staff at the prison have counted cuckoos since 2019; the common cuckoo, Cuculus canorus, "
        "is on the red list."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What was the name of the inmate who escaped from HMP Stocken?") == ""
    assert article.cited("whats the inmate's name") == ""
    assert article.cited("What is the name of the prison's governor?").startswith("The prison's governor")
    # a person named right after the word for them is named
    assert article.cited("What is the name of the emperor on the milestone?").startswith("A Roman milestone")
    # so is a cuckoo (a kind of person too) by its scientific name
    assert article.cited("What is the scientific name of the common cuckoo?").startswith("Staff at")
    assert article.cited("Which emperor's name is on the milestone?").startswith("A Roman milestone")


def test_a_sentence_where_no_one_acts_does_not_answer_who_did_it(tmp_path: Path) -> None:
    # "Who repainted the bridge in 2011?" quoted "The bridge has been repainted ... in 2011", and "Who
    # designed the Fairmount branch?" a sentence about the branch that names no one
    text = (
        "Bridge and branch\n\n"
        "The bridge has been repainted red four times since, most recently in 2011.\n\n"
        "The Fairmount branch lends fewer books than any other library in the county.\n\n"
        "The smaller telescope will be used mainly by undergraduates.\n\n"
        "The Harbour Trust replaced the pier's railings in 2019.\n\n"
        "The two board members who voted against the plan were both non-executive directors."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who repainted the bridge in 2011?") == ""
    # people the sentence describes do it too
    assert article.cited("Who voted against the plan?").startswith("The two board members")
    assert article.cited("Who designed the Fairmount branch?") == ""
    assert article.cited("Who replaced the railings on the pier?").startswith("The Harbour Trust")
    assert article.cited("Who will use the smaller telescope?").startswith("The smaller telescope")
    assert article.cited("When was the bridge repainted?").startswith("The bridge has been")


def test_a_sentence_that_picks_out_nothing_does_not_answer_which_one(tmp_path: Path) -> None:
    # "Which drug would be used to put the astronauts into torpor?" quoted "a drug would be administered
    # to induce torpor" at 0.44: the article never says which drug
    text = (
        "Sleeping to Mars\n\n"
        "The plan assumes that a drug would be administered to induce torpor in the crew.\n\n"
        "Bank and financial stocks led the gains on Tuesday morning.\n\n"
        "The crew would travel in soft pods kept in the dark.\n\n"
        'He borrowed ideas from a childhood game called "duck on a rock".\n\n'
        "A local primary school raised money with a sponsored silence."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Which drug would be administered to induce torpor?") == ""
    # "local" picks out no school of the kind asked
    assert article.cited("Which primary school held the sponsored silence?") == ""
    assert article.cited("which drug would they use to induce torpor") == ""
    # a word before the noun that the question lacks picks some out
    assert article.cited("Which stocks led the gains?").startswith("Bank and financial stocks")
    assert article.cited("What would be administered to induce torpor?").startswith("The plan assumes")
    # a name given with "called" picks one out, though no entity is read in it
    assert article.cited("Which childhood game did he borrow ideas from?").startswith("He borrowed")


def test_an_approval_asked_of_a_sentence_saying_none_was_given_abstains(tmp_path: Path) -> None:
    # testers: "When did the FDA approve velmacetam?" quoted "plans to apply for approval in 2026" at 0.90
    text = (
        "Epilepsy pill\n\n"
        "Halden Pharma said it would apply to the FDA for approval of velmacetam in March 2026.\n\n"
        "Britain's MHRA approved the pill for adults in May 2025."
    )
    article = build_article(tmp_path, text)
    assert article.cited("When did the FDA approve velmacetam?") == ""
    assert article.cited("When did the MHRA approve the pill?").startswith("Britain's MHRA approved")


def test_which_university_needs_a_sentence_naming_one(tmp_path: Path) -> None:
    # testers: "Which university does Daniel Ferreira teach at?" quoted his sentence with no university in
    # it; universities, hospitals and museums carry the word in their names, which a sentence then holds
    text = (
        "Bat study\n\n"
        "The study was led by Dr Helen Marsh of Imperial College London.\n\n"
        "Daniel Ferreira, who teaches biology, led the bat survey in the Mendip Hills.\n\n"
        "The Roman bones will be displayed in Leeds from May.\n\n"
        "The Saxon bones will go on display at the Yorkshire Museum in June."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Which university does Daniel Ferreira teach biology at?") == ""
    assert article.cited("Which museum will display the Roman bones?") == ""
    assert article.cited("Which university is Helen Marsh from?").startswith("The study was led")
    assert article.cited("Which museum will display the Saxon bones?").startswith("The Saxon bones")


def test_who_someone_described_is_needs_a_sentence_naming_someone(tmp_path: Path) -> None:
    # a tester: "Who were the two potential buyers?" quoted "talks with two potential buyers" at 0.89
    text = (
        "Mill to close\n\n"
        "Kalliovaara Paper said on Tuesday that its Glenrowan mill would close in March.\n\n"
        "The company said it had held talks with two potential buyers in the summer, but neither had made "
        "an offer.\n\n"
        "The rescue offer was announced by Education Secretary Jonathan Pike last month."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who were the two potential buyers?") == ""
    assert article.cited("whos the buyer") == ""
    # one the question reaches by a title is the answer
    assert article.cited("Who is the Education Secretary?").startswith("The rescue offer")


def test_which_company_needs_a_sentence_naming_an_organisation(tmp_path: Path) -> None:
    # "Which company built the solar array?" quoted "most of them built by mining companies" (a country
    # named, no company): an organisation, or a name that may be one, must be named beyond the question's
    text = (
        "Desert power\n\n"
        "Chile already has more than 20 desalination plants, most of them built by mining companies.\n\n"
        "The annual survey was co-ordinated by the Devon Wildlife Trust (DWT) across 18 sites.\n\n"
        "He was taken to Royal Derby Hospital as a precaution.\n\n"
        "Two council members voted against the cut.\n\n"
        "Isla Brennan, who rides for the Pennine Velo team, won by 41 seconds."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Which company built the desalination plants in Chile?") == ""
    assert article.cited("What company built the desalination plants in Chile?") == ""
    # a name read as a person's may be an organisation's; a place may be the hospital asked
    assert article.cited("Which organisation co-ordinated the annual survey?").startswith("The annual survey")
    assert article.cited("which hospital was he taken to").startswith("He was taken")
    # "which council members": members are asked for, not a council
    assert article.cited("Which council members voted against the cut?").startswith("Two council")
    # a name the text calls a team is one, though no entity kind says so (a tester: "Pennine Velo")
    assert article.cited("Which team does Brennan ride for?").startswith("Isla Brennan, who rides")


def test_in_which_county_is_answered_by_the_place_a_name_stands_in(tmp_path: Path) -> None:
    # testers: "In which county is the Carrow Aqueduct?" abstained: news writes "in Shropshire", never the
    # word "county", and the word outweighed the name; a sentence naming no place beyond the question's
    # own does not answer it ("what county is fenmoor in" of "the declaration at Fenmoor Leisure Centre")
    text = (
        "Aqueduct reopens\n\n"
        "Narrowboats crossed the Carrow Aqueduct in Shropshire on Saturday for the first time since 1944.\n\n"
        "The aqueduct carries the Wenlock Canal 38 metres above the River Carrow on eleven arches.\n\n"
        "The count was declared at Fenmoor Leisure Centre after midnight.\n\n"
        "Turnout was 41 per cent, the returning officer said."
    )
    article = build_article(tmp_path, text)
    assert article.cited("In which county is the Carrow Aqueduct?").startswith("Narrowboats crossed")
    assert article.cited("what county is the carrow aqueduct in").startswith("Narrowboats crossed")
    assert article.cited("what county is fenmoor in") == ""
    assert article.cited("In which city was turnout 41 per cent?") == ""
    assert article.cited("What was the turnout?").startswith("Turnout was")



def test_where_in_a_named_place_needs_a_place_inside_it(tmp_path: Path) -> None:
    # "Where in Devon was the secret release site?" quoted a sentence naming only Devon and Sweden's eggs
    text = (
        "Butterfly returns\n\n"
        "Between 1983 and 1992 scientists released caterpillars bred in a laboratory at a secret site "
        "in Devon.\n\n"
        "A second colony was released at Collard Hill, near Street in Somerset, in 2000.\n\n"
        "The butterfly had died out in Britain in 1979."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Where in Devon was the secret release site?") == ""
    assert article.cited("where in somerset was the second colony released").startswith("A second colony")


def test_a_number_picks_out_no_company_or_place_a_which_question_asks_for(tmp_path: Path) -> None:
    # "Which regulator rejected the 2019 formulation?" quoted "An earlier study ..., run in 2019 with 524
    # patients in seven countries, ... used a different formulation": its numbers name no regulator
    text = (
        "Malaria cure\n\n"
        "An earlier study, run in 2019 with 524 patients in seven countries, used another formulation.\n\n"
        "The 2019 formulation was rejected by Swissmedic, the Swiss regulator.\n\n"
        "The crew would travel in three pods kept in the dark."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Which regulator rejected the 2019 formulation?").startswith("The 2019 formulation")
    assert article.cited("Which regulator ran the study with 524 patients?") == ""
    # a number still picks out other things: "which pods" of "three pods"
    assert article.cited("Which pods would the crew travel in?").startswith("The crew would travel")


def test_a_sentence_counting_the_asked_thing_by_another_number_is_not_the_answer(tmp_path: Path) -> None:
    # SQuAD 2.0's style: "Where did police arrest 32 people Monday?" quoted "Police arrested six people
    # Monday" at 0.71 (32 is an age elsewhere in the story, so no number the base never states)
    text = (
        "Drug arrests\n\n"
        "Police arrested six people Monday during a narcotics investigation at a local home.\n\n"
        "Elizabeth Tays, 32, of Franklin was held on a warrant.\n\n"
        "The $49 Apple Thunderbolt 2 to Thunderbolt 3 adapter will connect an older dock."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Where did police arrest 32 people Monday?") == ""
    assert article.cited("Where did police arrest seven people Monday?") == ""
    assert article.cited("Where did police arrest 6 people Monday?").startswith("Police arrested six")
    # a number after a name is a model's, not a count
    assert article.cited("how much is the thunderbolt 2 adapter").startswith("The $49 Apple")
    # a sum is no count, in pounds or euros as in dollars: "Who gave the single donation of £3.1 million?"
    # abstained on "£14.2 million, of which ... £3.1 million from a single donation"
    assert _counts("Who gave the single donation of £3.1 million?") == set()
    assert _counts("The observatory cost £14.2 million, of which €8 million came from the council.") == set()
    assert _counts("It fed 2.1 million households.") == {("2.1 million", "household")}


def test_a_sentence_of_another_month_or_day_than_the_question_pins_is_not_the_answer(tmp_path: Path) -> None:
    # "Where did the band play on Monday night, Nov. 28?" quoted "...Monday night (Nov. 18) at the
    # Ryman" at 0.84; "Kicking off in July 2020" was answered by "June 9, 2020" (the story names July
    # and 28 elsewhere, so no date the base never states)
    text = (
        "Band to tour\n\n"
        "The Harbor Kings played Monday night (Nov. 18) at the Ryman Auditorium in Nashville, part of a "
        "short outing.\n\n"
        "The four-time Grammy winning band will kick off the tour June 9, 2020 in West Palm Beach, the "
        "first stop of 30 cities.\n\n"
        "Tickets for the July 19 show in Toronto go on sale Nov. 28."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Where did the Harbor Kings play on Monday night, Nov. 28?") == ""
    assert article.cited("Where did the Harbor Kings play on Monday night, November 18?").startswith(
        "The Harbor Kings played"
    )
    assert article.cited("Kicking off in July 2020, how many stops is the tour?") == ""
    assert article.cited("kicking off in june 2020 how many stops is the tour").startswith("The four-time")


def test_no_lack_and_fail_to_deny_as_not_does(tmp_path: Path) -> None:
    # "What do most major medical centers have no protocols for?" quoted "Most major medical centers have
    # protocols for inducing hypothermia" at 0.89; a sentence saying it failed denies as "not" does
    text = (
        "Hibernation\n\n"
        "Most major medical centers have protocols for inducing hypothermia in patients.\n\n"
        "In 1018, Roger de Tosny travelled to Iberia to carve out a state for himself, but failed."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What do most major medical centers have no protocols for?") == ""
    assert article.cited("What do most major medical centers lack protocols for?") == ""
    assert article.cited("What do most major medical centers have protocols for?").startswith("Most major")
    assert article.cited("What year did Roger de Tosny fail to carve out a state?").startswith("In 1018")


def test_a_model_the_base_never_names_is_a_name_it_never_mentions(tmp_path: Path) -> None:
    # "Why has the A220 program faced delays?" quoted "The 777 program has faced delays" at 0.84
    text = (
        "Airline order\n\n"
        "The 777 program has faced delays due to engine problems.\n\n"
        "The airline also ordered 50 A350 jets from Airbus."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Why has the A220 program faced delays?") == ""
    assert article.cited("Why has the 777 program faced delays?").startswith("The 777 program")
    assert article.cited("how many a350 jets did the airline order").startswith("The airline also")


def test_a_sentence_saying_the_opposite_of_a_question_word_is_not_the_answer(tmp_path: Path) -> None:
    # SQuAD 2.0's style: "Who is the smallest international carrier in the world?" quoted "...the world's
    # largest international carrier" at 0.76; an opposite with a "not" asks for it ("isn't able")
    text = (
        "Airline order\n\n"
        "Emirates, the world's largest international carrier, ordered 30 jets on Wednesday.\n\n"
        "Doctors are unable to stem the disorder, the study says."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who is the smallest international carrier in the world?") == ""
    assert article.cited("Who is the largest international carrier in the world?").startswith("Emirates")
    assert article.cited("who is able to stem the disorder") == ""
    assert article.cited("who isnt able to stem the disorder").startswith("Doctors are unable")


def test_opposites_are_of_adjectives_and_negations_not_of_roles() -> None:
    # "X sold the rights to Y" answers "who bought the rights"; "the last time" is "the first time since"
    opposites = antonyms()
    assert "small" in opposites["larg"] and "unsolv" in opposites["solv"]
    assert "decreas" in opposites["increas"]
    for word, other in (("buy", "sell"), ("win", "lose"), ("come", "go"), ("first", "last"), ("pass", "run")):
        assert other not in opposites.get(word, frozenset())


def test_opposite_verbs_and_nouns_count_and_an_opposite_denied_is_the_word(tmp_path: Path) -> None:
    # "What did the HIV prevention campaign discourage those released from jail from doing?" quoted "an
    # HIV prevention campaign that encouraged those released from jail to get tested" at 0.76; converses
    # are no opposites (see above), nor "chose not to accept" the opposite of "refuse"
    opposites = antonyms()
    assert "discourag" in opposites["encourag"] and "fall" in opposites["rise"]
    assert "lend" not in opposites.get("borrow", frozenset()) and "wife" not in opposites.get("husband", ())
    text = (
        "Campaigns\n\n"
        "Graham's HIV prevention campaign encouraged those released from jail to get tested.\n\n"
        "Thomas chose not to accept a plea deal because he wants a trial, his lawyer said."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What did the HIV campaign discourage those released from jail from doing?") == ""
    assert article.cited("What did the HIV campaign encourage those released from jail to do?").startswith(
        "Graham's HIV"
    )
    assert article.cited("Why did Thomas refuse a plea deal?").startswith("Thomas chose not to accept")


def test_a_sentence_giving_the_name_the_other_role_in_the_act_is_not_the_answer(tmp_path: Path) -> None:
    # SQuAD 2.0's style: "Who did Christopher D. Battin arrest?" and "Who did King Charles III swear
    # fealty to?" were answered by the sentences saying who arrested Battin and who swore fealty to Charles
    text = (
        "Drug arrests\n\n"
        "Officers arrested Christopher D. Battin, 33, who resides at 2134 Caldwell Place, Harris said.\n\n"
        "Rollo agreed to swear fealty to King Charles III in 911.\n\n"
        "Mourinho was hired by Tottenham on Wednesday.\n\n"
        "In a profile of Rutte, analysts described him as a savvy operator.\n\n"
        "The plan matches one announced by MOTIE in March, which aimed to introduce carbon rules.\n\n"
        "Governor Ed Lund met Prime Minister Carl Rask in Oslo on Friday.\n\n"
        '"Hospitals will focus on alarm fatigue," said Sales Director Tom Halley.\n\n'
        "The Harbour Trust, founded in 1981 by Helen Freeman, runs the ferry.\n\n"
        "This extended mission, called Kestrel, began in May 2014.\n\n"
        "Hillside Boy, trained in County Kildare by Declan Moriarty, is the new favourite."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who did Christopher D. Battin arrest?") == ""
    # the agent a few words after the participle: "trained in County Kildare by Declan Moriarty"
    assert article.cited("Who trains Hillside Boy?").startswith("Hillside Boy, trained")
    assert article.cited("Who was arrested by Christopher D. Battin?") == ""
    assert article.cited("Who arrested Christopher D. Battin?").startswith("Officers arrested")
    assert article.cited("Who did King Charles III swear fealty to?") == ""
    assert article.cited("Who did Mourinho hire?") == ""
    # asked when, where or why, the name that acts is the same question's
    assert article.cited("Where did Christopher D. Battin arrest the officers?") == ""
    assert article.cited("When did Tottenham hire Mourinho?").startswith("Mourinho was hired")
    # both sides of a meeting meet: "Orban met Stoltenberg" answers "who did Stoltenberg meet"
    assert article.cited("Who did Carl Rask meet in Oslo?").startswith("Governor Ed Lund met")
    # "said Halley" puts its subject after the verb: no other role
    assert article.cited("what does halley say hospitals will focus on").startswith('"Hospitals will')
    assert article.cited("Who did Tottenham hire?").startswith("Mourinho was hired")  # the passive's agent
    assert article.cited("Who hired Mourinho?").startswith("Mourinho was hired")
    assert article.cited("Who described Rutte as a savvy operator?").startswith("In a profile")
    assert article.cited("what did MOTIE announce in March").startswith("The plan matches one announced")
    # a participle after the name, with its agent, is a passive; a noun after the name is no verb of it
    assert article.cited("Who founded the Harbour Trust?").startswith("The Harbour Trust")
    assert article.cited("When did the Kestrel mission begin?").startswith("This extended mission")


def test_another_country_or_organisation_before_the_questions_word_is_a_swap(tmp_path: Path) -> None:
    # "What did the American manufacturer announce it would scrap?" quoted "...led the French
    # manufacturer to announce it would scrap its production" at 0.69 (the story names America too)
    text = (
        "Jet order\n\n"
        "The order is crucial for the American manufacturing giant, whose sales have been badly hit.\n\n"
        "Cutbacks on orders of the jumbo jet led the French manufacturer to announce it would scrap its "
        "production."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What did the American manufacturer announce it would scrap?") == ""
    assert article.cited("What did the French manufacturer announce it would scrap?").startswith("Cutbacks")


def test_another_name_right_after_the_questions_word_is_a_swap(tmp_path: Path) -> None:
    # "How many nights did the researchers observe Enceladus?" quoted "The researchers observed Europa
    # for 17 nights" at 0.91 (the story names Enceladus elsewhere)
    text = (
        "Water on Europa\n\n"
        "The researchers observed Europa for 17 nights, from February 2016 through May 2017.\n\n"
        "Geysers have also been seen on Enceladus, a moon of Saturn."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many nights did the researchers observe Enceladus?") == ""
    assert article.cited("How many nights did the researchers observe Europa?").startswith("The researchers")


def test_a_sentence_denying_what_a_wh_question_asks_about_is_not_its_answer(tmp_path: Path) -> None:
    # "Who pleaded guilty in Manhattan federal court Tuesday afternoon?" quoted "Noel and Thomas pleaded
    # not guilty in Manhattan federal court Tuesday afternoon" at 0.90; a yes-no question is answered by it
    text = (
        "Guards charged\n\n"
        "Tova Noel and Michael Thomas pleaded not guilty in Manhattan federal court Tuesday afternoon.\n\n"
        "Tays was held in jail with no bond.\n\n"
        "South Dakota has a meth problem, so that is not the best thing for the South Dakota brand.\n\n"
        "Hege said she does not think the ads hurt the brand.\n\n"
        "Rutte's tenure will not begin until October 1, after the summit.\n\n"
        "The river was not expected to peak until Friday afternoon.\n\n"
        "The Mariners have not won a playoff series since 2016.\n\n"
        "England have not won a Test series in New Zealand since 2008.\n\n"
        "Helix had not lost a best-of-five series in 14 months.\n\n"
        '"Neither is likely to inspire the confidence of market participants," Halley said.'
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who pleaded guilty in Manhattan federal court Tuesday afternoon?") == ""
    # where, when, why and how too ("When did Noel and Thomas plead guilty?" quoted it at 0.93)
    assert article.cited("When did Noel and Thomas plead guilty in Manhattan federal court?") == ""
    # "will not begin until" says when it begins, "have not won since" when they last won
    assert article.cited("When will Rutte's tenure begin?").startswith("Rutte's tenure")
    assert article.cited("When is the river expected to peak?").startswith("The river was")
    assert article.cited("When did the Mariners last win a playoff series?").startswith("The Mariners")
    assert article.cited("When did the Mariners win a playoff series?") == ""
    # the "since" or the time may stand further from the denied verb, "how long since" asks it too
    assert article.cited("when did england last win a test series in nz").startswith("England have not")
    assert article.cited("how long since helix lost a bo5").startswith("Helix had not")
    assert article.cited("Who lost a best-of-five series?") == ""
    # "neither" and "nor" deny, past "is likely to"
    assert article.cited("What will inspire the confidence of market participants?") == ""
    assert article.cited("What is not likely to inspire the confidence of market participants?").startswith(
        '"Neither'
    )
    assert article.cited("Who pleaded not guilty in Manhattan federal court?").startswith("Tova Noel")
    assert article.cited("Did Noel plead guilty in Manhattan federal court?").startswith("Tova Noel")
    # "what" too; a denial asserted again elsewhere in the sentence is no denial
    assert article.cited("What is the best thing for the South Dakota brand?") == ""
    assert article.cited("What did Hege say about the brand?").startswith("Hege said")


def test_chat_spellings_of_how_many_utd_and_us_are_read() -> None:
    # round 11: "howmany nights did they observe europa" and "when did mourinho go to man utd" abstained;
    # "who is the US attorney" read "us" and quoted another sentence
    tokenise = partial(_tokenise, phrases={}, pattern=None)
    assert tokenise("howmany nights did they observe europa")[0][:2] == ["how", "many"]
    assert tokenise("howmuch did it cost")[0][:2] == ["how", "much"]
    assert tokenise("when did mourinho go to man utd")[0][-1] == "united"
    assert tokenise("how many yds did he run for")[0][2] == "yards"
    assert tokenise("wat did teh intl scan show")[0][2:4] == ["the", "international"]
    assert tokenise("who is the US attorney")[0] == tokenise("who is the U.S. attorney")[0]
    assert tokenise("TELL US ABOUT IT")[0] == ["tell", "us", "about", "it"]
    assert tokenise("who is the us attorney")[0] == tokenise("who is the U.S. attorney")[0]  # no "the us"
    assert tokenise("give us the news")[0] == ["give", "us", "the", "news"]


def test_a_lawyer_is_who_represents_someone() -> None:
    # round 11: "who is noel's lawyer" abstained against "said Jason Foy, who represents Noel"
    related = synonyms()
    assert "repres" in related["lawyer"] and "repres" in related["attorney"] and "lawyer" in related["repres"]


def test_a_campaign_launched_is_one_introduced(tmp_path: Path) -> None:
    # rounds 6 and 18: "when was the meth campaign launched" abstained against "since introduced on Monday"
    text = (
        "Meth ads\n\n"
        "The awareness campaign was introduced on Monday.\n\n"
        "The awareness campaign was mocked on Tuesday.\n\n"
        "The state spent $449,000 on it."
    )
    assert "introduc" in synonyms()["launch"]
    article = build_article(tmp_path, text)
    cited = article.cited("when was the awareness campaign launched")
    assert cited.startswith("The awareness campaign was introduced")


def test_an_english_word_beside_an_unknown_name_is_no_sign_it_is_more_of_a_known_one(tmp_path: Path) -> None:
    # "Which ESA telescope has spotted indirect evidence of plumes on Europa?" quoted NASA's Hubble Space
    # Telescope at 0.82: "telescope" is a word of a known name, but any telescope has it
    text = (
        "Water on Europa\n\n"
        "NASA's Hubble Space Telescope has spotted indirect evidence of plumes on Europa.\n\n"
        "The team observed the moon for 17 nights from Hawaii."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Which ESA telescope has spotted indirect evidence of plumes on Europa?") == ""
    assert article.cited("Which NASA telescope spotted evidence of plumes on Europa?").startswith("NASA")


def test_places_and_untitled_people_are_not_taken_for_swapped_names(tmp_path: Path) -> None:
    # places nest ("Southern California", "California") and two capitalised words are not always a
    # person ("Inland Empire"): only other names, and people one of whom is titled, may swap
    text = (
        "Region and people\n\n"
        "President Anna Berg met Tom Cole in Lyon and Paris on Monday.\n\n"
        "Jon Dale and the Europa Clipper team went to Nevada and Arizona."
    )
    article = build_article(tmp_path, text)
    matcher = article.base._current().matcher
    kinds = {e.name: (eid, e.kind, e.title) for eid, e in matcher.index.entities.items()}
    assert kinds["Lyon"][1] == kinds["Paris"][1] == "place"
    assert not matcher._may_swap(kinds["Lyon"][0])
    assert kinds["Europa Clipper"][1] == "other"  # an English word, and no given name first
    assert not matcher._may_swap(kinds["Jon Dale"][0])
    assert not matcher._surely_people(kinds["Jon Dale"][0], kinds["Europa Clipper"][0])


def test_counts_are_read_beside_each_other_and_not_of_one_or_a_models_number() -> None:
    # "When did New Jersey last have a seven-game winning streak?" was answered by the three-game streak:
    # "last seven" had been read as a count and hidden "seven-game"; "what is one positive indicator"
    # asks for any one; "five 787 Dreamliner sales" counts sales, 787 is a model
    assert ("7", "game") in _counts("When did New Jersey last have a seven-game winning streak?")
    assert _counts("What is one positive indicator for growth?") == set()
    assert _counts("It comes in addition to five 787 Dreamliner sales.") == set()
    # a share counts what it is a share of: "What did they forecast a 45% chance of?" of "a 55% chance"
    assert _swapped_count(frozenset(_counts("a 45% chance of what?")), "We forecast a 55% chance of it.")
    assert _negation_added("What doesn\u2019t seem like a point in his favor?", "It seems like a point.")


def test_another_person_speaking_where_the_question_has_its_own_is_a_swap(tmp_path: Path) -> None:
    # "What campaign did Hege once encounter backlash for?" quoted "Graham said she once encountered
    # backlash for an HIV prevention campaign" at 0.89; neither is titled, but Graham speaks there
    text = (
        "Meth ads\n\n"
        "Michelle Hege of the state agency praised the ads on Tuesday.\n\n"
        "Julie Graham said she once encountered backlash for an HIV prevention campaign."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What campaign did Hege once encounter backlash for?") == ""
    assert article.cited("What campaign did Graham once encounter backlash for?").startswith("Julie Graham")


def test_he_or_she_opening_the_sentence_for_another_person_is_a_swap(tmp_path: Path) -> None:
    # "When did Hege post materials from the campaign on the wall?" quoted "On Tuesday morning, he
    # posted materials from the campaign on the wall" at 0.93: "he" is Sanborn
    text = (
        "Meth ads\n\n"
        "Michelle Hege of the state agency praised the ads.\n\n"
        "Jeff Sanborn, president of the firm, spoke on Monday about the campaign.\n\n"
        "On Tuesday morning, he posted materials from the campaign on the wall."
    )
    article = build_article(tmp_path, text)
    assert article.cited("When did Hege post materials from the campaign on the wall?") == ""
    assert article.cited("When did Sanborn post materials from the campaign?").startswith("On Tuesday")
    # inside a quotation "he" is whoever the speaker means, not who was named last
    assert _OPENING_PRONOUN.match('"He has won a domestic title in four countries," Levy said.') is None
    assert _OPENING_PRONOUN.match("On Tuesday morning, he posted materials.") is not None


def test_an_opposite_said_of_the_same_thing_is_not_the_answer_though_the_word_is_elsewhere(
    tmp_path: Path,
) -> None:
    # "What factors are supporting the Indian market's low valuations?" quoted "The Indian market's high
    # valuations are being supported by ... low bond yields" at 0.70
    text = (
        "Sensex record\n\n"
        "The Indian market's high valuations are being supported by low global bond yields.\n\n"
        "The Sensex closed at a record on Wednesday.\n\n"
        "The urban routes will switch over on 6 April, and the rural routes on 1 June."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What is supporting the Indian market's low valuations?") == ""
    assert article.cited("What is supporting the Indian market's high valuations?").startswith("The Indian")
    # a sentence that says the word of the same thing too says both
    assert article.cited("When do the rural routes switch over?").startswith("The urban routes")


def test_two_names_of_no_english_word_are_surely_people_for_a_swap(tmp_path: Path) -> None:
    # "How many shots did Rask stop?" quoted "Sergei Bobrovsky stopped 35 shots." at 0.73: neither is
    # titled, but no word of either name is an English word ("Southern California" has one)
    text = (
        "Hockey roundup\n\n"
        "Sergei Bobrovsky stopped 35 shots in the win.\n\n"
        "Tuukka Rask made 25 saves for Boston."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many shots did Rask stop in the win?") == ""
    assert article.cited("How many shots did Bobrovsky stop in the win?").startswith("Sergei Bobrovsky")


def test_a_name_after_a_preposition_is_no_one_acting_in_the_questions_place(tmp_path: Path) -> None:
    # "why was riverbend cancelled" abstained on "The Riverbend Music Festival in Shropshire has
    # cancelled": Shropshire, after "in", was read as another name doing the act
    text = (
        "Riverbend Festival cancels final two days\n\n"
        "The Riverbend Music Festival in Shropshire has cancelled its final two days after storms.\n\n"
        "Riverbend was founded in 2009 as a one-day event.\n\n"
        "It is owned by their company Riverbend Events Ltd.\n\n"
        "Ludlow Fringe has cancelled its opening night because of a power cut."
    )
    article = build_article(tmp_path, text)
    assert article.cited("why was riverbend cancelled").startswith("The Riverbend Music Festival")
    assert article.cited("Why has Shrewsbury cancelled its opening night?") == ""


def test_another_name_acting_right_where_the_questions_organisation_does_is_a_swap(tmp_path: Path) -> None:
    # "What did Nomura call the Supreme Court decision?" quoted "JP Morgan had called the Supreme Court
    # decision a big positive" at 0.76; "How many games in a row has Nashville won?" quoted "Winnipeg
    # has won three in a row"
    text = (
        "Banks rally\n\n"
        "Barclays had called the court's decision a big positive for lenders.\n\n"
        "Nomura said the order favoured banks.\n\n"
        "Winnipeg has won three games in a row.\n\n"
        "Nashville lost to Dallas on Monday.\n\n"
        "This season Spurs have won five matches.\n\n"
        "Tottenham named a new manager on Tuesday.\n\n"
        "The lenders are beyond Barclays, lending more."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What did Nomura call the court's decision?") == ""
    assert article.cited("What did Barclays call the court's decision?").startswith("Barclays had called")
    assert article.cited("How many games in a row has Nashville won?") == ""
    assert article.cited("How many games in a row has Winnipeg won?").startswith("Winnipeg has won")
    # a team's nickname and its town may name one club: the word vectors find them nearly alike
    assert article.cited("How many matches have Tottenham won this season?").startswith("This season Spurs")
    # not across a comma: "Barclays, lending" is no act of Barclays
    matcher = article.base._current().matcher
    beyond = next(i for i, s in enumerate(matcher.index.sentences) if s.text.startswith("The lenders"))
    assert not matcher.swapped_agent(matcher.analyse("What is Nomura lending?"), beyond)


def test_a_given_name_first_makes_two_names_surely_people(tmp_path: Path) -> None:
    # "How many shots did Murray stop?" quoted "Sergei Bobrovsky stopped 35 shots": "Matt" is an English
    # word, so "Matt Murray" had not been sure to be a person; a given name opens it
    text = (
        "Hockey roundup\n\n"
        "Matt Murray made 20 saves for Pittsburgh on Monday.\n\n"
        "Sergei Bobrovsky stopped 35 shots for Florida."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many shots did Murray stop?") == ""
    assert article.cited("How many shots did Bobrovsky stop?").startswith("Sergei Bobrovsky")


def test_another_organisation_after_the_questions_preposition_is_a_swap(tmp_path: Path) -> None:
    # "Who stopped 22 shots for the Wild?" quoted "Linus Ullmark stopped 22 shots for the Sabres" at 0.77;
    # "What is Pankaj Pandey's position at Kotak Securities?" quoted "Pankaj Pandey, Head of Research at
    # ICICI Securities" at 0.42: an English word both names share does not make them one
    text = (
        "Hockey and markets\n\n"
        "Linus Ullmark stopped 22 shots for the Sabres on Monday.\n\n"
        "The Wild lost again.\n\n"
        "Pankaj Pandey, Head of Research at ICICI Securities, expects gains.\n\n"
        "Analysts at Kotak Securities disagree, and ICICI Bank rose.\n\n"
        "The volunteers of Aldmouth lifeboat station will mark its 150th anniversary on Saturday.\n\n"
        "Aldmouth's station received its first motor lifeboat, the Duchess of Alnwick, in 1931."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who stopped 22 shots for the Wild?") == ""
    assert article.cited("Who stopped 22 shots for the Sabres?").startswith("Linus Ullmark")
    assert article.cited("What is Pankaj Pandey's position at Kotak Securities?") == ""
    assert article.cited("What is Pankaj Pandey's position at ICICI Securities?").startswith("Pankaj Pandey")
    # a name in the possessive is the owner, the preposition before it another word's ("the name of")
    assert article.cited("What was the name of Aldmouth's first motor lifeboat?").startswith("Aldmouth's")
    matcher = article.base._current().matcher
    possessive = matcher.analyse("What was the name of Aldmouth's first motor lifeboat?")
    assert matcher.gates(possessive).objects == ()
    assert matcher.gates(matcher.analyse("What was the first lifeboat of Aldmouth?")).objects != ()
    ids = {e.name: eid for eid, e in matcher.index.entities.items()}
    assert not matcher._one_name(ids["Kotak Securities"], ids["ICICI Securities"])
    assert matcher._one_name(ids["ICICI Bank"], ids["ICICI Securities"])


def test_where_a_company_is_based_says_where_not_which_company(tmp_path: Path) -> None:
    # "who owns flickly" abstained on "Flickly, owned by the Singapore-based company Lumora Holdings":
    # "Singapore-based" was read as another company owned in Flickly's place
    text = (
        "App ban\n\n"
        "The government will ban the video app Flickly from July.\n\n"
        "Flickly, owned by the Singapore-based company Lumora Holdings, has 3.1 million users.\n\n"
        "Veralix Therapeutics, a Boston-based company founded in 2015, makes the drug."
    )
    article = build_article(tmp_path, text)
    assert article.cited("who owns flickly").startswith("Flickly, owned by")
    assert article.cited("Where is Veralix based?").startswith("Veralix Therapeutics")


def test_the_of_inside_an_organisations_name_is_not_the_questions_preposition(tmp_path: Path) -> None:
    # "Who is the governor of HMP Greystone?" abstained on "The Ministry of Justice (MoJ) said the
    # governor, Andrew Pryce, had ordered a review": "of Justice" was read as another prison after "of"
    text = (
        "Prison escape\n\n"
        "Two prisoners escaped from HMP Greystone on Sunday.\n\n"
        "HMP Greystone holds about 850 men.\n\n"
        "Police said the men left HMP Greystone at about 2am.\n\n"
        "The last escape from HMP Greystone was in 2022.\n\n"
        "The Ministry of Justice (MoJ) said the governor, Andrew Pryce, had ordered a review."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who is the governor of HMP Greystone?").startswith("The Ministry of Justice")


def test_two_names_of_the_question_the_other_way_round_are_another_question(tmp_path: Path) -> None:
    # "Who scored to lead Tampa Bay past St. Louis?" quoted "Oskar Sundqvist and David Perron scored to
    # lead St. Louis past Tampa Bay" at 0.72; "St." ends no name, and "St. Louis" is a place
    text = (
        "NHL roundup\n\n"
        "Oskar Sundqvist and David Perron scored to lead St. Louis past Tampa Bay on Monday.\n\n"
        "Tampa Bay visits Boston next."
    )
    article = build_article(tmp_path, text)
    kinds = dict(article.rows("select name, kind from entities"))
    assert kinds["St. Louis"] == "place"
    assert article.cited("Who scored to lead Tampa Bay past St. Louis?") == ""
    assert article.cited("Who scored to lead St. Louis past Tampa Bay?").startswith("Oskar Sundqvist")


def test_words_the_question_quotes_must_be_written_in_the_sentence(tmp_path: Path) -> None:
    # "Who called Epstein's death "a crisis of public health"?" quoted 'called his death "a crisis of
    # public trust"' at 0.70: what the question quotes is what it asks about
    text = (
        "Epstein guards\n\n"
        'Sen. Ben Sasse called his death "a crisis of public trust" within the prison system.\n\n'
        "The guards were charged on Tuesday."
    )
    article = build_article(tmp_path, text)
    assert article.cited('Who called his death "a crisis of public health"?') == ""
    assert article.cited("Who called his death \u201ca crisis of public trust\u201d?").startswith("Sen. Ben")


def test_a_name_doing_the_other_side_of_the_questions_act_is_another_question(tmp_path: Path) -> None:
    # "How many matches have Spurs lost this season?" quoted "Spurs have won just five matches this season"
    # at 0.91: of one subject, the two sides of an act contradict (the table comes from WordNet)
    assert "lose" in converses()["win"] and "sell" in converses()["buy"]
    text = (
        "Spurs news\n\n"
        "Spurs have won just five matches this season.\n\n"
        "West Ham lost to Spurs in March, and Spurs sold a striker to Leeds."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many matches have Spurs lost this season?") == ""
    assert article.cited("How many matches have Spurs won this season?").startswith("Spurs have won")
    # the other side of the act with another subject answers: West Ham lost, so Spurs won
    assert article.cited("Who did Spurs beat in March?").startswith("West Ham lost to Spurs")


def test_a_sentence_about_another_person_does_not_answer_a_question_about_one(tmp_path: Path) -> None:
    # "How many senior trophies has Pochettino won?" quoted 'Tottenham said: "Jose Mourinho is one of the
    # most accomplished managers, having won 25 senior trophies."' at 0.89
    text = (
        "Spurs news\n\n"
        'Tottenham said: "Jose Mourinho is one of the most accomplished managers, having won 25 senior '
        'trophies."\n\n'
        "Mauricio Pochettino was sacked on Tuesday.\n\n"
        "Jose Mourinho will replace the sacked manager, Tottenham said.\n\n"
        '"He was unlucky with injuries this season," Harry Kane said.'
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many senior trophies has Pochettino won?") == ""
    assert article.cited("How many senior trophies has Mourinho won?").startswith("Tottenham said")
    # another person is what a "who" question asks for
    assert article.cited("Who will replace Pochettino?").startswith("Jose Mourinho will replace")
    # "he" may be the question's person
    assert article.cited("Why was Pochettino unlucky this season?").startswith('"He was unlucky')


def test_a_named_thing_numbered_otherwise_is_another_thing(tmp_path: Path) -> None:
    # "How much do Thunderbolt 2 docks start at?" quoted "Thunderbolt 3 docks start at $199 retail" at 0.48
    text = (
        "MacBook review\n\n"
        "Thunderbolt 3 docks start at $199 retail, and adapters cost $49.\n\n"
        "The laptop has 2 fans and four ports."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How much do Thunderbolt 2 docks start at?") == ""
    assert article.cited("How much do Thunderbolt 3 docks start at?").startswith("Thunderbolt 3 docks")
    assert article.cited("How much do Thunderbolt docks start at?").startswith("Thunderbolt 3 docks")


def test_when_did_they_retire_is_not_answered_by_a_retired_postman(tmp_path: Path) -> None:
    # "When did Peter Aldridge retire as a postman?" quoted "Peter Aldridge, 74, a retired postman from
    # Verwood": the sentence says what he is, not when he retired
    text = (
        "Nightjar count\n\n"
        "Peter Aldridge, 74, a retired postman from Verwood, has taken part in every count since 1992.\n\n"
        "Mary Holt retired from the trust in 2019 after 30 years.\n\n"
        "In August 2019 a carriage derailed near the Oberstafel halt."
    )
    article = build_article(tmp_path, text)
    assert article.cited("When did Peter Aldridge retire as a postman?") == ""
    assert article.cited("When did Mary Holt retire?").startswith("Mary Holt retired")
    # a participle after its noun is the act done
    assert article.cited("When did the carriage derail?").startswith("In August 2019")


def test_a_thing_numbered_by_hyphen_or_in_lower_case_and_otherwise_is_another_thing(tmp_path: Path) -> None:
    # "When did Selene-2 land?" quoted "Selene-3 is due to land near Shackleton crater"; "the route 5 bus"
    # quoted "one bus on route 11"
    text = (
        "Lunar lander and buses\n\n"
        "Selene-3 is due to land near Shackleton crater at the lunar south pole in 2027.\n\n"
        "On the first morning, one bus on route 11 was taken out of service for 40 minutes.\n\n"
        "The airline said that 11 of the missing bags were delivered to the band's hotel within 48 hours, "
        "2 days after the band's flight landed.\n\n"
        "The biggest moment came when the Dundee studio Outer Lantern gifted 5,000 subs."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Where will Selene-2 land?") == ""
    assert article.cited("Where will Selene-3 land?").startswith("Selene-3 is due")
    assert article.cited("how long was the route 5 bus out of service") == ""
    assert article.cited("how long was the route 11 bus out of service").startswith("On the first morning")
    # a number after "within" is a quantity, and a number is the same with or without its comma
    assert article.cited("how many bags got to the hotel within 2 days").startswith("The airline said")
    assert article.cited("who gifted 5000 subs").startswith("The biggest moment")


def test_a_name_whose_words_are_all_anothers_may_be_that_one(tmp_path: Path) -> None:
    # "how many managers have won the champions league twice with two clubs" stopped answering once an
    # English word two names share no longer made them one: "Champions League" is the UEFA Champions League
    text = (
        "Mourinho hired\n\n"
        "He has won the UEFA Champions League twice with two clubs.\n\n"
        "Spurs reached the final of the Champions League in June.\n\n"
        "The Premier League table has Spurs 14th."
    )
    article = build_article(tmp_path, text)
    matcher = article.base._current().matcher
    ids = {e.name: eid for eid, e in matcher.index.entities.items()}
    assert matcher._one_name(ids["Champions League"], ids["UEFA Champions League"])
    assert not matcher._one_name(ids["Premier League"], ids["UEFA Champions League"])


def test_a_decade_the_sentence_does_not_hold_is_another_time(tmp_path: Path) -> None:
    # "Who first described Creutzfeldt-Jakob disease in the 1950s?" quoted "first described ... in the
    # early 1920s" at 0.76
    text = (
        "Prion disease\n\n"
        "Creutzfeldt-Jakob disease was first described by German neurologists in the early 1920s.\n\n"
        "Kuru declined after the practice was abandoned in the late 1950s.\n\n"
        "Carleton Gajdusek described kuru in 1957."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who first described Creutzfeldt-Jakob disease in the 1950s?") == ""
    for when in (" in the 1920s", ""):
        assert article.cited(f"Who first described Creutzfeldt-Jakob disease{when}?").startswith("Creutz")
    # a year of the decade is in it
    assert article.cited("Who described kuru in the 1950s?") == "Carleton Gajdusek described kuru in 1957."


def test_a_title_before_a_name_is_not_the_questions_verb(tmp_path: Path) -> None:
    # "who coaches the gulls" abstained: "Gulls coach Renata Solberg" was read as the Gulls coaching her
    text = (
        "Gulls win\n\n"
        "The Harbor City Gulls beat the Lakeshore Comets 101-96 on Saturday.\n\n"
        "The Gulls have won five straight games.\n\n"
        "Gulls coach Renata Solberg called a timeout and switched to a zone defense.\n\n"
        "Officers arrested Mark Battin on Monday."
    )
    article = build_article(tmp_path, text)
    assert article.cited("who coaches the gulls").startswith("Gulls coach Renata Solberg")
    assert article.cited("Who did Mark Battin arrest?") == ""


def test_a_title_abbreviated_before_a_name_meets_the_title(tmp_path: Path) -> None:
    # "who is the governor" found nothing in "Gov. Elena Marquez declared a state of emergency"
    text = (
        "Wildfire emergency\n\n"
        "Gov. Elena Marquez declared a state of emergency on Wednesday.\n\n"
        "Sen. Ben Sasse called the death a crisis of public trust."
    )
    article = build_article(tmp_path, text)
    assert article.cited("who is the governor").startswith("Gov. Elena Marquez")
    assert article.cited("who is the senator").startswith("Sen. Ben Sasse")


def test_another_word_naming_a_kind_of_the_thing_is_another_thing(tmp_path: Path) -> None:
    # SQuAD 2.0's style: "How long did quiet sleep episodes last?" quoted "Active sleep episodes lasted
    # about 70 seconds" at 0.91, and "variant CJD" the sentence on sporadic CJD; a name is other rules'
    # ("the Halifax explosion")
    text = (
        "Octopus sleep\n\n"
        "Active sleep episodes lasted about 70 seconds on average.\n\n"
        "Of all cases, sporadic CJD accounts for about 85 percent.\n\n"
        "Graham said she once encountered backlash over a drinking campaign.\n\n"
        "The survey found massive deposits of ice near the pole.\n\n"
        "Prices fell when a rapid expansion of coffee planting in Vietnam flooded the market.\n\n"
        "Two trustees, Anna Berg and Tom Hale, voted against the sale of the meadow.\n\n"
        "The school stands on a 12-hectare site beside the river.\n\n"
        "In March 2022, one of the probe's four ion engines shut down after a voltage fault.\n\n"
        "The oldest is a seven-year-old female weighing 41 kilograms.\n\n"
        "The Magdeburg plant will have an initial annual production capacity of 1.2 gigawatt-hours.\n\n"
        "About 14,000 people walked the path out to the point last year.\n\n"
        "Owners of homes left empty for over two years will pay a premium of 200 per cent.\n\n"
        "A 19-year-old participant in the earlier study died of liver failure.\n\n"
        "The peak year was 1847, when the canal company's income reached £61,000.\n\n"
        "Tickets for strike days can be used on the day before or up to two days after.\n\n"
        '"This council has a spending problem, not a funding problem," Cllr Fairclough said.\n\n'
        "About 2.4 million viewers watched the final on BBC One.\n\n"
        "The bakery spent £18,500 on a second deck oven."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How long did quiet sleep episodes last on average?") == ""
    # "people", "anyone" name nobody in particular: "people watched" of "2.4 million viewers"
    assert article.cited("How many people watched the final on TV?").startswith("About 2.4 million")
    # "real", "actual", "exact" name no kind of the thing: "the council's real problem"
    assert article.cited("What does Fairclough think the council's real problem is?").startswith('"This')
    assert article.cited("What share of cases does variant CJD account for?") == ""
    assert article.cited("How long did active sleep episodes last?").startswith("Active sleep")
    assert article.cited("How long did sleep episodes last?").startswith("Active sleep")
    # a verb names no kind of what follows it; a word near in meaning may name the same kind
    assert article.cited("what campaign did graham get backlash for").startswith("Graham said")
    assert article.cited("Where did the survey find huge deposits of ice?").startswith("The survey found")
    # whose it is, asked: "which country's expansion" is no kind of expansion
    assert article.cited("Which country's expansion of coffee planting flooded prices?").startswith("Prices")
    # a number names no kind of the thing ("two trustees", "a 12-hectare site"); a place in a row may
    assert article.cited("Which board trustees voted against the sale?").startswith("Two trustees")
    assert article.cited("How big is the school site?").startswith("The school stands")
    assert article.cited("When did a second ion engine fail?") == ""
    assert article.cited("When did an ion engine shut down?").startswith("In March 2022")
    # a subject and the verb ending the question, or a word in the possessive, name no kind of the thing
    assert article.cited("How much does the oldest wolf weigh?").startswith("The oldest is")
    assert article.cited("What will the factory's annual production capacity be?").startswith("The Magdeburg")
    # "last year" after a word says when; the end of a hyphenated compound is no modifier alone
    assert article.cited("How many people visited the lighthouse last year?").startswith("About 14,000")
    assert article.cited("What will owners of long-term empty homes pay?").startswith("Owners of homes")
    assert article.cited("What did the trial participant die of?").startswith("A 19-year-old")
    # a comparative or superlative grades the thing, and "another" picks none out: no kind of it
    assert article.cited("What was the canal company's best year?").startswith("The peak year")
    assert article.cited("can i use my ticket on another day").startswith("Tickets for strike days")
    # "new" is how chat speaks of the thing the story is about, whatever the article calls it
    assert article.cited("how much was the new oven").startswith("The bakery spent")


def test_a_sentence_about_another_country_does_not_answer_for_the_questions(tmp_path: Path) -> None:
    # SQuAD 2.0's style: "How many French soldiers died of disease?" quoted the sentence on British deaths
    text = (
        "The Crimean War\n\n"
        "Of roughly 21,000 British deaths in the war, about 16,000 soldiers died of disease.\n\n"
        "France sent more troops than any other ally.\n\n"
        "Disease killed more soldiers than battle did in every army."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many French soldiers died of disease?") == ""
    assert article.cited("How many British soldiers died of disease?").startswith("Of roughly 21,000")


def test_an_attribute_asked_is_an_attribute_the_sentence_names(tmp_path: Path) -> None:
    # SQuAD 2.0's style: "What dose of veltorasib did patients take?" quoted the side effects of it at 0.8
    text = (
        "Lung cancer pill trial\n\n"
        "Serious side effects occurred in 19 per cent of patients taking veltorasib, and 6 per cent stopped "
        "taking it because of them.\n\n"
        "Among the participants was retired teacher Margaret Oduya, 72, from Leicester.\n\n"
        "The Halcyon probe was launched in 2019 and reached the Moon in 2024.\n\n"
        "The ferry was travelling at 11 knots as it entered the harbour.\n\n"
        "Players on Chromecast get the game at 30fps with 4K output.\n\n"
        "The pool will be kept at 25C from May."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Which rocket launched the Halcyon probe?") == ""
    assert article.cited("What dose of veltorasib did patients take?") == ""
    assert article.cited("What subject did Margaret Oduya teach?") == ""
    # after "what is the": "the average age" is no age of one participant
    assert article.cited("What is the average age of the participants?") == ""
    assert article.cited("How old is Margaret Oduya?").startswith("Among the participants")
    # a speed, a temperature or a resolution may be stated by its unit alone
    assert article.cited("What speed was the ferry doing in the harbour?").startswith("The ferry was")
    assert article.cited("What resolution do Chromecast players get?").startswith("Players on Chromecast")
    assert article.cited("What is the temperature of the pool?").startswith("The pool will")
    # "names" asked is a form word the reading keeps no term of, yet the sentence must give them
    assert article.cited("What are the names of the other participants?") == ""
    # the question's word, or a word like it, answers
    assert article.cited("What side effects did patients on veltorasib have?").startswith("Serious side")


def test_a_country_named_only_as_the_measure_of_another_is_not_the_one_counted(tmp_path: Path) -> None:
    # "How many active volcanoes does Indonesia have?" quoted "Chile has about 90 active volcanoes, the
    # second-largest number in the world after Indonesia" at 0.93
    text = (
        "Volcano warning\n\n"
        "Chile has about 90 active volcanoes, the second-largest number in the world after Indonesia.\n\n"
        "Indonesia lies on the Pacific Ring of Fire."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many active volcanoes does Indonesia have?") == ""
    assert article.cited("How many active volcanoes does Chile have?").startswith("Chile has about 90")


def test_how_many_of_a_thing_the_base_never_names_is_not_answered(tmp_path: Path) -> None:
    # "How many doctors did Labor promise to hire?" quoted "Labor promised to hire 300 additional nurses"
    text = (
        "Labor wins\n\n"
        "Labor promised to hire 300 additional nurses over four years.\n\n"
        "About 2,000 supporters attended the rally in Hobart."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many doctors did Labor promise to hire?") == ""
    assert article.cited("How many nurses did Labor promise to hire?").startswith("Labor promised")
    # people are what an article counts under many words
    assert article.cited("How many people did Labor promise to hire?").startswith("Labor promised")


def test_a_verb_saying_of_its_object_what_it_says_of_its_subject_is_no_role_swap(tmp_path: Path) -> None:
    # "When did Operation Night Watch begin?" abstained on "the museum began Operation Night Watch": the
    # name after the verb was read as the other role (WordNet's frames: "Something begins", "Somebody
    # begins something")
    text = (
        "Night Watch\n\n"
        "In July 2019 the museum began Operation Night Watch, a public restoration project.\n\n"
        "Officers arrested Mark Battin on Monday."
    )
    article = build_article(tmp_path, text)
    assert article.cited("When did Operation Night Watch begin?").startswith("In July 2019")
    assert article.cited("When did Mark Battin arrest?") == ""


def test_a_pronoun_after_another_persons_name_is_that_persons(tmp_path: Path) -> None:
    # "how many goals did Okafor score" quoted "Pelletier tied it again..., his 12th goal": the "his" was
    # taken for Okafor's, and the sentence for one about him
    text = (
        "Gulls win\n\n"
        "Danny Okafor opened the scoring for the Gulls in the first period.\n\n"
        "Jean Pelletier tied it again in the third period, his 12th goal of the season."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many goals has Danny Okafor scored this season?") == ""
    assert article.cited("How many goals has Jean Pelletier scored this season?").startswith("Jean Pelletier")


def test_a_negation_typed_without_its_apostrophe_is_a_negation(tmp_path: Path) -> None:
    # "where couldnt the radar reach" abstained ("couldn't" answered): the sentence's "could not" was
    # read as denying a question that asked with no negation
    text = (
        "Glacier survey\n\n"
        "The radar could not reach the bed of the glacier at about 6 percent of the survey points.\n\n"
        "The team flew over the glacier twice in 2023."
    )
    article = build_article(tmp_path, text)
    for question in ("where couldn't the radar reach", "where couldnt the radar reach"):
        assert article.cited(question).startswith("The radar could not reach"), question


TRUST = (
    "Island trust marks seventy years\n\n"
    "The Carrow Trust was founded in 1952 by the engineer Agnes Hartley, who had moved to the island "
    "from Glasgow.\n\n"
    "Hartley ran the trust from an office in London for twenty years and was later made a dame. "
    "She is buried at Kilbride in the south of the island.\n\n"
    "The trust laid the first power cable across the sound in 1961.\n\n"
    "Visitors can see the old cable house at the harbour."
)


@pytest.fixture
def trust(tmp_path: Path) -> ArticleBase:
    return build_article(tmp_path, TRUST)


def test_a_verb_that_is_also_another_verbs_past_meets_its_own_forms(trust: ArticleBase) -> None:
    # "found" is read as "find" by its lemma; asked as the verb of "founded", it meets "founded" too
    assert trust.cited("What did Agnes Hartley found?").startswith("The Carrow Trust was founded in 1952")


def test_a_name_after_at_is_a_place_that_answers_where(trust: ArticleBase) -> None:
    # "Kilbride" is in no gazetteer; "buried at Kilbride" says it is where she lies
    assert trust.cited("where was hartley buried") == "She is buried at Kilbride in the south of the island."


CHOIR = (
    "Choir tours again\n\n"
    "The Lantern Singers sang at the premiere in Denver.\n\n"
    "The four-time Grammy winning choir will tour next year.\n\n"
    "Founding members Ana Ruiz and Tom Beck will reunite for a North American tour in May."
)


def test_a_name_before_a_participle_is_no_one_acting(tmp_path: Path) -> None:
    # "Grammy winning" had read as the Grammy winning in place of the choir: the bot abstained
    article = build_article(tmp_path, CHOIR)
    assert article.cited("how many grammys have the Lantern Singers won").startswith("The four-time Grammy")


def test_a_demonym_before_the_questions_word_is_no_one_acting(tmp_path: Path) -> None:
    # "North American tour" says where the tour goes, not who tours in place of the choir
    article = build_article(tmp_path, CHOIR)
    assert article.cited("Which founding members are reuniting for the Lantern Singers tour?").startswith(
        "Founding members Ana Ruiz"
    )


def test_he_doing_the_other_side_of_the_questions_act_is_another_question(tmp_path: Path) -> None:
    # "did Lewis sell" of "He bought": "he" is Lewis, and he did the other side of the act
    text = (
        "Expedition supplies\n\n"
        "Meriwether Lewis spent the spring of 1803 in Philadelphia. "
        "He bought about 200 kilograms of gifts for the tribes.\n\n"
        "Lewis also hired boatmen in St. Louis."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many kilograms of gifts did Lewis buy for the tribes?").startswith("He bought")
    assert article.cited("How many kilograms of gifts did Lewis sell to the tribes?") == ""


def test_another_person_doing_the_questions_act_answers_another_question(tmp_path: Path) -> None:
    text = (
        "Expedition leaders\n\n"
        "The expedition was led by Meriwether Lewis and William Clark, a former army officer whom Lewis "
        "chose as co-commander.\n\n"
        "Clark drew most of the expedition's maps.\n\n"
        "Lewis alleged that Clark met Jefferson in secret in May 1803."
    )
    article = build_article(tmp_path, text)
    # an adverb after the name is no act of the name's: "allegedly" is not what Lewis "alleged"
    assert article.cited("When did Clark allegedly meet Jefferson?").startswith("Lewis alleged")
    assert article.cited("Whom did Lewis choose as co-commander?").startswith("The expedition was led")
    assert article.cited("Whom did Clark choose as co-commander?") == ""
    # the one acting asked for: the other person is the answer
    assert article.cited("Who was Clark chosen as co-commander by?").startswith("The expedition was led")


def test_a_word_of_a_name_written_as_an_everyday_word_is_not_the_name(tmp_path: Path) -> None:
    # "engines" after "produces" had been read as Austro Engine, the object of its own act
    text = (
        "Rotary engines today\n\n"
        "The British company UAV Engines Ltd built rotary engines for drones, and Austro Engine in "
        "Wiener Neustadt produces Wankel engines for powered gliders.\n\n"
        "Mazda stopped making rotary cars in 2012."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What does Austro Engine produce?").startswith("The British company UAV Engines")



def test_a_sentence_lacking_a_questions_name_and_naming_another_is_not_the_answer(tmp_path: Path) -> None:
    # "Which colony in Finnmark has failed in most years?" quoted the Nordland sentence at 0.86: Finnmark
    # is named elsewhere in the story, so no rule on names the base never mentions could see the swap
    text = (
        "Lake Ellis survey\n\n"
        "Lake Ellis is the largest lake in Wexford, and Marta Quinn has studied it since 1990.\n\n"
        "The first survey boat reached Rost in 1643, and Kari Solheim counted 400 puffins there.\n\n"
        "The team also counted birds at Hornoya in Finnmark, where numbers were stable.\n\n"
        "The survey team reached Vardo in June. Nordic Marine rebuilt the harbour there in 1998.\n\n"
        "Fed by the River Dunn from the north, it reaches 40 metres at its deepest point.\n\n"
        'The band played "Long Train Running" at the harbour festival.\n\n'
        "The survey team, led by Kari Solheim, first mapped Lake Ngami and its shores in 1849.\n\n"
        "Hunters also camped at Lake Xau to the south.\n\n"
        "The last Russian troops left Estonia in 1994. Latvia was freed the same year.\n\n"
        "The envoy flew to Kyiv on Monday.\n\n"
        "Officials said Ukraine would be invited to join the alliance next year."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many puffins did Kari Solheim count at Hornoya?") == ""
    # a word of the name that another's has is no mention of it; two countries are never one
    assert article.cited("When was Lake Xau first mapped?") == ""
    assert article.cited("When was Lake Ngami first mapped?").startswith("The survey team")
    assert article.cited("When did the last Russian troops leave Latvia?") == ""
    assert article.cited("When did the last Russian troops leave Estonia?").startswith("The last Russian")
    # a capital stands for its country
    assert article.cited("When will Kyiv be invited to join the alliance?").startswith("Officials said")
    assert "400 puffins" in article.cited("How many puffins did Kari Solheim count at Rost?")
    # not swaps: the name the paragraph gave before ("there" is Vardo), what the story is about ("it"),
    # and an everyday word in lower case that is also a name ("Long Train Running")
    assert article.cited("Who rebuilt the harbour at Vardo?").startswith("Nordic Marine")
    assert article.cited("which river feeds lake ellis").startswith("Fed by")
    # the answer gate holds this one below its threshold; what is pinned is that no swap is seen in it
    matcher = article.base._current().matcher
    query = matcher.analyse("who was running the harbour rebuild")
    first = matcher.rank(query)[0].sentences[0]
    assert matcher.index.sentences[first].text.startswith("Nordic Marine")
    assert not matcher.swapped(query, first)


def test_a_sentence_that_never_says_the_relative_asked_about_is_not_the_answer(tmp_path: Path) -> None:
    # "Where did Vermeer's wife spend her entire life?" quoted "He spent his entire life in Delft" at 0.77
    text = (
        "Vermeer\n\n"
        "Johannes Vermeer spent his entire life in Delft.\n\n"
        "His wife, Catharina Bolnes, was born in Gouda."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Where did Vermeer's wife spend her entire life?") == ""
    assert article.cited("Where did Vermeer spend his entire life?").startswith("Johannes Vermeer")
    assert article.cited("Where was Vermeer's wife born?").startswith("His wife")
    # with a word of age or order between ("How old is Fatuma's eldest child?" of "a mother of five")
    assert _relative_missing("How old is Vermeer's eldest son?", "Vermeer, 34, had eleven children.")
    assert not _relative_missing("How old is Vermeer's eldest son?", "His eldest son was 20.")


def test_a_sentence_saying_another_season_direction_or_period_than_the_question_is_not_the_answer(
    tmp_path: Path,
) -> None:
    # "How many people visit each winter?" quoted "... each summer" at 0.67; "Which river flows northeast
    # past Irkutsk?" quoted "flows northwest" at 0.82
    text = (
        "Lake Baikal\n\n"
        "About 50,000 people visit the museum each summer.\n\n"
        "Only one river leaves the lake: the Angara, which flows northwest past Irkutsk.\n\n"
        "The ferry costs 40 roubles per day, and Eastern Siberia Tours runs it.\n\n"
        "The ice took 18 months to form."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many people visit the museum each winter?") == ""
    assert article.cited("How many people visit the museum each summer?").startswith("About 50,000")
    assert article.cited("Which river flows northeast past Irkutsk?") == ""
    assert article.cited("which river flows northwest past irkutsk").startswith("Only one river")
    assert article.cited("How much does the ferry cost per week?") == ""
    assert article.cited("How much does the ferry cost per day?").startswith("The ferry")
    # a unit of time that is no period may be said in another; a compass word in a name is the name's
    assert not _swapped_alternative("How many years did the ice take to form?", "The ice took 18 months.")
    assert not _swapped_alternative("When did Northern Illinois lose?", "Eastern Michigan won on Saturday.")
    # "eastern Scotland" is "the east coast of Scotland" (a tester's), though "north-east England" follows
    east = "Stocks off the east coast of Scotland and north-east England fell by 54 per cent."
    assert not _swapped_alternative("By how much did stocks off eastern Scotland fall?", east)
    assert _swapped_alternative("By how much did stocks off western Scotland fall?", east)
    assert _swapped_alternative("Which is its northernmost point?", "It is the southernmost point.")
    assert _swapped_alternative("How many more seeds did they set?", "They set 13 percent fewer seeds.")
    assert not _swapped_alternative("How many more seeds did they set?", "They set 13 percent more seeds.")
    assert _swapped_alternative("How much higher were numbers under LEDs?", "Numbers were 33 percent lower.")
    # currencies, in lower case, or by their signs; one of two asked may be missing ("the zloty against
    # the dollar" of "the zloty against the euro")
    zloty, cost = "The zloty fell against the euro.", "It cost 42 billion yen ($280 million)."
    assert _swapped_alternative("How much did the zloty fall against the dollar?", zloty)
    assert not _swapped_alternative("How much did the zloty fall against the euro?", zloty)
    assert _swapped_alternative("How much did it cost in euros?", cost)
    assert not _swapped_alternative("How much did it cost in dollars?", cost)
    assert not _swapped_alternative("How much did Euro 2020 tickets cost?", "Tickets cost 50 dollars.")
    # "yearly" and "annual" say the same ("whats their yearly budget" of "the team's annual budget")
    assert not _swapped_alternative("What is their yearly budget?", "The team's annual budget is €900,000.")
    assert _swapped_alternative("What is their monthly budget?", "The team's annual budget is €900,000.")


def test_a_year_the_article_gives_to_something_else_is_not_the_sentences(tmp_path: Path) -> None:
    # "How many people needed food aid in 2011?" quoted this year's figure: the article's 2011 was
    # another crisis; the article's latest year is its present, which sentences seldom repeat
    text = (
        "Valley flood\n\n"
        "Heavy rain has left about 40,000 people in the valley without clean water, officials said.\n\n"
        "The valley suffered a similar flood in 1998, when the river burst its banks at Elm Ford.\n\n"
        "The council will spend 2 million pounds on new flood walls in 2025.\n\n"
        "The army has sent 12 water tankers."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many people were left without clean water in 1998?") == ""
    assert article.cited("How many people were left without clean water?").startswith("Heavy rain")
    assert article.cited("When did the river burst its banks at Elm Ford?").startswith("The valley suffered")
    assert article.cited("How many water tankers has the army sent in 2025?").startswith("The army")


def test_the_one_who_does_and_the_doing_meet(tmp_path: Path) -> None:
    # "Who won the Harry Sunderland Trophy?" abstained on "Dreyer was named the winner of the Harry
    # Sunderland Trophy"; "Who was NIU's leading rusher?" on "Tre Harbison rushed for 112 yards"
    text = (
        "Gulls beat Hawks\n\n"
        "Sam Oduya was named the winner of the Carter Medal as man of the match.\n\n"
        "Tom Reyes rushed for 112 yards on 30 carries for the Hawks.\n\n"
        "Fans stood under the shower of rain at the stadium."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who won the Carter Medal?").startswith("Sam Oduya")
    assert article.cited("Who was the Hawks' leading rusher?").startswith("Tom Reyes")
    # not a word the vectors find unlike: "show" is no doer of a "shower"
    assert not Matcher._agent_kin(article.base._current().matcher, "show")


def test_a_yes_no_question_is_answered_by_the_opposite_of_its_word(tmp_path: Path) -> None:
    # "is the briggate shop closing" abstained on "The flagship shop on Briggate ... is not affected ...
    # stays open": the opposite answers "no"; a question asking "which" still meets another question.
    # (The headline says nothing of closing: "Shop closures" would answer "closing" as closely, through
    # the learned "closing" -> "closures", and leave the bot unsure which of the two answers.)
    text = (
        "Bookshop chain cuts costs\n\n"
        "The chain's flagship shop on Briggate will stay open, the company said.\n\n"
        "Its smallest store, in Otley, sold 40 books a day."
    )
    article = build_article(tmp_path, text)
    assert article.cited("is the briggate shop closing").startswith("The chain's flagship")
    assert article.cited("Which shop will close?") == ""
    assert article.cited("How many books a day did its largest store sell?") == ""


def test_above_before_a_name_says_where_and_is_no_opposite_of_below(tmp_path: Path) -> None:
    # "How far below normal was the snow depth?" abstained on "at the station above Davos ... 25% less
    # than normal": "above Davos" is a place, not the opposite of "below normal"
    text = (
        "Snow survey\n\n"
        "Snow depth at the research station above Davos peaked at 1.9 metres, about 25% less than normal.\n\n"
        "Rainfall was 30% above normal in the lowlands."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How far below normal was the snow depth?").startswith("Snow depth")
    assert article.cited("How far below normal was the rainfall in the lowlands?") == ""


def test_an_age_written_with_old_is_no_opposite_of_young(tmp_path: Path) -> None:
    # "How long did the young godwit spend in the air?" abstained on "The bird, a five-month-old male,
    # spent 11 days in the air": "old" was read as the opposite of "young"
    text = (
        "Godwit record\n\n"
        "The bird, a five-month-old male, spent 11 days and one hour in the air.\n\n"
        "The old tracker weighed 9 grams."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How long did the young godwit spend in the air?").startswith("The bird")
    assert article.cited("How much did the new tracker weigh?") == ""


def test_a_title_does_not_say_when_someone_took_the_post(tmp_path: Path) -> None:
    # "When did Helena Varga become md?" quoted "Novara's UK managing director, Helena Varga, said on
    # Tuesday ...": the sentence titles her, it never says when she took the post
    text = (
        "Novara cuts jobs\n\n"
        "Novara's UK managing director, Helena Varga, said on Tuesday 11 February that 200 jobs would go.\n\n"
        "Chief executive Daniel Okafor, who joined the company in 2019, praised the staff."
    )
    article = build_article(tmp_path, text)
    assert article.cited("When did Helena Varga become managing director?") == ""
    assert article.cited("How long has Helena Varga been managing director?") == ""
    assert article.cited("When did Daniel Okafor become chief executive?").startswith("Chief executive")
    assert article.cited("What did Helena Varga say on Tuesday?").startswith("Novara's UK")


def test_a_sentence_that_says_none_of_the_words_of_the_form_asked_does_not_answer(tmp_path: Path) -> None:
    # "When was PG&E founded?" quoted "PG&E initiated four rounds of planned outages"; "What did Tom
    # Petherick do before he became a lifeguard?" quoted "Senior lifeguard Tom Petherick said ..."
    text = (
        "Lido stays shut\n\n"
        "Senior lifeguard Tom Petherick, 24, said most people had been understanding.\n\n"
        "Chief executive Priya Ramaswamy co-founded the company after a decade at Microsoft.\n\n"
        "PG&E initiated four rounds of planned outages in October.\n\n"
        "Playhouse was founded in 1962 by Harold Bennett."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What did Tom Petherick do before he became a lifeguard?") == ""
    assert article.cited("When was PG&E founded?") == ""
    assert article.cited("When was Playhouse founded?").startswith("Playhouse was founded")
    assert article.cited("where did Priya Ramaswamy work before").startswith("Chief executive Priya")


def test_who_owns_it_and_how_many_live_there_need_words_that_say_so(tmp_path: Path) -> None:
    # "Who owned the stolen Vauxhall Astra?" quoted "A dark grey Vauxhall Astra reported stolen from a
    # driveway ... was found burnt out";
    # "How many people live in Grangetown?" quoted "In Grangetown, one in five working adults is employed"
    text = (
        "Cathedral repairs\n\n"
        "A dark grey Vauxhall Astra reported stolen from a driveway in Geddington on Monday evening "
        "was found burnt out in a lay-by.\n\n"
        "In Grangetown, one in five working adults is employed at the plant.\n\n"
        "The Kestrel Hotel is owned by the Marsh family.\n\n"
        "Hallerton has a population of about 14,000."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who owned the stolen Vauxhall Astra?") == ""
    assert article.cited("How many people live in Grangetown?") == ""
    assert article.cited("Who owns the Kestrel Hotel?").startswith("The Kestrel Hotel")
    assert article.cited("What is the population of Hallerton?").startswith("Hallerton")


def test_who_won_where_they_studied_and_when_they_left_need_words_that_say_so(tmp_path: Path) -> None:
    # "Who won the last match between Lincolnshire and Norfolk?" quoted the sentence scheduling it; "Where
    # did Mikael Haarala study chemistry?" the one calling him a chemist; "When did Dave Goulson leave the
    # trust?" the one saying he helped to found it
    text = (
        "Derby day\n\n"
        "Lincolnshire's last county match at Westgate Park is scheduled for 14 September against Norfolk.\n\n"
        "Kalvik was founded in 2021 by Chief Technology Officer Mikael Haarala, 39, a Finnish chemist.\n\n"
        "Professor Dave Goulson, who helped to found the trust in 2006, said the plan was sound.\n\n"
        "Norfolk beat Lincolnshire by six wickets in the final in June.\n\n"
        "Dr Anna Berg studied marine biology at the University of Aberdeen.\n\n"
        "Mr Lowe retired from the trust in 2019."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who won the last match between Lincolnshire and Norfolk?") == ""
    assert article.cited("Where did Mikael Haarala study chemistry?") == ""
    assert article.cited("When did Dave Goulson leave the trust?") == ""
    assert article.cited("Who won the final in June?").startswith("Norfolk beat")
    assert article.cited("Where did Anna Berg study?").startswith("Dr Anna Berg")
    assert article.cited("When did Mr Lowe retire?").startswith("Mr Lowe retired")


def test_who_held_it_before_needs_a_sentence_that_says_a_predecessor(tmp_path: Path) -> None:
    # "who was ceo before feld" quoted "The company's chief executive, Marcus Feld, told investors..."
    text = (
        "Streaming prices\n\n"
        "The company's chief executive, Marcus Feld, told investors that subscriptions would rise.\n\n"
        "The club's manager, Craig Donnelly, was appointed after the sacking of Paul Hendry.\n\n"
        "The service has 4 million subscribers."
    )
    article = build_article(tmp_path, text)
    assert article.cited("who was ceo before feld") == ""
    assert article.cited("who was the manager before Donnelly").startswith("The club's manager")
    assert article.cited("who is the ceo").startswith("The company's chief executive")


def test_a_reply_or_a_refusal_asked_needs_a_sentence_that_says_one(tmp_path: Path) -> None:
    # "What did the health secretary say in reply to Rachel Dunmore?" quoted "Rachel Dunmore ... said she
    # had written to the health secretary"; "Why did Dorset Council refuse to sell the land?" quoted "Dorset
    # Council ... had agreed to sell the land"
    text = (
        "Hospital and land\n\n"
        "The local MP, Rachel Dunmore, said she had written to the health secretary asking for a review.\n\n"
        "Dorset Council, which owns the site, had agreed to sell the land to Harcombe Homes.\n\n"
        "The planning committee refused the application in March, saying the homes were too tall.\n\n"
        "From April, household bins will be emptied every two weeks."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What did the health secretary say in reply to Rachel Dunmore?") == ""
    assert article.cited("Has the health secretary replied to the MP?") == ""
    assert article.cited("Why did Dorset Council refuse to sell the land?") == ""
    assert article.cited("why did the committee refuse the application").startswith("The planning committee")
    assert article.cited("how often will refuse bins be emptied").startswith("From April")


def test_a_death_asked_of_needs_a_sentence_that_says_one(tmp_path: Path) -> None:
    # "How many people died in the 2019 flood?" quoted the flood's "forced 400 people from their homes"
    text = (
        "Flood defences\n\n"
        "The 2019 flood forced 400 people from their homes in Ashby.\n\n"
        "Sergeant Daniel Farrow was the custody officer at Perry Barr police station on the night Kieran "
        "Mallett was held there.\n\n"
        "Two walkers drowned in the river in 2021."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many people died in the 2019 flood?") == ""
    assert article.cited("How many walkers died in the river?").startswith("Two walkers drowned")
    # a death that only tells the time asked about is not asked of
    assert article.cited("Which station was Farrow at when Kieran Mallett died?").startswith("Sergeant")


def test_what_someone_said_is_not_what_another_person_said(tmp_path: Path) -> None:
    # "What did Lars Kjeldsen say about long-term safety data?" quoted Peter Ingram's words
    text = (
        "Cream trial\n\n"
        "Dr Lars Kjeldsen, who led the trial at Aarhus University, said the cream cleared the rash in 60% "
        "of patients.\n\n"
        "Professor Peter Ingram, who was not involved in the trial, urged caution.\n\n"
        '"We need data over five or ten years before we can be confident about long-term safety," '
        "he said.\n\n"
        "The cream will cost £40 a tube."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What did Lars Kjeldsen say about long-term safety data?") == ""
    assert article.cited("What did Peter Ingram say about long-term safety data?").startswith('"We need')
    assert article.cited("What did Kjeldsen say about the rash?").startswith("Dr Lars Kjeldsen")


def test_who_will_replace_them_and_who_voted_against_need_sentences_that_say_so(tmp_path: Path) -> None:
    # "Who will replace Nathan Price as captain?" quoted "Hawks captain Nathan Price confirmed he would
    # retire"; "Which councillors voted against the plans?" quoted the committee's seven votes to four
    text = (
        "Hawks and the ring road\n\n"
        "Hawks captain Nathan Price, 34, confirmed after the match that he would retire.\n\n"
        "Councillors on the transport committee voted seven to four in favour of the ring road plans.\n\n"
        "Councillor Jean Harker, who represents the Wellfield ward, voted against the plans."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who will replace Nathan Price as captain?") == ""
    assert article.cited("Which councillors voted against the plans?").startswith("Councillor Jean Harker")
    assert article.cited("Which councillors voted in favour of the ring road plans?") == ""


def test_how_long_has_it_been_needs_a_span_or_a_start(tmp_path: Path) -> None:
    # "How long has Desmond Harlow run his hardware shop?" quoted "Desmond Harlow, who runs a hardware shop
    # on Bridge Street, said the roadworks would begin in April"
    text = (
        "High street\n\n"
        "Traders' chairman Desmond Harlow, who runs a hardware shop on Bridge Street, said the roadworks "
        "would begin in April.\n\n"
        "The couple opened the bakery on Mill Lane in March 2014 with £15,000 of savings.\n\n"
        "The market has run on Thursdays for 600 years."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How long has Desmond Harlow run his hardware shop?") == ""
    assert article.cited("how long has the bakery on mill lane been open").startswith("The couple opened")
    assert article.cited("How long has the market run on Thursdays?").startswith("The market")


def test_is_there_a_thing_needs_a_sentence_that_says_the_thing(tmp_path: Path) -> None:
    # "is there a veggie option" quoted "Among the options is moving the race to the last Sunday of October"
    text = (
        "Food festival\n\n"
        "Among the options is moving the festival to the last Sunday of October.\n\n"
        "The festival will have a bar run by the Three Tuns brewery.\n\n"
        "Organisers said they would hold a second festival in Cardiff next year.\n\n"
        "The headline band will tour Japan in the spring."
    )
    article = build_article(tmp_path, text)
    assert article.cited("is there a veggie option") == ""
    assert article.cited("is there a bar at the festival").startswith("The festival will have a bar")
    # "another" asks of the thing after it
    assert article.cited("is there gonna be another festival in cardiff").startswith("Organisers said")
    assert article.cited("is there gonna be another beer tent next year") == ""
    assert article.cited("is there gonna be another tour").startswith("The headline band")


def test_a_phone_number_asked_needs_a_number_to_call(tmp_path: Path) -> None:
    # "whats the hotline phone number" quoted "call a hotline open from 8 a.m. to 10 p.m."
    text = (
        "Smartwatch recall\n\n"
        "Owners can check the serial number on the recall page or call a hotline open from 8 a.m. "
        "to 10 p.m.\n\n"
        "The company's helpline for the older model is 0800 048 7720.\n\n"
        "Anyone with information is asked to call police on 101."
    )
    article = build_article(tmp_path, text)
    assert article.cited("whats the hotline phone number") == ""
    assert article.cited("whats the helpline number for the older model").startswith("The company's helpline")
    assert article.cited("What number should I call if I have information?").startswith("Anyone with")


def test_a_profit_asked_needs_a_profit_or_a_loss(tmp_path: Path) -> None:
    # "What was Hartwell's profit last year?" quoted "Its revenue was £2.9 billion last year"
    text = (
        "Builders' merchant sold\n\n"
        "Hartwell, which has 702 branches, was bought by Calder Ridge Capital on Monday.\n\n"
        "Its revenue was £2.9 billion last year."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What was Hartwell's profit last year?") == ""
    assert article.cited("What was Hartwell's revenue last year?").startswith("Its revenue")


def test_what_someone_earns_needs_a_sum_paid_or_earned(tmp_path: Path) -> None:
    # "How much do Northline train drivers earn?" quoted the operator's sentence on what it spent
    text = (
        "Rail strike\n\n"
        "Northline Rail, which spent £42 million on new trains last year, has 2,100 drivers.\n\n"
        "Its conductors are paid £38,000 a year, the union said."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How much do Northline train drivers earn?") == ""
    assert article.cited("How much do Northline conductors earn?").startswith("Its conductors")


def test_a_revenue_asked_needs_a_revenue_or_sales(tmp_path: Path) -> None:
    # "What was Greenway's turnover last year?" quoted the sum the chain was bought for
    text = (
        "Chain sold\n\n"
        "Greenway, which has 210 shops, was bought by Calder Ridge Capital for £410 million last year.\n\n"
        "Its rival Crestline took £2.9 billion in sales last year."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What was Greenway's turnover last year?") == ""
    assert article.cited("What was Crestline's turnover last year?").startswith("Its rival Crestline")


def test_who_came_second_needs_a_sentence_that_says_a_placing(tmp_path: Path) -> None:
    # "who came second" quoted "Its owners later opened a second location in Pasadena" and "who got third"
    # "It was Wojcik's third win in the event"
    text = (
        "Taco awards\n\n"
        "La Chispa won the award for the best taqueria in the state on Sunday.\n\n"
        "Its owners later opened a second location in Pasadena.\n\n"
        "It was the family's third win in the event.\n\n"
        "El Guero came second in the salsa category, and Comal Norte finished third.\n\n"
        "The second busiest stall, Tacos Lupe, served 900 customers."
    )
    article = build_article(tmp_path, text)
    assert article.cited("who came second in the salsa category").startswith("El Guero came second")
    assert article.cited("who came third").startswith("El Guero came second")
    assert article.cited("who came second in the taqueria award") == ""
    # "the second busiest" is no placing
    assert article.cited("Which stall was the second busiest?").startswith("The second busiest")


def test_what_colour_and_who_pays_need_words_that_say_so(tmp_path: Path) -> None:
    # "What colour was the second flower spike?" quoted "They found a second flower spike about 3 metres
    # from the first"; "Who is paying for the knee replacement trial?" the sentence on the trial's size
    text = (
        "Orchid find\n\n"
        "They found a second flower spike about 3 metres from the first.\n\n"
        "The research team is now running a second trial of 460 patients testing a knee replacement.\n\n"
        "The first spike was pale pink.\n\n"
        "The first trial was paid for by the Wellcome Trust."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What colour was the second flower spike?") == ""
    assert article.cited("Who is paying for the knee replacement trial?") == ""
    assert article.cited("What colour was the first spike?") == "The first spike was pale pink."
    assert article.cited("Who paid for the first trial?").startswith("The first trial was paid for")


def test_a_count_asked_of_one_place_is_not_the_total_of_the_places_listed(tmp_path: Path) -> None:
    # "How many memory clinics were in Denmark?" quoted "recruited from 48 memory clinics ... in Sweden,
    # Denmark and the Netherlands": the 48 are the three countries' together
    text = (
        "Memory trial\n\n"
        "Patients were recruited from 48 memory clinics in Sweden, Denmark and the Netherlands.\n\n"
        "The follow-up study ran at 30 clinics in Norway and 12 in Finland."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many memory clinics were in Denmark?") == ""
    assert article.cited("How many memory clinics took part?").startswith("Patients were recruited")
    assert article.cited("How many clinics in Norway ran the follow-up study?").startswith("The follow-up")
    # the place named before the question ends ("in Denmark take part in the trial": the first name, not
    # the last "in"); a question asking of all the places listed asks for their total
    assert article.cited("How many memory clinics in Denmark took part in the trial?") == ""
    all_three = "How many memory clinics in Sweden, Denmark and the Netherlands took part?"
    assert article.cited(all_three).startswith("Patients were recruited")
    # a sum asked of one place is a part too: "How much does the plan cost in Ireland?"
    assert _counts_asked("How much does the basic plan cost in Ireland?") == ("Ireland", "")


def test_a_sum_asked_of_a_giver_the_sentence_never_names_is_someone_elses(tmp_path: Path) -> None:
    # testers: "How much did the National Trust give for the excavation?" quoted "The dig was funded by a
    # grant of £186,000 from the NLHF"; a sentence referring back ("The company raised") may be the giver's
    text = (
        "Roman villa dig\n\n"
        "The dig at Ravenscar was funded by a grant of £186,000 from the National Lottery Heritage Fund and "
        "£42,500 from Scarborough Council.\n\n"
        "Historic England said the finds were of national importance.\n\n"
        "Nexora Biotech, a start-up based in Leeds, is developing a test for the disease with the drug maker "
        "Halden Pharma.\n\n"
        "Dr Jane Okafor, who leads the research at Leeds General Infirmary, said results were due in May.\n\n"
        "The company raised £16 million from investors in March."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How much did Historic England give to the dig at Ravenscar?") == ""
    assert article.cited("How much did Scarborough Council contribute to the dig?").startswith("The dig")
    assert article.cited("How much money did Nexora raise from investors?").startswith("The company raised")
    # a sentence that may refer back to the giver is not read as someone else's, whatever coreference made of
    # it
    matcher = article.base._current().matcher
    query = matcher.analyse("How much money did Nexora Biotech raise from investors?")
    texts = [s.text for s in matcher.index.sentences]
    company = next(i for i, t in enumerate(texts) if t.startswith("The company raised"))
    dig = next(i for i, t in enumerate(texts) if t.startswith("The dig"))
    assert not matcher.asked_of_unnamed(query, "Nexora Biotech", company)
    assert matcher.asked_of_unnamed(query, "Nexora Biotech", dig)


def test_a_time_asked_of_a_place_the_sentence_never_names_is_another_places(tmp_path: Path) -> None:
    # testers: "When was the ghost orchid declared extinct in Yorkshire?" quoted "declared extinct in
    # Britain in 2005"
    text = (
        "Ghost orchid\n\n"
        "The ghost orchid was declared extinct in Britain in 2005.\n\n"
        "A single plant was found in a beech wood in Yorkshire last summer."
    )
    article = build_article(tmp_path, text)
    assert article.cited("When was the ghost orchid declared extinct in Yorkshire?") == ""
    assert article.cited("When was the ghost orchid declared extinct in Britain?").startswith("The ghost")
    # "what" asks of one place so too; "who" and "which" are left alone
    (tmp_path / "turtles").mkdir()
    turtles = build_article(
        tmp_path / "turtles",
        "Turtle nests\n\n"
        "Loggerhead turtles laid 1,200 nests on the beaches of Zakynthos this summer, and a further 300 in "
        "Kefalonia, volunteers said.\n\n"
        "Hatching success averaged 68 per cent, down from 71 per cent in 2023.",
    )
    assert turtles.cited("What was the hatching success in Kefalonia?") == ""
    assert turtles.cited("What was the hatching success?").startswith("Hatching success")


def test_a_part_of_a_total_the_question_gives_is_not_the_total(tmp_path: Path) -> None:
    # "How many of the 214 objects are made of gold?" quoted "In total the team recovered 214 objects"
    text = (
        "Wreck finds\n\n"
        "In total the team recovered 214 objects from the wreck.\n\n"
        "Eight of the 24 tour dates are in Britain.\n\n"
        "The mission, which has a total budget of €640 million, will visit a metal-rich asteroid."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many of the 214 objects are made of gold?") == ""
    assert article.cited("How much of the €640 million budget has been spent?") == ""
    assert article.cited("What is the mission's total budget?").startswith("The mission")
    assert article.cited("How many of the 24 tour dates are in Britain?").startswith("Eight of the 24")


def test_staying_open_until_a_day_says_when_a_place_closes(tmp_path: Path) -> None:
    # "When will the factory shop close?" abstained on "will stay open until 31 March": "open" had been
    # read as the opposite of "close"; opened on a day, it is still no closing
    text = (
        "Pottery to close\n\n"
        "The factory shop will stay open until 31 March to sell remaining stock.\n\n"
        "The cafe opened on 2 May."
    )
    article = build_article(tmp_path, text)
    assert article.cited("When will the factory shop close?").startswith("The factory shop")
    assert article.cited("When did the cafe close?") == ""


def test_a_sentence_naming_what_is_counted_without_a_number_near_it_does_not_answer_how_many(
    tmp_path: Path,
) -> None:
    # "How many leather shoes were recovered?" quoted "Divers recovered 214 objects from the site,
    # including leather shoes, a bronze cooking pot..."; the 214 counts the objects
    text = (
        "Wreck finds\n\n"
        "Divers recovered 214 objects from the site, including leather shoes, a bronze pot and coins.\n\n"
        "The video has been viewed 47 million times on TikTok.\n\n"
        "More than a dozen new projects are planned off the east coast.\n\n"
        "Since then, volunteers have rebuilt 29 of the 41 locks and reopened the canal to boats."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many leather shoes were recovered?") == ""
    assert article.cited("How many boats use the canal each year?") == ""
    assert article.cited("How many objects did divers recover?").startswith("Divers recovered 214")
    # a number up to ten words after, or a count in words, counts it
    assert article.cited("how many views did the video get").startswith("The video has been viewed")
    assert article.cited("How many new projects are planned?").startswith("More than a dozen")
    assert article.cited("How many locks have volunteers rebuilt?").startswith("Since then")


def test_a_sentence_that_never_names_what_is_counted_does_not_answer_how_many(tmp_path: Path) -> None:
    # "How many stumps were destroyed by the 1967 rockfall?" quoted a sentence on the rockfall that counts
    # workers, and "How many turbines were at the wind farm?" one counting its blades
    text = (
        "Quarry and wind farm\n\n"
        "The quarry closed in 1967, after a rockfall injured three workers and buried the old tramway.\n\n"
        "Tree stumps still line the old tramway.\n\n"
        "The first 46 blades came from the Kirkby Moor wind farm, switched off in 2024.\n\n"
        "Its turbines were taken down by crane.\n\n"
        "At least 23 vessels were lost on the Carrick reef between 1820 and 1845.\n\n"
        "Ships now pass the reef by radar.\n\n"
        "Staff rescued about 4,800 brown trout from the shrinking pools.\n\n"
        "Fish die when the water warms.\n\n"
        "About 120 people had already been offered jobs at other branches.\n\n"
        "Over three years, 62 people in the placebo group developed active TB.\n\n"
        "Fourteen patients were taken to hospital after the leak.\n\n"
        "Nine had been discharged by Sunday evening."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many stumps were destroyed by the 1967 rockfall?") == ""
    assert article.cited("How many turbines were at the Kirkby Moor wind farm?") == ""
    assert article.cited("How many workers did the 1967 rockfall injure?").startswith("The quarry closed")
    assert article.cited("How many blades came from Kirkby Moor?").startswith("The first 46 blades")
    # a word near in meaning counts it ("vessels" for "ships"), people count staff, a name counts
    assert article.cited("How many ships were lost on the Carrick reef?").startswith("At least 23 vessels")
    assert article.cited("How many fish were rescued from the pools?").startswith("Staff rescued")
    assert article.cited("how many staff have been offered other jobs").startswith("About 120 people")
    assert article.cited("How many TB cases were there in the placebo group?").startswith("Over three years")
    # a sentence opening on a count counts what the sentence before named
    assert article.cited("How many patients had been discharged by Sunday evening?").startswith("Nine had")


def test_a_sentence_that_never_says_the_act_does_not_answer_who_did_it(tmp_path: Path) -> None:
    # "Who designed the altitude sensor on Tsukuyomi-1?" quoted the sentence on the sensor misreading the
    # height, and "Who built the new depot?" one on the depot opening: each names someone, for another act
    text = (
        "Moon lander and depot\n\n"
        "Tsukuyomi-1 crashed in 2022 after its altitude sensor misread the height, Dr Aiko Mori said.\n\n"
        "Engineers at Kestrel Dynamics designed the new landing legs.\n\n"
        "The new depot, opened by Mayor Ruth Hale in May, holds 40 buses.\n\n"
        "The fossils were first noticed in March 2024 by Owen Bithell, a student.\n\n"
        "The canal company was sold to the Midland Railway in 1852 for £71,500.\n\n"
        "A 2023 study by the World Weather Attribution group linked the drought to warming.\n\n"
        "The club sacked its manager, Paul Hennessy, in November.\n\n"
        "The bones were found in 2019 by a grazier, Margaret Kelly."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who designed the altitude sensor on Tsukuyomi-1?") == ""
    assert article.cited("Who built the new depot?") == ""
    assert article.cited("Who designed the new landing legs?").startswith("Engineers at Kestrel")
    assert article.cited("Who opened the new depot?").startswith("The new depot")
    # a word near in meaning says the act, so does its converse, and "by" after what was done
    assert article.cited("Who first spotted the fossils?").startswith("The fossils were")
    assert article.cited("Who bought the canal company?").startswith("The canal company")
    assert article.cited("Who carried out the 2023 study on the drought?").startswith("A 2023 study")
    # a light verb says little of the act: "got sacked"
    assert article.cited("who got sacked in november").startswith("The club sacked")
    # the act is the word after "first", "actually", "originally"
    assert article.cited("Who first found the bones?").startswith("The bones were found")


def test_a_sentence_that_says_no_origin_does_not_answer_where_a_person_is_from(tmp_path: Path) -> None:
    # "Where is Luke Hatton from?" quoted the sentence on his quarter-final defeat at 0.8
    text = (
        "Darts final\n\n"
        "Van Rijn's route to the final included a 5-3 win over world number one Luke Hatton.\n\n"
        "Owen Price, from Caerphilly in south Wales, had won the title twice.\n\n"
        "Tomasz Wierzbicki, 41, of Gdansk, co-founded the company.\n\n"
        "The animal was named Tarchiaspis after Wolf Creek, the stream near where its bones were found."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Where is Luke Hatton from?") == ""
    assert article.cited("where is owen price from").startswith("Owen Price, from")
    assert article.cited("Where does Tomasz Wierzbicki come from?").startswith("Tomasz Wierzbicki, 41, of")
    # a thing's origin is said in too many ways to ask for these words
    assert article.cited("Where does the name Tarchiaspis come from?").startswith("The animal was named")


def test_a_length_given_as_another_dimension_does_not_answer_how_tall_or_wide(tmp_path: Path) -> None:
    # "How tall is the sixth arch?" quoted "a sixth arch, about 4.5 metres wide" at 0.83
    text = (
        "Bridge arches\n\n"
        "Archaeologists confirmed it was a sixth arch, about 4.5 metres wide, buried under the bank.\n\n"
        "The nave, 92 metres long, was finished around 1190.\n\n"
        "The tower rises 38 metres above the square.\n\n"
        "The well, which is 9.2 metres deep, was found in April 2025 inside the fort."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How tall is the sixth arch?") == ""
    # "2025 inside" is a year, not 2,025 inches (a tester: "How wide is the well?")
    assert article.cited("How wide is the well?") == ""
    assert article.cited("How deep is the well?").startswith("The well")
    assert article.cited("How high is the nave?") == ""
    assert article.cited("How wide is the sixth arch?").startswith("Archaeologists confirmed")
    assert article.cited("How high is the tower?").startswith("The tower rises")


def test_a_sentence_naming_the_dimension_asked_answers_it_whatever_its_unit_says(tmp_path: Path) -> None:
    # "How thick is the Aletsch ice at its deepest point?" abstained on "at its thickest point, ... the
    # ice is still roughly 800 metres deep": the length's word said "deep", the sentence "thickest"
    text = (
        "Glacier survey\n\n"
        "At its thickest point, near the rock step, the ice is still roughly 800 metres deep.\n\n"
        "The arch is 4.5 metres wide.\n\n"
        "They found a second flower spike about 3 metres from the first."
    )
    article = build_article(tmp_path, text)
    # "3 metres from the first" says how far, not how tall
    assert article.cited("How tall was the second flower spike?") == ""
    assert article.cited("How far from the first was the second flower spike?").startswith("They found")
    assert article.cited("How thick is the ice at its deepest point?").startswith("At its thickest")
    assert article.cited("How tall is the arch?") == ""


def test_altogether_is_no_opposite_of_a_part(tmp_path: Path) -> None:
    # "How many bones did the team collect altogether?" abstained: WordNet's "altogether" / "partly" had
    # become "altogeth" / "part" by their stems, and "parts of all four legs" said the opposite
    text = (
        "Fossil whale\n\n"
        "In all, the team collected 186 bones, including the lower jaw and parts of all four legs.\n\n"
        "The bones lay in a layer of sandstone."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many bones did the team collect altogether?").startswith("In all, the team")


def test_chats_phrasal_verbs_and_blame_meet_the_articles_words(tmp_path: Path) -> None:
    # "how many of the clones did google take down" of "had removed nine of them"; "when did talks break
    # down" of "talks over pay collapsed"; "what caused the shortage" of "blamed the shortage on a fire"
    article = build_article(
        tmp_path,
        "Clones and chips\n\n"
        "Google said it had removed nine of the clones in March for breaching its policy.\n\n"
        "Google took the clones' maker to court in June.\n\n"
        "Drivers will strike after talks over pay collapsed on Monday 2 March.\n\n"
        "Tanabe blamed the shortage on a fire at a chip plant in Hsinchu.\n\n"
        "The club's North Stand will be demolished in May.\n\n"
        "Google found 40 clones of its own app in the store last year.\n\n"
        "Talks will break for the summer on 1 July, the union said.\n\n"
        "The shortage has hit car makers in Europe hardest.",
    )
    assert article.cited("how many of the clones did google take down").startswith("Google said")
    assert article.cited("when did google take down the clones").startswith("Google said")
    assert article.cited("when did talks break down").startswith("Drivers will strike")
    assert article.cited("what caused the shortage").startswith("Tanabe blamed")
    assert article.cited("which stand is getting knocked down").startswith("The club's North Stand")


def test_how_fast_is_answered_by_a_speed_a_time_or_a_rate(tmp_path: Path) -> None:
    # "how fast did the final show sell out" abstained on "sold out within nine minutes": "fast" was read
    # as a word the sentence lacks, and no quantity was asked for
    article = build_article(
        tmp_path,
        "Venue and ferry\n\n"
        "Tickets for the final show sold out within nine minutes on Friday.\n\n"
        "The ferry was travelling at 11 knots as it entered the harbour.\n\n"
        "Wages in the enterprise sector are growing by 9.2 per cent a year.\n\n"
        "The venue will close in March after 40 years.\n\n"
        "A fast lane for the final show will open at the doors.",
    )
    assert article.cited("how fast did the final show sell out").startswith("Tickets for the final")
    assert article.cited("How fast was the ferry going?").startswith("The ferry was")
    assert article.cited("How fast are wages rising in the enterprise sector?").startswith("Wages in")


def test_lending_is_said_by_a_loan(tmp_path: Path) -> None:
    # "Who lent the cathedral a chamber organ?" abstained on "a smaller chamber organ, on loan from the
    # Royal College of Organists": the act was missing
    text = (
        "Organ restored\n\n"
        "Services were accompanied by a chamber organ, on loan from the Royal College of Organists.\n\n"
        "The organ was built by Henry Willis in 1877."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who lent the cathedral a chamber organ?").startswith("Services were")


def test_a_titles_acronym_typed_in_chat_meets_the_title_and_not_its_every_word(tmp_path: Path) -> None:
    # "whos the cto" quoted "The UK's Information Commissioner's Office (ICO) said": "cto" met any of
    # "chief", "technology", "officer", and "officer" stems as "office" does; "who's the ceo" abstained
    text = (
        "App breach\n\n"
        "The Information Commissioner's Office (ICO) said it was making enquiries.\n\n"
        "Chief technology officer Lukas Meier said a privacy feature would be switched on.\n\n"
        "Chief executive Aoife Brennan apologised to users in a short video.\n\n"
        "Liberal Democrat leader Sunita Rao said the library should have been told.\n\n"
        "The library lends laptops to students."
    )
    article = build_article(tmp_path, text)
    assert article.cited("whos the cto").startswith("Chief technology officer")
    assert article.cited("who's the ceo").startswith("Chief executive")
    # a party's short name: "lib" alone is clipped from too many words ("library", "liberty")
    assert article.cited("what did the lib dem leader say").startswith("Liberal Democrat leader")
    read = article.base._current().matcher.analyse("what did the lib dems say")
    assert {"liber", "democrat"} <= {t.key for t in read.terms}


def test_an_ordinal_typed_in_digits_meets_the_article_s_ordinal_word(tmp_path: Path) -> None:
    # "who came 3rd" quoted "Pulse 3 is that watch.": "3rd" read as the number 3
    text = (
        "Talent show final\n\n"
        "Nia Pritchard won the final with 41 per cent of the vote.\n\n"
        "Callum Reid finished second, and the Manchester group Northern Quarter came third.\n\n"
        "The prize includes a week at Studio 3 in London."
    )
    article = build_article(tmp_path, text)
    assert article.cited("who came 3rd").startswith("Callum Reid finished second")


def test_a_word_clipped_in_chat_reads_as_the_one_word_of_the_base_it_starts(tmp_path: Path) -> None:
    # "wait who's the lib dem leader" abstained on "Liberal Democrat group leader Helen Lubbock said";
    # "when was the cert supposed to be renewed" on "The certificate ... had been due for renewal"
    text = (
        "Council row\n\n"
        "Liberal Democrat group leader Helen Lubbock said drivers did not understand the signs.\n\n"
        "The certificate had been due for renewal on November 1.\n\n"
        "The certified auditors and the certainty of the figures were questioned."
    )
    article = build_article(tmp_path, text)
    assert article.cited("wait who's the lib dem leader").startswith("Liberal Democrat")
    matcher = article.base._current().matcher
    assert matcher._clipped("dem") == "democrat"
    assert matcher._clipped("cert") is None  # certificate, certified, certainty: no one word


def test_now_in_a_question_weighs_little(tmp_path: Path) -> None:
    # "what's the national living wage now" abstained on "the National Living Wage, which went up to
    # £12.21 an hour in April": "now" weighed as a rare word no sentence holds
    text = (
        "Bakery closures\n\n"
        "Staff costs rose after the latest increase in the National Living Wage, which went up to "
        "£12.21 an hour in April.\n\n"
        "The chain employs 2,300 people."
    )
    article = build_article(tmp_path, text)
    assert article.cited("what's the national living wage now").startswith("Staff costs rose")


def test_staff_are_whom_a_company_employs(tmp_path: Path) -> None:
    # "how many staff does seatstream have" abstained on "SeatStream, which ... employs around 650 people"
    text = (
        "Ticket fiasco\n\n"
        "SeatStream, which is based in Manchester and employs around 650 people, won the contract.\n\n"
        "The tour sold out in nine minutes."
    )
    article = build_article(tmp_path, text)
    assert article.cited("how many staff does seatstream have").startswith("SeatStream, which")


def test_an_age_that_is_another_persons_does_not_answer_how_old(tmp_path: Path) -> None:
    # "how old is lena harcourt" quoted "Megan Tolley, 34, a nurse from Swindon, who paid £2,150 for four
    # tickets to Ms Harcourt's concert": the age was Megan Tolley's; ages written the other ways answer
    text = (
        "Resale site investigated\n\n"
        "The Competition and Markets Authority opened an investigation into SeatSwap on Monday.\n\n"
        "Among those affected was Megan Tolley, 34, a nurse from Swindon, who paid £2,150 for four "
        "tickets to see Lena Harcourt at Wembley.\n\n"
        "Tom Price, a 52-year-old taxi driver, queued for six hours.\n\n"
        "A 19-year-old student, Amir Khan, said his tickets were refused at the gate."
    )
    article = build_article(tmp_path, text)
    assert article.cited("how old is lena harcourt") == ""
    assert article.cited("how old is megan tolley").startswith("Among those affected")
    assert article.cited("How old is Tom Price?").startswith("Tom Price")
    assert article.cited("how old is amir khan").startswith("A 19-year-old student")


def test_the_ages_of_a_group_are_not_a_named_persons(tmp_path: Path) -> None:
    # a tester: "How old is Professor Anita Chaudhry?" quoted "The trial, led by Professor Anita Chaudhry,
    # ... will enrol 48 adults aged between 25 and 70" at 0.93: the ages are the adults'
    text = (
        "Dialysis trial\n\n"
        "The trial, led by Professor Anita Chaudhry, will enrol 48 adults aged between 25 and 70.\n\n"
        "Professor Marcus Feldman said the benefit was strongest in patients aged over 70.\n\n"
        "Among those taking part is Daniel Okafor, aged 41, a teacher from Bradford.\n\n"
        '"The Tavenham clinic is more than 60 years old," said Sarah Lindqvist.\n\n'
        "At her last show, Bridie Kane joked that the singer is 71 years old and still touring."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How old is Professor Anita Chaudhry?") == ""
    assert article.cited("How old is Marcus Feldman?") == ""
    assert article.cited("How old is Daniel Okafor?").startswith("Among those taking part")
    # nor is the age of a thing ("How old is Sarah Lindqvist?" quoted her words on the creamery's)
    assert article.cited("How old is Sarah Lindqvist?") == ""
    assert article.cited("How old is Bridie Kane?").startswith("At her last show")  # a person's noun


def test_an_age_of_someone_sharing_only_a_surname_is_not_the_persons(tmp_path: Path) -> None:
    # a tester: "How old is Anna Redfern?" quoted "Tom Redfern, 39, founded the business ... with his
    # sister, Anna Redfern" at 0.93
    text = (
        "Sauce maker expands\n\n"
        "Managing director Tom Redfern, 39, founded the business in 2014 with his sister, Anna Redfern, "
        "now the firm's operations director.\n\n"
        "The firm will create 85 jobs at its new factory in Leeds."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How old is Anna Redfern?") == ""
    assert article.cited("How old is Tom Redfern?").startswith("Managing director Tom Redfern")


def test_an_age_opening_the_sentence_is_not_that_of_a_person_named_further_on(tmp_path: Path) -> None:
    # "How old is Hannah Ridley?" quoted "The 24-year-old from Nottingham finished ..., beating Olympic
    # champion Hannah Ridley": the age is the winner's, the sentence's subject
    text = (
        "Slalom win\n\n"
        "Megan Holloway won the women's kayak race at the Lee Valley World Cup on Sunday.\n\n"
        "The 24-year-old from Nottingham finished in 92.41 seconds, beating the Olympic champion "
        "Hannah Ridley by 0.87 seconds.\n\n"
        "Ridley has won the overall title seven times."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How old is Hannah Ridley?") == ""
    assert article.cited("How old is Megan Holloway?").startswith("The 24-year-old from Nottingham")


def test_how_old_is_x_is_answered_by_the_age_x_is_now(tmp_path: Path) -> None:
    # "How old is Rhys Penhaligon?" quoted "Penhaligon made his debut for the Dragons as an 18-year-old":
    # his age then; "The 33-year-old announced his decision" says the age he is
    text = (
        "Flanker to retire\n\n"
        "Wales flanker Owain Trevithick will retire from rugby at the end of the season.\n\n"
        "The 33-year-old announced his decision on Tuesday in a video posted by his club.\n\n"
        "Trevithick made his debut for the Dragons as an 18-year-old in September 2010.\n\n"
        "Trevithick grew up in Pontypridd, where he played for the youth side from the age of 11."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How old is Owain Trevithick?").startswith("The 33-year-old announced")


def test_a_club_taken_for_a_person_keeps_its_captains_age(tmp_path: Path) -> None:
    # "how old is the kingsholm captain" abstained: "Kingsholm Harriers" had been typed a person, and
    # "Dafydd Morgan, 34," read as someone else's age; the question's name just before the owner is theirs
    text = (
        "Cup final\n\n"
        "Kingsholm Harriers won the county cup on Saturday, beating Alder Vale 24-17.\n\n"
        "Kingsholm captain Dafydd Morgan, 34, lifted the trophy alongside the club president.\n\n"
        "Harriers coach Owen Price said the squad had earned it."
    )
    article = build_article(tmp_path, text)
    assert article.cited("how old is the kingsholm captain").startswith("Kingsholm captain Dafydd")


def test_a_sentence_naming_none_of_its_kind_is_about_the_one_named_just_before(tmp_path: Path) -> None:
    # "How much did MTG-I1 cost to build?" quoted "The satellite weighs about 3.8 tonnes and cost around
    # €560 million", said of MTG-S1, named in the sentence before it
    text = (
        "Weather satellite launched\n\n"
        "Europe's weather agency Eumetsat has launched a second satellite of its new fleet.\n\n"
        "It follows MTG-I1, an imaging satellite launched in December 2022.\n\n"
        "The new satellite, MTG-S1, lifted off from Kourou on Tuesday.\n\n"
        "The satellite weighs about 3.8 tonnes and cost around €560 million to build.\n\n"
        "Its data will reach forecasters in 2026."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How much did MTG-I1 cost to build?") == ""
    assert article.cited("how much did mtg-i1 cost") == ""
    assert article.cited("How much did MTG-S1 cost to build?").startswith("The satellite weighs")


def test_when_will_is_not_answered_by_what_was(tmp_path: Path) -> None:
    # "When will the hosepipe ban be lifted?" quoted the 2018 ban's "was lifted in late October"
    text = (
        "Hosepipe ban\n\n"
        "Northern Water said a hosepipe ban will start on Friday across Yorkshire.\n\n"
        "Reservoirs are at 38 per cent of capacity, against 71 per cent a year ago.\n\n"
        "The hosepipe ban imposed in 2018 lasted 11 weeks and was lifted in late October."
    )
    article = build_article(tmp_path, text)
    assert article.cited("When will the hosepipe ban be lifted?") == ""
    assert article.cited("When will the hosepipe ban start?").startswith("Northern Water said")
    assert article.cited("When was the 2018 hosepipe ban lifted?").startswith("The hosepipe ban imposed")


def test_when_was_is_not_answered_by_what_is_yet_to_come(tmp_path: Path) -> None:
    # "When was MTG-I2 launched?" quoted "MTG-I2, is due to be launched on an Ariane 6 rocket"; "when did it
    # open" quoted a van's "will open on Friday 6 June at its new pitch" over "had opened in April"
    text = (
        "Weather satellites and a food van\n\n"
        "A second satellite in the series, MTG-I2, is due to be launched on an Ariane 6 rocket in 2026.\n\n"
        "The first, MTG-I1, was launched from Kourou in December 2022.\n\n"
        "The taco van, run by Ana Ruiz, will open on Friday 6 June at its new pitch on the quay.\n\n"
        "Ms Ruiz said the van had opened in April in the car park and sold 400 tacos on its first day.\n\n"
        "The owners plan to open a second van in Bude next spring.\n\n"
        "The new unit, which treated its first patient on Monday 2 June, will be open from 8am every day."
    )
    article = build_article(tmp_path, text)
    assert article.cited("When was MTG-I2 launched?") == ""
    assert article.cited("When will MTG-I2 be launched?").startswith("A second satellite")
    assert article.cited("When was MTG-I2 supposed to be launched?").startswith("A second satellite")
    assert article.cited("When was MTG-I1 launched?").startswith("The first, MTG-I1")
    # the sentence saying it done comes first
    assert article.cited("when did the taco van open").startswith("Ms Ruiz said")
    assert article.cited("When did the owners open a second van?") == ""
    # "will be open" says how a place will be, not that it is yet to open
    assert article.cited("When did the new unit open?").startswith("The new unit")


def test_the_old_one_is_the_previous_one(tmp_path: Path) -> None:
    # "what was the old record" abstained on "The previous record of 289,000 active subscribers was set..."
    text = (
        "Streaming record\n\n"
        "Kaylo ended a 41-day broadcast on Sunday with 612,000 active subscribers, a record.\n\n"
        "The previous record of 289,000 active subscribers was set in 2021 by Ludwig Ahgren.\n\n"
        "A second record, for subscribers gained in a day, fell on February 12.\n\n"
        "Kaylo, 24, started streaming in 2019 from her old flat in Montreal."
    )
    article = build_article(tmp_path, text)
    assert article.cited("what was the old record").startswith("The previous record")


def test_everyday_words_for_deaths_gigs_crashes_titles_and_handing_over(tmp_path: Path) -> None:
    # rounds 171-206: each abstained though the article said it in its own word
    text = (
        "Canal anniversary\n\n"
        "About 900 labourers worked on the line, and at least 17 died during construction.\n\n"
        "The band played a show in Leeds on Friday.\n\n"
        "There have been 37 collisions within the roadworks since March.\n\n"
        "The strategy, titled Homes for Every Street, was passed by 41 votes to 19.\n\n"
        "The regatta's chairman, Sir Steve Redgrave, presented the trophy.\n\n"
        "Hartwell, headquartered in Solihull, has 702 branches."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many labourers were killed during construction?").startswith("About 900")
    killed = article.base._current().matcher.analyse("How many labourers were killed?")
    assert any("die" in t.alternatives for t in killed.terms if t.key == "kill")
    assert article.cited("where was the gig").startswith("The band played")
    assert article.cited("how many crashes have there been in the roadworks").startswith("There have been")
    assert article.cited("What is the strategy called?").startswith("The strategy, titled")
    called = article.base._current().matcher.analyse("What is the strategy called?")
    assert any("titl" in t.alternatives for t in called.terms if t.key == "call")
    assert article.cited("who handed over the trophy").startswith("The regatta's chairman")
    headquarters = article.base._current().matcher.analyse("Where is Hartwell's head office?")
    assert "headquart" in {t.key for t in headquarters.terms}


def test_a_derived_description_answers_only_what_it_says(tmp_path: Path) -> None:
    # "Where did Graham Ogilvie work before Skyhaven?" answered "Graham Ogilvie is Chief executive."
    # above the right quote: the description did not say where he worked before
    text = (
        "Airline collapses\n\n"
        "Skyhaven Airways stopped flying on Monday after failing to find a buyer.\n\n"
        "Chief executive Graham Ogilvie, who joined Skyhaven from Loganair in 2019, apologised to passengers."
        "\n\n"
        "Managing director Siobhan Curran said bookings had fallen.\n\n"
        "Finance Minister Jan Smit said the state would not step in."
    )
    article = build_article(tmp_path, text)
    before = article.base.answer("Where did Graham Ogilvie work before Skyhaven?")
    assert before.text.startswith("Chief executive Graham Ogilvie, who joined")
    # the title the sentence opens with, as written after its capital (testers: "Graham Ogilvie is Chief
    # executive.", "Siobhan Curran is director.")
    assert article.base.answer("Who is Graham Ogilvie?").text == "Graham Ogilvie is chief executive."
    assert article.base.answer("What is Graham Ogilvie's job?").text == "Graham Ogilvie is chief executive."
    assert article.base.answer("who is siobhan curran").text == "Siobhan Curran is managing director."
    assert article.base.answer("Who is Jan Smit?").text == "Jan Smit is Finance Minister."


def test_the_name_of_a_thing_the_sentence_leaves_unnamed_is_not_given(tmp_path: Path) -> None:
    # "What was the name of the military fort the road led to?" quoted "... with a military fort about
    # 11 kilometres to the south": the article names no fort; a thing named beside its word answers
    text = (
        "Roman road found\n\n"
        "The road linked the Roman city of Viroconium with a military fort about 11 kilometres south.\n\n"
        "The approval was based on a Phase 3 trial, called HALO-3, that enrolled 42 patients.\n\n"
        "A rival gene therapy, lovo-cel, made by Bluebird Bio, is approved in the United States.\n\n"
        "He will be supported by two pharmacy technicians and a counter assistant.\n\n"
        "Coach Sam Reid said Bristol already has four other climbing centres."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What was the name of the military fort the road led to?") == ""
    # names asked of several (a tester: "What are the names of the two pharmacy technicians?")
    assert article.cited("What are the names of the two pharmacy technicians?") == ""
    assert article.cited("Who will support him?").startswith("He will be supported")
    assert article.cited("what are the names of the other bristol climbing centres") == ""
    assert article.cited("how many other climbing centres does bristol have").startswith("Coach Sam Reid")
    assert article.cited("What was the name of the Phase 3 trial?").startswith("The approval")
    assert article.cited("What is the name of the rival gene therapy?").startswith("A rival gene therapy")


def test_whos_x_asks_who_x_is_not_who_did_something(tmp_path: Path) -> None:
    # "who's" is "who is" before a name: the sentence need not name anyone else who acts
    article = build_article(
        tmp_path,
        "Old mill reopens\n\n"
        "The Calder mill in Hebden reopened on Saturday as an axe-throwing venue.\n\n"
        "Local historian Ellis Marwood, 71, who worked at the mill in the 1960s, was among the first "
        "visitors.",
    )
    assert article.cited("who's ellis marwood").startswith("Local historian Ellis Marwood, 71")


def test_who_did_it_prefers_a_close_sentence_that_names_someone(tmp_path: Path) -> None:
    # "Who umpired the men's race?" met first a sentence about the umpiring that names no one; the next
    # one names the umpire
    text = (
        "Boat race\n\n"
        "Kingsford won the men's race by two lengths on Saturday.\n\n"
        "The men's race was umpired from a launch behind the crews.\n\n"
        "The umpire in the men's race, former Olympic rower Dame Helen Carrow, issued three warnings to "
        "the Aldermoor cox."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who umpired the men's race?").startswith("The umpire in the men's race")


def test_how_many_n_prefers_a_close_sentence_that_counts_n(tmp_path: Path) -> None:
    # "how many restaurants do they have" quoted "The 140-seat restaurant opened its doors": a number
    # near the word, not a count of it; the next sentence counts the restaurants
    text = (
        "Burger chain opens in Leeds\n\n"
        "Smash & Stack opened its first restaurant in Leeds on Friday.\n\n"
        "The 140-seat restaurant in Leeds opened its doors at 11am.\n\n"
        "The chain now has 38 restaurants across the UK.\n\n"
        "Queues stretched around the block by noon."
    )
    article = build_article(tmp_path, text)
    assert article.cited("how many restaurants do they have").startswith("The chain now has 38")


def test_how_much_prefers_a_close_sentence_with_the_sum_by_the_words_asked(tmp_path: Path) -> None:
    # "How much prize money did Rono get?" quoted the race's total prize money; the next sentence
    # puts Rono's sum by his win
    text = (
        "Rono wins marathon\n\n"
        "Kenyan runner Peter Rono won the Harbourside Marathon on Sunday in a course record.\n\n"
        "Total prize money for the race was £120,000, shared among the top ten finishers.\n\n"
        "Rono earned £25,000 for his win and a further £15,000 bonus for the course record."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How much prize money did Rono get for winning?").startswith("Rono earned £25,000")


def test_how_long_prefers_a_close_sentence_with_the_measure_by_the_words_asked(tmp_path: Path) -> None:
    # "How long is each rope?" quoted the sentence on lowering ropes 1.5 kilometres off Worthing; the
    # next one puts the length by the rope
    text = (
        "Kelp planting begins\n\n"
        "Divers began planting kelp off Worthing this week.\n\n"
        "Its first season of planting started on 6 May, when divers lowered 1,200 lengths of rope seeded "
        "with juvenile kelp onto the seabed about 1.5 kilometres off Worthing.\n\n"
        "Each rope is 20 metres long and carries up to 800 young plants."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How long is each rope?").startswith("Each rope is 20 metres long")


def test_the_other_end_of_a_scale_does_not_answer_a_superlative(tmp_path: Path) -> None:
    # "Which winter produced the fewest arousals?" quoted "the highest number of arousals"
    text = (
        "Hedgehog winters\n\n"
        "The warmest winter in the study, 2022-23, produced the highest number of arousals.\n\n"
        "The smallest hedgehog in the study weighed 380 grams."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Which winter produced the fewest arousals?") == ""
    assert article.cited("Which winter produced the most arousals?").startswith("The warmest winter")
    assert article.cited("How much did the lightest hedgehog weigh?").startswith("The smallest hedgehog")
    assert article.cited("How much did the heaviest hedgehog weigh?") == ""


def test_the_opposite_qualifier_of_the_same_word_does_not_answer(tmp_path: Path) -> None:
    # "What was the failure rate for patients over 55?" quoted "Patients under 55 ... fared worse"; the
    # adults asked about are not the children the sentence counts
    text = (
        "Hip implants\n\n"
        "Patients under 55 when the hip was fitted had a failure rate of 9 per cent.\n\n"
        "Eight of the children were able to navigate the obstacle course after the treatment."
    )
    article = build_article(tmp_path, text)
    assert article.cited("What was the failure rate for patients over 55?") == ""
    assert article.cited("What was the failure rate for patients under 55?").startswith("Patients under 55")
    assert article.cited("How many adults were able to navigate the obstacle course?") == ""
    assert article.cited("How many children were able to navigate the obstacle course?").startswith("Eight")


def test_a_measure_of_another_value_does_not_answer_about_the_value_asked(tmp_path: Path) -> None:
    # "How much more likely were hedgehogs to wake on nights above 10C?" quoted "above 8C"; a value said
    # in other words or units is the same ("three months" of "90 days", "Twenty-four weeks" of "24")
    text = (
        "Hedgehog study\n\n"
        "On nights above 8C, hedgehogs were four times more likely to wake.\n\n"
        "After 90 days, 52 per cent of patients given the drug were living independently.\n\n"
        "The trial ran at three hospitals for a year.\n\n"
        "Twenty-four weeks after treatment, her hearing threshold had improved to 30 decibels."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How much more likely were hedgehogs to wake on nights above 10C?") == ""
    assert article.cited("How much more likely were they to wake on nights above 8C?").startswith("On nights")
    assert article.cited("What share of patients were independent after three months?").startswith("After 90")
    assert article.cited("What percentage of patients were independent after three years?") == ""
    assert article.cited("What was her hearing threshold after 24 weeks?").startswith("Twenty-four weeks")


def test_a_name_and_its_noun_before_the_verb_are_the_subject_not_the_verb(tmp_path: Path) -> None:
    # "What does the PrK tunnel connect?" and "What did the Newzoo analyst say?" abstained: "tunnel" and
    # "analyst" had been read as the verb, and "a tunnel called PrK" as PrK tunnelled by another
    text = (
        "Station leak\n\n"
        "The leak is in a small tunnel called PrK that connects the Zvezda module to a docking port.\n\n"
        '"The genre is crowded," said Priya Nandakumar, a games analyst at research firm Newzoo.'
    )
    article = build_article(tmp_path, text)
    assert article.cited("What does the PrK tunnel connect?").startswith("The leak is in a small tunnel")
    assert article.cited("What did the Newzoo analyst say?").startswith('"The genre is crowded,"')


def test_a_town_named_in_the_sentence_does_not_answer_who_did_it(tmp_path: Path) -> None:
    # "Who first identified SCTLD off Miami?" quoted "SCTLD was first identified off Miami, Florida, in
    # 2014": a town or region names where, not who; "which" may ask for a place
    text = (
        "Coral disease\n\n"
        "SCTLD was first identified off Miami, Florida, in 2014.\n\n"
        "The research team plans to extend the study to Idaho and Montana.\n\n"
        "The disease was first identified by divers from the University of Miami."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Who first identified SCTLD off Miami?").startswith("The disease was first")
    assert article.cited("Who identified SCTLD in 2014?") == ""
    assert article.cited("Which states will the study be extended to?").startswith("The research team")


def test_a_probe_launched_is_a_probe_that_launched(tmp_path: Path) -> None:
    # "When did Hermes launch?" abstained on "Hermes was launched on an Ariane 6": the role rule read the
    # probe as launched by another; news launches probes and series both ways
    text = (
        "Probe fault\n\n"
        "Hermes was launched on an Ariane 6 rocket from Kourou on 14 March 2020.\n\n"
        "Officers arrested Tom Battin, 33, on Monday."
    )
    article = build_article(tmp_path, text)
    assert article.cited("When did Hermes launch?").startswith("Hermes was launched")
    assert article.cited("When did Tom Battin arrest the officers?") == ""


def test_a_sum_asked_of_one_giver_is_not_the_sum_several_gave(tmp_path: Path) -> None:
    # "How much did NatureScot contribute to the survey?" quoted "The survey cost £325,000, most of it funded
    # by Natural England, NatureScot and Natural Resources Wales": the sum is the three's together
    text = (
        "Bat survey\n\n"
        "The survey cost £325,000, most of it funded by Natural England, NatureScot and Natural Resources"
        " Wales.\n\n"
        "The Wolfson Foundation gave £40,000 towards the new roost boxes."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How much did NatureScot contribute to the survey?") == ""
    assert article.cited("How much did the survey cost?").startswith("The survey cost")
    assert article.cited("How much did the Wolfson Foundation give?").startswith("The Wolfson Foundation")


def test_where_is_it_located_is_answered_by_a_place(tmp_path: Path) -> None:
    # "located" says again what "where" asks: missing from "ISAS in Sagamihara", it made the bot abstain
    text = (
        "Lunar rover stuck\n\n"
        "A Japanese rover has been stuck in a crater on the Moon since Monday.\n\n"
        "Mission manager Hiroshi Tanabe, of JAXA's Institute of Space and Astronautical Science (ISAS) in "
        "Sagamihara, said the rover was not in danger.\n\n"
        "Engineers will try to free it next week.\n\n"
        "The rover's team also earns a place in the Lunar Robotics Cup in Nagoya in September, where they "
        "will face the winners of the European and American leagues."
    )
    article = build_article(tmp_path, text)
    assert article.cited("Where is ISAS located?").startswith("Mission manager Hiroshi Tanabe")
    # so do "held", "played" and "staged" of an event
    assert article.cited("Where is the Lunar Robotics Cup being played?").startswith("The rover's team")
    # "based" is the sentence's own word ("the Leeds-based chain"): it stays one the answer must hold
    assert article.cited("Where is ISAS based?") == ""


def test_who_owns_it_is_answered_by_who_bought_it(tmp_path: Path) -> None:
    # "who owns brightmoor" abstained on "Brightmoor was bought by the Swedish publisher ..."
    assert {"buy", "acquir"} <= synonyms()["own"]
    text = (
        "Games studio cuts jobs\n\n"
        "The Dundee games studio Brightmoor is to cut 80 jobs after its latest game sold poorly.\n\n"
        "Brightmoor was bought by the Swedish publisher Norrsken Games Group in 2022 for $410 million.\n\n"
        "Staff were told of the cuts at a meeting on Tuesday.\n\n"
        "Its building was designed by the architect Jane Moss in 1965.\n\n"
        "The building belongs to the Dundee council."
    )
    article = build_article(tmp_path, text)
    assert article.cited("who owns brightmoor").startswith("Brightmoor was bought by")
    # "the farm belongs to Magnus Linklater" says who owns it too
    # (the answer gate holds this one below its threshold: it is ranked first, not answered)
    matcher = article.base._current().matcher
    first = matcher.rank(matcher.analyse("who owns the building"))[0].sentences[0]
    assert matcher.index.sentences[first].text.startswith("The building belongs")


def test_a_loss_answers_how_much_was_lost_and_an_operator_who_runs_it(tmp_path: Path) -> None:
    # "How much money did Slumberwell lose?" abstained on "a pre-tax loss of £6.8 million"; "who runs the
    # lido" on "its operator, Fusion Lifestyle"
    text = (
        "Bed maker collapses\n\n"
        "The Leeds bed maker Slumberwell has collapsed into administration, with 240 jobs at risk.\n\n"
        "Slumberwell's sales rose to £41 million last year, up from £38 million.\n\n"
        "Its latest accounts showed a pre-tax loss of £6.8 million.\n\n"
        "Its factory shop next to the Roundhay lido will close; the lido's operator, Fusion Lifestyle, "
        "said it would stay open."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How much money did Slumberwell lose?").startswith("Its latest accounts")
    assert article.cited("who runs the lido").startswith("Its factory shop")


def test_chats_short_forms_meet_the_articles_words(tmp_path: Path) -> None:
    # "how many subs does kade morrow have" abstained on "1.2 million subscribers"; "how much did the
    # refurb cost" on "the refurbishment"
    text = (
        "Streamer breaks record\n\n"
        "The streamer Kade Morrow broke the record for the longest solo stream on Sunday.\n\n"
        "Morrow now has 1.2 million subscribers on his main channel.\n\n"
        "His studio reopened in March after a £40,000 refurbishment paid for by fans."
    )
    article = build_article(tmp_path, text)
    assert article.cited("how many subs does kade morrow have").startswith("Morrow now has")
    assert article.cited("how much did the refurb cost").startswith("His studio reopened")


def test_a_rare_word_one_slip_from_a_common_one_of_the_article_is_that_word(tmp_path: Path) -> None:
    # "who is her manger" abstained: "manger" is an English word, so no spelling was corrected; "thick" is
    # a common word of its own, not a slip for "think"
    text = (
        "Singer's phone stolen\n\n"
        "The singer Callie Dorne had her phone stolen after a concert in Leeds on Friday.\n\n"
        "Her manager, Priya Raghunathan, said the singer had changed the phone's passcode.\n\n"
        "Fans think the thief was in the front row."
    )
    article = build_article(tmp_path, text)
    assert article.cited("who is her manger").startswith("Her manager, Priya Raghunathan")
    assert article.cited("how thick was the phone") == ""
    assert article.cited("how much did callie make from merch") == ""


def test_extra_is_additional_and_people_at_a_game_are_its_crowd(tmp_path: Path) -> None:
    # "how many extra line workers did they bring in" abstained on "240 additional line workers"; "How many
    # people were at the game?" on "a crowd of 4,312"
    text = (
        "Hockey final\n\n"
        "Ashbourne Kestrels won the National Women's Hockey Cup final for the first time on Sunday.\n\n"
        "The final was watched by a crowd of 4,312 at the Lee Valley stadium.\n\n"
        "The stadium normally hires 120 stewards for a match.\n\n"
        "For the final it hired 40 additional stewards."
    )
    article = build_article(tmp_path, text)
    assert article.cited("How many people were at the final?").startswith("The final was watched")
    assert article.cited("how many extra stewards were hired for the final").startswith("For the final")


def test_a_name_after_by_answers_who(tmp_path: Path) -> None:
    # "who runs the lido now" abstained: "Tidewell Leisure Trust" is of no kind the entities know, so the
    # sentence seemed to hold no one, while the campaigner's sentence did
    article = build_article(
        tmp_path,
        "Penhallow Lido reopens after 20 years\n\n"
        "The lido is run by the Tidewell Leisure Trust, a charity that manages three leisure centres.\n\n"
        '"People said we were dreaming," said Margaret Trewin, 71, who chairs the Friends of Penhallow Lido '
        "and led the campaign to reopen it.\n\n"
        '"Standing here now, with it full of people again, I honestly can\'t describe it."',
    )
    assert article.cited("who runs the lido now").startswith("The lido is run by")
    # "by Thursday", "by the end of March" say when, not who
    from knowledge.features import _BY_A_NAME

    assert _BY_A_NAME.search("run by the Tidewell Leisure Trust")
    assert not _BY_A_NAME.search("3,400 signatures by Thursday evening")
    assert not _BY_A_NAME.search("finished by the end of March")


def test_the_final_score_asks_for_a_scoreline_not_the_word_score(tmp_path: Path) -> None:
    # "What was the final score?" abstained: "opened the scoring" held the word, "3-1" only the kind
    article = build_article(
        tmp_path,
        "Dunmere win the league\n\n"
        "Dunmere Hockey Club won the county title on Saturday, beating defending champions "
        "Ashbourne Park 3-1 at the Riverside Sports Centre.\n\n"
        "Price opened the scoring in the 12th minute, flicking in a penalty corner.\n\n"
        "It was Dunmere's second win over Ashbourne Park in a final this year.",
    )
    assert article.cited("What was the final score?").startswith("Dunmere Hockey Club won")
    assert article.cited("whats the score").startswith("Dunmere Hockey Club won")


def test_a_things_acronym_meets_the_words_the_article_spells_out(tmp_path: Path) -> None:
    # "How many people die of TB each year?" abstained: "TB" read as a name the article never gives
    article = build_article(
        tmp_path,
        "Vaccine trial begins\n\nTuberculosis kills about 1.3 million people a year, the WHO says.\n\n"
        "The trial will enrol 4,000 adults in South Africa.\n\n"
        "In the cup final, guard Keisha Adeyemi was named the most valuable player.",
    )
    assert article.cited("How many people die of TB each year?").startswith("Tuberculosis kills")
    assert article.cited("whos the mvp").startswith("In the cup final")
    # an acronym of a title stays unknown to an article without it
    assert article.cited("Who is the CEO of the trial?") == ""


def test_the_vote_asks_for_its_tally(tmp_path: Path) -> None:
    # "what was the vote" abstained on "voted three to nil": a tally is neither a score nor a count
    article = build_article(
        tmp_path,
        "Crepe van loses its licence\n\n"
        "The council's licensing panel voted three to nil on Thursday to revoke the van's consent.\n\n"
        "The vote followed complaints about queues on Madeira Drive, the panel's chair said.",
    )
    assert article.cited("what was the vote").startswith("The council's licensing panel voted three to nil")


@pytest.mark.parametrize("learned", [True, False])
def test_a_word_questions_use_for_the_articles_word_is_learned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, learned: bool
) -> None:
    # "what is it worth" is asked of what it is "valued at": WordNet does not relate "worth" and "value";
    # scripts/derive_associations.py learned it from the testers' questions and the sentences answering them
    from knowledge import lexicon

    if not learned:
        monkeypatch.setattr(lexicon, "ASSOCIATIONS_PATH", tmp_path / "none.txt")
    lexicon.synonyms.cache_clear()
    try:
        text = (
            "Painting recovered\n\n"
            "A painting stolen from a Cotswold manor in 1994 has been recovered in Antwerp, police said.\n\n"
            "The painting is valued at £2.4 million by the auction house Calloway's.\n\n"
            "Its owner offered a reward of £50,000 in 1995.\n\n"
            "The thieves were never caught."
        )
        cited = build_article(tmp_path, text).cited("what is the painting worth")
    finally:
        lexicon.synonyms.cache_clear()
    assert cited.startswith("The painting is valued") if learned else cited == ""
