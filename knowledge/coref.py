"""Where a sentence refers back to a person or an organisation without naming it.

Pronouns and possessives ("she", "her budget", "its plan", "it said"), definite descriptions
("the company", "the minister") and ages ("the 27-year-old"), found by position so the caller can tell
whether a name came first.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .acronyms import TITLE_ACRONYMS
from .gazetteer import TITLE_WORDS

_PERSON = re.compile(r"\b(?:he|she|his|her|him|hers|himself|herself)\b", re.I)
# "it" alone is too often empty ("it is likely"); with a verb of saying or doing it is the organisation.
_ORGANISATION = re.compile(
    r"\b(?:its|itself)\b|\bit\s+(?:said|says|added|announced|reported|plans|planned|expects|expected|"
    r"wants|hopes|agreed|decided|will|would|has|had|also|did|does|could|should|may|might|must)\b",
    re.I,
)
_PLURAL = re.compile(r"\b(?:they|their|theirs|them|themselves)\b", re.I)
_ORGANISATION_NOUNS = (
    "company|firm|group|carrier|airline|agency|organisation|organization|bank|club|team|ministry|"
    "department|council|government|party|alliance|bloc|union|body|utility|manufacturer|maker|retailer|"
    "startup|lender|insurer|regulator|authority|board|committee|court|university|school|hospital|"
    "band|league|network|publisher|broadcaster|newspaper"
)
_ORGANISATION_DESCRIPTION = re.compile(rf"\bthe\s+(?:{_ORGANISATION_NOUNS})\b", re.I)
# Title words that name a role, as in "the minister"; modifiers ("former", "deputy") and forms of
# address ("Mr") are left out, and so are the organisations a title names ("NATO Secretary General").
_MODIFIERS = frozenset(
    "former acting outgoing incumbent deputy vice foreign defence defense prime state".split()
)
ROLE_NOUNS = frozenset(
    w.lower() for w in TITLE_WORDS | TITLE_ACRONYMS if len(w) > 3 or w in TITLE_ACRONYMS
) - (_MODIFIERS | {"mrs", "prof", "general"})
_ROLE_DESCRIPTION = re.compile(r"\bthe\s+([a-z]+)(?:\s+([a-z]+))?", re.I)


def person_pronoun(text: str) -> tuple[int, str] | None:
    """(where, "m" or "f") of the first pronoun in *text* that refers to a person, or None."""
    m = _PERSON.search(text)
    if m is None:
        return None
    return m.start(), "f" if m.group().lower() in _FEMININE else "m"


_FEMININE = frozenset({"she", "her", "hers", "herself"})


# "the 27-year-old", "The 47-year-old Dutchman": news names a person by age after first naming them
_AGE_DESCRIPTION = re.compile(r"\bthe\s+\d{1,3}-year-old\b", re.I)


def age_description(text: str) -> int | None:
    """Where *text* first refers to a person by age alone ("the 27-year-old"), or None."""
    m = _AGE_DESCRIPTION.search(text)
    return m.start() if m else None


def organisation_reference(text: str, plural_too: bool = False) -> int | None:
    """Where *text* first refers to an organisation by pronoun or description ("the company"), or None.

    *plural_too*: "they" and "their" count, for when no person was named more recently.
    """
    found = [m.start() for p in (_ORGANISATION, _ORGANISATION_DESCRIPTION) if (m := p.search(text))]
    if plural_too and (m := _PLURAL.search(text)):
        found.append(m.start())
    return min(found, default=None)


def role_words(title: str) -> list[str]:
    """The words of *title* that name a role ("minister" in "Finance Minister"), not its owner or rank."""
    return [w for w in title.lower().replace("-", " ").split() if w in ROLE_NOUNS]


def role_references(text: str, roles: Collection[str]) -> list[tuple[int, str]]:
    """(position, role word) for each "the minister" or "the finance minister" whose role is in *roles*."""
    found = []
    for m in _ROLE_DESCRIPTION.finditer(text):
        for word in (m.group(2), m.group(1)):
            if word and word.lower() in roles:
                found.append((m.start(), word.lower()))
                break
    return found
