"""The hosted CI workflow (which cannot run here) tests what pyproject.toml claims, with the README's command."""

from __future__ import annotations

import re
import tomllib

import yaml

from test_readme import COMMANDS

from conftest import ROOT

WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
CLAIMED = [c.rsplit(" :: ", 1)[1] for c in PROJECT["classifiers"] if re.fullmatch(r"Programming .*:: 3\.\d+", c)]
JOB = WORKFLOW["jobs"]["test"]


def test_the_workflow_runs_every_claimed_python_on_linux_windows_and_macos() -> None:
    assert CLAIMED == ["3.11", "3.12", "3.13", "3.14"]
    assert PROJECT["requires-python"] == f">={CLAIMED[0]}"
    matrix = JOB["strategy"]["matrix"]
    assert matrix["python"] == CLAIMED
    assert sorted(matrix["os"]) == ["macos-latest", "ubuntu-latest", "windows-latest"]
    assert JOB["strategy"]["fail-fast"] is False  # one failing system does not hide the others


def test_the_workflow_runs_the_readme_test_command_with_each_systems_venv_path() -> None:
    runs = {step.get("if", ""): step["run"] for step in JOB["steps"] if "run" in step}
    readme = COMMANDS[1]
    assert runs["runner.os != 'Windows'"] == readme
    windows = runs["runner.os == 'Windows'"]
    assert windows == readme.replace("python3", "python").replace(
        ".venv/bin/pip install", ".venv/bin/python -m pip install"
    ).replace(".venv/bin/", ".venv\\Scripts\\").replace("'.[test]'", '".[test]"')


def test_the_pythons_script_tries_every_claimed_python() -> None:
    script = (ROOT / ".ci" / "pythons").read_text(encoding="utf-8")
    assert f"set -- {' '.join(CLAIMED)}" in script
