"""Checks that span the content files, one small checker per kind of promise.

Each checker takes the Content (whose ``raw`` holds the located YAML) and the ids the content
defines, and returns its problems, each placed at the file, line and field it concerns by
following the model's path back into the loaded YAML. ``CHECKS`` lists them; nothing here keeps
state between calls.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

from instapgids.content import models as m
from instapgids.content.bundle import ROLES, Content
from instapgids.content.graph import waits_for_cycles, waits_on
from instapgids.content.journey import FOLLOW_UP_PLACEHOLDERS, PLACEHOLDERS, FollowUp, Item, Mail, Phase, placeholders
from instapgids.content.located import format_path, locate
from instapgids.content.messages import TWICE
from instapgids.content.questions import Option
from instapgids.errors import Problem
from instapgids.language import N_, _

Path_ = tuple[str | int, ...]


def walk(obj: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every content object inside ``obj`` with its path in YAML terms (keys, list indexes)."""
    if dataclasses.is_dataclass(obj):
        yield path, obj
        for f in dataclasses.fields(obj):
            yield from walk(getattr(obj, f.name), (*path, f.name))
    elif isinstance(obj, list):
        for index, element in enumerate(obj):
            yield from walk(element, (*path, index))


@dataclasses.dataclass
class Report:
    """The problems found in one content file."""

    content: Content
    file: str
    problems: list[Problem] = dataclasses.field(default_factory=list)

    def __call__(self, path: Path_, message: str, /, **values: object) -> None:
        """A problem at ``path``: ``message`` (Dutch, marked with ``N_``) in the language of the run, with
        ``values`` filled in."""
        position, resolved = locate(self.content.raw.get(self.file), path)
        text = _(message).format(**values)
        self.problems.append(Problem(self.content.directory / self.file, *position, format_path(resolved), text))

    def refs(self, path: Path_, values: list[Any], known: set[Any], unknown: str, **more: str) -> None:
        """Each of ``values`` not in ``known`` is reported with ``unknown`` (marked with ``N_``), its
        ``{value}`` filled in (and the ``more`` placeholders)."""
        for index, value in enumerate(values):
            self.ref((*path, index), value, known, unknown, **more)

    def ref(self, path: Path_, value: Any, known: set[Any], unknown: str, **more: str) -> None:
        if value is not None and value not in known:
            self(path, unknown, value=value, **more)


# --------------------------------------------------------------------------- what the content defines


def _each(groups: list[tuple[Path_, list[Any]]], name: str) -> list[tuple[Path_, Any]]:
    """(path, value) of field ``name`` of every object in these lists, each list at its own path."""
    return [((*at, i, name), getattr(obj, name)) for at, objs in groups for i, obj in enumerate(objs)]


def _entries(content: Content) -> dict[str, tuple[str, list[tuple[Path_, Any]]]]:
    """Per kind of id (the keys of ``messages.TWICE``): its file, and every (path, value) that defines one."""
    lots, rights, phases = content.lots_file.lots, content.roles_file.rights, content.journey.phases
    documents = content.documents_file.documents
    roles: list[tuple[Path_, list[Any]]] = [(("rights", i, "roles"), r.roles) for i, r in enumerate(rights)]
    steps: list[tuple[Path_, list[Any]]] = [(("phases", i, "steps"), p.steps) for i, p in enumerate(phases)]
    items: list[tuple[Path_, list[Any]]] = [
        (("phases", i, "steps", j, "items"), s.items) for i, p in enumerate(phases) for j, s in enumerate(p.steps)
    ]
    return {
        "sections": ("guide.yaml", _each([(("sections",), content.guide.sections)], "number")),
        "lot_numbers": ("lots.yaml", _each([(("lots",), lots)], "number")),
        "lot_ids": ("lots.yaml", _each([(("lots",), lots)], "id")),
        "types": ("lots.yaml", _each([(("service_types",), content.lots_file.service_types)], "id")),
        "systems": ("systems.yaml", _each([(("systems",), content.systems_file.systems)], "id")),
        "contacts": ("contacts.yaml", _each([(("contacts",), content.contacts_file.contacts)], "id")),
        "documents": ("documents.yaml", _each([(("documents",), documents)], "id")),
        "rights": ("roles.yaml", _each([(("rights",), rights)], "id")),
        "roles": ("roles.yaml", _each(roles, "id")),
        "questions": ("interview.yaml", _each([(("questions",), content.interview.questions)], "id")),
        "phases": ("journey.yaml", _each([(("phases",), phases)], "id")),
        "steps": ("journey.yaml", _each(steps, "id")),
        "items": ("journey.yaml", _each(items, "id")),
        "mails": ("mails.yaml", _each([(("mails",), content.mails.mails)], "id")),
        "terms": ("glossary.yaml", _each([(("terms",), content.glossary.terms)], "id")),
    }


