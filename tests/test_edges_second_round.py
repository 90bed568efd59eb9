"""The second hostile round (issue 18), the cases at the edges of the first fixes: each test reproduces one.

Text from a profile, an answers file or the environment is inert on the terminal (no markup, no control
character), an odd value in a file is a message at its place (never exit 70), exit codes agree with the
README, and a message says what is true.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import LOKAAL, Result, no_traceback, profile_file, save_profile, start

pytestmark = pytest.mark.usefixtures("shared_content_cache")

ESC = "\x1b"


def with_line(home: Path, name: str, pattern: str, replacement: str) -> Path:
    """The saved profile NAME with one line replaced (``pattern`` a regular expression, whole lines;
    ``\\1`` in ``replacement`` is its first group, nothing else in it is special)."""
    path = profile_file(home, name)
    text, count = re.subn(
        pattern,
        lambda m: replacement.replace("\\1", m.group(1) if m.groups() else ""),
        path.read_text(encoding="utf-8"),
        count=1,
        flags=re.MULTILINE,
    )
    assert count == 1, pattern
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- T2, E1, E2: inert text


@pytest.mark.parametrize("command", ["status", "checklist", "next"])
def test_t2_markup_in_the_guide_version_of_a_profile_is_shown_as_text(
    command: str, cli: Callable[..., Result], private_home: Path
) -> None:
    start(cli)
    with_line(private_home, "p", r"^guide_version: .*$", 'guide_version: "0.9[/]"')
    result = cli(command, "--profile", "p")
    no_traceback(result)
    assert result.code == 0, result.text
    assert "van versie 0.9[/] naar" in result.err


def test_e1_controls_and_markup_in_a_guide_version_and_checklist_key_stay_inert(
    cli: Callable[..., Result], private_home: Path
) -> None:
    start(cli)
    with_line(private_home, "p", r"^guide_version: .*$", 'guide_version: "0.9\\e[31m[b]rood[/b]"')
    with_line(private_home, "p", r"^  klantbereik-nakijken: (\w+)$", '  "x\\e]0;PWN\\a[red]y[/red]": \\1')
    result = cli("status", "--profile", "p")
    assert result.code == 0, result.text
    assert ESC not in result.text and "\x07" not in result.text
    assert "0.9\\x1b[31m[b]rood[/b] naar" in result.err
    assert "x\\x1b]0;PWN\\x07[red]y[/red]" in result.err


def test_e2_an_unknown_instapgids_lang_is_echoed_as_visible_text(
    process: Callable[..., Result],
) -> None:
    result = process("lots", "list", env={"INSTAPGIDS_LANG": "x\x1b]0;PWN\x07\x1b[2J"})
    assert result.code == 0, result.text
    assert ESC not in result.err and "\x07" not in result.err
    assert "INSTAPGIDS_LANG='x\\x1b]0;PWN\\x07\\x1b[2J' is geen taal van instapgids" in result.err
