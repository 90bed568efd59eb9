"""The command line: thin Typer commands over content, rules and renderers.

Heavy modules (pydantic, PyYAML, Rich, questionary) are imported inside the
commands that use them, so that ``--version`` and ``--help`` start fast.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import click
import typer
import typer.core

from instapgids import __version__
from instapgids.errors import UserError
from instapgids.language import N_

if TYPE_CHECKING:
    from instapgids.content.bundle import Content

# The commands in the order a customer meets them; the content team's `validate` last, in its own group.
HELP_ORDER = ["start", "next", "checklist", "done", "status", "mails", "lots", "doing", "undo", "profiles"]
HELP_ORDER += ["systems", "contacts", "journey", "search", "validate"]


class _Ordered(typer.core.TyperGroup):
    def list_commands(self, ctx: click.Context) -> list[str]:
        names = super().list_commands(ctx)
        return sorted(names, key=lambda n: HELP_ORDER.index(n) if n in HELP_ORDER else len(HELP_ORDER))


app = typer.Typer(
    name="instapgids",
    cls=_Ordered,
    help="Instapgids ICT-raamcontracten 2022: van de gids naar uw persoonlijke checklist.",
    no_args_is_help=True,
    add_completion=True,
    suggest_commands=False,  # click suggests already, in Dutch (cli/locale)
    pretty_exceptions_enable=False,
)
lots_app = typer.Typer(help="De percelen (loten) en hun ICT-partners.", no_args_is_help=True, suggest_commands=False)
app.add_typer(lots_app, name="lots")

DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        metavar="MAP",
        help="Map met de inhoud (YAML) in plaats van de meegeleverde; ook via INSTAPGIDS_DATA_DIR.",
        show_default=False,
    ),
]


def _content(data_dir: Path | None = None, use_cache: bool = True, *, in_language: bool = False) -> Content:
    """The content; with ``in_language``, in the language of this run (``--lang``), else Dutch."""
    from instapgids.content.load import load_content
    from instapgids.language import current
    from instapgids.paths import data_dir as find_data_dir

    language = current() if in_language else "nl"
    return load_content(find_data_dir(data_dir), use_cache=use_cache, language=language)


def _both() -> tuple[Content, Content]:
    """The content in the language of this run, and in Dutch (the same object when that is Dutch)."""
    content = _content(in_language=True)
    return content, (content if _is_dutch() else _content())


def _other(content: Content, dutch: Content) -> Content:
    """The content in the other language: search finds English and Dutch words in either language."""
    from instapgids.content.load import load_content

    return dutch if content is not dutch else load_content(dutch.directory, language="en")


def _is_dutch() -> bool:
    from instapgids.language import current

    return current() == "nl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"instapgids {__version__}")
        raise typer.Exit()


def _language(value: str | None) -> str | None:
    import os

    from instapgids import language

    try:  # the environment was reported (if wrong) when cli.main chose the language; here only --lang
        chosen = language.choose(value, os.environ, warn=lambda _: None)
        language.use(chosen, explicit=language.asked(value, os.environ))
    except language.UnknownLanguage as exc:
        raise typer.BadParameter(f"'{exc.value}' is geen taal van instapgids. Kies uit: nl, en.") from None
    return value


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Toon het versienummer."),
    ] = False,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="TAAL",
            callback=_language,
            help=N_("Taal van de uitvoer: nl of en (ook INSTAPGIDS_LANG)."),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Instapgids ICT-raamcontracten 2022: van de gids naar uw persoonlijke checklist."""


@lots_app.command("list")
def lots_list() -> None:
    """Toon de percelen met hun ICT-partners. Voorbeeld: instapgids lots list"""
    from instapgids.presentation.terminal.console import out
    from instapgids.presentation.terminal.lots import lots_table

    out().print(lots_table(_content(in_language=True)))


