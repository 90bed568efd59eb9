"""The result side (issue 10): the next step first, `profiles`, status's next three."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLES, LOKAAL, Result

pytestmark = pytest.mark.usefixtures("shared_content_cache")


def test_start_shows_the_next_step_first_not_the_whole_checklist(cli: Callable[..., Result], tmp_path: Path) -> None:
    result = cli("start", "--answers", str(LOKAAL), "-p", str(tmp_path / "p.yaml"))
    assert result.code == 0
    assert result.out.startswith("Dit kunt u nu doen:")
    assert "Checklist voor" not in result.out
    # the scope is checked; phase 1 comes first (6.2: "na bepaling behoefte"): two items can start
    assert result.out.count("Klaar? instapgids done ") == 2
    assert "Voortgang:" in result.out and "instapgids checklist" in result.out


PHASE_1 = ("behoefte-beschrijven", "demand-contacteren", "werkaanvraag-voorbereiden")


def test_next_says_why_for_every_item(cli: Callable[..., Result], tmp_path: Path) -> None:
    profile = str(tmp_path / "p.yaml")
    cli("start", "--answers", str(LOKAAL), "-p", profile)
    assert cli("done", *PHASE_1, "-p", profile).code == 0
    result = cli("next", "-p", profile)
    assert result.code == 0
    assert result.out.count("Waarom:") == 3
    assert "Mail: aan Team Service-Integratie <ict.gos@vlaanderen.be>" in result.out


def test_status_shows_three_then_how_many_others(cli: Callable[..., Result], tmp_path: Path) -> None:
    profile = str(tmp_path / "p.yaml")
    cli("start", "--answers", str(LOKAAL), "-p", profile)
    assert cli("done", *PHASE_1, "-p", profile).code == 0
    result = cli("status", "-p", profile)
    assert result.out.count("  •") == 3
    assert "en 1 ander;" in result.out


def test_profiles_lists_every_profile_oldest_first_and_a_broken_one_as_broken(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INSTAPGIDS_HOME", str(tmp_path))
    for name in ("nieuw", "oud"):
        assert cli("start", "--answers", str(EXAMPLES / "agentschap-exploitatie.yaml"), "-p", name).code == 0
    folder = tmp_path / "profielen"
    (folder / "kapot.yaml").write_text("answers: [\n", encoding="utf-8")
    past = time.time() - 86400
    os.utime(folder / "oud.yaml", (past, past))
    result = cli("profiles")
    assert result.code == 0, result.err
    order = [name for name in ("oud", "nieuw", "kapot") if name in result.out]
    assert [result.out.index(f"\n{n}  ") for n in order] == sorted(result.out.index(f"\n{n}  ") for n in order)
    assert result.out.index("\noud  ") < result.out.index("\nnieuw  ")
    assert "Onleesbaar:" in result.out
    assert "van 20 klaar" in result.out and "Agentschap Exploitatie" in result.out


def test_profiles_without_any(cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INSTAPGIDS_HOME", str(tmp_path))
    result = cli("profiles")
    assert result.code == 0 and "nog geen profielen" in result.out


def test_help_lists_the_commands_in_the_order_a_customer_meets_them(cli: Callable[..., Result]) -> None:
    text = cli("--help").out
    names = ["start", "next", "checklist", "done", "status", "mails", "lots", "validate"]
    positions = [text.index(f"│ {n} ") for n in names]
    assert positions == sorted(positions)
    assert "Voor het inhoudsteam" in text
