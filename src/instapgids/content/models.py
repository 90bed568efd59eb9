"""The content's shape: one dataclass per kind of thing in ``data/*.yaml`` (the interview's in
``questions``, the journey's and the mails' in ``journey``).

These are plain standard-library dataclasses, so that reading content that
was validated before (see ``cache``) needs no pydantic at all.
pydantic validates them (``load`` builds a ``TypeAdapter`` per file):
unknown fields are errors, constraints are the ``Annotated`` markers below,
and the rules that span several fields of one object live in
``__post_init__``. Checks that span files (references, unique ids, cited
sections) live in ``crosscheck``, so that every problem can be reported
with its file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

# pydantic reads this on every dataclass below: unknown fields are errors.
STRICT: Any = {"extra": "forbid"}

# The content classes are @dataclass(kw_only=True, eq=False, repr=False): no
# generated __eq__/__repr__ and not frozen, because generating those for some
# thirty classes costs ~35 ms on every start (see benchmarks/startup.py).
# Nothing mutates content after validation.


@dataclass(frozen=True)
class Check:
    """An ``Annotated`` constraint with a Dutch message, applied by pydantic after the type check."""

    message: str
    pattern: str | None = None
    low: int | None = None
    high: int | None = None
    nonempty: bool = False

    def holds(self, value: Any) -> bool:
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            return False
        if self.low is not None and value < self.low:
            return False
        if self.high is not None and value > self.high:
            return False
        return not (self.nonempty and not (value.strip() if isinstance(value, str) else value))

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        def check(value: Any) -> Any:
            if not self.holds(value):
                raise ValueError(self.message)
            return value.strip() if isinstance(value, str) else value

        return core_schema.no_info_after_validator_function(check, handler(source))


Id = Annotated[str, Check("moet een id zijn: kleine letters, cijfers, '-' of '_'", pattern=r"[a-z0-9][a-z0-9_-]*")]
SectionNo = Annotated[str, Check('moet een sectienummer zijn, zoals "6.2.1.3"', pattern=r"[1-9][0-9]*(\.[1-9][0-9]*)*")]
Text = Annotated[str, Check("mag niet leeg zijn", nonempty=True)]
Url = Annotated[str, Check("moet een adres zijn dat begint met http:// of https://", pattern=r"https?://\S+")]
Email = Annotated[str, Check("moet een e-mailadres zijn", pattern=r"[^@\s]+@[^@\s]+\.[a-z]+")]
LotNo = Annotated[int, Check("moet een perceelnummer zijn (1 of meer)", low=1)]
Positive = Annotated[int, Check("moet 1 of meer zijn", low=1)]
DateText = Annotated[str, Check("moet een datum zijn als 17-05-2024", pattern=r"\d{2}-\d{2}-\d{4}")]


def nonempty(what: str) -> Check:
    return Check(f"heeft minstens één {what} nodig", nonempty=True)


# --------------------------------------------------------------------------- conditions


@dataclass(kw_only=True, eq=False, repr=False)
class Condition:
    """A declarative test on the interview answers; exactly one form is used.

    Leaves:  ``{answer: q, equals: v}``, ``{answer: q, one_of: [v, ...]}``,
             ``{answer: q, includes: v}`` (a ticked checkbox option),
             ``{lot: N}`` (lot N is needed), ``{lots_at_least: N}``,
             ``{suppliers_at_least: N}`` (the needed lots have N or more different suppliers).
    Combinators: ``{all: [...]}``, ``{any: [...]}``, ``{none: [...]}``.
    """

    __pydantic_config__ = STRICT

    all: list[Condition] | None = None
    any: list[Condition] | None = None
    none: list[Condition] | None = None
    answer: Id | None = None
    equals: str | bool | None = None
    one_of: list[str] | None = None
    includes: str | None = None
    lot: LotNo | None = None
    lots_at_least: Positive | None = None
    suppliers_at_least: Positive | None = None

    def __post_init__(self) -> None:
        combinators = {"all": self.all, "any": self.any, "none": self.none}
        forms = [*combinators.values(), self.answer, self.lot, self.lots_at_least, self.suppliers_at_least]
        if sum(form is not None for form in forms) != 1:
            raise ValueError(
                "een voorwaarde gebruikt precies één vorm: all, any, none, answer, lot, lots_at_least"
                " of suppliers_at_least"
            )
        tests = [self.equals, self.one_of, self.includes]
        if self.answer is not None and sum(test is not None for test in tests) != 1:
            raise ValueError("bij 'answer' hoort precies één van: equals, one_of, includes")
        if self.answer is None and any(test is not None for test in tests):
            raise ValueError("equals, one_of en includes horen bij 'answer'")
        for name, children in combinators.items():
            if children is not None and not children:
                raise ValueError(f"'{name}' heeft minstens één voorwaarde nodig")


# --------------------------------------------------------------------------- guide.yaml


@dataclass(kw_only=True, eq=False, repr=False)
class HistoryEntry:
    __pydantic_config__ = STRICT

    version: Text
    date: Text
    note: Text
    author: Text


@dataclass(kw_only=True, eq=False, repr=False)
class GuideInfo:
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
    __pydantic_config__ = STRICT

    number: SectionNo
    title: Text
    page: int | None = None
    in_toc: bool = True


@dataclass(kw_only=True, eq=False, repr=False)
class Gap:
    __pydantic_config__ = STRICT

    section: SectionNo
    note: Text


@dataclass(kw_only=True, eq=False, repr=False)
class Forum:
    __pydantic_config__ = STRICT

    id: Id
    name: Text
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class PortalFunction:
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
    __pydantic_config__ = STRICT

    summary: Text
    categories: list[Text]
    documents: list[Id]
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class GuideFile:
    __pydantic_config__ = STRICT

    guide: GuideInfo
    sections: list[Section]
    gaps: list[Gap]
    support: CustomerSupport
    other_services: OtherServices


# --------------------------------------------------------------------------- lots.yaml


@dataclass(kw_only=True, eq=False, repr=False)
class ServiceType:
    __pydantic_config__ = STRICT

    id: Id
    name: Text
    summary: Text
    details: list[Text] = field(default_factory=list)
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class Partner:
    __pydantic_config__ = STRICT

    name: Text
    note: Text | None = None


@dataclass(kw_only=True, eq=False, repr=False)
class Domain:
    __pydantic_config__ = STRICT

    title: Text
    summary: Text | None = None
    bullets: list[Text] = field(default_factory=list)


@dataclass(kw_only=True, eq=False, repr=False)
class LotServiceType:
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
    __pydantic_config__ = STRICT

    number: LotNo
    id: Id
    name: Text
    partners: Annotated[list[Partner], nonempty("partner")]
    summary: Text
    description: Text
    domains: Annotated[list[Domain], nonempty("domein")]
    service_types: list[LotServiceType]
    how_to_start: list[Point]
    systems: list[Id] = field(default_factory=list)
    documents: list[Id] = field(default_factory=list)
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class LotsFile:
    __pydantic_config__ = STRICT

    service_types: list[ServiceType]
    multiple_lots: Point
    lots: list[Lot]


# --------------------------------------------------------------------------- contacts.yaml


@dataclass(kw_only=True, eq=False, repr=False)
class Contact:
    __pydantic_config__ = STRICT

    id: Id
    name: Text
    kind: Literal["team", "rol", "persoon", "partner"]
    email: Email | None = None
    phone: Text | None = None
    phone_internal: Text | None = None
    url: Url | None = None
    how_to_reach: Text | None = None
    purposes: Annotated[list[Text], nonempty("doel")]
    sections: Annotated[list[SectionNo], nonempty("sectie")]


@dataclass(kw_only=True, eq=False, repr=False)
class ContactsFile:
    __pydantic_config__ = STRICT

    contacts: list[Contact]


# --------------------------------------------------------------------------- documents.yaml


@dataclass(kw_only=True, eq=False, repr=False)
class Document:
    __pydantic_config__ = STRICT

    id: Id
    title: Text
    kind: Literal["contract", "webpagina", "service-portfolio", "handleiding", "kennisartikel", "template", "link"]
    url: Url | None = None
    where: Text | None = None  # without a url: where to find it or whom to ask, from the guide
    available_after: Literal["onboarding-deel-1", "onboarding-deel-2"] | None = None
    note: Text | None = None
    sections: Annotated[list[SectionNo], nonempty("sectie")]

    def __post_init__(self) -> None:
        if not self.url and not self.where:
            raise ValueError("een document zonder 'url' heeft een 'where': waar het te vinden is of wie u het vraagt")


@dataclass(kw_only=True, eq=False, repr=False)
class DocumentsFile:
    __pydantic_config__ = STRICT

    documents: list[Document]


# --------------------------------------------------------------------------- systems.yaml / roles.yaml


@dataclass(kw_only=True, eq=False, repr=False)
class Procedure:
    """How to get access; ``applies_to`` lists organisation kinds (answers of ``org_kind``)."""

    __pydantic_config__ = STRICT

    label: Text
    applies_to: list[Id] = field(default_factory=list)
    steps: Annotated[list[Text], nonempty("stap")]
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class System:
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
    phases: Annotated[list[Id], nonempty("fase")]
    url: Url | None = None
    prerequisites: list[Text] = field(default_factory=list)
    access: list[Procedure] = field(default_factory=list)
    rights: list[Id] = field(default_factory=list)
    contacts: list[Id] = field(default_factory=list)
    documents: list[Id] = field(default_factory=list)
    section: SectionNo

    def __post_init__(self) -> None:
        if (self.scope == "perceel") != (self.lot is not None):
            raise ValueError("een systeem met scope 'perceel' heeft een 'lot', een gemeenschappelijk niet")


@dataclass(kw_only=True, eq=False, repr=False)
class SystemsFile:
    __pydantic_config__ = STRICT

    systems: list[System]


@dataclass(kw_only=True, eq=False, repr=False)
class Role:
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
    granted_by: Id
    note: Text | None = None
    roles: list[Role] = field(default_factory=list)
    section: SectionNo


@dataclass(kw_only=True, eq=False, repr=False)
class RolesFile:
    __pydantic_config__ = STRICT

    rights: list[Right]
