"""A user's file (a profile, an answers file), read and written within bounds.

Read: bounded in size, UTF-8, and a profile only when it is a regular file, opened without blocking.
Written: never what the next read would refuse.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from instapgids.errors import Problem, UserError, display_path, os_reason
from instapgids.language import _

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from instapgids.content.bundle import Content

    Failed = Callable[[list[Problem]], Exception]  # AnswersError or ProfileError

MAX_FILE_SIZE = 1024 * 1024  # an answers file or profile is well under 10 KB


def read_text(path: Path, failed: Failed, *, regular_only: bool = False) -> str:
    """The file's text: bounded in size, and UTF-8.

    ``regular_only`` (a profile): anything but a regular file (a FIFO, a device, a folder) is refused
    before it is opened, and it is opened without blocking, so that nothing hangs, not even under the
    profile's lock. (An answers file may be a pipe: ``--answers <(…)`` is the user's own choice.)
    """
    try:
        if regular_only:
            data = _read_regular(path, failed)
        else:
            with path.open("rb") as handle:
                data = handle.read(MAX_FILE_SIZE + 1)  # bounded: /dev/zero or a huge file is refused, not read
    except FileNotFoundError:
        raise UserError(_("Het bestand '{path}' bestaat niet.").format(path=path)) from None
    except OSError as exc:
        reason = _(os_reason(exc, reading=True))
        raise UserError(_("Kan '{path}' niet lezen: {reason}.").format(path=path, reason=reason)) from None
    if len(data) > MAX_FILE_SIZE:
        too_big = _("het bestand is groter dan 1 MB; dit kan geen antwoordenbestand zijn")
        raise failed([Problem(path, 1, 1, _("(bestand)"), too_big)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = len(data[: exc.start].rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        raise failed([Problem(path, line, column, _("(bestand)"), _("het bestand is geen UTF-8-tekst"))]) from None


def _read_regular(path: Path, failed: Failed) -> bytes:
    """At most ``MAX_FILE_SIZE + 1`` bytes of ``path``, a regular file (checked before and after opening)."""
    import stat

    def refuse() -> Exception:
        why = _("dit is geen gewoon bestand (maar een pijp, apparaat of map); instapgids leest er niet uit")
        return failed([Problem(path, 1, 1, _("(bestand)"), why)])

    if not stat.S_ISREG(os.stat(path).st_mode):  # stat never opens: a FIFO does not block it
        raise refuse()
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # not blocking, should it have become a FIFO in between
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise refuse()
        return handle.read(MAX_FILE_SIZE + 1)


def refuse_unreadable(path: Path, answers: Mapping[str, object], content: Content, text: str) -> None:
    """Never write what the next read would refuse: an answer its question refuses, a file over 1 MB."""
    for qid, value in answers.items():
        question = content.question_by_id.get(qid)
        if question is not None and (why := question.problem(value)) is not None:
            told = _("Het antwoord op '{question}' wordt niet bewaard: {problem} Er is niets gewijzigd.")
            raise UserError(told.format(question=qid, problem=why))
    if len(text.encode("utf-8")) > MAX_FILE_SIZE:
        raise UserError(
            _(
                "Het profiel {path} zou groter worden dan 1 MB, en dan kan instapgids het niet meer lezen; "
                "het wordt niet geschreven (er is niets gewijzigd). Maak uw eigen velden erin korter."
            ).format(path=display_path(path))
        )
