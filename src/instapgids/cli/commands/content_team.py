"""The content team's command: ``validate`` checks the content, in its own group of ``--help``."""

from __future__ import annotations

import typer

from instapgids.cli.commands.shared import DataDirOption, app


@app.command(rich_help_panel="Voor het inhoudsteam")
def validate(data_dir: DataDirOption = None) -> None:
    """Controleer de inhoud (voor het inhoudsteam). Voorbeeld: instapgids validate --data-dir data"""
    from instapgids.content.load import validate_content
    from instapgids.paths import data_dir as find_data_dir

    content = validate_content(find_data_dir(data_dir))
    counts = ", ".join(f"{n} {what}" for what, n in content.counts().items())
    g = content.guide.guide
    typer.echo(f"OK: {counts}.")
    typer.echo(f"Gids: {g.title} v{g.version} ({g.date}); inhoud uit {content.directory}")
    if not (content.directory / "en").is_dir():
        typer.echo("Geen Engelse teksten (geen map en/): de inhoud is er enkel in het Nederlands.")
