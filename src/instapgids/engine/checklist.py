"""The checklist: interview answers → the items that apply, with their status and reasons.

Pure functions over the content and a plain ``answers`` mapping; no I/O, no
printing. Every item on the checklist says why it is there (the answers that
made its condition true) and whether it is already done.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from instapgids.content import models as m
from instapgids.content.bundle import Content
from instapgids.content.journey import Item, Phase, Step, detail_text
from instapgids.content.questions import Answers, AnswerValue
from instapgids.engine.conditions import Reason, evaluate, held, holds, needed_lots, needed_suppliers
from instapgids.engine.routing import applicable_answers, outcome
from instapgids.errors import visible

# --------------------------------------------------------------------------- checklist


# open: not started; doing: the user started it; done: finished (by an answer or
# marked by the user); blocked: waits for an item that is not done yet.
Status = Literal["open", "doing", "done", "blocked"]
Progress = Mapping[str, str]  # item id -> "doing" | "done", as the user marked it


@dataclass(frozen=True)
class Marked:
    """When the user marked an item (ISO dates, the user's local day), and whether it was done out of order."""

    started: str | None = None  # when it became doing
    finished: str | None = None  # when it became done
    out_of_order: bool = False  # marked done while it still waited for another item


@dataclass(frozen=True)
class RoleOrigin:
    """Which item asked for a right or role (``wanted``: its id), and the answers that made it ask (none: always)."""

    wanted: str
    item: str
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class RoleLine:
    """A right to ask for, with the roles under it that are needed, and which item and answers asked for each."""

    right: m.Right
    roles: tuple[m.Role, ...]
    because: tuple[RoleOrigin, ...] = ()


@dataclass
class ChecklistItem:
    """An item on a customer's checklist: its status, why it applies, and what it waits for."""

    item: Item
    status: Status
    reasons: list[Reason]
    done_by_answers: bool = False  # done because of the interview answers (not by `instapgids done`)
    roles: list[RoleLine] = field(default_factory=list)
    waits_for: list[str] = field(default_factory=list)
    needed_by: list[str] = field(default_factory=list)  # for a request to the local administrator: who asked
    details: list[str] = field(default_factory=list)  # the item's details that apply to these answers
    marked: Marked = field(default_factory=Marked)  # the dates of the user's marks (none for done_by_answers)


@dataclass
class StepView:
    """A step of the journey with the items that apply to this customer."""

    step: Step
    items: list[ChecklistItem]
    notes: list[ChecklistItem] = field(default_factory=list)  # kind: note: to keep in mind, never ticked off


@dataclass
class PhaseView:
    """A phase of the journey with the steps that apply to this customer."""

    phase: Phase
    steps: list[StepView]


@dataclass
class Checklist:
    """A customer's checklist: the items that apply, by phase and step, with their progress."""

    organisation: str | None  # None when the answers give no name
    answers: dict[str, AnswerValue]
    lots: list[m.Lot]
    phases: list[PhaseView]
    today: date | None = None  # the day the dates are counted from (None: dates are not counted)

    def items(self) -> list[ChecklistItem]:
        return [i for p in self.phases for s in p.steps for i in s.items]

    def notes(self) -> list[ChecklistItem]:
        """The notes (``kind: note``): to keep in mind, not items to do."""
        return [n for p in self.phases for s in p.steps for n in s.notes]

    def startable(self) -> list[ChecklistItem]:
        """What the user can work on now: the items in progress first, then those that can start; guide order."""
        items = self.items()
        return [i for i in items if i.status == "doing"] + [i for i in items if i.status == "open"]

    def days_since(self, day: str | None) -> int | None:
        """Calendar days from ``day`` (ISO) to ``today``; None when either is unknown."""
        if day is None or self.today is None:
            return None
        return max(0, (self.today - date.fromisoformat(day)).days)


@dataclass(frozen=True)
class Shift:
    """What a change of progress did to what can start: items that can start now, items put back on hold."""

    unlocked: list[ChecklistItem]
    on_hold: list[ChecklistItem]


def shift(before: Checklist, after: Checklist) -> Shift:
    """Compare what could start before a change with what can start after it (guide order). An item that waits
    and is itself marked doing is not unlocked: it still waits, the user started it anyway."""
    was = {e.item.id for e in before.startable()}
    now = {e.item.id for e in after.startable()}
    was_waiting = {e.item.id for e in before.items() if e.status == "blocked"}
    return Shift(
        unlocked=[
            e for e in after.startable() if e.item.id not in was and e.item.id in was_waiting and e.status != "doing"
        ],
        on_hold=[e for e in after.items() if e.status == "blocked" and e.item.id in was and e.item.id not in now],
    )


def working_days(start: date, end: date) -> int:
    """Working days (Monday to Friday) after ``start`` up to and including ``end``; 0 when end is not later."""
    days = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        days += day.weekday() < 5
    return days


def _role_lines(
    content: Content, requests: list[tuple[str | None, str | None]], origins: Sequence[RoleOrigin] = ()
) -> list[RoleLine]:
    """Group requested rights/roles by right, in the order of roles.yaml, each with the origins of its parts."""
    wanted_rights: set[str] = set()
    wanted_roles: set[str] = set()
    for right_id, role_id in requests:
        if role_id is not None:
            right, _ = content.role_by_id[role_id]
            wanted_rights.add(right.id)
            wanted_roles.add(role_id)
        elif right_id is not None:
            wanted_rights.add(right_id)
    lines = []
    for right in content.roles_file.rights:
        if right.id in wanted_rights:
            roles = tuple(r for r in right.roles if r.id in wanted_roles)
            parts = {right.id, *(r.id for r in roles)}
            because = tuple(dict.fromkeys(o for o in origins if o.wanted in parts))
            lines.append(RoleLine(right, roles, because))
    return lines


def _gather(content: Content, gatherer: ChecklistItem, asked: list[ChecklistItem]) -> None:
    """A request to the local administrator: its own rights and roles and those of the items asked in it.

    Its reason is the items it asks for; with nothing left to ask, it is done by the answers.
    """
    asking = [e for e in asked if not e.done_by_answers]
    lines = [line for e in [gatherer, *asking] for line in e.roles]
    requests = [(line.right.id, role.id) for line in lines for role in line.roles]
    origins = [origin for line in lines for origin in line.because]
    gatherer.roles = _role_lines(content, requests + [(line.right.id, None) for line in lines], origins)
    gatherer.needed_by = [e.item.id for e in asking if e.roles]
    if gatherer.needed_by:
        gatherer.reasons = [Reason(items=tuple(gatherer.needed_by))]
    if not gatherer.roles:
        gatherer.status = "done"
        gatherer.done_by_answers = True


@dataclass(frozen=True)
class _Situation:
    """What the conditions look at: the applicable answers, the lots and suppliers they bring in, what is held."""

    answers: Answers
    lots: list[int]
    suppliers: int
    have: set[str]

    def evaluate(self, cond: m.Condition | None, *, without: bool = True) -> tuple[bool, list[Reason]]:
        """Whether ``cond`` holds and why; no condition gives ``without``, for no reason."""
        return evaluate(cond, self.answers, self.lots, self.suppliers) if cond else (without, [])

    def holds(self, cond: m.Condition | None) -> bool:
        return holds(cond, self.answers, self.lots, self.suppliers)


def _requested_roles(content: Content, item: Item, situation: _Situation) -> list[RoleLine]:
    """The rights and roles an item asks for with these answers, leaving out those the user already holds."""
    requests, origins = [], []
    for r in item.roles:
        asks, why = situation.evaluate(r.when)
        if asks and (wanted := r.role or r.right) is not None and wanted not in situation.have:
            requests.append((r.right, r.role))
            origins.append(RoleOrigin(wanted, item.id, tuple(why)))
    return _role_lines(content, requests, origins)


def _checklist_item(content: Content, item: Item, situation: _Situation, progress: Progress) -> ChecklistItem | None:
    """The item on the checklist, done by the answers or as the user marked it; None when it does not apply."""
    applies, reasons = situation.evaluate(item.when)
    if not applies:
        return None
    done, done_reasons = situation.evaluate(item.done_when, without=False)
    entry = ChecklistItem(item, "done" if done else "open", done_reasons if done else reasons, done)
    entry.details = [detail_text(d) for d in item.details if isinstance(d, str) or situation.holds(d.when)]
    if not done:  # marked done or not, its rights still belong in its request
        entry.roles = _requested_roles(content, item, situation)
        if progress.get(item.id) == "done":
            entry.status = "done"
    return entry


def _fill_requests(content: Content, entries: list[ChecklistItem]) -> None:
    """Each request to the local administrator holds its own rights and roles and those of the items asked in it."""
    for gatherer in entries:
        if not gatherer.item.gathers_roles:
            continue
        if gatherer.status != "done":
            _gather(content, gatherer, [e for e in entries if e.item.asked_in == gatherer.item.id])
        if gatherer.done_by_answers and not gatherer.reasons:
            gatherer.reasons = [Reason(all_held=True)]


def _mark_waiting(entries: list[ChecklistItem], progress: Progress) -> None:
    """An open item waits for the open items it depends on (blocked), unless the user started it (doing)."""
    open_ids = {e.item.id for e in entries if e.status != "done"}
    for entry in entries:
        if entry.status == "done":
            continue
        entry.waits_for = [i for i in entry.item.waits_for if i in open_ids]
        if progress.get(entry.item.id) == "doing":
            entry.status = "doing"
        elif entry.waits_for:
            entry.status = "blocked"


def _date_marks(entries: list[ChecklistItem], marks: Mapping[str, Marked]) -> None:
    """Each item the user marked gets its dates; an item done by the answers has none."""
    for entry in entries:
        if entry.item.id in marks and not entry.done_by_answers and entry.status in ("doing", "done"):
            mark = marks[entry.item.id]
            entry.marked = mark if entry.status == "done" else Marked(started=mark.started)


def _placed_items(
    content: Content, situation: _Situation, progress: Progress, only: list[str] | None
) -> list[tuple[Step, ChecklistItem]]:
    """The items that apply (of ``only``, when the answers lead to an outcome), each with its step, in journey order."""
    placed = []
    for phase in content.journey.phases:
        for step in phase.steps:
            for item in step.items:
                if only is not None and item.id not in only:
                    continue
                if (entry := _checklist_item(content, item, situation, progress)) is not None:
                    placed.append((step, entry))
    return placed


def _phase_views(
    content: Content, placed: list[tuple[Step, ChecklistItem]], notes: list[tuple[Step, ChecklistItem]]
) -> list[PhaseView]:
    """The journey's phases and steps that have items (or notes) on the checklist."""
    phases: list[PhaseView] = []
    for phase in content.journey.phases:
        steps = [
            StepView(step, [e for s, e in placed if s is step], [e for s, e in notes if s is step])
            for step in phase.steps
        ]
        phases.append(PhaseView(phase, [s for s in steps if s.items or s.notes]))
    return [p for p in phases if p.steps]


def build_checklist(
    content: Content,
    answers: Answers,
    progress: Progress | None = None,
    marks: Mapping[str, Marked] | None = None,
    today: date | None = None,
) -> Checklist:
    """The personal checklist for these answers, with the progress the user marked (and when, ``marks``)."""
    progress = progress or {}
    answers = applicable_answers(content, answers)
    lots = needed_lots(content, answers)
    situation = _Situation(answers, lots, len(needed_suppliers(content, lots)), held(content, answers))

    placed = _placed_items(content, situation, progress, outcome(content, answers))
    notes = [(step, entry) for step, entry in placed if entry.item.kind == "note"]
    placed = [(step, entry) for step, entry in placed if entry.item.kind != "note"]
    entries = [entry for _, entry in placed]
    _fill_requests(content, entries)
    _mark_waiting(entries, progress)
    _date_marks(entries, marks or {})

    name = content.role_answer("organisation_name", answers)
    return Checklist(
        # Control characters are refused where a text answer comes in; visible() is the second line of defence.
        organisation=visible(name) if isinstance(name, str) and name else None,
        answers=dict(answers),
        lots=[content.lot_by_number[n] for n in lots if n in content.lot_by_number],
        phases=_phase_views(content, placed, notes),
        today=today,
    )
