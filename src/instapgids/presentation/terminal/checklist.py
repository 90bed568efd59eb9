"""The personal checklist in the terminal: plain lines, wrapped here with hanging indents.

No Rich tables or padding: a checklist of thirty items is a few hundred lines, and measuring nested
tables took most of the time of `instapgids checklist`. Each line is a :class:`Line` (a Rich ``Text`` only
when a Rich console prints it) that is never wrapped again (the console's width is passed in).
"""

from __future__ import annotations

from instapgids.content.bundle import Content
from instapgids.engine.checklist import Checklist
from instapgids.language import _
from instapgids.presentation.items import EVERYONE, ItemText, all_items, heading_lines, progress_counts, walk
from instapgids.presentation.terminal.line import Line, between_words
from instapgids.presentation.words import NOTE, organisation_name

# The longest field label the values are aligned after; under a longer one its values start on the next line.
LONG_LABEL = 20

# The status is always written out in words too; the mark and colour only help the eye.
MARKS = {"open": ("[ ]", "bold"), "doing": ("[~]", "bold yellow"), "done": ("[x]", "green"), "blocked": ("[.]", "dim")}


def wrapped(text: str, width: int, first: Line | str, rest: str, style: str = "") -> list[Line]:
    """``text`` wrapped to ``width``, after ``first`` on the first line and ``rest`` on the others (each line
    filled to the width: ``rest`` may be narrower than ``first``, as under 'id: status — ')."""
    head = Line(first) if isinstance(first, str) else first
    lead = " " * min(len(head), width - 20)  # at least 20 columns of text on the first line
    pieces = between_words(text, max(width, len(lead) + 20), lead, rest) or [lead]  # a long word runs past
    if len(pieces[0]) > width and len(lead) > len(rest):
        under = between_words(text, width, rest, rest)
        if len(under[0]) <= width:  # its first word (a command) does not fit after the head, but on its own line
            return [Line(head.plain.rstrip(), head.style, head.spans), *(Line(piece, style) for piece in under)]
    lines = [head + Line(pieces[0][len(lead) :], style)]
    return lines + [Line(piece, style) for piece in pieces[1:]]


def item_lines(text: ItemText, width: int, indent: int = 2, fold: bool = True) -> list[Line]:
    """One item: a head line (mark, title, status, id); unless done and ``fold``, its details and fields."""
    mark, style = MARKS[text.code]
    inner = " " * (indent + len(mark) + 1)
    head = Line.assemble(" " * indent, (mark, style), " ")
    title = f"{text.title}  ({text.status}, id: {text.id})"
    lines = wrapped(title, width, head, inner)
    if len(lines) == 1:  # the usual case: the title bold, the status dim
        lines = [
            head + Line(text.title, "" if text.code == "done" else "bold") + Line(title[len(text.title) :], style="dim")
        ]
    if text.code == "done" and fold:
        return lines
    for detail in text.details:
        lines += wrapped(detail, width, inner + "• ", inner + "  ")
    lines += field_lines(text.fields, width, inner)
    return lines


def note_lines(text: ItemText, width: int, indent: int = 2) -> list[Line]:
    """A note: "Let op:" and its title, then its details; no mark, status or id (there is nothing to tick off)."""
    label = _(NOTE) + " "
    inner = " " * (indent + 2)
    lines = wrapped(
        f"{text.title}  (§{text.entry.item.section})", width, Line(" " * indent) + Line(label, "bold yellow"), inner
    )
    for detail in [*text.details, *text.reasons]:  # what to keep in mind, and why it applies
        lines += wrapped(detail, width, inner + "• ", inner + "  ")
    return lines


def field_lines(fields: list[tuple[str, list[str]]], width: int, inner: str) -> list[Line]:
    """An item's fields, each value after its label; the labels that fit (``LONG_LABEL``) are aligned, and
    under a longer one (English "Ask your local administrator") its values start on the next line."""
    label_width = max((len(label) for label, _ in fields if len(label) <= LONG_LABEL), default=0) + 2
    lines: list[Line] = []
    for label, values in fields:
        style = "dim" if label == _("Bron") else ""
        if len(label) > LONG_LABEL:
            lines.append(Line(inner) + Line(f"{label}:", style=style or "bold"))
            gap = "  "
            lead = Line(gap)
        else:
            gap = " " * label_width
            lead = Line(f"{label}:".ljust(label_width), style=style or "bold")
        if len(values) == 1:
            lines += wrapped(values[0], width, Line(inner) + lead, inner + gap, style)
            continue
        for n, value in enumerate(values):
            first = Line(inner) + (lead if n == 0 else Line(gap)) + Line("- ")
            lines += wrapped(value, width, first, inner + gap + "  ", style)
    return lines


def checklist_lines(content: Content, checklist: Checklist, width: int) -> list[Line]:
    title = _("Checklist voor {name}").format(name=organisation_name(checklist))
    lines: list[Line] = [Line(title, style="bold underline")]
    for label, value in heading_lines(content, checklist):
        lines += wrapped(value, width, Line(f"{label}: ", "bold"), " " * (len(label) + 2))
    done, total = progress_counts(checklist)
    phases = walk(content, checklist)
    counted = _("{total} punt, waarvan {done} klaar.") if total == 1 else _("{total} punten, waarvan {done} klaar.")
    note = counted.format(total=total, done=done)
    if any(i.everyone for i in all_items(phases)):
        note += " " + _(EVERYONE)
    lines += wrapped(note, width, "", "", "dim")
    for phase in phases:
        lines.append(Line(""))
        title = _("Fase {number}: {title}").format(number=phase.phase.number, title=phase.phase.title) + " "
        lines.append(Line(title, "bold cyan") + Line("─" * max(0, width - len(title)), style="cyan"))
        for step in phase.steps:
            heading = _("Stap {number}: {title}").format(number=step.step.number, title=step.step.title)
            lines += wrapped(f"{heading}  §{step.step.section}", width, "", "", "bold")
            for item in step.items:
                lines += item_lines(item, width)
            for kept in step.notes:
                lines += note_lines(kept, width)
    return lines
