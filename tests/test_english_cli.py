"""Issue 11: what a user meets on the command line in English: every ``--help``, and the messages for
mistakes in the command, the profile, the answers file, the paths and the environment.

Each English text is checked with the detector of Dutch words (``tests/dutch.py``: names, quotes,
addresses, ids and command lines are taken out first). The same mistakes in Dutch still give the
Dutch messages other tests pin, with the same exit code.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dutch import dutch_words

from conftest import LOKAAL, Result, command_paths, content_in, flat, no_traceback, profile_file, write
from prompts import CTRL_C, ORDER, Screen, answer_keys

pytestmark = pytest.mark.usefixtures("shared_content_cache")

PATH = re.compile(r"\S*/\S*")  # a path is a name: /tmp/…/profielen/standaard.yaml


def english_problems(text: str) -> list[str]:
    """Dutch words in an English text, once the paths in it are taken out."""
    return dutch_words(text, extra=PATH.findall(text))


# --------------------------------------------------------------------------- --help of every command


def subcommands(path: tuple[str, ...]) -> list[str]:
    import typer.main

    from instapgids.cli.commands import app

    command: Any = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]
    return sorted(getattr(command, "commands", {}))


@pytest.mark.parametrize("path", command_paths(), ids=lambda p: " ".join(p) or "instapgids")
def test_every_help_page_is_english_and_lists_every_command(
    process: Callable[..., Result], path: tuple[str, ...]
) -> None:
    shown = process("--lang", "en", *path, "--help")
    assert shown.code == 0, shown.text
    text = flat(shown.out)
    assert "Usage: instapgids" in text and "Show this message and exit." in text
    assert not english_problems(shown.out), english_problems(shown.out)
    for metavar in ("BESTAND", "PROFIEL", "FORMAAT", "TAAL", "PERCEEL", "NAAM", "ZOEKTERM", "OPTIES"):
        assert metavar not in text, metavar
    for name in subcommands(path):
        assert re.search(rf"│ {re.escape(name)} ", shown.out), f"{name} is not listed:\n{shown.out}"


def test_the_help_in_an_english_locale_is_english_and_the_dutch_help_stays_dutch(
    process: Callable[..., Result],
) -> None:
    english = process("checklist", "--help", env={"LANG": "en_GB.UTF-8"})
    assert "--output -o FILE" in flat(english.out) and "Overwrite an existing export file." in flat(english.out)
    dutch = process("checklist", "--help")
    assert "BESTAND" in dutch.out and "Overschrijf een bestaand exportbestand." in flat(dutch.out)
    assert "Gebruik: instapgids checklist [OPTIES]" in flat(dutch.out)


# --------------------------------------------------------------------------- mistakes, in both languages


@dataclass(frozen=True)
class Mistake:
    """A mistake a user can make: what is prepared, what is typed, and what each language says."""

    args: tuple[str, ...]
    english: str
    dutch: str
    code: int = 2
    setup: Callable[[Path, Path], dict[str, str]] = lambda home, tmp: {}
    locale_only: bool = False  # English from the locale only: the mistake is in --lang itself


PROFILE = "profile to start"  # a setup's key: `start --answers LOKAAL --profile VALUE` first


def with_profile(home: Path, tmp: Path) -> dict[str, str]:
    return {PROFILE: "p"}


def broken_profile(home: Path, tmp: Path) -> dict[str, str]:
    write(profile_file(home), "format: 1\nanswers: [\n")
    return {}


def wrong_field(home: Path, tmp: Path) -> dict[str, str]:
    write(profile_file(home), "format: 1\nanswers:\n  org_name: Acme\nprogress:\n  x: {status: klaarr}\n")
    return {}


def answers_file(text: str) -> Callable[[Path, Path], dict[str, str]]:
    def setup(home: Path, tmp: Path) -> dict[str, str]:
        write(tmp / "antwoorden.yaml", text)
        return {}

    return setup


def existing_export(home: Path, tmp: Path) -> dict[str, str]:
    write(tmp / "checklist.md", "mine\n")
    return {PROFILE: "p"}


def no_data_dir(home: Path, tmp: Path) -> dict[str, str]:
    return {"INSTAPGIDS_DATA_DIR": str(tmp / "geen-inhoud")}


MISTAKES = {
    "checklist without a profile": Mistake(("checklist",), "There is no profile yet (", "Er is nog geen profiel ("),
    "next without a profile": Mistake(
        ("next",), "First answer the questions with: instapgids start", "Beantwoord eerst"
    ),
    "status without a profile": Mistake(("status",), "There is no profile yet (", "Er is nog geen profiel ("),
    "mails without a profile": Mistake(("mails",), "There is no profile yet (", "Er is nog geen profiel ("),
    "done without a profile": Mistake(("done", "x"), "There is no profile yet (", "Er is nog geen profiel ("),
    "an unknown profile name": Mistake(
        ("status", "--profile", "onbekend"),
        "First answer the questions with: instapgids start --profile onbekend",
        "Beantwoord eerst de vragen met: instapgids start --profile onbekend",
    ),
    "an unknown profile for a look-up": Mistake(
        ("systems", "cmdb2", "--profile", "onbekend"), "There is no profile 'onbekend'", "Er is geen profiel 'onbekend'"
    ),
    "a profile name that is too long": Mistake(
        ("status", "--profile", "x" * 101),
        "The profile name is too long (101 characters).",
        "De profielnaam is te lang (101 tekens).",
    ),
    "done with an unknown id": Mistake(
        ("done", "bestaat-niet"),
        "'bestaat-niet' does not exist.\nThe ids are in your checklist",
        "'bestaat-niet' bestaat niet.\nDe ids staan in uw checklist",
        setup=with_profile,
    ),
    "doing with a mistyped id": Mistake(
        ("doing", "klantenportaal-rolen"),
        "does not exist. Did you mean: klantenportaal-rollen",
        "bestaat niet. Bedoelt u: klantenportaal-rollen",
        setup=with_profile,
    ),
    "undo with an unknown id": Mistake(("undo", "x"), "'x' does not exist.", "'x' bestaat niet.", setup=with_profile),
    "a profile that is not YAML": Mistake(
        ("checklist", "--profile", "p"),
        "cannot be used:",
        "is niet bruikbaar:",
        setup=broken_profile,
    ),
    "a profile with a wrong field": Mistake(
        ("status", "--profile", "p"),
        "progress.x.status: expected done or doing\nRepair the file",
        "progress.x.status: verwacht done of doing\nHerstel het bestand",
        setup=wrong_field,
    ),
    "an answers file with a wrong value": Mistake(
        ("start", "--answers", "{tmp}/antwoorden.yaml"),
        "The answers file cannot be used:",
        "Het antwoordenbestand is niet bruikbaar:",
        setup=answers_file("format: 1\nanswers:\n  org_kind: mars\n"),
    ),
    "an answers file with an unknown question": Mistake(
        ("start", "--answers", "{tmp}/antwoorden.yaml"),
        "answers.kleur: unknown question",
        "answers.kleur: onbekende vraag",
        setup=answers_file("format: 1\nanswers:\n  kleur: blauw\n"),
    ),
    "an answers file that is not YAML": Mistake(
        ("start", "--answers", "{tmp}/antwoorden.yaml"),
        "The answers file cannot be used:",
        "Het antwoordenbestand is niet bruikbaar:",
        setup=answers_file("answers: ["),
    ),
    "an answers file that is missing answers": Mistake(
        ("start", "--answers", "{tmp}/antwoorden.yaml"),
        "answer missing (",
        "antwoord ontbreekt (",
        setup=answers_file("format: 1\nanswers:\n  org_name: Acme\n"),
    ),
    "an answers file that does not exist": Mistake(
        ("start", "--answers", "{tmp}/ontbreekt.yaml"),
        "ontbreekt.yaml' does not exist.",
        "ontbreekt.yaml' bestaat niet.",
    ),
    "an export into a folder that does not exist": Mistake(
        ("checklist", "--export", "md", "-o", "/nonexistent/x.md"),
        "Cannot write to '/nonexistent': the folder does not exist.",
        "Kan niet schrijven in '/nonexistent': de map bestaat niet.",
        setup=with_profile,
    ),
    "an export into a folder where no file can be made": Mistake(
        ("checklist", "--export", "md", "-o", "/proc/x.md"),
        "Cannot write to '/proc': no file can be made there.",
        "Kan niet schrijven in '/proc': daar kan geen bestand gemaakt worden.",
        setup=with_profile,
    ),
    "an export over an existing file": Mistake(
        ("checklist", "--export", "md", "-o", "{tmp}/checklist.md"),
        "already exists. Choose another name, or overwrite it with --force.",
        "bestaat al. Kies een andere naam of overschrijf met --force.",
        setup=existing_export,
    ),
    "an unknown export format": Mistake(
        ("checklist", "--export", "pdf"),
        "Unknown export format 'pdf'. Choose from: md, html, json.",
        "Onbekend exportformaat 'pdf'. Kies uit: md, html, json.",
    ),
    "an unknown mail format": Mistake(
        ("mails", "--export", "pdf"),
        "Unknown export format 'pdf'. For emails the only format is eml.",
        "Onbekend exportformaat 'pdf'. Voor mails is er: eml.",
    ),
    "mails into a file": Mistake(
        ("mails", "--export", "eml", "-o", "{tmp}/checklist.md"),
        "is a file, not a folder.",
        "is een bestand, geen map.",
        setup=existing_export,
    ),
    "an unknown system": Mistake(
        ("systems", "zzz"),
        "No system found for 'zzz'. Choose one of: ddc-dms,",
        "Geen systeem gevonden voor 'zzz'. Kies een van: ddc-dms,",
    ),
    "start without a terminal": Mistake(
        ("start",),
        "instapgids start asks questions and needs a terminal for that.",
        "instapgids start stelt vragen en heeft daarvoor een terminal nodig.",
    ),
    "a content folder that does not exist": Mistake(
        ("lots", "list"),
        "geen-inhoud' does not exist or is not a folder.",
        "geen-inhoud' bestaat niet of is geen map.",
        setup=no_data_dir,
    ),
    "a content folder that does not exist, on the fast path": Mistake(
        ("checklist",),
        "geen-inhoud' does not exist or is not a folder.",
        "geen-inhoud' bestaat niet of is geen map.",
        setup=no_data_dir,
    ),
    "an unknown language": Mistake(
        ("status", "--lang", "fr"),
        "'fr' is not a language of instapgids. Choose from: nl, en.",
        "'fr' is geen taal van instapgids. Kies uit: nl, en.",
        locale_only=True,
    ),
}


def run_mistake(
    mistake: Mistake,
    lang: tuple[str, ...],
    cli: Callable[..., Result],
    home: Path,
    tmp: Path,
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> Result:
    prepared = mistake.setup(home, tmp)
    args = mistake.args
    if (name := prepared.pop(PROFILE, None)) is not None:
        assert cli("start", "--answers", str(LOKAAL), "--profile", name).code == 0
        args = (*args, "--profile", name)
    for key, value in {**prepared, **env}.items():
        monkeypatch.setenv(key, value)
    return cli(*lang, *(a.replace("{tmp}", str(tmp)) for a in args))


@pytest.mark.parametrize("how", ["--lang en", "LANG=en_GB.UTF-8"])
@pytest.mark.parametrize("name", list(MISTAKES))
def test_a_mistake_is_told_in_english(
    name: str, how: str, cli: Callable[..., Result], private_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mistake = MISTAKES[name]
    if mistake.locale_only and how == "--lang en":
        pytest.skip("the mistake is in --lang itself: only the locale can ask for English")
    lang, env = (("--lang", "en"), {}) if how == "--lang en" else ((), {"LANG": "en_GB.UTF-8"})
    result = run_mistake(mistake, lang, cli, private_home, tmp_path, env, monkeypatch)
    assert result.code == mistake.code, result.text
    no_traceback(result)
    assert "Something went wrong in instapgids itself" not in result.text
    assert mistake.english in result.err, result.err
    assert not english_problems(result.err), english_problems(result.err)


@pytest.mark.parametrize("name", list(MISTAKES))
def test_the_same_mistake_is_told_in_dutch_as_before(
    name: str, cli: Callable[..., Result], private_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mistake = MISTAKES[name]
    result = run_mistake(mistake, (), cli, private_home, tmp_path, {}, monkeypatch)
    assert result.code == mistake.code, result.text
    no_traceback(result)
    assert mistake.dutch in result.err, result.err


# --------------------------------------------------------------------------- stopping the interview


@pytest.fixture(scope="module")
def english() -> Any:
    return content_in("en")


@pytest.mark.parametrize("when", ["at the first question", "after an answer", "SIGTERM after an answer"])
def test_stopping_the_interview_is_told_in_english(
    when: str, screens: Callable[..., Screen], english: Any, private_home: Path
) -> None:
    import signal

    first, second = ORDER[:2]
    screen = screens("--lang", "en", "start", "--profile", "en")
    screen.expect(" ".join(english.question_by_id[first].prompt.split())[:40])
    if when != "at the first question":
        screen.child.send(answer_keys(first, "Gemeente Stop"))
        screen.expect(" ".join(english.question_by_id[second].prompt.split())[:40])
    if when.startswith("SIGTERM"):
        time.sleep(0.3)
        screen.child.kill(signal.SIGTERM)
        screen.expect("Stopped. Your answers so far are saved in")
        assert screen.finish() == 143, screen.text
    elif when == "after an answer":
        screen.child.send(CTRL_C)
        screen.expect("Interrupted. Your answers so far are saved in")
        assert screen.finish() == 130, screen.text
    else:
        screen.child.send(CTRL_C)
        screen.expect("Interrupted. There was nothing to save yet.")
        assert screen.finish() == 130, screen.text
    told = screen.text[screen.text.rfind("Interrupted" if "SIGTERM" not in when else "Stopped") :]
    if when != "at the first question":
        # the run's English came from --lang: the command to go on repeats it
        assert "Run 'instapgids start --profile en --lang en' to continue where you left off." in flat(told)
    assert not english_problems(told), english_problems(told)
    assert "Onderbroken" not in screen.text and "Gestopt" not in screen.text
