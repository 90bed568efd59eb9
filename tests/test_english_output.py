"""With ``--lang en``, `status`, `checklist`, `next` and the Markdown export speak English: our words and the content.

Names (systems, roles, documents, contacts, the guide's sections) stay Dutch with an English gloss; the
detector of tests/dutch.py takes them out before looking for Dutch words. The Dutch output itself is
pinned by the golden files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dutch import dutch_words

from conftest import EXAMPLE_FILES, LOKAAL, Result, example_answers

pytestmark = pytest.mark.usefixtures("shared_content_cache")


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_status_checklist_next_and_markdown_in_english_have_no_dutch_words(
    example: Path, cli: Callable[..., Result]
) -> None:
    assert cli("start", "--answers", str(example), "--profile", example.stem).code == 0
    organisation = str(example_answers(example)["org_name"])
    for args in (("status",), ("checklist",), ("next",), ("checklist", "--export", "md")):
        result = cli("--lang", "en", *args, "--profile", example.stem)
        assert result.code == 0, result.text
        found = dutch_words(result.out, [organisation])
        assert not found, (args, found)


def test_html_and_json_in_english_keep_their_codes(cli: Callable[..., Result]) -> None:
    import json

    example = LOKAAL
    assert cli("start", "--answers", str(example), "--profile", "en").code == 0
    html = cli("--lang", "en", "checklist", "--export", "html", "--profile", "en").out
    assert '<html lang="en">' in html
    assert "<h2>What you can do now</h2>" in html and "punten klaar" not in html
    english = json.loads(cli("--lang", "en", "checklist", "--export", "json", "--profile", "en").out)
    dutch = json.loads(cli("checklist", "--export", "json", "--profile", "en").out)
    assert [(i["id"], i["status"]) for i in english["items"]] == [(i["id"], i["status"]) for i in dutch["items"]]
    assert english["items"][0]["reasons"] != dutch["items"][0]["reasons"]
