"""The README's two commands are the ones that work: CI runs the test command verbatim."""

from __future__ import annotations

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = re.findall(r"```sh\n(python3 -m venv .*?)\n```", README)


def test_readme_has_exactly_two_newcomer_commands() -> None:
    assert len(COMMANDS) == 2, COMMANDS
    install_and_run, install_and_test = COMMANDS
    assert install_and_run.endswith("instapgids start")
    assert "pytest" in install_and_test


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert COMMANDS[1] in ci.splitlines()


def test_readme_documents_every_command() -> None:
    for command in ("instapgids start", "instapgids checklist", "lots list", "lots show", "instapgids validate"):
        assert command in README
