"""What the commands do with a profile, as functions that return results: profile in, checklist or files out.

Each use case reads and writes under the guarantees of ``profiles`` and ``files`` (an exclusive lock
around every read-change-write, atomic writes) and raises a typed :class:`~instapgids.errors.UserError`
when the user has to act. Nothing here prints or names a command: the command line says what to
type (``cli/session.py``), the library can use the same functions without a terminal.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar, Literal

from instapgids.content.bundle import Content
from instapgids.content.questions import Answers, AnswerValue
from instapgids.engine.checklist import Checklist, build_checklist
from instapgids.engine.routing import applicable_answers, next_question
from instapgids.errors import UserError
from instapgids.language import N_, _
from instapgids.store.files import check_writable, locked, write_file, write_files
from instapgids.store.profiles import Profile, open_profile, update_profile, write_profile

Wait = Callable[[], None]  # called when another process holds the profile's lock


class NoProfile(UserError):
    """There is no saved profile at ``path`` (yet)."""

    def __init__(self, path: Path) -> None:
        super().__init__(_("Er is nog geen profiel ({path}).").format(path=path))
        self.path = path


# not_on_list: the content has it, these answers do not; unknown: no such item; by_answers: the answers settle it
Refusal = Literal["not_on_list", "unknown", "by_answers", "note"]


@dataclass(frozen=True)
class RefusedMark:
    item_id: str
    why: Refusal
    close: tuple[str, ...] = ()  # ids on the checklist that look like it


class MarksRefused(UserError):
    """Progress that cannot be recorded; nothing was written."""

    WORDS: ClassVar[dict[str, str]] = {  # Dutch message ids: shown as _(WORDS[why]).format(item=...)
        "not_on_list": N_("'{item}' staat niet op uw checklist."),
        "unknown": N_("'{item}' bestaat niet."),
        "by_answers": N_("'{item}' is klaar."),
        "note": N_("'{item}' is een opmerking om rekening mee te houden, geen punt om af te vinken."),
    }

    def __init__(self, refused: list[RefusedMark]) -> None:
        super().__init__("\n".join(_(self.WORDS[r.why]).format(item=r.item_id) for r in refused))
        self.refused = refused


class TargetsExist(UserError):
    """Files that would be overwritten without ``force``."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__(_("Deze bestanden bestaan al: {files}.").format(files=", ".join(map(str, paths))))
        self.paths = paths


def saved_profile(content: Content, path: Path) -> Profile:
    """The saved profile at ``path``, or :class:`NoProfile`."""
    saved = open_profile(content, path)
    if saved is None:
        raise NoProfile(path)
    return saved


def is_incomplete(content: Content, profile: Profile) -> bool:
    """The interview of this profile has questions left: its checklist is not complete."""
    return next_question(content, profile.answers) is not None


def checklist_of(content: Content, profile: Profile) -> Checklist:
    """The checklist of a saved profile, with the progress marked in it."""
    return build_checklist(content, profile.answers, profile.statuses())


def remember_guide_version(content: Content, saved: Profile, on_wait: Wait) -> None:
    """Write the profile again so that a change of the guide is told once; a read-only profile is left as it is."""
    with contextlib.suppress(UserError):  # then the change is told again next time
        update_profile(saved.path, content, lambda current: current or saved, on_wait)


class AnswersWouldChange(UserError):
    """`start --answers` without --force would change the answers of a saved profile: ``changes`` are
    (question id, saved answer or None, new answer or None)."""

    def __init__(self, path: Path, changes: list[tuple[str, AnswerValue | None, AnswerValue | None]]) -> None:
        super().__init__(_("Het profiel {path} heeft al andere antwoorden.").format(path=path))
        self.path, self.changes = path, changes


def answer_changes(
    content: Content, saved: Profile, given: Profile
) -> list[tuple[str, AnswerValue | None, AnswerValue | None]]:
    """What replacing the saved answers with the given ones changes, in interview order."""
    return [
        (q.id, saved.answers.get(q.id), given.answers.get(q.id))
        for q in content.interview.questions
        if saved.answers.get(q.id) != given.answers.get(q.id)
    ]


def take_answers(content: Content, path: Path, given: Profile, on_wait: Wait, force: bool = False) -> Profile:
    """`start --answers`: the answers of ``given`` replace the saved ones; progress and comments are kept.

    Answers that differ from the saved ones are refused (:class:`AnswersWouldChange`) unless ``force``.
    The progress in ``given`` is added to the saved progress. The result carries the notices of the
    profile as it was on disk.
    """

    notices: list[str] = []

    def replace(current: Profile | None) -> Profile:
        if current is not None and not force and (changes := answer_changes(content, current, given)):
            raise AnswersWouldChange(path, changes)
        saved = Profile(path=path, answers=given.answers, complete=True)
        if current is not None:  # progress marked before, and the user's comments, are kept
            notices.extend(current.notices)
            saved.progress, saved.stale_progress, saved.text = current.progress, current.stale_progress, current.text
        saved.progress = {**saved.progress, **given.progress}
        return saved

    saved = update_profile(path, content, replace, on_wait)
    saved.notices = notices
    return saved


