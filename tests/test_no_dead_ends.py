"""No dead ends (issue 10): every document says where to find it or whom to ask, and a hint that points
to "deze pagina" gives that page's address."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import AGENTSCHAP, EXAMPLE_FILES, Result, checklist_of

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


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_a_mail_that_points_to_this_page_gives_its_address(content: Any, example: Path) -> None:
    from instapgids.presentation.mails import drafts

    for draft in drafts(content, checklist_of(content, example)):
        for text in (draft.to_hint, draft.body):
            if "deze pagina" in text:
                assert "https://" in text, (draft.id, text)
