"""An answers file (``start --answers``, the library's ``read_answers``): complete and consistent.

The same file format as a profile, read strictly: every problem is an error, every applicable
question needs an answer, and progress in the file may only name items on this checklist.
"""

from __future__ import annotations

from pathlib import Path

from instapgids.content.bundle import Content
from instapgids.engine.checklist import build_checklist
from instapgids.engine.routing import applicable_answers, next_question
from instapgids.errors import Problem
from instapgids.language import _, current
from instapgids.store.profiles import AnswersError, Profile, read_profile


def read_answers_file(path: Path, content: Content) -> Profile:
    """The answers file at ``path``, its answers limited to the questions that apply to them.

    Raises :class:`AnswersError` listing every problem (each at its file, line and field).
    """
    given = read_profile(path, content, strict=True)
    given.answers = applicable_answers(content, given.answers)
    missing = []
    probe = dict(given.answers)
    labels = _labels(content)
    while (question := next_question(content, probe)) is not None:
        why = _("antwoord ontbreekt ({question})").format(question=labels.get(question.id, question.label))
        missing.append(Problem(path, given.answers_line, 1, f"answers.{question.id}", why))
        probe[question.id] = "?" if question.kind != "checkbox" else ["?"]
    on_list = {e.item.id for e in build_checklist(content, given.answers).items()}
    missing += [
        Problem(path, *given.progress_pos[i], f"progress.{i}", _("staat niet op de checklist van deze antwoorden"))
        for i in given.progress
        if i not in on_list
    ]
    if missing:
        raise AnswersError(missing)
    return given


def _labels(content: Content) -> dict[str, str]:
    """Each question's label in the language of this run (``content`` is the Dutch; ids are the same)."""
    if current() == "nl":
        return {}
    from instapgids.content.load import load_content

    shown = load_content(content.directory, language=current())
    return {q.id: q.label for q in shown.interview.questions}
