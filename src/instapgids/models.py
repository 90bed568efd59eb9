"""Pydantic models of the content in ``data/*.yaml``.

One model per YAML file (``*File``), made of small frozen models that forbid
unknown fields. These models check the shape of each file on its own; the
checks that span files (references, unique ids, cited sections) live in
``crosscheck.py`` so that every problem can be reported with its file and line.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
SectionNo = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*(\.[1-9][0-9]*)*$")]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]+$")]


class Strict(BaseModel):
    """Base of every content model: unknown fields are errors, values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- conditions


class Condition(Strict):
    """A declarative test on the interview answers; exactly one form is used.

    Leaves:  ``{answer: q, equals: v}``, ``{answer: q, in: [v, ...]}``,
             ``{answer: q, includes: v}`` (a ticked checkbox option),
             ``{lot: N}`` (lot N is needed), ``{lots_at_least: N}``.
    Combinators: ``{all: [...]}``, ``{any: [...]}``, ``{not: {...}}``.
    """

    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")
    answer: Id | None = None
    equals: str | bool | None = None
    in_: list[str] | None = Field(default=None, alias="in")
    includes: str | None = None
    lot: int | None = Field(default=None, ge=1, le=6)
    lots_at_least: int | None = Field(default=None, ge=1, le=6)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [
            self.all is not None,
            self.any is not None,
            self.not_ is not None,
            self.answer is not None,
            self.lot is not None,
            self.lots_at_least is not None,
        ]
        if sum(forms) != 1:
            raise ValueError(
                "een voorwaarde gebruikt precies één vorm: all, any, not, answer, lot of lots_at_least"
            )
        if self.answer is not None:
            tests = [self.equals is not None, self.in_ is not None, self.includes is not None]
            if sum(tests) != 1:
                raise ValueError("bij 'answer' hoort precies één van: equals, in, includes")
        elif self.equals is not None or self.in_ is not None or self.includes is not None:
            raise ValueError("equals, in en includes horen bij 'answer'")
        if (self.all is not None and not self.all) or (self.any is not None and not self.any):
            raise ValueError("all en any hebben minstens één voorwaarde nodig")
        return self


# --------------------------------------------------------------------------- guide.yaml


class HistoryEntry(Strict):
    version: Text
    date: Text
    note: Text
    author: Text


class GuideInfo(Strict):
    title: Text
    subtitle: Text
    version: Text
    date: Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{2}-\d{4}$")]
    publisher: Text
    contract_start: int
    contract_end: int
    history: list[HistoryEntry]


class Section(Strict):
    number: SectionNo
    title: Text
    page: int | None = None
    in_toc: bool = True


class Gap(Strict):
    section: SectionNo
    note: Text


class Forum(Strict):
    id: Id
    name: Text
    section: SectionNo


class CustomerSupport(Strict):
    """Chapter 7: how customers are supported after onboarding."""

    summary: Text
    portal_functions: list[Annotated[list[Text], Field(min_length=2, max_length=2)]]
    fora: list[Forum]
    fora_summary: Text
    fora_reports: Text
    contact_list: Text
    section: SectionNo


class OtherServices(Strict):
    summary: Text
    categories: list[Text]
    documents: list[Id]
    section: SectionNo


class GuideFile(Strict):
    guide: GuideInfo
    sections: list[Section]
    gaps: list[Gap]
    support: CustomerSupport
    other_services: OtherServices


# --------------------------------------------------------------------------- lots.yaml


class ServiceType(Strict):
    id: Id
    name: Text
    summary: Text
    details: list[Text] = []
    section: SectionNo


class Partner(Strict):
    name: Text
    note: Text | None = None


class Domain(Strict):
    title: Text
    summary: Text | None = None
    bullets: list[Text] = []


class LotServiceType(Strict):
    type: Id
    note: Text
    section: SectionNo


class Point(Strict):
    """A fact or instruction with the section it comes from."""

    text: Text
    section: SectionNo


class Lot(Strict):
    number: int = Field(ge=1, le=6)
    id: Id
    name: Text
    partners: list[Partner] = Field(min_length=1)
    summary: Text
    description: Text
    domains: list[Domain] = Field(min_length=1)
    service_types: list[LotServiceType]
    how_to_start: list[Point]
    systems: list[Id] = []
    documents: list[Id] = []
    section: SectionNo


class LotsFile(Strict):
    service_types: list[ServiceType]
    multiple_lots: Point
    lots: list[Lot]


# --------------------------------------------------------------------------- contacts.yaml


class Contact(Strict):
    id: Id
    name: Text
    kind: Literal["team", "rol", "persoon", "partner"]
    email: Email | None = None
    phone: Text | None = None
    phone_internal: Text | None = None
    url: Url | None = None
    how_to_reach: Text | None = None
    purposes: list[Text] = Field(min_length=1)
    sections: list[SectionNo] = Field(min_length=1)


