"""Errors a user can cause and can fix, each with a message and an exit code.

The CLI catches :class:`UserError` in one place (``cli.main``) and prints the
message; nothing else reaches the user as a traceback. A message is built where the error is
raised, in the language of the run (``instapgids.language._``; this module is below it, so what it
words itself is marked with :func:`N_` and translated by the caller). This module also keeps
a small record of the files this process wrote, so that a message after a
failure never claims that nothing was changed.
"""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path


def N_(message: str) -> str:
    """Marks a message for the catalog, as ``language.N_`` does (``language`` imports this module)."""
    return message


class UserError(Exception):
    """Something the user can fix; ``str(error)`` is the message, in the language of the run."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One problem in a file, to be shown as ``file:line:column: field: message``."""

    file: Path
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        # One problem is one line: user text in the field or message cannot start another or hide in controls.
        return visible(f"{display_path(self.file)}:{self.line}:{self.column}: {self.field}: {self.message}")


class ContentError(UserError):
    """The content in data/ (or INSTAPGIDS_DATA_DIR) is broken; lists every problem."""

    exit_code = 1

    def __init__(self, problems: list[Problem], heading: str, note: str = "") -> None:
        """``heading`` ("De inhoud bevat 2 fouten:") and ``note`` are worded by the caller, in the language of
        the run (``content.load.content_error``: this module is below ``language``)."""
        self.problems = sorted(problems, key=lambda p: (str(p.file), p.line, p.column, p.field))
        super().__init__("\n".join([heading, *map(str, self.problems), *([note] if note else [])]))


class DiskError(UserError):
    """A file could not be written because of the disk (full, over quota, an I/O error): exit 74 (EX_IOERR), as
    the README's table says for output that cannot be written; the rest of what the system refuses is 2."""

    exit_code = 74


DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG})


def write_error(message: str, exc: OSError) -> UserError:
    """The error for a file that could not be written because of ``exc``: exit 74 for the disk, else 2."""
    return DiskError(message) if exc.errno in DISK_ERRNOS else UserError(message)


def _missing_folder(exc: OSError) -> str:
    """ENOENT while writing: the folder is missing, or it is there but takes no files (/proc)."""
    import os

    folder = os.path.dirname(os.fsdecode(exc.filename)) if exc.filename else ""
    return N_("daar kan geen bestand gemaakt worden") if folder and os.path.isdir(folder) else N_("de map bestaat niet")


def os_reason(exc: OSError, *, reading: bool = False) -> str:
    """Why a file operation failed, in Dutch (the message id: show it as ``_(os_reason(exc))``);
    ``reading`` for a file that was being read."""
    import errno

    denied = N_("u heeft geen leesrechten op dat bestand") if reading else N_("u heeft daar geen schrijfrechten")
    reasons = {
        errno.ENOENT: N_("het bestand bestaat niet") if reading else _missing_folder(exc),
        errno.ENOTDIR: N_("een deel van het pad is een bestand, geen map"),
        errno.EEXIST: N_("een deel van het pad is een bestand, geen map"),
        errno.EACCES: denied,
        errno.EPERM: denied,
        errno.EROFS: N_("die plaats is alleen-lezen"),
        errno.ENOSPC: N_("de schijf is vol"),
        errno.EDQUOT: N_("uw schijfruimte (quotum) is op"),
        errno.EFBIG: N_("het bestand wordt te groot"),
        errno.EIO: N_("de schijf gaf een lees- of schrijffout"),
        errno.EISDIR: N_("dat is een map, geen bestand"),
        errno.ENAMETOOLONG: N_("de naam is te lang voor het bestandssysteem"),
        errno.ELOOP: N_("een symbolische koppeling (symlink) verwijst in een kring naar zichzelf"),
        errno.ENXIO: N_("dat is geen gewoon bestand"),
    }
    return reasons.get(exc.errno or 0, N_("het besturingssysteem weigert het"))


def display_path(path: Path) -> str:
    """A path relative to the working directory when it lies below it, else absolute."""
    try:
        return os.path.relpath(path) if Path.cwd() in path.resolve().parents else str(path)
    except (OSError, ValueError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return str(path)


# Characters that never belong in a line of text a user typed, by their Unicode category: the controls (Cc:
# C0 with tab and line ends, DEL, C1), the format characters (Cf: the bidi marks, embeddings, overrides and
# isolates that make text read differently from what it is, the zero-width space, the byte order mark, the
# soft hyphen), the line and paragraph separators (Zl, Zp), and lone surrogates (Cs: the undecodable bytes
# of a file name). The ASCII ones by a pattern (fast); the others by their category.
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_ASCII_CONTROL = re.compile("[\x00-\x1f\x7f]")


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in INVISIBLE_CATEGORIES


def control_char(text: str) -> str | None:
    """The first character of ``text`` that is a control or other invisible character (see above), or None."""
    if text.isascii():
        found = _ASCII_CONTROL.search(text)
        return found.group() if found else None
    return next((char for char in text if _invisible(char)), None)


def _escape(char: str) -> str:
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def visible(text: str) -> str:
    """``text`` with every invisible character written as an escape (``\\x1b``), so it shows and does nothing."""
    if text.isascii():
        return _ASCII_CONTROL.sub(lambda m: _escape(m.group()), text)
    return "".join(_escape(char) if _invisible(char) else char for char in text)


_WRITTEN: list[Path] = []


def note_written(path: Path) -> None:
    """Record that this process wrote ``path`` (for messages after a failure)."""
    _WRITTEN.append(path)


def written() -> list[Path]:
    """The files this process wrote, in order, each once."""
    return list(dict.fromkeys(_WRITTEN))


def forget_written() -> None:
    """Start a new record (each run of the CLI in one process, e.g. in tests)."""
    _WRITTEN.clear()
