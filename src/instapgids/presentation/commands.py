"""How a command is written in a hint, so that it works when copied: ``--profile NAME`` as one argument, and
``--lang`` when the language of this run came from that option."""

from __future__ import annotations

import os
import re

_PLAIN = re.compile(r"[\w.:/\\~+@=,-]+")


def profile_flag(profile: str | None) -> str:
    """`` --profile NAME`` (nothing without a profile); a name with a space or another special character in double
    quotes, which a POSIX shell, PowerShell and cmd all read as one argument."""
    if not profile:
        return language_flag()
    flag = f" --profile {profile}" if _PLAIN.fullmatch(profile) else f' --profile "{profile}"'
    return flag + language_flag()


def as_typed(args: list[str]) -> str | None:
    """``instapgids ARGS`` as the user typed it, to suggest again with more options; None when an argument would
    need quoting in a shell."""
    return " ".join(["instapgids", *args]) if args and all(_PLAIN.fullmatch(a) for a in args) else None


def language_flag() -> str:
    """`` --lang en`` when this run's language was asked for with ``--lang`` and the environment alone would give
    another one: a copied hint then goes on in the same language. Else nothing."""
    from instapgids import language

    if not language.explicit():
        return ""
    chosen = language.current()
    alone = language.choose(None, os.environ, warn=lambda _message: None, system=language.system_locale)
    return "" if alone == chosen else f" --lang {chosen}"
