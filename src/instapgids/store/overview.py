"""Every profile in the profile folder, for those who guide many customers (``instapgids profiles``, the library).

Returns rows; the CLI prints them. A profile that cannot be read is a row marked broken, never the end
of the list. Sorted so that the customer who has been quiet longest comes first: days since the
last progress date in the profile (since the file changed, when it has none).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from instapgids.content.bundle import Content
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
    quiet: int = 0  # days since the customer last moved (the last progress date, else the file's change)
    waiting_since: int | None = None  # ``waits_on`` is in progress: for so many days
    reminders: int = 0  # mails that waited too long for an answer: a reminder is ready for each


def profile_folder() -> Path:
    return state_dir() / "profielen"


def overview(content: Content, folder: Path | None = None) -> list[ProfileRow]:
    """A row per profile in ``folder`` (the profile folder), the one that has not moved longest first."""
    from instapgids.engine.followups import overdue
    from instapgids.store.clock import today
    from instapgids.store.profiles import read_profile
    from instapgids.store.usecases import checklist_of

    folder = folder or profile_folder()
    day = today()
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
            quiet = max(0, (day - changed.date()).days)
            rows.append(ProfileRow(path.stem, changed, problem=" ".join(lines[:2]) or type(exc).__name__, quiet=quiet))
            continue
        checklist = checklist_of(content, saved)
        items = checklist.items()
        now = checklist.startable()
        later = [e for e in items if e.status == "blocked"]
        doing = sorted(
            (e for e in now if e.status == "doing" and e.marked.started), key=lambda e: e.marked.started or ""
        )
        first_up = next(iter(doing or now or later), None)
        on_list = {e.item.id for e in items}  # progress on an item the answers dropped is no longer the customer's
        moved = [d for i, e in saved.progress.items() if i in on_list for k in ("date", "started") if (d := e.get(k))]
        last = date.fromisoformat(max(moved)) if moved else changed.date()
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
                quiet=max(0, (day - last).days),
                waiting_since=checklist.days_since(first_up.marked.started) if first_up in doing else None,
                reminders=len(overdue(content, checklist)),
            )
        )
    return sorted(rows, key=lambda r: (-r.quiet, r.changed, r.name))
