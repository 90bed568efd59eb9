"""The process entry point: one place that turns every outcome into a message and an exit code.

``instapgids --version`` is answered here without importing Typer (it is the
command scripts call most, and Typer with click costs ~75 ms to import);
everything else goes to the Typer app in ``cli.py``. No traceback reaches the
user: their mistakes are a Dutch message (``UserError``), an interrupt is exit
130, and a bug in instapgids is a short Dutch message (INSTAPGIDS_DEBUG=1
shows the traceback).
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from . import __version__


def _fail(message: str, code: int) -> NoReturn:
    sys.stdout.flush()
    sys.stderr.write(message.rstrip("\n") + "\n")
    raise SystemExit(code)


def main() -> None:
    """Entry point: runs the app and turns every user error into a message and an exit code."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        print(f"instapgids {__version__}")
        return
    import click
    import typer.main

    from . import localize
    from .cli import app
    from .errors import UserError

    # pydantic scans every installed package for plugins at import (~20 ms); this CLI uses none.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    localize.install()
    command = typer.main.get_command(app)
    localize.translate_help(command)
    if localize.shows_help(command, sys.argv[1:]):
        localize.install_rich_help()  # loads Typer's Rich help (~100 ms): only when help is shown
    try:
        code = command.main(args=sys.argv[1:], prog_name="instapgids", standalone_mode=False)
    except UserError as exc:
        _fail(str(exc), exc.exit_code)
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        raise SystemExit(exc.exit_code) from None
    except (click.exceptions.Abort, KeyboardInterrupt):
        _fail("\nOnderbroken.", 130)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
    except Exception as exc:  # a bug: say so in Dutch; INSTAPGIDS_DEBUG=1 shows the traceback
        if os.environ.get("INSTAPGIDS_DEBUG"):
            raise
        _fail(
            f"Er ging iets mis in instapgids zelf ({type(exc).__name__}: {exc}).\n"
            "Uw bestanden zijn niet gewijzigd. Meld dit aan het instapgids-team; "
            "met INSTAPGIDS_DEBUG=1 ziet u de technische details.",
            70,
        )
    raise SystemExit(code if isinstance(code, int) else 0)
