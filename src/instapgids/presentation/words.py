"""The words of the checklist: statuses, reasons and answers as the user reads them (Dutch)."""

from __future__ import annotations

from instapgids.content import models as m
from instapgids.content.bundle import Content
from instapgids.content.questions import AnswerValue, Question
from instapgids.engine.checklist import Checklist, ChecklistItem
from instapgids.engine.conditions import Reason, needed_suppliers

ALWAYS = "Geldt voor elke nieuwe klant."
ALL_HELD = "U heeft alle rechten en rollen die u nodig heeft al."
SOMEONE = "uw organisatie"  # when the answers give no name


def organisation_name(checklist: Checklist) -> str:
    """The organisation as the checklist names it: the answer, or "uw organisatie"."""
    return checklist.organisation or SOMEONE


def describe_answer(question: Question, value: AnswerValue, only: tuple[str, ...] = ()) -> str:
    """An answer as the user saw it: option labels, 'ja'/'nee', or the text."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
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
        return [ALL_HELD]
    if "request_for" in kinds:
        asked = {i for r in entry.reasons for i in r.items}
        titles = [i.item.title for i in checklist.items() if i.item.id in asked]
        return ["Nodig voor: " + "; ".join(titles) + ".", *role_origins(content, checklist, entry)]
    reasons = entry.reasons
    if entry.done_by_answers and entry.item.done_note:
        lines = [entry.item.done_note]
        reasons = [r for r in reasons if not r.negated]  # the note says what is not so
    elif not entry.reasons:
        return [ALWAYS]
    else:
        lines = []
    return lines + reason_lines(content, checklist, reasons) or [ALWAYS]


def role_origins(content: Content, checklist: Checklist, entry: ChecklistItem) -> list[str]:
    """Per right and role of a request to the local administrator: the answers (or else the item) that asked for it."""
    titles = {i.item.id: i.item.title for i in checklist.items()}
    lines = []
    for line in entry.roles:
        for wanted, name in [
            (line.right.id, f"Recht '{line.right.name}'"),
            *((r.id, f"Rol '{r.name}'") for r in line.roles),
        ]:
            origins = [o for o in line.because if o.wanted == wanted]
            why = [text for o in origins for text in reason_lines(content, checklist, list(o.reasons))]
            if not why:  # asked for whatever the answers; which item asks matters only when several do
                many = len(entry.needed_by) > 1
                why = [
                    f"altijd nodig voor '{titles[o.item]}'" if many and o.item != entry.item.id else "altijd nodig"
                    for o in origins
                ]
            if why:
                lines.append(f"{name} — {'; '.join(dict.fromkeys(why))}")
    return lines


def reason_lines(content: Content, checklist: Checklist, reasons: list[Reason]) -> list[str]:
    """Reasons in words, one line per answer (or lot, or count)."""
    lines: list[str] = []
    merged: dict[tuple[str, bool], set[str]] = {}
    for reason in reasons:
        kind = reason.kind
        key = f"lot:{reason.lot}" if kind == "lot" else reason.question if kind == "answer" else kind
        assert key is not None
        merged.setdefault((key, reason.negated), set()).update(reason.values)
    lines += [
        line for (key, negated), values in merged.items() if (line := _line(content, checklist, key, negated, values))
    ]
    return lines


def _line(content: Content, checklist: Checklist, key: str, negated: bool, values: set[str]) -> str | None:
    """One reason in words: the number of lots or suppliers, one lot, or one answer (None: the answer is gone)."""
    if key == "lots":
        names = ", ".join(f"{lot.number} ({lot.name})" for lot in checklist.lots) or "geen"
        many = "meer dan één perceel" if not negated else "niet meer dan één perceel"
        return f"U heeft {many} nodig: {names}."
    if key == "suppliers":
        suppliers = needed_suppliers(content, [lot.number for lot in checklist.lots])
        names = ", ".join(f"perceel {n}" if n.isdecimal() else n for n in suppliers) or "geen"
        many = "meer dan één leverancier" if not negated else "niet meer dan één leverancier"
        return f"U heeft diensten van {many} nodig: {names}."
    if key.startswith("lot:"):
        lot = content.lot_by_number[int(key[4:])]
        return f"U heeft perceel {lot.number} ({lot.name}) {'niet ' if negated else ''}nodig."
    if negated:
        return f"{content.question_by_id[key].label}: niet gevraagd bij uw antwoorden."
    if (value := checklist.answers.get(key)) is None:
        return None
    question = content.question_by_id[key]
    return f"{question.label}: {describe_answer(question, value, tuple(values))}"


STATUS_WORDS = {"open": "niet gestart", "doing": "bezig", "done": "klaar", "blocked": "kan nog niet starten"}


def contact_text(contact: m.Contact) -> str:
    parts = [contact.name]
    if contact.email:
        parts.append(contact.email)
    if contact.phone:
        parts.append(
            f"tel. {contact.phone}" + (f" (intern {contact.phone_internal})" if contact.phone_internal else "")
        )
    if contact.url and contact.url not in (contact.how_to_reach or ""):
        parts.append(contact.url)
    if contact.how_to_reach and not contact.email:
        parts.append(contact.how_to_reach)
    return " — ".join(parts)


def document_text(document: m.Document) -> str:
    """The title with its address, or where to find it or whom to ask (the guide gives most without address)."""
    after = {
        "onboarding-deel-1": "beschikbaar na onboarding deel 1",
        "onboarding-deel-2": "beschikbaar na onboarding deel 2",
    }.get(document.available_after or "", "")
    if document.url:
        return f"{document.title} ({document.url}{', ' + after if after else ''})"
    return f"{document.title}{f' ({after})' if after else ''} — {document.where}"


def role_texts(entry: ChecklistItem) -> list[str]:
    lines = []
    for line in entry.roles:
        text = f"recht '{line.right.name}'"
        if line.roles:
            names = ", ".join(f"'{r.name}'" for r in line.roles)
            text += f" met rol {names}" if len(line.roles) == 1 else f" met de rollen {names}"
        lines.append(text)
    return lines