@lots_app.command("show", context_settings={"ignore_unknown_options": True})
def lots_show(
    lot: Annotated[
        str,
        typer.Argument(
            help="Het nummer van het perceel (zie: instapgids lots list).",
            metavar="PERCEEL",
            show_default=False,
        ),
    ],
) -> None:
    """Alles over één perceel. Voorbeeld: instapgids lots show 5"""
    from instapgids.presentation.terminal.console import out
    from instapgids.presentation.terminal.lots import lot_detail, unknown_lot_message

    content = _content(in_language=True)
    number = int(lot) if lot.strip().isdecimal() and lot.strip().isascii() else None
    chosen = content.lot_by_number.get(number) if number is not None else None
    if chosen is None:
        raise UserError(unknown_lot_message(content, lot))
    out().print(lot_detail(content, chosen))


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


ProfileOption = Annotated[
    str | None,
    typer.Option(
        "--profile",
        "-p",
        metavar="PROFIEL",
        help="Een profiel: een naam (bv. 'gemeente-x') of een pad naar een YAML-bestand. "
        "Zonder deze optie: uw standaardprofiel.",
        show_default=False,
    ),
]


@app.command()
def start(
    profile: ProfileOption = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="BESTAND",
            help="Lees de antwoorden uit dit YAML-bestand in plaats van vragen te stellen (zie examples/).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Beantwoord enkele vragen en krijg uw persoonlijke checklist. Voorbeeld: instapgids start"""
    from instapgids import language
    from instapgids.cli.start import run_interview, run_with_answers
    from instapgids.store.profiles import profile_path, read_profile

    content = _content()
    if answers is not None:
        run_with_answers(content, profile, answers)
        return
    if not language.explicit() and (path := profile_path(profile)).exists():
        with contextlib.suppress(UserError):  # the session reports a profile that cannot be read
            language.use(read_profile(path, content, strict=False).language)  # goes on in its language
    run_interview(content, profile)


@app.command()
def checklist(
    profile: ProfileOption = None,
    export: Annotated[
        str | None,
        typer.Option(
            "--export",
            "-e",
            metavar="FORMAAT",
            help="Exporteer in dit formaat: md (Markdown), html (één webpagina) of json.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="BESTAND",
            help="Bestand voor de export, of '-' voor het scherm (standaard).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overschrijf een bestaand exportbestand.")] = False,
) -> None:
    """Toon de checklist van een bewaard profiel, of exporteer ze.

    Voorbeeld: instapgids checklist --export md -o checklist.md
    """
    from instapgids.cli.session import show_checklist

    show_checklist(_content(), profile, export, output, force)


@app.command("next")
def next_step(profile: ProfileOption = None) -> None:
    """Wat u nu kunt doen: de eerste stappen, volledig uitgeschreven. Voorbeeld: instapgids next"""
    from instapgids.cli.session import show_next

    show_next(_content(), profile)


@app.command()
def profiles() -> None:
    """Alle profielen in de profielmap, wie het langst stilstaat eerst (voor wie veel klanten begeleidt).

    Voorbeeld: instapgids profiles
    """
    from instapgids.cli.overview import overview, profile_folder
    from instapgids.presentation.terminal.console import out, show
    from instapgids.presentation.terminal.profiles import profiles_lines

    show(profiles_lines(overview(_content()), str(profile_folder()), out().width))


@app.command()
def systems(
    name: Annotated[
        str | None,
        typer.Argument(help="Een systeem (naam of deel ervan), bv. ddc-dwh.", metavar="[NAAM]", show_default=False),
    ] = None,
    profile: ProfileOption = None,
) -> None:
    """Alle systemen, of voor één systeem hoe u toegang krijgt. Voorbeeld: instapgids systems cmdb2"""
    from instapgids.cli.session import org_kind_of
    from instapgids.presentation.search import find_system
    from instapgids.presentation.terminal.console import out
    from instapgids.presentation.terminal.lookups import system_detail, systems_table

    content, dutch = _both()
    if name is None:
        out().print(systems_table(content))
        return
    found = find_system(dutch, name) or find_system(content, name)  # a Dutch name, else an English gloss
    system = content.system_by_id[found.id] if found is not None else None
    if system is None:
        names = ", ".join(s.id for s in content.systems_file.systems)
        raise UserError(f"Geen systeem gevonden voor '{name}'. Kies een van: {names}.")
    out().print(system_detail(content, system, org_kind_of(dutch, profile)))


@app.command()
def contacts() -> None:
    """Wie u contacteert waarvoor. Voorbeeld: instapgids contacts"""
    from instapgids.presentation.terminal.console import out
    from instapgids.presentation.terminal.lookups import contacts_view

    out().print(contacts_view(_content(in_language=True)))


@app.command()
def journey() -> None:
    """De fases met hun stappen, ondersteuning en systemen. Voorbeeld: instapgids journey"""
    from instapgids.presentation.terminal.console import out
    from instapgids.presentation.terminal.lookups import journey_view

    out().print(journey_view(_content(in_language=True)))


@app.command()
def search(
    term: Annotated[
        list[str], typer.Argument(help="Waar u naar zoekt, bv. Redmine.", metavar="ZOEKTERM...", show_default=False)
    ],
) -> None:
    """Zoek in percelen, stappen, systemen, rollen, contacten en documenten. Voorbeeld: instapgids search licentie"""
    from instapgids.presentation.search import search as find
    from instapgids.presentation.terminal.console import out
    from instapgids.presentation.terminal.lookups import search_view

    text = " ".join(term)
    content, dutch = _both()
    out().print(search_view(text, find(content, text, also=_other(content, dutch))))


@app.command()
def explain(
    term: Annotated[
        list[str] | None,
        typer.Argument(
            help="Een term uit de gids, bv. EWA of 'digitale sleutels'.", metavar="[TERM]", show_default=False
        ),
    ] = None,
) -> None:
    """Wat een woord uit de gids betekent, of de hele woordenlijst. Voorbeeld: instapgids explain EWA"""
    from instapgids.content.glossary import lookup, near_misses
    from instapgids.presentation.terminal.console import out
    from instapgids.presentation.terminal.glossary import term_detail, terms_table, unknown_term_message

    content = _content()
    if not term:
        out().print(terms_table(content))
        return
    text = " ".join(term)
    found = lookup(content.glossary.terms, text)
    if found is None:
        raise UserError(unknown_term_message(text, near_misses(content.glossary.terms, text)))
    out().print(term_detail(content, found))


ItemIds = Annotated[
    list[str], typer.Argument(help="Eén of meer ids van checklistpunten.", metavar="ID...", show_default=False)
]


@app.command()
def done(ids: ItemIds, profile: ProfileOption = None) -> None:
    """Duid checklistpunten aan als klaar. Voorbeeld: instapgids done ddc-dms-toegang"""
    from instapgids.cli.session import mark

    mark(_content(), profile, ids, "done")


@app.command()
def doing(ids: ItemIds, profile: ProfileOption = None) -> None:
    """Duid checklistpunten aan als bezig. Voorbeeld: instapgids doing lokale-beheerder-aanvraag"""
    from instapgids.cli.session import mark

    mark(_content(), profile, ids, "doing")


@app.command()
def undo(ids: ItemIds, profile: ProfileOption = None) -> None:
    """Zet checklistpunten terug op niet gestart. Voorbeeld: instapgids undo ddc-dms-toegang"""
    from instapgids.cli.session import mark

    mark(_content(), profile, ids, None)


@app.command()
def status(profile: ProfileOption = None) -> None:
    """Uw voortgang per fase en wat u nu kunt doen. Voorbeeld: instapgids status"""
    from instapgids.cli.session import show_status

    show_status(_content(), profile)


@app.command()
def mails(
    profile: ProfileOption = None,
    export: Annotated[
        str | None,
        typer.Option(
            "--export", "-e", metavar="FORMAAT", help="Schrijf de mails als bestanden: eml.", show_default=False
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="MAP", help="De map voor de .eml-bestanden.", show_default=False),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overschrijf bestaande bestanden.")] = False,
) -> None:
    """De mails die u moet sturen, klaar om te versturen. Voorbeeld: instapgids mails --export eml -o mails"""
    from instapgids.cli.session import show_mails

    show_mails(_content(), profile, export, output, force)
