"""The checklist: its items carry their own words, in the checklist's language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from instapgids.api._errors import MARKS, Status, UnknownItem, UnknownStatus
from instapgids.content.bundle import Content
from instapgids.content.questions import Answers, AnswerValue
from instapgids.engine import checklist as _engine_checklist
from instapgids.engine.conditions import Reason
from instapgids.errors import UserError as Error
from instapgids.language import Language, _, speaking
from instapgids.store.usecases import MarksRefused

if TYPE_CHECKING:
    from instapgids.presentation.items import ItemText
    from instapgids.presentation.mails import Draft

# --------------------------------------------------------------------------- the checklist


@dataclass(frozen=True)
class Contact:
    """Whom to contact: a name, how to reach them, and what for (the guide's words)."""

    name: str
    email: str | None
    phone: str | None
    url: str | None
    how_to_reach: str | None
    purposes: tuple[str, ...]  # what for
    text: str  # as the checklist prints it ("Name — address — …")


@dataclass(frozen=True)
class Role:
    """A right to ask for (``right``), the roles under it, the system it is for, and who grants it."""

    right: str
    roles: tuple[str, ...]
    system: str  # the system's name
    granted_by: str | None  # the contact's name; None where the guide does not say who grants it
    text: str  # as the checklist prints it ("recht 'X' met rol 'Y'")


@dataclass(frozen=True)
class Document:
    """A document an item points to: its title, where to find it (url or a place), and what it is for."""

    title: str
    url: str | None
    where: str | None  # without an address: where to find it or whom to ask
    text: str  # as the checklist prints it


@dataclass(frozen=True)
class Mail:
    """A mail to send for an open item: always Dutch (it goes to a Flemish service desk).

    From English content, ``reading_en`` holds the mail in English, for the sender to read, never to send.
    """

    id: str
    item: str  # the checklist item it belongs to
    number: int  # its place in mails.yaml (the file names are numbered by it)
    filename: str  # as ``instapgids mails --export eml`` names it
    to: str  # an address, or empty when the guide gives none (then ``to_hint``)
    to_name: str  # the recipient's name, in the content's language
    to_hint: str  # how to find the recipient without an address
    cc: tuple[str, ...]  # the guide names no copy recipient: always empty
    subject: str
    body: str
    mailto_url: str
    section: str
    reading_en: tuple[str, str] | None  # (subject, body) in English, from English content; else None
    translated_subject: str  # " (in English: …)" after the Dutch subject, from English content; else ""

    def eml_bytes(self) -> bytes:
        """The mail as an .eml file (opens as a new, unsent mail in most mail programs)."""
        from instapgids.presentation.mails import Draft, eml

        return eml(Draft(self.id, self.item, self.to, self.to_name, self.to_hint, self.subject, self.body, ""))


@dataclass(frozen=True)
class Item:
    """One item of a personal checklist, every text in the checklist's language.

    ``details``, ``contacts``, ``roles``, ``systems``, ``documents`` and ``mail`` are what the checklist
    shows: a finished item ("done") shows none of them, as in every export.
    """

    id: str
    title: str
    status: Status  # "open", "doing", "done" or "blocked"
    status_text: str  # the status in words ("niet gestart", "not started")
    phase: int  # the phase's number (from 1, in journey order)
    step: int  # the step's number within its phase
    section: str  # the guide's section, e.g. "6.2.1.3"
    section_title: str
    waits_for: tuple[str, ...]  # ids of items that must be done first
    waits_for_titles: tuple[str, ...]
    done_by_answers: bool  # done because the answers say so (not marked by the user)
    reasons: tuple[Reason, ...]  # why it applies (or why it is done), as data
    why: tuple[str, ...]  # the same as sentences, as the checklist prints them ("Waarom")
    everyone: bool  # applies to every new customer (then ``why`` says so and the checklist prints no "Waarom")
    details: tuple[str, ...]  # what to do, a paragraph each
    contacts: tuple[Contact, ...]
    roles: tuple[Role, ...]
    roles_label: str  # "Rechten en rollen", or "Vraag aan uw lokale beheerder" for a request that gathers them
    systems: tuple[tuple[str, str | None], ...]  # (name, address) of the systems it is about
    documents: tuple[Document, ...]
    mail: Mail | None  # the mail to send for it, while it is not done
    fields: tuple[tuple[str, tuple[str, ...]], ...]  # the labelled lines the checklist prints, in order
    # when the user marked it, in words ("bezig sinds 12 dagen (2026-11-20)", "klaar op 2026-12-01"); None
    # without dates (a checklist from build_checklist has none: profile_checklist counts them to today)
    dated: str | None = None
    follow_up: tuple[str, ...] = ()  # a mail of it that waited too long for an answer (a reminder is ready)
    reminder: Mail | None = None  # that reminder, beside ``mail`` (which it quotes), never instead of it


@dataclass(frozen=True)
class Step:
    """A step of the customer journey on the checklist, with its items in the guide's order."""

    number: int
    title: str
    section: str
    items: tuple[str, ...]  # item ids


@dataclass(frozen=True)
class Phase:
    """A phase of the customer journey on the checklist, with its steps."""

    number: int
    title: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Checklist:
    """A personal checklist: its items in checklist order (phase, step, item), in ``language``."""

    language: Language
    items: tuple[Item, ...]
    lots: tuple[int, ...]  # the numbers of the lots these answers need
    startable: tuple[str, ...]  # ids of what can be worked on now: in progress first, then open (as `next`)
    phases: tuple[Phase, ...]
    organisation: str | None  # None when the answers give no name
    answers: Mapping[str, AnswerValue]
    _content: Content = field(repr=False, compare=False)  # what export() renders from; not part of the API
    _engine: _engine_checklist.Checklist = field(repr=False, compare=False)

    def item(self, item_id: str) -> Item:
        """The item with this id, or :class:`UnknownItem`."""
        for found in self.items:
            if found.id == item_id:
                return found
        with speaking(self.language):
            raise UnknownItem(_(MarksRefused.WORDS["not_on_list"]).format(item=item_id), item_id)

    @property
    def done(self) -> int:
        return sum(1 for i in self.items if i.status == "done")


def _check_progress(content: Content, progress: Mapping[str, str]) -> dict[str, str]:
    everywhere = {i.id for p in content.journey.phases for s in p.steps for i in s.items}
    for item_id, status in progress.items():
        if item_id not in everywhere:
            raise UnknownItem(_(MarksRefused.WORDS["unknown"]).format(item=item_id), item_id)
        if status not in MARKS:
            raise UnknownStatus(status)
    return {item_id: status for item_id, status in progress.items() if status != "open"}


def build_checklist(content: Content, answers: Answers, progress: Mapping[str, str] | None = None) -> Checklist:
    """The checklist for these answers; ``progress`` maps item ids to "open", "doing" or "done".

    An answer its question cannot take raises :class:`AnswersError`-like :class:`Error` with the same words as
    the prompt and the answers file; an id the content does not have raises :class:`UnknownItem`, a status
    other than those three :class:`UnknownStatus`. Progress for an item the content has but these answers
    do not put on the checklist is ignored (a profile keeps it for when the answers change back).
    """
    with speaking(content.language):
        for qid, value in answers.items():
            question = content.question_by_id.get(qid)
            if question is not None and (problem := question.problem(value)) is not None:
                raise Error(f"answers.{qid}: {problem}")
        marked = _check_progress(content, progress or {})
        built = _engine_checklist.build_checklist(content, answers, marked)
        return _wrap(content, built)


def _wrap(content: Content, built: _engine_checklist.Checklist) -> Checklist:
    """The library's checklist of an engine checklist (in the language bound by the caller)."""
    from instapgids.presentation.items import walk
    from instapgids.presentation.mails import drafts

    written = drafts(content, built)
    found = {d.item: d for d in written if d.follows is None}
    reminders = {d.item: d for d in written if d.follows is not None}
    titles = {e.item.id: e.item.title for e in built.items()}
    items = [
        _item(content, phase.phase.number, step.step.number, text, (found.get(text.id), reminders.get(text.id)), titles)
        for phase in walk(content, built)
        for step in phase.steps
        for text in step.items
    ]
    return Checklist(
        language=content.language,
        items=tuple(items),
        lots=tuple(lot.number for lot in built.lots),
        startable=tuple(e.item.id for e in built.startable()),
        phases=tuple(
            Phase(
                p.phase.number,
                p.phase.title,
                tuple(
                    Step(s.step.number, s.step.title, s.step.section, tuple(e.item.id for e in s.items))
                    for s in p.steps
                ),
            )
            for p in built.phases
        ),
        organisation=built.organisation,
        answers=dict(built.answers),
        _content=content,
        _engine=built,
    )


def _item(
    content: Content,
    phase: int,
    step: int,
    text: ItemText,
    drafts: tuple[Draft | None, Draft | None],
    titles: dict[str, str],
) -> Item:
    """One item as the checklist shows it (``presentation.items``: a finished item shows only why and where);
    ``drafts``: its mail and the reminder of that mail, if any."""
    from instapgids.presentation.mails import draft_file_name
    from instapgids.presentation.words import contact_text, document_text, role_texts

    entry, item = text.entry, text.entry.item
    shown = text.code != "done"
    roles = tuple(
        Role(
            right=line.right.name,
            roles=tuple(r.name for r in line.roles),
            system=content.system_by_id[line.right.system].name,
            granted_by=content.contact_by_id[line.right.granted_by].name if line.right.granted_by else None,
            text=role_text,
        )
        for line, role_text in zip(text.roles, role_texts(entry) if text.roles else [], strict=True)
    )
    systems = [content.system_by_id[s] for s in item.systems] if shown else []
    draft, reminder = drafts
    return Item(
        id=item.id,
        title=item.title,
        status=text.code,
        status_text=text.status,
        phase=phase,
        step=step,
        section=item.section,
        section_title=content.section_by_number[item.section].title,
        waits_for=tuple(entry.waits_for),
        waits_for_titles=tuple(titles[i] for i in entry.waits_for),
        done_by_answers=entry.done_by_answers,
        reasons=tuple(entry.reasons),
        why=tuple(text.reasons),
        everyone=text.everyone,
        details=tuple(text.details),
        contacts=tuple(
            Contact(c.name, c.email, c.phone, c.url, c.how_to_reach, tuple(c.purposes), contact_text(c))
            for c in text.contacts
        ),
        roles=roles,
        roles_label=_("Vraag aan uw lokale beheerder") if item.gathers_roles else _("Rechten en rollen"),
        systems=tuple((system.name, system.url) for system in systems),
        documents=tuple(Document(d.title, d.url, d.where, document_text(d)) for d in text.documents),
        mail=_mail(draft, draft_file_name(content, draft)) if draft and shown else None,
        fields=tuple((label, tuple(values)) for label, values in text.fields),
        dated=text.dated,
        follow_up=tuple(text.follow_up),
        reminder=_mail(reminder, draft_file_name(content, reminder)) if reminder and shown else None,
    )


def _mail(draft: Draft, filename: str) -> Mail:
    return Mail(
        id=draft.id,
        item=draft.item,
        number=int(filename.split("-", 1)[0]),
        filename=filename,
        to=draft.to,
        to_name=draft.to_name,
        to_hint=draft.to_hint,
        cc=(),
        subject=draft.subject,
        body=draft.body,
        mailto_url=draft.mailto,
        section=draft.section,
        reading_en=(draft.reading.subject, draft.reading.body) if draft.reading else None,
        translated_subject=draft.translated_subject,
    )


def mails(checklist: Checklist) -> list[Mail]:
    """The mails to send for this checklist's open items, in the order of mails.yaml; a reminder right after
    the mail it follows up (as `instapgids mails` lists and names them)."""
    found = [m for i in checklist.items for m in (i.mail, i.reminder) if m is not None]
    return sorted(found, key=lambda m: (m.number, m.filename))


_FORMATS = ("md", "html", "json")


def export(*args: object) -> str:
    """``export(checklist, fmt)``: the checklist as a Markdown ("md"), HTML ("html") or JSON ("json") document,
    wholly in the checklist's language. (``export(content, checklist, fmt)`` still works.)"""
    from instapgids.presentation.exports import check_format
    from instapgids.presentation.exports import export as render

    checklist, fmt = (args[1], args[2]) if len(args) == 3 else (args[0], args[1])
    if not isinstance(checklist, Checklist) or not isinstance(fmt, str):
        raise TypeError("export(checklist, fmt)")
    with speaking(checklist.language):
        return render(checklist._content, checklist._engine, check_format(fmt))  # UnknownFormat: an Error
