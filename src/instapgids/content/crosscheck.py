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
from instapgids.content.journey import PLACEHOLDERS, Item, Mail, Phase, placeholders
from instapgids.content.located import format_path, locate
from instapgids.content.questions import Option
from instapgids.errors import Problem

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

    def __call__(self, path: Path_, message: str, key: bool = False) -> None:
        position, resolved = locate(self.content.raw.get(self.file), path, key=key)
        self.problems.append(Problem(self.content.directory / self.file, *position, format_path(resolved), message))

    def refs(self, path: Path_, values: list[Any], known: set[Any], what: str) -> None:
        for index, value in enumerate(values):
            if value not in known:
                self((*path, index), f"{what} '{value}'")

    def ref(self, path: Path_, value: Any, known: set[Any], what: str) -> None:
        if value is not None and value not in known:
            self(path, f"{what} '{value}'")


# --------------------------------------------------------------------------- what the content defines


def _each(groups: list[tuple[Path_, list[Any]]], name: str) -> list[tuple[Path_, Any]]:
    """(path, value) of field ``name`` of every object in these lists, each list at its own path."""
    return [((*at, i, name), getattr(obj, name)) for at, objs in groups for i, obj in enumerate(objs)]


def _entries(content: Content) -> dict[str, tuple[str, str, list[tuple[Path_, Any]]]]:
    """Per kind of id: its file, its Dutch name, and every (path, value) that defines one."""
    lots, rights, phases = content.lots_file.lots, content.roles_file.rights, content.journey.phases
    documents = content.documents_file.documents
    roles: list[tuple[Path_, list[Any]]] = [(("rights", i, "roles"), r.roles) for i, r in enumerate(rights)]
    steps: list[tuple[Path_, list[Any]]] = [(("phases", i, "steps"), p.steps) for i, p in enumerate(phases)]
    items: list[tuple[Path_, list[Any]]] = [
        (("phases", i, "steps", j, "items"), s.items) for i, p in enumerate(phases) for j, s in enumerate(p.steps)
    ]
    return {
        "sections": ("guide.yaml", "sectie", _each([(("sections",), content.guide.sections)], "number")),
        "lot_numbers": ("lots.yaml", "perceelnummer", _each([(("lots",), lots)], "number")),
        "lot_ids": ("lots.yaml", "perceel-id", _each([(("lots",), lots)], "id")),
        "types": ("lots.yaml", "soort dienst", _each([(("service_types",), content.lots_file.service_types)], "id")),
        "systems": ("systems.yaml", "systeem-id", _each([(("systems",), content.systems_file.systems)], "id")),
        "contacts": ("contacts.yaml", "contact-id", _each([(("contacts",), content.contacts_file.contacts)], "id")),
        "documents": ("documents.yaml", "document-id", _each([(("documents",), documents)], "id")),
        "rights": ("roles.yaml", "recht-id", _each([(("rights",), rights)], "id")),
        "roles": ("roles.yaml", "rol-id", _each(roles, "id")),
        "questions": ("interview.yaml", "vraag-id", _each([(("questions",), content.interview.questions)], "id")),
        "phases": ("journey.yaml", "fase-id", _each([(("phases",), phases)], "id")),
        "steps": ("journey.yaml", "stap-id", _each(steps, "id")),
        "items": ("journey.yaml", "checklistpunt-id", _each(items, "id")),
        "mails": ("mails.yaml", "mail-id", _each([(("mails",), content.mails.mails)], "id")),
        "terms": ("glossary.yaml", "term-id", _each([(("terms",), content.glossary.terms)], "id")),
    }


@dataclasses.dataclass(frozen=True)
class Known:
    """The ids the content defines, per kind, for the checkers that follow references."""

    ids: dict[str, set[Any]]
    org_kinds: set[str]
    requests: set[str]  # items that gather roles (``gathers_roles: true``)

    @classmethod
    def of(cls, content: Content) -> Known:
        kind = content.organisation_kind_question
        items = [item for p in content.journey.phases for s in p.steps for item in s.items]
        return cls(
            ids={name: {value for _, value in entries} for name, (_, _, entries) in _entries(content).items()},
            org_kinds={o.value for o in kind.options} if kind else set(),
            requests={item.id for item in items if item.gathers_roles},
        )

    def __getitem__(self, name: str) -> set[Any]:
        return self.ids[name]


# --------------------------------------------------------------------------- the checkers


