"""`instapgids status`: progress per phase as bars, and what can be started now."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from instapgids.content.bundle import Content
from instapgids.engine.checklist import Checklist
from instapgids.language import _
from instapgids.presentation.words import STATUS_WORDS, doing_words, organisation_name

BAR_WIDTH = 20


def bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    filled = round(width * done / total) if total else width
    return "█" * filled + "░" * (width - filled)


def status_view(content: Content, checklist: Checklist, next_count: int = 3, flag: str = "") -> RenderableType:
    """``flag``: the ``--profile`` option to repeat in the commands shown ("" for the standard profile)."""
    parts: list[RenderableType] = [
        Text(_("Voortgang voor {name}").format(name=organisation_name(checklist)), style="bold underline")
    ]
    table = Table(show_header=True, box=None, pad_edge=False)
    table.add_column(_("Fase"))
    table.add_column(_("Klaar"), justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    for phase_view in checklist.phases:
        items = [e for s in phase_view.steps for e in s.items]
        done = sum(1 for e in items if e.status == "done")
        name = f"{phase_view.phase.number}. {phase_view.phase.title}"
        table.add_row(name, f"{done}/{len(items)}", bar(done, len(items)))
    parts.append(table)
    items = checklist.items()
    counts = {status: sum(1 for e in items if e.status == status) for status in STATUS_WORDS}
    summary = " · ".join(f"{n} {_(STATUS_WORDS[status])}" for status, n in counts.items() if n)
    total = _("Totaal {count} punt: {summary}.") if len(items) == 1 else _("Totaal {count} punten: {summary}.")
    parts.append(Text(total.format(count=len(items), summary=summary), style="dim"))

    startable = checklist.startable()
    if not startable:
        parts.append(
            Text("\n" + (_("Alles is klaar.") if counts["done"] == len(items) else _("Niets kan nu starten.")))
        )
    else:
        parts.append(Text("\n" + _("Nu aan de beurt:"), style="bold"))
        now = Table.grid(padding=(0, 1))
        now.add_column(no_wrap=True)
        now.add_column()
        for entry in startable[:next_count]:
            line = Text()
            if entry.status == "doing":
                days = checklist.days_since(entry.marked.started)
                said = _(STATUS_WORDS["doing"]) if days is None else doing_words(days)
                line.append(f"[{said}] ", style="yellow")
            line.append(entry.item.title)
            line.append(f"  (id: {entry.item.id}, §{entry.item.section})", style="dim")
            now.add_row("  •", line)
        parts.append(now)
        if len(startable) > next_count:
            rest = len(startable) - next_count
            parts.append(
                Text(
                    (
                        _("  en {count} ander; alles: {command}")
                        if rest == 1
                        else _("  en {count} andere; alles: {command}")
                    ).format(count=rest, command=f"instapgids next --all{flag}"),
                    style="dim",
                )
            )
    marking = _("Afvinken: {done} · bezig: {doing} · terug: {undo}").format(
        **{word: f"instapgids {word} <id>{flag}" for word in ("done", "doing", "undo")}
    )
    parts.append(Text("\n" + marking, style="dim"))
    return Group(*parts)
