"""Terminal views of the lots (percelen): the overview table and one lot in full."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from instapgids.content import models as m
from instapgids.content.bundle import Content
from instapgids.language import N_, _
from instapgids.presentation.terminal.hanging import Hanging

NUMBER_WORDS = (
    N_("nul"), N_("één"), N_("twee"), N_("drie"), N_("vier"), N_("vijf"), N_("zes"),
    N_("zeven"), N_("acht"), N_("negen"), N_("tien"), N_("elf"), N_("twaalf"),
)  # fmt: skip


def count_word(number: int) -> str:
    """A count from the content as a word ("zes", "six"), or in digits from 13 on."""
    return _(NUMBER_WORDS[number]) if 0 <= number < len(NUMBER_WORDS) else str(number)


def cite(section: str) -> str:
    return f"§{section}"


def name_heading(name: str, section: str, aliases: list[str]) -> list[RenderableType]:
    """A named thing's heading for a detail page: its name in bold with the section, then its other names."""
    title = Text(name, style="bold")
    title.append(f"  ({cite(section)})", style="dim")
    parts: list[RenderableType] = [title]
    if aliases:
        parts.append(Text(_("Ook: {names}").format(names=", ".join(aliases)), style="italic"))
    return parts


def source_line(content: Content) -> Text:
    g = content.guide.guide
    return Text(
        _("Bron: {title} v{version} ({date})").format(title=g.title, version=g.version, date=g.date), style="dim"
    )


def partners(lot: m.Lot) -> str:
    return ", ".join(p.name for p in lot.partners)


def lots_table(content: Content) -> RenderableType:
    title = _("De {count} percelen van de ICT-raamcontracten 2022").format(count=count_word(len(content.lots)))
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column(_("Nr"), justify="right", no_wrap=True)
    longest = max(len(lot.name) for lot in content.lots)
    table.add_column(_("Perceel en ICT-partner(s)"), min_width=min(longest, 28))
    table.add_column(_("Samenvatting"), min_width=20)
    for lot in sorted(content.lots, key=lambda x: x.number):
        cell = Text(lot.name, style="bold")
        cell.append("\n" + partners(lot))
        table.add_row(str(lot.number), cell, lot.summary)
    hint = Text(_("Meer over één perceel: instapgids lots show <nummer>"), style="dim")
    return Group(table, Hanging("", hint), source_line(content))


def heading(title: str) -> Rule:
    return Rule(Text(title, style="bold cyan"), align="left", style="cyan")


def bullet(indent: int = 0) -> Text:
    return Text(" " * indent) + Text("• ", style="cyan")


def bullets(lines: list[str], indent: int = 2) -> Group:
    """One bullet a line; a wrapped line goes on under its text."""
    return Group(*(Hanging(bullet(indent), line) for line in lines))


def point(text: str, section: str) -> Hanging:
    """A bullet at the margin with its section from the guide; a wrapped line goes on under its text."""
    line = Text(text)
    line.append(f"  ({cite(section)})", style="dim")
    return Hanging(bullet(), line)


def lot_detail(content: Content, lot: m.Lot) -> RenderableType:
    parts: list[RenderableType] = []
    title = Text(_("Perceel {number}: {name}").format(number=lot.number, name=lot.name), style="bold")
    title.append(f"  ({cite(lot.section)})", style="dim")
    parts.append(title)
    label = _("ICT-partner: ") if len(lot.partners) == 1 else _("ICT-partners: ")
    who = Text(label, style="bold")
    who.append("; ".join(p.name + (f" ({p.note})" if p.note else "") for p in lot.partners))
    parts += [who, Text(lot.summary, style="italic"), Text("")]

    parts.append(heading(_("Wat dit perceel omvat")))
    parts.append(Text(lot.description))
    for domain in lot.domains:
        parts.append(Text(domain.title, style="bold"))
        if domain.summary:
            parts.append(Padding(Text(domain.summary), (0, 0, 0, 2), expand=False))
        if domain.bullets:
            parts.append(bullets(domain.bullets))

    parts.append(heading(_("Soorten dienstverlening in dit perceel")))
    for entry in lot.service_types:
        service = content.service_type_by_id[entry.type]
        line = Text(f"{service.name}: ", style="bold")
        line.append(entry.note)
        line.append(f"  ({cite(entry.section)})", style="dim")
        parts.append(line)

    if lot.how_to_start:
        parts.append(heading(_("Zo gaat u van start")))
        parts += [point(p.text, p.section) for p in lot.how_to_start]

    parts.append(heading(_("Specifieke systemen")))
    if lot.systems:
        for system_id in lot.systems:
            system = content.system_by_id[system_id]
            parts.append(point(f"{system.name}: {system.purpose}", system.section))
    else:
        parts.append(
            Text(
                _(
                    "Geen systemen die alleen voor dit perceel gelden; de gemeenschappelijke "
                    "systemen staan in de checklist (instapgids start)."
                )
            )
        )

    if lot.documents:
        parts.append(heading(_("Documenten")))
        for doc_id in lot.documents:
            doc = content.document_by_id[doc_id]
            line = Text(doc.title)
            line.append(f"  {doc.url}" if doc.url else f" — {doc.where}", style="dim")
            parts.append(Hanging(bullet(), line))
    parts += [Text(""), source_line(content)]
    return Group(*parts)


def unknown_lot_message(content: Content, given: str) -> str:
    valid = ", ".join(f"{lot.number} ({lot.name})" for lot in sorted(content.lots, key=lambda x: x.number))
    return _("Perceel '{given}' bestaat niet. Kies een van: {valid}.").format(given=given, valid=valid)
