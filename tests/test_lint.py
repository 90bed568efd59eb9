"""The code stays clean: ruff (lint and format) and mypy, with the settings of pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

BIN = Path(sys.executable).parent
PATHS = ["src", "tests", "benchmarks", "docs"]


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", *PATHS],
        ["ruff", "format", "--check", *PATHS],
        ["mypy"],
    ],
    ids=lambda command: " ".join(command[:2]) if command[0] == "ruff" else command[0],
)
def test_tool_passes(command: list[str]) -> None:
    tool = BIN / command[0]
    assert tool.is_file(), f"{command[0]} is not installed next to {sys.executable} (pip install -e '.[test]')"
    done = subprocess.run([str(tool), *command[1:]], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}"
