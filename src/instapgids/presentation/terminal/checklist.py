"""The personal checklist in the terminal (Rich)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from instapgids.content.bundle import Content
from instapgids.engine.checklist import Checklist, ChecklistItem
from instapgids.presentation.items import heading_lines, item_text, progress_counts
from instapgids.presentation.words import organisation_name

# The status is always written out in words too; the mark and colour only help the eye.
MARKS = {"open": ("[ ]", "bold"), "doing": ("[~]", "bold yellow"), "done": ("[x]", "green"), "blocked": ("[.]", "dim")}


def checklist_view(content: Content, checklist: Checklist) -> RenderableType:
    parts: list[RenderableType] = [Text(f"Checklist voor {organisation_name(checklist)}", style="bold underline")]
    for label, value in heading_lines(content, checklist):
        line = Text(f"{label}: ", style="bold")
        line.append(value)
        parts.append(line)
    done, total = progress_counts(checklist)
    parts.append(Text(f"{total} {'punt' if total == 1 else 'punten'}, waarvan {done} klaar.", style="dim"))
    for phase_view in checklist.phases:
        phase = phase_view.phase
        parts.append(Text(""))
        parts.append(Rule(Text(f"Fase {phase.number}: {phase.title}", style="bold cyan"), align="left", style="cyan"))
        for step_view in phase_view.steps:
            step = step_view.step
            title = Text(f"Stap {step.number}: {step.title}", style="bold")
            title.append(f"  §{step.section}", style="dim")
            parts.append(title)
            for entry in step_view.items:
                parts.append(_item(content, checklist, entry))
    return Group(*parts)


def _item(content: Content, checklist: Checklist, entry: ChecklistItem) -> RenderableType:
    """One item: a head line with mark, title, status and id; then details and fields with hanging indents."""
    text = item_text(content, checklist, entry)
    mark, style = MARKS[text.code]
    head = Table.grid(padding=(0, 1))
    head.add_column(no_wrap=True)
    head.add_column()
    title = Text(text.title, style="" if text.code == "done" else "bold")
    title.append(f"  ({text.status}, id: {text.id})", style="dim")
    head.add_row(Text(mark, style=style), title)

    details = Table.grid(padding=(0, 1))
    details.add_column(no_wrap=True)
    details.add_column()
    for detail in text.details:
        details.add_row(Text("•", style="cyan"), detail)
    body = Table.grid(padding=(0, 1))
    body.add_column(no_wrap=True)
    body.add_column()
    for label, values in text.fields:
        dim = label == "Bron"
        shown = values[0] if len(values) == 1 else "\n".join(f"- {v}" for v in values)
        body.add_row(Text(f"{label}:", style="dim" if dim else "bold"), Text(shown, style="dim" if dim else ""))
    inner = Group(details, body) if text.details else body
    return Padding(Group(head, Padding(inner, (0, 0, 0, 4), expand=False)), (0, 0, 0, 2), expand=False)