def unique_ids(content: Content, known: Known) -> list[Problem]:
    """Every id is defined once, one namespace per kind (and per question for its options)."""
    groups = list(_entries(content).values())
    for i, q in enumerate(content.interview.questions):
        groups.append(("interview.yaml", "optie", _each([(("questions", i, "options"), q.options)], "value")))
    problems: list[Problem] = []
    for file, what, entries in groups:
        report = Report(content, file)
        seen: dict[Any, Path_] = {}
        for path, value in entries:
            if value in seen:
                first = locate(content.raw.get(file), seen[value])[0][0]
                report(path, f"{what} '{value}' komt twee keer voor (eerst op regel {first})")
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
            report.ref((*path, name), value, known["sections"], "onbekende sectie")
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            report.refs((*path, name), value, known["sections"], "onbekende sectie")


def _lot(r: Report, path: Path_, obj: m.Lot, known: Known, content: Content) -> None:
    r.refs((*path, "systems"), obj.systems, known["systems"], "onbekend systeem")
    r.refs((*path, "documents"), obj.documents, known["documents"], "onbekend document")
    for j, t in enumerate(obj.service_types):
        r.ref((*path, "service_types", j, "type"), t.type, known["types"], "onbekende soort dienst")


def _system(r: Report, path: Path_, obj: m.System, known: Known, content: Content) -> None:
    r.ref((*path, "lot"), obj.lot, known["lot_numbers"], "onbekend perceel")
    r.refs((*path, "phases"), obj.phases, known["phases"], "onbekende fase")
    r.refs((*path, "rights"), obj.rights, known["rights"], "onbekend recht")
    r.refs((*path, "contacts"), obj.contacts, known["contacts"], "onbekend contact")
    r.refs((*path, "documents"), obj.documents, known["documents"], "onbekend document")
    for j, proc in enumerate(obj.access):
        r.refs((*path, "access", j, "applies_to"), proc.applies_to, known.org_kinds, "onbekende soort organisatie")


def _right(r: Report, path: Path_, obj: m.Right, known: Known, content: Content) -> None:
    r.ref((*path, "system"), obj.system, known["systems"], "onbekend systeem")
    r.ref((*path, "granted_by"), obj.granted_by, known["contacts"], "onbekend contact")


def _phase(r: Report, path: Path_, obj: Phase, known: Known, content: Content) -> None:
    r.refs((*path, "support"), obj.support, known["contacts"], "onbekend contact")
    r.refs((*path, "systems"), obj.systems, known["systems"], "onbekend systeem")


def _item(r: Report, path: Path_, obj: Item, known: Known, content: Content) -> None:
    r.refs((*path, "contacts"), obj.contacts, known["contacts"], "onbekend contact")
    r.refs((*path, "documents"), obj.documents, known["documents"], "onbekend document")
    r.refs((*path, "systems"), obj.systems, known["systems"], "onbekend systeem")
    r.refs((*path, "waits_for"), obj.waits_for, known["items"], "onbekend checklistpunt")
    if obj.id in obj.waits_for:
        r((*path, "waits_for"), "een checklistpunt kan niet op zichzelf wachten")
    for j, request in enumerate(obj.roles):
        r.ref((*path, "roles", j, "right"), request.right, known["rights"], "onbekend recht")
        r.ref((*path, "roles", j, "role"), request.role, known["roles"], "onbekende rol")
    if obj.asked_in is not None and obj.asked_in not in known.requests:
        r(
            (*path, "asked_in"),
            f"'{obj.asked_in}' is geen aanvraag bij de lokale beheerder (een punt met 'gathers_roles: true')",
        )


def _mail(r: Report, path: Path_, obj: Mail, known: Known, content: Content) -> None:
    r.ref((*path, "item"), obj.item, known["items"], "onbekend checklistpunt")
    uses_roles = any("rechten_en_rollen" in placeholders(p.text) for p in obj.paragraphs)
    if uses_roles and obj.item in known["items"] and obj.item not in known.requests:
        r(
            (*path, "item"),
            "een mail met {rechten_en_rollen} hoort bij een aanvraag bij de lokale beheerder"
            " (een punt met 'gathers_roles: true')",
        )
    r.ref((*path, "to"), obj.to, known["contacts"], "onbekend contact")
    texts = [((*path, "subject"), obj.subject)]
    texts += [((*path, "paragraphs", j, "text"), p.text) for j, p in enumerate(obj.paragraphs)]
    for field_path, text in texts:
        for name in placeholders(text):
            if name not in PLACEHOLDERS:
                r(field_path, f"onbekende plaatshouder '{{{name}}}'; kies uit: {', '.join(PLACEHOLDERS)}")


def _other_services(r: Report, path: Path_, obj: m.OtherServices, known: Known, content: Content) -> None:
    r.refs((*path, "documents"), obj.documents, known["documents"], "onbekend document")


def _option(r: Report, path: Path_, obj: Option, known: Known, content: Content) -> None:
    holdable = known["roles"] | known["rights"] | known["systems"]
    r.refs((*path, "holds"), obj.holds, holdable, "onbekende rol of onbekend recht of systeem")
    r.refs((*path, "lots"), obj.lots, known["lot_numbers"], "onbekend perceel")
    r.refs((*path, "outcome"), obj.outcome, known["items"], "onbekend checklistpunt")


