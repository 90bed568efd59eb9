"""`start` and `checklist` without prompts: answers files, profiles, messages and the Markdown export."""

from __future__ import annotations

import os
import re
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from instapgids.presentation.items import EVERYONE

from conftest import (
    AGENTSCHAP,
    ANSI,
    EXAMPLE_FILES,
    ITEM_ID,
    LOKAAL,
    Result,
    example_answers,
    files_in,
    flat,
    instapgids_exe,
    item_ids,
    no_traceback,
    profile_file,
)

pytestmark = pytest.mark.usefixtures("shared_content_cache")


# Words of Python, PyYAML/libyaml or library messages that must never reach a user untranslated.
ENGLISH = re.compile(
    r"\b(Traceback|Error|found|expected|allowed|character|context|mapping values|could not|did not|"
    r"field required|input should|invalid|warning|not a terminal)\b",
    re.I,
)
ITEM_HEAD = re.compile(r"^  \[( |x|~|\.)\] ")
MARKS = {"niet gestart": "[ ]", "bezig": "[~]", "klaar": "[x]", "kan nog niet starten": "[.]"}


def item_blocks(out: str) -> list[str]:
    """The checklist items as printed: each starts with '  [ ] ' or '  [x] ', the rest is indented below
    (steps and phases start in the first column)."""
    blocks: list[list[str]] = []
    inside = False
    for line in out.splitlines():
        if ITEM_HEAD.match(line):
            blocks.append([line])
            inside = True
        elif inside and line.startswith("  ") and line.strip():
            blocks[-1].append(line)
        else:
            inside = False
    return ["\n".join(block) for block in blocks]


# --------------------------------------------------------------------------- no terminal


def test_start_without_a_terminal_points_to_answers_files(process: Callable[..., Result]) -> None:
    began = time.monotonic()
    result = process("start", stdin="")
    assert time.monotonic() - began < 15, "start without a terminal should stop at once, not wait for input"
    assert result.code == 2, result.text
    assert "--answers" in result.err
    assert "terminal nodig" in result.err
    assert not ENGLISH.search(result.text), result.text
    assert result.out == ""


def test_start_of_a_named_profile_without_a_terminal_keeps_the_profile_in_its_hint(
    process: Callable[..., Result],
) -> None:
    result = process("start", "--profile", "klant b", stdin="")
    assert result.code == 2, result.text
    # one argument when copied, in a POSIX shell, PowerShell and cmd alike
    assert 'instapgids start --answers antwoorden.yaml --profile "klant b"' in result.err, result.err


def test_the_hints_of_a_profile_named_with_a_space_work_when_copied(cli: Callable[..., Result]) -> None:
    from conftest import start

    start(cli, name="klant b")
    shown = cli("next", "--profile", "klant b").out
    assert 'Klaar? instapgids done behoefte-beschrijven --profile "klant b"' in shown, shown
    assert 'instapgids checklist --profile "klant b"' in shown, shown


