"""What the commands do with a profile, as functions that return results: profile in, checklist or files out.

Each use case reads and writes under the guarantees of ``profiles`` and ``files`` (an exclusive lock
around every read-change-write, atomic writes) and raises a typed :class:`~instapgids.errors.UserError`
when the user has to act. Nothing here prints or names a command: the command line says what to
type (``cli/session.py``), the library can use the same functions without a terminal.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from instapgids.content.bundle import Content
from instapgids.content.questions import AnswerValue
from instapgids.engine.routing import next_question
from instapgids.errors import UserError
from instapgids.language import N_, _
from instapgids.store.clock import today
from instapgids.store.files import check_writable, regular_bytes, write_file, write_files
from instapgids.store.interview_store import Chooser as Chooser
from instapgids.store.interview_store import InterviewStore as InterviewStore
from instapgids.store.profiles import Profile, open_profile, update_profile

if TYPE_CHECKING:  # the engine loads with the first checklist: `start` asks its first question without it
    from instapgids.engine.checklist import Checklist, ChecklistItem

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
    """An item id that done/doing/undo refused, why, and the ids that look like it."""

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


class OutOfOrder(UserError):
    """Items marked done that still wait for another item: recorded only with ``force``; nothing was written."""

    def __init__(self, waiting: list[ChecklistItem]) -> None:
        told = _("'{item}' kan nog niet starten: het wacht op {others}.")
        super().__init__("\n".join(told.format(item=e.item.id, others=", ".join(e.waits_for)) for e in waiting))
        self.waiting = waiting


@dataclass(frozen=True)
class Marking:
    """The checklist before and after a change of progress (to say what the change unlocked or put on hold)."""

    before: Checklist
    after: Checklist


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
    """The checklist of a saved profile, with the progress marked in it and its dates counted to today."""
    from instapgids.engine.checklist import build_checklist

    return build_checklist(content, profile.answers, profile.statuses(), profile.marks(), today())


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


def take_answers(
    content: Content, path: Path, given: Profile, on_wait: Wait, *, complete: bool = True, force: bool = False
) -> Profile:
    """`start --answers`: the answers of ``given`` replace the saved ones; progress and comments are kept.

    Answers that differ from the saved ones are refused (:class:`AnswersWouldChange`) unless ``force``.
    The progress in ``given`` is added to the saved progress. The result carries the notices of the
    profile as it was on disk. ``complete=False``: the interview goes on (the library saving as it asks).
    """

    notices: list[str] = []

    def replace(current: Profile | None) -> Profile:
        if current is not None and not force and (changes := answer_changes(content, current, given)):
            raise AnswersWouldChange(path, changes)
        saved = Profile(path=path, answers=given.answers, complete=complete)
        if current is not None:  # progress marked before, and the user's comments, are kept
            notices.extend(current.notices)
            saved.progress, saved.stale_progress, saved.text = current.progress, current.stale_progress, current.text
            # an answer to a question that no longer exists was told to stay: it does (one that no longer
            # fits its question is replaced by the new answers)
            saved.stale = {k: v for k, v in current.stale.items() if k not in content.question_by_id}
        saved.progress = {**saved.progress, **given.progress}
        return saved

    saved = update_profile(path, content, replace, on_wait)
    saved.notices = notices
    return saved


def mark_items(
    content: Content, path: Path, item_ids: list[str], status: str | None, on_wait: Wait, force: bool = False
) -> Marking:
    """Record ``status`` ("done", "doing" or None: not started) for these items, under the profile's lock.

    Ids that are not on the checklist, or a doing or undo of what the answers settle, raise
    :class:`MarksRefused`; marking done an item that still waits raises :class:`OutOfOrder` unless ``force``
    (it is then recorded as done out of order). Nothing is written when one is raised; a done of what the
    answers settle writes no mark (it is done already). Returns the checklist before and after.
    """
    found: list[Checklist] = []

    def record(current: Profile | None) -> Profile:
        if current is None:  # removed in the meantime
            raise NoProfile(path)
        refuse_marks(content, current, item_ids, status)
        before = checklist_of(content, current)
        found.append(before)
        # out of order: it waits for an item that is neither done nor marked done in the same command
        waiting = {
            e.item.id: e
            for e in before.items()
            if status == "done" and e.status == "blocked" and e.item.id in item_ids and set(e.waits_for) - set(item_ids)
        }
        if waiting and not force:
            raise OutOfOrder([waiting[i] for i in dict.fromkeys(item_ids) if i in waiting])
        day = today().isoformat()
        settled = {e.item.id for e in before.items() if e.done_by_answers}
        for item_id in item_ids:
            if item_id in settled:  # "done" by the answers already: a mark would only be one undo cannot remove
                continue
            current.progress[item_id] = _marked(current.progress.get(item_id), status, day, item_id in waiting)
            if status is None:
                current.progress.pop(item_id)
        return current

    after = checklist_of(content, update_profile(path, content, record, on_wait))
    return Marking(found[-1], after)


def _marked(entry: dict[str, Any] | None, status: str | None, day: str, out_of_order: bool) -> dict[str, Any]:
    """The progress entry after a mark: the day of a status is kept when it is marked again; done keeps the start."""
    if status is None:
        return {}
    if entry is not None and entry["status"] == status:
        return entry
    if status == "doing":
        return {"status": "doing", "date": day}
    new: dict[str, Any] = {"status": "done", "date": day}
    if entry is not None and entry.get("date"):  # it was doing: when it started stays known
        new["started"] = entry["date"]
    if out_of_order:
        new["out_of_order"] = True
    return new


def refuse_marks(content: Content, saved: Profile, item_ids: list[str], status: str | None) -> None:
    """:class:`MarksRefused` for ids that are not on this checklist, or a doing or undo of what the answers settle."""
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
        elif status != "done" and on_list[item_id].done_by_answers:  # doing or undo: only the answers change it
            refused.append(RefusedMark(item_id, "by_answers"))
    if refused:
        raise MarksRefused(refused)


def read_by(content: Content, profile: Path) -> tuple[Path, ...]:
    """The files a command on ``profile`` reads: the profile and the content's files (an export never replaces one)."""
    folder = content.directory
    return (profile, *folder.glob("*.yaml"), *folder.glob("*/*.yaml"))


