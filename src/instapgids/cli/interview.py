"""The interview: the one module that talks to questionary.

Which question comes next, and which answers still apply, is decided by
``engine.routing`` from interview.yaml; this module only asks, and hands every
answer to ``on_answer`` at once (so an interruption loses nothing).

It asks in the language of the run: its own words through ``language._`` (the catalog
``locale/en``), and the questions, options, help, notices and glossary from the content in that
language (:func:`in_language`). The session hands it the Dutch content (profiles and checklists are
built from it); the answers are the options' values, the same in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import questionary
from prompt_toolkit.filters import Condition, is_done
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, FormattedTextControl, HSplit, Window, walk
from prompt_toolkit.styles import Style
from questionary.prompts.common import InquirerControl

from instapgids.cli.lines import describe, echo, in_language, notice, say, unsay, wrap
from instapgids.content.bundle import Content
from instapgids.content.questions import AnswerValue, Question
from instapgids.engine.routing import active_questions, applicable_answers, next_question
from instapgids.language import _
from instapgids.presentation import interview as words
from instapgids.presentation.interview import question_terms
from instapgids.presentation.words import NO, YES

STYLE = Style(
    [
        ("qmark", "fg:#00afaf bold"),
        ("question", "bold"),
        ("instruction", "fg:#808080"),
        ("progress", "fg:#00afaf"),
        ("note", "fg:#808080"),
        ("term", "bold"),
        ("problem", "fg:ansiyellow"),
    ]
)

DONE = "__klaar__"


class Back:
    """The answer 'go back' (Shift+Tab): the previous question, or back to the review screen."""


BACK = Back()

Answers = dict[str, AnswerValue]


@dataclass
class Frame:
    """What is shown around one prompt: where we are above it, hints and problems under it."""

    progress: str = ""
    notes: list[tuple[str, str]] = field(default_factory=list)  # (style, text) lines under the question
    keys: str = ""
    back: str | None = None  # what Shift+Tab does, for the key line; None: it does nothing here
    problem: Callable[[], str | None] | None = None  # the live problem with the answer being given
    said: list[str] = field(default_factory=list)  # a message after a key that does nothing (Shift+Tab)
    no_back: str | None = None  # said on Shift+Tab when back is None; None: "this is the first question"
    pointer: int | None = None  # the option a checkbox prompt points at when asked again (after a refused answer)


def _under(frame: Frame) -> StyleAndTextTuples:
    lines: list[tuple[str, str]] = [("", "")]
    lines += frame.notes
    problem = frame.problem() if frame.problem is not None else None
    if problem:
        lines.append(("class:problem", "⚠ " + problem))
    lines += [("class:problem", said) for said in frame.said]
    keys = " · ".join(k for k in (frame.keys, frame.back and f"Shift+Tab: {frame.back}", _("Ctrl-C: stoppen")) if k)
    lines.append(("class:instruction", keys))
    tokens: StyleAndTextTuples = []
    for index, (style, text) in enumerate(lines):
        tokens += [("", "\n")] if index else []
        tokens.append((style, wrap(text, indent=2)))
    return tokens


def _indent(line: int, wrap_count: int) -> StyleAndTextTuples:
    return [("", "     ")] if wrap_count else []


def _dress(prompt: questionary.Question, frame: Frame) -> InquirerControl | None:
    """Shift+Tab, wrapping of long options, and the lines above and under the question.

    Returns the list of options of a select or checkbox prompt (to check the ticks while they change).
    """
    app = prompt.application
    bindings = KeyBindings()

    @bindings.add(Keys.BackTab, eager=True)
    def _back(event: Any) -> None:
        if frame.back is not None:
            event.app.exit(result=BACK)
        elif frame.no_back != "" and not frame.said:
            frame.said.append(frame.no_back or _("Dit is de eerste vraag: er is geen vorige."))

    app.key_bindings = merge_key_bindings([app.key_bindings, bindings]) if app.key_bindings else bindings
    options = None
    for container in walk(app.layout.container):
        if isinstance(container, Window):
            container.wrap_lines = Condition(lambda: True)
            container.dont_extend_height = Condition(lambda: True)  # no empty lines above the hints
            if isinstance(container.content, InquirerControl):
                options = container.content
                container.get_line_prefix = _indent
    parts: list[Any] = []
    if frame.progress:
        progress = Window(FormattedTextControl([("class:progress", frame.progress)]), height=1, dont_extend_height=True)
        parts.append(ConditionalContainer(progress, filter=~is_done))
    # Nothing of the prompt once answered: we echo the answer ourselves (✔), and questionary's own last frame
    # ("done (2 selections)", in English) would otherwise reach a slow terminal before it is erased.
    parts.append(ConditionalContainer(app.layout.container, filter=~is_done))
    under = Window(FormattedTextControl(lambda: _under(frame)), wrap_lines=True, dont_extend_height=True)
    parts.append(ConditionalContainer(under, filter=~is_done))
    app.layout.container = HSplit(parts)
    return options


def _ask_raw(question: Question, default: AnswerValue | None, frame: Frame, tried: bool) -> AnswerValue | Back:
    """Ask one question once; raises KeyboardInterrupt on Ctrl-C. ``tried``: the answer given before was refused,
    so its problem shows under the question until the answer is right."""
    common: dict[str, Any] = {"qmark": "?", "style": STYLE, "erase_when_done": True}
    message = wrap(question.prompt, indent=2, first=2)
    if question.kind == "text":
        frame.keys = _("Enter om te bevestigen")
        text = questionary.text(message, default=default if isinstance(default, str) else "", **common)
        _dress(text, frame)
        if tried:
            buffer = text.application.current_buffer  # the one input line
            frame.problem = lambda: answer_problem(question, buffer.text)
        value = text.unsafe_ask()
        return value if isinstance(value, Back) else str(value).strip()
    if question.kind in ("confirm", "select"):
        if question.kind == "confirm":
            choices = [questionary.Choice(_(YES), value=True), questionary.Choice(_(NO), value=False)]
        else:
            choices = [questionary.Choice(wrap(o.label, 5, 3), value=o.value) for o in question.options]
        start = next((c for c in choices if c.value == default), None)
        frame.keys = _("Pijltjestoetsen, Enter om te kiezen")
        picked = questionary.select(message, choices=choices, default=start, instruction=" ", **common)
        _dress(picked, frame)
        value = picked.unsafe_ask()
        if isinstance(value, Back):
            return value
        return bool(value) if question.kind == "confirm" else str(value)
    ticked = default if isinstance(default, list) else []
    choices = [
        questionary.Choice(wrap(o.label, 7, 5), value=o.value, checked=o.value in ticked) for o in question.options
    ]
    frame.keys = _("Pijltjestoetsen, spatie om aan te kruisen, Enter om te bevestigen")
    at = choices[frame.pointer] if frame.pointer is not None and frame.pointer < len(choices) else None
    boxes = questionary.checkbox(message, choices=choices, instruction=" ", initial_choice=at, **common)
    options = _dress(boxes, frame)
    if tried and options is not None:
        frame.problem = lambda: answer_problem(question, [str(v) for v in options.selected_options])
    value = boxes.unsafe_ask()
    if options is not None:  # asked again after a refused answer: the pointer stays where it was
        frame.pointer = options.pointed_at
    return value if isinstance(value, Back) else [str(v) for v in value]


def answer_problem(question: Question, value: AnswerValue) -> str | None:
    """What is wrong with an answer typed or ticked at the prompt, in words for the user."""
    return question.problem(value)


def _notes(content: Content, question: Question) -> list[tuple[str, str]]:
    """The lines under a question: its help, and the short explanation of each glossary term it uses (in its
    prompt, its help or its options)."""
    notes = [("class:note", question.help)] if question.help else []
    notes += [("class:note", f"{t.term}: {t.short}") for t in question_terms(content, question)]
    return notes


def _ask(question: Question, default: AnswerValue | None, frame: Frame) -> AnswerValue | Back:
    """Ask until the answer is usable; the problem shows under the question, and goes once it is fixed
    (prompt_toolkit's own validation bar only appears on terminals that answer cursor-position requests)."""
    tried = False
    while True:
        value = _ask_raw(question, default, frame, tried)
        if isinstance(value, Back) or answer_problem(question, value) is None:
            return value
        default, tried = value, True


# Called with the answers after every answer; returns the answers to go on with (the same, or merged
# with answers changed elsewhere in the meantime, when the user chose to take those over).
OnAnswer = Callable[[Answers], Answers]


def _following(content: Content, answers: Answers, question: Question) -> Question | None:
    """After going back: the next question that applies, answered or not (its answer preselected)."""
    active = active_questions(content, answers)
    later = [i for i, q in enumerate(active) if q is question]
    if not later:
        return next_question(content, answers)
    return active[later[0] + 1] if later[0] + 1 < len(active) else None


def ask_missing(content: Content, answers: Answers, on_answer: OnAnswer) -> Answers:
    """Ask every applicable question that has no answer yet, in order; Shift+Tab goes back one asked question."""
    current = next_question(content, answers)
    revisiting = False
    echoed: list[tuple[str, int]] = []  # the answers on the screen, in order: (question id, rows of its lines)
    while current is not None:
        active = active_questions(content, answers)
        earlier = [q for q in active[: next((i for i, q in enumerate(active) if q is current), 0)] if q.id in answers]
        frame = Frame(
            progress=words.progress_text(content, answers, current),
            notes=_notes(content, current),
            back=_("vorige vraag") if earlier else None,
        )
        value = _ask(current, answers.get(current.id), frame)
        if isinstance(value, Back):
            current, revisiting = earlier[-1], True
            # its line and those after it go: they come back, each as it is confirmed again
            at = next((i for i, (qid, _rows) in enumerate(echoed) if qid == current.id), len(echoed))
            unsay(sum(rows for _qid, rows in echoed[at:]))
            del echoed[at:]
            continue
        answers = applicable_answers(content, {**answers, current.id: value})
        echoed.append((current.id, echo(current, value) + notice(content, current, value)))
        answers = on_answer(answers)
        current = _following(content, answers, current) if revisiting else next_question(content, answers)
    return answers


def _choose(message: str, choices: list[questionary.Choice], frame: Frame | None = None) -> Any:
    """A select prompt with the key line under it and long options wrapped."""
    frame = frame or Frame(no_back="")
    frame.keys = frame.keys or _("Pijltjestoetsen, Enter om te kiezen")
    for choice in choices:
        choice.title = wrap(str(choice.title), 5, 3)
    prompt = questionary.select(
        wrap(message, 2, 2), choices=choices, instruction=" ", qmark="?", style=STYLE, erase_when_done=True
    )
    _dress(prompt, frame)
    return prompt.unsafe_ask()


def confirm_out_of_order(waits: list[str]) -> bool:
    """`done` on items that still wait (``waits``: on what): mark them done anyway? No is the default."""
    no, yes = questionary.Choice(_("Nee, niets wijzigen"), False), questionary.Choice(_("Ja, toch klaar"), True)
    return bool(_choose(" ".join([*waits, _("Toch als klaar aanduiden (buiten de volgorde)?")]), [no, yes]))


class ChangeNotConfirmed(KeyboardInterrupt):
    """Ctrl-C after an answer was changed at the review screen: ``answers`` are those from before the change,
    for the caller to put back (a change counts once it is confirmed)."""

    def __init__(self, answers: Answers) -> None:
        super().__init__()
        self.answers = answers


def review(content: Content, answers: Answers, on_answer: OnAnswer) -> Answers:
    """'Controleer uw antwoorden': change any single answer until the user confirms.

    Each change is saved at once (nothing lost); Ctrl-C before the user confirms raises
    :class:`ChangeNotConfirmed` with the answers as they were when the review screen first showed."""
    state = _Reviewed()
    try:
        return _review(content, answers, on_answer, state)
    except KeyboardInterrupt:
        if state.before is not None and state.changed:
            raise ChangeNotConfirmed(state.before) from None
        raise


@dataclass
class _Reviewed:
    """An answer changed at the review screen: the answers before the change, and whether one changed."""

    before: Answers | None = None  # the answers when the review screen first showed
    changed: bool = False  # an answer was changed there since


def _review(content: Content, answers: Answers, on_answer: OnAnswer, state: _Reviewed) -> Answers:
    content = in_language(content)
    while True:
        answers = ask_missing(content, answers, on_answer)
        if state.before is None:
            state.before = dict(answers)
        questions = active_questions(content, answers)
        choices = [questionary.Choice(_("Alles klopt: toon mijn checklist"), value=DONE)]
        choices += [
            questionary.Choice(wrap(f"{q.label}: {describe(q, answers[q.id])}", 5, 3), value=q.id)
            for q in questions
            if q.id in answers
        ]
        say("")
        picked = _choose(_("Controleer uw antwoorden. Kies een antwoord om het te wijzigen:"), choices)
        if picked == DONE:
            return answers
        question = content.question_by_id[str(picked)]
        frame = Frame(notes=_notes(content, question), back=_("terug naar het overzicht"))
        value = _ask(question, answers.get(question.id), frame)
        if isinstance(value, Back):
            continue
        echo(question, value)
        notice(content, question, value)
        state.changed = state.changed or value != answers.get(question.id)
        answers = on_answer(applicable_answers(content, {**answers, question.id: value}))


def choose_resume(has_complete: bool) -> str:
    """What to do with an existing profile: 'review', 'continue' or 'restart'."""
    if has_complete:
        choices = [
            questionary.Choice(_("Mijn antwoorden bekijken en wijzigen"), value="review"),
            questionary.Choice(_("Opnieuw beginnen (de bestaande antwoorden worden overschreven)"), value="restart"),
        ]
        message = _("Er zijn al antwoorden bewaard. Wat wilt u doen?")
    else:
        choices = [
            questionary.Choice(_("Verdergaan waar ik gebleven was"), value="continue"),
            questionary.Choice(_("Opnieuw beginnen (de bestaande antwoorden worden overschreven)"), value="restart"),
        ]
        message = _("Het vorige gesprek werd onderbroken. Wat wilt u doen?")
    return str(_choose(message, choices))


def choose_conflict(
    content: Content, changed: list[str], mine: Mapping[str, AnswerValue], theirs: Mapping[str, AnswerValue]
) -> str:
    """Answers were changed elsewhere (another terminal, a hand edit) while this interview ran:
    'mine' keeps this interview's answers, 'theirs' takes over the others."""
    content = in_language(content)

    def shown(qid: str, answers: Mapping[str, AnswerValue]) -> str:
        return describe(content.question_by_id[qid], answers[qid]) if qid in answers else _("(geen antwoord)")

    say("")
    say(
        ("fg:ansiyellow bold", _("Uw antwoorden werden intussen ook ergens anders gewijzigd")),
        _(" (uw voortgang blijft bewaard):"),
    )
    for qid in changed:
        label = content.question_by_id[qid].label
        here, there = shown(qid, mine), shown(qid, theirs)
        say("  " + _("{label}: hier '{here}', elders '{there}'").format(label=label, here=here, there=there))
    choices = [
        questionary.Choice(_("Mijn antwoorden van hier bewaren"), value="mine"),
        questionary.Choice(_("De antwoorden van elders overnemen"), value="theirs"),
    ]
    return str(_choose(_("Welke antwoorden wilt u bewaren?"), choices))


def choose_broken() -> bool:
    """A saved profile cannot be read: True to set it aside (it is kept) and begin anew."""
    choices = [
        questionary.Choice(
            _("Het profiel opzijzetten en opnieuw beginnen (het oude bestand blijft bewaard)"), value=True
        ),
        questionary.Choice(_("Stoppen; ik herstel het bestand zelf"), value=False),
    ]
    return _choose(_("Wat wilt u doen?"), choices) is True
