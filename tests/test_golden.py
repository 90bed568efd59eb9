"""Golden files: what every command and export prints, byte for byte, kept in tests/golden/.

A change to any output shows here as a difference to a file. When the change is meant, write the
files anew and review the difference in git:

    INSTAPGIDS_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py

The profiles are the answers files of examples/ and a dozen paths of the interview cover
(tests/interview_paths.py), frozen in tests/golden/answers/ so that the cover may change. Each is
saved with `start --answers`, gets one item done and one in progress, and then goes through every
view and export. Everything runs in a folder of its own with relative paths, so that only today's
date and the profile's `updated:` stamp need to be normalised.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLE_FILES, ROOT, Result

pytestmark = pytest.mark.usefixtures("shared_content_cache")

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("INSTAPGIDS_UPDATE_GOLDEN") == "1"
PROFILES = EXAMPLE_FILES + sorted((GOLDEN / "answers").glob("*.yaml"))
COMMANDS = ["lots", "lots list", "lots show", "validate", "start", "checklist", "systems", "contacts", "journey"]
COMMANDS += ["search", "done", "doing", "undo", "status", "mails", "next", "profiles"]
COMMANDS += ["explain"]
USAGE_ERRORS = [
    ["lots", "show"],
    ["lots", "bogus"],
    ["bogus"],
    ["checklist", "--bogus"],
    ["checklist", "--export", "pdf"],
    ["mails", "--export"],
    ["done"],
    ["search"],
    ["systems", "onbestaand"],
    ["lots", "show", "7"],
    ["explain", "klantenportal"],
]
SEARCHES = ["licentie", "Redmine", "coordinatie", "perceel 5", "niets-te-vinden"]


def _normal(text: str) -> str:
    text = text.replace(str(ROOT), "<ROOT>").replace(date.today().isoformat(), "<VANDAAG>")
    return re.sub(r"^updated: .*$", "updated: <TIJDSTIP>", text, flags=re.MULTILINE)


def _record(result: Result) -> str:
    return _normal(f"exit {result.code}\n--- stdout ---\n{result.out}--- stderr ---\n{result.err}")


def _compare(case: str, outputs: dict[str, str]) -> None:
    folder = GOLDEN / case
    if UPDATE:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for name, text in outputs.items():
            (folder / name).write_bytes(text.encode("utf-8"))
        return
    assert folder.is_dir(), f"no golden files for {case}; write them with INSTAPGIDS_UPDATE_GOLDEN=1"
    stored = {p.name: p.read_bytes().decode("utf-8") for p in folder.iterdir()}
    assert sorted(stored) == sorted(outputs), f"{case}: other outputs than the golden files"
    differ = [name for name in outputs if stored[name] != outputs[name]]
    if differ:
        first = differ[0]
        old, new = stored[first].splitlines(), outputs[first].splitlines()
        line = next((n for n, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
        got = new[line] if line < len(new) else "(end)"
        wanted = old[line] if line < len(old) else "(end)"
        pytest.fail(
            f"{case}: {', '.join(differ)} differ from the golden files; first in {first}, line {line + 1}:\n"
            f"  golden: {wanted!r}\n  now:    {got!r}\n(meant? INSTAPGIDS_UPDATE_GOLDEN=1)"
        )


def _marks(cli: Callable[..., Result], flag: list[str]) -> tuple[str | None, str | None]:
    """One item to mark done and one to mark in progress: the first open ones (a blocked one preferred)."""
    items = json.loads(cli("checklist", *flag, "--export", "json").out)["items"]
    open_ids = [i["id"] for i in items if i["status"] == "open"]
    blocked = [i["id"] for i in items if i["status"] == "blocked"]
    done = open_ids[0] if open_ids else None
    doing = (blocked or open_ids[1:] or [None])[0]
    return done, doing


@pytest.mark.parametrize("answers", PROFILES, ids=lambda p: p.stem)
def test_profile_outputs(
    answers: Path, cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(answers, tmp_path / "antwoorden.yaml")
    flag = ["--profile", "profiel.yaml"]
    out = {"start.txt": _record(cli("start", "--answers", "antwoorden.yaml", *flag))}
    done, doing = _marks(cli, flag)
    if done:
        out["done.txt"] = _record(cli("done", done, *flag))
    if doing:
        out["doing.txt"] = _record(cli("doing", doing, *flag))
    out["checklist.txt"] = _record(cli("checklist", *flag))
    for kind in ("md", "html", "json"):
        out[f"checklist.{kind}"] = _record(cli("checklist", *flag, "--export", kind))
    out["checklist-to-file.txt"] = _record(cli("checklist", *flag, "-e", "md", "-o", "checklist.md"))
    assert (tmp_path / "checklist.md").read_text(encoding="utf-8") in out["checklist.md"]
    out["status.txt"] = _record(cli("status", *flag))
    out["next.txt"] = _record(cli("next", *flag))
    out["mails.txt"] = _record(cli("mails", *flag))
    eml = _record(cli("mails", *flag, "--export", "eml", "-o", "mails"))
    for path in sorted((tmp_path / "mails").glob("*.eml")) if (tmp_path / "mails").is_dir() else []:
        eml += f"=== {path.name}\n" + _normal(path.read_bytes().decode("ascii"))
    out["mails-eml.txt"] = eml
    out["systems-cmdb2.txt"] = _record(cli("systems", "cmdb2", *flag))
    out["profile.yaml"] = _normal((tmp_path / "profiel.yaml").read_text(encoding="utf-8"))
    if done:
        out["undo.txt"] = _record(cli("undo", done, *flag))
    _compare(f"profiel-{answers.stem}", out)


def test_content_outputs(cli: Callable[..., Result], content: object) -> None:
    out = {"lots-list.txt": _record(cli("lots", "list"))}
    for number in range(1, 7):
        out[f"lots-show-{number}.txt"] = _record(cli("lots", "show", str(number)))
    out["systems.txt"] = _record(cli("systems"))
    for system in content.systems_file.systems:  # type: ignore[attr-defined]
        out[f"systems-{system.id}.txt"] = _record(cli("systems", system.id))
    out["contacts.txt"] = _record(cli("contacts"))
    out["journey.txt"] = _record(cli("journey"))
    for n, term in enumerate(SEARCHES, 1):
        out[f"search-{n}.txt"] = _record(cli("search", *term.split()))
    out["validate.txt"] = _record(cli("validate", "--data-dir", str(DATA)))
    out["explain.txt"] = _record(cli("explain"))
    for term in ("EWA", "digitale sleutels", "BIS-nummer"):
        out[f"explain-{term.lower().replace(' ', '-')}.txt"] = _record(cli("explain", term))
    out["version.txt"] = _record(cli("--version"))
    _compare("inhoud", out)


def test_help_and_usage_errors(cli: Callable[..., Result]) -> None:
    out = {"no-arguments.txt": _record(cli()), "help.txt": _record(cli("--help"))}
    for command in COMMANDS:
        out[f"help-{command.replace(' ', '-')}.txt"] = _record(cli(*command.split(), "--help"))
    for args in USAGE_ERRORS:
        out[f"error-{'-'.join(a.strip('-') for a in args)}.txt"] = _record(cli(*args))
    _compare("hulp", out)