def test_start_with_stdin_closed_points_to_answers_files() -> None:
    done = subprocess.run(
        [instapgids_exe(), "start"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=15,
        preexec_fn=lambda: os.close(0),  # the child starts with no stdin at all
    )
    text = ANSI.sub("", done.stdout + done.stderr)
    assert done.returncode == 2, text
    assert "--answers" in text
    assert "Traceback" not in text
    assert "Er ging iets mis" not in text


# --------------------------------------------------------------------------- start --answers with the examples


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_start_with_an_example_answers_file(example: Path, cli: Callable[..., Result], private_home: Path) -> None:
    given = example_answers(example)
    result = cli("start", "--answers", str(example), "--profile", example.stem)
    assert result.code == 0, result.text
    no_traceback(result)
    assert result.out.startswith("Dit kunt u nu doen:")  # the next step first, not the whole checklist
    assert item_ids(result.out)

    path = profile_file(private_home, example.stem)
    # Where the answers went; Rich wraps the line, and folds a path longer than the line.
    assert str(path) in "".join(result.err.split())
    saved = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert saved["complete"] is True
    assert saved["answers"] == given

    again = cli("checklist", "--profile", example.stem)
    assert again.code == 0, again.text
    assert f"Checklist voor {given['org_name']}" in again.out
    assert set(item_ids(result.out)) <= set(item_ids(again.out))
    assert "Let op" not in again.err  # a complete, current profile has nothing to warn about


def test_profiles_are_kept_apart(cli: Callable[..., Result], private_home: Path) -> None:
    first, second = LOKAAL, AGENTSCHAP
    assert cli("start", "--answers", str(first), "--profile", "klant-a").code == 0
    assert cli("start", "--answers", str(second), "--profile", "klant-b").code == 0
    assert files_in(private_home / "state" / "profielen") == ["klant-a.yaml", "klant-b.yaml"]

    a, b = cli("checklist", "--profile", "klant-a"), cli("checklist", "--profile", "klant-b")
    name_a, name_b = example_answers(first)["org_name"], example_answers(second)["org_name"]
    assert f"Checklist voor {name_a}" in a.out and name_b not in a.out
    assert f"Checklist voor {name_b}" in b.out and name_a not in b.out
    assert item_ids(a.out) != item_ids(b.out)
    assert not (private_home / "state" / "profielen" / "standaard.yaml").exists()


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_every_item_shows_its_id_status_reason_and_source(example: Path, cli: Callable[..., Result]) -> None:
    from instapgids.content.load import load_content
    from instapgids.engine.checklist import build_checklist

    assert cli("start", "--answers", str(example), "--profile", example.stem).code == 0
    result = cli("checklist", "--profile", example.stem)
    assert result.code == 0, result.text
    blocks = item_blocks(result.out)
    expected = [i.item.id for i in build_checklist(load_content(), example_answers(example)).items()]
    assert len(blocks) == len(expected), result.out

    done = 0
    for block in blocks:
        found = ITEM_ID.search(block)
        assert found, f"no '(status, id: …)' in:\n{block}"
        status = " ".join(found.group(1).split())
        assert block.lstrip().startswith(MARKS[status]), block
        done += status == "klaar"
        if status == "klaar":  # a finished item folds to one line
            assert len(block.strip().splitlines()) <= 2, block
            continue
        # an item for every customer has no 'Waarom' of its own: one line at the top says so
        assert re.search(r"^\s+Waarom:", block, re.M) or EVERYONE in flat(result.out), block
        assert re.search(r"^\s+Bron:\s+§\d", block, re.M), f"no 'Bron: §' line in:\n{block}"
    assert [ITEM_ID.search(b).group(2) for b in blocks] == expected  # type: ignore[union-attr]
    assert f"{len(blocks)} punten, waarvan {done} klaar." in result.out
    assert not re.search(r"Waarom:\s+Geldt voor elke nieuwe klant", result.out)


def test_the_examples_show_the_statuses_an_answer_can_give(cli: Callable[..., Result]) -> None:
    statuses = set()
    for example in EXAMPLE_FILES:
        assert cli("start", "--answers", str(example), "--profile", example.stem).code == 0
        result = cli("checklist", "--profile", example.stem)
        statuses |= {" ".join(m.group(1).split()) for m in ITEM_ID.finditer(result.out)}
    assert statuses == {"niet gestart", "klaar", "kan nog niet starten"}


# --------------------------------------------------------------------------- bad answers files


def _replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, f"{old!r} is no longer in {LOKAAL.name}"
        return text.replace(old, new, 1)

    return edit


def _drop(key: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        kept = [line for line in text.splitlines(keepends=True) if not line.strip().startswith(f"{key}:")]
        assert len(kept) < len(text.splitlines()), f"{key} is no longer in {LOKAAL.name}"
        return "".join(kept)

    return edit


# (edit of the lokaal-bestuur example, text on the line that must be reported (None: a whole-file
#  problem), the field, a piece of the Dutch message)
BAD_FILES = {
    "unknown-key": (
        _replace("  local_admin: false\n", "  local_admin: false\n  kleur: blauw\n"),
        "kleur:",
        "answers.kleur",
        "onbekende vraag",
    ),
    "wrong-option": (
        _replace("digital_keys: actief", "digital_keys: paspoort"),
        "digital_keys:",
        "answers.digital_keys",
        "Kies een van deze waarden",
    ),
    "checkbox-not-a-list": (
        _replace("needs: [netwerk]", "needs: netwerk"),
        "needs:",
        "answers.needs",
        "Geef een lijst met waarden uit",
    ),
    "confirm-as-string": (
        _replace("submits_projects: true", 'submits_projects: "ja"'),
        "submits_projects:",
        "answers.submits_projects",
        "Antwoord met true (ja) of false (nee)",
    ),
    "exclusive-with-another": (
        _replace("has_systems: [geen]", "has_systems: [geen, cmdb2]"),
        "has_systems:",
        "answers.has_systems",
        "'Nog geen enkel systeem' kan niet samen met andere",
    ),
    "unknown-top-level-key": (
        _replace("answers:\n", "antwoorden: ja\nanswers:\n"),
        "antwoorden:",
        "antwoorden",
        "onbekende sleutel",
    ),
    "broken-yaml-indentation": (
        _replace("  digital_keys:", "   digital_keys:"),
        "digital_keys:",
        "(bestand)",
        "ongeldige YAML",
    ),
    "broken-yaml-colon-in-value": (
        _replace("digital_keys: actief", "digital_keys: actief: ja"),
        "digital_keys:",
        "(bestand)",
        "ongeldige YAML",
    ),
    "broken-yaml-unclosed-list": (
        _replace("needs: [netwerk]", "needs: [netwerk"),
        "needs:",
        "(bestand)",
        "ongeldige YAML",
    ),
    "broken-yaml-tab": (
        _replace("  digital_keys:", "\tdigital_keys:"),
        "digital_keys:",
        "(bestand)",
        "ongeldige YAML",
    ),
    "top-level-a-list": (
        lambda text: "- org_name: X\n- needs: [netwerk]\n",
        "- org_name",
        "(bestand)",
        "verwacht een mapping met de sleutel 'answers'",
    ),
    "missing-answer": (_drop("digital_keys"), None, "answers.digital_keys", "antwoord ontbreekt"),
    "missing-follow-up": (_drop("submits_projects"), None, "answers.submits_projects", "antwoord ontbreekt"),
}


@pytest.mark.parametrize(("edit", "needle", "field", "dutch"), list(BAD_FILES.values()), ids=list(BAD_FILES))
def test_a_bad_answers_file_is_reported_at_its_line(
    edit: Callable[[str], str],
    needle: str | None,
    field: str,
    dutch: str,
    cli: Callable[..., Result],
    private_home: Path,
    tmp_path: Path,
) -> None:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(edit(LOKAAL.read_text(encoding="utf-8")), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()

    result = cli("start", "--answers", str(path), "--profile", "fout")

    assert result.code == 2, result.text
    no_traceback(result)
    assert "Het antwoordenbestand is niet bruikbaar" in result.err
    reported = re.search(rf"^{re.escape(str(path))}:(\d+):(\d+): {re.escape(field)}: (.*)$", result.err, re.M)
    assert reported, f"no '{path}:line:column: {field}: …' in:\n{result.err}"
    line = int(reported.group(1))
    if needle is None:  # nothing to point at: the file as a whole, or its 'answers:' mapping
        assert line in (1, 1 + next(i for i, t in enumerate(lines) if t.startswith("answers:"))), result.err
    else:
        at = 1 + next(i for i, t in enumerate(lines) if needle in t)
        # A YAML syntax error is found where the parser notices it: that line or the start of the next.
        assert line == at or (field == "(bestand)" and needle != "- org_name" and line == at + 1), (at, result.err)
    assert dutch in reported.group(3)
    assert not ENGLISH.search(reported.group(3)), result.err
    assert not profile_file(private_home, "fout").exists()


# --------------------------------------------------------------------------- saved profiles


@pytest.mark.parametrize(
    ("extra", "notice"),
    [
        ({"old_question": "x"}, "hoort bij geen enkele vraag meer"),
        ({"digital_keys": "vervallen-waarde"}, "past niet meer"),
    ],
    ids=["question-gone", "value-gone"],
)
def test_a_profile_of_an_older_content_version_still_loads(
    extra: dict[str, Any], notice: str, cli: Callable[..., Result], private_home: Path
) -> None:
    path = profile_file(private_home, "oud")
    path.parent.mkdir(parents=True)
    answers = {**example_answers(LOKAAL), **extra}
    path.write_text(yaml.safe_dump({"format": 1, "complete": True, "answers": answers}), encoding="utf-8")
    before = path.read_text(encoding="utf-8")

    result = cli("checklist", "--profile", "oud")

    assert result.code == 0, result.text
    no_traceback(result)
    (key,) = extra
    assert f"'{key}'" in result.err and notice in result.err, result.err
    assert "Checklist voor Gemeente Voorbeeld" in result.out
    assert path.read_text(encoding="utf-8") == before  # not silently dropped (nor rewritten)
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["answers"][key] == extra[key]
    if key in example_answers(LOKAAL):  # an answer that no longer fits: that question must be asked again
        assert "nog niet afgerond" in result.err


def test_checklist_without_a_profile_says_to_start_first(cli: Callable[..., Result]) -> None:
    result = cli("checklist")
    assert result.code == 2, result.text
    no_traceback(result)
    assert "instapgids start" in result.err
    assert "Er is nog geen profiel" in result.err

    named = cli("checklist", "--profile", "klant-x")
    assert named.code == 2
    assert "instapgids start --profile klant-x" in named.err


# --------------------------------------------------------------------------- export


@pytest.fixture
def saved_profile(cli: Callable[..., Result]) -> str:
    assert cli("start", "--answers", str(LOKAAL), "--profile", "export").code == 0
    return "export"


def export(cli: Callable[..., Result], *args: str) -> Result:
    return cli("checklist", "--profile", "export", "--export", "md", *args)


def test_export_writes_a_file_and_does_not_overwrite_without_force(
    saved_profile: str, cli: Callable[..., Result], tmp_path: Path
) -> None:
    target = tmp_path / "checklist.md"
    first = export(cli, "-o", str(target))
    assert first.code == 0, first.text
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Checklist voor Gemeente Voorbeeld\n")
    assert "- [ ] **" in text

    target.write_text("mijn eigen notities\n", encoding="utf-8")
    again = export(cli, "-o", str(target))
    assert again.code == 2, again.text
    no_traceback(again)
    assert "--force" in again.err and "bestaat al" in again.err
    assert target.read_text(encoding="utf-8") == "mijn eigen notities\n"

    forced = export(cli, "-o", str(target), "--force")
    assert forced.code == 0, forced.text
    assert target.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checklist.md"]  # no temporary files left


@pytest.mark.parametrize("args", [("-o", "-"), ()], ids=["dash", "no-output"])
def test_export_to_the_screen(args: tuple[str, ...], saved_profile: str, cli: Callable[..., Result]) -> None:
    result = export(cli, *args)
    assert result.code == 0, result.text
    assert result.out.startswith("# Checklist voor Gemeente Voorbeeld\n")
    assert "## Fase 1:" in result.out
    assert re.search(r"^- \[( |x)\] \*\*", result.out, re.M)
    assert item_ids(result.out.replace("`", ""))


def test_export_in_an_unknown_format_is_refused(saved_profile: str, cli: Callable[..., Result], tmp_path: Path) -> None:
    target = tmp_path / "checklist.pdf"
    result = cli("checklist", "--profile", "export", "--export", "pdf", "-o", str(target))
    assert result.code == 2, result.text
    no_traceback(result)
    assert "Onbekend exportformaat 'pdf'" in result.err and "md" in result.err
    assert not target.exists()


def _assert_refused_in_dutch(result: Result, folder: Path, before: list[str]) -> None:
    assert result.code == 2, result.text
    no_traceback(result)
    assert re.search(r"Kan (niet schrijven in|'.*' niet schrijven)|is een map", result.err), result.err
    assert sorted(p.name for p in folder.iterdir()) == before, "temporary files were left behind"


def test_export_into_a_folder_that_cannot_be_written(
    saved_profile: str, cli: Callable[..., Result], read_only_folder: Path
) -> None:
    result = export(cli, "-o", str(read_only_folder / "checklist.md"))
    _assert_refused_in_dutch(result, read_only_folder, [])


def test_export_below_a_regular_file(saved_profile: str, cli: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    result = export(cli, "-o", str(tmp_path / "bestand" / "checklist.md"))
    _assert_refused_in_dutch(result, tmp_path, ["bestand"])
    assert (tmp_path / "bestand").read_text(encoding="utf-8") == "x"


def test_export_onto_a_folder(saved_profile: str, cli: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "map").mkdir()
    result = export(cli, "-o", str(tmp_path / "map"), "--force")
    _assert_refused_in_dutch(result, tmp_path, ["map"])
    assert "is een map" in result.err
    assert list((tmp_path / "map").iterdir()) == []


def test_a_failed_write_leaves_no_temporary_file(
    saved_profile: str, cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last step of the atomic write fails (as on a full disk): the temporary file is removed."""
    import instapgids.store.files

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Toegang geweigerd")

    monkeypatch.setattr(instapgids.store.files.os, "replace", refuse)
    result = export(cli, "-o", str(tmp_path / "checklist.md"))
    _assert_refused_in_dutch(result, tmp_path, [])


def test_outside_the_scope_is_an_outcome_every_command_handles(cli: Callable[..., Result], tmp_path: Path) -> None:
    """6.1.1: own organisation outside the scope, umbrella inside: one item, one mail, nothing else."""
    answers = tmp_path / "buiten.yaml"
    answers.write_text("answers:\n  org_name: Vzw Buiten\n  scope_checked: buiten\n", encoding="utf-8")
    started = cli("start", "--answers", str(answers), "--profile", "buiten")
    assert started.code == 0, started.text
    assert "0 van 1 klaar" in started.out
    assert "id: buiten-klantbereik" in flat(started.out)
    assert "demand@vlaanderen.be" in started.out
    status = cli("status", "--profile", "buiten")
    assert status.code == 0 and "buiten-klantbereik" in status.out, status.text
    mails = cli("mails", "--profile", "buiten")
    assert mails.code == 0 and "1 mail om te versturen" in mails.out, mails.text
    for kind in ("md", "html", "json"):
        export = cli("checklist", "--profile", "buiten", "--export", kind, "-o", "-")
        assert export.code == 0 and "buiten-klantbereik" in export.out, export.text
    no_traceback(started)
