"""The content team's command: ``validate`` checks the content, in its own group of ``--help``.

Its report stays Dutch in an English run: the content team works on the Dutch source (tests/test_language.py).
With ``--guide FILE`` it also checks that every fact can be traced to the guide (``content.provenance``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from instapgids.cli.commands.shared import DataDirOption, app
from instapgids.language import N_

if TYPE_CHECKING:
    from instapgids.content.bundle import Content
    from instapgids.content.provenance import Guide

GuideOption = Annotated[
    Path | None,
    typer.Option(
        "--guide",
        metavar=N_("BESTAND"),
        help=N_(
            "De gids als tekst (het bestand, of de map waarin het als enige .txt staat): meld elk adres, elke URL, "
            "elk telefoonnummer, elke naam tussen aanhalingstekens en elke sectie die niet in de gids staat, en "
            "welke secties niets citeert."
        ),
        show_default=False,
    ),
]


@app.command(
    rich_help_panel=N_("Voor het inhoudsteam"),
    help=N_("Controleer de inhoud (voor het inhoudsteam).\n\nVoorbeeld: instapgids validate --guide ../shared/source"),
)
def validate(data_dir: DataDirOption = None, guide: GuideOption = None) -> None:
    from instapgids.content.load import content_error, validate_content
    from instapgids.content.messages import counted
    from instapgids.content.provenance import load_decisions
    from instapgids.language import _
    from instapgids.paths import data_dir as find_data_dir

    read_guide = _read_guide(guide) if guide is not None else None  # a wrong file name: said at once
    content = validate_content(find_data_dir(data_dir))
    if problems := load_decisions(content.directory)[2]:  # provenance.yaml, when there is one
        raise content_error(problems)
    g = content.guide.guide
    typer.echo(f"OK: {counted(content.counts())}.")
    line = _("Gids: {title} v{version} ({date}); inhoud uit {folder}")
    typer.echo(line.format(title=g.title, version=g.version, date=g.date, folder=content.directory))
    if not (content.directory / "en").is_dir():
        typer.echo(_("Geen Engelse teksten (geen map en/): de inhoud is er enkel in het Nederlands."))
    if read_guide is not None and guide is not None:
        _provenance(content, read_guide, guide)


def _read_guide(guide_file: Path) -> Guide:
    from instapgids.content.provenance import Guide
    from instapgids.errors import UserError, os_reason
    from instapgids.language import _

    if guide_file.is_dir():  # a folder with the guide in it: its one .txt file
        found = sorted(guide_file.glob("*.txt"))
        if len(found) != 1:
            told = _("In de map '{folder}' staat niet precies één .txt-bestand ({count}); geef het bestand zelf op.")
            raise UserError(told.format(folder=guide_file, count=len(found)))
        guide_file = found[0]
    try:
        guide = Guide.read(guide_file)
    except (OSError, UnicodeDecodeError) as exc:
        reason = _(os_reason(exc, reading=True)) if isinstance(exc, OSError) else _("het bestand is geen UTF-8-tekst")
        raise UserError(_("Kan de gids '{file}' niet lezen: {reason}").format(file=guide_file, reason=reason)) from None
    if not guide.headings:
        problem = _("'{file}' lijkt niet op de gids: er staat geen enkele genummerde kop in.")
        raise UserError(problem.format(file=guide_file))
    return guide


def _provenance(content: Content, guide: Guide, guide_file: Path) -> None:
    """Every fact traceable to the guide: the coverage table, then every problem (exit 1), or OK."""
    from instapgids.content.load import content_error
    from instapgids.content.provenance import DECISIONS_FILE, check
    from instapgids.language import _

    directory = content.directory
    problems, table = check(directory, content, guide)
    cited = len(table.headings) - len(table.uncited())
    typer.echo(_("Dekking: {cited} van de {total} secties van de gids worden geciteerd.").format(
        cited=cited, total=len(table.headings)))  # fmt: skip
    uncited = table.uncited()
    if uncited:
        typer.echo(_("Niet geciteerd (beslissing in {file}):").format(file=DECISIONS_FILE))
        for number in uncited:
            decision = table.decisions.get(number)
            said = (
                (_("inhoud nodig") if decision.needs_content else _("geen inhoud nodig")) + ": " + decision.decision
                if decision is not None
                else _("nog geen beslissing")
            )
            typer.echo(f"  {number} {table.headings[number]}: {said}")
    if problems:
        raise content_error(problems, note=_("De gids: {file}").format(file=guide_file))
    typer.echo(_("Herkomst OK: elk adres, elke URL, elk telefoonnummer, elke naam en elke sectie staat in de gids."))
