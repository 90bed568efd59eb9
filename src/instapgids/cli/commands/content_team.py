"""The content team's command: ``validate`` checks the content, in its own group of ``--help``."""

from __future__ import annotations

import typer

from instapgids.cli.commands.shared import DataDirOption, app


@app.command(rich_help_panel="Voor het inhoudsteam")
def validate(data_dir: DataDirOption = None) -> None:
    """Controleer de inhoud (voor het inhoudsteam). Voorbeeld: instapgids validate --data-dir data"""
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
