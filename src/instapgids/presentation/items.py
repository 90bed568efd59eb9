"""What each checklist item says, shared by every renderer (terminal, Markdown, HTML, JSON).

Renderers decide the layout; this module decides what each item says, so the
terminal and the exported file never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from instapgids.content import models as m
from instapgids.content.bundle import Content
from instapgids.content.journey import Phase, Step
from instapgids.engine.checklist import Checklist, ChecklistItem, RoleLine, Status
from instapgids.language import N_, _
from instapgids.presentation.words import (
    ALWAYS,
    OUT_OF_ORDER,
    STATUS_WORDS,
    contact_text,
    dates_text,
    describe_reasons,
    document_text,
    role_texts,
)

EVERYONE = N_("Punten zonder 'Waarom' gelden voor elke nieuwe klant.")  # translated where used: _(EVERYONE)


@dataclass(frozen=True)
class ItemText:
    """Everything one checklist item says, as labelled lines, and the parts those lines are made of.

    ``contacts``, ``documents``, ``roles`` and ``waits_for`` are what the lines show, as data (a
    finished item shows none of them); ``reasons`` are the "Waarom" lines (``[ALWAYS]`` for an item
    that applies to everyone, which has no "Waarom" line of its own).
    """

    id: str
    title: str
    code: Status  # the status as a code, for layout decisions
    status: str  # the status in words
    details: list[str]
    fields: list[tuple[str, list[str]]]
    entry: ChecklistItem = field(compare=False, repr=False)
    everyone: bool = False  # applies to every customer: no "Waarom" of its own (see EVERYONE)
    reasons: list[str] = field(default_factory=list)
    contacts: tuple[m.Contact, ...] = ()
    documents: tuple[m.Document, ...] = ()
    roles: tuple[RoleLine, ...] = ()
    waits_for: tuple[str, ...] = ()
    dated: str | None = None  # when the user marked it, in words ("bezig sinds 12 dagen (2026-11-20)")
    follow_up: list[str] = field(default_factory=list)  # a mail of it unanswered too long: what to follow up
    out_of_order: bool = False  # marked done while it still waited for another item


def item_text(content: Content, checklist: Checklist, entry: ChecklistItem) -> ItemText:
    item = entry.item
    shown = entry.status != "done"  # a finished item says only why and where in the guide
    contacts = tuple(content.contact_by_id[c] for c in item.contacts) if shown else ()
    documents = tuple(content.document_by_id[d] for d in item.documents) if shown else ()
    roles = tuple(entry.roles) if shown else ()
    waits_for = tuple(entry.waits_for) if shown else ()
    fields: list[tuple[str, list[str]]] = []
    dated = dates_text(checklist, entry)
    if dated is not None:
        fields.append((_("Stand"), [dated]))
    follow_up = _follow_up_fields(content, checklist, entry)
    fields += follow_up
    if roles:
        label = _("Vraag aan uw lokale beheerder") if item.gathers_roles else _("Rechten en rollen")
        fields.append((label, role_texts(entry)))
    if contacts:
        fields.append((_("Contact"), [contact_text(c) for c in contacts]))
    if documents:
        fields.append((_("Documenten"), [document_text(d) for d in documents]))
    addresses = [content.system_by_id[s] for s in item.systems if content.system_by_id[s].url] if shown else []
    if addresses:
        fields.append((_("Adres"), [f"{system.name}: {system.url}" for system in addresses]))
    if waits_for:
        titles = {i.item.id: i.item.title for i in checklist.items()}
        fields.append((_("Wacht op"), [titles[i] for i in waits_for]))
    reasons = describe_reasons(content, checklist, entry)
    everyone = reasons == [_(ALWAYS)]
    if not everyone:
        fields.append((_("Waarom"), reasons))
    fields.append((_("Bron"), [f"§{item.section} {content.section_by_number[item.section].title}"]))
    return ItemText(
        id=item.id,
        title=item.title,
        code=entry.status,
        status=_(OUT_OF_ORDER) if entry.marked.out_of_order else _(STATUS_WORDS[entry.status]),
        details=list(entry.details) if shown else [],
        fields=fields,
        everyone=everyone,
        entry=entry,
        reasons=reasons,
        contacts=contacts,
        documents=documents,
        roles=roles,
        waits_for=waits_for,
        dated=dated,
        follow_up=follow_up[0][1] if follow_up else [],
        out_of_order=entry.marked.out_of_order,
    )


def _follow_up_fields(content: Content, checklist: Checklist, entry: ChecklistItem) -> list[tuple[str, list[str]]]:
    """A mail of this item that waited too long for an answer: say so, and that a reminder is ready."""
    from datetime import date

    from instapgids.engine.followups import overdue

    said = []
    for late in overdue(content, checklist) if entry.status == "doing" else []:
        if late.entry.item.id != entry.item.id:
            continue
        told = _(
            "al {days} werkdagen geen antwoord van {team} op uw mail van {date}; "
            "een herinnering staat klaar bij de mails"
        )
        team = content.contact_by_id[late.mail.to].name
        said.append(told.format(days=late.waited, team=team, date=f"{date.fromisoformat(late.since):%d-%m-%Y}"))
    return [(_("Opvolgen"), said)] if said else []


@dataclass
class StepText:
    """A step with its items, worded for a renderer."""

    step: Step
    items: list[ItemText]
    notes: list[ItemText] = field(default_factory=list)  # kind: note: shown as a note, without an id or status


@dataclass
class PhaseText:
    """A phase with its steps, worded for a renderer."""

    phase: Phase
    steps: list[StepText]

    def items(self) -> list[ItemText]:
        return [i for s in self.steps for i in s.items]


def walk(content: Content, checklist: Checklist) -> list[PhaseText]:
    """The one walk over phases, steps and items that every renderer follows, with what each item says."""
    return [
        PhaseText(
            p.phase,
            [
                StepText(
                    s.step,
                    [item_text(content, checklist, e) for e in s.items],
                    [item_text(content, checklist, e) for e in s.notes],
                )
                for s in p.steps
            ],
        )
        for p in checklist.phases
    ]


def all_items(phases: list[PhaseText]) -> Iterator[ItemText]:
    for phase in phases:
        yield from phase.items()


def heading_lines(content: Content, checklist: Checklist) -> list[tuple[str, str]]:
    """The checklist's heading as (label, value) pairs."""
    g = content.guide.guide
    lots = "; ".join(
        f"{lot.number} {lot.name} ({', '.join(p.name for p in lot.partners)})" for lot in checklist.lots
    ) or _("nog geen perceel gekozen")
    lines = [(_("Percelen"), lots)]
    kind = content.role_answer("organisation_kind", checklist.answers)
    question = content.organisation_kind_question
    if question and isinstance(kind, str):
        label = next((o.label for o in question.options if o.value == kind), kind)
        lines.append((_("Soort organisatie"), label))
    lines.append((_("Gids"), f"{g.title} v{g.version} ({g.date})"))
    return lines


def progress_counts(checklist: Checklist) -> tuple[int, int]:
    items = checklist.items()
    return sum(1 for i in items if i.status == "done"), len(items)
