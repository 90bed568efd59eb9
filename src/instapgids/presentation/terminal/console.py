"""The one place that owns Rich consoles (stdout for output, stderr for messages).

User data (an organisation's name, a profile's path, a key from a profile) goes into
a Rich markup string only through :func:`literal`: as text, never as markup, and
with control characters shown as escapes instead of reaching the terminal.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


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
