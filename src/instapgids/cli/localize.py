"""Dutch for what click and Typer print by themselves: help headings, usage and errors.

click translates its own messages through gettext (``_`` and ``ngettext`` in
each module) and Typer's Rich help reads its headings from module constants;
this module points both at the Dutch below. What they print without either
(Typer's completion-install messages) stays English; the README says so.
"""

from __future__ import annotations

import sys
from typing import Any

DUTCH = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Commands": "Commando's",
    "Arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon het versienummer en stop.",
    "Try '{command} {option}' for help.": "Meer hulp: '{command} {option}'.",
    "Error: {message}": "Fout: {message}",
    "Missing argument": "Ontbrekend argument",
    "Missing option": "Ontbrekende optie",
    "Missing parameter": "Ontbrekende parameter",
    "Missing command.": "Er ontbreekt een commando.",
    "No such command {name!r}.": "Onbekend commando {name!r}.",
    "No such option: {name}": "Onbekende optie: {name}",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "Option {name!r} does not take a value.": "De optie {name!r} neemt geen waarde.",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Aborted!": "Onderbroken.",
    "default: {default}": "standaard: {default}",
    "required": "verplicht",
    "env var: {var}": "omgevingsvariabele: {var}",
    "[default: {}]": "[standaard: {}]",
    "[env var: {}]": "[omgevingsvariabele: {}]",
    "[required]": "[verplicht]",
    "(deprecated) ": "(verouderd) ",
    "Install completion for the current shell.": "Installeer aanvullen met Tab voor uw shell.",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Toon het script voor aanvullen met Tab, om het zelf te installeren."
    ),
}

DUTCH_PLURAL = {
    "Did you mean {possibility}?": ("Bedoelt u {possibility}?", "(Bedoelt u een van: {possibilities}?)"),
    "Got unexpected extra argument ({args})": (
        "Onverwacht extra argument ({args})",
        "Onverwachte extra argumenten ({args})",
    ),
    "Option {name!r} requires an argument.": (
        "De optie {name!r} heeft een waarde nodig.",
        "De optie {name!r} heeft {nargs} waarden nodig.",
    ),
}

# Typer's Rich help reads these constants of typer.rich_utils when it formats.
RICH_CONSTANTS = {
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "DEPRECATED_STRING": "(deprecated) ",
    "ERRORS_PANEL_TITLE": "Fout",
    "ABORTED_TEXT": "Onderbroken.",
}


def gettext(message: str) -> str:
    return DUTCH.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    dutch = DUTCH_PLURAL.get(singular)
    if dutch is None:
        return singular if count == 1 else plural
    return dutch[0] if count == 1 else dutch[1]


def install() -> None:
    """Point click's and Typer's messages at Dutch (click and Typer are imported by then)."""
    for name, module in list(sys.modules.items()):
        if name == "click" or name.startswith("click.") or name.startswith("typer."):
            if callable(getattr(module, "_", None)):
                module._ = gettext  # type: ignore[attr-defined]
            if callable(getattr(module, "ngettext", None)):
                module.ngettext = ngettext  # type: ignore[attr-defined]


def install_rich_help() -> None:
    """Dutch headings for Typer's Rich help (imports typer.rich_utils, and so Rich)."""
    from typer import rich_utils

    from instapgids.presentation.terminal.console import own_broken_pipes

    own_broken_pipes()
    for constant, english in RICH_CONSTANTS.items():
        if hasattr(rich_utils, constant):
            setattr(rich_utils, constant, DUTCH.get(english, english))


def translate_help(command: Any) -> None:
    """Dutch help texts and metavars for what click or Typer add themselves (help, completion, usage)."""
    command.options_metavar = "[OPTIES]"
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = "COMMANDO [ARGUMENTEN]..."
    for param in getattr(command, "params", []):
        if getattr(param, "help", None) in DUTCH:
            param.help = DUTCH[param.help]
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
