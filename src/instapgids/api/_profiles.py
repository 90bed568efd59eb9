"""Profiles, through the same use cases as the commands (lock, atomic write, merge rules)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from instapgids.api._checklist import Checklist, _wrap
from instapgids.api._content import _dutch, load_content
from instapgids.api._errors import MARKS, UnknownItem, UnknownStatus
from instapgids.api._interview import applicable_answers
from instapgids.content.bundle import Content
from instapgids.content.questions import Answers, AnswerValue
from instapgids.language import Language, speaking
from instapgids.store.profiles import AnswersError
from instapgids.store.usecases import MarksRefused

# --------------------------------------------------------------------------- profiles


@dataclass(frozen=True)
class Profile:
    """A saved profile as the library hands it out: answers, progress and when it was last changed."""

    path: Path
    answers: Mapping[str, AnswerValue]
    progress: Mapping[str, str]  # item id -> "doing" | "done" (an item not in it is "open")
    language: Language | None  # the language of its interview (None: not said, which reads as Dutch)
    complete: bool  # the interview was finished
    updated: datetime | None  # when the file last changed
    notices: tuple[str, ...]  # what its reader noticed (answers the content can no longer use, …)


def profile_path(name_or_path: str | Path | None = None, folder: str | Path | None = None) -> Path:
    """A profile as ``--profile`` names it: a bare name is a file in the profile folder (``folder``, else the
    default one), a path is that file; None is the default profile."""
    from instapgids.store.profiles import profile_path as resolve

    if isinstance(name_or_path, Path):
        return name_or_path
    path = resolve(name_or_path)
    return Path(folder) / path.name if folder is not None and path.parent == _folder(None) else path


def _folder(folder: str | Path | None) -> Path:
    from instapgids.store.overview import profile_folder

    return Path(folder) if folder is not None else profile_folder()


def _profile(saved: object) -> Profile:
    from instapgids.store.profiles import Profile as Saved

    assert isinstance(saved, Saved)
    try:
        updated: datetime | None = datetime.fromtimestamp(saved.path.stat().st_mtime)
    except OSError:
        updated = None
    return Profile(
        path=saved.path,
        answers=dict(saved.answers),
        progress=saved.statuses(),
        language=saved.language,
        complete=saved.complete,
        updated=updated,
        notices=tuple(saved.notices),
    )


def open_profile(path: str | Path, content: Content | None = None) -> Profile:
    """The saved profile at ``path``: its answers, progress and language. None there raises
    :class:`ProfileNotFound`; one that cannot be used :class:`ProfileError` (every problem, at its line)."""
    from instapgids.store.usecases import saved_profile

    content = content or load_content()
    with speaking(content.language):
        return _profile(saved_profile(_dutch(content), Path(path)))


def _no_wait() -> None:
    """Another process holds the profile's lock: the library waits without a word (as long as it takes)."""


def save_answers(
    path: str | Path, answers: Answers, *, content: Content | None = None, complete: bool = True
) -> Profile:
    """Save ``answers`` in the profile at ``path`` (made when there is none), under its lock and atomically,
    as ``instapgids start`` does: the progress and the user's comments in the file are kept.

    Only the answers that apply are kept (:func:`applicable_answers`); an answer its question cannot take
    raises :class:`AnswersError`. ``complete``: the interview is finished (else ``start`` resumes it).
    A new profile takes ``content.language`` as its language.
    """
    from instapgids.errors import Problem
    from instapgids.store.profiles import Profile as Saved
    from instapgids.store.usecases import take_answers

    content = content or load_content()
    target = Path(path)
    with speaking(content.language):
        problems = [
            Problem(target, 1, 1, f"answers.{qid}", problem)
            for qid, value in answers.items()
            if (q := content.question_by_id.get(qid)) is not None and (problem := q.problem(value)) is not None
        ]
        if problems:
            raise AnswersError(problems)
        dutch = _dutch(content)
        given = Saved(path=target, answers=applicable_answers(dutch, answers))
        return _profile(take_answers(dutch, target, given, _no_wait, complete=complete, force=True))


def _no_choice(*_args: object) -> str:
    """save_one never asks: it changes one answer in what is on disk under the lock."""
    raise AssertionError("save_one does not choose")


def save_answer(path: str | Path, question_id: str, value: AnswerValue, *, content: Content | None = None) -> Profile:
    """Change one answer of the profile at ``path`` (made when there is none): read, change and write under
    its lock and atomically, as the terminal interview saves answer by answer, so that two callers answering
    different questions at the same moment (two browser tabs, a tab and a terminal) both keep theirs.

    The other answers, the progress and the user's comments are those on disk at that moment; answers whose
    question no longer applies after this one are dropped (:func:`applicable_answers`). A finished profile
    stays finished while this answer leaves no question open; a new question makes it an interview again
    (save with :func:`save_answers` and ``complete=True`` to finish it). An unknown question raises
    :class:`Error`, an answer its question cannot take :class:`AnswersError`; nothing is written then.
    """
    from instapgids.api._interview import _asked
    from instapgids.errors import Problem
    from instapgids.store.usecases import InterviewStore

    content = content or load_content()
    target = Path(path)
    asked = _asked(content, question_id)
    with speaking(content.language):
        problem = asked.problem(value)  # type: ignore[attr-defined]
        if problem is not None:
            raise AnswersError([Problem(target, 1, 1, f"answers.{question_id}", problem)])
        store = InterviewStore(_dutch(content), None, target, _no_choice, _no_wait)
        return _profile(store.save_one(question_id, value))


