"""`instapgids status`: progress per phase as bars, and what can be started now.

Plain lines (:class:`Line`), as `next` and `checklist` are: piped, no Rich is loaded; on a terminal each line
is printed as it is, never wrapped again (a command in the footer is never broken in two).
"""

from __future__ import annotations

from instapgids.content.bundle import Content
from instapgids.engine.checklist import Checklist
from instapgids.language import _
from instapgids.presentation.terminal.checklist import wrapped
from instapgids.presentation.terminal.line import Line, between_words
from instapgids.presentation.terminal.next import out_of_order_lines, reminder_lines
from instapgids.presentation.words import STATUS_WORDS, doing_words, organisation_name

BAR_WIDTH = 20
GAP = "  "  # between the columns of the phase table
NARROWEST = 20  # never less room than this for a phase's name


def bar(done: int, total: int, width: int = BAR_WIDTH) -> str:
    filled = round(width * done / total) if total else width
    return "█" * filled + "░" * (width - filled)


def _phase_lines(checklist: Checklist, width: int) -> list[Line]:
    """Phase, items done of all, and a bar; a name too long for its column wraps under its own text. On a
    narrow terminal the bar gets shorter before a name gets less than :data:`NARROWEST` columns."""
    rows = []
    for phase_view in checklist.phases:
        items = [e for s in phase_view.steps for e in s.items]
        done = sum(1 for e in items if e.status == "done")
        number = f"{phase_view.phase.number}. "
        rows.append((number, phase_view.phase.title, f"{done}/{len(items)}", bar(done, len(items))))
    counted = max([len(_("Klaar")), *(len(count) for *_name, count, _bar in rows)])
    fixed = len(GAP) * 2 + counted
    bar_width = max(0, min(BAR_WIDTH, width - fixed - NARROWEST))
    widest = max([len(_("Fase")), *(len(number + title) for number, title, *_rest in rows)])
    names = max(min(widest, width - fixed - bar_width), NARROWEST)
    lines = [Line(_("Fase").ljust(names) + GAP + _("Klaar").rjust(counted), style="bold")]
    for number, title, count, filled in rows:
        rest = " " * len(number)
        parts = between_words(number + title, names, "", rest) or [number]
        shown = (parts[0].ljust(names) + GAP + count.rjust(counted) + GAP + _shrunk(filled, bar_width)).rstrip()
        lines += [Line(shown), *(Line(part) for part in parts[1:])]
    return lines


def _shrunk(filled: str, width: int) -> str:
    """A bar of :data:`BAR_WIDTH` as a bar of ``width``, as full as it was."""
    if width >= len(filled):
        return filled
    return bar(filled.count("█"), len(filled), width)


def _footer(flag: str, width: int) -> list[Line]:
    """How to mark an item, each command whole: the three on one line when they fit, else one per line."""
    parts = [
        _("Afvinken: {command}").format(command=f"instapgids done <id>{flag}"),
        _("Bezig: {command}").format(command=f"instapgids doing <id>{flag}"),
        _("Terug: {command}").format(command=f"instapgids undo <id>{flag}"),
    ]
    lines: list[str] = []
    if any(len(part) > width for part in parts):  # each label on a line, its command whole under it, all alike
        cut = [part.index(": instapgids ") + 1 for part in parts]
        lines = [line for part, at in zip(parts, cut, strict=True) for line in (part[:at], "  " + part[at + 1 :])]
        return [Line(line, style="dim") for line in lines]
    for part in parts:
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return [Line(line, style="dim") for line in lines]


def _counted(status: str, count: int) -> str:
    """ "3 klaar", "1 kan nog niet starten", "20 kunnen nog niet starten"."""
    if status == "blocked" and count != 1:
        return _("{count} kunnen nog niet starten").format(count=count)
    return f"{count} {_(STATUS_WORDS[status])}"


def status_lines(
    content: Content, checklist: Checklist, width: int, next_count: int = 3, flag: str = "", reminders: int = 0
) -> list[Line]:
    """``flag``: the ``--profile`` option to repeat in the commands shown ("" for the standard profile);
    ``reminders``: how many mails waited too long for an answer (``engine.followups``), each with a reminder."""
    title = _("Voortgang voor {name}").format(name=organisation_name(checklist))
    lines = wrapped(title, width, "", "", "bold underline")
    lines += _phase_lines(checklist, width)
    items = checklist.items()
    counts = {status: sum(1 for e in items if e.status == status) for status in STATUS_WORDS}
    summary = " · ".join(_counted(status, n) for status, n in counts.items() if n)
    total = _("Totaal {count} punt: {summary}.") if len(items) == 1 else _("Totaal {count} punten: {summary}.")
    lines += wrapped(total.format(count=len(items), summary=summary), width, "", "", "dim")

    startable = checklist.startable()
    lines.append(Line(""))
    if not startable:
        lines.append(Line(_("Alles is klaar.") if counts["done"] == len(items) else _("Niets kan nu starten.")))
    else:
        lines.append(Line(_("Nu aan de beurt:"), style="bold"))
        for entry in startable[:next_count]:
            said = ""
            if entry.status == "doing":
                days = checklist.days_since(entry.marked.started)
                said = "[" + (_(STATUS_WORDS["doing"]) if days is None else doing_words(days)) + "] "
            where = f"  (id: {entry.item.id}, §{entry.item.section})"
            shown = wrapped(said + entry.item.title + where, width, "  • ", "    ")
            if len(shown) == 1:  # the usual case: the status yellow, the id dim
                shown = [Line.assemble("  • ", (said, "yellow"), entry.item.title, (where, "dim"))]
            lines += shown
        if len(startable) > next_count:
            rest = len(startable) - next_count
            more = (
                _("  en {count} ander; alles: {command}") if rest == 1 else _("  en {count} andere; alles: {command}")
            )
            lines += wrapped(more.format(count=rest, command=f"instapgids next --all{flag}"), width, "", "    ", "dim")
    # done while it still waited: said until nobody can forget it; and the reminders that are ready
    done = [(e.item.title, e.item.id) for e in items if e.status == "done" and e.marked.out_of_order]
    notes = out_of_order_lines(done, width) + reminder_lines(reminders, f"instapgids mails{flag}", width)
    lines += [Line(""), *notes] if notes else []
    lines.append(Line(""))
    return lines + _footer(flag, width)
