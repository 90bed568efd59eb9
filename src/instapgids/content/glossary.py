"""The glossary (``glossary.yaml``): terms explained with what the guide says, and finding them in a text.

Matching is accent- and case-insensitive and on whole words: "Perceel" and "percelen" (an alias) match
in "Welke percelen?", "IDM" does not match inside "ACM/IDM-beheer" unless it stands as a word of its own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from instapgids.content.fields import STRICT, Id, SectionNo, Text

SHORT_MAX = 160  # characters: the short explanation fits on two lines under a question


@dataclass(kw_only=True, eq=False, repr=False)
class Term:
    __pydantic_config__ = STRICT

    id: Id
    term: Text
    aliases: list[Text] = field(default_factory=list)
    short: Text
    more: Text | None = None
    section: SectionNo
    see: list[Id] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.short) > SHORT_MAX:
            raise ValueError(f"'short' telt {len(self.short)} tekens; hoogstens {SHORT_MAX}")

    @property
    def names(self) -> list[str]:
        """The term and its aliases, as written."""
        return [self.term, *self.aliases]


@dataclass(kw_only=True, eq=False, repr=False)
class GlossaryFile:
    __pydantic_config__ = STRICT

    terms: list[Term]


def fold(text: str) -> str:
    """Lower case without accents, every run of white space one space: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().replace("’", "'").split())


# A name stands as a whole word: not preceded or followed by a letter, digit or hyphen.
_EDGE_BEFORE = r"(?<![\w-])"
_EDGE_AFTER = r"(?![\w-])"


def _pattern(terms: list[Term]) -> re.Pattern[str]:
    names = sorted({fold(n) for t in terms for n in t.names}, key=len, reverse=True)
    return re.compile(_EDGE_BEFORE + "(" + "|".join(re.escape(n) for n in names) + ")" + _EDGE_AFTER)


def terms_in(terms: list[Term], texts: list[str]) -> list[Term]:
    """The terms the texts use (term or alias, whole words), in the order they first appear; each once."""
    if not terms:
        return []
    owner = {fold(n): t for t in terms for n in t.names}
    pattern = _pattern(terms)
    found: list[Term] = []
    for text in texts:
        for match in pattern.finditer(fold(text)):
            term = owner[match.group(1)]
            if term not in found:
                found.append(term)
    return found


def lookup(terms: list[Term], name: str) -> Term | None:
    """The term with this name or alias (accents, case and spacing do not count), or its id."""
    wanted = fold(name)
    for term in terms:
        if wanted == term.id or any(fold(n) == wanted for n in term.names):
            return term
    return None


def near_misses(terms: list[Term], name: str, limit: int = 3) -> list[Term]:
    """The terms whose name or alias looks most like ``name`` (a typo, a missing hyphen), best first."""
    import difflib

    owner = {fold(n): t for t in terms for n in t.names}
    found: list[Term] = []
    for key in difflib.get_close_matches(fold(name), list(owner), n=limit * 3, cutoff=0.7):
        if owner[key] not in found:
            found.append(owner[key])
    return found[:limit]
