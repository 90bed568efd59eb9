"""Terminal views of the look-ups: systems, contacts, the journey (phase matrix) and search results."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from instapgids.content import models as m
from instapgids.content.bundle import Content
from instapgids.content.questions import Answers
from instapgids.engine.conditions import holds, needed_lots
from instapgids.errors import visible
from instapgids.language import _
from instapgids.presentation.search import Hit
from instapgids.presentation.terminal.hanging import Hanging
from instapgids.presentation.terminal.lots import bullets, cite, count_word, heading, name_heading, point, source_line
from instapgids.presentation.words import contact_text, document_text


def _names(content: Content, ids: list[str], kind: str) -> str:
    if kind == "contact":
        return ", ".join(content.contact_by_id[i].name for i in ids)
    return ", ".join(content.system_by_id[i].name for i in ids)


def systems_table(content: Content) -> RenderableType:
    table = Table(title=_("Systemen"), title_justify="left")
    table.add_column(_("Systeem"), style="bold")
    table.add_column(_("Voor"))
    table.add_column(_("Fase"), no_wrap=True)
    table.add_column(_("Waarvoor"))
    for s in content.systems_file.systems:
        scope = _("alle klanten") if s.scope == "gemeenschappelijk" else _("perceel {number}").format(number=s.lot)
        if s.optional:
            scope = _("{scope} (optioneel)").format(scope=scope)
        phases = ", ".join(str(content.phase_by_id[p].number) for p in s.phases)
        table.add_row(s.name, scope, phases, s.purpose)
    hint = Text(_("Meer over één systeem en hoe u toegang krijgt: instapgids systems <naam>"), style="dim")
    return Group(table, Hanging("", hint), source_line(content))


def _system_intro(system: m.System) -> list[RenderableType]:
    """The system's name and source, other names, purpose, what it offers and what it needs first."""
    parts = name_heading(system.name, system.section, system.aliases)
    parts.append(Text(system.purpose))
    if system.optional_note:
        parts.append(Text(system.optional_note, style="italic"))
    if system.features:
        parts += [heading(_("Wat u er vindt")), bullets(system.features)]
    if system.prerequisites:
        parts += [heading(_("Wat u eerst nodig heeft")), bullets(system.prerequisites)]
    return parts


def _procedures_for(content: Content, system: m.System, answers: Answers | None) -> list[m.Procedure]:
    """The ways to get access that apply to these answers; all of them when none does (or no answers)."""
    if answers is not None:
        lots = needed_lots(content, answers)
        mine = [p for p in system.access if holds(p.when, answers, lots)]
        if mine:
            return mine
    return system.access


def _access(content: Content, system: m.System, answers: Answers | None) -> list[RenderableType]:
    """How to get access: each procedure with its numbered steps."""
    procedures = _procedures_for(content, system, answers)
    if not procedures:
        return []
    parts: list[RenderableType] = [heading(_("Zo krijgt u toegang"))]
    if answers is not None and procedures != system.access:
        parts.append(Text(_("Voor uw organisatie (uit uw profiel)."), style="dim"))
    for proc in procedures:
        label = Text(proc.label, style="bold")
        label.append(f"  ({cite(proc.section)})", style="dim")
        parts.append(label)
        parts += [Hanging(f"  {n}. ", step) for n, step in enumerate(proc.steps, 1)]
    return parts


def _rights(content: Content, system: m.System) -> list[RenderableType]:
    """The rights on the system, who grants each and its roles."""
    if not system.rights:
        return []
    parts: list[RenderableType] = [heading(_("Rechten en rollen"))]
    for right_id in system.rights:
        right = content.right_by_id[right_id]
        who = content.contact_by_id[right.granted_by].name if right.granted_by else _("de gids zegt niet wie")
        line = _("Recht '{name}' (toegekend door: {who})").format(name=right.name, who=who)
        roles = ", ".join(f"'{r.name}'" for r in right.roles)
        if len(right.roles) == 1:  # the Dutch says "rollen" for one role too (the golden files pin it)
            line = _("{right}: rollen {role}").format(right=line, role=roles)
        elif right.roles:
            line = _("{right}: rollen {roles}").format(right=line, roles=roles)
        parts.append(point(line, right.section))
    return parts


