"""With ``--lang en``, `status`, `checklist`, `next` and the Markdown export speak English: our words and the content.

Names (systems, roles, documents, contacts, the guide's sections) stay Dutch with an English gloss; they
are taken out before looking for Dutch words. The Dutch output itself is pinned by the golden files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLES, Result, example_answers

pytestmark = pytest.mark.usefixtures("shared_content_cache")

DUTCH = (" niet ", " klaar", "Waarom", "Bron", "punten", " uw ", "Voortgang", "Totaal", "Percelen", " nodig")
DUTCH += ("Soort organisatie", "Fase ", "Gids:", "Geldt voor", "Wacht op", "Afvinken", " bezig", "gestart")
DUTCH += ("Stap ", "waarvan", "Dit kunt u", "andere punten", "volledige", "Klaar?", "Niets kan")


def _names() -> list[str]:
    """Every name as the English content writes it ("Klantenportaal (customer portal)"), longest first."""
    from instapgids.content.load import load_content

    content = load_content(language="en")
    names = [c.name for c in content.contact_by_id.values()]
    names += [d.title for d in content.document_by_id.values()]
    names += [s.name for s in content.system_by_id.values()]
    names += [r.name for r in content.right_by_id.values()] + [r.name for _, r in content.role_by_id.values()]
    names += [s.title for s in content.section_by_number.values()]
    names += [content.guide.guide.title]
    return sorted({n for n in names if n}, key=len, reverse=True)


def _without_names(text: str, names: list[str], organisation: str) -> str:
    text = " ".join(text.split())  # Rich wraps lines
    for name in [*names, organisation]:
        text = text.replace(" ".join(name.split()), "«name»")
    return re.sub(r"'[^']*'", "«name»", text)  # the guide's screens and buttons, quoted


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_status_checklist_next_and_markdown_in_english_have_no_dutch_words(
    example: Path, cli: Callable[..., Result]
) -> None:
    assert cli("start", "--answers", str(example), "--profile", example.stem).code == 0
    names = _names()
    organisation = str(example_answers(example)["org_name"])
    for args in (("status",), ("checklist",), ("next",), ("checklist", "--export", "md")):
        result = cli("--lang", "en", *args, "--profile", example.stem)
        assert result.code == 0, result.text
        text = _without_names(result.out, names, organisation)
        found = [word for word in DUTCH if word in text]
        assert not found, (args, found, [text[max(0, text.find(w) - 80) : text.find(w) + 80] for w in found])


def test_html_and_json_in_english_keep_their_codes(cli: Callable[..., Result]) -> None:
    import json

    example = EXAMPLES / "lokaal-bestuur-netwerk.yaml"
    assert cli("start", "--answers", str(example), "--profile", "en").code == 0
    html = cli("--lang", "en", "checklist", "--export", "html", "--profile", "en").out
    assert '<html lang="en">' in html
    assert "<h2>What you can do now</h2>" in html and "punten klaar" not in html
    english = json.loads(cli("--lang", "en", "checklist", "--export", "json", "--profile", "en").out)
    dutch = json.loads(cli("checklist", "--export", "json", "--profile", "en").out)
    assert [(i["id"], i["status"]) for i in english["items"]] == [(i["id"], i["status"]) for i in dutch["items"]]
    assert english["items"][0]["reasons"] != dutch["items"][0]["reasons"]
