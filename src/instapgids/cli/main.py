"""The process entry point: one place that turns every outcome into a message and an exit code.

``instapgids --version`` is answered here without importing Typer (it is the
command scripts call most, and Typer with click costs ~75 ms to import), and so
are ``checklist`` and ``next`` with at most ``--profile`` (the commands people run
most; they call what their Typer command calls); everything else goes to the
Typer app in ``commands``. No traceback reaches the
user: their mistakes are a message in the run's language (``UserError``), an interrupt
is exit 130, and a bug in instapgids is a short message (INSTAPGIDS_DEBUG=1
shows the traceback).

Output that cannot be written is not a bug either:

- a closed pipe (``instapgids lots list | head -1``): exit 141, as a program
  that the shell's SIGPIPE ended, and no message (the reader has gone on purpose);
- a full disk or an I/O error on stdout, or while writing a file: a Dutch message, exit 74 (EX_IOERR);
- a closed stdout (``instapgids status >&-``): refused with a message before anything is read or written, 74;
- a path the user gave that the system refuses (too long, a symlink loop): a message, exit 2;
- a terminal or file whose character set cannot hold "é" or "—": on a
  terminal, messages and output fall back to the nearest plain letters
  ("een", "-"); output redirected to a file or pipe stops with a message
  saying how to switch to UTF-8 (exit 1), because silently replaced characters
  would damage an export.
"""

from __future__ import annotations

import codecs
import errno
import os
import sys

from instapgids import __version__

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (~8 ms of --version)
if TYPE_CHECKING:
    from typing import Any, NoReturn


def N_(message: str) -> str:
    """Marks a message for the catalog, as ``language.N_`` does, without importing it: ``--version`` stays fast."""
    return message


# The message for an output that cannot hold the text; itself plain ASCII (in English too), so it always shows.
ENCODING_MESSAGE = N_(
    "instapgids kan deze uitvoer niet schrijven: de tekenset ({encoding}) kent tekens als e-accent\n"
    "of het gedachtestreepje niet, dus de uitvoer is onvolledig. Gebruik een UTF-8-tekenset, bv. met:\n"
    "  export LANG=C.UTF-8    (of: export PYTHONIOENCODING=utf-8)"
)
INTERRUPTED = N_("Onderbroken.")
STDOUT_CLOSED = N_(
    "instapgids kan zijn uitvoer niet schrijven: de standaarduitvoer (stdout) is gesloten. Er is niets gewijzigd."
)
OUTPUT_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG}
# One character for one: Rich has measured the line with the original character.
PLAIN = {"—": "-", "–": "-", "…": "+", "█": "#", "░": ".", "✔": "v", "→": ">", "•": "*", "·": "-", "§": "#"}
PLAIN.update({"‘": "'", "’": "'", "“": '"', "”": '"', "€": "E", "─": "-", "━": "-"})


def _plain_letters(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: each character the output cannot hold as its nearest ASCII ("é" → "e")."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    import unicodedata

    out = []
    for char in exc.object[exc.start : exc.end]:
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if c.isascii() and not unicodedata.combining(c))
        out.append(PLAIN.get(char) or base[:1] or "?")
    return "".join(out), exc.end


def _is_utf(encoding: str | None) -> bool:
    try:
        return codecs.lookup(encoding or "ascii").name.startswith("utf")
    except LookupError:
        return False


def _fit_streams() -> None:
    """On a character set without "é": plain letters for messages, and for output shown on a terminal."""
    codecs.register_error("instapgids-plain", _plain_letters)
    for stream in (sys.stderr, sys.stdout):
        if stream is None or _is_utf(getattr(stream, "encoding", None)) or not hasattr(stream, "reconfigure"):
            continue
        if stream is sys.stderr or stream.isatty():
            stream.reconfigure(errors="instapgids-plain")


def _open_closed_streams() -> bool:
    """Put the null device on each of stdin, stdout and stderr that the caller closed (``>&-``), so that no file
    instapgids opens gets their number (a profile written through "stdout"); True when stdout was closed."""
    stdout_closed = False
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
            continue
        except OSError:
            stdout_closed = stdout_closed or fd == 1
        null = os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)  # the lowest free number: fd itself
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
        setattr(sys, name, open(fd, "r" if fd == 0 else "w", encoding="utf-8", closefd=False))  # noqa: SIM115
    return stdout_closed


