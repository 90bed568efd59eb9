"""The content's shape: one dataclass per kind of thing in ``data/*.yaml`` (the interview's in
``questions``, the journey's and the mails' in ``journey``; the field types and conditions in ``fields``).

These are plain standard-library dataclasses, so that reading content that
was validated before (see ``cache``) needs no pydantic at all.
pydantic validates them (``load`` builds a ``TypeAdapter`` per file):
unknown fields are errors, constraints are the ``Annotated`` markers of ``fields``,
and the rules that span several fields of one object live in
``__post_init__``. Checks that span files (references, unique ids, cited
sections) live in ``crosscheck``, so that every problem can be reported
with its file and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from instapgids.content.fields import STRICT, DateText, Email, Id, LotNo, SectionNo, Text, Url, nonempty
from instapgids.content.fields import Condition as Condition  # m.Condition, for the engine and crosscheck
from instapgids.language import N_, _

# --------------------------------------------------------------------------- guide.yaml


@dataclass(kw_only=True, eq=False, repr=False)
class HistoryEntry:
    """One version of the guide in its history table."""

    __pydantic_config__ = STRICT

    version: Text
    date: Text
    note: Text
    author: Text


@dataclass(kw_only=True, eq=False, repr=False)
class GuideInfo:
    """The guide itself: title, version, date, publisher and the contracts' term."""

    __pydantic_config__ = STRICT

    title: Text
    subtitle: Text
    version: Text
    date: DateText
    publisher: Text
    contract_start: int
    contract_end: int
    history: list[HistoryEntry]


@dataclass(kw_only=True, eq=False, repr=False)
class Section:
    """A numbered section of the guide, as cited by every item."""

    __pydantic_config__ = STRICT

    number: SectionNo
    title: Text
    page: int | None = None
    in_toc: bool = True


@dataclass(kw_only=True, eq=False, repr=False)
class Gap:
    """Something the guide leaves open, said where it matters."""

    __pydantic_config__ = STRICT

    section: SectionNo
    note: Text


@dataclass(kw_only=True, eq=False, repr=False)
class Forum:
    """A consultation body of the framework contracts."""

    __pydantic_config__ = STRICT

    id: Id
    name: Text
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class PortalFunction:
    """One function of the customer portal."""

    __pydantic_config__ = STRICT

    name: Text
    description: Text


@dataclass(kw_only=True, eq=False, repr=False)
class CustomerSupport:
    """Chapter 7: how customers are supported after onboarding."""

    __pydantic_config__ = STRICT

    summary: Text
    portal_functions: list[PortalFunction]
    fora: list[Forum]
    fora_summary: Text
    fora_reports: Text
    contact_list: Text
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class OtherServices:
    """What the guide says about services outside the framework contracts."""

    __pydantic_config__ = STRICT

    summary: Text
    categories: list[Text]
    documents: list[Id]
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class GuideFile:
    """guide.yaml: the guide's version, sections, gaps and support."""

    __pydantic_config__ = STRICT

    guide: GuideInfo
    sections: list[Section]
    gaps: list[Gap]
    support: CustomerSupport
    other_services: OtherServices


# --------------------------------------------------------------------------- lots.yaml


@dataclass(kw_only=True, eq=False, repr=False)
class ServiceType:
    """A kind of service the lots offer."""

    __pydantic_config__ = STRICT

    id: Id
    name: Text
    summary: Text
    details: list[Text] = field(default_factory=list)
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class Partner:
    """An ICT partner of a lot."""

    __pydantic_config__ = STRICT

    name: Text
    note: Text | None = None


@dataclass(kw_only=True, eq=False, repr=False)
class Domain:
    """A domain of a lot's service portfolio."""

    __pydantic_config__ = STRICT

    title: Text
    summary: Text | None = None
    bullets: list[Text] = field(default_factory=list)


@dataclass(kw_only=True, eq=False, repr=False)
class LotServiceType:
    """A kind of service as one lot offers it."""

    __pydantic_config__ = STRICT

    type: Id
    note: Text
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class Point:
    """A fact or instruction with the section it comes from."""

    __pydantic_config__ = STRICT

    text: Text
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class Lot:
    """A lot (perceel) of the framework contracts, with its partners, services and systems."""

    __pydantic_config__ = STRICT

    number: LotNo
    id: Id
    name: Text
    partners: Annotated[list[Partner], nonempty(N_("heeft minstens één partner nodig"))]
    summary: Text
    description: Text
    domains: Annotated[list[Domain], nonempty(N_("heeft minstens één domein nodig"))]
    service_types: list[LotServiceType]
    how_to_start: list[Point]
    systems: list[Id] = field(default_factory=list)
    documents: list[Id] = field(default_factory=list)
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class LotsFile:
    """lots.yaml: the six lots and the kinds of service."""

    __pydantic_config__ = STRICT

    service_types: list[ServiceType]
    multiple_lots: Point
    lots: list[Lot]


