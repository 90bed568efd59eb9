"""A note in the checklist (issue 19): 'Houd er rekening mee dat één van uw leveranciers hoofdaannemer wordt'
is nothing a person can do, so it is shown as a note everywhere: no id to tick off, not counted, and
`done` refuses it with a word."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import AGENTSCHAP, DATA, Result

pytestmark = pytest.mark.usefixtures("shared_content_cache")

NOTE = "hoofdaannemer"
TITLE = "hoofdaannemer"


@pytest.mark.parametrize("fmt", ["terminal", "md", "html", "json"])
def test_the_main_contractor_note_is_a_note_without_an_id(fmt: str, cli: Callable[..., Result]) -> None:
    assert cli("start", "--answers", str(AGENTSCHAP), "--profile", "p").code == 0  # two lots: two suppliers
    args = ("checklist", "--profile", "p") + (() if fmt == "terminal" else ("--export", fmt))
    shown = cli(*args).out
    assert TITLE in shown
    if fmt == "json":
        data = json.loads(shown)
        assert NOTE not in [item["id"] for item in data["items"]]
        assert any(TITLE in note["title"] for note in data["notes"]), data["notes"]
        return
    assert f"id: {NOTE}" not in shown and f"id: `{NOTE}`" not in shown
    assert "Let op" in shown


def test_a_note_is_not_counted_nor_can_it_be_ticked_off(cli: Callable[..., Result]) -> None:
    assert cli("start", "--answers", str(AGENTSCHAP), "--profile", "p").code == 0
    refused = cli("done", NOTE, "--profile", "p")
    assert refused.code != 0 and "opmerking" in refused.err, refused.err
    english = cli("--lang", "en", "done", NOTE, "--profile", "p")
    assert english.code != 0 and "note" in english.err, english.err
    assert NOTE not in cli("status", "--profile", "p").out


def test_a_note_that_waits_or_can_be_done_is_refused(tmp_path: Path) -> None:
    from instapgids.content.load import load_content
    from instapgids.errors import UserError

    shutil.copytree(DATA, tmp_path / "data")
    journey = tmp_path / "data" / "journey.yaml"
    text = journey.read_text(encoding="utf-8")
    marked = text.replace(
        "            kind: note\n", "            kind: note\n            waits_for: [klantbereik-nakijken]\n"
    )
    assert marked != text
    journey.write_text(marked, encoding="utf-8")
    with pytest.raises(UserError, match=r"journey\.yaml:"):
        load_content(tmp_path / "data")
