"""Saved answers (profiles): where they live, how they are checked, read and written.

A profile is a small, readable YAML file::

    format: 1
    guide_version: "1.01"
    complete: true
    language: en        # the language of its interview; absent: Dutch
    answers:
      org_name: Gemeente Voorbeeld
      org_kind: lokaal-bestuur
      needs: [netwerk]

The same format is accepted by ``instapgids start --answers FILE``. Answers
are checked against the questions of the content; a problem is reported as
``file:line: field: message``. Answers of an older content version whose
question no longer exists are kept in the file and reported, never dropped.

``language`` (``nl`` or ``en``, written only when not Dutch): the language of its interview. A new
profile takes the run's (``language.current()``), one read keeps its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from instapgids.content.bundle import Content
from instapgids.content.questions import AnswerValue, text_problem
from instapgids.errors import Problem, UserError, display_path, note_written, os_reason
from instapgids.language import DEFAULT, LANGUAGES, N_, Language, _, current, is_language
from instapgids.paths import named_profile, profile_exists, state_dir
from instapgids.store.files import locked, write_file
from instapgids.store.progress import PROGRESS_FIELDS, At, read_progress
from instapgids.store.userfile import read_text, refuse_unreadable

if TYPE_CHECKING:
    from instapgids.content.located import LocatedDict
    from instapgids.engine.checklist import Marked

# PyYAML (via yamlsource) loads only when a profile is read or written: `start` shows its
# first question without it.

FORMAT = 1
TOP_KEYS = {"format", "guide_version", "complete", "language", "updated", "answers", "progress", "checklist"}


class AnswersError(UserError):
    """An answers file that cannot be used; lists every problem."""

    exit_code = 2

    def __init__(self, problems: list[Problem], hint: str = "") -> None:
        self.problems = problems
        self.hint = hint
        super().__init__("\n".join([self.head(), *(str(p) for p in problems), *([hint] if hint else [])]))

    def head(self) -> str:
        return _("Het antwoordenbestand is niet bruikbaar:")


class ProfileError(AnswersError):
    """A saved profile that cannot be used (broken YAML, the wrong shape, …); lists every problem."""

    def head(self) -> str:
        return _("Uw profiel {path} is niet bruikbaar:").format(path=display_path(self.problems[0].file))


NEWER = N_("formaat {found}; deze versie van instapgids leest formaat {format}")
UPDATE = N_("Werk instapgids bij naar een nieuwere versie; het bestand blijft zoals het is.")
MAX_NAME_LENGTH = 100


@dataclass
class Profile:
    """A saved profile as read from its file: answers, progress, and what the reader noticed."""

    path: Path
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    complete: bool = False
    guide_version: str = ""
    stale: dict[str, Any] = field(default_factory=dict)  # answers the current content cannot use
    notices: list[str] = field(default_factory=list)
    answers_line: int = 1  # where `answers:` stands in the file, for problems about a missing answer
    # item id -> {"status": "doing" | "done", "date": "YYYY-MM-DD", "started": ..., "out_of_order": True},
    # as marked with doing/done (see PROGRESS_FIELDS)
    progress: dict[str, dict[str, Any]] = field(default_factory=dict)
    stale_progress: dict[str, Any] = field(default_factory=dict)  # for items the content no longer has
    progress_pos: dict[str, tuple[int, int]] = field(default_factory=dict)  # where each progress entry stands
    text: str | None = None  # the file as read: writing it back keeps the user's comments and extra fields
    # item id -> fingerprint of the checklist as last written, to say what a new guide version changed
    checklist: dict[str, str] = field(default_factory=dict)
    language: Language = field(default_factory=current)  # of its interview: a new profile's is this run's

    def set_aside(self, store: dict[str, Any], key: str, value: Any, notice: str) -> None:
        """Keep something the current content cannot use in the file, and say so (never drop it silently)."""
        store[key] = value
        self.notices.append(notice)

    def statuses(self) -> dict[str, str]:
        """Item id -> "doing" | "done", for the engine."""
        return {item: entry["status"] for item, entry in self.progress.items()}

    def marks(self) -> dict[str, Marked]:
        """Item id -> when it became doing and done, for the engine."""
        from instapgids.engine.checklist import Marked

        found = {}
        for item, entry in self.progress.items():
            if entry["status"] == "doing":
                found[item] = Marked(started=entry.get("date"))
            else:
                found[item] = Marked(entry.get("started"), entry.get("date"), entry.get("out_of_order") is True)
        return found


def profile_path(value: str | None) -> Path:
    """``--profile``: a path, or a bare name kept in the state directory; none = the default profile."""
    if not value:
        return state_dir() / "profielen" / "standaard.yaml"
    if (why := text_problem(value)) is not None:
        raise UserError(
            _("De profielnaam {problem}. Kies een naam met gewone letters, cijfers en streepjes.").format(problem=why)
        )
    if os.sep not in value and "/" not in value and not value.endswith((".yaml", ".yml")):
        if len(value) > MAX_NAME_LENGTH:
            raise UserError(
                _("De profielnaam is te lang ({length} tekens). Kies een naam van hoogstens {most} tekens.").format(
                    length=len(value), most=MAX_NAME_LENGTH
                )
            )
        return named_profile(value)
    path = Path(value).expanduser()
    if any(len(os.fsencode(part)) > 255 for part in path.parts):
        raise UserError(
            _("Het pad '{path}' bevat een naam die te lang is voor het bestandssysteem.").format(path=value)
        )
    return path


def read_profile(path: Path, content: Content, *, strict: bool) -> Profile:
    """Read a profile or answers file.

    ``strict`` (``--answers``): every problem is an error. Otherwise (a saved
    profile), answers that the current content cannot use are kept aside in
    ``stale`` and reported in ``notices``.
    """
    from instapgids.content.located import LocatedDict, YamlProblem, locate
    from instapgids.content.yamlsource import load_user

    failed = AnswersError if strict else ProfileError
    text = read_text(path, failed, regular_only=not strict)
    try:  # parsed anew every time: no copy of a profile is kept anywhere else (issue 18, L1)
        raw = load_user(text)
    except YamlProblem as exc:
        raise failed([Problem(path, *exc.position, _("(bestand)"), exc.message)]) from None

    def at(loc: tuple[str | int, ...], message: str, key: bool = False) -> Problem:
        (line, column), resolved = locate(raw, loc, key=key)
        return Problem(path, line, column, ".".join(str(p) for p in resolved) or _("(bestand)"), message)

    if not isinstance(raw, LocatedDict) or not isinstance(raw.get("answers"), LocatedDict):
        raise failed([at((), _("verwacht een mapping met de sleutel 'answers' (zie README)"))])
    if type(found := raw.get("format", FORMAT)) is int and found > FORMAT:  # the way out: update instapgids
        raise failed([at(("format",), _(NEWER).format(found=found, format=FORMAT))], _(UPDATE))
    problems, notices = _top_keys(raw, strict, at)
    if not is_language(spoken := raw.get("language", DEFAULT)):
        problems.append(
            at(
                ("language",),
                _("verwacht een taal: {first} of {second}").format(first=LANGUAGES[0], second=LANGUAGES[1]),
            )
        )
    profile = Profile(
        language=spoken if is_language(spoken) else DEFAULT,
        path=path,
        complete=raw.get("complete") is True,
        guide_version=_version(raw.get("guide_version")),
        answers_line=raw.key_pos["answers"][0],
        notices=notices,
        text=None if strict else text,
    )
    seen = raw.get("checklist")
    if isinstance(seen, dict):
        profile.checklist = {str(k): str(v) for k, v in seen.items()}
    problems += _read_answers(profile, raw, content, strict, at)
    problems += read_progress(profile, raw, content, strict, at)
    if problems:
        raise failed(problems)
    return profile


def _top_keys(raw: LocatedDict, strict: bool, at: At) -> tuple[list[Problem], list[str]]:
    """Problems and notices about the file's top-level keys (unknown ones, the format)."""
    problems: list[Problem] = []
    notices: list[str] = []
    for k in raw:
        if k in TOP_KEYS:
            continue
        from difflib import get_close_matches  # only for an unknown key

        close = get_close_matches(str(k), sorted(TOP_KEYS), n=1)
        if strict:  # an answers file: a mistyped key is worth stopping for
            why = _("onbekende sleutel; bedoelt u '{key}'?").format(key=close[0]) if close else _("onbekende sleutel")
            problems.append(at((k,), why, key=True))
        elif close:  # a profile: the user's own extra fields stay in the file, a likely typo is pointed out
            notice = _("De sleutel '{key}' in het profiel wordt niet gebruikt; bedoelt u '{close}'?")
            notices.append(notice.format(key=k, close=close[0]))
    if raw.get("format", FORMAT) != FORMAT:
        problems.append(
            at(("format",), _("onbekend formaat; deze versie leest formaat {format}").format(format=FORMAT))
        )
    return problems, notices


