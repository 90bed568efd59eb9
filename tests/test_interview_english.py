"""Issue 11: the interview in English (``--lang en`` or an English locale), and the profile's language.

The prompts are checked on a real pseudo-terminal (pexpect): English words, no Dutch sentence of the
interview (names excepted: they stay Dutch, glossed), and the same saved answers as the Dutch walk.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from conftest import LOKAAL, ROOT, Result, contents, flat, profile_file, saved, write
from prompts import BACK, CTRL_C, ENTER, LOT4_IN_REGIE, ORDER, Screen, answer_keys

pytestmark = pytest.mark.usefixtures("shared_content_cache")

PO = ROOT / "src" / "instapgids" / "locale" / "en" / "LC_MESSAGES" / "instapgids.po"


@pytest.fixture(scope="module")
def both() -> tuple[Any, Any]:
    return contents()


def dutch_sentences(dutch: Any, english: Any) -> list[str]:
    """The interview's Dutch sentences that have an English of their own: the program's messages (the
    catalog's msgids) and each question's prompt, help and option labels."""
    with PO.open("rb") as handle:
        found = [str(m.id) for m in read_po(handle) if m.id and m.string != m.id and len(str(m.id)) > 12]
    for question in dutch.interview.questions:
        other = english.question_by_id[question.id]
        pairs = [(question.prompt, other.prompt), (question.help, other.help)]
        pairs += [(o.label, e.label) for o, e in zip(question.options, other.options, strict=True)]
        found += [nl for nl, en in pairs if nl and nl not in en]  # a name stays Dutch inside its English
    return [flat(s.split("{")[0]) for s in found if len(flat(s.split("{")[0])) > 12]


def english_prompt(english: Any, qid: str) -> str:
    return " ".join(english.question_by_id[qid].prompt.split())[:40]


def walk(screen: Screen, english: Any, answers: dict[str, Any]) -> str:
    """Answer every question on screen, each after its English prompt, going back once on the way (Shift+Tab,
    on the first question and from the question about local user management); returns the screen up to the
    review."""
    screen.expect("Welcome to instapgids.")
    screen.expect(english_prompt(english, "org_name"))
    screen.child.send(BACK)  # nothing before the first question, and it is said in English
    screen.expect("This is the first question: there is no previous one.")
    for qid in ORDER:
        if qid not in answers:
            continue
        if qid != "org_name":  # on screen already
            screen.expect(english_prompt(english, qid))
        if qid == "local_user_management":  # a word of the glossary, explained in English under the question
            term = next(t for t in english.glossary.terms if t.id == "gebruikersbeheer-lokale-besturen")
            screen.expect(term.term[:40])  # the term the Dutch explains; at 80 columns its line wraps
            screen.expect("Shift+Tab: previous question")  # the line under the notes
            assert "".join(term.short.split())[:40] in "".join(screen.text.split())  # spaces may be cursor moves
            screen.child.send(BACK)  # back to the kind of organisation, its answer chosen: Enter keeps it
            screen.expect(english_prompt(english, "org_kind"))
            screen.child.send(answer_keys("org_kind", answers["org_kind"], current=answers["org_kind"]))
            screen.expect(english_prompt(english, qid))
        screen.child.send(answer_keys(qid, answers[qid]))
    screen.expect("Check your answers. Choose an answer to change it:")
    screen.expect("All correct: show my checklist")
    shown = screen.text
    screen.child.send(ENTER)
    return shown


def test_the_interview_in_english_from_first_question_to_the_end(
    screens: Callable[..., Screen], private_home: Path, both: tuple[Any, Any]
) -> None:
    dutch, english = both
    answers = {**LOT4_IN_REGIE, "optional_systems": ["cmdb2", "klantencommunity"]}
    # The next steps fill more than a screen, so they go through the pager: cat, to read them all here.
    screen = screens("--lang", "en", "start", "--profile", "en", columns=80, env={"PAGER": "cat"})
    shown = walk(screen, english, answers)
    assert screen.finish() == 0, screen.text

    text = flat(shown)
    for phrase in ("Question 1 of about", "Enter to confirm", "Arrow keys, Space to tick, Enter to confirm"):
        assert phrase in text, phrase
    assert "Shift+Tab: previous question" in text and "Ctrl-C: stop" in text
    assert "✔ Local administrator or application owner: No" in text  # the echo: English label and yes/no
    wrong = [s for s in dutch_sentences(dutch, english) if s in text]
    assert not wrong, wrong
    screen.assert_no_english()  # questionary's own English never shows either

    # Then the checklist's first steps, in English: what to do now, the progress, the full checklist.
    after = flat(screen.text[len(shown) :])
    assert after.index("What you can do now:") < after.index("Progress:") < after.index("The full checklist:")
    assert "Phase 1: " in after and "(not started, id: " in after and "Why: " in after and "Done? " in after
    assert "instapgids checklist --profile en" in after
    for heading in ("Dit kunt u nu doen", "Voortgang:", "Fase 1", "niet gestart", "Waarom:", "Klaar?"):
        assert heading not in after, heading

    # The same answers, saved as the same codes, as the Dutch walk of the same keys.
    dutch_screen = screens("start", "--profile", "nl")
    dutch_screen.expect("Welkom bij instapgids.")
    for qid in ORDER:
        if qid in answers:
            dutch_screen.ask(qid, answer_keys(qid, answers[qid]))
    dutch_screen.expect("Alles klopt: toon mijn checklist")
    dutch_screen.child.send(ENTER)
    assert dutch_screen.finish() == 0, dutch_screen.text
    assert saved(private_home, "en")["answers"] == saved(private_home, "nl")["answers"] == answers
    assert saved(private_home, "en")["language"] == "en" and "language" not in saved(private_home, "nl")


def test_an_english_locale_gives_the_interview_in_english(screens: Callable[..., Screen]) -> None:
    screen = screens("start", "--profile", "locale", env={"LANG": "en_GB.UTF-8"})
    screen.expect("Welcome to instapgids.")
    screen.expect("Question 1 of about")
    screen.expect("What is the name of your organisation?")
    screen.child.send(CTRL_C)
    assert screen.finish() == 130


def test_a_refused_answer_is_explained_in_english(screens: Callable[..., Screen]) -> None:
    screen = screens("--lang", "en", "start", "--profile", "leeg")
    for qid in ORDER[: ORDER.index("needs")]:
        screen.child.send(answer_keys(qid, LOT4_IN_REGIE[qid]))
    screen.expect("What does your organisation need?")
    screen.child.send(ENTER)  # nothing ticked
    screen.expect("Choose at least one answer.")
    screen.child.send(CTRL_C)
    assert screen.finish() == 130


def test_start_goes_on_in_the_language_of_the_profile_unless_asked_otherwise(
    screens: Callable[..., Screen], private_home: Path
) -> None:
    write(profile_file(private_home, "p"), "format: 1\nlanguage: en\nanswers:\n  org_name: Acme\n")
    screen = screens("start", "--profile", "p")  # no --lang: the profile's English, over the Dutch locale
    screen.expect("The previous interview was interrupted. What would you like to do?")
    screen.child.send(CTRL_C)
    assert screen.finish() == 130
    asked = screens("start", "--profile", "p", env={"INSTAPGIDS_LANG": "nl"})
    asked.expect("Het vorige gesprek werd onderbroken. Wat wilt u doen?")
    asked.child.send(CTRL_C)
    assert asked.finish() == 130


def test_the_profile_keeps_its_language_and_other_commands_use_the_language_asked_for(
    cli: Callable[..., Result], private_home: Path
) -> None:
    example = str(LOKAAL)
    assert cli("--lang", "en", "start", "--answers", example, "--profile", "p").code == 0
    assert saved(private_home)["language"] == "en"
    assert cli("done", "klantenportaal-rollen", "--profile", "p", "--force").code == 0  # a Dutch run: progress only
    assert saved(private_home)["language"] == "en"
    assert cli("start", "--answers", example, "--profile", "p").code == 0  # answers given anew, in Dutch
    assert "language" not in saved(private_home)


def test_a_profile_with_an_unknown_language_is_reported_at_its_line(
    cli: Callable[..., Result], private_home: Path
) -> None:
    path = profile_file(private_home)
    write(path, "format: 1\nlanguage: fr\nanswers:\n  org_name: Acme\n")
    result = cli("status", "--profile", "p")
    assert result.code == 2, result.text
    assert f"{path}:2:11: language: verwacht een taal: nl of en" in result.err


def test_help_and_usage_errors_in_english(process: Callable[..., Result]) -> None:
    helped = process("--lang", "en", "--help")
    assert helped.code == 0, helped.text
    text = flat(helped.out)
    assert "Usage: instapgids [OPTIONS] COMMAND [ARGS]..." in text
    assert "Output language: nl or en (also INSTAPGIDS_LANG)." in text and "Show this message and exit." in text
    assert "Gebruik:" not in text and "Toon deze hulp" not in text
    wrong = process("--lang", "en", "done")
    assert wrong.code == 2 and "Missing argument 'ID...'" in wrong.err, wrong.err
    assert "Gebruik:" in process("--help").out  # Dutch stays Dutch (tests/test_localize.py, the goldens)