@dataclasses.dataclass(frozen=True)
class Known:
    """The ids the content defines, per kind, for the checkers that follow references."""

    entries: dict[str, tuple[str, list[tuple[Path_, Any]]]]  # per kind: its file, and where each id is defined
    ids: dict[str, set[Any]]
    org_kinds: set[str]
    requests: set[str]  # items that gather roles (``gathers_roles: true``)

    @classmethod
    def of(cls, content: Content) -> Known:
        kind = content.organisation_kind_question
        items = [item for p in content.journey.phases for s in p.steps for item in s.items]
        entries = _entries(content)
        return cls(
            entries=entries,
            ids={name: {value for _path, value in found} for name, (_file, found) in entries.items()},
            org_kinds={o.value for o in kind.options} if kind else set(),
            requests={item.id for item in items if item.gathers_roles},
        )

    def __getitem__(self, name: str) -> set[Any]:
        return self.ids[name]


# --------------------------------------------------------------------------- the checkers


def unique_ids(content: Content, known: Known) -> list[Problem]:
    """Every id is defined once, one namespace per kind (and per question for its options)."""
    groups = [(kind, file, entries) for kind, (file, entries) in known.entries.items()]
    for i, q in enumerate(content.interview.questions):
        groups.append(("options", "interview.yaml", _each([(("questions", i, "options"), q.options)], "value")))
    problems: list[Problem] = []
    for kind, file, entries in groups:
        report = Report(content, file)
        seen: dict[Any, Path_] = {}
        for path, value in entries:
            if value in seen:
                first = locate(content.raw.get(file), seen[value])[0][0]
                report(path, TWICE[kind], value=value, line=first)
            else:
                seen[value] = path
        problems += report.problems
    return problems


def references(content: Content, known: Known) -> list[Problem]:
    """Every reference (section, lot, system, contact, …) names something the content defines."""
    problems: list[Problem] = []
    for file, model in content.file_models().items():
        report = Report(content, file)
        for path, obj in walk(model):
            _sections(report, path, obj, known)
            check = REFERENCES.get(type(obj))
            if check is not None:
                check(report, path, obj, known, content)
        problems += report.problems
    return problems


def _sections(report: Report, path: Path_, obj: Any, known: Known) -> None:
    for name in ("section", "sections"):
        value = getattr(obj, name, None)
        if isinstance(value, str):
            report.ref((*path, name), value, known["sections"], N_("onbekende sectie '{value}'"))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            report.refs((*path, name), value, known["sections"], N_("onbekende sectie '{value}'"))


def _lot(r: Report, path: Path_, obj: m.Lot, known: Known, content: Content) -> None:
    r.refs((*path, "systems"), obj.systems, known["systems"], N_("onbekend systeem '{value}'"))
    r.refs((*path, "documents"), obj.documents, known["documents"], N_("onbekend document '{value}'"))
    for j, t in enumerate(obj.service_types):
        r.ref((*path, "service_types", j, "type"), t.type, known["types"], N_("onbekende soort dienst '{value}'"))