def _condition(r: Report, path: Path_, cond: m.Condition, known: Known, content: Content) -> None:
    """A condition names a known lot, or a known question in the form that its kind allows."""
    if cond.lot is not None:
        r.ref((*path, "lot"), cond.lot, known["lot_numbers"], "onbekend perceel")
        return
    if cond.answer is None:
        return
    if cond.answer not in known["questions"]:
        r((*path, "answer"), f"onbekende vraag '{cond.answer}'")
        return
    question = content.question_by_id[cond.answer]
    values = {o.value for o in question.options}
    other = f"onbekende optie van '{question.id}':"
    if question.kind == "checkbox" and cond.includes is None:
        r(path, f"vraag '{question.id}' is een meerkeuzevraag: gebruik 'includes'")
    elif question.kind == "checkbox":
        r.ref((*path, "includes"), cond.includes, values, other)
    elif question.kind == "select" and (cond.includes is not None or isinstance(cond.equals, bool)):
        r(path, f"vraag '{question.id}' heeft één antwoord: gebruik 'equals' of 'one_of' met een optie")
    elif question.kind == "select":
        r.ref((*path, "equals"), cond.equals, values, other)
        r.refs((*path, "one_of"), cond.one_of or [], values, other)
    elif question.kind == "confirm" and not isinstance(cond.equals, bool):
        r(path, f"vraag '{question.id}' is een ja/nee-vraag: gebruik 'equals: true' of 'equals: false'")
    elif question.kind == "text":
        r(path, f"vraag '{question.id}' is een open vraag en kan geen voorwaarde zijn")


REFERENCES: dict[type, Callable[[Report, Path_, Any, Known, Content], None]] = {
    m.Lot: _lot,
    m.System: _system,
    m.Right: _right,
    Phase: _phase,
    Item: _item,
    Mail: _mail,
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
                report((*path, "answer"), f"vraag '{cond.answer}' wordt pas later gesteld dan '{q.id}'")
    return report.problems


def question_roles(content: Content, known: Known) -> list[Problem]:
    """Exactly one question holds the organisation's name (a text) and one its kind (a choice)."""
    report = Report(content, "interview.yaml")
    questions = content.interview.questions
    for role, (kind, what) in ROLES.items():
        having = [i for i, q in enumerate(questions) if q.role == role]
        if not having:
            report(("questions",), f"geen enkele vraag heeft 'role: {role}' ({what})")
        for i in having[1:]:
            report(("questions", i, "role"), f"meer dan één vraag heeft 'role: {role}'")
        for i in having[:1]:
            if questions[i].kind != kind:
                report(("questions", i, "role"), f"een vraag met 'role: {role}' is van soort '{kind}'")
    return report.problems


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
        report((*paths[cycle[0]], "waits_for"), "punten wachten in een kring op elkaar: " + " → ".join(cycle))
    for i, rule in enumerate(content.journey.guide_order):
        report.refs(("guide_order", i, "first"), rule.first, known["items"], "onbekend checklistpunt")
        report.refs(("guide_order", i, "then"), rule.then, known["items"], "onbekend checklistpunt")
        for j, later in enumerate(rule.then):
            missing = [f for f in rule.first if f in known["items"] and f not in waits_on(graph, later)]
            if later in known["items"] and missing:
                report(
                    ("guide_order", i, "then", j),
                    f"'{later}' wacht niet op {', '.join(repr(f) for f in missing)}, maar de gids"
                    f" (§{rule.section}) zet dat eerst: voeg het toe aan 'waits_for'",
                )
    return report.problems


def glossary_terms(content: Content, known: Known) -> list[Problem]:
    """Each `see` names another term, and no name (term or alias; accents and case do not count) is used twice."""
    from instapgids.content.glossary import fold

    report = Report(content, "glossary.yaml")
    owner: dict[str, str] = {}
    for i, term in enumerate(content.glossary.terms):
        report.refs(("terms", i, "see"), term.see, known["terms"], "onbekende term")
        if term.id in term.see:
            report(("terms", i, "see"), "verwijst naar de term zelf")
        for j, name in enumerate(term.names):
            path = ("terms", i, "term") if j == 0 else ("terms", i, "aliases", j - 1)
            key = fold(name)
            if key in owner:
                report(path, f"'{name}' is al de naam van term '{owner[key]}'")
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


def waits_for_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Every cycle in the waits_for graph once, as a path that starts and ends with the same item."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                found.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node)
    return found


def waits_on(graph: dict[str, list[str]], item: str) -> set[str]:
    """Everything ``item`` waits for, directly or through what it waits for."""
    seen: set[str] = set()
    todo = list(graph.get(item, []))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, []))
    return seen
