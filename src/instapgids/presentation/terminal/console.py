"""The one place that owns Rich consoles (stdout for output, stderr for messages).

User data (an organisation's name, a profile's path, a key from a profile) goes into
a Rich markup string only through :func:`literal`: as text, never as markup, and
with control characters shown as escapes instead of reaching the terminal.
"""

from __future__ import annotations

import os
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def _raise_broken_pipe(self: Console) -> None:
    raise BrokenPipeError


def own_broken_pipes() -> None:
    """Every Rich console (also Typer's, for --help) lets a closed pipe through to cli/main.py, the one
    place that ends the process; Rich would exit with 1 itself."""
    from rich.console import Console

    Console.on_broken_pipe = _raise_broken_pipe  # type: ignore[method-assign]


def _console(**options: Any) -> Console:
    from rich.console import Console

    own_broken_pipes()
    return Console(highlight=False, **options)


@cache
def out() -> Console:
    return _console(soft_wrap=False)


@cache
def err() -> Console:
    return _console(stderr=True)


def literal(value: object) -> str:
    """``value`` for a Rich markup string: markup escaped, control characters visible (``\\x1b``)."""
    from rich.markup import escape

    from instapgids.errors import visible

    return escape(visible(str(value)))


def _real_terminal() -> bool:
    """Whether stdin and stdout are a terminal, by their file descriptors (a pager needs both)."""
    import sys

    try:
        return os.isatty(sys.stdout.fileno()) and os.isatty(sys.stdin.fileno())
    except (AttributeError, ValueError, OSError):
        return False


def show(lines: list[Text]) -> None:
    """Print lines that are wrapped already; on a terminal, through a pager when they do not fit (as git does).

    Never when piped. The pager is $PAGER or less, with LESS=FRX unless set: it ends by itself when the
    text fits after all, keeps the colours and leaves the text on the screen.
    """
    from rich.text import Text

    console = out()
    body = Text("\n").join(lines)
    if _real_terminal() and console.is_terminal and len(lines) > console.height and not console.is_dumb_terminal:
        os.environ.setdefault("LESS", "FRX")
        with console.pager(styles=True):
            console.print(body, soft_wrap=True)
    else:
        console.print(body, soft_wrap=True)
