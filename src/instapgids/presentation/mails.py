"""The e-mails a customer has to send: mails.yaml + a checklist → ready-to-send drafts.

Placeholders are filled with ``str.format_map`` from a fixed set of names (checked by
``content.crosscheck``); nothing in the YAML is evaluated.

A mail goes to a Flemish service desk, so it is always Dutch. In another language (English), each
draft also carries the mail in that language (:class:`Reading`): for the sender to read, not to send.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import quote

from instapgids import language
from instapgids.content import models as m
from instapgids.content.bundle import Content
from instapgids.content.journey import FollowUp
from instapgids.engine.checklist import Checklist, ChecklistItem, build_checklist
from instapgids.engine.conditions import holds, needed_suppliers
from instapgids.engine.followups import Overdue, overdue
from instapgids.language import _
from instapgids.presentation.words import organisation_name, role_texts


@dataclass(frozen=True)
class Reading:
    """A mail in the language of the run when that is not Dutch: what it asks, for the sender to read."""

    subject: str
    body: str


@dataclass(frozen=True)
class Draft:
    """A mail ready to send: to whom, subject and body, and which item it is for."""

    id: str
    item: str  # the checklist item this mail belongs to
    to: str  # an address, or empty when the guide gives none
    to_name: str  # the recipient's name, in the language of the run (not part of the mail)
    to_hint: str  # how to find the recipient when there is no address (idem)
    subject: str  # the subject and body: Dutch, as sent
    body: str
    section: str
    reading: Reading | None = None  # the mail in the run's language when that is not Dutch; never sent
    follows: str | None = None  # a reminder: the id of the mail it follows up (that team has not answered)
    waited: int = 0  # a reminder: the working days waited since the mail went out
    number: int = 0  # the mail's place in mails.yaml: its number on screen and in its file name

    @property
    def translated_subject(self) -> str:
        """What the Dutch subject says, to stand after it when the run is not Dutch ("(in English: …)"); else empty."""
        return "" if self.reading is None else " " + _("(vertaald: {subject})").format(subject=self.reading.subject)

    @property
    def mailto(self) -> str:
        """A mailto: link with subject and body percent-encoded (RFC 6068)."""
        query = f"subject={quote(self.subject, safe='')}&body={quote(self.body, safe='')}"
        return f"mailto:{quote(self.to, safe='@')}?{query}"


def _values(content: Content, checklist: Checklist, entry: ChecklistItem) -> dict[str, str]:
    kind = content.role_answer("organisation_kind", checklist.answers)
    question = content.organisation_kind_question
    kind_label = next((o.label for o in question.options if o.value == kind), "") if question else ""
    roles = role_texts(entry)  # the rights and roles this mail's item asks for
    lots = [_("perceel {number} ({name})").format(number=lot.number, name=lot.name) for lot in checklist.lots]
    return {
        "organisatie": organisation_name(checklist),
        "soort_organisatie": kind_label[:1].lower() + kind_label[1:],
        "percelen": ", ".join(lots) or _("[percelen]"),
        "rechten_en_rollen": "\n".join(f"- {line[:1].upper()}{line[1:]}" for line in roles),
    }


def _hint(contact: m.Contact) -> str:
    """How to find a recipient without an address: the contact's words, with its page unless they give it already."""
    hint = contact.how_to_reach or ""
    if contact.url and contact.url not in hint:
        hint = f"{hint} ({contact.url})" if hint else contact.url
    return hint


def drafts(content: Content, checklist: Checklist) -> list[Draft]:
    """Every mail whose checklist item is open for this customer, filled in, in Dutch.

    ``content`` and ``checklist`` are in the content's language. When that is not Dutch, the mail is
    made from the Dutch content (and in Dutch words), and carries the mail in the run's language as its
    ``reading``; the recipient's name and how to find them stay in the run's language.
    """
    if content.language == language.DEFAULT:
        with language.speaking(language.DEFAULT):
            return _drafts(content, checklist)
    from instapgids.content.load import load_content

    dutch = load_content(content.directory)
    progress = {e.item.id: e.status for e in checklist.items() if e.status in ("doing", "done")}
    marks = {e.item.id: e.marked for e in checklist.items()}
    with language.speaking(language.DEFAULT):  # the words in a mail that is sent
        sent = _drafts(dutch, build_checklist(dutch, checklist.answers, progress, marks, checklist.today))
    with language.speaking(content.language):
        shown = {d.id: d for d in _drafts(content, checklist)}  # the same mails: the same items are open
    return [
        replace(d, to_name=r.to_name, to_hint=r.to_hint, reading=Reading(r.subject, r.body)) if r else d
        for d in sent
        for r in [shown.get(d.id)]
    ]