def _system(r: Report, path: Path_, obj: m.System, known: Known, content: Content) -> None:
    r.ref((*path, "lot"), obj.lot, known["lot_numbers"], N_("onbekend perceel '{value}'"))
    r.refs((*path, "phases"), obj.phases, known["phases"], N_("onbekende fase '{value}'"))
    r.refs((*path, "rights"), obj.rights, known["rights"], N_("onbekend recht '{value}'"))
    r.refs((*path, "contacts"), obj.contacts, known["contacts"], N_("onbekend contact '{value}'"))
    r.refs((*path, "documents"), obj.documents, known["documents"], N_("onbekend document '{value}'"))


def _right(r: Report, path: Path_, obj: m.Right, known: Known, content: Content) -> None:
    r.ref((*path, "system"), obj.system, known["systems"], N_("onbekend systeem '{value}'"))
    r.ref((*path, "granted_by"), obj.granted_by, known["contacts"], N_("onbekend contact '{value}'"))


def _phase(r: Report, path: Path_, obj: Phase, known: Known, content: Content) -> None:
    r.refs((*path, "support"), obj.support, known["contacts"], N_("onbekend contact '{value}'"))
    r.refs((*path, "systems"), obj.systems, known["systems"], N_("onbekend systeem '{value}'"))


def _item(r: Report, path: Path_, obj: Item, known: Known, content: Content) -> None:
    r.refs((*path, "contacts"), obj.contacts, known["contacts"], N_("onbekend contact '{value}'"))
    r.refs((*path, "documents"), obj.documents, known["documents"], N_("onbekend document '{value}'"))
    r.refs((*path, "systems"), obj.systems, known["systems"], N_("onbekend systeem '{value}'"))
    r.refs((*path, "waits_for"), obj.waits_for, known["items"], N_("onbekend checklistpunt '{value}'"))
    if obj.id in obj.waits_for:
        r((*path, "waits_for"), N_("een checklistpunt kan niet op zichzelf wachten"))
    notes = {i.id for p in content.journey.phases for s in p.steps for i in s.items if i.kind == "note"}
    for waited in obj.waits_for:
        if waited in notes:
            r((*path, "waits_for"), N_("'{item}' is een opmerking (kind: note): daarop kan niets wachten"), item=waited)
    for j, request in enumerate(obj.roles):
        r.ref((*path, "roles", j, "right"), request.right, known["rights"], N_("onbekend recht '{value}'"))
        r.ref((*path, "roles", j, "role"), request.role, known["roles"], N_("onbekende rol '{value}'"))
    if obj.asked_in is not None and obj.asked_in not in known.requests:
        no_request = N_("'{item}' is geen aanvraag bij de lokale beheerder (een punt met 'gathers_roles: true')")
        r((*path, "asked_in"), no_request, item=obj.asked_in)


def _mail(r: Report, path: Path_, obj: Mail, known: Known, content: Content) -> None:
    r.ref((*path, "item"), obj.item, known["items"], N_("onbekend checklistpunt '{value}'"))
    uses_roles = any("rechten_en_rollen" in placeholders(p.text) for p in obj.paragraphs)
    if uses_roles and obj.item in known["items"] and obj.item not in known.requests:
        request = N_(
            "een mail met {placeholder} hoort bij een aanvraag bij de lokale beheerder"
            " (een punt met 'gathers_roles: true')"
        )
        r((*path, "item"), request, placeholder="{rechten_en_rollen}")
    r.ref((*path, "to"), obj.to, known["contacts"], N_("onbekend contact '{value}'"))
    _placeholders(r, path, obj, PLACEHOLDERS)


def _follow_up(r: Report, path: Path_, obj: FollowUp, known: Known, content: Content) -> None:
    _placeholders(r, path, obj, FOLLOW_UP_PLACEHOLDERS)


