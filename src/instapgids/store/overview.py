"""Every profile in the profile folder, for those who guide many customers (``instapgids profiles``, the library).

Returns rows; the CLI prints them. A profile that cannot be read is a row marked broken, never the end
of the list. Sorted so that the customer who has not moved longest comes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from instapgids.content.bundle import Content
from instapgids.engine.checklist import build_checklist
from instapgids.errors import UserError
from instapgids.paths import state_dir


@dataclass(frozen=True)
class ProfileRow:
    """One profile as ``instapgids profiles`` shows it."""

    name: str  # what to give to --profile
    changed: datetime  # the file's last change
    organisation: str | None = None
    lots: tuple[int, ...] = ()
    done: int = 0
    total: int = 0
    waits_on: str | None = None  # the first thing to do now (its title), None when all is done
    complete: bool = True  # the interview was finished
    problem: str | None = None  # why the profile cannot be read; the other fields are empty then


def profile_folder() -> Path:
    return state_dir() / "profielen"


def overview(content: Content, folder: Path | None = None) -> list[ProfileRow]:
    """A row per profile in ``folder`` (the profile folder), the one that has not moved longest first."""
    from instapgids.store.profiles import read_profile

    folder = folder or profile_folder()
    rows = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            changed = datetime.fromtimestamp(path.stat().st_mtime)
        except OSError:
            continue  # removed meanwhile
        try:
            saved = read_profile(path, content, strict=False)
        except (UserError, OSError, ValueError) as exc:
            lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
            rows.append(ProfileRow(path.stem, changed, problem=" ".join(lines[:2]) or type(exc).__name__))
            continue
        checklist = build_checklist(content, saved.answers, saved.statuses())
        items = checklist.items()
        now = checklist.startable()
        later = [e for e in items if e.status == "blocked"]
        first_up = next(iter(now or later), None)
        rows.append(
            ProfileRow(
                name=path.stem,
                changed=changed,
                organisation=checklist.organisation,
                lots=tuple(lot.number for lot in checklist.lots),
                done=sum(1 for e in items if e.status == "done"),
                total=len(items),
                waits_on=first_up.item.title if first_up is not None else None,
                complete=saved.complete,
            )
        )
    return sorted(rows, key=lambda r: (r.changed, r.name))
