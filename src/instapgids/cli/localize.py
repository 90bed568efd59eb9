"""Dutch for what click and Typer print by themselves: help headings, usage and errors.

click and Typer mark their own messages with gettext (``from gettext import gettext as _``,
the default domain), so a catalog does it: ``locale/<lang>/LC_MESSAGES/click.po``, compiled to
the ``click.mo`` beside it (committed; a test checks it says what the ``.po`` says).
:func:`use_language` binds it, and is the one place that chooses the language.

What gettext cannot reach is set on instapgids's own command objects by :func:`translate_help`:
click's usage metavars (``[OPTIONS]``, ``COMMAND [ARGS]...`` are plain defaults, not messages) and
the help of Typer's completion options (plain strings in ``typer.completion``).

In English (``--lang en``) click and Typer speak their own English (there is no ``en`` catalog for
them), and :func:`translate_help` passes instapgids's own help texts through the program's catalog
(``instapgids.language._``): a help text, metavar (``BESTAND``) or help panel marked with ``N_`` in
``commands`` is English there, one not yet in the catalog stays Dutch.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path
from typing import Any

DOMAIN = "click"
LOCALE_DIR = Path(__file__).with_name("locale")

# Not marked for gettext by click or Typer: set on the command objects instead.
METAVARS = {"options": "[OPTIES]", "subcommand": "COMMANDO [ARGUMENTEN]..."}
COMPLETION_HELP = {
    "Install completion for the current shell.": "Installeer aanvullen met Tab voor uw shell.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Toon het script voor aanvullen met Tab, om het zelf te installeren."
    ),
}


def use_language(language: str = "nl") -> None:
    """The language of click's and Typer's own words, before they are imported ("nl"; "en" = theirs).

    Python's ``gettext.gettext`` picks the language from the environment (LANGUAGE first), so
    that is where it is set; Typer reads its Rich headings once, when ``typer.rich_utils`` loads.
    """
    os.environ["LANGUAGE"] = language
    gettext.bindtextdomain(DOMAIN, str(LOCALE_DIR))
    gettext.textdomain(DOMAIN)


def translate_help(command: Any) -> None:
    """The help of this command and its subcommands in the language of this run (see the module doc):
    in Dutch, Dutch metavars and completion help; in English, the program's help texts from its catalog."""
    from instapgids.language import current

    dutch = current() == "nl"
    if dutch:
        command.options_metavar = METAVARS["options"]
        if hasattr(command, "subcommand_metavar"):
            command.subcommand_metavar = METAVARS["subcommand"]
    _translate(command, "help", "rich_help_panel")
    for param in getattr(command, "params", []):
        if dutch and getattr(param, "help", None) in COMPLETION_HELP:
            param.help = COMPLETION_HELP[param.help]
        else:
            _translate(param, "help", "metavar", "rich_help_panel")
    for sub in getattr(command, "commands", {}).values():
        translate_help(sub)


def shows_help(command: Any, args: list[str]) -> bool:
    """Whether these arguments end in a help page: --help, or a group named without a subcommand."""
    if "--help" in args:
        return True
    current = command
    for arg in args:
        commands = getattr(current, "commands", None)
        if not commands or arg not in commands:
            return False
        current = commands[arg]
    return hasattr(current, "commands")


def _translate(thing: Any, *names: str) -> None:
    """These attributes of a command or parameter (help, metavar, help panel) through the program's catalog."""
    from instapgids.language import _

    for name in names:
        if isinstance(text := getattr(thing, name, None), str) and text:
            setattr(thing, name, _(text))
