"""The library: personal checklists from code, without the command line (see docs/library.md).

    from instapgids import api

    content = api.load_content()
    answers = api.read_answers("examples/lokaal-bestuur-netwerk.yaml")
    checklist = api.build_checklist(content, answers, progress={"ddc-dms-toegang": "done"})
    for item in checklist.items:
        print(item.id, item.status, item.phase, item.step, item.section, item.waits_for)
    print(api.export(content, checklist, "md"))

Nothing here prints, prompts or exits; what goes wrong raises an :class:`Error` (a
:class:`ContentError` for broken content, an :class:`AnswersError` for an answers file that cannot be
used), whose ``str()`` is the message in Dutch. Importing this module and building a checklist loads
neither Typer, click, Rich nor questionary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from instapgids.content.bundle import Content
from instapgids.content.questions import Answers, AnswerValue
from instapgids.engine import checklist as engine
from instapgids.engine.checklist import Status
from instapgids.engine.conditions import Reason
from instapgids.errors import ContentError
from instapgids.errors import UserError as Error
from instapgids.store.profiles import AnswersError

__all__ = [
    "AnswerValue",
    "AnswersError",
    "Checklist",
    "Content",
    "ContentError",
    "Error",
    "Item",
    "Reason",
    "Status",
    "build_checklist",
    "export",
    "load_content",
    "read_answers",
]


@dataclass(frozen=True)
class Item:
    """One item of a personal checklist."""

    id: str
    title: str
    status: Status  # "open", "doing", "done" or "blocked"
    phase: int  # the phase's number (from 1, in journey order)
    step: int  # the step's number within its phase
    section: str  # the guide's section, e.g. "6.2.1.3"
    waits_for: tuple[str, ...]  # ids of items that must be done first
    done_by_answers: bool  # done because the answers say so (not marked by the user)
    reasons: tuple[Reason, ...]  # why it applies (or why it is done), as data


@dataclass(frozen=True)
class Checklist:
    """A personal checklist: its items in checklist order (phase, step, item)."""

    items: tuple[Item, ...]
    lots: tuple[int, ...]  # the numbers of the lots these answers need
    engine: engine.Checklist  # the full checklist, for export()


def load_content(data_dir: str | Path | None = None, language: str = "nl") -> Content:
    """The validated content: the shipped guide, or the one in ``data_dir`` (or INSTAPGIDS_DATA_DIR).

    ``language="en"``: the same content with its English texts, names kept Dutch with an English gloss
    ("Klantportaalgebruiker (customer portal user)"); ids and values are the same in both.
    """
    from instapgids.content.load import load_content as load
    from instapgids.language import choose
    from instapgids.paths import data_dir as find

    chosen = choose(language, {})  # nl or en, else an Error
    return load(find(Path(data_dir) if data_dir is not None else None), language=chosen)


def read_answers(path: str | Path, content: Content | None = None) -> dict[str, AnswerValue]:
    """The answers of an answers file (as in examples/), checked as ``instapgids start --answers`` does."""
    from instapgids.store.answers import read_answers_file

    return dict(read_answers_file(Path(path), content or load_content()).answers)


def build_checklist(content: Content, answers: Answers, progress: Mapping[str, str] | None = None) -> Checklist:
    """The checklist for these answers; ``progress`` maps item ids to "doing" or "done".

    An answer its question cannot take raises :class:`Error` with the same Dutch as the prompt and
    the answers file (``Question.problem``).
    """
    for qid, value in answers.items():
        question = content.question_by_id.get(qid)
        if question is not None and (problem := question.problem(value)) is not None:
            raise Error(f"answers.{qid}: {problem}")
    built = engine.build_checklist(content, answers, progress)
    items = tuple(
        Item(
            id=entry.item.id,
            title=entry.item.title,
            status=entry.status,
            phase=phase.phase.number,
            step=step.step.number,
            section=entry.item.section,
            waits_for=tuple(entry.waits_for),
            done_by_answers=entry.done_by_answers,
            reasons=tuple(entry.reasons),
        )
        for phase in built.phases
        for step in phase.steps
        for entry in step.items
    )
    return Checklist(items=items, lots=tuple(lot.number for lot in built.lots), engine=built)


def export(content: Content, checklist: Checklist, fmt: str) -> str:
    """The checklist as a Markdown ("md"), HTML ("html") or JSON ("json") document."""
    from instapgids.presentation.exports import check_format
    from instapgids.presentation.exports import export as render

    return render(content, checklist.engine, check_format(fmt))  # an Error for an unknown format, as in the CLI
