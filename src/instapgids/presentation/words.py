"""The words of the checklist: statuses, reasons and answers as the user reads them (in the language of the run)."""

from __future__ import annotations

from instapgids.content import models as m
from instapgids.content.bundle import Content
from instapgids.content.questions import AnswerValue, Question
from instapgids.engine.checklist import Checklist, ChecklistItem
from instapgids.engine.conditions import Reason, needed_suppliers
from instapgids.language import N_, _

ALWAYS = N_("Geldt voor elke nieuwe klant.")  # translated where used: _(ALWAYS)
NOTE = N_("Let op:")  # before a note (kind: note in journey.yaml): to keep in mind, nothing to tick off
ALL_HELD = N_("U heeft alle rechten en rollen die u nodig heeft al.")
SOMEONE = N_("uw organisatie")  # when the answers give no name


def organisation_name(checklist: Checklist) -> str:
    """The organisation as the checklist names it: the answer, or "uw organisatie"."""
    return checklist.organisation or _(SOMEONE)


YES, NO = N_("Ja"), N_("Nee")  # a yes/no question's two choices, and how its answer reads afterwards


def describe_answer(question: Question, value: AnswerValue, only: tuple[str, ...] = ()) -> str:
    """An answer as the user saw it: option labels, the yes/no choice as offered (:data:`YES`), or the text."""
    if isinstance(value, bool):
        return _(YES) if value else _(NO)
    if question.kind == "text":
        return str(value)
    chosen = value if isinstance(value, list) else [value]
    shown = [v for v in chosen if not only or v in only]
    labels = {o.value: o.label for o in question.options}
    return "; ".join(labels.get(v, v) for v in shown)


def describe_reasons(content: Content, checklist: Checklist, entry: ChecklistItem) -> list[str]:
    """Why an item is on the checklist (or why it is done), in Dutch, one line per answer."""
    kinds = {r.kind for r in entry.reasons}
    if "all_held" in kinds:
        return [_(ALL_HELD)]
    if "request_for" in kinds:
        asked = {i for r in entry.reasons for i in r.items}
        titles = [i.item.title for i in checklist.items() if i.item.id in asked]
        return [_("Nodig voor: {titles}.").format(titles="; ".join(titles)), *role_origins(content, checklist, entry)]
    lines, reasons = [], entry.reasons
    if entry.done_by_answers and entry.item.done_note:
        lines = [entry.item.done_note]
        reasons = [r for r in reasons if not r.negated]  # the note says what is not so
    return lines + reason_lines(content, checklist, reasons) or [_(ALWAYS)]


def role_origins(content: Content, checklist: Checklist, entry: ChecklistItem) -> list[str]:
    """Per right and role of a request to the local administrator: the answers (or else the item) that asked for it."""
    titles = {i.item.id: i.item.title for i in checklist.items()}
    lines = []
    for line in entry.roles:
        for wanted, name in [
            (line.right.id, _("Recht '{name}'").format(name=line.right.name)),
            *((r.id, _("Rol '{name}'").format(name=r.name)) for r in line.roles),
        ]:
            origins = [o for o in line.because if o.wanted == wanted]
            why = [text for o in origins for text in reason_lines(content, checklist, list(o.reasons))]
            if not why:  # asked for whatever the answers; which item asks matters only when several do
                many = len(entry.needed_by) > 1
                why = [
                    _("altijd nodig voor '{title}'").format(title=titles[o.item])
                    if many and o.item != entry.item.id
                    else _("altijd nodig")
                    for o in origins
                ]
            if why:
                lines.append(f"{name} — {'; '.join(dict.fromkeys(why))}")
    return lines


def reason_lines(content: Content, checklist: Checklist, reasons: list[Reason]) -> list[str]:
    """Reasons in words, one line per answer (or lot, or count)."""
    merged: dict[tuple[str, bool], set[str]] = {}
    for reason in reasons:
        kind = reason.kind
        key = f"lot:{reason.lot}" if kind == "lot" else reason.question if kind == "answer" else kind
        assert key is not None
        merged.setdefault((key, reason.negated), set()).update(reason.values)
    return [
        line for (key, negated), values in merged.items() if (line := _line(content, checklist, key, negated, values))
    ]