def refuse_read_files(targets: list[Path], reads: tuple[Path, ...]) -> None:
    """Refuse to write onto a file the command reads (the profile, a content file), by any name or link."""
    for target in targets:
        for read in reads:
            try:
                same = os.path.samefile(target, read)
            except OSError:  # one of them does not exist (yet)
                same = False
            if same:
                raise UserError(
                    _(
                        "'{path}' is een bestand dat deze opdracht leest (het profiel of de inhoud); "
                        "instapgids schrijft er geen export over. Kies een andere naam."
                    ).format(path=target)
                )


def write_export(target: Path, text: str, force: bool, reads: tuple[Path, ...] = ()) -> None:
    """Write an export to ``target`` (atomically); an existing file only with ``force``, never one of ``reads``."""
    if target.is_dir():
        raise UserError(_("'{path}' is een map; geef een bestandsnaam op.").format(path=target))
    refuse_read_files([target], reads)
    if target.exists() and not force:
        raise TargetsExist([target])
    write_file(target, text)


# Beside a set of files written into a folder (the .eml drafts): the name and hash of each file written,
# so that a later export removes only what it wrote and what nobody changed since.
MANIFEST = ".instapgids-export.json"
_MOST = 16 * 1024 * 1024  # a file of the set is a few KB; a bigger one has been changed


@dataclass(frozen=True)
class SetWritten:
    """What writing a set of files removed and kept."""

    removed: list[Path]  # written by an earlier export, unchanged, no longer part of the set: removed
    kept: list[Path]  # written by an earlier export, no longer part of the set, changed since: left alone


def write_set(targets: dict[Path, str | bytes], folder: Path, force: bool, reads: tuple[Path, ...] = ()) -> SetWritten:
    """Write files into ``folder`` as one set: afterwards ``targets`` exist, and the files an earlier set
    wrote that are no longer among them are gone, unless they were changed since (then they are the
    user's and stay).

    What a set wrote is known from its manifest (:data:`MANIFEST`: names and SHA-256 hashes), never
    guessed from a file's contents: a copy or an edit of a draft is never removed. Existing files are
    only overwritten, and earlier ones only removed, with ``force``. A link out of ``folder`` is never
    written through, and only regular files are read (a FIFO never blocks).
    """
    manifest = folder / MANIFEST
    refuse_read_files(list(targets), reads)
    _refuse_links_out(folder, [*targets, manifest])
    names = {target.name for target in targets}
    removed: list[Path] = []
    kept: list[Path] = []
    for name, digest in sorted(_written_before(manifest).items()):
        if name not in names and (unchanged := _unchanged(folder / name, digest)) is not None:
            (removed if unchanged else kept).append(folder / name)
    existing = [t for t in [*targets, *removed] if os.path.lexists(t)]
    if existing and not force:
        raise TargetsExist(existing)
    for target in [*targets, manifest]:
        check_writable(target)
    files: dict[Path, str | bytes] = dict(targets)
    files[manifest] = _manifest_text(targets)
    write_files(files, make_folder=True, remove=tuple(removed))
    return SetWritten(removed, kept)


def _refuse_links_out(folder: Path, paths: list[Path]) -> None:
    inside = os.path.realpath(folder)
    for path in paths:
        if not os.path.islink(path):
            continue
        points_to = os.path.realpath(path)
        try:
            out = os.path.commonpath([inside, points_to]) != inside
        except ValueError:  # Windows: another drive
            out = True
        if out:
            raise UserError(
                _(
                    "'{path}' is een koppeling naar '{target}', buiten de map '{folder}'; instapgids schrijft "
                    "er niet door. Verwijder de koppeling of kies een andere map."
                ).format(path=path, target=points_to, folder=folder)
            )


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _manifest_text(targets: dict[Path, str | bytes]) -> str:
    import json

    written = {t.name: _digest(d.encode("utf-8") if isinstance(d, str) else d) for t, d in sorted(targets.items())}
    return json.dumps({"format": 1, "written_by": "instapgids", "files": written}, indent=2) + "\n"


def _written_before(manifest: Path) -> dict[str, str]:
    """Name -> hash of the files the set wrote last time; nothing when there is no usable manifest."""
    import json

    try:
        data = regular_bytes(manifest, _MOST)
        files = json.loads(data)["files"] if data is not None else {}
    except (OSError, ValueError, TypeError, KeyError):
        return {}
    if not isinstance(files, dict):
        return {}
    return {
        name: digest
        for name, digest in files.items()
        if isinstance(name, str)
        and isinstance(digest, str)
        and name not in ("", ".", "..", MANIFEST)
        and name == Path(name).name
        and "\\" not in name
    }


def _unchanged(path: Path, digest: str) -> bool | None:
    """Whether ``path`` is still the regular file with this hash; None when it is gone."""
    try:
        data = regular_bytes(path, _MOST + 1)
    except FileNotFoundError:
        return None
    except OSError:
        return False  # unreadable: not ours to remove
    return data is not None and len(data) <= _MOST and _digest(data) == digest
