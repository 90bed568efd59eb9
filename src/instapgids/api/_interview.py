"""The interview, as data: the same routing, checks and glossary as the terminal's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from instapgids.content.bundle import Content
from instapgids.content.questions import Answers, AnswerValue
from instapgids.errors import UserError as Error
from instapgids.language import _, speaking

# --------------------------------------------------------------------------- the interview


@dataclass(frozen=True)
class Option:
    """One answer a question offers: its value (stored), its label (shown) and what choosing it means."""

    value: str
    label: str
    notice: str | None  # said right after it is chosen (a blocker)
    exclusive: bool  # in a checkbox question: cannot be ticked with others
    ends_interview: bool  # choosing it ends the interview (an outcome)


@dataclass(frozen=True)
class Term:
    """A glossary term a question uses, with what the guide says about it."""

    term: str
    short: str
    more: str | None
    section: str


@dataclass(frozen=True)
class Question:
    """One question of the interview as a front-end shows it, with where it stands on the likely path."""

    id: str
    kind: Literal["text", "select", "checkbox", "confirm"]
    label: str  # short, for the check-answers screen
    prompt: str  # the question itself
    help: str | None  # a hint under it
    options: tuple[Option, ...]
    terms: tuple[Term, ...]  # the glossary words it uses, in the order the terminal shows them under it
    section: str | None  # the guide's section
    position: int  # "Vraag {position} van ongeveer {total}", following the answers so far
    total: int


def _question(content: Content, answers: Answers, found: object) -> Question:
    from instapgids.content.questions import Question as Asked
    from instapgids.presentation.interview import position, question_terms

    assert isinstance(found, Asked)
    at, total = position(content, answers, found)
    return Question(
        id=found.id,
        kind=found.kind,
        label=found.label,
        prompt=found.prompt,
        help=found.help,
        options=tuple(Option(o.value, o.label, o.notice, o.exclusive, bool(o.outcome)) for o in found.options),
        terms=tuple(Term(t.term, t.short, t.more, t.section) for t in question_terms(content, found)),
        section=found.section,
        position=at,
        total=total,
    )


def _asked(content: Content, question_id: str) -> object:
    found = content.question_by_id.get(question_id)
    if found is None:
        with speaking(content.language):
            raise Error(_("Onbekende vraag '{question}'.").format(question=question_id))
    return found


def question(content: Content, question_id: str, answers: Answers | None = None) -> Question:
    """One question by id (to show it again, e.g. to change an answer); an unknown id raises :class:`Error`."""
    return _question(content, answers or {}, _asked(content, question_id))


def next_question(content: Content, answers: Answers) -> Question | None:
    """The first question that applies to these answers and has none yet; None when the interview is complete."""
    from instapgids.engine.routing import next_question as following

    found = following(content, answers)
    return None if found is None else _question(content, answers, found)


def active_questions(content: Content, answers: Answers) -> list[Question]:
    """The questions that apply to these answers, in interview order (as the check-answers screen lists them)."""
    from instapgids.engine.routing import active_questions as active

    return [_question(content, answers, q) for q in active(content, answers)]


def applicable_answers(content: Content, answers: Answers) -> dict[str, AnswerValue]:
    """Only the answers whose question still applies (a changed answer may drop follow-ups): keep these."""
    from instapgids.engine.routing import applicable_answers as applicable

    return applicable(content, answers)


def check_answer(content: Content, question_id: str, value: object) -> str | None:
    """What is wrong with ``value`` as the answer to this question (one sentence in the content's language),
    or None: the one validator the terminal's prompt and the answers file use."""
    from instapgids.content.questions import Question as Asked

    found = _asked(content, question_id)
    assert isinstance(found, Asked)
    with speaking(content.language):
        return found.problem(value)


def answer_text(content: Content, question_id: str, value: AnswerValue) -> str:
    """How an answer reads on the check-answers screen: the option's label, yes or no, or the text."""
    from instapgids.content.questions import Question as Asked
    from instapgids.presentation.words import describe_answer

    found = _asked(content, question_id)
    assert isinstance(found, Asked)
    with speaking(content.language):
        return describe_answer(found, value)


def notices(content: Content, question_id: str, value: AnswerValue) -> list[str]:
    """What the chosen options mean right away (a blocker), as the terminal says them after "Let op: "."""
    from instapgids.content.questions import Question as Asked
    from instapgids.presentation.interview import notices as said

    found = _asked(content, question_id)
    assert isinstance(found, Asked)
    return said(content, found, value)


def outcome(content: Content, answers: Answers) -> list[str] | None:
    """The item ids of the outcome an answer leads to (the interview ends there), or None for a full checklist."""
    from instapgids.engine.routing import outcome as ends

    return ends(content, answers)


@dataclass(frozen=True)
class Welcome:
    """The screen before the first question: what the interview is for, how long, what to have at hand."""

    title: str
    text: str  # what it is for and how long it takes
    have_at_hand_title: str
    have_at_hand: tuple[str, ...]
    about: int  # the expected number of questions


def welcome(content: Content) -> Welcome:
    """The words before the first question, as the terminal shows them."""
    from instapgids.presentation.interview import welcome as said

    found = said(content)
    return Welcome(found.title, found.text, found.have_at_hand_title, found.have_at_hand, found.about)
