"""Errors a user can cause and can fix, each with a Dutch message and an exit code.

The CLI catches :class:`UserError` in one place (``cli.main``) and prints the
message; nothing else reaches the user as a traceback.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


class UserError(Exception):
    """Something the user can fix; ``str(error)`` is the Dutch message."""

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
        return f"{display_path(self.file)}:{self.line}:{self.column}: {self.field}: {self.message}"


class ContentError(UserError):
    """The content in data/ (or INSTAPGIDS_DATA_DIR) is broken; lists every problem."""

    exit_code = 1

    def __init__(self, problems: list[Problem], note: str = "") -> None:
        self.problems = sorted(problems, key=lambda p: (str(p.file), p.line, p.column, p.field))
        count = len(self.problems)
        head = "De inhoud bevat 1 fout:" if count == 1 else f"De inhoud bevat {count} fouten:"
        super().__init__("\n".join([head, *map(str, self.problems), *([note] if note else [])]))


_written: list[Path] = []


def note_written(path: Path) -> None:
    """Record that this process changed ``path`` (so that a later failure never claims "nothing changed")."""
    _written.append(path)


def written() -> list[Path]:
    """The files this process has written so far, in order."""
    return list(_written)


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in Dutch."""
    import errno

    reasons = {
        errno.ENOENT: "de map bestaat niet",
        errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
        errno.EEXIST: "een deel van het pad is een bestand, geen map",
        errno.EACCES: "u heeft daar geen schrijfrechten",
        errno.EPERM: "u heeft daar geen schrijfrechten",
        errno.EROFS: "die plaats is alleen-lezen",
        errno.ENOSPC: "de schijf is vol",
        errno.EISDIR: "dat is een map, geen bestand",
        errno.ENAMETOOLONG: "de naam is te lang",
    }
    return reasons.get(exc.errno or 0, "het besturingssysteem weigert het")


def display_path(path: Path) -> str:
    """A path relative to the working directory when it lies below it, else absolute."""
    try:
        return os.path.relpath(path) if Path.cwd() in path.resolve().parents else str(path)
    except (OSError, ValueError):
        return str(path)
