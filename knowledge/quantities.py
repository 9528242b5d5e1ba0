"""Quantities, dates and times in a sentence, each with its kind, and the kinds a question asks for."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .gazetteer import CURRENCY_WORDS
from .text import MONTH_ABBREVIATION_PATTERN, STOPWORDS, strip_invisible, tokens

KINDS = tuple(
    "age length area depth money percent count duration date time power energy temperature mass score moment"
    " loudness data frequency tally"
    .split()
)

_SMALL = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
_WORDNUM = rf"(?:{'|'.join(sorted(_SMALL, key=len, reverse=True))})(?:-(?:{'|'.join(_SMALL[:9])}))?"
_ONE_TO_TEN = "|".join(_SMALL[:10])
# a vote's tally: "nine to two", "by 31 votes to 24" (read only in a sentence saying "vote")
_VOTES = rf"(?:\d{{1,3}}|nil|none|{'|'.join(_SMALL[:21])})"
_TALLY = re.compile(rf"\b{_VOTES} (?:votes? )?to {_VOTES}\b(?! per)", re.I)
_SCALE = r"(?:[- ](?:hundred|thousand|million|billion|trillion)|(?<=\d)(?:bn|m|k))"
# A number: 12,000 / 3.5 / twenty-five / a dozen / five-and-a-half, with an optional scale word.
_NUM = (
    rf"(?:\d+(?:[.,]\d+)*|{_WORDNUM}|a dozen|dozens|hundreds|thousands|millions|billions|half an?"
    r"|an?(?= (?:hundred|thousand|million|billion|trillion)\b))"  # "a thousand lamps"
    rf"(?:[- ]and[- ]a[- ]half)?(?:{_SCALE}\b)?"
)
_CURRENCY_SIGN = r"(?:US\$|A\$|C\$|HK\$|[$€£¥₹])"
# words for money ISO 4217's names miss (gazetteer.CURRENCY_WORDS has those): plurals made otherwise
# than with "s", other spellings, coins, old currencies, codes
_OTHER_MONEY_WORDS = (
    "yuan cents pence penny lire lei kronor kroner ducats shekels roubles USD EUR GBP JPY CNY AED".split()
)
_CURRENCY_WORD = (
    "(?:"
    + "|".join(f"{w}(?:e?s)?" for w in CURRENCY_WORDS)  # "310,000 soles", "40 Swiss francs"
    + "|"
    + "|".join(w.removesuffix("s") + "s?" if w.endswith("s") else w for w in _OTHER_MONEY_WORDS)
    + ")"
)
_AREA_UNIT = (
    r"(?:square[- ](?:metres?|meters?|kilometres?|kilometers?|km|miles?|feet|foot|yards?)"
    r"|sq\.? ?(?:m|km|mi|ft)|hectares?|acres?|km2|km²|m2|m²)"
)
LENGTH_UNIT_PATTERN = (
    r"(?:kilometres?|kilometers?|km|miles?|metres?|meters?|m|feet|foot|ft|inch(?:es)?|in|centimetres?|"
    r"centimeters?|cm|millimetres?|millimeters?|mm|yards?|light[- ]years?|nautical miles?|knots?|mph)"
)
# Power and energy: symbols as written ("8.69 GW", "100Wh", "30 kWh"; a bare "W" not before a name,
# "100 W Main St"), or the words ("50 megawatts", "2 kilowatt-hours").
_ENERGY_UNIT = (
    r"(?:\s?[kKMGT]?Wh(?![\w])|[- ](?i:(?:kilo|mega|giga|tera)?watt[- ]hours?)\b"
    r"|[- ](?i:(?:kilo|mega|giga|tera)?joules?)\b)"  # "69 megajoules of energy"
)
_POWER_UNIT = r"(?:\s?(?:[kKMGT]W|W(?!\.| [A-Z]))(?![\w])|[- ](?i:(?:kilo|mega|giga|tera)?watts?)\b)"
_TIME_UNIT = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|decades?|centuries|century)"
)
_MASS_UNIT = (
    r"[- ]?(?:metric )?(?:tons?|tonnes?|kilograms?|kilos?|kg|grams?|milligrams?|mg|ounces?|oz|lbs?)\b"
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    rf"{MONTH_ABBREVIATION_PATTERN})\.?"
)
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth twenty-first"
).split()
# Dates of history, read as dates here and by entities.py: a year before 1500 only after a preposition
# ("1200 soldiers" is a count), its decades, and centuries ("the eleventh and twelfth centuries").
# "in early 1349", "from at least 1286", "between 1340 and 1385", "dated to 1410"
EARLY_YEAR = (
    r"(?:in|since|until|by|from|before|after|around|circa|between|during|dated to)"
    r"(?: (?:early|late|about|around|at least|the year))? (?:mid-)?1[0-4]\d{2}(?!\d|,\d)"
    r"(?: (?:and|to|or) 1[0-4]\d{2}(?!\d|,\d))?"
)
EARLY_DECADE = r"1[0-4]\d0s\b"
# a year of an era, before or after Christ: "in 55 and 53 BC", "6500 BCE", "AD 150"
ERA_YEAR = r"(?:\d{1,4} (?:and|or|to) )?\d{1,4}(?:,\d{3})? ?(?:BCE?|B\.C\.|AD|A\.D\.)(?!\w)|AD \d{1,4}\b"
CENTURY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(_ORDINALS)})[- ]centur(?:y|ies)\b"
# a unit after a number like a year makes it a measure ("2000 kilometres", "1500 tons")
_MEASURED_AFTER_YEAR = (
    r"(?i:kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|feet|yards?|square|hectares?|acres?|tons?|tonnes?|"
    r"kilograms?|kg|pounds|lbs?)\b"
)
_DATE_FORMS = (
    rf"(?:early |mid-?|late )?{_MONTHS} \d{{4}}",
    rf"{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,? \d{{4}})?",
    rf"\d{{1,2}}(?:st|nd|rd|th)? {_MONTHS}(?: \d{{4}})?",
    _WEEKDAYS,
    r"(?:January|February|March|April|June|July|August|September|October|November|December)",
    r"(?:in|since|until|by|from|before|after|during|through|early|late|mid-) May\b(?! \d)",  # not the verb
    r"(?:1[5-9]|20)\d{2}s?(?!\d|,\d|[- ]" + _MEASURED_AFTER_YEAR + r")",
    r"\d{1,2}/\d{1,2}/\d{2,4}",
    r"(?i:yesterday|today|tomorrow|tonight)\b",
    # history: a year before 1500 after a preposition ("in 1066"), its decades ("the 1050s"), centuries
    rf"(?i:{EARLY_YEAR})",
    EARLY_DECADE,
    ERA_YEAR,
    rf"(?i:{CENTURY})",
    r"(?i:(?:last|next|this|past|previous|coming) "
    r"(?:week|month|year|summer|winter|spring|autumn|fall|weekend|decade))\b",
    r"(?i:(?:last|this|yesterday|tomorrow) (?:night|morning|afternoon|evening))\b",
    # an age of history: "in the Anglo-Saxon period", "the Victorian era", "in the Bronze Age"; not
    # "the Bronze Age metals project"
    r"(?<=[Tt]he )(?:(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|medieval|prehistoric) (?:period|era)|"
    r"(?:Bronze|Iron|Stone|Middle|Dark) Ages?)\b"
    r"(?![ -](?!(?:and|or|but|when|in|of|at|to|until|with)\b)[a-z])",
)
_DATE = re.compile(r"\b(?:" + "|".join(_DATE_FORMS) + ")")
# "closed until March", "a deal until the end of the 2022/23 season": the date ends a stretch of time,
# so it answers "how long" as a duration does
# "after a year", "took an hour", "a decade ago": one unit of time said with "a"
_BEFORE_ONE_UNIT = (
    "after|for|within|in|over|about|nearly|almost|around|than|under|took|takes?|lasts?|lasted|spent|spends?|"
    "at least|at most"
)
_ONE_UNIT = re.compile(
    rf"\b(?i:(?:{_BEFORE_ONE_UNIT}) (?:a|an) (?:full )?{_TIME_UNIT}|(?:a|an) {_TIME_UNIT} ago"
    # a period said loosely: "a year or two of international fury", "a few weeks", "several months"
    rf"|(?:(?:a|an|one) {_TIME_UNIT} or two|(?:a few|several) {_TIME_UNIT})(?: ago)?)\b(?!-)"
)
# one unit of length in words: "floodwater up to a metre deep", "a mile long"
_ONE_LENGTH = re.compile(
    r"\b(?i:(?:a|one|half a) (?:metre|meter|kilometre|kilometer|mile|yard)"
    r"(?: (?:deep|long|high|wide|tall))?)\b"
)
# how often: "once a week", "three times a day", "every 30 minutes", "every other Sunday", "twice", "monthly"
_PERIOD = (
    r"(?:day|week|fortnight|month|year|decade|season|night|hour|minute|second|morning|evening|weekend"
    r"|metre|meter|kilometre|kilometer|mile)s?"  # "every 100 metres"
)
_FREQUENCY = re.compile(
    rf"(?i:\b(?:once|twice|thrice|\w+ times) (?:a|an|per|each|every) (?:\w+ )?{_PERIOD}\b"
    rf"|\bevery (?:other |single |[\w.]+ (?:to [\w.]+ )?)?(?:{_PERIOD}|{_WEEKDAYS})s?\b"
    r"|\bonce in an? \w+\b|\ba (?:day|week|fortnight|month|year)\b"
    r"|\b(?:daily|weekly|fortnightly|monthly|quarterly|annually|yearly|hourly|nightly)\b|\btwice\b(?! as\b))"
)
# A moment told by another event, which answers "when" as a date does: "Three weeks before he died",
# "After Epstein's death, Barr...", "the next day", "later that night"
_MOMENT = re.compile(
    r"(?i:\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) "
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?) (?:before|after|later|earlier)\b"
    r"|\b(?:the (?:next|following|previous) (?:day|morning|night|week|month|year)"
    r"|later that (?:day|night|week|month|year)|that (?:night|morning|afternoon|evening))\b"
    # "within 28 days", "at around six to eight weeks", "in two years' time": when, told from now
    r"|(?<![\w-])(?:within|in|after|at) (?:about |around |roughly |up to |the first |the next )?"
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)"
    r"(?: (?:to|or) (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))?"
    r" (?:days?|weeks?|months?|years?)\b(?! (?:old|of)\b)"
    r"|\bby the (?:end|middle|start) of (?:the|this|next) (?:year|month|week|decade|season|summer|winter)\b"
    # a season as news dates a plan: "in the spring", "next autumn", "by the summer"
    r"|\b(?:in the|by the|this|next|early|late|until the) (?:spring|summer|autumn|winter)\b"
    # a game's or a fight's own clock: "in the 81st minute", "in the sixth round"
    rf"|\bin the (?:\d{{1,3}}(?:st|nd|rd|th)|{'|'.join(_ORDINALS[:12])}|final|last|closing|opening)"
    r" (?:minute|minutes|round|over|lap|set|inning|innings)\b)"
    r"|^(?:After|Before|Following|During|When|Shortly after|Soon after) [^,.;]{3,60},"
)
# "his sixth goal", "their fourth straight win", "for the 11th time": an ordinal that counts
_COUNTING_ORDINAL = rf"(?:{'|'.join(_ORDINALS[2:20])}|\d{{1,3}}(?:st|nd|rd|th))"
_ORDINAL_COUNT = re.compile(
    rf"\b(?i:(?:his|her|their|its|our|my|your) {_COUNTING_ORDINAL}(?= (?!centur|birthday|anniversary)[a-z])"
    # "Whitlock's fifth county doubles title", "the chain's 17th site", "seeking a seventh title", "only the
    # third meteorite fall"
    rf"|(?<=\w['\u2019]s ){_COUNTING_ORDINAL}(?= (?!centur|birthday|anniversary)[a-z])"
    rf"|(?:a|only the) {_COUNTING_ORDINAL}(?= (?!of\b|centur|birthday|anniversary)[a-z])"
    r"|(?:twice|thrice)\b(?! as\b| an? \w| per\b| each\b)"  # "delayed twice"; not "twice as many", "a day"
    rf"|(?:the|a) {_COUNTING_ORDINAL} (?:straight|consecutive|successive)\b"
    rf"|for the {_COUNTING_ORDINAL} time\b"
    # "the third time the plant has closed", "the fifth mass bleaching event on the reef since 2016"
    rf"|the {_COUNTING_ORDINAL} time\b|the {_COUNTING_ORDINAL} (?=[^.,;]{{0,60}}\bsince\b))"
)
# A share said as a fraction: "reduced by a third", "two-thirds of", "by half"; not an ordinal ("a
# third straight win", "the third quarter")
_FRACTION_WORD = r"(?:a|one|two|three|four)[- ](?:third|quarter|fifth|tenth)s?"
_FRACTION = re.compile(
    rf"\b(?i:(?:by|than|nearly|almost|about|around|roughly|over|under) {_FRACTION_WORD}"
    rf"|{_FRACTION_WORD} of"
    r"|(?:by|in|nearly|almost|about|around|roughly|than|over|under) half"
    # "about one in three comets", "1 in 5 adults"
    r"|(?:one|two|three|four|five|\d{1,2}) in (?:two|three|four|five|six|seven|eight|nine|ten|\d{1,4})"
    r"(?= [a-z]))\b"
)
# "rolled past Northern Illinois, 45-17", "led 14-7 at halftime": a game's score (not "20-of-24", "6-2-1")
# and a roundup's "Bruins 5, Devils 1:"
_SCORE = re.compile(
    r"(?<![\d/.,-])\d{1,3}-\d{1,3}(?![\d/-]|\.\d)"
    r"|\b\d{1,3}, [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3} \d{1,3}(?=:)"
    # cricket's: "712 for eight", "81 for two at lunch", "all out for 241", "three for 55"
    rf"|(?i:\b\d{{1,3}} for (?:{_ONE_TO_TEN}|[1-9])\b"
    r"(?! (?:the|a|an)\b| [a-z]+s\b))"  # not "40 for two tickets", "318 for the fourth wicket"
    r"|(?i:\b(?:all out|bowled (?:\w+ )?out|dismissed) for \d{1,3}\b)"
    rf"|(?i:\b(?:{_ONE_TO_TEN}) for \d{{1,3}}\b)"
)
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through|thru)\b[^.;:!?]{0,30}$", re.I)
# "at noon", "at five in the morning", "ten o'clock"
_CLOCK_WORD = re.compile(
    rf"\b(?:noon|midnight|(?:{'|'.join(_SMALL[:12])}|\d{{1,2}})"
    r" (?:in the (?:morning|afternoon|evening)|at night|o'clock))\b",
    re.I,
)
# "100Wh", "75C", "10am" too
_NUMBER = re.compile(
    rf"(?i:\b{_NUM})(?:(?![\w])|(?=[kKMGT]?Wh?(?![\w])|[CF](?![\w])|p(?![\w.])|(?i:am|pm|ft|cm|mm|km|kg|mg|mph)\b|[KMGT]B\b))"
)
_WORKING = r"(?:working|business|school|calendar|trading)"  # "40 working days" is a duration too
# What follows a number says what it measures, tried in this order ("5 years ago" is a date).
_AFTER: list[tuple[str, re.Pattern[str]]] = [
    ("date", re.compile(rf" {_TIME_UNIT} ago\b", re.I)),
    ("energy", re.compile(_ENERGY_UNIT)),  # before time: "5 Wh" is not "5 w..."
    ("power", re.compile(_POWER_UNIT)),
    ("time", re.compile(r"(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|:\d{2}\b", re.I)),
    ("percent", re.compile(r"\s?(?:%|per ?cent\b|percentage points?\b)", re.I)),
    ("money", re.compile(r"(?-i:p)(?![\w.])")),  # "38p a litre": pence
    ("loudness", re.compile(r"[- ]?(?:dBA?|decibels?)\b", re.I)),  # "41 dBa", "a 90-decibel roar"
    # "107 degrees Fahrenheit", "-5°C", "75C" (written on the number); not "a 45-degree angle"
    (
        "temperature",
        re.compile(r"\s?°\s?[CF]?|(?-i:[CF])(?![\w])|[ ]degrees?(?: (?:Fahrenheit|Celsius|F\b|C\b))?", re.I),
    ),
    # "600 million US dollars", "40 Swiss francs"
    ("money", re.compile(rf"[- ](?:(?-i:US|U\.S\.|[A-Z][a-z]+) )?{_CURRENCY_WORD}\b", re.I)),
    # "2,300 metric tons", "30 grams", "5kg"; not pounds, which are money as often
    ("mass", re.compile(_MASS_UNIT, re.I)),
    # "a 20-year-old", "a nine-month-old girl", "five months of age"
    (
        "age",
        re.compile(r"[- ](?:years?|months?|weeks?|days?)[- ]old\b|[- ](?:years?|months?) of age\b", re.I),
    ),
    ("area", re.compile(rf"[- ]?{_AREA_UNIT}(?!\w)", re.I)),
    # "412 megabytes", "1.8GB", "a 2-terabyte drive": how big a download or a drive is ("270,000 TB cases"
    # is no data: the short units only written onto the number)
    ("data", re.compile(r"(?:(?-i:[KMGT]B)|[- ]?(?:kilo|mega|giga|tera|peta)bytes?)\b", re.I)),
    # not "in" before a word or a year: "1.5 million in 2019", "40 in the first round"
    ("length", re.compile(rf"[- ]?(?!in [\w$£€])(?:{LENGTH_UNIT_PATTERN})\b(?!-old)", re.I)),
    # "a 40-working-day review", "ten school days"
    ("duration", re.compile(rf"[- ](?:{_WORKING}[- ])?{_TIME_UNIT}\b", re.I)),
]
# a unit a "how many" question counts in, and the kind of quantity it measures ("how many acres")
_UNIT_KINDS = {
    word: kind
    for kind, words in (
        ("area", "acres hectares"),
        ("length", "miles kilometres kilometers km metres meters feet inches yards centimetres centimeters "
         "millimetres millimeters"),
        ("mass", "tons tonnes kilograms kilos kg grams milligrams ounces lbs"),
    )
    for word in words.split()
}
_CURRENCY_BEFORE = re.compile(rf"{_CURRENCY_SIGN}\s?$")
# "aged 35", "at the age of 35", "aged between 19 and 71"
_AGE_BEFORE = re.compile(
    r"\b(?:aged?(?: around| about| roughly| nearly| almost| over| under)?|age of|aged (?:between|from)"
    r"|aged (?:between )?\d{1,3} (?:and|to)|age (?:was|is|were)) $",
    re.I,
)
# "the youngest volunteer was 16 and the oldest was 83", "the youngest of whom was 11"
_SUPERLATIVE_AGE_BEFORE = re.compile(
    r"\b(?:youngest|oldest)(?: \w+){0,2} (?:was|is|were|are)(?: just| only)? $", re.I
)
# "cost them millions", "paid 5 million": a sum said without its currency, after a verb of money
_MONEY_VERB_BEFORE = re.compile(
    r"\b(?:cost|costs|costing|paid|pay|pays|paying|spent|spend|spends|spending|worth|valued|raised|"
    r"raising|earned|earns|earning|fined|charged|owes|owed)(?: \w+){0,2} $",
    re.I,
)
_SCALED = re.compile(r"(?:million|billion|trillion|thousand)s?\b|\d(?:bn|m|k)$", re.I)
_APPOSITION = re.compile(r"[A-Za-z], (?:then |now )?$")  # "Maria Lopez, 35, said", "Haverstock, then 58, won"
# closing the sentence, the number is an age after a name only: "said Graham Rutherford, 58."
_NAME_APPOSITION = re.compile(r"\b[A-Z][a-z'’-]+, (?:then |now )?$")
# Something every quantity contains: most sentences have none, and two cheap looks rule them out.
_DIGIT_OR_SIGN = re.compile(r"[\d$€£¥₹%]")
_SPACES = str.maketrans({c: " " for c in ".,;:!?\"'()[]-\u2019\u201c\u201d"})
_TRIGGER_WORDS = frozenset(
    _SMALL
    + """dozen dozens hundred hundreds thousand thousands million millions billion billions half twice thrice
    noon midnight yesterday today tomorrow tonight night morning afternoon evening week weekend month year
    decade century centuries summer winter spring autumn fall monday hour minute second day days weeks months
    years hours minutes decades
    metre meter kilometre kilometer mile yard
    tuesday wednesday thursday friday saturday sunday every daily weekly fortnightly monthly quarterly
    annually yearly hourly nightly once january february march april may june july august
    september october november december jan feb mar apr jun jul aug sep sept oct nov dec third thirds
    quarter quarters fifth fifths tenth tenths period era age ages""".split()
    + _ORDINALS[2:20]
    + ["before", "after", "later", "earlier", "following", "during", "when"]
)
_DEPTH_CONTEXT = re.compile(
    r"\b(?:deep(?:er|est)?|depths?|descend\w*|below|beneath|underground|underwater|down|dives?|dived|dove|"
    r"drill\w*|sinks?|sank|bottom|seabed|sea floor|subsurface)\b",
    re.I,
)
_YEARISH = re.compile(r"^(?:1[5-9]|20)\d{2}s?$")


@dataclass(frozen=True)
class Quantity:
    """A number, date or time in a sentence, with its kind."""

    kind: str
    surface: str
    start: int
    end: int


def find_quantities(text: str) -> list[Quantity]:
    """The quantities of *text* in order: dates by their form, numbers by the words around them."""
    text = strip_invisible(text)
    if not _DIGIT_OR_SIGN.search(text) and _TRIGGER_WORDS.isdisjoint(text.lower().translate(_SPACES).split()):
        return []
    found = [Quantity("date", m.group(0), *m.span()) for m in _DATE.finditer(text)]
    found += [
        Quantity("duration", q.surface, q.start, q.end)
        for q in found
        if _UNTIL_BEFORE.search(text, max(0, q.start - 40), q.start)
    ]
    found += [Quantity("time", m.group(0), *m.span()) for m in _CLOCK_WORD.finditer(text)]
    found += [
        Quantity("date" if m.group(0).lower().endswith("ago") else "duration", m.group(0), *m.span())
        for m in _ONE_UNIT.finditer(text)
    ]
    found += [Quantity("count", m.group(0), *m.span()) for m in _ORDINAL_COUNT.finditer(text)]
    for m in _ONE_LENGTH.finditer(text):
        found.append(Quantity("length", m.group(0), *m.span()))
        if m.group(0).endswith("deep") or _DEPTH_CONTEXT.search(text):
            found.append(Quantity("depth", m.group(0), *m.span()))
    found += [Quantity("percent", m.group(0), *m.span()) for m in _FRACTION.finditer(text)]
    dates = sorted((q.start, q.end) for q in found)
    depth = None
    d = 0
    for m in _NUMBER.finditer(text):
        s, e = m.span()
        while d < len(dates) and dates[d][1] <= s:
            d += 1  # numbers come in order: dates wholly before this one are behind us for good
        if d < len(dates) and dates[d][0] < e:
            continue
        kind, end = _number_kind(text, m.group(0), s, e)
        if kind is None:
            continue
        if kind == "length":
            depth = bool(_DEPTH_CONTEXT.search(text)) if depth is None else depth
            if depth:
                found.append(Quantity("depth", text[s:end], s, end))
        found.append(Quantity(kind, text[s:end], s, end))
    found += [Quantity("score", m.group(0), *m.span()) for m in _SCORE.finditer(text)]
    if "vote" in text or "Vote" in text:  # "voted nine to two", "approved by 31 votes to 24": a vote's tally
        found += [Quantity("tally", m.group(0), *m.span()) for m in _TALLY.finditer(text)]
    found += [Quantity("frequency", m.group(0), *m.span()) for m in _FREQUENCY.finditer(text)]
    found += [Quantity("moment", m.group(0), *m.span()) for m in _MOMENT.finditer(text)]
    found.sort(key=lambda q: (q.start, q.kind))
    return found


def _number_kind(text: str, number: str, start: int, end: int) -> tuple[str | None, int]:
    """(kind, end of the quantity) for the number at text[start:end], judged by its neighbours."""
    before = max(0, start - 8)
    if _CURRENCY_BEFORE.search(text, before, start):
        return "money", end  # "$6 million in tax breaks": not six million inches
    aged = _AGE_BEFORE.search(text, max(0, start - 20), start) is not None or (
        _SUPERLATIVE_AGE_BEFORE.search(text, max(0, start - 40), start) is not None
        and not _COUNTED_AFTER.match(text, end)  # "the youngest are four pups"
    )
    for kind, pattern in _AFTER:
        m = pattern.match(text, end)
        if m:
            # "at the age of 18 years and 4 months", "aged 35 years": an age in years
            return ("age" if aged and kind == "duration" else kind), m.end()
    if aged:
        return "age", end
    if _SCALED.search(number) and _MONEY_VERB_BEFORE.search(text, max(0, start - 40), start):
        counted = _COUNTED_AFTER.match(text, end)  # "costs for about 2.1 million households": people
        if counted is None:  # (a currency after it is read as money before this: "5 million dollars")
            return "money", end
    if number.isdigit() and int(number) < 120:
        after = text[end : end + 1]
        if after == "," and _APPOSITION.search(text, before, start):
            return "age", end
        if after in (".", "") and _NAME_APPOSITION.search(text, max(0, start - 30), start):
            return "age", end
    if number.lower() == "one":  # "exactly one unit", not "one of", "no one", "one day"
        m = _ONE_THING.match(text, end)
        counted = m is not None and m.group(1).lower() not in STOPWORDS | _ONE_IDIOMS
        counted = counted and not _NO_ONE.search(text, max(0, start - 7), start)
        return ("count" if counted else None), end
    return ("count", end) if _is_count(number) else (None, end)


_ONE_THING = re.compile(r" ([a-z]+)\b")  # the lower-case word after "one": what it counts
_COUNTED_AFTER = re.compile(r" ([a-z]+s)\b")  # "2.1 million households": what a scaled number counts
_ONE_IDIOMS = frozenset({"day", "time", "way", "thing", "point", "side", "hand", "another", "more", "last"})
_NO_ONE = re.compile(r"\b(?:no|any|the|every|some)\s+$", re.I)


def _is_count(surface: str) -> bool:
    """A bare number counts things; 'one' is too often a pronoun, a year is a date."""
    low = surface.lower()
    return low not in ("one", "half a", "half an") and not _YEARISH.match(low)


_WORD_VALUES = {w: i + 1 for i, w in enumerate(_SMALL[:19])}
_WORD_VALUES |= {w: 20 + 10 * i for i, w in enumerate(_SMALL[19:])}
# "second" is left out: far more often a unit of time, or "the second half", than a number
_ORDINAL_VALUES = {w: i + 1 for i, w in enumerate(_ORDINALS[:20]) if w != "second"}
CARDINAL_WORDS = frozenset(_WORD_VALUES)  # "one" to "ninety": the words that count
_NUMBER_TOKEN = re.compile(r"(\d+)(?:s|st|nd|rd|th)?")


def number_value(token: str) -> int | None:
    """The number a folded token states ("4", "four", "fourth", "4th", "1990s"), or None."""
    if token[0].isdigit():
        m = _NUMBER_TOKEN.fullmatch(token)
        return int(m[1]) if m else None
    return _WORD_VALUES.get(token) or _ORDINAL_VALUES.get(token)


# the number a quantity states and its scale: "£1.2 million", "8C", "2.5bn", "twenty-four weeks"
_VALUE = re.compile(
    r"(\d[\d,]*(?:\.\d+)?|\.\d+|[a-z]+(?:-(?:one|two|three|four|five|six|seven|eight|nine)\b)?)"
    r"(?:\s*(million|billion|thousand|hundred|bn|m|k)\b)?",
    re.I,
)
_SCALES = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3, "hundred": 1e2, "k": 1e3}
# a time said in days, so that "three months" is "90 days" and "24 weeks" is not "six months"
_DAYS = {"sec": 1 / 86400, "min": 1 / 1440, "hour": 1 / 24, "hr": 1 / 24, "day": 1.0, "week": 7.0}
_DAYS |= {"month": 30.44, "year": 365.25, "decade": 3652.5, "centur": 36525.0}
_UNIT_OF_TIME = re.compile(r"\b(sec|min|hour|hr|day|week|month|year|decade|centur)", re.I)


def _word_value(word: str) -> int | None:
    """The number a number word states, "twenty-four" too; None for other words."""
    tens, _, unit = word.lower().partition("-")
    value = _WORD_VALUES.get(tens)
    if value is None or not unit:
        return value
    units = _WORD_VALUES.get(unit)
    return value + units if units is not None and is_tens(value) and units < 10 else None


def quantity_value(surface: str, kind: str = "") -> float | None:
    """The value a quantity's text states, scaled ("£1.2 million": 1200000.0, "8C": 8.0), a duration's
    in days ("three months": 91.32); None when no number can be read from it ("two-thirds")."""
    for m in _VALUE.finditer(surface):
        number, scale = m.groups()
        if number[0].isdigit() or number[0] == ".":
            value = float(number.replace(",", ""))
        elif (word := _word_value(number)) is not None:
            value = float(word)
        elif number.lower() in ("a", "an") and scale:
            value = 1.0  # "a thousand"
        else:
            continue
        if scale:
            value *= _SCALES[scale.lower()]
        if kind == "duration":
            unit = _UNIT_OF_TIME.search(surface, m.end())
            if unit is None:
                return None
            value *= _DAYS[unit.group(1).lower()]
        return value
    return None


def is_tens(value: int) -> bool:
    """Twenty to ninety: a word that may start a compound ("twenty five")."""
    return 20 <= value <= 90 and value % 10 == 0


def numbers_in(words: Iterable[str]) -> frozenset[int]:
    """Every number the words state, and any 'twenty five' their tens words may begin."""
    found = {v for w in words if (v := number_value(w)) is not None}
    found |= {t + u for t in found if is_tens(t) for u in range(1, 10)}
    return frozenset(found)


def quantity_kinds(text: str) -> list[str]:
    """The kinds of quantity present in *text*, in the order of KINDS."""
    present = {q.kind for q in find_quantities(text)}
    if "data" in present:  # "412 megabytes" counts as "412 files" did before data had a kind of its own
        present.add("count")
    return [k for k in KINDS if k in present]


MONEY_WORDS = frozenset(
    "money cost costs costed price priced pay paid spend spent worth value valued fund funding budget "
    "raise raised earn earned salary fee fine revenue profit sales invest invested investment charge "
    # sums of money by what they are for: "how much was the grant", "how much is his bail"
    "grant grants bond bail loan loans donation donations donated award prize bonus wage wages fare rent "
    "debt settlement payment payout subsidy compensation ransom tuition pension reward contract deal offer "
    "bid income earnings expenses give gave given donate donated "
    "contribute contributed contributes contributing contribution lend lent lends lending "
    "dollars euros pounds yen yuan "
    # what a sum is asked of: "how much was Harlow Power fined", "how much is the energy bill"
    "fined fines bill bills".split()
)
# The word that names a kind of quantity in a question, which a sentence stating one answers
# ("how much did it cost": "a budget of $4m"; "what was the final score": "45-17")
STATED_KINDS = (
    {w: "money" for w in MONEY_WORDS}
    | {"score": "score", "scoreline": "score"}
    # "what percentage backed it" of "92% backed"; "what percent" of "64 per cent"
    | {"percentage": "percent", "percentages": "percent", "percent": "percent"}
    | {"time": "time"}  # "what was her winning time" of "to win in 3:37.84"
    | {"hours": "time"}  # "what are the opening hours" of "from 9am to 8pm"
    # "how big is the download" of "The update weighs 412 megabytes"
    | {"download": "data", "downloads": "data", "file": "data", "storage": "data"}
)
_CURRENCIES = frozenset(
    [*CURRENCY_WORDS, *(w + "s" for w in CURRENCY_WORDS), *(w + "es" for w in CURRENCY_WORDS)]
    + [w.lower() for w in _OTHER_MONEY_WORDS]
)
# "how much power / electricity / capacity", "how many gigawatts": watts, or watt-hours
_POWER_WORDS = frozenset(
    """power energy electricity capacity wattage watts kilowatts megawatts gigawatts terawatts
    kw mw gw tw kwh mwh gwh twh""".split()
)
_POWER_OR_ENERGY = frozenset({"power", "energy"})
_BEING_WORDS = frozenset("is are was were r do does did will would can could".split())
# a run of games or results, whose length is counted ("an 11-game losing streak")
_STRETCH_WORDS = frozenset("streak streaks skid drought slump".split())
_TIME_WORDS = frozenset("time years year months month days day weeks week hours hour minutes decades".split())
# what "how much of" a time asks a part of: "how much of the year", "of their lives"
_SPANS = frozenset("year day week month season time life lives night".split())
_COUNT_OR_MONEY = frozenset({"money", "count", "percent"})
# "how much" of a substance is measured in units too: "how much rain" -> "2 inches", "how much solar"
# -> "30.8 GW"
_AMOUNT = _COUNT_OR_MONEY | {"length", "area", "depth", "power", "energy", "mass", "temperature"}
# a change asked about ("how much are sales down") is often given as a percentage, not as money
_CHANGE_WORDS = frozenset(
    """down up fall fell fallen drop dropped rise rose risen increase increased decrease decreased
    decline declined grow grew grown gain gained lose lost climb climbed jump jumped plunge plunged
    slip slipped slide slid shrink shrank cut higher lower lift lifted boost boosted improve
    improved""".split()
)
_LONGER_WORDS = frozenset("longer shorter earlier later sooner faster slower".split())
# what "how high", "how low" or "how far" asks of that is no height: a rate, a level or prices, said in
# percent or money
_RATE_WORDS = frozenset(
    "rate rates inflation unemployment interest yield level levels turnout prices".split()
)
# a change of time asked with "how much": "by how much did the fault delay the arrival" (five months)
_DELAY_WORDS = frozenset("delay delayed delays postpone postponed extend extended overrun".split())
# what a lead or a margin is said in: seconds, points, goals (_ASKS_SIZE)
_LEAD_WORDS = frozenset("lead margin gap".split())
# "how much notice": a time, however a money word ("give") follows
_NOTICE_WORDS = frozenset("notice warning".split())
# money words that are as often a change of anything: "how much did the dam raise the lake's level"
_RAISE_WORDS = frozenset({"raise", "raised"})


# Every question form below needs one of these words, and one of the measuring words (or a word
# starting "percent"): without them, there is nothing to search for.
_ASKING = frozenset({"how", "what", "which", "when"})
_MEASURING = frozenset(
    """fast quick quickly old age time hour percentage percent proportion share fraction deep down depth
    big large small vast huge wide size area far tall high long length distance height many much year years
    date dates
    day days month months decade decades century centuries when hot cold warm temperature degrees heavy
    weigh weighs weighed weight mass width cheap expensive costly pricey pricy score scoreline diameter
    radius circumference loud noisy quiet decibels often frequently hours times vote""".split()
)
_ASKS_AGE = re.compile(
    r"\b(?:how old|what age|which age|at what age|how many years old)\b"
    # "what is Blair's age", "what was the age of the driver"
    r"|\b(?:what|which) (?:is|was|are|were)(?: \w+){0,4} age(?: of\b|$)"
)
_ASKS_TIME = re.compile(r"\b(?:what|which) time\b|\bat what hour\b")
# a race's clock: "what was her winning time" of "to win in 3:37.84" or "in 10.08 seconds"
_ASKS_RACE_TIME = re.compile(
    r"\b(?:winning|finishing|race|record|best|fastest|lap|qualifying) times?\b"
    # "What was Jonas Richter's time?" (tokens drop the 's), "what time did Grant finish in"
    r"|^(?:what|wat|whats)(?: was| is)? (?:the )?\w+(?: \w+)? time$"
    r"|^(?:what|wat) time did \w+(?: \w+)? finish in\b"
)
_ASKS_PERCENT = re.compile(
    r"\b(?:what|which) (?:percentage|percent|proportion|share|fraction)\b|\bhow many percent"
)
_ASKS_TEMPERATURE = re.compile(r"\bhow (?:hot|cold|warm)\b|\bwhat temperature\b|\bhow many degrees\b")
_ASKS_LOUDNESS = re.compile(r"\bhow (?:loud|noisy|quiet)\b|\bhow many decibels\b")
_ASKS_MASS = re.compile(r"\bhow heavy\b|\bweigh(?:s|ed)?\b|\bwhat (?:weight|mass)\b")
_ASKS_SPEED = re.compile(r"\bhow (?:fast|quick|quickly)\b")
_ASKS_DEPTH = re.compile(r"\bhow (?:deep|far down)\b|\bwhat depth\b")
_ASKS_SIZE_OF_NAME = re.compile(r"how (?:big|large|small|vast|huge) (?:is|was|are|were) (?!the\b|it\b)\w+")
_ASKS_SIZE = re.compile(r"\bhow (?:big|large|small|vast|huge)\b|\bwhat (?:size|area)\b")
# "how wide is Europa": a length ("1,900-mile-wide"), not any amount (the "17 nights" they watched it)
_ASKS_LENGTH = re.compile(
    r"\bhow (?:far|tall|high|wide|long is|long was|long are|long were)\b"
    r"|\bhow long (?:will|would|could|should|might|must|can) (?:\w+ ){1,5}be$"  # "how long will the span be"
    r"|\bwhat (?:length|distance|height|width)\b|\b(?:diameter|radius|circumference)\b"
)
_ASKS_PRICE = re.compile(
    r"\bhow (?:cheap|expensive|costly|pricey|pricy)\b"
    # "how much will the houses sell for", "how much did the hoard fetch": a price, not how many were sold
    r"|\bhow much\b.*\b(?:(?:sell|sells|selling|sold|go|goes|going|went)\s+for|fetch(?:ed|es)?)\b"
)
# "what was the final score", "what's the score": a game's score; "who scored" asks for a person; "what was
# the vote", "what was the final vote count": a vote's tally (_ASKS_VOTE)
_ASKS_SCORE = re.compile(r"\b(?:the|final|halftime|game|match) score(?:line)?\b|\bscoreline\b")
_ASKS_VOTE = re.compile(r"^\W*whats?(?:'s| s| is| was)? (?:the )?(?:final )?vote(?: count| tally| result)?\b")
# "what is the fine for it", "what was the final cost of the barrier", "what does a family pass cost": a
# sum named by what it is (a fine may be a share of turnover: "up to 4% of their turnover")
_SUM_NOUNS = (
    "cost costs price prices fine fines fee fees budget salary wage wages fare fares rent bail ransom bill "
    "tuition subsidy payout compensation grant loan donation bonus pension reward"
)
_ASKS_SUM = re.compile(
    r"^(?:what|whats|wat)(?: is| was| are| were| will be| would be| has been| had been)?"
    r"(?: the| its| their| his| her| a| an)?(?: (?!of\b)[a-z-]+)?"
    rf" (?:{'|'.join(_SUM_NOUNS.split())})"
    r"(?: (?:for|of|to|per|on|in|at|under|paid|charged|be|is|was|now|then|before|after|this|last|each)\b.+)?$"
    r"|^(?:what|whats|wat) (?:did|does|do|will|would|could) (?!\w+ (?:say|said|think|thought)\b)(?:\w+ ){1,4}"
    r"cost(?: \w+){0,4}$"
)
# what asks a rate, a share or a change of a sum, which need not be money: "what share of fares"
_NOT_A_SUM = frozenset(
    "share rate inflation odds rule percentage percent proportion change rise cut increase fall drop".split()
)
_ASKS_HOW_LONG_SINCE = re.compile(r"\bhow long (?:has|have|had)\b")
_ASKS_HOW_LONG = re.compile(r"\bhow long\b")
_ASKS_AMOUNT = re.compile(r"\b(?:how many|how much)\b")
_WHAT_WORDS = frozenset({"what", "wat", "whats", "when", "which"})
_ASKS_AMOUNT_OR_SHARE = frozenset({"many", "much", "percentage", "percent", "proportion", "share"})
_ASKS_HOURS = re.compile(r"\b(?:opening|closing|business|trading|visiting) (?:hours|times)\b")
_ASKS_OFTEN = re.compile(r"\bhow (?:often|frequently)\b|\bhow many times (?:a|an|per|each|every)\b")
_ASKS_DATE = re.compile(
    r"\b(?:what|which) (?:years?|dates?|days?|months?|decades?|century|centuries)\b|\bsince when\b"
)


def wanted_kind(question: str) -> frozenset[str] | None:
    """The kinds of quantity that would answer *question*, or None when it asks for no quantity."""
    return wanted_kind_of(tokens(question))


# what a size in bytes is the size of: "how big is the download", "how much storage does it have"
_DATA_WORDS = frozenset(
    "data storage space memory download downloads file files update patch drive install".split()
)


def wanted_kind_of(words: list[str]) -> frozenset[str] | None:
    """wanted_kind of a question already split into its tokens (text.tokens)."""
    kinds = _wanted_kind_of(words)
    if kinds is not None and ("count" in kinds or "area" in kinds) and not _DATA_WORDS.isdisjoint(words):
        return kinds | {"data"}
    return kinds


def _wanted_kind_of(words: list[str]) -> frozenset[str] | None:
    text = " ".join(words)
    if _ASKS_SUM.match(text) and _NOT_A_SUM.isdisjoint(words):
        return frozenset({"money", "percent"})
    if _ASKING.isdisjoint(words):
        return None
    if _MEASURING.isdisjoint(words) and "percent" not in text:
        return None
    after = _words_after(words, ("how", "many")) or _words_after(words, ("how", "much"))
    if _ASKS_AGE.search(text):
        return frozenset({"age"})
    if _ASKS_HOURS.search(text) and words[0] in _WHAT_WORDS and _ASKS_AMOUNT_OR_SHARE.isdisjoint(words):
        # "what are the opening hours": "from 9am to 8pm"; not "how many libraries will have their opening
        # hours cut"
        return frozenset({"time"})
    if _ASKS_OFTEN.search(text):  # "how often": "once a week", "every 30 minutes", "twice"
        return frozenset({"frequency", "percent", "count"})  # "in 61 percent of cases", "on 41 occasions"
    if _ASKS_RACE_TIME.search(text):
        return frozenset({"time", "duration"})
    if _ASKS_TIME.search(text):
        return frozenset({"time"})
    if _ASKS_PERCENT.search(text):
        return frozenset({"percent"})
    if _ASKS_TEMPERATURE.search(text):
        return frozenset({"temperature"})
    if _ASKS_SCORE.search(text):
        return frozenset({"score"})
    if _ASKS_VOTE.search(text):  # "nine to two", "36-31", "by 87 per cent"
        return frozenset({"tally", "score", "percent"})
    if _ASKS_LOUDNESS.search(text):
        return frozenset({"loudness"})
    if _ASKS_MASS.search(text):
        return frozenset({"mass"})
    if _ASKS_PRICE.search(text):  # "how cheap will modules get": a price
        return frozenset({"money"})
    if _ASKS_DEPTH.search(text):
        return frozenset({"depth"})
    if _ASKS_SPEED.search(text):
        # a speed is read as its length ("240 km/h", "11 knots"), a sell-out by its time ("in 38 minutes"),
        # a growth by its rate ("9.2 per cent a year")
        return frozenset({"length", "duration", "percent"})
    if _ASKS_SIZE_OF_NAME.fullmatch(text):  # "how big is europa": a place or a body, not a fleet
        return frozenset({"area", "length"})
    if _ASKS_SIZE.search(text):
        # the size of a place is an area or a length; of a fleet, an order or a plant, a count, money or
        # watts; of a lead or a margin, a time or a score too ("leads by 38 seconds")
        if not _LEAD_WORDS.isdisjoint(words):
            return frozenset({"count", "percent", "length", "duration", "score", "time"})
        return frozenset({"area", "length", "count", "money", "percent", "power", "energy"})
    if "long" in words and not _STRETCH_WORDS.isdisjoint(words) and _ASKS_HOW_LONG.search(text):
        return frozenset({"duration", "count"})  # "how long is the streak": "15 games" answers it
    if _ASKS_LENGTH.search(text):
        # "how far up was the index", "how high did it climb"; not "how long was the site down"
        if not _CHANGE_WORDS.isdisjoint(words) and "long" not in words:
            return _AMOUNT
        if "long" in words or "far away" in text or "far off" in text or "far apart" in text:
            return frozenset({"length", "duration"})  # "five years away", "48 minutes apart"
        if not {"high", "low", "far"}.isdisjoint(words) and not (MONEY_WORDS | _RATE_WORDS).isdisjoint(words):
            return _AMOUNT  # "how high could the fee go", "how far are prices below the peak"
        return frozenset({"length"})
    if "ago" in words and _ASKS_HOW_LONG.search(text):  # "how long ago": "4.6 billion years ago"
        return frozenset({"duration", "date"})
    if _ASKS_HOW_LONG_SINCE.search(text):
        # "how long has she led it": "for ten years", or "since 2014"
        return frozenset({"duration", "date"})
    if _ASKS_HOW_LONG.search(text):
        return frozenset({"duration"})
    if _ASKS_AMOUNT.search(text):
        # the noun right after "how many" / "how much" is what is measured: "how many years"
        at = next(i for i in range(1, len(words)) if words[i - 1] == "how" and words[i] in ("many", "much"))
        counted = set(words[at + 1 : at + 2])
        if words[at] == "much" and counted == {"of"}:  # "how much of group sales": a share, or a sum
            # "how much of the year": a share, or a time ("up to seven months of the year")
            return _AMOUNT | {"duration"} if _SPANS.intersection(words[at + 2 : at + 4]) else _AMOUNT
        if counted & _NOTICE_WORDS:  # "how much notice must they give": "at least 28 days"
            return frozenset({"duration"})
        # "how much prison time"; not "how much are day tickets", whose next word is a verb's
        if (counted | (set(words[at + 2 : at + 3]) if not counted & _BEING_WORDS else set())) & _TIME_WORDS:
            if words[at] == "many" and not counted & _TIME_WORDS:  # "how many migraine days": counted
                return frozenset({"duration", "count"})
            return frozenset({"duration"})
        if words[at] == "much":
            if (after & MONEY_WORDS) - _RAISE_WORDS and not after & _CHANGE_WORDS:
                return frozenset({"money"})
            if after & _POWER_WORDS:  # "how much did capacity rise": watts, or a percentage
                # "how much less power does it use": a percentage too
                changed = after & _CHANGE_WORDS or words[at + 1] in ("less", "more")
                return _AMOUNT if changed else _POWER_OR_ENERGY
            if not _LONGER_WORDS.isdisjoint(words[at + 1 : at + 2]) or after & _DELAY_WORDS:
                return _AMOUNT | {"duration"}  # "how much longer did they sleep", "delay the arrival"
            return _AMOUNT
        if counted & _POWER_WORDS and (at + 2 >= len(words) or words[at + 2] in STOPWORDS):
            return _POWER_OR_ENERGY  # "how many gigawatts does it add", not "how many energy priorities"
        if counted and (unit := _UNIT_KINDS.get(next(iter(counted)))):
            return frozenset({unit, "count"})  # "how many acres burned": "18,400 acres"
        # "how many posts are vacant": "a quarter of its posts", "58 per cent of patients"
        return frozenset({"money"}) if counted & _CURRENCIES else frozenset({"count", "percent"})
    # "when" asks for a date only as the question's own word ("so when did..."), not in a clause
    # ("what turned up when they searched the car")
    asks_when = "when" in words[:3]
    dated = _ASKS_DATE.search(text)
    if dated or asks_when:
        return frozenset({"date", "time", "moment"}) if asks_when else frozenset({"date"})
    return None


def _words_after(words: list[str], form: tuple[str, str]) -> frozenset[str]:
    for i in range(len(words) - 1):
        if (words[i], words[i + 1]) == form:
            return frozenset(words[i + 2 : i + 12])
    return frozenset()
