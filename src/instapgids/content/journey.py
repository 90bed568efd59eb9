"""The journey (``journey.yaml``: phases, steps, checklist items) and the mails (``mails.yaml``).

Plain dataclasses, validated by pydantic like the rest of ``models``.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- journey.yaml
import string
from dataclasses import dataclass, field
from typing import Annotated, Literal

from instapgids.content.fields import STRICT, Condition, Id, Positive, SectionNo, Text, nonempty
from instapgids.language import N_, _


@dataclass(kw_only=True, eq=False, repr=False)
class Paragraph:
    """A line of text that is only shown when its condition holds (no ``when``: always)."""

    __pydantic_config__ = STRICT

    text: Text
    when: Condition | None = None


def detail_text(detail: str | Paragraph) -> str:
    """The text of an item's detail, whether it is plain or conditional."""
    return detail if isinstance(detail, str) else detail.text


@dataclass(kw_only=True, eq=False, repr=False)
class RoleRequest:
    """A right (``right: id``) or a role under a right (``role: id``) to ask the local administrator for."""

    __pydantic_config__ = STRICT

    right: Id | None = None
    role: Id | None = None
    when: Condition | None = None

    def __post_init__(self) -> None:
        if (self.right is None) == (self.role is None):
            raise ValueError(_("geef precies één van 'right' of 'role'"))


@dataclass(kw_only=True, eq=False, repr=False)
class Item:
    """One thing to do on the checklist."""

    __pydantic_config__ = STRICT

    id: Id
    title: Text
    details: list[Text | Paragraph] = field(default_factory=list)
    when: Condition | None = None
    done_when: Condition | None = None
    done_note: Text | None = None
    contacts: list[Id] = field(default_factory=list)
    documents: list[Id] = field(default_factory=list)
    systems: list[Id] = field(default_factory=list)
    roles: list[RoleRequest] = field(default_factory=list)
    # a request to the local administrator: it asks for its own roles and those of the items that name it
    gathers_roles: bool = False
    asked_in: Id | None = None  # the request (an item with gathers_roles) that asks for this item's roles
    waits_for: list[Id] = field(default_factory=list)
    section: SectionNo
    # task: something to do, ticked off with its id; note: something to keep in mind (shown as a note, no id)
    kind: Literal["task", "note"] = "task"

    def __post_init__(self) -> None:
        if self.kind == "note":
            doing = ("done_when", "contacts", "systems", "roles", "gathers_roles", "asked_in", "waits_for")
            if given := [name for name in doing if getattr(self, name)]:
                raise ValueError(
                    _("een opmerking (kind: note) is niets om te doen: laat {fields} weg").format(
                        fields=", ".join(given)
                    )
                )
        if self.asked_in is not None and not self.roles:
            raise ValueError(_("'asked_in' hoort bij een punt met 'roles'"))
        if self.asked_in is not None and self.gathers_roles:
            raise ValueError(_("een punt met 'gathers_roles: true' vraagt zijn rechten zelf: laat 'asked_in' weg"))
        if self.roles and self.asked_in is None and not self.gathers_roles:
            raise ValueError(_("zeg in welke aanvraag bij de lokale beheerder deze rechten komen: 'asked_in: ID'"))


@dataclass(kw_only=True, eq=False, repr=False)
class GuideOrder:
    """The guide puts ``first`` before ``then``: no item of ``then`` may start while one of ``first`` is open."""

    __pydantic_config__ = STRICT

    first: Annotated[list[Id], nonempty(N_("heeft minstens één checklistpunt nodig"))]
    then: Annotated[list[Id], nonempty(N_("heeft minstens één checklistpunt nodig"))]
    section: SectionNo
    note: Text


@dataclass(kw_only=True, eq=False, repr=False)
class Step:
    """A step of a phase of the customer journey, with its items."""

    __pydantic_config__ = STRICT

    id: Id
    number: Positive
    title: Text
    summary: Text
    details: list[Text] = field(default_factory=list)
    section: SectionNo
    items: list[Item] = field(default_factory=list)


@dataclass(kw_only=True, eq=False, repr=False)
class Phase:
    """A phase of the customer journey: its steps, the support and systems it uses."""

    __pydantic_config__ = STRICT

    id: Id
    number: Positive
    title: Text
    summary: Text
    support: list[Id] = field(default_factory=list)
    systems: list[Id] = field(default_factory=list)
    section: SectionNo
    steps: Annotated[list[Step], nonempty(N_("heeft minstens één stap nodig"))]


@dataclass(kw_only=True, eq=False, repr=False)
class JourneyFile:
    """journey.yaml: the four phases, and the order of the guide that items keep."""

    __pydantic_config__ = STRICT

    summary: Text
    phases: list[Phase]
    guide_order: list[GuideOrder] = field(default_factory=list)


# --------------------------------------------------------------------------- mails.yaml


@dataclass(kw_only=True, eq=False, repr=False)
class Mail:
    """A mail the guide asks the customer to send; offered while its checklist item is open."""

    __pydantic_config__ = STRICT

    id: Id
    item: Id
    to: Id
    subject: Text
    paragraphs: Annotated[list[Paragraph], nonempty(N_("heeft minstens één alinea nodig"))]
    section: SectionNo
    follow_up_after: Positive | None = None  # working days before a reminder; none: the default of follow_up


@dataclass(kw_only=True, eq=False, repr=False)
class FollowUp:
    """The reminder to a team that has not answered a mail: after how many working days, and what it says."""

    __pydantic_config__ = STRICT

    after_working_days: Positive
    subject: Text
    paragraphs: Annotated[list[Paragraph], nonempty(N_("heeft minstens één alinea nodig"))]


@dataclass(kw_only=True, eq=False, repr=False)
class MailsFile:
    """mails.yaml: the mails an item may need, and when a follow-up is due."""

    __pydantic_config__ = STRICT

    mails: list[Mail]
    follow_up: FollowUp | None = None  # none: no reminders are offered


PLACEHOLDERS = ("organisatie", "soort_organisatie", "percelen", "rechten_en_rollen")
# In a reminder: the greeting, subject and day of the mail it follows up, and the organisation.
FOLLOW_UP_PLACEHOLDERS = ("aanhef", "onderwerp", "datum", "organisatie")


def placeholders(text: str) -> list[str]:
    """The ``{names}`` used in a text."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
