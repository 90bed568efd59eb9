"""`instapgids web`: the wizard in a browser. A thin wrapper: the server and its pages are ``instapgids.web``,
imported only when this command runs (the fast commands never load Flask or waitress)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from instapgids.cli.commands.shared import DataDirOption, ProfileOption, app
from instapgids.language import N_

FolderOption = Annotated[
    Path | None,
    typer.Option(
        "--folder",
        metavar=N_("MAP"),
        help=N_("Toon alle profielen in deze map (voor wie veel klanten begeleidt) in plaats van één profiel."),
        show_default=False,
    ),
]


@app.command(
    help=N_(
        "De instapgids in uw browser: dezelfde vragen, checklist en profielen als op de opdrachtregel.\n\n"
        "Voorbeeld: instapgids web --profile gemeente-x"
    )
)
def web(
    profile: ProfileOption = None,
    folder: FolderOption = None,
    host: Annotated[
        str,
        typer.Option("--host", metavar=N_("ADRES"), help=N_("Luister op dit adres (standaard alleen deze computer).")),
    ] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(
            "--port", min=0, max=65535, metavar=N_("POORT"), help=N_("Luister op deze poort (0: een vrije poort).")
        ),
    ] = 0,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help=N_("Open de browser niet; toon alleen het adres."))
    ] = False,
    data_dir: DataDirOption = None,
) -> None:
    from instapgids import api, language
    from instapgids.errors import UserError
    from instapgids.language import _
    from instapgids.web.server import serve
    from instapgids.web.site import Site

    if folder is not None and profile is not None:
        raise UserError(_("Kies --profile of --folder, niet allebei."))
    if folder is not None and not folder.is_dir():
        raise UserError(_("De map '{folder}' bestaat niet.").format(folder=folder))
    site = Site(
        profile=None if folder is not None else api.profile_path(profile),
        folder=folder,
        data_dir=data_dir,
        language=language.current() if language.explicit() else None,
    )
    api.load_content(data_dir, language=language.current())  # broken content: a message now, not in the browser
    raise typer.Exit(serve(site, host, port, browser=not no_browser, say=_say))


def _say(text: str) -> None:
    """A line of `web`: on a terminal broken between words (the address, one long word, stays whole)."""
    import sys

    from instapgids.cli.lines import wrap

    typer.echo(wrap(text) if sys.stdout is not None and sys.stdout.isatty() else text)
