"""The next step first: what the user can do now, then the progress per phase.

Shared by `instapgids next`, what `start` prints after the interview, `status` and the top of the
HTML page. Which items come first: those in progress, then those that can start, in the guide's order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from instapgids.content.bundle import Content
from instapgids.engine.checklist import Checklist
from instapgids.presentation.items import ItemText, all_items, walk
from instapgids.presentation.mails import Draft, drafts

NEXT_COUNT = 3


@dataclass(frozen=True)
class NextStep:
    """An item to do now, worded, with the mails it needs."""

    text: ItemText
    mails: list[Draft]  # the mails to send for this item


@dataclass(frozen=True)
class PhaseProgress:
    """How many items of a phase are done."""

    number: int
    title: str
    done: int
    total: int


@dataclass(frozen=True)
class Summary:
    """What to do now, how many more could start, and the progress per phase."""

    steps: list[NextStep]  # at most ``count``
    others: int  # items that can start too, beyond these
    phases: list[PhaseProgress]
    done: int
    total: int
    out_of_order: list[ItemText] = field(default_factory=list)  # items marked done while they still waited


def summary(content: Content, checklist: Checklist, count: int | None = NEXT_COUNT) -> Summary:
    """The first ``count`` things to do now (None: all of them), with their mails, and the progress per phase."""
    phases = walk(content, checklist)
    by_id = {i.id: i for i in all_items(phases)}
    now = [by_id[e.item.id] for e in checklist.startable()]
    shown = now if count is None else now[:count]
    ids = {i.id for i in shown}
    mails = [d for d in drafts(content, checklist) if d.item in ids]
    progress = [
        PhaseProgress(p.phase.number, p.phase.title, sum(1 for i in p.items() if i.code == "done"), len(p.items()))
        for p in phases
    ]
    return Summary(
        steps=[NextStep(i, [d for d in mails if d.item == i.id]) for i in shown],
        others=len(now) - len(shown),
        phases=progress,
        done=sum(p.done for p in progress),
        total=sum(p.total for p in progress),
        out_of_order=[i for i in all_items(phases) if i.out_of_order],
    )
