"""`checklist` and `next` with at most a profile run without Typer and click (issue 10, speed): the same
output and exit code as through Typer, and neither Typer nor click is imported."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import LOKAAL, Result

CASES = [
    ("checklist",),
    ("next",),
    ("checklist", "--profile", "klant"),
    ("next", "-p", "klant"),
    ("checklist", "--profile=klant"),
    ("--lang", "en", "next"),
    ("next", "--lang=en", "--profile", "klant"),
    ("checklist", "--profile", "ontbreekt"),
    ("next", "-p", "ontbreekt"),
    ("status",),
    ("status", "--profile", "klant"),
    ("--lang", "en", "status", "-p", "klant"),
    ("status", "-p", "ontbreekt"),
    ("lots", "show", "5"),
    ("--lang", "en", "lots", "show", "3"),
    ("lots", "show", "99"),
    ("lots", "show", "vijf"),
    ("start",),  # no terminal here: what to do instead, as through Typer
    ("start", "--profile", "klant"),
]


@pytest.mark.usefixtures("shared_content_cache")  # reads the shipped content: validated once
@pytest.mark.parametrize("args", CASES, ids=" ".join)
def test_the_fast_path_says_what_typer_says(
    cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    from instapgids import language
    from instapgids.cli import main

    answers = str(LOKAAL)
    assert cli("start", "--answers", answers).code == 0
    assert cli("start", "--answers", answers, "--profile", "klant").code == 0
    assert main._fast(main._after_lang(language.pull_option(args)[1])) is not None
    fast = cli(*args)
    monkeypatch.setattr(main, "_fast", lambda args: None)
    slow = cli(*args)
    assert (fast.code, fast.out, fast.err) == (slow.code, slow.out, slow.err)


@pytest.mark.parametrize(
    "args",
    [
        ("checklist", "--help"),
        ("checklist", "--export", "md"),
        ("next", "extra"),
        ("next", "--profile"),
        ("lots", "show", "--help"),
        ("lots", "show", "5", "6"),
        ("lots", "show"),
    ],
)
def test_other_arguments_go_through_typer(args: tuple[str, ...]) -> None:
    from instapgids.cli import main

    assert main._fast(list(args)) is None


# What `checklist`, `next` and `status` never need once the content was read before: Typer and click, pydantic
# (the content comes from the cache), and what only writing needs (tempfile, ruamel.yaml, filelock) or
# only an unknown key (difflib); and, piped, Rich (the lines are written as plain text, as Rich would
# write them). PyYAML is needed: the profile is parsed on every read (no copy of it is cached; issue 18, L1).
NOT_ON_THE_FAST_PATH = ("typer", "click", "pydantic", "ruamel", "filelock", "difflib", "rich")
NOT_ON_THE_FAST_PATH += ("flask", "werkzeug", "jinja2", "waitress", "flask_wtf", "wtforms")  # `instapgids web`'s


def _imported(command: str, profile: str) -> list[str]:
    code = (
        f"import sys\nsys.argv = ['instapgids', {command!r}, '-p', {profile!r}]\n"
        "from instapgids.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"import json\nfound = sorted(m for m in {NOT_ON_THE_FAST_PATH!r} if m in sys.modules)\n"
        "print(json.dumps(found), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    found: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return found


@pytest.mark.parametrize("command", ["checklist", "next", "status"])
def test_a_cached_fast_path_imports_no_validator_nor_typer(process: Callable[..., Result], command: str) -> None:
    assert process("start", "--answers", str(LOKAAL), "-p", "klant").code == 0
    _imported(command, "klant")  # the first read after a write caches the content
    assert _imported(command, "klant") == []  # then nothing of it is loaded again


def test_an_edited_profile_is_parsed_again(process: Callable[..., Result]) -> None:
    assert process("start", "--answers", str(LOKAAL), "-p", "klant").code == 0
    before = process("checklist", "-p", "klant").out
    assert process("checklist", "-p", "klant").out == before
    path = Path(os.environ["INSTAPGIDS_HOME"]) / "profielen" / "klant.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("answers:", "answers:\n  bogus: 1", 1), encoding="utf-8")
    assert "bogus" in process("checklist", "-p", "klant").err  # the edit is seen, not an old parse


@pytest.mark.usefixtures("shared_content_cache")  # reads the shipped content: validated once
@pytest.mark.parametrize("command", ["checklist", "next", "status", "profiles"])
@pytest.mark.parametrize("columns", ["80", "37", "", "breed"])
def test_plain_output_is_what_rich_writes(process: Callable[..., Result], command: str, columns: str) -> None:
    """Piped, the lines are written without Rich; TTY_COMPATIBLE=0 sends the same lines through Rich."""
    answers = str(LOKAAL)
    assert process("start", "--answers", answers, "-p", "klant").code == 0
    args = (command,) if command == "profiles" else (command, "-p", "klant")
    plain = process(*args, env={"COLUMNS": columns})
    rich = process(*args, env={"COLUMNS": columns, "TTY_COMPATIBLE": "0"})
    assert plain.code == rich.code == 0
    assert plain.out == rich.out


@pytest.mark.parametrize("xdg", [None, "", "  ", "/tmp/elders"])
def test_the_cache_folder_is_the_one_platformdirs_names(xdg: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    from instapgids.paths import cache_dir

    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cache_dir() == Path(platformdirs.user_cache_dir("instapgids", appauthor=False))


@pytest.mark.usefixtures("shared_content_cache")  # reads the shipped content: validated once
@pytest.mark.parametrize("columns", [40, 60, 80, 100])
def test_status_keeps_every_command_whole_and_its_table_aligned(process: Callable[..., Result], columns: int) -> None:
    """The commands under `status` (with a long --profile) are never broken in two, no line is wider than the
    terminal but for one command that is (alone on its line, to be copied), and the counts of the phase table
    stand in one column."""
    profile = "gemeente-met-een-lange-naam"
    assert process("start", "--answers", str(LOKAAL), "-p", profile).code == 0
    done = process("status", "-p", profile, env={"COLUMNS": str(columns)})
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    for word in ("done", "doing", "undo"):
        assert sum(f"instapgids {word} <id> --profile {profile}" in line for line in lines) == 1, done.out
    one_command = re.compile(rf"(\w+: |  )instapgids \w+ <id> --profile {profile}")
    assert [line for line in lines if len(line) > columns and not one_command.fullmatch(line)] == [], done.out
    counts = [line.index("/") for line in lines if "░" in line or "█" in line]
    assert len(counts) == 4 and len(set(counts)) == 1, done.out
    assert re.search(r"\b\d+ kunnen nog niet starten", " ".join(done.out.split())), done.out  # plural: kunnen
