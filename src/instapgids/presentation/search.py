"""Look-ups over the content: find a system by name, and search everything for a term.

Pure functions; matching ignores case and accents ("coordinatie" finds "Coördinatie").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from instapgids.content import models as m
from instapgids.content.bundle import Content
from instapgids.content.journey import detail_text
from instapgids.language import N_, _


def fold(text: str) -> str:
    """Lower case without accents, for matching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _spelled(text: str) -> str:
    """One spelling for words English spells two ways: the content's British 'licence' is found by 'license'."""
    return text.replace("license", "licence")


def find_system(content: Content, name: str) -> m.System | None:
    """A system by id, name or alias; an unambiguous start of one of those also matches."""
    wanted = fold(name.strip())
    if not wanted:
        return None
    systems = content.systems_file.systems
    names = {s.id: [fold(s.id), fold(s.name), *(fold(a) for a in s.aliases)] for s in systems}
    exact = [s for s in systems if wanted in names[s.id]]
    if exact:
        return exact[0]
    starts = [s for s in systems if any(n.startswith(wanted) for n in names[s.id])]
    return starts[0] if len(starts) == 1 else None


@dataclass(frozen=True)
class Hit:
    """A place in the content where a searched word occurs."""

    kind: str  # marked Dutch, for the user: "perceel", "stap", … (shown with _())
    title: str
    section: str
    snippet: str


# (kind, title, section, searchable texts): one thing a user may look for.
_Entry = tuple[str, str, str, list[str]]


def _lot_entries(content: Content) -> list[_Entry]:
    out: list[_Entry] = []
    for lot in content.lots:
        texts = [lot.name, lot.summary, lot.description, *(p.name for p in lot.partners)]
        for domain in lot.domains:
            texts += [domain.title, domain.summary or "", *domain.bullets]
        texts += [p.text for p in lot.how_to_start] + [t.note for t in lot.service_types]
        title = _("Perceel {number}: {name}").format(number=lot.number, name=lot.name)
        out.append((N_("perceel"), title, lot.section, texts))
    return out


def _journey_entries(content: Content) -> list[_Entry]:
    """The phases, their steps and the steps' checklist items."""
    out: list[_Entry] = []
    for phase in content.journey.phases:
        title = _("Fase {number}: {title}").format(number=phase.number, title=phase.title)
        out.append((N_("fase"), title, phase.section, [phase.title, phase.summary]))
        for step in phase.steps:
            title = _("Fase {phase}, stap {number}: {title}").format(
                phase=phase.number, number=step.number, title=step.title
            )
            out.append((N_("stap"), title, step.section, [step.title, step.summary, *step.details]))
            for item in step.items:
                out.append(
                    (N_("checklistpunt"), item.title, item.section, [item.title, *map(detail_text, item.details)])
                )
    return out


def _system_entries(content: Content) -> list[_Entry]:
    out: list[_Entry] = []
    for s in content.systems_file.systems:
        texts = [s.name, *s.aliases, s.purpose, *s.features, *s.prerequisites]
        texts += [step for proc in s.access for step in proc.steps]
        out.append((N_("systeem"), s.name, s.section, texts))
    return out


def _right_entries(content: Content) -> list[_Entry]:
    """The rights, each followed by its roles."""
    out: list[_Entry] = []
    for right in content.roles_file.rights:
        out.append((N_("recht"), right.name, right.section, [right.name, right.note or ""]))
        for role in right.roles:
            title = _("{role} (recht '{right}')").format(role=role.name, right=right.name)
            out.append((N_("rol"), title, role.section, [role.name, role.allows]))
    return out


def _contact_and_document_entries(content: Content) -> list[_Entry]:
    out: list[_Entry] = []
    for c in content.contacts_file.contacts:
        texts = [c.name, c.email or "", c.phone or "", c.url or "", *c.purposes]
        out.append((N_("contact"), c.name, c.sections[0], texts))
    for d in content.documents_file.documents:
        out.append((N_("document"), d.title, d.sections[0], [d.title, d.note or ""]))
    return out


def _support_entries(content: Content) -> list[_Entry]:
    """The fora for support after the onboarding, and Digitaal Vlaanderen's other services."""
    support = content.guide.support
    out: list[_Entry] = [
        (N_("forum"), forum.name, forum.section, [forum.name, support.fora_summary, support.fora_reports])
        for forum in support.fora
    ]
    other = content.guide.other_services
    out.append(
        (N_("dienst"), _("Overige diensten van Digitaal Vlaanderen"), other.section, [other.summary, *other.categories])
    )
    return out


def _entries(content: Content) -> list[_Entry]:
    """Everything a user may look for, in the order the results are shown."""
    return [
        *_lot_entries(content),
        *_journey_entries(content),
        *_system_entries(content),
        *_right_entries(content),
        *_contact_and_document_entries(content),
        *_support_entries(content),
    ]


def search(content: Content, term: str, also: Content | None = None) -> list[Hit]:
    """Everything whose text contains ``term`` (all words of it), ignoring case and accents.

    ``also``: the same content in another language (English beside Dutch): its texts are searched too,
    and what is found is shown as in ``content`` (the snippet too: the text in this language that
    stands where the word was found in the other).
    """
    words = _spelled(fold(term)).split()
    if not words:
        return []
    hits: list[Hit] = []
    entries = _entries(content)
    others = _entries(also) if also is not None else [(k, t, s, []) for k, t, s, _texts in entries]
    for (kind, title, section, own), (*_same, other) in zip(entries, others, strict=True):
        texts = [*own, *other]
        folded = [_spelled(fold(t)) for t in texts]
        joined = " ".join(folded)
        if all(w in joined for w in words):
            at = next((i for i, f in enumerate(folded) if words[0] in f), 0)
            if at >= len(own) and len(other) == len(own):  # the same content: its texts stand in the same order
                at -= len(own)
            hits.append(Hit(kind, title, section, _snippet(texts[at] or texts[0], words[0])))
    return hits


def _snippet(text: str, word: str, width: int = 90) -> str:
    at = max(0, fold(text).find(word))
    start = max(0, at - width // 3)
    piece = text[start : start + width].replace("\n", " ")
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")
