"""The benchmarks measure what they say: the first question of `start`, not the welcome before it."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from instapgids.content.load import load_content
from instapgids.paths import data_dir
from instapgids.presentation.interview import welcome

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _first_prompt() -> str:
    spec = importlib.util.spec_from_file_location("first_prompt", BENCHMARKS / "first_prompt.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.first_prompt())


def test_the_marker_of_the_first_question_is_not_in_the_welcome() -> None:
    said = welcome(load_content(data_dir()))
    shown = " ".join([said.title, said.text, said.have_at_hand_title, *said.have_at_hand])
    assert _first_prompt() not in " ".join(shown.split())


def test_the_marker_is_on_screen_only_with_the_first_question(screens) -> None:
    marker = _first_prompt()
    screen = screens("start", "--profile", "bench-marker", columns=80, rows=30)
    screen.expect(marker)
    text = " ".join(screen.text.split())
    assert text.count(marker) == 1
    assert re.search(r"Vraag 1 van ongeveer \d+", text[: text.index(marker)]), "the question's frame comes first"
    assert "Ctrl-C" in text[: text.index(marker)], "the welcome (ending in its keys) is on screen before"