def system_detail(content: Content, system: m.System, answers: Answers | None) -> RenderableType:
    parts = [*_system_intro(system), *_access(content, system, answers), *_rights(content, system)]
    if system.contacts:
        parts += [heading(_("Contact")), bullets([contact_text(content.contact_by_id[c]) for c in system.contacts])]
    if system.documents:
        parts += [
            heading(_("Documenten")),
            bullets([document_text(content.document_by_id[d]) for d in system.documents]),
        ]
    if system.url:
        parts.append(Text(_("Adres: {url}").format(url=system.url)))
    parts += [Text(""), source_line(content)]
    return Group(*parts)


def contacts_view(content: Content) -> RenderableType:
    parts: list[RenderableType] = [Text(_("Wie contacteert u waarvoor?"), style="bold underline")]
    for c in content.contacts_file.contacts:
        head = Text(c.name, style="bold")
        head.append("  (" + ", ".join(cite(s) for s in c.sections) + ")", style="dim")
        parts.append(head)
        reach = contact_text(c).removeprefix(c.name).removeprefix(" — ")
        if reach:
            parts.append(Hanging("  ", reach))
        parts.append(bullets(c.purposes, indent=4))
    support = content.guide.support
    parts += [heading(_("Ondersteuning na de onboarding")), Text(support.summary)]
    parts.append(bullets([f"{f.name}: {f.description}" for f in support.portal_functions]))
    parts += [Text(support.contact_list), point(support.fora_summary, support.fora[0].section)]
    parts += [bullets([forum.name for forum in support.fora]), Text(support.fora_reports)]
    other = content.guide.other_services
    parts += [heading(_("Overige diensten van Digitaal Vlaanderen")), point(other.summary, other.section)]
    parts.append(bullets(other.categories))
    parts += [Text(""), source_line(content)]
    return Group(*parts)


def journey_view(content: Content) -> RenderableType:
    parts: list[RenderableType] = [
        Text(
            _("De klantreis in {count} fases").format(count=count_word(len(content.journey.phases))),
            style="bold underline",
        ),
        Text(content.journey.summary),
    ]
    for phase in content.journey.phases:
        title = _("Fase {number}: {title}").format(number=phase.number, title=phase.title)
        parts += [heading(title), Text(phase.summary, style="italic")]
        for step in phase.steps:
            parts.append(point(_("Stap {number}: {title}").format(number=step.number, title=step.title), step.section))
        parts.append(Text.assemble((_("Ondersteuning: "), "bold"), _names(content, phase.support, "contact") or "—"))
        parts.append(Text.assemble((_("Systemen: "), "bold"), _names(content, phase.systems, "system") or "—"))
    matrix_gaps = [g for g in content.guide.gaps if "matrix" in g.note.lower()]
    for gap in matrix_gaps:
        note = _("Let op: {note} ({section})").format(note=gap.note, section=cite(gap.section))
        parts.append(Text("\n" + note, style="dim"))
    parts += [Text(""), source_line(content)]
    return Group(*parts)


def search_view(term: str, hits: list[Hit]) -> RenderableType:
    term = visible(term)  # typed on the command line: shown as text, a control character included
    if not hits:
        return Text(_("Niets gevonden voor '{term}'. Probeer een ander of korter woord.").format(term=term))
    found = _("1 resultaat voor '{term}':") if len(hits) == 1 else _("{count} resultaten voor '{term}':")
    parts: list[RenderableType] = [Text(found.format(count=len(hits), term=term), style="bold")]
    for hit in hits:
        line = Text(f"[{_(hit.kind)}] ", style="cyan")
        line.append(hit.title, style="bold")
        line.append(f"  ({cite(hit.section)})", style="dim")
        parts += [line, Hanging("    ", hit.snippet, style="dim")]
    return Group(*parts)