class ContactsFile(Strict):
    contacts: list[Contact]


# --------------------------------------------------------------------------- documents.yaml


class Document(Strict):
    id: Id
    title: Text
    kind: Literal[
        "contract", "webpagina", "service-portfolio", "handleiding", "kennisartikel", "template", "link"
    ]
    url: Url | None = None
    available_after: Literal["onboarding-deel-1", "onboarding-deel-2"] | None = None
    note: Text | None = None
    sections: list[SectionNo] = Field(min_length=1)


class DocumentsFile(Strict):
    documents: list[Document]


# --------------------------------------------------------------------------- systems.yaml / roles.yaml


class Procedure(Strict):
    """How to get access; ``applies_to`` lists organisation kinds (answers of ``org_kind``)."""

    label: Text
    applies_to: list[Id] = []
    steps: list[Text] = Field(min_length=1)
    section: SectionNo


class System(Strict):
    id: Id
    name: Text
    aliases: list[Text] = []
    scope: Literal["gemeenschappelijk", "perceel"]
    lot: int | None = Field(default=None, ge=1, le=6)
    purpose: Text
    features: list[Text] = []
    optional: bool = False
    optional_note: Text | None = None
    phases: list[Id] = Field(min_length=1)
    url: Url | None = None
    prerequisites: list[Text] = []
    access: list[Procedure] = []
    rights: list[Id] = []
    contacts: list[Id] = []
    documents: list[Id] = []
    section: SectionNo

    @model_validator(mode="after")
    def _lot_matches_scope(self) -> System:
        if (self.scope == "perceel") != (self.lot is not None):
            raise ValueError("een systeem met scope 'perceel' heeft een 'lot', een gemeenschappelijk niet")
        return self


class SystemsFile(Strict):
    systems: list[System]


class Role(Strict):
    id: Id
    name: Text
    allows: Text
    section: SectionNo


class Right(Strict):
    """An IDM right (gebruikersrecht), with the roles that can be granted under it."""

    id: Id
    name: Text
    system: Id
    level: Literal["persoon", "organisatie"]
    granted_by: Id
    note: Text | None = None
    roles: list[Role] = []
    section: SectionNo


class RolesFile(Strict):
    rights: list[Right]


# --------------------------------------------------------------------------- interview.yaml


class Option(Strict):
    value: Id
    label: Text
    lots: list[Annotated[int, Field(ge=1, le=6)]] = []
    holds: list[Id] = []
    exclusive: bool = False


class Question(Strict):
    id: Id
    kind: Literal["text", "select", "checkbox", "confirm"]
    label: Text
    prompt: Text
    help: Text | None = None
    options: list[Option] = []
    when: Condition | None = None
    section: SectionNo | None = None

    @model_validator(mode="after")
    def _options_fit_kind(self) -> Question:
        if self.kind in ("select", "checkbox") and len(self.options) < 2:
            raise ValueError(f"een vraag van soort '{self.kind}' heeft minstens twee opties nodig")
        if self.kind in ("text", "confirm") and self.options:
            raise ValueError(f"een vraag van soort '{self.kind}' heeft geen opties")
        return self


class InterviewFile(Strict):
    questions: list[Question]


# --------------------------------------------------------------------------- journey.yaml


class RoleRequest(Strict):
    """A right (``right: id``) or a role under a right (``role: id``) to ask the local administrator for."""

    right: Id | None = None
    role: Id | None = None
    when: Condition | None = None

    @model_validator(mode="after")
    def _right_or_role(self) -> RoleRequest:
        if (self.right is None) == (self.role is None):
            raise ValueError("geef precies één van 'right' of 'role'")
        return self


class Item(Strict):
    """One thing to do on the checklist."""

    id: Id
    title: Text
    details: list[Text] = []
    when: Condition | None = None
    done_when: Condition | None = None
    done_note: Text | None = None
    contacts: list[Id] = []
    documents: list[Id] = []
    systems: list[Id] = []
    roles: list[RoleRequest] = []
    gathers_roles: bool = False
    waits_for: list[Id] = []
    section: SectionNo


class Step(Strict):
    id: Id
    number: int = Field(ge=1)
    title: Text
    summary: Text
    details: list[Text] = []
    section: SectionNo
    items: list[Item] = []


class Phase(Strict):
    id: Id
    number: int = Field(ge=1)
    title: Text
    summary: Text
    support: list[Id] = []
    systems: list[Id] = []
    section: SectionNo
    steps: list[Step] = Field(min_length=1)


class JourneyFile(Strict):
    summary: Text
    phases: list[Phase]
