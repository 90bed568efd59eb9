"""The personal checklist in the terminal (Rich)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from .content import Content
from .present import heading_lines, item_text, progress_counts
from .rules import Checklist, ChecklistItem

# The status is always written out in words too; the mark and colour only help the eye.
MARKS = {
    "niet gestart": ("[ ]", "bold"),
    "bezig": ("[~]", "bold yellow"),
    "klaar": ("[x]", "green"),
    "kan nog niet starten": ("[.]", "dim"),
}


def checklist_view(content: Content, checklist: Checklist) -> RenderableType:
    parts: list[RenderableType] = [Text(f"Checklist voor {checklist.organisation}", style="bold underline")]
    for label, value in heading_lines(content, checklist):
        line = Text(f"{label}: ", style="bold")
        line.append(value)
        parts.append(line)
    done, total = progress_counts(checklist)
    parts.append(Text(f"{total} punten, waarvan {done} klaar.", style="dim"))
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
    text = item_text(content, checklist, entry)
    mark, style = MARKS[text.status]
    head = Text(f"{mark} ", style=style)
    head.append(text.title, style="" if text.status == "klaar" else "bold")
    head.append(f"  ({text.status}, id: {text.id})", style="dim")
    body = Text()
    for detail in text.details:
        body.append("• ", style="cyan")
        body.append(detail + "\n")
    for label, values in text.fields:
        body.append(f"{label}: ", style="bold" if label != "Bron" else "dim")
        body.append("\n".join(values) if len(values) == 1 else "", style="dim" if label == "Bron" else "")
        for value in values if len(values) > 1 else []:
            body.append("\n  - " + value)
        body.append("\n")
    body.rstrip()
    return Padding(Group(head, Padding(body, (0, 0, 0, 4), expand=False)), (0, 0, 0, 2), expand=False)
