"""Hostile or odd input: answers files and profiles are the user's own data, and stay inert.

An alias bomb, control characters, Rich markup, a file too large or too deep, a name too
long, a file that cannot be read, a broken profile: each gets a clear Dutch message
at its place (``file:line:column``) and the right exit code; nothing is written on a
refusal, and nothing from user data reaches a terminal or a file raw.
"""

from __future__ import annotations

import email
import json
import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from conftest import LOKAAL, Result, example_answers, flat, importable, instapgids_exe, no_traceback, save_profile

pytestmark = pytest.mark.usefixtures("shared_content_cache")

ESC = "\x1b"

# A ten-level "billion laughs": 392 bytes that expand to 9**10 strings if aliases are followed.
ALIAS_BOMB = (
    "".join(
        f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
        for prev, name in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
    )
    + "answers:\n  org_name: ["
    + ", ".join(["*i"] * 9)
    + "]\n"
)


def answers_text(**changes: Any) -> str:
    return yaml.safe_dump({"answers": {**example_answers(LOKAAL), **changes}}, allow_unicode=True)


def profiles(private_home: Path) -> Path:
    return private_home / "state" / "profielen"


def refused(result: Result, code: int = 2) -> str:
    """The message of a refusal, after checking that it was one, in Dutch, without a traceback."""
    no_traceback(result)
    assert result.code == code, result.text
    return result.err


# --------------------------------------------------------------------------- aliases, size, depth


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GB: a followed bomb fails instead of swapping


# Without `resource` (Windows, where preexec_fn is refused too) the bomb runs without the cap: still refused.
LIMIT_MEMORY = _limit_memory if os.name == "posix" and importable("resource") else None


def test_an_alias_bomb_in_an_answers_file_is_refused_at_once(tmp_path: Path, private_home: Path) -> None:
    bomb = tmp_path / "bom.yaml"
    bomb.write_text(ALIAS_BOMB, encoding="utf-8")
    began = time.monotonic()
    done = subprocess.run(
        [instapgids_exe(), "start", "--answers", str(bomb)],
        capture_output=True,
        text=True,
        timeout=20,
        preexec_fn=LIMIT_MEMORY,
        env=os.environ,
    )
    assert time.monotonic() - began < 5  # a process start and a 400-byte file: well under a second on a quiet machine
    assert done.returncode == 2, done.stderr
    assert f"{bomb}:2:8: (bestand): een verwijzing (*a) is in dit bestand niet toegestaan" in done.stderr
    assert not profiles(private_home).exists()


def test_an_alias_in_a_saved_profile_is_refused_as_a_profile_problem(
    cli: Callable[..., Result], private_home: Path
) -> None:
    path = save_profile(private_home, "anker", "answers:\n  org_name: &naam Gemeente\n  extra: *naam\n")
    err = refused(cli("status", "--profile", "anker"))
    assert "Uw profiel" in err
    assert ":3:10: (bestand): een verwijzing (*naam) is in dit bestand niet toegestaan" in err
    assert path.read_text(encoding="utf-8").endswith("*naam\n")


