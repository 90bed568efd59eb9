"""`instapgids profiles`: one block per profile, the one that has not moved longest first."""

from __future__ import annotations

from collections.abc import Sequence

from instapgids.errors import visible
from instapgids.language import _
from instapgids.presentation.commands import profile_flag
from instapgids.presentation.terminal.checklist import wrapped
from instapgids.presentation.terminal.line import Line
from instapgids.presentation.terminal.next import reminder_lines
from instapgids.presentation.words import doing_words, quiet_words
from instapgids.store.overview import ProfileRow


def profiles_lines(rows: Sequence[ProfileRow], folder: str, width: int) -> list[Line]:
    if not rows:
        return [
            Line(_("Er staan nog geen profielen in {folder}.").format(folder=visible(folder))),
            Line(_("Maak er een met: instapgids start --profile NAAM")),
        ]
    heading = (
        _("{count} profiel in {folder}; wie het langst stilstaat, eerst.")
        if len(rows) == 1
        else _("{count} profielen in {folder}; wie het langst stilstaat, eerst.")
    )
    lines = [Line(heading.format(count=len(rows), folder=visible(folder)), style="bold")]
    for row in rows:
        lines.append(Line(""))
        changed = _("gewijzigd {moment}").format(moment=f"{row.changed:%Y-%m-%d %H:%M}")
        lines.append(
            Line(visible(row.name), style="bold")
            + Line(f"  {quiet_words(row.quiet)}", style="yellow")
            + Line(f"  ({changed})", style="dim")
        )
        if row.problem is not None:
            lines += wrapped(visible(row.problem), width, Line(_("  Onleesbaar: "), style="bold red"), "  ")
            continue
        lines += _row_lines(row, width)
    return lines


def _row_lines(row: ProfileRow, width: int) -> list[Line]:
    """A readable profile: its organisation, where it stands and what it waits on."""
    lots = ", ".join(str(n) for n in row.lots) or _("nog geen")
    organisation = visible(row.organisation or _("(geen naam)"))
    lines = wrapped(organisation, width, Line(_("  Organisatie: "), style="bold"), "    ")
    progress = _("{done} van {total} klaar").format(done=row.done, total=row.total)
    if not row.complete:
        progress = _("{progress}; het gesprek is nog niet afgerond").format(progress=progress)
    stand = _("percelen {lots}; {progress}").format(lots=lots, progress=progress)
    lines += wrapped(stand, width, Line(_("  Stand: "), style="bold"), "    ")
    waits = row.waits_on or _("niets: alles is klaar")
    if row.waits_on and row.waiting_since is not None:
        waits = f"{waits} ({doing_words(row.waiting_since)})"
    lines += wrapped(waits, width, Line(_("  Wacht op: "), style="bold"), "    ")
    return lines + reminder_lines(row.reminders, "instapgids mails" + profile_flag(row.name), width, indent="  ")