def finish_interview(path: str | Path, *, content: Content | None = None) -> Profile:
    """Mark the interview of the profile at ``path`` finished, with the answers on disk at that moment, under
    its lock (an answer another caller saved meanwhile is kept). When a question is still open (another caller
    changed an answer), nothing is written and the returned profile has ``complete`` False. No profile raises
    :class:`ProfileNotFound`."""
    from instapgids.store.usecases import InterviewStore, NoProfile

    content = content or load_content()
    target = Path(path)
    with speaking(content.language):
        saved = InterviewStore(_dutch(content), None, target, _no_choice, _no_wait).finish()
        if saved is None:
            raise NoProfile(target)
        return _profile(saved)


def mark(
    path: str | Path, item_id: str, status: str, *, content: Content | None = None, force: bool = False
) -> Checklist:
    """Mark one item of the profile at ``path`` as "open", "doing" or "done", under its lock and atomically,
    as ``instapgids done``, ``doing`` and ``undo`` do; returns the checklist afterwards (in ``content``'s
    language). An item not on this checklist raises :class:`UnknownItem`, another status
    :class:`UnknownStatus`; "open" for an item the answers settle raises :class:`Error`; "done" for an item
    that still waits for another raises :class:`Error` (``store.usecases.OutOfOrder``) unless ``force``, when it
    is recorded as done out of order, as ``instapgids done --force`` does. Nothing is written when one is raised.
    """
    from instapgids.store.usecases import checklist_of, mark_items, saved_profile

    content = content or load_content()
    if status not in MARKS:
        with speaking(content.language):
            raise UnknownStatus(status)
    target = Path(path)
    dutch = _dutch(content)
    with speaking(content.language):
        saved_profile(dutch, target)  # ProfileNotFound when there is none
        try:
            mark_items(dutch, target, [item_id], None if status == "open" else status, _no_wait, force)
        except MarksRefused as refused:
            if refused.refused[0].why != "by_answers":
                raise UnknownItem(str(refused), item_id) from None
            raise
        return _wrap(content, checklist_of(content, saved_profile(dutch, target)))


def profile_checklist(path: str | Path, *, content: Content | None = None) -> Checklist:
    """The checklist of the saved profile at ``path`` as ``instapgids checklist`` shows it: its progress, the
    dates of its marks counted to today (``Item.dated``) and the mails that waited too long for an answer
    (``Item.follow_up``), in ``content``'s language. None there raises :class:`ProfileNotFound`."""
    from instapgids.store.usecases import checklist_of, saved_profile

    content = content or load_content()
    with speaking(content.language):
        return _wrap(content, checklist_of(content, saved_profile(_dutch(content), Path(path))))


@dataclass(frozen=True)
class ProfileRow:
    """One profile as ``instapgids profiles`` shows it."""

    name: str  # what ``profile_path`` (and ``--profile``) take
    path: Path
    organisation: str | None
    lots: tuple[int, ...]
    done: int
    total: int
    waits_on: str | None  # the title of the first thing to do now; None when all is done
    complete: bool  # the interview was finished
    updated: datetime  # the file's last change
    problem: str | None  # why it cannot be read (the other fields are empty then); None when it can
    quiet: int = 0  # days since the customer last moved (the last progress date, else the file's change)
    quiet_text: str = ""  # the same in words: "18 dagen stil", "vandaag nog bijgewerkt"
    waiting_since: int | None = None  # ``waits_on`` is in progress: for so many days; else None
    waiting_text: str | None = None  # the same in words: "bezig sinds 18 dagen"; else None
    reminders: int = 0  # mails that waited too long for an answer: a reminder is ready for each
    reminders_text: str | None = None  # the same in words: "1 herinnering klaar"; None when there are none


def list_profiles(folder: str | Path | None = None, *, content: Content | None = None) -> list[ProfileRow]:
    """Every profile in ``folder`` (else the profile folder), the one that has not moved longest first, as
    ``instapgids profiles`` lists them; one that cannot be read is a row with its ``problem``."""
    from instapgids.presentation.words import doing_words, quiet_words, reminder_words
    from instapgids.store.overview import overview

    content = content or load_content()
    where = _folder(folder)
    with speaking(content.language):
        return [
            ProfileRow(
                r.name,
                where / f"{r.name}.yaml",
                r.organisation,
                r.lots,
                r.done,
                r.total,
                r.waits_on,
                r.complete,
                r.changed,
                r.problem,
                quiet=r.quiet,
                quiet_text=quiet_words(r.quiet),
                waiting_since=r.waiting_since,
                waiting_text=doing_words(r.waiting_since) if r.waiting_since is not None else None,
                reminders=r.reminders,
                reminders_text=reminder_words(r.reminders) if r.reminders else None,
            )
            for r in overview(content, where)
        ]
