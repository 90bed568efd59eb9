"""The one place that owns Rich consoles (stdout for output, stderr for messages).

Lines that are wrapped already (:class:`Line`) go to a pipe or file as plain text without Rich (~15 ms to
import), written as Rich would write them; to a terminal, or with colours forced, through Rich.

User data (an organisation's name, a profile's path, a key or version from a profile, an environment
variable) goes into a Rich markup string only through :func:`literal`: as text, never as markup, and
with control characters shown as escapes instead of reaching the terminal. :func:`tell` does it for
every ``{field}`` of a message, and shows any control character left in the message as an escape.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from instapgids.presentation.terminal.line import Line

# Control characters but the newline: Rich writes some otherwise (tabs expanded), so such output goes through Rich.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f]")


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
    return _console(soft_wrap=False, file=_Unpadded())


class _Unpadded:
    """Standard output for Rich: as it is on a terminal; piped, each line without the spaces Rich pads it with to
    the width (table cells, an indented block), which are noise in a file or a mail. Always the current
    ``sys.stdout`` (a test or a pager may swap it)."""

    def __init__(self) -> None:
        self._pending = ""  # the start of a line not ended yet

    @property
    def _stream(self) -> Any:
        return sys.stdout

    def write(self, text: str) -> int:
        if self.isatty():
            pending, self._pending = self._pending, ""
            self._stream.write(pending + text)
            return len(text)
        *lines, self._pending = (self._pending + text).split("\n")
        if lines:
            self._stream.write("".join(line.rstrip(" ") + "\n" for line in lines))
        return len(text)

    def flush(self) -> None:
        if self._pending:
            pending, self._pending = self._pending, ""
            self._stream.write(pending)
        self._stream.flush()

    def isatty(self) -> bool:
        isatty = getattr(self._stream, "isatty", None)
        try:
            return bool(isatty()) if isatty is not None else False
        except ValueError:  # closed
            return False

    def fileno(self) -> int:
        return int(self._stream.fileno())

    @property
    def encoding(self) -> str:
        return str(getattr(self._stream, "encoding", None) or "utf-8")


@cache
def err() -> Console:
    return _console(stderr=True)


def tell(message: str, *, markup: bool = True, **values: object) -> None:
    """A message on stderr (Rich markup unless ``markup=False``), wrapped between words to the width; a
    word longer than the width (a file path) stays whole on its line, to be copied.

    ``values`` fill the ``{name}`` fields of ``message`` as text (:func:`literal`): pass user- and
    file-derived text this way. Whatever the message holds, no control character reaches the terminal.
    """
    from rich.text import Text

    from instapgids.errors import visible
    from instapgids.presentation.terminal.line import hanging_indent, word_breaks

    if values:
        message = message.format(**{k: literal(v) if markup else visible(str(v)) for k, v in values.items()})
    message = "\n".join(visible(line) for line in message.split("\n"))
    console = err()
    text = Text.from_markup(message) if markup else Text(message)
    lines = []
    for line in text.split("\n", allow_blank=True):
        indent = hanging_indent(line.plain)  # an item of a list goes on under its own text, not at column 0
        for number, part in enumerate(line.divide(word_breaks(line.plain, max(console.width - len(indent), 20)))):
            part.rstrip()  # in place: the space where a line was broken
            lines.append(Text(indent) + part if number else part)
    console.print(Text("\n").join(lines), soft_wrap=True)


def literal(value: object) -> str:
    """``value`` for a Rich markup string: markup escaped, control characters visible (``\\x1b``)."""
    from rich.markup import escape

    from instapgids.errors import visible

    return escape(visible(str(value)))


def plain() -> bool:
    """Whether Rich would write stdout's output as plain text: not a terminal and no colour forced (Linux, macOS)."""
    if sys.platform == "win32" or "FORCE_COLOR" in os.environ or "TTY_COMPATIBLE" in os.environ:
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return isatty is not None and not isatty()
    except ValueError:  # a closed file: Rich does not take it for a terminal either
        return True


def width() -> int:
    """The output's width as the Rich console :func:`out` has it, without importing Rich for plain output."""
    if not plain():
        return out().width
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for fd in (0, 1, 2):  # the first of stdin, stdout and stderr that is a terminal
        try:
            return os.get_terminal_size(fd).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


def _real_terminal() -> bool:
    """Whether stdin and stdout are a terminal, by their file descriptors (a pager needs both)."""
    try:
        return os.isatty(sys.stdout.fileno()) and os.isatty(sys.stdin.fileno())
    except (AttributeError, ValueError, OSError):
        return False


def show(lines: list[Line]) -> None:
    """Print lines that are wrapped already; on a terminal, through a pager when they do not fit (as git does).

    Never when piped. The pager is $PAGER or less, started by us (``terminal/pager.py``): with LESS=FRX
    unless set, whatever Python's own pager would set, so it ends by itself when the text fits after all.
    """
    text = "\n".join(line.plain.rstrip(" ") for line in lines)  # as _Unpadded writes Rich's lines piped
    if plain() and not CONTROL.search(text):
        sys.stdout.write(text + "\n")
        return
    from rich.text import Text

    console = out()
    body = Text("\n").join(line.__rich__() for line in lines)
    if _pages(console, len(lines)):
        with _pager(console):
            console.print(body, soft_wrap=True)
    else:
        console.print(body, soft_wrap=True)


def _pages(console: Console, rows: int) -> bool:
    """Whether ``rows`` lines go through the pager: on a real terminal only (never when piped), and longer than it."""
    return can_page(console) and rows > console.height


def can_page(console: Console | None = None) -> bool:
    """Whether output to ``console`` (stdout's) may go through a pager: a real terminal, never a pipe or file."""
    console = console or out()
    return _real_terminal() and console.is_terminal and not console.is_dumb_terminal


def _pager(console: Console) -> Any:
    """Our pager (``pager.py``: ``$PAGER`` or less), showing the way out on its bottom line ("q: sluiten") when
    we set less's options; where there is no pager, nothing: the text is written as it is."""
    from contextlib import nullcontext

    from instapgids.presentation.terminal import pager

    utf8 = console.encoding.lower().replace("-", "") == "utf8"  # less reads the locale, maybe not installed
    if (chosen := pager.command(os.environ, utf8=utf8, prompt=less_prompt())) is None:
        return nullcontext()
    return console.pager(pager.OwnPager(chosen, console.encoding), styles=True)


def less_prompt() -> str:
    """less's option for its prompt (the bottom line of each page): how to page on and how to leave, in the
    run's language. Characters that mean something in a less prompt are escaped; ``$`` ends the option."""
    from instapgids.language import _

    hint = _("q: sluiten, spatie: volgende pagina, b: vorige")  # ASCII: less shows "·" as "^@·"
    return " -Ps" + re.sub(r"([\\:.?%$])", r"\\\1", hint) + "$"


@contextmanager
def paged() -> Iterator[None]:
    """What is printed to :func:`out` inside goes through the pager when it is longer than the terminal
    (``mails``, ``lots show``, a help page); printed as it comes when piped or short."""
    console = out()
    if not can_page(console):
        yield
        return
    with console.capture() as captured:
        yield
    page_text(captured.get())


def page_text(text: str) -> None:
    """Text rendered for this terminal already (with its colour codes): through the pager when longer than
    the terminal, else written as it is."""
    console = out()
    if _pages(console, text.count("\n")):
        from rich.text import Text

        with _pager(console):
            console.print(Text.from_ansi(text), soft_wrap=True, end="")
    else:
        console.file.write(text)
        console.file.flush()
