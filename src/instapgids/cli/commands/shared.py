"""The Typer app and what its commands share: the order of ``--help`` and the options (the content: ``cli/lines``).

Heavy modules (pydantic, PyYAML, Rich, questionary) are imported inside the
commands that use them, so that ``--version`` and ``--help`` start fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import click
import typer
import typer.core

from instapgids import __version__
from instapgids.language import N_, _

# The commands in the order a customer meets them; the content team's `validate` last, in its own group.
HELP_ORDER = ["start", "next", "checklist", "done", "status", "mails", "lots", "doing", "undo", "profiles"]
HELP_ORDER += ["web", "systems", "contacts", "journey", "search", "validate"]


class _Ordered(typer.core.TyperGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: HELP_ORDER.index(n) if n in HELP_ORDER else len(HELP_ORDER))


app = typer.Typer(
    name="instapgids",
    cls=_Ordered,
    help=N_(
        "Instapgids ICT-raamcontracten 2022: van de gids naar uw persoonlijke checklist.\n\nVoorbeeld: instapgids start"
    ),
    no_args_is_help=True,
    add_completion=True,
    suggest_commands=False,  # click suggests already, in Dutch (cli/locale)
    pretty_exceptions_enable=False,
)

DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        metavar=N_("MAP"),
        help=N_("Map met de inhoud (YAML) in plaats van de meegeleverde; ook via INSTAPGIDS_DATA_DIR."),
        show_default=False,
    ),
]

ProfileOption = Annotated[
    str | None,
    typer.Option(
        "--profile",
        "-p",
        metavar=N_("PROFIEL"),
        help=N_(
            "Een profiel: een naam (bv. 'gemeente-x') of een pad naar een YAML-bestand. "
            "Zonder deze optie: uw standaardprofiel."
        ),
        show_default=False,
    ),
]

ItemIds = Annotated[
    list[str], typer.Argument(help=N_("Eén of meer ids van checklistpunten."), metavar=N_("ID..."), show_default=False)
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"instapgids {__version__}")
        raise typer.Exit()


def _language(value: str | None) -> str | None:
    import os

    from instapgids import language

    try:  # the environment was reported (if wrong) when cli.main chose the language; here only --lang
        chosen = language.choose(value, os.environ, warn=lambda _: None, system=language.system_locale)
        language.use(chosen, explicit=language.asked(value, os.environ))
    except language.UnknownLanguage as exc:
        message = _("'{value}' is geen taal van instapgids. Kies uit: nl, en.").format(value=exc.value)
        raise typer.BadParameter(message) from None
    return value


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help=N_("Toon het versienummer.")),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar=N_("TAAL"),
            callback=_language,
            help=N_("Taal van de uitvoer: nl of en (ook INSTAPGIDS_LANG)."),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Instapgids ICT-raamcontracten 2022: van de gids naar uw persoonlijke checklist."""
