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
    from instapgids.paths import data_dir as find_data_dir

    content = validate_content(find_data_dir(data_dir))
    counts = ", ".join(f"{n} {what}" for what, n in content.counts().items())
    g = content.guide.guide
    typer.echo(f"OK: {counts}.")
    typer.echo(f"Gids: {g.title} v{g.version} ({g.date}); inhoud uit {content.directory}")
    if not (content.directory / "en").is_dir():
        typer.echo("Geen Engelse teksten (geen map en/): de inhoud is er enkel in het Nederlands.")
