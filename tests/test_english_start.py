"""What `start` prints once the answers are in, in English (issue 11): the next steps and where the rest is.

The interview itself is tested on a pseudo-terminal (tests/test_interview_english.py); here the same
interview runs in-process and its printed checklist is read word by word (tests/dutch.py), as is what
`start --answers` prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from dutch import dutch_words

from conftest import LOKAAL, Result, example_answers, flat, profile_file
from prompts import ENTER, LOT4_IN_REGIE, walk_keys

pytestmark = pytest.mark.usefixtures("shared_content_cache")


def test_the_checklist_after_the_english_interview_has_no_dutch_words(interview: Callable[..., Result]) -> None:
    result = interview(walk_keys(LOT4_IN_REGIE) + ENTER, "--lang", "en", "--profile", "p")
    assert result.code == 0, result.text
    assert "What you can do now:" in result.out
    found = dutch_words(result.out, [LOT4_IN_REGIE["org_name"]])
    assert not found, "\n".join(found)


def test_start_with_an_answers_file_in_english_has_no_dutch_words(cli: Callable[..., Result]) -> None:
    example = LOKAAL
    result = cli("--lang", "en", "start", "--answers", str(example), "--profile", "p")
    assert result.code == 0, result.text
    assert "What you can do now:" in result.out
    found = dutch_words(result.text, [str(example_answers(example)["org_name"])])
    assert not found, "\n".join(found)


def test_an_english_start_tells_a_guide_update_with_english_titles(
    interview: Callable[..., Result], cli: Callable[..., Result], private_home: Path
) -> None:
    from conftest import start
    from prompts import CTRL_C

    start(cli)
    path = profile_file(private_home, "p")
    text = path.read_text(encoding="utf-8").replace("guide_version: '1.01'", "guide_version: '1.00'")
    path.write_text(re.sub(r"(?m)^(  ddc-dms-toegang:) .*$", r"\1 deadbeef", text), encoding="utf-8")
    result = interview(CTRL_C, "--lang", "en", "--profile", "p")  # the update is told before the resume menu
    told = flat(result.err)
    assert "from version 1.00 to" in told, result.text
    assert "Changed: Ask for access to DDC-DMS (ddc-dms-toegang)" in told, result.text
    assert not dutch_words(told), told
