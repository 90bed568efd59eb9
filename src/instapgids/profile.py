"""Saved answers (profiles): where they live, how they are checked, read and written.

A profile is a small, readable YAML file::

    format: 1
    guide_version: "1.01"
    complete: true
    answers:
      org_name: Gemeente Voorbeeld
      org_kind: lokaal-bestuur
      needs: [netwerk]

The same format is accepted by ``instapgids start --answers FILE``. Answers
are checked against the questions of the content; a problem is reported as
``file:line: field: message``. Answers of an older content version whose
question no longer exists are kept in the file and reported, never dropped.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .content import Content
from .errors import Problem, UserError, display_path, note_written, os_reason
from .paths import state_dir
from .rules import AnswerValue, text_problem

if TYPE_CHECKING:
    from .yamlsource import LocatedDict

# PyYAML (via yamlsource) loads only when a profile is read or written: `start` shows its
# first question without it.

FORMAT = 1
TOP_KEYS = {"format", "guide_version", "complete", "updated", "answers", "progress"}
PROGRESS_STATUSES = ("bezig", "klaar")


class AnswersError(UserError):
    """An answers file that cannot be used; lists every problem."""

    exit_code = 2

    def __init__(self, problems: list[Problem], hint: str = "") -> None:
        self.problems = problems
        self.hint = hint
        super().__init__("\n".join([self.head(), *(str(p) for p in problems), *([hint] if hint else [])]))

    def head(self) -> str:
        return "Het antwoordenbestand is niet bruikbaar:"


class ProfileError(AnswersError):
    """A saved profile that cannot be used (broken YAML, the wrong shape, …); lists every problem."""

    def head(self) -> str:
        return f"Uw profiel {display_path(self.problems[0].file)} is niet bruikbaar:"


MAX_FILE_SIZE = 1024 * 1024  # an answers file or profile is well under 10 KB
MAX_NAME_LENGTH = 100


@dataclass
class Profile:
    path: Path
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    complete: bool = False
    guide_version: str = ""
    stale: dict[str, Any] = field(default_factory=dict)  # answers the current content cannot use
    notices: list[str] = field(default_factory=list)
    answers_line: int = 1  # where `answers:` stands in the file, for problems about a missing answer
    # item id -> {"status": "bezig" | "klaar", "date": "YYYY-MM-DD"}, as marked with done/doing
    progress: dict[str, dict[str, str]] = field(default_factory=dict)
    stale_progress: dict[str, Any] = field(default_factory=dict)  # for items the content no longer has

    def set_aside(self, store: dict[str, Any], key: str, value: Any, what: str) -> None:
        """Keep something the current content cannot use in the file, and say so (never drop it silently)."""
        store[key] = value
        self.notices.append(f"{what} meer; het blijft bewaard maar telt niet mee.")

    def statuses(self) -> dict[str, str]:
        """Item id -> "bezig" | "klaar", for the rules."""
        return {item: entry["status"] for item, entry in self.progress.items()}


def profile_path(value: str | None) -> Path:
    """``--profile``: a path, or a bare name kept in the state directory; none = the default profile."""
    if not value:
        return state_dir() / "profielen" / "standaard.yaml"
    if (why := text_problem(value)) is not None:
        raise UserError(f"De profielnaam {why}. Kies een naam met gewone letters, cijfers en streepjes.")
    if os.sep not in value and "/" not in value and not value.endswith((".yaml", ".yml")):
        if len(value) > MAX_NAME_LENGTH:
            raise UserError(
                f"De profielnaam is te lang ({len(value)} tekens). "
                f"Kies een naam van hoogstens {MAX_NAME_LENGTH} tekens."
            )
        return state_dir() / "profielen" / f"{value}.yaml"
    path = Path(value).expanduser()
    if any(len(os.fsencode(part)) > 255 for part in path.parts):
        raise UserError(f"Het pad '{value}' bevat een naam die te lang is voor het bestandssysteem.")
    return path


def check_answer(content: Content, qid: str, value: Any) -> str | None:
    """Why ``value`` is not a valid answer to question ``qid``, or None when it is."""
    question = content.question_by_id[qid]
    values = [o.value for o in question.options]
    if question.kind == "text":
        if not isinstance(value, str) or not value.strip():
            return "moet een niet-lege tekst zijn"
        return text_problem(value)
    elif question.kind == "confirm":
        if not isinstance(value, bool):
            return "moet true (ja) of false (nee) zijn"
    elif question.kind == "select":
        if value not in values:
            return f"moet een van deze waarden zijn: {', '.join(values)}"
    else:
        if not isinstance(value, list) or not value:
            return f"moet een niet-lege lijst zijn met waarden uit: {', '.join(values)}"
        wrong = [str(v) for v in value if v not in values]
        if wrong:
            return f"onbekende waarde(n) {', '.join(wrong)}; kies uit: {', '.join(values)}"
        exclusive = [o.value for o in question.options if o.exclusive and o.value in value]
        if exclusive and len(value) > 1:
            return f"'{exclusive[0]}' kan niet samen met andere waarden"
        if len(set(value)) != len(value):
            return "bevat een waarde twee keer"
    return None


def read_profile(path: Path, content: Content, *, strict: bool) -> Profile:
    """Read a profile or answers file.

    ``strict`` (``--answers``): every problem is an error. Otherwise (a saved
    profile), answers that the current content cannot use are kept aside in
    ``stale`` and reported in ``notices``.
    """
    from .yamlsource import LocatedDict, YamlProblem, load_user, locate, plain

    failed = AnswersError if strict else ProfileError
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_SIZE + 1)  # bounded: /dev/zero or a huge file is refused, not read
    except FileNotFoundError:
        raise UserError(f"Het bestand '{path}' bestaat niet.") from None
    except OSError as exc:
        raise UserError(f"Kan '{path}' niet lezen: {os_reason(exc, reading=True)}.") from None
    if len(data) > MAX_FILE_SIZE:
        raise failed(
            [Problem(path, 1, 1, "(bestand)", "het bestand is groter dan 1 MB; dit kan geen antwoordenbestand zijn")]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = len(data[: exc.start].rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        raise failed([Problem(path, line, column, "(bestand)", "het bestand is geen UTF-8-tekst")]) from None
    try:
        raw = load_user(text)
    except YamlProblem as exc:
        raise failed([Problem(path, *exc.position, "(bestand)", exc.message)]) from None

    def at(loc: tuple[str | int, ...], message: str, key: bool = False) -> Problem:
        (line, column), resolved = locate(raw, loc, key=key)
        return Problem(path, line, column, ".".join(str(p) for p in resolved) or "(bestand)", message)

    if not isinstance(raw, LocatedDict) or not isinstance(raw.get("answers"), LocatedDict):
        raise failed([at((), "verwacht een mapping met de sleutel 'answers' (zie README)")])
    problems = [at((k,), "onbekende sleutel", key=True) for k in raw if k not in TOP_KEYS]
    if raw.get("format", FORMAT) != FORMAT:
        problems.append(at(("format",), f"onbekend formaat; deze versie leest formaat {FORMAT}"))
    profile = Profile(
        path=path,
        complete=raw.get("complete") is True,
        guide_version=str(raw.get("guide_version", "")),
        answers_line=raw.key_pos["answers"][0],
    )
    for qid, value in plain(raw["answers"]).items():
        if qid not in content.question_by_id:
            if strict:
                problems.append(at(("answers", qid), "onbekende vraag", key=True))
            else:
                profile.set_aside(profile.stale, qid, value, f"Het antwoord op '{qid}' hoort bij geen enkele vraag")
            continue
        why = check_answer(content, qid, value)
        if why is None:
            profile.answers[qid] = value
        elif strict:
            problems.append(at(("answers", qid), why))
        else:
            profile.stale[qid] = value
            profile.notices.append(f"Het antwoord op '{qid}' past niet meer: {why}. Die vraag wordt opnieuw gesteld.")
    problems += _read_progress(profile, raw, content, strict, at)
    if problems:
        raise failed(problems)
    return profile


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
            raise UserError(f"Kan '{path}' niet opzij zetten: {os_reason(exc)}.") from None
        os.unlink(path)
        note_written(target)
        return target
    raise UserError(f"Kan '{path}' niet opzij zetten: er staan al te veel opzijgezette profielen naast.")


def _read_progress(profile: Profile, raw: LocatedDict, content: Content, strict: bool, at: Any) -> list[Problem]:
    """Fill ``profile.progress``; progress for items the content no longer has is kept aside and reported."""
    from .yamlsource import plain

    given = raw.get("progress")
    if given is None:
        return []
    if not isinstance(given, dict):
        return [at(("progress",), "verwacht een mapping: checklistpunt-id → status")]
    items = {item.id for phase in content.journey.phases for step in phase.steps for item in step.items}
    problems: list[Problem] = []
    for item_id, entry in plain(given).items():
        status = entry.get("status") if isinstance(entry, dict) else None
        if status not in PROGRESS_STATUSES:
            problems.append(at(("progress", item_id), "verwacht {status: bezig of klaar, date: JJJJ-MM-DD}"))
        elif item_id not in items:
            if strict:
                problems.append(at(("progress", item_id), "onbekend checklistpunt", key=True))
            else:
                what = f"De voortgang van '{item_id}' hoort bij geen checklistpunt"
                profile.set_aside(profile.stale_progress, item_id, entry, what)
        else:
            profile.progress[str(item_id)] = {"status": status, "date": str(entry.get("date", ""))}
    return problems


def write_profile(profile: Profile, content: Content) -> None:
    """Write the profile atomically (a temporary file renamed over the old one)."""
    import yaml

    data: dict[str, Any] = {
        "format": FORMAT,
        "guide_version": content.guide.guide.version,
        "complete": profile.complete,
        "updated": datetime.now().isoformat(timespec="seconds"),
        "answers": {
            **{q.id: profile.answers[q.id] for q in content.interview.questions if q.id in profile.answers},
            **profile.stale,
        },
    }
    if profile.progress or profile.stale_progress:
        data["progress"] = {**profile.progress, **profile.stale_progress}
    text = (
        "# instapgids: uw antwoorden. U mag dit bestand zelf aanpassen;\n"
        "# 'instapgids start --answers' leest hetzelfde formaat.\n"
        + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    )
    write_atomic(profile.path, text, make_folder=True)


def write_atomic(path: Path, text: str, *, make_folder: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder; raise a Dutch UserError.

    ``make_folder`` creates missing folders (for profiles in the state directory); an export to a
    folder that does not exist is refused instead, so that a mistyped path is noticed.
    """
    try:
        if make_folder:
            path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise UserError(f"Kan niet schrijven in '{path.parent}': {os_reason(exc)}.") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
        note_written(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise UserError(f"Kan '{path}' niet schrijven: {os_reason(exc)}.") from None
