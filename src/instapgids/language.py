"""The language of this run, chosen in one place: ``--lang``, else ``INSTAPGIDS_LANG``, else the locale, else Dutch.

Dutch (``nl``) is the default and the source of truth; English (``en``) is for colleagues who do not read
Dutch. :func:`choose` decides; the command line stores its choice with :func:`use` before click parses
anything (so that a catalog for click's own messages can follow it), and the rest of the program reads it
with :func:`current`. Only the standard library: choosing costs microseconds.

``--lang`` may stand anywhere before ``--`` (``instapgids lots show 5 --lang en``): :func:`pull_option`
moves it to the front, where the root command declares it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Literal, TypeGuard

from instapgids.errors import UserError

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
DEFAULT: Language = "nl"
OPTION = "--lang"
ENV = "INSTAPGIDS_LANG"
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # in POSIX order: the first one set decides

_current: Language = DEFAULT


class UnknownLanguage(UserError):
    """``--lang`` with a value other than nl or en (a usage error: exit 2)."""

    def __init__(self, value: str) -> None:
        self.value = value
        super().__init__(f"Onbekende taal '{value}' voor {OPTION}. Kies uit: {', '.join(LANGUAGES)}.")


def is_language(value: object) -> TypeGuard[Language]:
    return value in LANGUAGES


def _to_stderr(message: str) -> None:
    sys.stderr.write(message + "\n")


def choose(option: str | None, env: Mapping[str, str], *, warn: Callable[[str], object] = _to_stderr) -> Language:
    """The language for ``--lang`` (``option``, None when not given) and the environment ``env``.

    ``--lang`` must be nl or en (else :class:`UnknownLanguage`). ``INSTAPGIDS_LANG`` with another value is
    ignored with a one-line Dutch warning (``warn``). Else the locale: the first of LC_ALL, LC_MESSAGES and
    LANG that is set decides, English when it starts with ``en`` (``en_GB.UTF-8``). Else Dutch.
    """
    if option is not None:
        chosen = option.strip().lower()
        if not is_language(chosen):
            raise UnknownLanguage(option)
        return chosen
    if wanted := env.get(ENV, "").strip():
        if is_language(lowered := wanted.lower()):
            return lowered
        warn(f"instapgids: {ENV}='{wanted}' is geen taal van instapgids (nl, en); de uitvoer is in het Nederlands.")
        return DEFAULT
    for name in LOCALE_VARIABLES:
        if value := env.get(name, ""):
            return "en" if value.lower().startswith("en") else DEFAULT
    return DEFAULT


def pull_option(args: Sequence[str]) -> tuple[str | None, list[str]]:
    """The value of the last ``--lang`` before ``--`` (None if none), and the arguments with every
    ``--lang X`` / ``--lang=X`` moved to the front, where the root command reads it. A ``--lang`` without
    a value is left where it is, for click to report."""
    value: str | None = None
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest += args[index:]
            break
        if arg.startswith(OPTION + "="):
            value = arg[len(OPTION) + 1 :]
            front.append(arg)
        elif arg == OPTION and index + 1 < len(args):
            value = args[index + 1]
            front += [arg, value]
            index += 1
        else:
            rest.append(arg)
        index += 1
    return value, front + rest


def use(language: Language) -> None:
    """Make ``language`` the language of this run (the command line calls this once, before parsing)."""
    global _current
    _current = language


def current() -> Language:
    """The language of this run: what :func:`use` set, else Dutch."""
    return _current