def _line(content: Content, checklist: Checklist, key: str, negated: bool, values: set[str]) -> str | None:
    """One reason in words: the number of lots or suppliers, one lot, or one answer (None: the answer is gone)."""
    if key == "lots":
        names = ", ".join(f"{lot.number} ({lot.name})" for lot in checklist.lots) or _("geen")
        if negated:
            return _("U heeft niet meer dan één perceel nodig: {names}.").format(names=names)
        return _("U heeft meer dan één perceel nodig: {names}.").format(names=names)
    if key == "suppliers":
        suppliers = needed_suppliers(content, [lot.number for lot in checklist.lots])
        names = ", ".join(_("perceel {number}").format(number=n) if n.isdecimal() else n for n in suppliers)
        names = names or _("geen")
        if negated:
            return _("U heeft diensten van niet meer dan één leverancier nodig: {names}.").format(names=names)
        return _("U heeft diensten van meer dan één leverancier nodig: {names}.").format(names=names)
    if key.startswith("lot:"):
        lot = content.lot_by_number[int(key[4:])]
        if negated:
            return _("U heeft perceel {number} ({name}) niet nodig.").format(number=lot.number, name=lot.name)
        return _("U heeft perceel {number} ({name}) nodig.").format(number=lot.number, name=lot.name)
    if negated:
        return _("{question}: niet gevraagd bij uw antwoorden.").format(question=content.question_by_id[key].label)
    if (value := checklist.answers.get(key)) is None:
        return None
    question = content.question_by_id[key]
    return f"{question.label}: {describe_answer(question, value, tuple(values))}"


OUT_OF_ORDER = N_("klaar, buiten de volgorde")  # the status of an item marked done while it still waited


def days_words(days: int) -> str:
    """'12 dagen', '1 dag', 'vandaag'."""
    if days == 0:
        return _("vandaag")
    return _("1 dag") if days == 1 else _("{count} dagen").format(count=days)


def doing_words(days: int) -> str:
    """'bezig sinds 12 dagen' (in English: 'in progress for 12 days', as the status reads)."""
    if days == 0:
        return _("bezig sinds vandaag")
    return (_("bezig sinds 1 dag") if days == 1 else _("bezig sinds {count} dagen")).format(count=days)


def quiet_words(days: int) -> str:
    """'14 dagen stil' (in English: 'quiet for 14 days'): how long a customer has not moved."""
    if days == 0:
        return _("vandaag nog bijgewerkt")
    return (_("1 dag stil") if days == 1 else _("{count} dagen stil")).format(count=days)


def reminder_words(count: int) -> str:
    """'1 herinnering klaar' (in English: '1 reminder ready'): mails that waited too long for an answer."""
    return (_("1 herinnering klaar") if count == 1 else _("{count} herinneringen klaar")).format(count=count)


def dates_text(checklist: Checklist, entry: ChecklistItem) -> str | None:
    """When the user marked the item, in words: 'bezig sinds 12 dagen (2026-11-20)', 'klaar op 2026-12-01
    (begonnen op 2026-11-20); buiten de volgorde'. None when the item has no dates."""
    marked = entry.marked
    if entry.status == "doing" and marked.started:
        days = checklist.days_since(marked.started)
        said = doing_words(days) if days is not None else _("bezig")
        return f"{said} ({marked.started})"
    if entry.status != "done" or entry.done_by_answers:
        return None
    parts = [_("klaar op {date}").format(date=marked.finished)] if marked.finished else []
    if marked.started:
        parts.append(_("begonnen op {date}").format(date=marked.started))
    said = "; ".join(parts)
    if marked.out_of_order:
        said = "; ".join([*parts, _("aangeduid terwijl het nog wachtte (buiten de volgorde)")])
    return said or None


STATUS_WORDS = {  # translated where used: _(STATUS_WORDS[status])
    "open": N_("niet gestart"),
    "doing": N_("bezig"),
    "done": N_("klaar"),
    "blocked": N_("kan nog niet starten"),
}


def contact_text(contact: m.Contact) -> str:
    parts = [contact.name]
    if contact.email:
        parts.append(contact.email)
    if contact.phone:
        parts.append(
            _("tel. {phone}").format(phone=contact.phone)
            + (_(" (intern {extension})").format(extension=contact.phone_internal) if contact.phone_internal else "")
        )
    if contact.url and contact.url not in (contact.how_to_reach or ""):
        parts.append(contact.url)
    if contact.how_to_reach and not contact.email:
        parts.append(contact.how_to_reach)
    return " — ".join(parts)


def document_text(document: m.Document) -> str:
    """The title with its address, or where to find it or whom to ask (the guide gives most without address)."""
    after = {
        "onboarding-deel-1": _("beschikbaar na onboarding deel 1"),
        "onboarding-deel-2": _("beschikbaar na onboarding deel 2"),
    }.get(document.available_after or "", "")
    if document.url:
        return f"{document.title} ({document.url}{', ' + after if after else ''})"
    return f"{document.title}{f' ({after})' if after else ''} — {document.where}"


def role_texts(entry: ChecklistItem) -> list[str]:
    lines = []
    for line in entry.roles:
        text = _("recht '{name}'").format(name=line.right.name)
        if line.roles:
            names = ", ".join(f"'{r.name}'" for r in line.roles)
            with_roles = _(" met rol {names}") if len(line.roles) == 1 else _(" met de rollen {names}")
            text += with_roles.format(names=names)
        lines.append(text)
    return lines
