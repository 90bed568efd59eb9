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
    """A glossary term: its name and aliases, a short explanation for under a question, and more."""

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
    """glossary.yaml: the terms the interview explains."""

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


def gloss(term: Term, dutch: Term) -> str | None:
    """The English gloss in a term's name: "lot" of "perceel (lot)" (the English content writes a glossed
    name as "Dutch name (gloss)"; ``dutch`` is the same term in the Dutch content), None without one."""
    prefix = dutch.term + " ("
    if term.term.startswith(prefix) and term.term.endswith(")") and len(term.term) > len(prefix) + 1:
        return term.term[len(prefix) : -1]
    return None


def _plural(word: str) -> str | None:
    """The plain English plural of a gloss ("lots", "work requests"), None when it ends in s or )."""
    return None if word.endswith(("s", ")")) else word + "s"


def names_in_both(term: Term, dutch: Term | None = None) -> list[str]:
    """The names to find ``term`` by: its term and aliases; with ``dutch`` (the same term in the Dutch
    content, for the English one) also the Dutch term and the English gloss in singular and plural, or
    the plural of a name without a gloss ("Projects" for "Project")."""
    names = term.names
    if dutch is None or dutch is term:
        return names
    english = gloss(term, dutch) or term.term
    more = [dutch.term, *dutch.aliases, english, _plural(english) or english]
    return list(dict.fromkeys([*names, *more]))


def _owners(terms: list[Term], dutch: list[Term] | None) -> dict[str, Term]:
    """Each name (folded) and its term; a name of a term's own wins over another term's Dutch name or gloss."""
    by_id = {t.id: t for t in dutch or []}
    owner = {fold(n): t for t in terms for n in t.names}
    for t in terms:
        for name in names_in_both(t, by_id.get(t.id)):
            owner.setdefault(fold(name), t)
    return owner


def _pattern(names: list[str]) -> re.Pattern[str]:
    longest_first = sorted(set(names), key=len, reverse=True)
    return re.compile(_EDGE_BEFORE + "(" + "|".join(re.escape(n) for n in longest_first) + ")" + _EDGE_AFTER)


def terms_in(terms: list[Term], texts: list[str], dutch: list[Term] | None = None) -> list[Term]:
    """The terms the texts use (term or alias, whole words), in the order they first appear; each once.

    ``dutch``: the Dutch glossary, when ``terms`` is the English one: an English text is then also searched
    for the Dutch names (which stay in it) and the English glosses ("lots" finds "perceel (lot)")."""
    if not terms:
        return []
    owner = _owners(terms, dutch)
    pattern = _pattern(list(owner))
    found: list[Term] = []
    for text in texts:
        for match in pattern.finditer(fold(text)):
            term = owner[match.group(1)]
            if term not in found:
                found.append(term)
    return found


def lookup(terms: list[Term], name: str, dutch: list[Term] | None = None) -> Term | None:
    """The term with this name or alias (accents, case and spacing do not count), or its id; ``dutch``
    as for :func:`terms_in` (the English glossary also knows its terms by their Dutch names)."""
    wanted = fold(name)
    by_id = {t.id: t for t in terms}
    return by_id.get(wanted) or _owners(terms, dutch).get(wanted)


def near_misses(terms: list[Term], name: str, limit: int = 3, dutch: list[Term] | None = None) -> list[Term]:
    """The terms whose name or alias looks most like ``name`` (a typo, a missing hyphen), best first; then
    those that have ``name`` as a word of their name ("key" for "eIDAS-sleutel (eIDAS key)")."""
    import difflib

    wanted = fold(name)
    if not wanted:  # nothing typed looks like every term
        return []
    owner = _owners(terms, dutch)
    close = difflib.get_close_matches(wanted, list(owner), n=limit * 3, cutoff=0.7)
    holding = [key for key in owner if wanted in re.split(r"[^\w]+", key)]
    found: list[Term] = []
    for key in [*close, *holding]:
        if owner[key] not in found:
            found.append(owner[key])
    return found[:limit]
