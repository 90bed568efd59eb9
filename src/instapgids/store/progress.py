"""The progress entries of a profile (``progress:``): read, checked, and kept as instapgids writes them.

An entry: ``status`` (doing or done, the Dutch words of old still read); ``date``: the day it got that
status (absent in hand-written or older entries: no day is made up); for a done item ``started``: the
day it became doing, and ``out_of_order: true`` when it was marked done while it still waited for
another item. Dates are ISO (YYYY-MM-DD), the user's local day. Older versions read ``status`` and
``date`` and leave the other fields in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from instapgids.content.bundle import Content
from instapgids.errors import Problem
from instapgids.language import _

if TYPE_CHECKING:
    from instapgids.content.located import LocatedDict


class Keeps(Protocol):
    """Where read progress goes (a :class:`~instapgids.store.profiles.Profile`)."""

    progress: dict[str, dict[str, Any]]
    progress_pos: dict[str, tuple[int, int]]
    stale_progress: dict[str, Any]

    def set_aside(self, store: dict[str, Any], key: str, value: Any, notice: str) -> None: ...


# Places a problem at a path of the file being read: at(("answers", "needs"), message, key=False).
At = Callable[..., Problem]

PROGRESS_STATUSES = ("doing", "done")
# A progress entry: `status`; `date`: the day it got that status (absent in hand-written or older
# entries); for a done item, `started`: the day it became doing, and `out_of_order: true` when it
# was marked done while it still waited for another item. Older versions read `status` and `date`.
PROGRESS_FIELDS = ("status", "date", "started", "out_of_order")
# Profiles once stored the Dutch words; they still read, and are written back as codes.
OLD_STATUS_WORDS = {"bezig": "doing", "klaar": "done"}


def read_progress(profile: Keeps, raw: LocatedDict, content: Content, strict: bool, at: At) -> list[Problem]:
    """Fill ``profile.progress``; progress for items the content no longer has is kept aside and reported."""
    from instapgids.content.located import plain

    given = raw.get("progress")
    if given is None:
        return []
    if not isinstance(given, dict):
        return [at(("progress",), _("verwacht een mapping: checklistpunt-id → status"))]
    items = {item.id for phase in content.journey.phases for step in phase.steps for item in step.items}
    problems: list[Problem] = []
    for item_id, entry in plain(given).items():
        kept, problem = _progress_entry(item_id, entry, at)
        if problem is not None:
            problems.append(problem)
        elif item_id not in items:
            if strict:
                problems.append(at(("progress", item_id), _("onbekend checklistpunt"), key=True))
            else:
                notice = _(
                    "De voortgang van '{item}' hoort bij geen checklistpunt meer; "
                    "het blijft bewaard maar telt niet mee."
                )
                profile.set_aside(profile.stale_progress, item_id, entry, notice.format(item=item_id))
        else:
            profile.progress[str(item_id)] = kept
            profile.progress_pos[str(item_id)] = raw["progress"].key_pos[item_id]
    return problems


def _progress_entry(item_id: str, entry: Any, at: At) -> tuple[dict[str, Any], Problem | None]:
    """A progress entry as kept (status, and its dates when it has them), or the problem with it."""
    if not isinstance(entry, dict):
        return {}, at(("progress", item_id), _("verwacht {{status: done of doing, date: JJJJ-MM-DD}}").format())
    status = entry.get("status")
    status = OLD_STATUS_WORDS.get(status, status) if isinstance(status, str) else status
    if status not in PROGRESS_STATUSES:
        return {}, at(("progress", item_id, "status"), _("verwacht done of doing"))
    wanted = ("date",) if status == "doing" else ("date", "started")
    when = {k: _date(entry[k]) for k in wanted if entry.get(k) is not None}
    if bad := [k for k, v in when.items() if v is None]:
        return {}, at(("progress", item_id, bad[0]), _("verwacht een datum als JJJJ-MM-DD"))
    if not isinstance(entry.get("out_of_order", False), bool):
        return {}, at(("progress", item_id, "out_of_order"), _("verwacht true of false"))
    kept: dict[str, Any] = {"status": status, **when}
    if status == "done" and entry.get("out_of_order") is True:
        kept["out_of_order"] = True
    return kept, None


def _date(value: Any) -> str | None:
    """A progress date as YYYY-MM-DD (YAML reads an unquoted date as a date), or None when it is not one."""
    if isinstance(value, date):
        return value.isoformat()[:10]
    try:
        return date.fromisoformat(value).isoformat() if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None