def _silence_stdout() -> None:
    """Send stdout nowhere from now on, so that Python's own flush at exit fails neither loudly nor twice."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (pytest's capture); io.UnsupportedOperation
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _fail(message: str, code: int) -> NoReturn:
    from instapgids.errors import visible

    try:
        sys.stdout.flush()
    except OSError:
        _silence_stdout()
    except (AttributeError, ValueError):  # no stdout at all
        pass
    try:  # user text in a message shows as text: controls become visible escapes (\x1b), line by line
        lines = [visible(line) for line in message.rstrip("\n").split("\n")]
        sys.stderr.write("\n".join(_between_words(lines)) + "\n")
        sys.stderr.flush()
    except (OSError, AttributeError, ValueError):
        pass  # stderr cannot be written either: the exit code is all that is left
    raise SystemExit(code)


def _between_words(lines: list[str]) -> list[str]:
    """On a terminal, long lines broken between words (the terminal itself would cut a word in two)."""
    try:
        if not sys.stderr.isatty():
            return lines
    except (AttributeError, ValueError):
        return lines
    import shutil

    from instapgids.presentation.terminal.line import between_words, hanging_indent

    width = shutil.get_terminal_size().columns
    return [part for line in lines for part in (between_words(line, width, "", hanging_indent(line)) or [""])]


def _wrote() -> str:
    """What this process wrote, for a message after a failure; '' when it wrote nothing."""
    from instapgids.errors import written
    from instapgids.language import _

    done = written()
    if not done:
        return ""
    return "\n" + _("Dit werd wel al geschreven: {files}.").format(files=", ".join(str(p) for p in done))


def _unexpected(exc: Exception) -> NoReturn:
    """An exception no command handled: output that cannot be written, or a bug in instapgids."""
    from instapgids.errors import os_reason
    from instapgids.language import _

    if isinstance(exc, BrokenPipeError):
        _silence_stdout()
        raise SystemExit(141) from None
    if isinstance(exc, UnicodeEncodeError) and not _is_utf(exc.encoding):
        _silence_stdout()
        _fail(_(ENCODING_MESSAGE).format(encoding=exc.encoding) + _wrote(), 1)
    if isinstance(exc, OSError) and exc.errno in OUTPUT_ERRNOS:
        _silence_stdout()
        _fail(
            _("instapgids kan zijn uitvoer niet schrijven: {reason}.").format(reason=_(os_reason(exc))) + _wrote(), 74
        )
    if isinstance(exc, OSError) and exc.filename is not None:  # a path the user gave, that the system refuses:
        message = _("Kan '{path}' niet gebruiken: {reason}.").format(path=exc.filename, reason=_(os_reason(exc)))
        _fail(message + _wrote(), 2)  # an error in what the user gave (README), the disk's own are above (74)
    if os.environ.get("INSTAPGIDS_DEBUG"):
        raise exc
    done = _wrote()
    _fail(
        _("Er ging iets mis in instapgids zelf ({error}).").format(error=f"{type(exc).__name__}: {exc}")
        + "\n"
        + (done.lstrip("\n") if done else _("Uw bestanden zijn niet gewijzigd."))
        + " "
        + _("Meld dit aan het instapgids-team; met INSTAPGIDS_DEBUG=1 ziet u de technische details."),
        70,
    )


def main() -> None:
    """Entry point: runs the app and turns every user error into a message and an exit code."""
    stdout_closed = _open_closed_streams()
    _fit_streams()
    try:
        if stdout_closed:  # refused before anything is read or written: the output would be lost
            _choose_language(sys.argv[1:])
            from instapgids.language import _

            _fail(_(STDOUT_CLOSED), 74)
        code = _run(sys.argv[1:])
        sys.stdout.flush()  # an output failure shows here, not in Python's flush at exit
    except Exception as exc:
        _unexpected(exc)
    raise SystemExit(code)


# The commands people run most, with at most a profile, run without Typer and click (~60 ms less):
# they do exactly what their Typer command does (cli/commands/). Anything else goes to Typer.
FAST_COMMANDS = ("checklist", "next", "status", "start")
PROFILE_OPTIONS = ("--profile", "-p")


def _fast(args: list[str]) -> tuple[str, str | None] | None:
    """(command, profile) when ``args`` are one of :data:`FAST_COMMANDS` with at most ``--profile X``;
    ("lots show", N) for ``lots show N``."""
    if any(k.endswith("_COMPLETE") for k in os.environ):
        return None
    if len(args) == 3 and args[:2] == ["lots", "show"] and not args[2].startswith("-"):
        return "lots show", args[2]
    if not args or args[0] not in FAST_COMMANDS:
        return None
    rest = args[1:]
    if not rest:
        return args[0], None
    if len(rest) == 2 and rest[0] in PROFILE_OPTIONS and not rest[1].startswith("-"):
        return args[0], rest[1]
    if len(rest) == 1 and rest[0].startswith("--profile=") and len(rest[0]) > len("--profile="):
        return args[0], rest[0][len("--profile=") :]
    return None


def _after_lang(args: list[str]) -> list[str]:
    """The arguments after the ``--lang`` options that ``language.pull_option`` moved to the front."""
    index = 0
    while index < len(args):
        if args[index].startswith("--lang="):
            index += 1
        elif args[index] == "--lang" and index + 1 < len(args):
            index += 2
        else:
            break
    return args[index:]


def _run_fast(command: str, profile: str | None) -> int:
    if command == "lots show":
        from instapgids.cli.lots import show_lot

        show_lot(profile or "")  # here the argument: the lot's number
        return 0
    if command == "start":  # the interview: its first question sooner
        from instapgids.cli.start import start_command

        start_command(profile)
        return 0
    from instapgids.cli import session
    from instapgids.cli.lines import read_content

    content = read_content(in_language=True)  # as the Typer command does
    if command == "checklist":
        session.show_checklist(content, profile, None, None, False)
    elif command == "status":
        session.show_status(content, profile)
    else:
        session.show_next(content, profile)
    return 0


def _run(args: list[str]) -> int:
    """The command, on the fast path or through Typer; the user's mistakes and an interrupt as a message."""
    if args in (["--version"], ["-V"]):
        print(f"instapgids {__version__}")
        return 0
    # pydantic scans every installed package for plugins at import (~20 ms); this CLI uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    args, fast = _choose_language(args)
    from instapgids import errors, language

    errors.forget_written()
    try:
        return _run_fast(*fast) if fast is not None else _run_typer(args)
    except errors.UserError as exc:
        _fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        _fail("\n" + language._(INTERRUPTED), 130)


