"""The real interview, driven through its prompts.

Two ways in:

- in-process, with prompt_toolkit reading keys from a pipe (fast; the screen
  goes to a DummyOutput, so these tests look at what is saved and printed
  after the prompts);
- a real process in a pseudo-terminal (pexpect), where the prompts, the
  Dutch messages and the absence of English are checked on screen.

The keys are computed from data/interview.yaml (the position of each option),
so reordering options in the content does not break the walk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from conftest import LOKAAL, Result, flat, item_ids, profile_file, save_profile, saved
from prompts import (
    CTRL_C,
    DONE_CHOICE,
    DOWN,
    EMPTY_CHECKBOX,
    ENTER,
    LOT4_IN_REGIE,
    ORDER,
    RESUME,
    REVIEW,
    Screen,
    answer_keys,
    prompt_start,
    review_keys,
    walk_keys,
)

pytestmark = pytest.mark.usefixtures("shared_content_cache")


def test_full_walk_change_one_answer_at_review_then_export(
    interview: Callable[..., Result], cli: Callable[..., Result], private_home: Path, tmp_path: Path
) -> None:
    keys = walk_keys(LOT4_IN_REGIE)
    # Review: add "eenvoudige werkaanvragen" to the kinds of service ...
    changed = ["eenvoudige-werkaanvragen", "in-regie"]
    keys += review_keys(LOT4_IN_REGIE, "service_types")
    keys += answer_keys("service_types", changed, current=LOT4_IN_REGIE["service_types"])
    # ... which now needs the follow-up about simple work requests, asked at once ...
    keys += answer_keys("ewa_tasks", ["indienen"])
    # ... and then everything is right.
    keys += ENTER

    result = interview(keys, "--profile", "e2e")

    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    profile = saved(private_home, "e2e")
    assert profile["complete"] is True
    answers = profile["answers"]
    assert sorted(answers["service_types"]) == sorted(changed)
    assert answers["ewa_tasks"] == ["indienen"]
    others = {k: v for k, v in answers.items() if k not in ("service_types", "ewa_tasks")}
    assert others == {k: v for k, v in LOT4_IN_REGIE.items() if k != "service_types"}

    assert "Dit kunt u nu doen:" in result.out  # the next step first; the checklist is one command away
    full = cli("checklist", "--profile", "e2e").out
    assert "Checklist voor Gemeente E2E" in full
    ids = item_ids(full)
    assert "redmine" in ids, full
    assert "Redmine" in full
    assert "ewa-indienen" in ids  # the new follow-up answer counts on the checklist

    # The same checklist as Markdown.
    target = tmp_path / "c.md"
    export = cli("checklist", "--profile", "e2e", "--export", "md", "-o", str(target))
    assert export.code == 0, export.text
    tokens = MarkdownIt("commonmark").parse(target.read_text(encoding="utf-8"))

    def inline_after(kind: str, tag: str | None = None) -> list[str]:
        return [
            tokens[i + 1].content
            for i, t in enumerate(tokens)
            if t.type == kind and (tag is None or t.tag == tag) and tokens[i + 1].type == "inline"
        ]

    assert inline_after("heading_open", "h1") == ["Checklist voor Gemeente E2E"]
    phases = re.findall(r"^Fase \d+: .+?(?= ─|$)", full, re.M)
    assert phases and inline_after("heading_open", "h2") == [p.strip() for p in phases]
    items = [text for text in inline_after("paragraph_open") if "id: `" in text]
    assert items, "no checklist items in the Markdown"
    for text in items:
        assert text.startswith(("[ ] ", "[x] ")), text
        assert ("(klaar," in text) == text.startswith("[x]"), text
    md_ids = [re.search(r"id: `([a-z0-9-]+)`", text).group(1) for text in items]  # type: ignore[union-attr]
    assert md_ids == ids


# A path through lot 5 (applicatiediensten), which brings the follow-up lot5_new_initiative.
LOT5_PATH: dict[str, Any] = {
    "org_name": "Agentschap E2E",
    "scope_checked": "ja",
    "org_kind": "vlaamse-overheid",
    "needs": ["applicaties"],
    "service_types": ["exploitatie"],
    "lot5_new_initiative": True,
    "submits_projects": True,
    "optional_systems": ["geen"],
    "digital_keys": "actief",
    "uses_acm_idm": "ja",
    "has_systems": ["geen"],
    "local_admin": False,
}


def test_an_answer_that_no_longer_applies_is_dropped(
    interview: Callable[..., Result], cli: Callable[..., Result], private_home: Path
) -> None:
    lot5 = dict(LOT5_PATH)
    keys = walk_keys(lot5)
    keys += review_keys(lot5, "needs") + answer_keys("needs", ["netwerk"], current=lot5["needs"])
    keys += ENTER

    result = interview(keys, "--profile", "lot5")

    assert result.code == 0, result.text
    answers = saved(private_home, "lot5")["answers"]
    assert answers["needs"] == ["netwerk"]
    assert "lot5_new_initiative" not in answers
    assert {k: v for k, v in answers.items() if k != "needs"} == {
        k: v for k, v in lot5.items() if k not in ("needs", "lot5_new_initiative")
    }
    full = cli("checklist", "--profile", "lot5").out
    assert not [i for i in item_ids(full) if "minicompetitie" in i], full
    assert "minicompetitie" not in full.lower()


def test_before_the_change_the_lot5_path_has_a_minicompetition(
    interview: Callable[..., Result], cli: Callable[..., Result], private_home: Path
) -> None:
    """The counterpart of the test above: without the change, the follow-up and the item are there."""
    lot5 = dict(LOT5_PATH)
    result = interview(walk_keys(lot5) + ENTER, "--profile", "lot5")
    assert result.code == 0, result.text
    assert saved(private_home, "lot5")["answers"] == lot5
    assert "minicompetitie-nakijken" in item_ids(cli("checklist", "--profile", "lot5").out)


def test_reviewing_a_profile_keeps_an_answer_of_an_older_content_version(
    interview: Callable[..., Result], private_home: Path
) -> None:
    """`start` on a profile with an answer whose question is gone rewrites the file but keeps that answer."""
    old = {"format": 1, "complete": True, "answers": {**LOT4_IN_REGIE, "old_question": "x"}}
    save_profile(private_home, "oud", yaml.safe_dump(old))
    result = interview(ENTER + ENTER, "--profile", "oud")  # "bekijken en wijzigen", then "Alles klopt"
    assert result.code == 0, result.text
    assert "old_question" in result.err
    profile = saved(private_home, "oud")
    assert profile["answers"]["old_question"] == "x"
    assert "updated" in profile  # the file was written again


# --------------------------------------------------------------------------- hostile or broken profiles, in-process


def test_a_saved_name_with_controls_is_asked_again_and_replaced(
    interview: Callable[..., Result], cli: Callable[..., Result], private_home: Path
) -> None:
    text = yaml.safe_dump({"format": 1, "complete": True, "answers": LOT4_IN_REGIE}, allow_unicode=True)
    save_profile(private_home, "esc", text.replace("org_name: Gemeente E2E", 'org_name: "Gemeente\\e[2J"'))
    # "bekijken en wijzigen" leads to the one question whose answer was set aside, then "Alles klopt".
    result = interview(ENTER + answer_keys("org_name", "Gemeente Nieuw") + ENTER, "--profile", "esc")
    assert result.code == 0, result.text
    assert "past niet meer. Uw antwoord bevat een onzichtbaar stuurteken (U+001B, Esc)" in flat(result.err)
    assert saved(private_home, "esc")["answers"] == {**LOT4_IN_REGIE, "org_name": "Gemeente Nieuw"}
    assert "Dit kunt u nu doen:" in result.out
    assert "Gemeente Nieuw" in cli("checklist", "--profile", "esc").out


def test_start_sets_a_broken_profile_aside_and_begins_anew(
    interview: Callable[..., Result], private_home: Path
) -> None:
    broken = save_profile(private_home, "kapot", "answers: [\n")
    # The first choice sets the profile aside; then a whole new interview.
    result = interview(ENTER + walk_keys(LOT4_IN_REGIE) + ENTER, "--profile", "kapot")
    assert result.code == 0, result.text
    said = "".join(result.err.split())  # Rich wraps the line, and folds a path longer than the line
    assert "".join(f"Uw profiel {broken} is niet bruikbaar:".split()) in said
    aside = [p for p in broken.parent.iterdir() if p.name.startswith("kapot.kapot-")]
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == "answers: [\n"
    assert "".join(f"Het oude profiel staat nu in {aside[0]}".split()) in said
    assert saved(private_home, "kapot")["answers"] == LOT4_IN_REGIE


def test_setting_a_broken_profile_aside_never_overwrites(
    interview: Callable[..., Result], private_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import datetime

    class HalfPastEleven(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> HalfPastEleven:
            return cls(2026, 11, 29, 11, 30)

    monkeypatch.setattr("instapgids.store.profiles.datetime", HalfPastEleven)
    broken = save_profile(private_home, "kapot", "answers: [\n")
    earlier = save_profile(private_home, "kapot.kapot-20261129-1130", "eerder opzijgezet\n")
    result = interview(ENTER + CTRL_C, "--profile", "kapot")
    assert result.code == 130, result.text
    assert earlier.read_text(encoding="utf-8") == "eerder opzijgezet\n"
    assert broken.with_name("kapot.kapot-20261129-1130-2.yaml").read_text(encoding="utf-8") == "answers: [\n"
    assert not broken.exists()


def test_keeping_a_broken_profile_changes_nothing(interview: Callable[..., Result], private_home: Path) -> None:
    broken = save_profile(private_home, "kapot", "answers: [\n")
    result = interview(DOWN + ENTER, "--profile", "kapot")  # "Stoppen; ik herstel het bestand zelf"
    assert result.code == 2, result.text
    assert "Er is niets gewijzigd." in result.err
    assert [p.name for p in broken.parent.iterdir()] == ["kapot.yaml"]
    assert broken.read_text(encoding="utf-8") == "answers: [\n"


# --------------------------------------------------------------------------- a real pseudo-terminal


def test_full_interview_in_a_terminal(screens: Callable[..., Screen], private_home: Path) -> None:
    # Two ticks in one checkbox: questionary would say "done (2 selections)" if the prompt were left on screen.
    answers = {**LOT4_IN_REGIE, "optional_systems": ["cmdb2", "klantencommunity"]}
    screen = screens("start", "--profile", "pty")
    screen.expect("Welkom bij instapgids")
    for qid in ORDER:
        if qid in answers:
            screen.ask(qid, answer_keys(qid, answers[qid]))
    screen.expect(REVIEW)
    screen.expect(DONE_CHOICE)
    screen.child.send(ENTER)
    screen.expect("Dit kunt u nu doen:")
    assert screen.finish() == 0, screen.text
    assert "De volledige checklist: instapgids checklist --profile pty" in flat(screen.text)
    screen.assert_no_english()
    assert saved(private_home, "pty")["answers"] == answers


def test_empty_checkbox_is_refused_in_dutch_and_asked_again(screens: Callable[..., Screen]) -> None:
    screen = screens("start", "--profile", "leeg")
    for qid in ORDER[: ORDER.index("needs")]:
        screen.ask(qid, answer_keys(qid, LOT4_IN_REGIE[qid]))
    screen.ask("needs", ENTER)  # nothing ticked
    screen.expect(EMPTY_CHECKBOX)  # under the same question, asked again
    screen.child.send(answer_keys("needs", ["netwerk"]))
    screen.expect(prompt_start("service_types"))
    screen.child.send(CTRL_C)
    assert screen.finish() == 130
    screen.assert_no_english()


def test_a_pasted_control_character_is_refused_and_asked_again(screens: Callable[..., Screen]) -> None:
    screen = screens("start", "--profile", "plakken")
    screen.expect(prompt_start("org_name"))
    screen.child.send("\x1b[200~Gemeente\tX\x1b[201~" + ENTER)  # a bracketed paste with a tab in it
    screen.expect("Uw antwoord bevat een onzichtbaar stuurteken (U+0009, tab) dat hier niet mag.")
    screen.child.send("\x7f" * 10 + "Gemeente X" + ENTER)
    screen.expect(prompt_start(ORDER[1]))
    screen.child.send(CTRL_C)
    assert screen.finish() == 130
    screen.assert_no_english()


def test_ctrl_c_at_the_resume_menu_says_onderbroken_and_keeps_the_profile(
    screens: Callable[..., Screen], cli: Callable[..., Result], private_home: Path
) -> None:
    assert cli("start", "--answers", str(LOKAAL), "--profile", "menu").code == 0
    before = profile_file(private_home, "menu").read_bytes()
    screen = screens("start", "--profile", "menu")
    screen.expect("Er zijn al antwoorden bewaard")
    screen.child.send(CTRL_C)
    screen.expect("Onderbroken. Uw antwoorden tot nu toe zijn bewaard in")
    assert screen.finish() == 130, screen.text
    assert "Met 'instapgids start --profile menu' gaat u verder waar u stopte." in flat(screen.text)
    screen.assert_no_english()
    assert profile_file(private_home, "menu").read_bytes() == before


def test_ctrl_c_keeps_the_answers_and_start_resumes_after_them(
    screens: Callable[..., Screen], private_home: Path
) -> None:
    first, second, third = ORDER[:3]
    screen = screens("start", "--profile", "onderbroken")
    screen.ask(first, answer_keys(first, LOT4_IN_REGIE[first]))
    screen.ask(second, answer_keys(second, LOT4_IN_REGIE[second]))
    screen.expect(prompt_start(third))
    screen.child.send(CTRL_C)
    screen.expect("Onderbroken")
    assert screen.finish() == 130, screen.text
    assert "bewaard" in screen.text
    screen.assert_no_english()
    profile = saved(private_home, "onderbroken")
    assert profile["complete"] is False
    assert profile["answers"] == {first: LOT4_IN_REGIE[first], second: LOT4_IN_REGIE[second]}

    again = screens("start", "--profile", "onderbroken")
    again.expect(RESUME)
    again.expect("Verdergaan")
    again.child.send(ENTER)  # "Verdergaan waar ik gebleven was" is the first choice
    shown = again.child.expect_exact([prompt_start(third), prompt_start(first)])
    assert shown == 0, f"the interview started over instead of going on:\n{again.text}"
    again.child.send(CTRL_C)
    assert again.finish() == 130
    again.assert_no_english()


def test_ctrl_c_after_a_change_at_the_review_keeps_the_answers_as_they_were(
    screens: Callable[..., Screen], cli: Callable[..., Result], private_home: Path
) -> None:
    assert cli("start", "--answers", str(LOKAAL), "--profile", "spijt").code == 0
    before = saved(private_home, "spijt")
    old_name = before["answers"]["org_name"]
    screen = screens("start", "--profile", "spijt")
    screen.expect("Er zijn al antwoorden bewaard")
    screen.child.send(ENTER)  # "Mijn antwoorden bekijken en wijzigen"
    screen.expect(DONE_CHOICE)
    screen.child.send(review_keys(before["answers"], "org_name"))
    screen.ask("org_name", answer_keys("org_name", "Een Halve Wijziging", current=old_name))
    screen.expect("Een Halve Wijziging")  # echoed, and saved meanwhile
    screen.expect(DONE_CHOICE)  # back at the review screen: the change is not confirmed yet
    screen.child.send(CTRL_C)
    assert screen.finish() == 130
    assert "niet bewaard" in flat(screen.text), screen.text
    assert "Met 'instapgids start --profile spijt' gaat u verder" in flat(screen.text), screen.text  # how to go on
    after = saved(private_home, "spijt")
    assert after["answers"] == before["answers"]
    assert after["complete"] is True
    screen.assert_no_english()


def test_after_a_refused_checkbox_answer_the_pointer_stays_where_it_was(
    screens: Callable[..., Screen], private_home: Path
) -> None:
    screen = screens("start", "--profile", "cursor")
    for qid in ORDER[: ORDER.index("needs")]:
        screen.ask(qid, answer_keys(qid, LOT4_IN_REGIE[qid]))
    screen.ask("needs", answer_keys("needs", ["netwerk", "weet-niet"]))  # ends on "Weet ik nog niet"
    screen.expect("kan niet samen met andere antwoorden")
    screen.child.send(" " + ENTER)  # untick the box under the pointer: "Weet ik nog niet"
    screen.expect(prompt_start("service_types"))
    assert saved(private_home, "cursor")["answers"]["needs"] == ["netwerk"]
    screen.child.send(CTRL_C)
    assert screen.finish() == 130


def test_a_yes_no_answer_reads_as_the_choice_that_was_offered(
    screens: Callable[..., Screen], private_home: Path
) -> None:
    """The prompt offers "Ja" and "Nee": the line after it, the review screen and the checklist's reasons say
    the answer with the same word, not "ja"."""
    from instapgids.api import answer_text, load_content

    content = load_content()
    confirm = [q.id for q in content.interview.questions if q.kind == "confirm"]
    assert confirm
    for qid in confirm:
        assert (answer_text(content, qid, True), answer_text(content, qid, False)) == ("Ja", "Nee")
    english = load_content(language="en")
    assert (answer_text(english, confirm[0], True), answer_text(english, confirm[0], False)) == ("Yes", "No")
    asked = [qid for qid in ORDER if qid in LOT4_IN_REGIE and qid in confirm]
    assert asked, "the walk answers a yes/no question"
    screen = screens("start", "--profile", "janee")
    for qid in ORDER:
        if qid in LOT4_IN_REGIE:
            screen.ask(qid, answer_keys(qid, LOT4_IN_REGIE[qid]))
    screen.expect(REVIEW)
    screen.expect(DONE_CHOICE)
    text = flat(screen.text)
    for qid in asked:
        label = content.question_by_id[qid].label
        said = "Ja" if LOT4_IN_REGIE[qid] else "Nee"
        assert f"✔ {label}: {said}" in text and f"{label}: {said.lower()}" not in text, text
