"""The customer's commands: the interview, and what a saved profile gives (checklist, next steps,
status, mails).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from instapgids.cli.commands.shared import ProfileOption, app
from instapgids.cli.lines import read_content
from instapgids.language import N_


@app.command(help=N_("Beantwoord enkele vragen en krijg uw persoonlijke checklist.\n\nVoorbeeld: instapgids start"))
def start(
    profile: ProfileOption = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar=N_("BESTAND"),
            help=N_("Lees de antwoorden uit dit YAML-bestand in plaats van vragen te stellen (zie examples/)."),
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=N_("Met --answers: vervang de antwoorden van een bestaand profiel (de voortgang blijft bewaard)."),
        ),
    ] = False,
) -> None:
    from instapgids.cli.start import start_command

    start_command(profile, answers, force)


@app.command(
    help=N_(
        "Toon de checklist van een bewaard profiel, of exporteer ze.\n\n"
        "Voorbeeld: instapgids checklist --export md -o checklist.md"
    )
)
def checklist(
    profile: ProfileOption = None,
    export: Annotated[
        str | None,
        typer.Option(
            "--export",
            "-e",
            metavar=N_("FORMAAT"),
            help=N_("Exporteer in dit formaat: md (Markdown), html (één webpagina) of json."),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar=N_("BESTAND"),
            help=N_("Bestand voor de export, of '-' voor het scherm (standaard)."),
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Overschrijf een bestaand exportbestand."))] = False,
) -> None:
    from instapgids.cli.session import show_checklist

    show_checklist(read_content(in_language=True), profile, export, output, force)


@app.command(
    "next", help=N_("Wat u nu kunt doen: de eerste stappen, volledig uitgeschreven.\n\nVoorbeeld: instapgids next")
)
def next_step(
    profile: ProfileOption = None,
    everything: Annotated[
        bool, typer.Option("--all", "-a", help=N_("Toon alles wat nu kan, niet alleen de eerste stappen."))
    ] = False,
) -> None:
    from instapgids.cli.session import show_next

    show_next(read_content(in_language=True), profile, everything)


@app.command(help=N_("Uw voortgang per fase en wat u nu kunt doen.\n\nVoorbeeld: instapgids status"))
def status(profile: ProfileOption = None) -> None:
    from instapgids.cli.session import show_status

    show_status(read_content(in_language=True), profile)


@app.command(
    help=N_("De mails die u moet sturen, klaar om te versturen.\n\nVoorbeeld: instapgids mails --export eml -o mails")
)
def mails(
    profile: ProfileOption = None,
    export: Annotated[
        str | None,
        typer.Option(
            "--export", "-e", metavar=N_("FORMAAT"), help=N_("Schrijf de mails als bestanden: eml."), show_default=False
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar=N_("MAP"), help=N_("De map voor de .eml-bestanden."), show_default=False
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Overschrijf bestaande bestanden."))] = False,
) -> None:
    from instapgids.cli.session import show_mails

    show_mails(read_content(in_language=True), profile, export, output, force)  # the mails stay Dutch
