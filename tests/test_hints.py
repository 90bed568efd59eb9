"""Every command a screen or a message suggests works as typed: it keeps the profile it was run with
(issue 19), and a missing default profile names the profiles that do exist."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import LOKAAL, Result, flat

pytestmark = pytest.mark.usefixtures("shared_content_cache")

COMMAND = re.compile(r"instapgids (?:done|doing|undo|checklist|mails|next|status|start)\b[^\n·;)]*")


def _suggested(text: str) -> list[str]:
    return [c.strip() for c in COMMAND.findall(text)]


@pytest.mark.parametrize(
    "args",
    [
        ("status",),
        ("next",),
        ("mails",),
        ("done", "geen-echt-punt"),
        ("--lang", "en", "status"),
        ("--lang", "en", "done", "geen-echt-punt"),
    ],
)
def test_every_suggested_command_keeps_the_profile(
    args: tuple[str, ...], cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # each suggestion on one line
    assert cli("start", "--answers", str(LOKAAL), "--profile", "klant-a").code == 0
    result = cli(*args, "--profile", "klant-a")
    suggested = _suggested(result.text)
    assert suggested, result.text
    for command in suggested:
        assert "--profile klant-a" in command, (command, result.text)


def test_a_missing_default_profile_names_the_profiles_that_exist(cli: Callable[..., Result]) -> None:
    for name in ("klant-a", "klant-b"):
        assert cli("start", "--answers", str(LOKAAL), "--profile", name).code == 0
    result = cli("done", "digitale-sleutels")
    assert result.code != 0
    assert "klant-a" in result.err and "klant-b" in result.err, result.err
    assert "instapgids done digitale-sleutels --profile klant-a" in flat(result.err), result.err  # as typed
    english = cli("--lang", "en", "status")
    assert "klant-a" in english.err and "profile" in english.err, english.err


def test_without_any_profile_only_start_is_suggested(cli: Callable[..., Result]) -> None:
    result = cli("status")
    assert result.code != 0
    assert "instapgids start" in result.err and "--profile" not in result.err, result.err


def test_start_answers_on_an_existing_profile_lists_the_changes_and_needs_force(
    cli: Callable[..., Result], private_home: Path
) -> None:
    from conftest import AGENTSCHAP, saved

    assert cli("start", "--answers", str(LOKAAL), "--profile", "klant").code == 0
    assert cli("done", "behoefte-beschrijven", "--profile", "klant").code == 0  # an item the answers leave open
    before = saved(private_home, "klant")
    refused = cli("start", "--answers", str(AGENTSCHAP), "--profile", "klant")
    assert refused.code != 0
    assert "--force" in refused.err and "Soort organisatie" in refused.err, refused.err
    assert "Een lokaal bestuur" in refused.err, refused.err  # what it was, beside what it would become
    assert saved(private_home, "klant") == before  # nothing changed
    same = cli("start", "--answers", str(LOKAAL), "--profile", "klant")  # the same answers: nothing to confirm
    assert same.code == 0, same.text
    forced = cli("start", "--answers", str(AGENTSCHAP), "--profile", "klant", "--force")
    assert forced.code == 0, forced.text
    after = saved(private_home, "klant")
    assert after["answers"]["org_kind"] != before["answers"]["org_kind"]
    assert after["progress"]["behoefte-beschrijven"]["status"] == "done"  # the progress is kept
    english = cli("--lang", "en", "start", "--answers", str(LOKAAL), "--profile", "klant")
    assert english.code != 0 and "--force" in english.err and "would change" in english.err, english.err


LONG = "gemeente-met-een-heel-lange-naam"
NARROW_HINTS = [
    ("status",),
    ("next",),
    ("mails",),
    ("done", "geen-echt-punt"),
    ("--lang", "en", "next"),
    ("start", "--answers", str(LOKAAL.parent / "agentschap-applicaties.yaml")),  # would change: --force
]


@pytest.mark.parametrize("args", NARROW_HINTS, ids=" ".join)
def test_a_suggested_command_is_never_broken_over_two_lines(
    args: tuple[str, ...], cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copied, the first half of a broken command fails (`--export eml` without `-o mails`) or does something
    else (without `--force`): at any width each command is on one line, as it is on a wide terminal."""
    assert cli("start", "--answers", str(LOKAAL), "--profile", LONG).code == 0
    monkeypatch.setenv("COLUMNS", "250")
    wide = _suggested(cli(*args, "--profile", LONG).text)
    assert wide, args
    for columns in ("40", "60", "80"):
        monkeypatch.setenv("COLUMNS", columns)
        lines = cli(*args, "--profile", LONG).text.splitlines()
        for command in wide:
            assert any(command in line for line in lines), (columns, command, "\n".join(lines))


