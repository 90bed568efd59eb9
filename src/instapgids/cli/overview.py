"""`instapgids profiles`: every profile in the profile folder, for those who guide many customers.

Returns rows; the CLI prints them. A profile that cannot be read is a row marked broken, never the end
of the list. Sorted so that the customer who has been quiet longest comes first: days since the
last progress date in the profile (since the file changed, when it has none).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from instapgids.content.bundle import Content
from instapgids.errors import UserError
from instapgids.paths import state_dir
from instapgids.presentation.terminal.profiles import ProfileRow


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
        moved = [d for e in saved.progress.values() for k in ("date", "started") if (d := e.get(k))]
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
