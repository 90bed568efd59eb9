"""Output longer than the screen goes through a pager (less, as git does); it shows our characters as
they are, also when the chosen locale is not installed (less then falls back to ASCII and shows
``<E2><80><A2>`` for every bullet)."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLE_FILES, LOKAAL, Result
from prompts import Screen

pytestmark = [
    pytest.mark.usefixtures("shared_content_cache"),
    pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed"),
]

# Neither LESS nor PAGER: what most users have. Python 3.13's own pager would set LESS to "-R..." here.
NO_PAGER_SETTINGS: dict[str, str | None] = {"LESS": None, "PAGER": None, "LANG": "C.UTF-8"}


@pytest.mark.parametrize("locale", ["en_GB.UTF-8", "nl_BE.UTF-8", "C.UTF-8"])
def test_a_long_checklist_in_the_pager_shows_its_own_characters(
    locale: str, cli: Callable[..., Result], screens: Callable[..., Screen]
) -> None:
    assert cli("start", "--answers", str(LOKAAL), "--profile", "p").code == 0
    env = {**NO_PAGER_SETTINGS, "LANG": locale, "LC_ALL": locale}
    screen = screens("checklist", "--profile", "p", columns=80, env=env)
    screen.expect("§")  # the first citation, on the first page
    assert screen.child.isalive()  # the pager waits
    screen.child.send("q")
    assert screen.finish() == 0
    assert "uitvoering-opvolgen" not in screen.text  # only the first page was shown (the last item is not)
    assert "<E2>" not in screen.text and "<C2>" not in screen.text, screen.text[:800]


@pytest.mark.parametrize("args", [("lots", "show", "9"), ("--lang", "en", "lots", "show", "9"), ("systems", "zzz")])
def test_a_long_message_on_a_terminal_breaks_between_words(
    args: tuple[str, ...], screens: Callable[..., Screen]
) -> None:
    screen = screens(*args, columns=40)
    assert screen.finish() == 2
    lines = [line for line in screen.text.replace("\r", "").split("\n") if line]
    assert len(lines) > 2, lines
    assert all(len(line) <= 40 or " " not in line for line in lines), lines  # the terminal would cut a word


def test_a_long_path_in_a_message_stays_whole_for_copying(cli: Callable[..., Result], tmp_path: Path) -> None:
    folder = tmp_path / ("een-lange-mapnaam-" * 5)
    folder.mkdir()
    profile = folder / "profiel.yaml"
    result = cli("start", "--answers", str(LOKAAL), "--profile", str(profile))
    assert result.code == 0, result.text
    assert len(str(profile)) > 80 and str(profile) in result.err, result.err  # one line, not split by Rich
    assert max(len(line) for line in result.err.splitlines() if str(profile) not in line) <= 80


# --------------------------------------------------------------------------- our own pager, whatever Python sets


def test_text_that_fits_after_all_ends_the_pager_without_a_key(
    cli: Callable[..., Result], screens: Callable[..., Screen]
) -> None:
    """LINES says 10, so instapgids pages; the terminal has 50 rows, so less sees the text fits and ends."""
    assert cli("start", "--answers", str(LOKAAL), "--profile", "p").code == 0
    screen = screens("next", "--profile", "p", columns=80, env={**NO_PAGER_SETTINGS, "LINES": "10"})
    assert screen.finish() == 0, screen.text  # no 'q' was sent: a waiting pager would time out here
    assert "Dit kunt u nu doen" in screen.text and "(END)" not in screen.text


def test_a_pager_that_does_not_exist_still_shows_the_text(
    cli: Callable[..., Result], screens: Callable[..., Screen]
) -> None:
    assert cli("start", "--answers", str(LOKAAL), "--profile", "p").code == 0
    screen = screens("checklist", "--profile", "p", columns=80, env={**NO_PAGER_SETTINGS, "PAGER": "geen-pager-hier"})
    assert screen.finish() == 0, screen.text
    assert "uitvoering-opvolgen" in screen.text and "Traceback" not in screen.text  # all of it, to the last item


def test_the_pager_gets_our_less_options_unless_the_user_set_their_own(tmp_path: Path) -> None:
    from instapgids.presentation.terminal import pager

    assert pager.command({"PATH": str(tmp_path)}, utf8=True) is None  # no PAGER, no less: no pager
    program, env = pager.command({"PAGER": "less -S"}, utf8=True) or ("", {})
    assert program == "less -S" and env["LESS"] == "FRX" and env["LESSCHARSET"] == "utf-8"
    program, env = pager.command({"PAGER": "less", "LESS": "-M", "LESSCHARSET": "latin1"}, utf8=True) or ("", {})
    assert env["LESS"] == "-M" and env["LESSCHARSET"] == "latin1"


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for less")
def test_without_pager_the_less_on_the_path_is_run_with_our_options(tmp_path: Path) -> None:
    from instapgids.presentation.terminal import pager

    less = tmp_path / "less"
    less.write_text("#!/bin/sh\n", encoding="utf-8")
    less.chmod(0o755)
    program, env = pager.command({"PATH": str(tmp_path)}, utf8=False) or ("", {})
    assert program == [str(less)] and env["LESS"] == "FRX" and "LESSCHARSET" not in env


def _long_screen(screens: Callable[..., Screen], *args: str, rows: int = 24) -> Screen:
    """``instapgids ARGS`` on an 80×rows terminal, with the pager as a user has it (no LESS of their own)."""
    return screens(*args, columns=80, rows=rows)


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("checklist", "--profile", "p"), "q: sluiten"),
        (("mails", "--profile", "p"), "q: sluiten"),
        (("lots", "show", "5"), "q: sluiten"),
        (("--help",), "q: sluiten"),
        (("--lang", "en", "mails", "--profile", "p"), "q: close"),
    ],
)
def test_long_output_is_paged_with_the_way_out_shown(
    args: tuple[str, ...],
    hint: str,
    cli: Callable[..., Result],
    screens: Callable[..., Screen],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("LESS", raising=False)
    monkeypatch.delenv("PAGER", raising=False)
    assert cli("start", "--answers", str(LOKAAL), "--profile", "p").code == 0
    screen = _long_screen(screens, *args)
    screen.expect(hint)  # the pager's prompt line, at the bottom of the first page
    screen.child.send("q")
    assert screen.finish() == 0


@pytest.mark.parametrize("args", [("mails", "--profile", "p"), ("lots", "show", "5"), ("--help",)])
def test_long_output_is_never_paged_when_piped(args: tuple[str, ...], process: Callable[..., Result]) -> None:
    assert process("start", "--answers", str(LOKAAL), "--profile", "p").code == 0
    result = process(*args, env={"PAGER": "false", "COLUMNS": "60"})  # a pager would fail the command
    assert result.code == 0 and "q: sluiten" not in result.out and len(result.out.splitlines()) > 40


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("rows", [24, 30])
def test_the_first_page_of_next_names_every_next_step(
    example: Path, rows: int, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the interview and in `next`, the first page (what a pager shows first) names each next step."""
    monkeypatch.setenv("COLUMNS", "80")
    assert cli("start", "--answers", str(example), "--profile", "p").code == 0
    shown = cli("next", "--profile", "p").out
    steps = re.findall(r"instapgids done (\S+) --profile p", shown)
    first_page = "\n".join(shown.splitlines()[: rows - 1])
    for item_id in steps:
        assert item_id in first_page, (item_id, first_page)
