"""The content team's command: ``validate`` checks the content, in its own group of ``--help``.

Its report stays Dutch in an English run: the content team works on the Dutch source (tests/test_language.py).
"""

from __future__ import annotations

import typer

from instapgids.cli.commands.shared import DataDirOption, app
from instapgids.language import N_


@app.command(
    rich_help_panel=N_("Voor het inhoudsteam"),
    help=N_("Controleer de inhoud (voor het inhoudsteam). Voorbeeld: instapgids validate --data-dir data"),
)
def validate(data_dir: DataDirOption = None) -> None:
    from instapgids.content.load import validate_content
    from instapgids.content.messages import counted
    from instapgids.language import _
    from instapgids.paths import data_dir as find_data_dir

    content = validate_content(find_data_dir(data_dir))
    g = content.guide.guide
    typer.echo(f"OK: {counted(content.counts())}.")
    guide = _("Gids: {title} v{version} ({date}); inhoud uit {folder}")
    typer.echo(guide.format(title=g.title, version=g.version, date=g.date, folder=content.directory))
    if not (content.directory / "en").is_dir():
        typer.echo(_("Geen Engelse teksten (geen map en/): de inhoud is er enkel in het Nederlands."))