def test_a_command_is_one_word_to_the_wrapping() -> None:
    from instapgids.presentation.terminal.line import between_words, command_spans, word_breaks

    text = (
        "Vervang ze met: instapgids start --answers examples/agentschap.yaml --profile klant1 --force (uw voortgang "
        "blijft bewaard). Met 'instapgids start --profile klant1' gaat u verder; instapgids start stelt vragen."
    )
    commands = [text[a:b].rstrip("'") for a, b in command_spans(text)]
    assert commands == [
        "instapgids start --answers examples/agentschap.yaml --profile klant1 --force",
        "instapgids start --profile klant1",
        "instapgids start",  # then Dutch words, not arguments
    ]
    for width in range(20, 120):
        lines = between_words(text, width)
        assert " ".join(lines) == text
        assert all(any(c in line for line in lines) for c in commands), (width, lines)
        breaks = word_breaks(text, width)
        parts = [text[a:b] for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True)]
        assert all(any(c in part for part in parts) for c in commands), (width, parts)


def test_a_hint_repeats_lang_only_when_the_environment_would_choose_another_language(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Copied without `--lang en`, a hint of an English run printed Dutch (seen in tmux); with an English
    locale, or INSTAPGIDS_LANG, the option is not needed and not shown."""
    assert cli("start", "--answers", str(LOKAAL), "--profile", "klant-a").code == 0
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.delenv("INSTAPGIDS_LANG", raising=False)
    english = _suggested(cli("--lang", "en", "next", "--profile", "klant-a").text)
    assert english and all(c.endswith("--lang en") for c in english), english
    assert all("--lang" not in c for c in _suggested(cli("next", "--profile", "klant-a").text))
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert all("--lang" not in c for c in _suggested(cli("--lang", "en", "next", "--profile", "klant-a").text))
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    monkeypatch.setenv("INSTAPGIDS_LANG", "en")
    assert all("--lang" not in c for c in _suggested(cli("next", "--profile", "klant-a").text))


def test_a_list_in_a_message_wraps_under_its_own_text(screens: Callable[..., Any], cli: Callable[..., Result]) -> None:
    """The answers `start --answers` would change, on a terminal of 60 columns: a wrapped item goes on indented
    under itself, not at column 0 (seen in tmux), and the --force command stays whole."""
    from conftest import AGENTSCHAP

    assert cli("start", "--answers", str(LOKAAL), "--profile", "klant").code == 0
    screen = screens("start", "--answers", str(AGENTSCHAP), "--profile", "klant", columns=60)
    screen.expect("--force")
    screen.expect("(uw voortgang blijft bewaard).")
    lines = [line for line in screen.display() if line]
    assert screen.finish() != 0
    listed = lines[lines.index(next(line for line in lines if "veranderen deze antwoorden:" in line)) + 1 :]
    items = listed[: next(i for i, line in enumerate(listed) if not line.startswith(" "))]
    assert len(items) > 3 and any(line.startswith("    ") for line in items), "\n".join(lines)
    assert all(line.startswith("  ") for line in items), "\n".join(lines)


@pytest.mark.parametrize(
    "args", [("status",), ("next",), ("mails",), ("--lang", "en", "status"), ("--lang", "en", "mails")], ids=" ".join
)
def test_on_a_terminal_no_suggested_command_is_broken_by_a_line_end(
    args: tuple[str, ...], screens: Callable[..., Any], cli: Callable[..., Result], monkeypatch: Any
) -> None:
    """On a real terminal Rich wraps what is wider than the screen itself: a command longer than the width must run
    on (the terminal shows the rest on the next row, a copy gives one line), never be cut by a line end."""
    assert cli("start", "--answers", str(LOKAAL), "--profile", LONG).code == 0
    monkeypatch.setenv("COLUMNS", "250")
    wide = _suggested(cli(*args, "--profile", LONG).text)
    assert wide, args
    # 60 columns: some commands fit after their label, some on a line of their own, some not at all
    screen = screens(*args, "--profile", LONG, columns=60, rows=200, env={"PAGER": "cat", "COLUMNS": None})
    assert screen.finish() == 0, screen.text
    written = screen.text.replace("\r", "")
    for command in wide:
        assert command in written, (command, written)