def _placeholders(r: Report, path: Path_, obj: Mail | FollowUp, allowed: tuple[str, ...]) -> None:
    """Each ``{name}`` in a mail's subject and paragraphs is one that instapgids fills in."""
    texts = [((*path, "subject"), obj.subject)]
    texts += [((*path, "paragraphs", j, "text"), p.text) for j, p in enumerate(obj.paragraphs)]
    for field_path, text in texts:
        for name in placeholders(text):
            if name not in allowed:
                unknown = N_("onbekende plaatshouder '{{{name}}}'; kies uit: {names}")
                r(field_path, unknown, name=name, names=", ".join(allowed))


def _other_services(r: Report, path: Path_, obj: m.OtherServices, known: Known, content: Content) -> None:
    r.refs((*path, "documents"), obj.documents, known["documents"], N_("onbekend document '{value}'"))


def _option(r: Report, path: Path_, obj: Option, known: Known, content: Content) -> None:
    holdable = known["roles"] | known["rights"] | known["systems"]
    r.refs((*path, "holds"), obj.holds, holdable, N_("onbekende rol of onbekend recht of systeem '{value}'"))
    r.refs((*path, "lots"), obj.lots, known["lot_numbers"], N_("onbekend perceel '{value}'"))
    r.refs((*path, "outcome"), obj.outcome, known["items"], N_("onbekend checklistpunt '{value}'"))


def _condition(r: Report, path: Path_, cond: m.Condition, known: Known, content: Content) -> None:
    """A condition names a known lot, or a known question in the form that its kind allows."""
    if cond.lot is not None:
        r.ref((*path, "lot"), cond.lot, known["lot_numbers"], N_("onbekend perceel '{value}'"))
        return
    if cond.answer is None:
        return
    if cond.answer not in known["questions"]:
        r((*path, "answer"), N_("onbekende vraag '{value}'"), value=cond.answer)
        return
    question = content.question_by_id[cond.answer]
    values = {o.value for o in question.options}
    other, of = N_("onbekende optie van '{question}': '{value}'"), question.id
    if question.kind == "checkbox" and cond.includes is None:
        r(path, N_("vraag '{question}' is een meerkeuzevraag: gebruik 'includes'"), question=of)
    elif question.kind == "checkbox":
        r.ref((*path, "includes"), cond.includes, values, other, question=of)
    elif question.kind == "select" and (cond.includes is not None or isinstance(cond.equals, bool)):
        r(path, N_("vraag '{question}' heeft één antwoord: gebruik 'equals' of 'one_of' met een optie"), question=of)
    elif question.kind == "select":
        r.ref((*path, "equals"), cond.equals, values, other, question=of)
        r.refs((*path, "one_of"), cond.one_of or [], values, other, question=of)
    elif question.kind == "confirm" and not isinstance(cond.equals, bool):
        r(path, N_("vraag '{question}' is een ja/nee-vraag: gebruik 'equals: true' of 'equals: false'"), question=of)
    elif question.kind == "text":
        r(path, N_("vraag '{question}' is een open vraag en kan geen voorwaarde zijn"), question=of)


REFERENCES: dict[type, Callable[[Report, Path_, Any, Known, Content], None]] = {
    m.Lot: _lot,
    m.System: _system,
    m.Right: _right,
    Phase: _phase,
    Item: _item,
    Mail: _mail,
    FollowUp: _follow_up,
    m.OtherServices: _other_services,
    Option: _option,
    m.Condition: _condition,
}


def questions_in_order(content: Content, known: Known) -> list[Problem]:
    """A question's ``when`` looks only at questions asked before it."""
    report = Report(content, "interview.yaml")
    order = {q.id: i for i, q in enumerate(content.interview.questions)}
    for i, q in enumerate(content.interview.questions):
        for path, cond in walk(q.when, ("questions", i, "when")):
            if isinstance(cond, m.Condition) and cond.answer in order and order[cond.answer] >= i:
                later = N_("vraag '{answer}' wordt pas later gesteld dan '{question}'")
                report((*path, "answer"), later, answer=cond.answer, question=q.id)
    return report.problems


