"""`instapgids profiles`: one block per profile, the one that has not moved longest first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from instapgids.errors import visible
from instapgids.presentation.terminal.checklist import wrapped
from instapgids.presentation.terminal.line import Line


class Row(Protocol):
    """One profile as cli/overview.py finds it."""

    @property
    def name(self) -> str: ...

    @property
    def changed(self) -> datetime: ...

    @property
    def organisation(self) -> str | None: ...

    @property
    def lots(self) -> tuple[int, ...]: ...

    @property
    def done(self) -> int: ...

    @property
    def total(self) -> int: ...

    @property
    def waits_on(self) -> str | None: ...

    @property
    def complete(self) -> bool: ...

    @property
    def problem(self) -> str | None: ...


def profiles_lines(rows: Sequence[Row], folder: str, width: int) -> list[Line]:
    if not rows:
        return [
            Line(f"Er staan nog geen profielen in {visible(folder)}."),
            Line("Maak er een met: instapgids start --profile NAAM"),
        ]
    lines = [
        Line(
            f"{len(rows)} {'profiel' if len(rows) == 1 else 'profielen'} in {visible(folder)}; "
            "wie het langst stilstaat, eerst.",
            style="bold",
        )
    ]
    for row in rows:
        lines.append(Line(""))
        lines.append(
            Line(visible(row.name), style="bold") + Line(f"  (gewijzigd {row.changed:%Y-%m-%d %H:%M})", style="dim")
        )
        if row.problem is not None:
            lines += wrapped(visible(row.problem), width, Line("  Onleesbaar: ", style="bold red"), "  ")
            continue
        lots = ", ".join(str(n) for n in row.lots) or "nog geen"
        lines += wrapped(
            visible(row.organisation or "(geen naam)"), width, Line("  Organisatie: ", style="bold"), "    "
        )
        progress = f"{row.done} van {row.total} klaar" + ("" if row.complete else "; het gesprek is nog niet afgerond")
        lines += wrapped(f"percelen {lots}; {progress}", width, Line("  Stand: ", style="bold"), "    ")
        lines += wrapped(row.waits_on or "niets: alles is klaar", width, Line("  Wacht op: ", style="bold"), "    ")
    return lines
