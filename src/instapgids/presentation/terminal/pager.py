"""The pager for output longer than the screen, started by us rather than by Python's ``pydoc``.

Python 3.13's pager sets ``LESS`` itself (``-R`` and a prompt), so ``less`` no longer ends by itself when
the text fits and waits for a key after ``status`` or ``next``. Here the program is ``$PAGER`` (run by the
shell, as git and pydoc do), else ``less``; with ``LESS=FRX`` unless the user set ``LESS``: it ends by
itself when the text fits after all, keeps the colours and leaves the text on the screen. With
``LESSCHARSET=utf-8`` when we write UTF-8 (less, under a locale that is not installed, would show a bullet
as ``<E2><80><A2>``). Without a pager (Windows without ``less``, whose ``more`` shows colour codes as
text), the text is written as it is, and the terminal's own scrolling shows it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Mapping

from rich.pager import Pager

LESS_OPTIONS = "FRX"  # quit if one screen, raw colour codes, no clearing of the screen (as git)
NOT_FOUND = 127  # the shell's exit code for a command it cannot find


def command(env: Mapping[str, str], *, utf8: bool, prompt: str = "") -> tuple[str | list[str], dict[str, str]] | None:
    """The pager to run, as a shell command (``$PAGER``) or a program with arguments, and its environment;
    None where there is none. ``prompt``: less's option for its bottom line, added to our ``LESS``."""
    wanted = env.get("PAGER", "").strip()
    less = None if wanted else shutil.which("less", path=env.get("PATH"))
    if not wanted and less is None:
        return None
    environment = dict(env)
    environment.setdefault("LESS", LESS_OPTIONS + prompt)
    if utf8:
        environment.setdefault("LESSCHARSET", "utf-8")
    return (wanted or [str(less)]), environment


class OwnPager(Pager):
    """A Rich pager that runs the program of :func:`command` itself (Rich's own goes through ``pydoc``)."""

    def __init__(self, chosen: tuple[str | list[str], dict[str, str]], encoding: str) -> None:
        self.program, self.env = chosen
        self.encoding = encoding

    def show(self, content: str) -> None:
        if _page(content, self.program, self.env, encoding=self.encoding) == NOT_FOUND:
            sys.stdout.write(content)  # $PAGER names no program: the text all the same
            sys.stdout.flush()


def _page(content: str, program: str | list[str], env: dict[str, str], *, encoding: str) -> int:
    """Feed ``content`` to the pager and wait for it; its exit code (NOT_FOUND when it could not start)."""
    sys.stdout.flush()
    try:
        process = subprocess.Popen(program, shell=isinstance(program, str), stdin=subprocess.PIPE, env=env)
    except OSError:
        return NOT_FOUND
    assert process.stdin is not None
    try:
        with process.stdin as pipe:
            pipe.write(content.encode(encoding, errors="replace"))
    except (OSError, KeyboardInterrupt):  # the reader quit early ('q'), or Ctrl-C: the pager has the terminal
        pass
    while True:
        try:
            return process.wait()
        except KeyboardInterrupt:  # less ignores Ctrl-C; so do we until it ends, or the terminal stays raw
            continue
