"""The second hostile round (issue 18), the cases at the edges of the first fixes: each test reproduces one.

Text from a profile, an answers file or the environment is inert on the terminal (no markup, no control
character), an odd value in a file is a message at its place (never exit 70), exit codes agree with the
README, and a message says what is true.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import LOKAAL, Result, flat, no_traceback, profile_file, saved, start

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
    assert "van versie 0.9[/] naar" in flat(result.err)


def test_e1_controls_and_markup_in_a_guide_version_and_checklist_key_stay_inert(
    cli: Callable[..., Result], private_home: Path
) -> None:
    start(cli)
    with_line(private_home, "p", r"^guide_version: .*$", 'guide_version: "0.9\\e[31m[b]rood[/b]"')
    with_line(private_home, "p", r"^  klantbereik-nakijken: (\w+)$", '  "x\\e]0;PWN\\a[red]y[/red]": \\1')
    result = cli("status", "--profile", "p")
    assert result.code == 0, result.text
    assert ESC not in result.text and "\x07" not in result.text
    assert "0.9\\x1b[31m[b]rood[/b] naar" in flat(result.err)
    assert "x\\x1b]0;PWN\\x07[red]y[/red]" in flat(result.err)


def test_e2_an_unknown_instapgids_lang_is_echoed_as_visible_text(
    process: Callable[..., Result],
) -> None:
    result = process("lots", "list", env={"INSTAPGIDS_LANG": "x\x1b]0;PWN\x07\x1b[2J"})
    assert result.code == 0, result.text
    assert ESC not in result.err and "\x07" not in result.err
    assert "INSTAPGIDS_LANG='x\\x1b]0;PWN\\x07\\x1b[2J' is geen taal van instapgids" in result.err


# --------------------------------------------------------------------------- T1: odd values in a file

# A value YAML itself cannot make (a date that does not exist, a tag that does not fit), and its place.
BAD_VALUES = {
    "date": ("2026-02-30", "'2026-02-30' is geen bestaande datum of tijd"),
    "int": ("!!int abc", "'abc' past niet bij de YAML-tag !!int"),
    "bool": ("!!bool maybe", "'maybe' past niet bij de YAML-tag !!bool"),
    "timestamp": ("!!timestamp x", "'x' is geen bestaande datum of tijd"),
    "map": ("!!map [a]", "een lijst past niet bij de YAML-tag !!map"),
    "seq": ("!!seq {a: 1}", "een mapping past niet bij de YAML-tag !!seq"),
}


def _broken_by(home: Path, case: str, where: str) -> Path:
    value = BAD_VALUES[case][0]
    if where == "own field":  # a field of the user's own, which instapgids does not read
        return with_line(home, "p", r"^(format: 1)$", f"\\1\nvolgende_afspraak: {value}")
    return with_line(home, "p", r"^(  org_name: .*)$", f"  org_name: {value}")


@pytest.mark.parametrize("where", ["own field", "answer"])
@pytest.mark.parametrize("case", BAD_VALUES)
def test_t1_an_odd_value_in_a_profile_is_named_at_its_place(
    case: str, where: str, cli: Callable[..., Result], private_home: Path
) -> None:
    start(cli)
    path = _broken_by(private_home, case, where)
    line = next(
        n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "!!" in row or "-30" in row
    )
    for command in (("status",), ("done", "ddc-dms-toegang")):
        result = cli(*command, "--profile", "p")
        no_traceback(result)
        assert result.code == 2, result.text
        said = " ".join(result.err.split())
        assert f"p.yaml:{line}:" in said and BAD_VALUES[case][1] in said, said
        assert "zet het opzij en begin opnieuw met: instapgids start --profile p" in said


@pytest.mark.parametrize("case", BAD_VALUES)
def test_t1_an_odd_value_in_an_answers_file_is_named_at_its_place(
    case: str, cli: Callable[..., Result], tmp_path: Path, private_home: Path
) -> None:
    path = tmp_path / "antwoorden.yaml"
    text = LOKAAL.read_text(encoding="utf-8") + f"afspraak: {BAD_VALUES[case][0]}\n"
    path.write_text(text, encoding="utf-8")
    result = cli("start", "--answers", str(path))
    no_traceback(result)
    assert result.code == 2, result.text
    assert f"antwoorden.yaml:{len(text.splitlines())}:" in result.err and BAD_VALUES[case][1] in result.err
    assert not (private_home / "state" / "profielen").exists()


def test_t1_profiles_names_the_place_of_an_impossible_date(cli: Callable[..., Result], private_home: Path) -> None:
    start(cli)
    _broken_by(private_home, "date", "own field")
    result = cli("profiles")
    assert result.code == 0, result.text
    said = " ".join(result.out.split())
    assert "Onleesbaar:" in said and "p.yaml:4:" in said and "'2026-02-30' is geen bestaande datum of tijd" in said
    assert "out of range" not in said


def test_t1_interactive_start_offers_to_set_aside_a_profile_with_an_impossible_date(
    interview: Callable[..., Result], cli: Callable[..., Result], private_home: Path
) -> None:
    from prompts import CTRL_C, ENTER

    start(cli)
    path = _broken_by(private_home, "date", "own field")
    result = interview(ENTER + CTRL_C, "--profile", "p")  # set it aside, then stop at the first question
    no_traceback(result)
    assert result.code == 130, result.text
    assert "is niet bruikbaar" in flat(result.err) and "'2026-02-30' is geen bestaande datum of tijd" in flat(
        result.err
    )
    aside = [p for p in path.parent.iterdir() if p.name.startswith("p.kapot-")]
    assert len(aside) == 1 and "2026-02-30" in aside[0].read_text(encoding="utf-8")


# --------------------------------------------------------------------------- T4, G5, G7, G8, G9: small ones


def test_t4_a_lot_number_of_5000_digits_is_an_unknown_lot(cli: Callable[..., Result]) -> None:
    result = cli("lots", "show", "9" * 5000)
    no_traceback(result)
    assert result.code == 2, result.text
    assert "bestaat niet. Kies een van: 1 (" in result.err


@pytest.mark.parametrize("term", ["", " "])
def test_g5_explain_of_nothing_suggests_no_term(term: str, cli: Callable[..., Result]) -> None:
    result = cli("explain", term)
    assert result.code == 2, result.text
    assert "Bedoelt u" not in result.err
    assert "Alle termen: instapgids explain" in result.err


def test_g7_an_older_guide_than_the_profile_s_is_not_called_an_update(
    cli: Callable[..., Result], private_home: Path
) -> None:
    start(cli)
    with_line(private_home, "p", r"^guide_version: .*$", "guide_version: '1.03'")
    result = cli("status", "--profile", "p")
    assert result.code == 0, result.text
    said = " ".join(result.err.split())
    assert "bijgewerkt" not in said
    assert "Dit profiel werd bewaard met versie 1.03 van de gids; deze instapgids volgt de oudere versie 1.01." in said


def test_g8_a_profile_of_a_newer_format_says_to_update_instapgids(
    cli: Callable[..., Result], interview: Callable[..., Result], private_home: Path
) -> None:
    start(cli)
    path = with_line(private_home, "p", r"^format: 1$", "format: 2")
    before = path.read_bytes()
    for result in (cli("status", "--profile", "p"), interview("", "--profile", "p")):
        no_traceback(result)
        assert result.code == 2, result.text
        said = " ".join(result.err.split())
        assert "p.yaml:3:9: format: formaat 2; deze versie van instapgids leest formaat 1" in said
        assert "Werk instapgids bij naar een nieuwere versie; het bestand blijft zoals het is." in said
        assert "herstel" not in said.lower() and "opzij" not in said
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.glob("*.yaml")] == ["p.yaml"]


def test_g9_a_profile_name_in_nfc_and_nfd_is_one_profile(cli: Callable[..., Result], private_home: Path) -> None:
    import unicodedata

    nfc, nfd = (unicodedata.normalize(form, "café") for form in ("NFC", "NFD"))
    assert nfc != nfd
    start(cli, name=nfd)
    result = cli("done", "ddc-dms-toegang", "--profile", nfc, "--force")
    assert result.code == 0, result.text
    assert [p.name for p in (private_home / "state" / "profielen").glob("*.yaml")] == [f"{nfc}.yaml"]
    assert saved(private_home, nfc)["progress"]["ddc-dms-toegang"]["status"] == "done"


# --------------------------------------------------------------------------- E3: invisible characters

INVISIBLE = {"lrm": "\u200e", "rlm": "\u200f", "alm": "\u061c", "zwsp": "\u200b", "bom": "\ufeff", "shy": "\u00ad"}


@pytest.mark.parametrize("name", INVISIBLE)
def test_e3_an_invisible_format_character_in_a_text_answer_is_refused(
    name: str, cli: Callable[..., Result], tmp_path: Path, private_home: Path
) -> None:
    char = INVISIBLE[name]
    path = tmp_path / "antwoorden.yaml"
    text = LOKAAL.read_text(encoding="utf-8").replace("org_name: Gemeente Voorbeeld", f'org_name: "Gemeente{char}X"')
    path.write_text(text, encoding="utf-8")
    result = cli("start", "--answers", str(path))
    no_traceback(result)
    assert result.code == 2, result.text
    assert f"answers.org_name: Uw antwoord bevat een onzichtbaar stuurteken (U+{ord(char):04X}" in result.err
    assert char not in result.text
    assert not (private_home / "state" / "profielen").exists()


@pytest.mark.parametrize("name", ["\u200b", "\u200b\ufeff\u200e", "\u3000\u200b"])
def test_e3_a_name_of_only_invisible_characters_is_refused(name: str) -> None:
    from instapgids.content.questions import text_problem

    assert text_problem(name) is not None


def test_e3_invisible_characters_are_shown_as_escapes() -> None:
    from instapgids.errors import control_char, visible

    assert visible("a\u200eb\ufeffc\u061c") == "a\\u200eb\\ufeffc\\u061c"
    assert control_char("Café — Gemeente 's-Hertogenbosch") is None


# --------------------------------------------------------------------------- T3, G10: exit codes


def _closed(stream: str, *args: str) -> Result:
    """`instapgids ARGS` as a process with stdout (``>&-``) or stderr (``2>&-``) closed, as a shell closes it."""
    import subprocess

    from conftest import ANSI, instapgids_exe

    script = {"stdout": 'exec "$0" "$@" >&-', "stderr": 'exec "$0" "$@" 2>&-'}[stream]
    done = subprocess.run(["sh", "-c", script, instapgids_exe(), *args], capture_output=True, text=True, timeout=60)
    return Result(done.returncode, ANSI.sub("", done.stdout), ANSI.sub("", done.stderr))


@pytest.mark.skipif(__import__("sys").platform == "win32", reason="closes a descriptor the POSIX shell's way")
@pytest.mark.parametrize("args", [("status",), ("-V",), ("done", "ddc-dms-toegang"), ("lots", "list")])
def test_t3_with_stdout_closed_instapgids_refuses_before_writing(
    args: tuple[str, ...], cli: Callable[..., Result], private_home: Path
) -> None:
    start(cli, name="standaard")
    path = profile_file(private_home, "standaard")
    before = path.read_bytes()
    result = _closed("stdout", *args)
    no_traceback(result)
    assert result.code == 74, result.text
    assert result.err == (
        "instapgids kan zijn uitvoer niet schrijven: de standaarduitvoer (stdout) is gesloten. Er is niets gewijzigd.\n"
    )
    assert path.read_bytes() == before


@pytest.mark.skipif(__import__("sys").platform == "win32", reason="closes a descriptor the POSIX shell's way")
def test_t3_with_stderr_closed_done_records_the_mark(cli: Callable[..., Result], private_home: Path) -> None:
    start(cli, name="standaard")
    result = _closed("stderr", "done", "ddc-dms-toegang", "--force")
    assert result.code == 0, result.text
    assert saved(private_home, "standaard")["progress"]["ddc-dms-toegang"]["status"] == "done"
    assert "ddc-dms-toegang" in result.out


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file write fails as on a full disk (ENOSPC where the data reaches the disk), no root needed."""
    import errno
    import os

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)


