"""No dead ends (issue 10): every document says where to find it or whom to ask, and a mail to someone
without an address says where to find them, with the page's address."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from conftest import AGENTSCHAP, EXAMPLE_FILES, LOKAAL, Result, checklist_of

pytestmark = pytest.mark.usefixtures("shared_content_cache")  # reads the shipped content: validated once

DEAD_END = "geen adres in de gids"


def test_every_document_has_an_address_or_says_where_to_look(content: Any) -> None:
    for document in content.documents_file.documents:
        assert document.url or document.where, document.id


def test_a_document_without_url_or_where_is_refused(tmp_path: Path) -> None:
    from pydantic import TypeAdapter, ValidationError

    from instapgids.content import models as m

    with pytest.raises(ValidationError, match="where"):
        TypeAdapter(m.Document).validate_python({"id": "x", "title": "X", "kind": "link", "sections": ["2"]})


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_no_export_is_a_dead_end(content: Any, example: Path, fmt: str) -> None:
    from instapgids.presentation.exports import export

    text = export(content, checklist_of(content, example), fmt)
    assert DEAD_END not in text


@pytest.mark.parametrize(
    "args",
    [("lots", "show", str(n)) for n in range(1, 7)]
    + [("systems", s) for s in ("ddc-dms", "klantenportaal", "cmdb2", "ddc-dwh", "delegate365", "redmine")]
    + [("checklist",), ("next",), ("status",), ("mails",)],
    ids=" ".join,
)
def test_no_terminal_view_is_a_dead_end(cli: Callable[..., Result], args: tuple[str, ...]) -> None:
    assert cli("start", "--answers", str(AGENTSCHAP)).code == 0
    for lang in ("nl", "en"):
        result = cli("--lang", lang, *args)
        assert DEAD_END not in result.text, result.text


ADDRESS = re.compile(r"https?://\S+|[\w.+-]+@[\w-]+\.[\w.-]+")


def unreachable(drafts: list[Any]) -> list[tuple[str, str]]:
    """The drafts without an e-mail address whose hint gives no web or e-mail address either."""
    return [(d.id, d.to_hint) for d in drafts if not d.to and not ADDRESS.search(d.to_hint)]


def test_a_mail_without_an_address_says_where_to_find_the_recipient(content: Any) -> None:
    from instapgids.presentation.mails import drafts

    made = [d for example in EXAMPLE_FILES for d in drafts(content, checklist_of(content, example))]
    assert {d.id for d in made if not d.to} >= {"lokale-beheerder"}  # there are such mails to check
    assert not unreachable(made)


def test_a_hint_that_points_to_a_page_without_its_address_is_found(content: Any) -> None:
    """What the local administrator's hint once said: 'Kijk op deze pagina', with no page."""
    from instapgids.presentation.mails import drafts

    [draft] = [d for d in drafts(content, checklist_of(content, LOKAAL)) if d.id == "lokale-beheerder"]
    vague = replace(
        draft, to_hint="Kent u uw lokale beheerder niet? Kijk op deze pagina onder de tab 'Mijn lokale beheerder'."
    )
    assert unreachable([vague]) == [("lokale-beheerder", vague.to_hint)]
    assert unreachable([draft]) == []