def mark_items(content: Content, path: Path, item_ids: list[str], status: str | None, on_wait: Wait) -> Checklist:
    """Record ``status`` ("done", "doing" or None: not started) for these items, under the profile's lock.

    Ids that are not on the checklist, or an undo of what the answers settle, raise :class:`MarksRefused`
    and nothing is written. Returns the checklist afterwards.
    """

    def record(current: Profile | None) -> Profile:
        if current is None:  # removed in the meantime
            raise NoProfile(path)
        refuse_marks(content, current, item_ids, status)
        today = date.today().isoformat()
        for item_id in item_ids:
            if status is None:
                current.progress.pop(item_id, None)
            else:
                current.progress[item_id] = {"status": status, "date": today}
        return current

    return checklist_of(content, update_profile(path, content, record, on_wait))


def refuse_marks(content: Content, saved: Profile, item_ids: list[str], status: str | None) -> None:
    """:class:`MarksRefused` for ids that are not on this checklist, or an undo of what the answers settle."""
    on_list = {e.item.id: e for e in checklist_of(content, saved).items()}
    everywhere = {i.id: i for p in content.journey.phases for s in p.steps for i in s.items}
    refused = []
    for item_id in item_ids:
        if item_id in everywhere and everywhere[item_id].kind == "note":
            refused.append(RefusedMark(item_id, "note"))
        elif item_id not in on_list:
            from difflib import get_close_matches

            close = tuple(get_close_matches(item_id, list(on_list), n=3))
            refused.append(RefusedMark(item_id, "not_on_list" if item_id in everywhere else "unknown", close))
        elif status is None and on_list[item_id].done_by_answers:
            refused.append(RefusedMark(item_id, "by_answers"))
    if refused:
        raise MarksRefused(refused)


def write_export(target: Path, text: str, force: bool) -> None:
    """Write an export to ``target`` (atomically); an existing file only with ``force``."""
    if target.is_dir():
        raise UserError(_("'{path}' is een map; geef een bestandsnaam op.").format(path=target))
    if target.exists() and not force:
        raise TargetsExist([target])
    write_file(target, text)


def write_set(targets: dict[Path, str | bytes], earlier: set[Path], force: bool) -> list[Path]:
    """Write files as one set: afterwards ``targets`` exist and the ``earlier`` ones not among them are gone.

    ``earlier``: the files this set wrote before (e.g. the drafts in a folder). Existing files are only
    overwritten, and earlier ones only removed, with ``force``. Returns the removed files.
    """
    stale = sorted(earlier - set(targets))
    existing = [t for t in [*targets, *stale] if t.exists()]
    if existing and not force:
        raise TargetsExist(existing)
    for target in targets:
        check_writable(target)
    write_files(dict(targets), make_folder=True, remove=tuple(stale))
    return stale


# Chooses between this interview's answers and those saved elsewhere: "theirs" takes over the others.
Chooser = Callable[[Content, list[str], Answers, dict[str, AnswerValue]], str]


class InterviewStore:
    """Saves the interview's answers after every question, merged with what is on disk at that moment.

    Progress marked meanwhile (`instapgids done` in another terminal) is kept; an answer changed
    elsewhere since this interview read the profile is never silently overwritten: ``choose`` asks
    the user, outside the lock.
    """

    def __init__(self, content: Content, on_disk: Profile | None, path: Path, choose: Chooser, on_wait: Wait) -> None:
        self.content, self.path, self.choose, self.on_wait = content, path, choose, on_wait
        self.base = dict(on_disk.answers) if on_disk else {}  # the answers as this interview found them
        self.stale = dict(on_disk.stale) if on_disk else {}

    def save(self, answers: Answers, complete: bool = False) -> dict[str, AnswerValue]:
        """Write ``answers``; returns the answers to go on with (changed when the user takes over others)."""
        while True:
            with locked(self.path, self.on_wait):
                disk = open_profile(self.content, self.path)
                theirs = dict(disk.answers) if disk else {}
                conflicts = [
                    q.id
                    for q in self.content.interview.questions
                    if theirs.get(q.id) != self.base.get(q.id) and theirs.get(q.id) != answers.get(q.id)
                ]
                if not conflicts:
                    self._write(answers, complete, disk)
                    return dict(answers)
            # outside the lock: the user may take their time to choose
            if self.choose(self.content, conflicts, answers, theirs) == "theirs":
                answers = self._take_over(answers, theirs, conflicts)
            self.base = theirs  # what is on disk now has been seen: no question about it again

    def _write(self, answers: Answers, complete: bool, disk: Profile | None) -> None:
        kept = Profile(path=self.path, answers=dict(answers), complete=complete, stale=self.stale)
        if disk is not None:
            kept.progress, kept.stale_progress, kept.text = disk.progress, disk.stale_progress, disk.text
            kept.stale = {**disk.stale, **self.stale}
        write_profile(kept, self.content)
        self.base = dict(answers)

    def _take_over(self, answers: Answers, theirs: dict[str, AnswerValue], conflicts: list[str]) -> Answers:
        changed = dict(answers)
        for qid in conflicts:
            if qid in theirs:
                changed[qid] = theirs[qid]
            else:
                changed.pop(qid, None)
        return applicable_answers(self.content, changed)
