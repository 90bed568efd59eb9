"""Which questions apply to these answers, which comes next, and which answers still count."""

from __future__ import annotations

from instapgids.content.bundle import Content
from instapgids.content.questions import Answers, AnswerValue, Question
from instapgids.engine.conditions import chosen_options, holds, needed_lots

# --------------------------------------------------------------------------- interview routing


def _ends_interview(question: Question, answers: Answers) -> bool:
    return any(o.outcome for o in chosen_options(question, answers.get(question.id)))


def active_questions(content: Content, answers: Answers) -> list[Question]:
    """The questions that apply to these answers, in interview order; none after an answer with an outcome."""
    lots = needed_lots(content, answers)
    active: list[Question] = []
    for question in content.interview.questions:
        if holds(question.when, answers, lots):
            active.append(question)
            if _ends_interview(question, answers):
                break
    return active


def likely_questions(content: Content, answers: Answers) -> list[Question]:
    """The questions of the most likely path from here: these answers, and the ``likely`` answer of each
    question not answered yet (questions without one count as far as the answers decide)."""
    likely = {q.id: q.likely for q in content.interview.questions if q.likely is not None}
    return active_questions(content, applicable_answers(content, {**likely, **answers}))


def applicable_answers(content: Content, answers: Answers) -> dict[str, AnswerValue]:
    """Only the answers whose question still applies (a changed answer may drop follow-ups)."""
    kept: dict[str, AnswerValue] = {}
    lots = needed_lots(content, kept)
    for question in content.interview.questions:
        if question.id in answers and holds(question.when, kept, lots):
            kept[question.id] = answers[question.id]
            lots = needed_lots(content, kept)  # only a kept answer can bring in a lot
            if _ends_interview(question, kept):
                break
    return kept


def next_question(content: Content, answers: Answers) -> Question | None:
    """The first applicable question without an answer, or None when the interview is complete."""
    for question in active_questions(content, answers):
        if question.id not in answers:
            return question
    return None


def outcome(content: Content, answers: Answers) -> list[str] | None:
    """The items of the outcome an answer leads to (``outcome:`` on an option), or None for a full checklist."""
    for question in active_questions(content, answers):
        for option in chosen_options(question, answers.get(question.id)):
            if option.outcome:
                return list(option.outcome)
    return None
