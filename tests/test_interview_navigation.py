"""Issue 10, the interview side: the welcome screen, going back, where am I, words explained under a question,
blockers said when chosen, and wrapping at 80 and 120 columns (nothing cut with "…")."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result, flat, saved
from prompts import BACK, CTRL_C, DONE_CHOICE, ENTER, LOT4_IN_REGIE, ORDER, REVIEW, Screen, answer_keys, prompt_start

pytestmark = pytest.mark.usefixtures("shared_content_cache")


def test_the_welcome_screen_says_what_why_how_long_and_the_keys(screens: Callable[..., Screen]) -> None:
    screen = screens("start", "--profile", "welkom")
    screen.expect(prompt_start("org_name"))
    before = " ".join(screen.text.split(prompt_start("org_name"))[0].split())
    assert re.search(r"ongeveer \d+ korte vragen", before), before
    for words in ("Houd bij de hand", "naam van uw organisatie", "ACM/IDM", "Shift+Tab", "Ctrl-C", "bewaard"):
        assert words in before, words
    screen.child.send(CTRL_C)
    assert screen.finish() == 130


def test_progress_follows_the_answers(screens: Callable[..., Screen]) -> None:
    screen = screens("start", "--profile", "waar")
    screen.expect("Vraag 1 van ongeveer")
    for qid in ORDER[: ORDER.index("local_user_management")]:
        screen.ask(qid, answer_keys(qid, LOT4_IN_REGIE[qid]))
    screen.expect("Vraag 4 van ongeveer")  # local_user_management: asked because of lokaal-bestuur
    screen.child.send(CTRL_C)
    assert screen.finish() == 130


def test_back_over_a_conditional_question_reevaluates_what_follows(
    screens: Callable[..., Screen], private_home: Path
) -> None:
    screen = screens("start", "--profile", "terug")
    screen.expect(prompt_start("org_name"))
    screen.child.send(BACK)  # on the first question: nothing happens, and it is said
    screen.expect("Dit is de eerste vraag")
    screen.child.send(answer_keys("org_name", LOT4_IN_REGIE["org_name"]))
    for qid in ORDER[1 : ORDER.index("needs")]:
        screen.ask(qid, answer_keys(qid, LOT4_IN_REGIE[qid]))
    screen.ask("needs", BACK)  # back to the conditional question, its answer (Ja) preselected
    screen.ask("local_user_management", BACK)  # back to the kind of organisation (lokaal bestuur)
    screen.ask("org_kind", answer_keys("org_kind", "vlaamse-overheid", current="lokaal-bestuur"))
    screen.expect(prompt_start("needs"))  # the follow-up for local governments no longer applies
    answers = saved(private_home, "terug")["answers"]
    assert answers["org_kind"] == "vlaamse-overheid"
    assert "local_user_management" not in answers
    screen.child.send(CTRL_C)
    assert screen.finish() == 130
    screen.assert_no_english()


def test_back_keeps_the_answer_when_it_is_confirmed(interview: Callable[..., Result], private_home: Path) -> None:
    keys = answer_keys("org_name", "Gemeente Terug") + BACK + ENTER  # back to the name, Enter keeps it
    keys += "".join(answer_keys(q, LOT4_IN_REGIE[q]) for q in ORDER[1:] if q in LOT4_IN_REGIE) + ENTER
    result = interview(keys, "--profile", "p")
    assert result.code == 0, result.text
    assert saved(private_home, "p")["answers"]["org_name"] == "Gemeente Terug"


def test_a_term_is_explained_under_the_question(screens: Callable[..., Screen]) -> None:
    screen = screens("start", "--profile", "woord")
    screen.ask("org_name", answer_keys("org_name", "Gemeente Woord"))
    screen.expect(prompt_start("scope_checked"))
    screen.expect("klantbereik: Welke organisaties")  # glossary.yaml, short, under the options
    screen.child.send(CTRL_C)
    assert screen.finish() == 130


def test_a_blocker_is_said_when_it_is_chosen(screens: Callable[..., Screen]) -> None:
    answers = {**LOT4_IN_REGIE, "digital_keys": "geen"}
    screen = screens("start", "--profile", "sleutels")
    for qid in ORDER[: ORDER.index("digital_keys") + 1]:
        if qid in answers:
            screen.ask(qid, answer_keys(qid, answers[qid]))
    screen.expect("Let op:")
    screen.expect(prompt_start("uses_acm_idm"))
    assert "eIDAS-sleutel" in flat(screen.text)
    screen.child.send(CTRL_C)
    assert screen.finish() == 130


@pytest.mark.parametrize("columns", [80, 120])
def test_nothing_is_cut_at_80_and_120_columns(screens: Callable[..., Screen], columns: int) -> None:
    answers = {**LOT4_IN_REGIE, "needs": ["applicaties", "coordinatie"], "service_types": ["eenvoudige-werkaanvragen"]}
    del answers["submits_projects"]  # not asked: no project, no new initiative
    screen = screens("start", "--profile", f"breed{columns}", columns=columns)
    for qid in ORDER:
        if qid in answers:
            screen.ask(qid, answer_keys(qid, answers[qid]))
        elif qid in ("lot5_new_initiative",):
            screen.ask(qid, answer_keys(qid, False))
        elif qid == "ewa_tasks":
            screen.ask(qid, answer_keys(qid, ["indienen"]))
    screen.expect(REVIEW)
    screen.expect(DONE_CHOICE)
    screen.child.send(CTRL_C)
    assert screen.finish() == 130
    assert "…" not in screen.text
    assert "Coördinatie van en samenwerking tussen ICT-partners, service-integratie" in flat(screen.text)


def test_an_answer_changed_after_going_back_replaces_its_old_line(screens: Callable[..., Screen]) -> None:
    screen = screens("start", "--profile", "vervang", rows=40)
    for qid in ORDER[: ORDER.index("org_kind") + 1]:
        screen.ask(qid, answer_keys(qid, LOT4_IN_REGIE[qid]))
    screen.ask("local_user_management", BACK)  # back to the kind of organisation (lokaal bestuur)
    screen.ask("org_kind", answer_keys("org_kind", "vlaamse-overheid", current="lokaal-bestuur"))
    screen.expect(prompt_start("needs"))
    screen.expect("Ctrl-C")
    shown = [row for row in screen.display() if row.startswith("✔")]
    kinds = [row for row in shown if row.startswith("✔ Soort organisatie")]
    assert len(kinds) == 1 and "Vlaamse" in kinds[0], shown
    assert [row.split(":")[0] for row in shown] == [
        "✔ Organisatie",
        "✔ Klantbereik nagekeken",
        "✔ Soort organisatie",
    ], shown
    screen.child.send(CTRL_C)
    assert screen.finish() == 130