@pytest.mark.parametrize(
    "args",
    [
        ("done", "ddc-dms-toegang", "--force"),  # --force: it still waits for phase 1
        ("checklist", "--export", "md", "-o", "{tmp}/c.md"),
        ("mails", "--export", "eml", "-o", "{tmp}/m"),
    ],
)
def test_g10_a_full_disk_while_writing_is_exit_74(
    args: tuple[str, ...],
    cli: Callable[..., Result],
    private_home: Path,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    start(cli)
    before = profile_file(private_home, "p").read_bytes()
    request.getfixturevalue("full_disk")
    result = cli(*(a.format(tmp=tmp_path) for a in args), "--profile", "p")
    no_traceback(result)
    assert result.code == 74, result.text
    assert "de schijf is vol" in result.err
    assert profile_file(private_home, "p").read_bytes() == before
    assert not list(tmp_path.rglob("*.md")) and not list(tmp_path.rglob("*.eml"))


def test_g10_a_profile_path_too_long_for_the_system_is_exit_2(cli: Callable[..., Result], tmp_path: Path) -> None:
    long = str(tmp_path) + "/" + "a/" * 2100 + "p.yaml"  # every name short, the whole path over PATH_MAX
    for command in (("status",), ("start", "--answers", str(LOKAAL))):
        result = cli(*command, "--profile", long)
        no_traceback(result)
        assert result.code == 2, result.text
        assert "te lang" in result.err


# --------------------------------------------------------------------------- G1: fingerprints in one language


def test_g1_an_english_run_at_a_guide_update_changes_nothing_for_the_next_dutch_one(
    cli: Callable[..., Result], private_home: Path
) -> None:
    start(cli)
    with_line(private_home, "p", r"^guide_version: .*$", "guide_version: '1.00'")
    english = cli("status", "--lang", "en", "--profile", "p")
    assert english.code == 0, english.text
    assert "1.00" in english.err and "Changed" not in english.err
    with_line(private_home, "p", r"^guide_version: .*$", "guide_version: '1.00'")
    dutch = cli("status", "--profile", "p")
    assert dutch.code == 0, dutch.text
    assert "De gids is bijgewerkt van versie 1.00 naar" in dutch.err
    assert "Gewijzigd" not in dutch.err
    assert "niets: uw checklist blijft dezelfde." in dutch.err


# --------------------------------------------------------------------------- G3: -o without --export


@pytest.mark.parametrize(("name", "first"), [("x.md", "# "), ("x.HTML", "<!DOCTYPE html>"), ("x.json", "{")])
def test_g3_an_output_file_without_export_takes_the_format_of_its_extension(
    name: str, first: str, cli: Callable[..., Result], tmp_path: Path
) -> None:
    start(cli)
    result = cli("checklist", "--profile", "p", "-o", str(tmp_path / name))
    assert result.code == 0, result.text
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(first)
    assert "Checklist geschreven naar" in result.err and result.out == ""


def test_g3_an_output_file_of_no_known_kind_without_export_is_refused(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    start(cli)
    result = cli("checklist", "--profile", "p", "-o", str(tmp_path / "x.txt"))
    no_traceback(result)
    assert result.code == 2, result.text
    assert "Geef het formaat mee met --export: md, html of json." in " ".join(result.err.split())
    assert not (tmp_path / "x.txt").exists() and result.out == ""


# --------------------------------------------------------------------------- G2: a colleague's lock file


def test_g2_a_lock_file_that_cannot_be_opened_is_named_with_what_to_do(
    cli: Callable[..., Result], private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    start(cli)
    lock = profile_file(private_home, "p").parent / ".p.yaml.lock"
    lock.touch()  # left by a colleague: theirs, mode 0644 (root reads everything, so the open itself is refused)
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if os.fspath(path) == str(lock):  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(lock))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    result = cli("done", "ddc-dms-toegang", "--profile", "p")
    no_traceback(result)
    assert result.code == 2, result.text
    said = " ".join(result.err.split())
    assert f"het slotbestand {lock} is van iemand anders" in said
    assert "Werkt er niemand anders met instapgids aan dit profiel, verwijder dan het slotbestand" in said
    assert "schrijfrechten" not in said


# --------------------------------------------------------------------------- G4: a profile out of reach


def test_g4_a_symlink_loop_as_profile_is_named_as_a_loop(cli: Callable[..., Result], tmp_path: Path) -> None:
    loop = tmp_path / "kring.yaml"
    loop.symlink_to(loop.name)
    for command in (("status",), ("done", "ddc-dms-toegang"), ("checklist",)):
        result = cli(*command, "--profile", str(loop))
        no_traceback(result)
        assert result.code == 2, result.text
        assert "nog geen profiel" not in result.err and "Beantwoord eerst" not in result.err
        assert "een symbolische koppeling (symlink) verwijst in een kring naar zichzelf" in result.err


def test_g4_an_instapgids_home_that_is_a_file_is_named(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "thuis"
    home.write_text("", encoding="utf-8")
    monkeypatch.setenv("INSTAPGIDS_HOME", str(home))
    result = cli("status")
    no_traceback(result)
    assert result.code == 2, result.text
    said = " ".join(result.err.split())
    assert "nog geen profiel" not in said and "Beantwoord eerst" not in said
    assert "een deel van het pad is een bestand, geen map" in said
    assert f"INSTAPGIDS_HOME ({home}) is geen map" in said


# --------------------------------------------------------------------------- G6: an item the answers settle


def test_g6_doing_on_an_item_the_answers_settle_is_refused_and_writes_nothing(
    cli: Callable[..., Result], private_home: Path
) -> None:
    start(cli)
    before = profile_file(private_home, "p").read_bytes()
    result = cli("doing", "klantbereik-nakijken", "--profile", "p")
    no_traceback(result)
    assert result.code == 2, result.text
    assert "'klantbereik-nakijken' is klaar volgens uw antwoorden" in result.err
    assert profile_file(private_home, "p").read_bytes() == before


def test_g6_done_on_an_item_the_answers_settle_leaves_no_mark_that_undo_cannot_remove(
    cli: Callable[..., Result], private_home: Path
) -> None:
    start(cli)
    assert cli("done", "klantbereik-nakijken", "--profile", "p").code == 0
    assert "klantbereik-nakijken" not in (saved(private_home, "p").get("progress") or {})


# --------------------------------------------------------------------------- B5: a signal at the broken-profile menu


@pytest.mark.skipif(__import__("sys").platform == "win32", reason="POSIX signals and terminals")
@pytest.mark.parametrize(("signum", "code"), [(15, 143), (1, 129)], ids=["TERM", "HUP"])
def test_b5_a_signal_at_the_broken_profile_menu_restores_the_terminal(
    signum: int, code: int, screens: Callable[..., object], private_home: Path
) -> None:

    broken = profile_file(private_home, "kapot")
    broken.parent.mkdir(parents=True)
    broken.write_text("answers: [\n", encoding="utf-8")
    from prompts import stop_and_check_the_terminal

    screen: Any = screens("start", "--profile", "kapot")
    screen.expect("Wat wilt u doen?")
    stop_and_check_the_terminal(screen, signum, code)
    assert "Er is niets gewijzigd." in screen.text
    assert broken.read_text(encoding="utf-8") == "answers: [\n"
    assert [p.name for p in broken.parent.glob("*.yaml")] == ["kapot.yaml"]


def test_g10_a_full_disk_when_taking_the_lock_is_exit_74(
    cli: Callable[..., Result], private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    start(cli)
    real_open = os.open

    def full(path: object, *args: object, **kwargs: object) -> int:
        if os.fspath(path).endswith(".lock"):  # type: ignore[call-overload]
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.fspath(path))  # type: ignore[call-overload]
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", full)
    result = cli("done", "ddc-dms-toegang", "--profile", "p")
    no_traceback(result)
    assert result.code == 74, result.text
    assert "de schijf is vol" in result.err