def question_roles(content: Content, known: Known) -> list[Problem]:
    """Exactly one question holds the organisation's name (a text) and one its kind (a choice)."""
    report = Report(content, "interview.yaml")
    questions = content.interview.questions
    for role, (kind, what) in ROLES.items():
        having = [i for i, q in enumerate(questions) if q.role == role]
        if not having:
            report(("questions",), N_("geen enkele vraag heeft 'role: {role}' ({what})"), role=role, what=_(what))
        for i in having[1:]:
            report(("questions", i, "role"), N_("meer dan één vraag heeft 'role: {role}'"), role=role)
        for i in having[:1]:
            if questions[i].kind != kind:
                report(
                    ("questions", i, "role"),
                    N_("een vraag met 'role: {role}' is van soort '{kind}'"),
                    role=role,
                    kind=kind,
                )
    return report.problems


A_NOTE = N_("'{item}' is een opmerking (kind: note): ze start niet, dus ze hoort in geen volgorde; haal ze hier weg")
NOT_FIRST = N_("'{item}' wacht niet op {first}, maar de gids (§{section}) zet dat eerst: voeg het toe aan 'waits_for'")


def waits_for_in_order(content: Content, known: Known) -> list[Problem]:
    """No items wait for each other in a circle, and what the guide puts first is waited for."""
    report = Report(content, "journey.yaml")
    phases = content.journey.phases
    paths = {
        item.id: ("phases", i, "steps", j, "items", k)
        for i, p in enumerate(phases)
        for j, s in enumerate(p.steps)
        for k, item in enumerate(s.items)
    }
    items = {item.id: item for p in phases for s in p.steps for item in s.items}
    graph = {i: [w for w in item.waits_for if w in items] for i, item in items.items()}
    for cycle in waits_for_cycles(graph):
        circle = N_("punten wachten in een kring op elkaar: {items}")
        report((*paths[cycle[0]], "waits_for"), circle, items=" → ".join(cycle))
    for i, rule in enumerate(content.journey.guide_order):
        report.refs(("guide_order", i, "first"), rule.first, known["items"], N_("onbekend checklistpunt '{value}'"))
        report.refs(("guide_order", i, "then"), rule.then, known["items"], N_("onbekend checklistpunt '{value}'"))
        for j, later in enumerate(rule.then):
            if later in items and items[later].kind == "note":
                report(("guide_order", i, "then", j), A_NOTE, item=later)
                continue
            missing = [f for f in rule.first if f in known["items"] and f not in waits_on(graph, later)]
            if later in known["items"] and missing:
                first = ", ".join(repr(f) for f in missing)
                report(("guide_order", i, "then", j), NOT_FIRST, item=later, first=first, section=rule.section)
    return report.problems


def glossary_terms(content: Content, known: Known) -> list[Problem]:
    """Each `see` names another term, and no name (term or alias; accents and case do not count) is used twice."""
    from instapgids.content.glossary import fold

    report = Report(content, "glossary.yaml")
    owner: dict[str, str] = {}
    for i, term in enumerate(content.glossary.terms):
        report.refs(("terms", i, "see"), term.see, known["terms"], N_("onbekende term '{value}'"))
        if term.id in term.see:
            report(("terms", i, "see"), N_("verwijst naar de term zelf"))
        for j, name in enumerate(term.names):
            path = ("terms", i, "term") if j == 0 else ("terms", i, "aliases", j - 1)
            key = fold(name)
            if key in owner:
                report(path, N_("'{name}' is al de naam van term '{term}'"), name=name, term=owner[key])
            owner.setdefault(key, term.id)
    return report.problems


CHECKS: tuple[Callable[[Content, Known], list[Problem]], ...] = (
    unique_ids,
    references,
    questions_in_order,
    question_roles,
    waits_for_in_order,
    glossary_terms,
)


def crosscheck(content: Content) -> list[Problem]:
    """Every cross-file problem of the content, checker by checker."""
    known = Known.of(content)
    return [problem for check in CHECKS for problem in check(content, known)]
