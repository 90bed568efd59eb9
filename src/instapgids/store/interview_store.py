"""The interview's store: saves answer by answer under the profile's lock, merged with what is on disk at that
moment (``instapgids start``, and the library's ``save_answer`` and ``finish_interview``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from instapgids.content.bundle import Content
from instapgids.content.questions import Answers, AnswerValue
from instapgids.engine.routing import applicable_answers, next_question
from instapgids.store.files import locked
from instapgids.store.profiles import Profile, open_profile, write_profile

Wait = Callable[[], None]  # called when another process holds the profile's lock


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

    def save_one(self, question_id: str, value: AnswerValue) -> Profile:
        """Change one answer in the answers on disk now, all under the lock: two pages (or a page and a
        terminal) answering different questions at the same moment both keep theirs. Answers whose question
        no longer applies are dropped; the profile stays finished only while no question is left open."""
        with locked(self.path, self.on_wait):
            disk = open_profile(self.content, self.path)
            answers = applicable_answers(self.content, {**(disk.answers if disk else {}), question_id: value})
            complete = disk is not None and disk.complete and next_question(self.content, answers) is None
            kept = self._write(answers, complete, disk)
        kept.notices = list(disk.notices) if disk else []
        return kept

    def finish(self) -> Profile | None:
        """Mark the interview finished with the answers on disk now, under the lock (an answer another page
        gave meanwhile is kept). When a question is still open, nothing is written; None when there is no
        profile."""
        with locked(self.path, self.on_wait):
            disk = open_profile(self.content, self.path)
            if disk is None:
                return None
            answers = applicable_answers(self.content, disk.answers)
            if next_question(self.content, answers) is not None:
                return disk
            kept = self._write(answers, True, disk)
        kept.notices = list(disk.notices)
        return kept

    def _write(self, answers: Answers, complete: bool, disk: Profile | None) -> Profile:
        kept = Profile(path=self.path, answers=dict(answers), complete=complete, stale=self.stale)
        if disk is not None:
            kept.progress, kept.stale_progress, kept.text = disk.progress, disk.stale_progress, disk.text
            kept.stale = {**disk.stale, **self.stale}
        write_profile(kept, self.content)
        self.base = dict(answers)
        return kept

    def _take_over(self, answers: Answers, theirs: dict[str, AnswerValue], conflicts: list[str]) -> Answers:
        changed = dict(answers)
        for qid in conflicts:
            if qid in theirs:
                changed[qid] = theirs[qid]
            else:
                changed.pop(qid, None)
        return applicable_answers(self.content, changed)