def _choose_language(args: list[str]) -> tuple[list[str], tuple[str, str | None] | None]:
    """The run's language (before anything prints), and the fast path's arguments when it applies."""
    from instapgids import language

    option, args = language.pull_option(args)
    try:
        chosen = language.choose(option, os.environ, system=language.system_locale)
        language.use(chosen, explicit=language.asked(option, os.environ))
    except language.UnknownLanguage:  # the root command's --lang reports it as a usage error, in the
        language.use(language.choose(None, os.environ, system=language.system_locale))  # language of the environment
        return args, None
    return args, _fast(_after_lang(args))


def _run_typer(args: list[str]) -> int:
    """Every command through Typer and click."""
    from instapgids import language
    from instapgids.cli import localize

    # click's and Typer's own words in the run's language (English: their own). Before click and
    # Typer load: Typer reads its Rich headings at import.
    localize.use_language(language.current())
    import typer.main

    from instapgids.cli.commands import app

    command = typer.main.get_command(app)
    localize.translate_help(command)
    if localize.shows_help(command, args):
        from instapgids.presentation.terminal.console import own_broken_pipes

        own_broken_pipes()  # Typer's Rich help (~100 ms to load) prints through a console of its own
        return _paged_help(command, args)
    return _main(command, args)


def _paged_help(command: Any, args: list[str]) -> int:
    """A help page longer than the terminal goes through the pager (never when piped): what Typer prints
    through its own Rich consoles is captured, then paged."""
    from instapgids.presentation.terminal.console import can_page, page_text

    if not can_page():
        return _main(command, args)
    import typer.rich_utils

    made = typer.rich_utils._get_rich_console
    consoles: list[Any] = []

    def capturing(stderr: bool = False) -> Any:
        console = made(stderr=stderr)
        if not stderr:
            console.begin_capture()
            consoles.append(console)
        return console

    typer.rich_utils._get_rich_console = capturing
    try:
        return _main(command, args)
    finally:
        typer.rich_utils._get_rich_console = made
        page_text("".join(console.end_capture() for console in consoles))


def _main(command: Any, args: list[str]) -> int:
    """Run the click command; its own ways of ending as our exit codes."""
    import click

    try:
        code = command.main(args=args, prog_name="instapgids", standalone_mode=False)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        raise SystemExit(exc.exit_code) from None
    except click.exceptions.Abort:  # click's word for Ctrl-C at its prompt: an interrupt, as in _run
        raise KeyboardInterrupt from None
    except SystemExit:
        if isinstance(sys.stdout, click.utils.PacifyFlushWrapper):  # click's own answer to a closed pipe: exit 1
            raise BrokenPipeError from None
        raise
    return code if isinstance(code, int) else 0
