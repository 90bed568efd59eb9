"""The look-ups in the guide: the lots, systems, contacts, the journey, search and the glossary."""

from __future__ import annotations

from typing import Annotated

import typer

from instapgids.cli.commands.shared import ProfileOption, app
from instapgids.cli.lines import other_language, read_both, read_content
from instapgids.errors import UserError
from instapgids.language import N_, _

lots_app = typer.Typer(
    help=N_("De percelen (loten) en hun ICT-partners.\n\nVoorbeeld: instapgids lots show 5"),
    no_args_is_help=True,
    suggest_commands=False,
)
app.add_typer(lots_app, name="lots")


@lots_app.command("list", help=N_("Toon de percelen met hun ICT-partners.\n\nVoorbeeld: instapgids lots list"))
def lots_list() -> None:
    from instapgids.presentation.terminal.console import out
    from instapgids.presentation.terminal.lots import lots_table

    out().print(lots_table(read_content(in_language=True)))


@lots_app.command(
    "show",
    context_settings={"ignore_unknown_options": True},
    help=N_("Alles over één perceel.\n\nVoorbeeld: instapgids lots show 5"),
)
def lots_show(
    # Not named "lot": Typer shows an argument's type (TEXT) instead of a metavar that is its name in capitals,
    # and the English metavar is LOT.
    number: Annotated[
        str,
        typer.Argument(
            help=N_("Het nummer van het perceel (zie: instapgids lots list)."),
            metavar=N_("PERCEEL"),
            show_default=False,
        ),
    ],
) -> None:
    from instapgids.cli.lots import show_lot

    show_lot(number)


@app.command(help=N_("Alle systemen, of voor één systeem hoe u toegang krijgt.\n\nVoorbeeld: instapgids systems cmdb2"))
def systems(
    name: Annotated[
        str | None,
        typer.Argument(
            help=N_("Een systeem (naam of deel ervan), bv. ddc-dwh."), metavar=N_("[NAAM]"), show_default=False
        ),
    ] = None,
    profile: ProfileOption = None,
) -> None:
    from instapgids.cli.session import answers_of
    from instapgids.presentation.search import find_system
    from instapgids.presentation.terminal.console import out
    from instapgids.presentation.terminal.lookups import system_detail, systems_table

    content, dutch = read_both()
    if name is None:
        out().print(systems_table(content))
        return
    found = find_system(dutch, name) or find_system(content, name)  # a Dutch name, else an English gloss
    system = content.system_by_id[found.id] if found is not None else None
    if system is None:
        names = ", ".join(s.id for s in content.systems_file.systems)
        raise UserError(_("Geen systeem gevonden voor '{name}'. Kies een van: {names}.").format(name=name, names=names))
    out().print(system_detail(content, system, answers_of(dutch, profile)))


@app.command(help=N_("Wie u contacteert waarvoor.\n\nVoorbeeld: instapgids contacts"))
def contacts() -> None:
    from instapgids.presentation.terminal.console import out
    from instapgids.presentation.terminal.lookups import contacts_view

    out().print(contacts_view(read_content(in_language=True)))


@app.command(help=N_("De fases met hun stappen, ondersteuning en systemen.\n\nVoorbeeld: instapgids journey"))
def journey() -> None:
    from instapgids.presentation.terminal.console import out
    from instapgids.presentation.terminal.lookups import journey_view

    out().print(journey_view(read_content(in_language=True)))


@app.command(
    help=N_(
        "Zoek in percelen, stappen, systemen, rollen, contacten en documenten.\n\nVoorbeeld: instapgids search licentie"
    )
)
def search(
    term: Annotated[
        list[str],
        typer.Argument(help=N_("Waar u naar zoekt, bv. Redmine."), metavar=N_("ZOEKTERM..."), show_default=False),
    ],
) -> None:
    from instapgids.presentation.search import search as find
    from instapgids.presentation.terminal.console import out
    from instapgids.presentation.terminal.lookups import search_view

    text = " ".join(term)
    content, dutch = read_both()
    out().print(search_view(text, find(content, text, also=other_language(content, dutch))))


@app.command(
    help=N_("Wat een woord uit de gids betekent, of de hele woordenlijst.\n\nVoorbeeld: instapgids explain EWA")
)
def explain(
    term: Annotated[
        list[str] | None,
        typer.Argument(
            help=N_("Een term uit de gids, bv. EWA of 'digitale sleutels'."), metavar=N_("[TERM]"), show_default=False
        ),
    ] = None,
) -> None:
    from instapgids.content.glossary import lookup, near_misses
    from instapgids.presentation.terminal.console import out
    from instapgids.presentation.terminal.glossary import term_detail, terms_table, unknown_term_message

    content, dutch = read_both()
    if not term:
        out().print(terms_table(content))
        return
    text = " ".join(term)
    terms, names = content.glossary.terms, dutch.glossary.terms  # an English term also by its Dutch name
    found = lookup(terms, text, names)
    if found is None:
        raise UserError(unknown_term_message(text, near_misses(terms, text, dutch=names)))
    out().print(term_detail(content, found))
