"""Which mails have waited too long for an answer: the rule behind a reminder (a follow-up mail).

An item that is "doing" and has a mail in mails.yaml waits on that mail's team from the day it became
doing. After more working days than the mail's ``follow_up_after`` (else ``follow_up.after_working_days``,
set in the content, not here) it is overdue. Pure: the day counted to is the checklist's ``today``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from instapgids.content.bundle import Content
from instapgids.content.journey import Mail
from instapgids.engine.checklist import Checklist, ChecklistItem, working_days


@dataclass(frozen=True)
class Overdue:
    """A mail whose team has not answered within the working days the content allows."""

    entry: ChecklistItem
    mail: Mail
    since: str  # the day the item became doing (ISO): the day the mail went out
    waited: int  # working days since then
    limit: int  # the working days allowed


def overdue(content: Content, checklist: Checklist) -> list[Overdue]:
    """The mails of items in progress that waited longer than allowed, in the order of mails.yaml."""
    rule = content.mails.follow_up
    if rule is None or checklist.today is None:
        return []
    doing = {e.item.id: e for e in checklist.items() if e.status == "doing" and e.marked.started}
    found = []
    for mail in content.mails.mails:
        entry = doing.get(mail.item)
        if entry is None or entry.marked.started is None:
            continue
        waited = working_days(date.fromisoformat(entry.marked.started), checklist.today)
        limit = mail.follow_up_after or rule.after_working_days
        if waited > limit:
            found.append(Overdue(entry, mail, entry.marked.started, waited, limit))
    return found