def _drafts(content: Content, checklist: Checklist) -> list[Draft]:
    """Every mail whose checklist item is open, filled in from ``content`` in the words of the run; after a
    mail whose team has not answered in time, the reminder to send."""
    late = {o.mail.id: o for o in overdue(content, checklist)}
    found = []
    for draft in _first_drafts(content, checklist):
        found.append(draft)
        if draft.id in late and content.mails.follow_up is not None:
            found.append(_reminder(content.mails.follow_up, checklist, draft, late[draft.id]))
    return found


def _reminder(rule: FollowUp, checklist: Checklist, draft: Draft, late: Overdue) -> Draft:
    """The reminder of ``draft``: quotes its greeting, subject and the day it went out."""
    day = date.fromisoformat(late.since)
    values = {
        "aanhef": draft.body.split("\n\n", 1)[0],
        "onderwerp": draft.subject,
        "datum": f"{day:%d-%m-%Y}",
        "organisatie": organisation_name(checklist),
    }
    lots = [lot.number for lot in checklist.lots]
    paragraphs = [p.text for p in rule.paragraphs if holds(p.when, checklist.answers, lots)]
    return replace(
        draft,
        id=f"{draft.id}-herinnering",
        subject=rule.subject.format_map(values),
        body="\n\n".join(p.format_map(values) for p in paragraphs) + "\n",
        follows=draft.id,
        waited=late.waited,
    )


def _first_drafts(content: Content, checklist: Checklist) -> list[Draft]:
    """Every mail whose checklist item is open, filled in from ``content`` in the words of the run."""
    open_items = {e.item.id: e for e in checklist.items() if e.status != "done"}
    lots = [lot.number for lot in checklist.lots]
    suppliers = len(needed_suppliers(content, lots))  # counted as the checklist counts them
    out: list[Draft] = []
    for number, mail in enumerate(content.mails.mails, 1):
        if mail.item not in open_items:
            continue
        values = _values(content, checklist, open_items[mail.item])
        contact = content.contact_by_id[mail.to]
        paragraphs = [p.text for p in mail.paragraphs if holds(p.when, checklist.answers, lots, suppliers)]
        out.append(
            Draft(
                id=mail.id,
                item=mail.item,
                to=contact.email or "",
                to_name=contact.name,
                to_hint="" if contact.email else _hint(contact),
                subject=mail.subject.format_map(values),
                body="\n\n".join(p.format_map(values) for p in paragraphs) + "\n",
                section=mail.section,
                number=number,
            )
        )
    return out


DRAFT_HEADER = "X-Instapgids-Mail"  # names the mail a draft is (which drafts instapgids wrote: its manifest)


def draft_file_name(content: Content, draft: Draft) -> str:
    """The draft's file name, numbered by the mail's place in mails.yaml (stable while others come and go);
    a reminder has the number of the mail it follows up."""
    original = draft.follows or draft.id
    number = draft.number or next(n for n, mail in enumerate(content.mails.mails, 1) if mail.id == original)
    return f"{number:02d}-{draft.id}.eml"


def _one_line(text: str) -> str:
    """A header value: every run of white space (a line end included) as one space, so none can start a header."""
    return " ".join(text.split())


def eml(draft: Draft) -> bytes:
    """The draft as an .eml file (opens as a new, unsent mail in most mail programs)."""
    from email.message import EmailMessage
    from email.policy import SMTP

    # No folding: a folded subject with an encoded word (the en dash) unfolds with a double space.
    message = EmailMessage(policy=SMTP.clone(max_line_length=998))
    if draft.to:
        message["To"] = _one_line(draft.to)
    message["Subject"] = _one_line(draft.subject)
    message["X-Unsent"] = "1"
    message[DRAFT_HEADER] = draft.id
    message.set_content(draft.body)
    return message.as_bytes()
