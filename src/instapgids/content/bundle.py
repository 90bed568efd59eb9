"""All content, validated, in one object with look-ups by id (what every other layer receives)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from instapgids.content import models as m
from instapgids.content.glossary import GlossaryFile
from instapgids.content.journey import JourneyFile, MailsFile, Phase
from instapgids.content.questions import InterviewFile, Question
from instapgids.language import DEFAULT, N_, Language

# Each content file and the model it holds.
FILES: dict[str, type] = {
    "guide.yaml": m.GuideFile,
    "lots.yaml": m.LotsFile,
    "journey.yaml": JourneyFile,
    "systems.yaml": m.SystemsFile,
    "roles.yaml": m.RolesFile,
    "contacts.yaml": m.ContactsFile,
    "documents.yaml": m.DocumentsFile,
    "interview.yaml": InterviewFile,
    "mails.yaml": MailsFile,
    "glossary.yaml": GlossaryFile,
}
# Each content file and the attribute of Content that holds it.
ATTRIBUTES: dict[str, str] = {
    "guide.yaml": "guide",
    "lots.yaml": "lots_file",
    "journey.yaml": "journey",
    "systems.yaml": "systems_file",
    "roles.yaml": "roles_file",
    "contacts.yaml": "contacts_file",
    "documents.yaml": "documents_file",
    "interview.yaml": "interview",
    "mails.yaml": "mails",
    "glossary.yaml": "glossary",
}

# The questions whose answers other parts need, by ``role`` in interview.yaml: the kind of
# question each must be and what it holds, marked for translation (``crosscheck`` checks there is
# exactly one of each).
ROLES: dict[str, tuple[str, str]] = {
    "organisation_name": ("text", N_("de naam van de organisatie")),
    "organisation_kind": ("select", N_("de soort organisatie")),
}


@dataclass
class Content:
    """All content, validated, with look-ups by id."""

    guide: m.GuideFile
    lots_file: m.LotsFile
    journey: JourneyFile
    systems_file: m.SystemsFile
    roles_file: m.RolesFile
    contacts_file: m.ContactsFile
    documents_file: m.DocumentsFile
    interview: InterviewFile
    mails: MailsFile
    glossary: GlossaryFile
    directory: Path
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
    language: Language = DEFAULT  # the language of its texts: what renders it speaks this language

    @property
    def lots(self) -> list[m.Lot]:
        return self.lots_file.lots

    @cached_property
    def lot_by_number(self) -> dict[int, m.Lot]:
        return {lot.number: lot for lot in self.lots}

    @cached_property
    def system_by_id(self) -> dict[str, m.System]:
        return {s.id: s for s in self.systems_file.systems}

    @cached_property
    def contact_by_id(self) -> dict[str, m.Contact]:
        return {c.id: c for c in self.contacts_file.contacts}

    @cached_property
    def document_by_id(self) -> dict[str, m.Document]:
        return {d.id: d for d in self.documents_file.documents}

    @cached_property
    def service_type_by_id(self) -> dict[str, m.ServiceType]:
        return {t.id: t for t in self.lots_file.service_types}

    @cached_property
    def right_by_id(self) -> dict[str, m.Right]:
        return {r.id: r for r in self.roles_file.rights}

    @cached_property
    def role_by_id(self) -> dict[str, tuple[m.Right, m.Role]]:
        return {role.id: (right, role) for right in self.roles_file.rights for role in right.roles}

    @cached_property
    def question_by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.interview.questions}

    @cached_property
    def section_by_number(self) -> dict[str, m.Section]:
        return {s.number: s for s in self.guide.sections}

    @cached_property
    def phase_by_id(self) -> dict[str, Phase]:
        return {p.id: p for p in self.journey.phases}

    @cached_property
    def organisation_kind_question(self) -> Question | None:
        """The question whose answer is the kind of organisation (``role: organisation_kind``)."""
        return next((q for q in self.interview.questions if q.role == "organisation_kind"), None)

    def role_answer(self, role: str, answers: Mapping[str, object]) -> object:
        """The answer to the question with this ``role`` (see :data:`ROLES`), or None."""
        question = next((q for q in self.interview.questions if q.role == role), None)
        return answers.get(question.id) if question is not None else None

    def file_models(self) -> dict[str, Any]:
        """Each content file and the validated model it holds (the keys of :data:`FILES`)."""
        return {name: getattr(self, attribute) for name, attribute in ATTRIBUTES.items()}

    def counts(self) -> dict[str, int]:
        steps = [s for p in self.journey.phases for s in p.steps]
        return {
            "percelen": len(self.lots),
            "fases": len(self.journey.phases),
            "stappen": len(steps),
            "checklistpunten": sum(len(s.items) for s in steps),
            "systemen": len(self.systems_file.systems),
            "rechten": len(self.roles_file.rights),
            "rollen": len(self.role_by_id),
            "contacten": len(self.contacts_file.contacts),
            "documenten": len(self.documents_file.documents),
            "vragen": len(self.interview.questions),
            "mails": len(self.mails.mails),
            "termen": len(self.glossary.terms),
        }
