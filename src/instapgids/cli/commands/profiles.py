"""The profile commands: mark a profile's checklist items (done, doing, undo), and all profiles at a glance."""

from __future__ import annotations

from typing import Annotated

import typer

from instapgids.cli.commands.shared import ItemIds, ProfileOption, app
from instapgids.cli.lines import read_both, read_content
from instapgids.language import N_


def _mark(ids: list[str], profile: str | None, status: str | None, force: bool = False) -> None:
    """Record the status in the Dutch profile; confirm with the titles in the language of this run."""
    from instapgids.cli.session import mark

    content, dutch = read_both()
    mark(dutch, profile, ids, status, content, force)


@app.command(help=N_("Duid checklistpunten aan als klaar.\n\nVoorbeeld: instapgids done ddc-dms-toegang"))
def done(
    ids: ItemIds,
    profile: ProfileOption = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help=N_("Ook een punt dat nog op een ander wacht, zonder te vragen (het heet dan: buiten de volgorde)."),
        ),
    ] = False,
) -> None:
    _mark(ids, profile, "done", force)


@app.command(help=N_("Duid checklistpunten aan als bezig.\n\nVoorbeeld: instapgids doing lokale-beheerder-aanvraag"))
def doing(ids: ItemIds, profile: ProfileOption = None) -> None:
    _mark(ids, profile, "doing")


@app.command(help=N_("Zet checklistpunten terug op niet gestart.\n\nVoorbeeld: instapgids undo ddc-dms-toegang"))
def undo(ids: ItemIds, profile: ProfileOption = None) -> None:
    _mark(ids, profile, None)


@app.command(
    help=N_(
        "Alle profielen in de profielmap, wie het langst stilstaat eerst (voor wie veel klanten begeleidt).\n\n"
        "Voorbeeld: instapgids profiles"
    )
)
def profiles() -> None:
    from instapgids.presentation.terminal.console import show, width
    from instapgids.presentation.terminal.profiles import profiles_lines
    from instapgids.store.overview import overview, profile_folder

    show(profiles_lines(overview(read_content(in_language=True)), str(profile_folder()), width()))