def _read_answers(profile: Profile, raw: LocatedDict, content: Content, strict: bool, at: At) -> list[Problem]:
    """Each answer checked by its question; in a profile, what no longer fits is set aside and asked again."""
    from instapgids.content.located import plain

    problems: list[Problem] = []
    for qid, value in plain(raw["answers"]).items():
        if qid not in content.question_by_id:
            if strict:
                problems.append(at(("answers", qid), _("onbekende vraag"), key=True))
            else:
                notice = _(
                    "Het antwoord op '{question}' hoort bij geen enkele vraag meer; "
                    "het blijft bewaard maar telt niet mee."
                )
                profile.set_aside(profile.stale, qid, value, notice.format(question=qid))
            continue
        why = content.question_by_id[qid].problem(value)
        if why is None:
            profile.answers[qid] = value
        elif strict:
            problems.append(at(("answers", qid), why))
        else:
            profile.stale[qid] = value
            notice = _("Het antwoord op '{question}' past niet meer. {problem} Die vraag wordt opnieuw gesteld.")
            profile.notices.append(notice.format(question=qid, problem=why))
    return problems


def _version(value: Any) -> str:
    """The guide version a profile was written with ("" when it has none that reads as a version)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return ""
    return str(value)


def set_aside_broken(path: Path) -> Path:
    """Move a profile that cannot be read aside (``standaard.yaml`` → ``standaard.kapot-20261129-1130.yaml``).

    Never overwrites: a hard link is made under a new name (refused if the name exists) before the
    old name is removed, so the file is never lost, not even half-way.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    for number in range(1, 100):
        target = path.with_name(f"{path.stem}.kapot-{stamp}{f'-{number}' if number > 1 else ''}{path.suffix}")
        try:
            os.link(path, target, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError as exc:
            reason = _(os_reason(exc))
            raise UserError(_("Kan '{path}' niet opzij zetten: {reason}.").format(path=path, reason=reason)) from None
        os.unlink(path)
        note_written(target)
        return target
    raise UserError(
        _("Kan '{path}' niet opzij zetten: er staan al te veel opzijgezette profielen naast.").format(path=path)
    )


def _profile_data(profile: Profile, content: Content) -> dict[str, Any]:
    """What a profile stores, in file order; an answer given now replaces one that was set aside."""
    answers = {q.id: profile.answers[q.id] for q in content.interview.questions if q.id in profile.answers}
    data: dict[str, Any] = {
        "format": FORMAT,
        "guide_version": content.guide.guide.version,
        "complete": profile.complete,
        **({"language": profile.language} if profile.language != DEFAULT else {}),
        "updated": datetime.now().isoformat(timespec="seconds"),
        "answers": {**answers, **{k: v for k, v in profile.stale.items() if k not in answers}},
    }
    progress = {**profile.stale_progress, **profile.progress}
    if progress:
        data["progress"] = progress
    data["checklist"] = fingerprints(content, profile)
    return data


def fingerprints(content: Content, profile: Profile) -> dict[str, str]:
    """Item id -> a short fingerprint of what the item says, for every item on this profile's checklist.

    Made of the texts only: a conditional detail (a ``Paragraph``) has no repr of its own that a
    later process would repeat.
    """
    import zlib

    from instapgids.content.journey import detail_text
    from instapgids.engine.checklist import build_checklist

    found = {}
    for entry in build_checklist(content, profile.answers, profile.statuses()).items():
        item = entry.item
        said = repr((item.title, [detail_text(d) for d in item.details], item.section))
        found[item.id] = f"{zlib.crc32(said.encode()):08x}"
    return found


def profile_text(profile: Profile, content: Content) -> str:
    """The profile as YAML; when it was read from a file, that file's comments and extra fields stay."""
    from instapgids.store.roundtrip import HEADER, WouldLose, round_trip

    try:
        return round_trip(
            profile.text,
            _profile_data(profile, content),
            owned=TOP_KEYS,
            header=_(HEADER),
            entry_fields=set(PROGRESS_FIELDS),
        )
    except WouldLose as exc:  # refused before anything is written: nothing of the user's is lost
        raise UserError(
            _(
                "instapgids kan {path} niet bijwerken zonder iets van uw eigen inhoud te wijzigen (bij '{key}'); "
                "er is niets gewijzigd. Schrijf dat deel eenvoudiger (bv. elk veld op een eigen regel) en "
                "probeer opnieuw."
            ).format(path=display_path(profile.path), key=exc.what)
        ) from None


def write_profile(profile: Profile, content: Content) -> None:
    """Write the profile atomically, under its lock (:func:`update_profile`, the interview's saves); a new
    profile is private (mode 0600), an existing one keeps its mode and group."""
    text = profile_text(profile, content)
    refuse_unreadable(profile.path, profile.answers, content, text)
    write_file(profile.path, text, private=True, make_folder=True, under_lock=True)
    profile.text = None  # what is on disk now is ours


def open_profile(content: Content, path: Path) -> Profile | None:
    """The saved profile at ``path``, None when there is none; a :class:`ProfileError` when it cannot be used."""
    return read_profile(path, content, strict=False) if profile_exists(path) else None


def update_profile(
    path: Path, content: Content, change: Callable[[Profile | None], Profile], on_wait: Callable[[], None]
) -> Profile:
    """Read, change and write the profile at ``path`` under its exclusive lock (no other process's
    change is lost in between). ``change`` gets the profile as it is on disk now (None when there is
    none) and returns the profile to write."""
    with locked(path, on_wait):
        changed = change(open_profile(content, path))
        write_profile(changed, content)
        return changed
