"""How a command is written in a hint, so that it works when copied: ``--profile NAME`` as one argument."""

from __future__ import annotations

import re

_PLAIN = re.compile(r"[\w.:/\\~+@=,-]+")


def profile_flag(profile: str | None) -> str:
    """`` --profile NAME`` (nothing without a profile); a name with a space or another special character in double
    quotes, which a POSIX shell, PowerShell and cmd all read as one argument."""
    if not profile:
        return ""
    return f" --profile {profile}" if _PLAIN.fullmatch(profile) else f' --profile "{profile}"'
