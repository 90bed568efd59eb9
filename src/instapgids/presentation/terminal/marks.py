"""After `done`, `doing` and `undo`: what was marked, and what that change unlocked or put back on hold."""

from __future__ import annotations

from instapgids.engine.checklist import Checklist, Shift
from instapgids.language import _
from instapgids.presentation.terminal.checklist import wrapped
from instapgids.presentation.terminal.line import Line
from instapgids.presentation.words import OUT_OF_ORDER, STATUS_WORDS


def mark_lines(after: Checklist, item_ids: list[str], titles: dict[str, str], width: int) -> list[Line]:
    """One line per item marked: its id, its status now and its title (``titles``: in the run's language)."""
    entries = {e.item.id: e for e in after.items()}
    lines: list[Line] = []
    for item_id in dict.fromkeys(item_ids):
        entry = entries[item_id]
        word = _(OUT_OF_ORDER) if entry.marked.out_of_order else _(STATUS_WORDS[entry.status])
        head = Line(f"{item_id}: ") + Line(word, style="bold") + Line(" — ")
        lines += wrapped(titles.get(item_id, entry.item.title), width, head, "    ")
    return lines


def shift_lines(change: Shift, titles: dict[str, str], width: int, flag: str = "") -> list[Line]:
    """What can start now that could not before, and what waits again; the command for the next steps."""
    lines: list[Line] = []
    for heading, entries in ((_("Kan nu starten:"), change.unlocked), (_("Wacht nu weer:"), change.on_hold)):
        if not entries:
            continue
        lines += [Line(""), Line(heading, style="bold")]
        for entry in entries:
            said = f"{titles.get(entry.item.id, entry.item.title)} (id: {entry.item.id})"
            if entry in change.on_hold and entry.waits_for:
                said += " — " + _("wacht op {ids}").format(ids=", ".join(entry.waits_for))
            lines += wrapped(said, width, "  • ", "    ")
    if not lines:
        lines += [
            Line(""),
            Line(_("Hierdoor kan niets nieuws starten en hoeft niets opnieuw te wachten."), style="dim"),
        ]
    lines += [Line(""), Line.assemble(_("Wat u nu kunt doen: "), (f"instapgids next{flag}", "bold"))]
    return lines
