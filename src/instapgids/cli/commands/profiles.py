"""The profile commands: mark a profile's checklist items (done, doing, undo), and all profiles at a glance."""

from __future__ import annotations

from instapgids.cli.commands.shared import ItemIds, ProfileOption, app, read_both, read_content


@app.command()
def done(ids: ItemIds, profile: ProfileOption = None) -> None:
    """Duid checklistpunten aan als klaar. Voorbeeld: instapgids done ddc-dms-toegang"""
    from instapgids.cli.session import mark

    content, dutch = read_both()
    mark(dutch, profile, ids, "done", content)


@app.command()
def doing(ids: ItemIds, profile: ProfileOption = None) -> None:
    """Duid checklistpunten aan als bezig. Voorbeeld: instapgids doing lokale-beheerder-aanvraag"""
    from instapgids.cli.session import mark

    content, dutch = read_both()
    mark(dutch, profile, ids, "doing", content)


@app.command()
def undo(ids: ItemIds, profile: ProfileOption = None) -> None:
    """Zet checklistpunten terug op niet gestart. Voorbeeld: instapgids undo ddc-dms-toegang"""
    from instapgids.cli.session import mark

    content, dutch = read_both()
    mark(dutch, profile, ids, None, content)


@app.command()
def profiles() -> None:
    """Alle profielen in de profielmap, wie het langst stilstaat eerst (voor wie veel klanten begeleidt).

    Voorbeeld: instapgids profiles
    """
    from instapgids.cli.overview import overview, profile_folder
    from instapgids.presentation.terminal.console import show, width
    from instapgids.presentation.terminal.profiles import profiles_lines

    show(profiles_lines(overview(read_content(in_language=True)), str(profile_folder()), width()))
