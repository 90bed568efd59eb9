"""Finding Dutch left in English output (issue 11): one detector for every English test.

Names stay Dutch in English ("Klantenportaal (customer portal)", "Product Manager Digitaal Vlaanderen
van het perceel"), so they are taken out first: every name the English content holds, the organisation
names the test passes, quoted text (the guide's screens and buttons), e-mail and web addresses, file
paths, item ids and command lines (up to the sentence after them). What is left is looked up word by
word in a list of Dutch words that are not English words, so "is", "in" and "over" never count.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

# Dutch function words and the program's own Dutch vocabulary; none of them is an English word.
_DUTCH = """
    de het een van voor met niet uw naar wordt worden kunt moet moeten zijn ook nog als bij deze dit
    wat wie waar hoe welke geen alle eerst daarna wanneer omdat hebt heeft kan kunnen zoals te om er
    maar dan onder tussen na wij ons onze hun zij ze dat wel nee ja zonder
    stap stappen fase fases klaar bezig gestart voortgang perceel percelen profiel profielen antwoord
    antwoorden vraag vragen bestand bestanden toon zoek regel kolom systeem systemen rechten rollen
    gebruik gebruikt waarom bron punten nodig geldt wacht afvinken volgende vorige totaal waarvan
    opdracht inhoud fout ongeldig onbekend bestaat gevonden verwacht gebruiker beheerder aanvragen
"""
DUTCH_WORDS = frozenset(_DUTCH.split())  # not "in", "is", "of", "op", "die", "door", "map", "over": English words too

# A quote opens after a non-letter and closes before one, so the apostrophe of "partner's" is no quote.
_QUOTED = re.compile(r"(?<!\w)'[^']*'(?!\w)|\"[^\"]*\"|‘[^’]*’|“[^”]*”")
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|(?<!\S)[~.]{0,2}/[^\s/]+/\S+")  # and file paths
# A command's words: options, subcommands, ids, paths, N; a capitalised word ("Uw", "The") is the sentence after it.
_COMMAND = re.compile(r"instapgids(\s+(--?[\w-]+|(?![A-Z][a-z])[\w./<>…-]+))*")
_ID = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b")  # item ids and other kebab-case codes
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def english_names() -> tuple[str, ...]:
    """Every name as the English content writes it ("Klantenportaal (customer portal)"), longest first."""
    from conftest import content_in

    content: Any = content_in("en")
    names = [c.name for c in content.contact_by_id.values()]
    names += [d.title for d in content.document_by_id.values()]
    names += [s.name for s in content.system_by_id.values()]
    names += [r.name for r in content.right_by_id.values()] + [r.name for _, r in content.role_by_id.values()]
    names += [s.title for s in content.section_by_number.values()]
    names += [content.guide.guide.title]
    return tuple(sorted({" ".join(n.split()) for n in names if n}, key=len, reverse=True))


def without_names(text: str, extra: Iterable[str] = ()) -> str:
    """The text on one line, with names, quotes, addresses, ids and command lines replaced by «name»."""
    text = " ".join(text.split())  # Rich wraps lines
    # all names longest first, so that a name inside a longer one ("Toegangs- en Gebruikersbeheer (ACM/IDM)" in
    # "Integratie met Toegangs- en Gebruikersbeheer (ACM/IDM; integration with ...)") does not break it up
    names = {" ".join(n.split()) for n in extra if n} | set(english_names())
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, "«name»")
    for pattern in (_QUOTED, _ADDRESS, _COMMAND, _ID):
        text = pattern.sub("«name»", text)
    return text


def dutch_words(text: str, extra: Iterable[str] = ()) -> list[str]:
    """Each Dutch word left once names are out, with 60 characters of context either side."""
    plain = without_names(text, extra)
    found = []
    for match in _WORD.finditer(plain):
        if match.group().lower() in DUTCH_WORDS:
            found.append(f"{match.group()!r} in …{plain[max(0, match.start() - 60) : match.end() + 60]}…")
    return found
