"""The interview: the one module that talks to questionary.

Which question comes next, and which answers still apply, is decided by
``engine.routing`` from interview.yaml; this module only asks, in Dutch, and hands
every answer to ``on_answer`` at once (so an interruption loses nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import questionary
from prompt_toolkit.styles import Style

from instapgids.content.bundle import Content
from instapgids.content.questions import AnswerValue, Question
from instapgids.engine.routing import active_questions, applicable_answers, next_question
from instapgids.presentation.words import describe_answer

SELECT_HINT = "(pijltjestoetsen, Enter om te kiezen)"
CHECKBOX_HINT = "(pijltjestoetsen, spatie om aan te kruisen, Enter om te bevestigen)"
STYLE = Style([("qmark", "fg:#00afaf bold"), ("question", "bold"), ("instruction", "fg:#808080")])

DONE = "__klaar__"

Answers = dict[str, AnswerValue]


def _ask_raw(question: Question, default: AnswerValue | None) -> AnswerValue:
    """Ask one question once; raises KeyboardInterrupt on Ctrl-C."""
    common: dict[str, Any] = {"qmark": "?", "style": STYLE, "erase_when_done": True}
    message = question.prompt
    if question.kind == "text":
        text = questionary.text(message, default=default if isinstance(default, str) else "", **common)
        return str(text.unsafe_ask()).strip()
    if question.kind in ("confirm", "select"):
        if question.kind == "confirm":
            choices = [questionary.Choice("Ja", value=True), questionary.Choice("Nee", value=False)]
        else:
            choices = [questionary.Choice(o.label, value=o.value) for o in question.options]
        start = next((c for c in choices if c.value == default), None)
        picked = questionary.select(message, choices=choices, default=start, instruction=SELECT_HINT, **common)
        value = picked.unsafe_ask()
        return bool(value) if question.kind == "confirm" else str(value)
    ticked = default if isinstance(default, list) else []
    choices = [questionary.Choice(o.label, value=o.value, checked=o.value in ticked) for o in question.options]
    boxes = questionary.checkbox(message, choices=choices, instruction=CHECKBOX_HINT, **common)
    return [str(v) for v in boxes.unsafe_ask()]


def answer_problem(question: Question, value: AnswerValue) -> str | None:
    """What is wrong with an answer typed or ticked at the prompt, in words for the user."""
    return question.problem(value)


def _ask(question: Question, default: AnswerValue | None) -> AnswerValue:
    """Ask until the answer is usable; the reason shows in Dutch (prompt_toolkit's own
    validation bar only appears on terminals that answer cursor-position requests)."""
    while True:
        value = _ask_raw(question, default)
        problem = answer_problem(question, value)
        if problem is None:
            return value
        say(("fg:ansiyellow", problem))
        default = value


def say(*parts: tuple[str, str] | str) -> None:
    """Print one line between the prompts, from (style, text) parts or plain strings.

    Through prompt_toolkit, which is loaded anyway: Rich is not needed before the checklist.
    """
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    print_formatted_text(FormattedText([("", p) if isinstance(p, str) else p for p in parts]))


def welcome() -> None:
    say(("bold", "Welkom bij instapgids. "), "Enkele vragen over uw organisatie en uw behoefte;")
    say("daarna krijgt u een checklist met enkel wat voor u geldt.")
    say(("fg:ansibrightblack", "Uw antwoorden worden na elke vraag bewaard. Stoppen kan altijd met Ctrl-C.\n"))


def _echo(question: Question, value: AnswerValue) -> None:
    say(("fg:ansigreen", "✔ "), ("bold", f"{question.label}: "), describe_answer(question, value))


# Called with the answers after every answer; returns the answers to go on with (the same, or merged
# with answers changed elsewhere in the meantime, when the user chose to take those over).
OnAnswer = Callable[[Answers], Answers]


def ask_missing(content: Content, answers: Answers, on_answer: OnAnswer) -> Answers:
    """Ask every applicable question that has no answer yet, in order."""
    while (question := next_question(content, answers)) is not None:
        if question.help:
            say(("fg:ansibrightblack", question.help))
        value = _ask(question, None)
        answers = {**answers, question.id: value}
        _echo(question, value)
        answers = on_answer(answers)
    return answers


def review(content: Content, answers: Answers, on_answer: OnAnswer) -> Answers:
    """'Controleer uw antwoorden': change any single answer until the user confirms."""
    while True:
        answers = ask_missing(content, answers, on_answer)
        questions = active_questions(content, answers)
        choices = [questionary.Choice("Alles klopt: toon mijn checklist", value=DONE)]
        choices += [
            questionary.Choice(f"{q.label}: {describe_answer(q, answers[q.id])}", value=q.id)
            for q in questions
            if q.id in answers
        ]
        say("")
        picked = questionary.select(
            "Controleer uw antwoorden. Kies een antwoord om het te wijzigen:",
            choices=choices,
            instruction=SELECT_HINT,
            qmark="?",
            style=STYLE,
            erase_when_done=True,
        ).unsafe_ask()
        if picked == DONE:
            return answers
        question = content.question_by_id[str(picked)]
        value = _ask(question, answers.get(question.id))
        _echo(question, value)
        answers = on_answer(applicable_answers(content, {**answers, question.id: value}))


def choose_resume(has_complete: bool) -> str:
    """What to do with an existing profile: 'review', 'continue' or 'restart'."""
    if has_complete:
        choices = [
            questionary.Choice("Mijn antwoorden bekijken en wijzigen", value="review"),
            questionary.Choice("Opnieuw beginnen (de bestaande antwoorden worden overschreven)", value="restart"),
        ]
        message = "Er zijn al antwoorden bewaard. Wat wilt u doen?"
    else:
        choices = [
            questionary.Choice("Verdergaan waar ik gebleven was", value="continue"),
            questionary.Choice("Opnieuw beginnen (de bestaande antwoorden worden overschreven)", value="restart"),
        ]
        message = "Het vorige gesprek werd onderbroken. Wat wilt u doen?"
    return str(
        questionary.select(
            message, choices=choices, instruction=SELECT_HINT, qmark="?", style=STYLE, erase_when_done=True
        ).unsafe_ask()
    )


def choose_conflict(
    content: Content, changed: list[str], mine: Mapping[str, AnswerValue], theirs: Mapping[str, AnswerValue]
) -> str:
    """Answers were changed elsewhere (another terminal, a hand edit) while this interview ran:
    'mine' keeps this interview's answers, 'theirs' takes over the others."""

    def shown(qid: str, answers: Mapping[str, AnswerValue]) -> str:
        return describe_answer(content.question_by_id[qid], answers[qid]) if qid in answers else "(geen antwoord)"

    say("")
    say(
        ("fg:ansiyellow bold", "Uw antwoorden werden intussen ook ergens anders gewijzigd"),
        " (uw voortgang blijft bewaard):",
    )
    for qid in changed:
        label = content.question_by_id[qid].label
        say(f"  {label}: hier '{shown(qid, mine)}', elders '{shown(qid, theirs)}'")
    choices = [
        questionary.Choice("Mijn antwoorden van hier bewaren", value="mine"),
        questionary.Choice("De antwoorden van elders overnemen", value="theirs"),
    ]
    return str(
        questionary.select(
            "Welke antwoorden wilt u bewaren?",
            choices=choices,
            instruction=SELECT_HINT,
            qmark="?",
            style=STYLE,
            erase_when_done=True,
        ).unsafe_ask()
    )


def choose_broken() -> bool:
    """A saved profile cannot be read: True to set it aside (it is kept) and begin anew."""
    choices = [
        questionary.Choice("Het profiel opzijzetten en opnieuw beginnen (het oude bestand blijft bewaard)", value=True),
        questionary.Choice("Stoppen; ik herstel het bestand zelf", value=False),
    ]
    return bool(
        questionary.select(
            "Wat wilt u doen?", choices=choices, instruction=SELECT_HINT, qmark="?", style=STYLE, erase_when_done=True
        ).unsafe_ask()
    )