# --------------------------------------------------------------------------- contacts.yaml


@dataclass(kw_only=True, eq=False, repr=False)
class Contact:
    """Whom to contact for what: a team, an address, a phone number or a portal."""

    __pydantic_config__ = STRICT

    id: Id
    name: Text
    kind: Literal["team", "rol", "persoon", "partner"]
    email: Email | None = None
    phone: Text | None = None
    phone_internal: Text | None = None
    url: Url | None = None
    how_to_reach: Text | None = None
    purposes: Annotated[list[Text], nonempty(N_("heeft minstens één doel nodig"))]
    sections: Annotated[list[SectionNo], nonempty(N_("heeft minstens één sectie nodig"))]


@dataclass(kw_only=True, eq=False, repr=False)
class ContactsFile:
    """contacts.yaml: every contact the checklist may name."""

    __pydantic_config__ = STRICT

    contacts: list[Contact]


# --------------------------------------------------------------------------- documents.yaml


@dataclass(kw_only=True, eq=False, repr=False)
class Document:
    """A document of the guide or a lot, and when it becomes available."""

    __pydantic_config__ = STRICT

    id: Id
    title: Text
    kind: Literal["contract", "webpagina", "service-portfolio", "handleiding", "kennisartikel", "template", "link"]
    url: Url | None = None
    where: Text | None = None  # without a url: where to find it or whom to ask, from the guide
    available_after: Literal["onboarding-deel-1", "onboarding-deel-2"] | None = None
    note: Text | None = None
    sections: Annotated[list[SectionNo], nonempty(N_("heeft minstens één sectie nodig"))]

    def __post_init__(self) -> None:
        if not self.url and not self.where:
            raise ValueError(
                _("een document zonder 'url' heeft een 'where': waar het te vinden is of wie u het vraagt")
            )


@dataclass(kw_only=True, eq=False, repr=False)
class DocumentsFile:
    """documents.yaml: every document the checklist may point to."""

    __pydantic_config__ = STRICT

    documents: list[Document]


# --------------------------------------------------------------------------- systems.yaml / roles.yaml


@dataclass(kw_only=True, eq=False, repr=False)
class Procedure:
    """How to get access; ``when``: the answers it is for (None: everyone)."""

    __pydantic_config__ = STRICT

    label: Text
    when: Condition | None = None
    steps: Annotated[list[Text], nonempty(N_("heeft minstens één stap nodig"))]
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class System:
    """A system a customer uses (DDC-DMS, ACM/IDM, ...): what it is for, how to get access, which rights."""

    __pydantic_config__ = STRICT

    id: Id
    name: Text
    aliases: list[Text] = field(default_factory=list)
    scope: Literal["gemeenschappelijk", "perceel"]
    lot: LotNo | None = None
    purpose: Text
    features: list[Text] = field(default_factory=list)
    optional: bool = False
    optional_note: Text | None = None
    phases: Annotated[list[Id], nonempty(N_("heeft minstens één fase nodig"))]
    url: Url | None = None
    prerequisites: list[Text] = field(default_factory=list)
    access: list[Procedure] = field(default_factory=list)
    rights: list[Id] = field(default_factory=list)
    contacts: list[Id] = field(default_factory=list)
    documents: list[Id] = field(default_factory=list)
    section: SectionNo

    def __post_init__(self) -> None:
        if (self.scope == "perceel") != (self.lot is not None):
            raise ValueError(_("een systeem met scope 'perceel' heeft een 'lot', een gemeenschappelijk niet"))


@dataclass(kw_only=True, eq=False, repr=False)
class SystemsFile:
    """systems.yaml: every system the checklist may name."""

    __pydantic_config__ = STRICT

    systems: list[System]


@dataclass(kw_only=True, eq=False, repr=False)
class Role:
    """A right or role to ask the local administrator for, and what it allows."""

    __pydantic_config__ = STRICT

    id: Id
    name: Text
    allows: Text
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class Right:
    """An IDM right (gebruikersrecht), with the roles that can be granted under it."""

    __pydantic_config__ = STRICT

    id: Id
    name: Text
    system: Id
    level: Literal["persoon", "organisatie"]
    granted_by: Id | None = None  # None: the guide does not say who grants it
    note: Text | None = None
    roles: list[Role] = field(default_factory=list)
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class RolesFile:
    """roles.yaml: the rights and roles."""

    __pydantic_config__ = STRICT

    rights: list[Right]