def test_a_file_over_one_megabyte_is_refused_before_parsing(cli: Callable[..., Result], tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    big.write_text(answers_text() + "# " + "x" * (1024 * 1024) + "\n", encoding="utf-8")
    err = refused(cli("start", "--answers", str(big)))
    assert "groot.yaml:1:1: (bestand): het bestand is groter dan 1 MB" in err


def test_deep_nesting_is_refused_at_its_place(cli: Callable[..., Result], tmp_path: Path) -> None:
    deep = tmp_path / "diep.yaml"
    deep.write_text("answers:\n  org_name: " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    err = refused(cli("start", "--answers", str(deep)))
    assert "diep.yaml:2:31: (bestand): te diep genest (meer dan 20 lagen)" in err  # the 19th [ (2 mappings above)


# --------------------------------------------------------------------------- control characters

CONTROLS = {
    "esc": ("\x1b[31m", "U+001B, Esc"),
    "bel": ("\x07", "U+0007, belsignaal"),
    "nul": ("\x00", "U+0000, nulteken"),
    "cr": ("\r", "U+000D, regeleinde"),
    "lf": ("\n", "U+000A, regeleinde"),
    "tab": ("\t", "U+0009, tab"),
    "del": ("\x7f", "U+007F"),
    "c1-nel": ("\x85", "U+0085"),
    "c1-csi": ("\x9b", "U+009B"),
    "line-separator": ("\u2028", "U+2028, regelscheiding"),
    "bidi-override": ("\u202e", "U+202E, richtingsteken"),
    "bidi-isolate": ("\u2066", "U+2066, richtingsteken"),
}


def yaml_escaped(text: str) -> str:
    """``text`` as a double-quoted YAML scalar, every control written as an escape (as a user could)."""
    return '"' + "".join(c if c.isprintable() and c != '"' else f"\\u{ord(c):04x}" for c in text) + '"'


@pytest.mark.parametrize("case", CONTROLS, ids=list(CONTROLS))
def test_a_control_character_in_an_answers_file_is_refused_at_its_place(
    case: str, cli: Callable[..., Result], tmp_path: Path, private_home: Path
) -> None:
    char, named = CONTROLS[case]
    path = tmp_path / "stuurteken.yaml"
    text = answers_text(org_name="PLACEHOLDER").replace("PLACEHOLDER", yaml_escaped(f"Gemeente {char}X"))
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "org_name" in row)
    err = refused(cli("start", "--answers", str(path)))
    assert f"stuurteken.yaml:{line}:13: answers.org_name: Uw antwoord bevat een onzichtbaar stuurteken ({named})" in err
    assert f"Gemeente {char}X" not in err
    assert not profiles(private_home).exists()


def test_a_control_character_in_a_saved_profile_is_set_aside_and_asked_again(
    cli: Callable[..., Result], private_home: Path
) -> None:
    path = save_profile(
        private_home, "esc", answers_text(org_name="X").replace("org_name: X", 'org_name: "Gemeente \\e[31mRood"')
    )
    result = cli("status", "--profile", "esc")
    assert result.code == 0, result.text
    said = flat(result.err)
    assert (
        "Het antwoord op 'org_name' past niet meer. Uw antwoord bevat een onzichtbaar stuurteken (U+001B, Esc)" in said
    )
    assert "Vul aan met: instapgids start --profile esc" in flat(result.err)
    assert "Voortgang voor uw organisatie" in result.out
    assert ESC not in result.text
    assert "\\e[31mRood" in path.read_text(encoding="utf-8")  # the file is the user's: kept as it was


def test_a_profile_key_with_controls_is_shown_as_visible_text(cli: Callable[..., Result], private_home: Path) -> None:
    save_profile(private_home, "sleutel", answers_text() + '  "\\e]0;titel\\a\\e[2J": x\n')
    result = cli("status", "--profile", "sleutel")
    assert result.code == 0, result.text
    assert "\\x1b]0;titel\\x07\\x1b[2J" in flat(result.err)
    assert ESC not in result.text
    assert "\x07" not in result.text


def test_an_unknown_value_with_controls_is_reported_on_one_line(cli: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "waarde.yaml"
    path.write_text(answers_text().replace("- netwerk", '- "x\\nY: z\\e[1m"'), encoding="utf-8")
    err = refused(cli("start", "--answers", str(path)))
    line = next(row for row in err.splitlines() if "answers.needs" in row)
    assert "x\\x0aY: z\\x1b[1m" in line
    assert ESC not in err


@pytest.mark.parametrize("name", ["\x1b[31m", "a\nb", "a\u202eb"], ids=["esc", "newline", "bidi"])
def test_a_profile_name_with_controls_is_refused(name: str, cli: Callable[..., Result], private_home: Path) -> None:
    err = refused(cli("start", "--answers", str(LOKAAL), "--profile", name))
    assert "De profielnaam bevat een onzichtbaar stuurteken" in err
    assert not profiles(private_home).exists()


# --------------------------------------------------------------------------- what reaches files and headers


def test_markdown_export_shows_markdown_characters_as_written(cli: Callable[..., Result], tmp_path: Path) -> None:
    name = "A & B *x* _y_ [z](http://e.be) <b>v</b> &amp; `c` #1 | ~~w~~ \\"
    path = tmp_path / "naam.yaml"
    path.write_text(answers_text(org_name=name), encoding="utf-8")
    assert cli("start", "--answers", str(path), "--profile", "md").code == 0
    result = cli("checklist", "--profile", "md", "--export", "md", "-o", "-")
    tokens = MarkdownIt("commonmark").enable("strikethrough").parse(result.out)
    heading = tokens[tokens.index(next(t for t in tokens if t.type == "heading_open")) + 1]
    assert heading.children is not None
    assert [c.type for c in heading.children] == ["text"] * len(heading.children)  # no link, emphasis, HTML, code
    assert "".join(c.content for c in heading.children) == f"Checklist voor {name}"


def test_json_export_never_holds_a_raw_c1_control_or_line_separator(content: Any) -> None:
    from dataclasses import replace

    from instapgids.engine.checklist import build_checklist
    from instapgids.presentation.as_json import checklist_json

    name = "A\x85B\x9bC\u2028D\u2029E\x7fF"
    checklist = replace(build_checklist(content, example_answers(LOKAAL), {}), organisation=name)
    text = checklist_json(content, checklist)
    assert not any(c in text for c in "\x7f\x85\x9b\u2028\u2029")
    assert json.loads(text)["organisation"]["name"] == name


def test_an_eml_header_never_takes_a_line_end_from_a_name() -> None:
    from instapgids.presentation.mails import Draft, eml

    subject = "Toegang voor Gemeente X\r\nBcc: iedereen@example.org\nX-Extra: ja"
    draft = Draft("id", "item", "dienst@example.org\r\nCc: ook@example.org", "Dienst", "", subject, "Tekst\n", "6.1")
    message = email.message_from_bytes(eml(draft))
    assert message["Bcc"] is None and message["Cc"] is None and message["X-Extra"] is None
    assert message["Subject"] == "Toegang voor Gemeente X Bcc: iedereen@example.org X-Extra: ja"


# --------------------------------------------------------------------------- Rich markup


def test_a_profile_name_with_markup_is_written_and_shown_as_typed(
    cli: Callable[..., Result], private_home: Path
) -> None:
    result = cli("start", "--answers", str(LOKAAL), "--profile", "klant [bold]A")
    assert result.code == 0, result.text
    path = profiles(private_home) / "klant [bold]A.yaml"
    assert path.exists()
    assert "".join(f"Antwoorden bewaard in {path}".split()) in "".join(result.err.split())  # a long path folded
    assert cli("status", "--profile", "klant [bold]A").code == 0


def test_a_profile_key_with_markup_is_text(cli: Callable[..., Result], private_home: Path) -> None:
    save_profile(private_home, "markup", answers_text() + '  "[/bold]": x\n  "[red]rood": y\n')
    for command in ("status", "checklist", "mails"):
        result = cli(command, "--profile", "markup")
        assert result.code == 0, result.text
        assert "Het antwoord op '[/bold]' hoort bij geen enkele vraag" in result.err
        assert "Het antwoord op '[red]rood' hoort bij geen enkele vraag" in result.err


# --------------------------------------------------------------------------- odd paths


def test_a_symlink_loop_in_the_content_folder_is_named(cli: Callable[..., Result], data_copy: Path) -> None:
    (data_copy / "journey.yaml").unlink()
    (data_copy / "journey.yaml").symlink_to("journey.yaml")
    os.environ["INSTAPGIDS_DATA_DIR"] = str(data_copy)
    try:
        err = refused(cli("journey"), code=1)
    finally:
        del os.environ["INSTAPGIDS_DATA_DIR"]
    assert "journey.yaml:1:1: (bestand): kan het bestand niet lezen: een symbolische koppeling (symlink)" in err


def test_a_profile_name_too_long_for_the_file_system_is_refused(cli: Callable[..., Result], private_home: Path) -> None:
    err = refused(cli("start", "--answers", str(LOKAAL), "--profile", "a" * 300))
    assert err == "De profielnaam is te lang (300 tekens). Kies een naam van hoogstens 100 tekens.\n"
    assert not profiles(private_home).exists()


def test_a_profile_path_with_a_name_too_long_is_refused(cli: Callable[..., Result], tmp_path: Path) -> None:
    err = refused(cli("status", "--profile", str(tmp_path / ("b" * 300 + ".yaml"))))
    assert "bevat een naam die te lang is voor het bestandssysteem" in err


def test_an_export_path_with_a_name_too_long_is_a_message(cli: Callable[..., Result], tmp_path: Path) -> None:
    assert cli("start", "--answers", str(LOKAAL)).code == 0
    err = refused(
        cli("checklist", "--export", "md", "-o", str(tmp_path / ("c" * 300 + ".md"))), code=2
    )  # a path the user gave (README: 2)
    assert "de naam is te lang voor het bestandssysteem" in err


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make one file unreadable as for an ordinary user (root reads everything, so the read itself fails)."""

    def make(target: Path) -> None:
        real_open, real_read_bytes = Path.open, Path.read_bytes

        def refuse(path: Path) -> None:
            if path == target:
                raise PermissionError(13, "Permission denied", str(path))

        monkeypatch.setattr(Path, "open", lambda self, *a, **k: refuse(self) or real_open(self, *a, **k))
        monkeypatch.setattr(Path, "read_bytes", lambda self: refuse(self) or real_read_bytes(self))

    return make


def test_an_unreadable_answers_file_says_it_cannot_be_read(
    cli: Callable[..., Result], tmp_path: Path, unreadable: Callable[[Path], None]
) -> None:
    path = tmp_path / "geheim.yaml"
    path.write_text(answers_text(), encoding="utf-8")
    unreadable(path)
    err = refused(cli("start", "--answers", str(path)))
    assert err == f"Kan '{path}' niet lezen: u heeft geen leesrechten op dat bestand.\n"


def test_an_unreadable_content_file_says_it_cannot_be_read(
    cli: Callable[..., Result], data_copy: Path, unreadable: Callable[[Path], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INSTAPGIDS_DATA_DIR", str(data_copy))
    unreadable(data_copy / "lots.yaml")
    err = refused(cli("lots", "list"), code=1)
    assert "lots.yaml:1:1: (bestand): kan het bestand niet lezen: u heeft geen leesrechten op dat bestand" in err
    assert "schrijfrechten" not in err


BROKEN = {
    "yaml": ("answers: [\n", ":2:1: (bestand): ongeldige YAML"),
    "shape": ("- een lijst\n", ":1:1: (bestand): verwacht een mapping met de sleutel 'answers'"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_profile_is_named_with_the_way_out(case: str, cli: Callable[..., Result], private_home: Path) -> None:
    text, problem = BROKEN[case]
    path = save_profile(private_home, "kapot", text)
    for command in (("status",), ("checklist",), ("done", "ddc-dms-toegang"), ("systems", "cmdb2")):
        err = refused(cli(*command, "--profile", "kapot"))
        assert err.startswith(f"Uw profiel {path} is niet bruikbaar:\n")
        assert problem in err
        assert "zet het opzij en begin opnieuw met: instapgids start --profile kapot" in err
        assert "antwoordenbestand" not in err
    assert path.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in profiles(private_home).iterdir()) == ["kapot.yaml"]


def test_a_profile_that_is_not_utf8_is_named_at_the_bad_byte(cli: Callable[..., Result], private_home: Path) -> None:
    path = profiles(private_home) / "latin.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes(answers_text().replace("org_name: Gemeente", "org_name: Gémeente").encode("latin-1"))
    err = refused(cli("status", "--profile", "latin"))
    line = next(n for n, row in enumerate(answers_text().splitlines(), 1) if "org_name" in row)
    assert f"latin.yaml:{line}:14: (bestand): het bestand is geen UTF-8-tekst" in err


def test_a_search_term_with_controls_is_shown_as_text(cli: Callable[..., Result]) -> None:
    result = cli("search", "\x1b]0;titel\x07")
    assert result.code == 0, result.text
    assert "Niets gevonden voor '\\x1b]0;titel\\x07'" in result.out
    assert ESC not in result.text
