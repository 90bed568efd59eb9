"""Checks that span the content files: unique ids, references, cited sections, conditions.

Each problem is placed at the file, line and field it concerns, by following
the model's path back into the loaded YAML.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from instapgids.content import models as m
from instapgids.content.bundle import FILES, Content
from instapgids.content.journey import PLACEHOLDERS, GuideOrder, Item, Mail, Phase, placeholders
from instapgids.content.questions import Option
from instapgids.content.yamlsource import format_path, locate
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


class _Checker:
    def __init__(self, content: Content) -> None:
        self.content = content
        self.problems: list[Problem] = []
        self.file = ""

    def report(self, path: Path_, message: str, key: bool = False) -> None:
        position, resolved = locate(self.content.raw.get(self.file), path, key=key)
        self.problems.append(Problem(self.content.directory / self.file, *position, format_path(resolved), message))

    def refs(self, path: Path_, values: list[str], known: set[str] | dict[str, Any], what: str) -> None:
        for index, value in enumerate(values):
            if value not in known:
                self.report((*path, index), f"{what} '{value}'")

    def ref(self, path: Path_, value: str | None, known: set[str] | dict[str, Any], what: str) -> None:
        if value is not None and value not in known:
            self.report(path, f"{what} '{value}'")


def _unique(checker: _Checker, file: str, entries: list[tuple[Path_, Any]], what: str) -> set[Any]:
    checker.file = file
    seen: dict[Any, Path_] = {}
    for path, value in entries:
        if value in seen:
            first = locate(checker.content.raw.get(file), seen[value])[0][0]
            checker.report(path, f"{what} '{value}' komt twee keer voor (eerst op regel {first})")
        else:
            seen[value] = path
    return set(seen)


def crosscheck(content: Content) -> list[Problem]:
    c = _Checker(content)
    attrs = {
        "guide.yaml": content.guide,
        "lots.yaml": content.lots_file,
        "journey.yaml": content.journey,
        "systems.yaml": content.systems_file,
        "roles.yaml": content.roles_file,
        "contacts.yaml": content.contacts_file,
        "documents.yaml": content.documents_file,
        "interview.yaml": content.interview,
        "mails.yaml": content.mails,
        "glossary.yaml": content.glossary,
    }
    assert set(attrs) == set(FILES)

    # ---- unique ids, one namespace per kind
    sections = _unique(
        c,
        "guide.yaml",
        [(("sections", i, "number"), s.number) for i, s in enumerate(content.guide.sections)],
        "sectie",
    )
    lots = content.lots_file.lots
    _unique(c, "lots.yaml", [(("lots", i, "number"), lot.number) for i, lot in enumerate(lots)], "perceelnummer")
    _unique(c, "lots.yaml", [(("lots", i, "id"), lot.id) for i, lot in enumerate(lots)], "perceel-id")
    types = _unique(
        c,
        "lots.yaml",
        [(("service_types", i, "id"), t.id) for i, t in enumerate(content.lots_file.service_types)],
        "soort dienst",
    )
    systems = _unique(
        c,
        "systems.yaml",
        [(("systems", i, "id"), s.id) for i, s in enumerate(content.systems_file.systems)],
        "systeem-id",
    )
    contacts = _unique(
        c,
        "contacts.yaml",
        [(("contacts", i, "id"), x.id) for i, x in enumerate(content.contacts_file.contacts)],
        "contact-id",
    )
    documents = _unique(
        c,
        "documents.yaml",
        [(("documents", i, "id"), d.id) for i, d in enumerate(content.documents_file.documents)],
        "document-id",
    )
    rights_list = content.roles_file.rights
    rights = _unique(c, "roles.yaml", [(("rights", i, "id"), r.id) for i, r in enumerate(rights_list)], "recht-id")
    roles = _unique(
        c,
        "roles.yaml",
        [
            (("rights", i, "roles", j, "id"), role.id)
            for i, r in enumerate(rights_list)
            for j, role in enumerate(r.roles)
        ],
        "rol-id",
    )
    questions = content.interview.questions
    question_ids = _unique(
        c, "interview.yaml", [(("questions", i, "id"), q.id) for i, q in enumerate(questions)], "vraag-id"
    )
    for i, q in enumerate(questions):
        _unique(
            c,
            "interview.yaml",
            [(("questions", i, "options", j, "value"), o.value) for j, o in enumerate(q.options)],
            "optie",
        )
    phases = content.journey.phases
    phase_ids = _unique(c, "journey.yaml", [(("phases", i, "id"), p.id) for i, p in enumerate(phases)], "fase-id")
    _unique(
        c,
        "journey.yaml",
        [(("phases", i, "steps", j, "id"), s.id) for i, p in enumerate(phases) for j, s in enumerate(p.steps)],
        "stap-id",
    )
    item_ids = _unique(
        c,
        "journey.yaml",
        [
            (("phases", i, "steps", j, "items", k, "id"), item.id)
            for i, p in enumerate(phases)
            for j, s in enumerate(p.steps)
            for k, item in enumerate(s.items)
        ],
        "checklistpunt-id",
    )

    org_question = content.question_by_id.get("org_kind")
    org_kinds = {o.value for o in org_question.options} if org_question else set()
    order = {q.id: i for i, q in enumerate(questions)}
    holdable = roles | rights | systems
    lot_numbers = {lot.number for lot in lots}
    items_by_id = {item.id: item for p in phases for s in p.steps for item in s.items}
    requests = {i for i, item in items_by_id.items() if item.gathers_roles}

    for file, model in attrs.items():
        c.file = file
        for path, obj in walk(model):
            # every cited section exists in the guide
            for name in ("section", "sections"):
                value = getattr(obj, name, None)
                if isinstance(value, str):
                    c.ref((*path, name), value, sections, "onbekende sectie")
                elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                    c.refs((*path, name), value, sections, "onbekende sectie")
            if isinstance(obj, m.Lot):
                c.refs((*path, "systems"), obj.systems, systems, "onbekend systeem")
                c.refs((*path, "documents"), obj.documents, documents, "onbekend document")
                for j, t in enumerate(obj.service_types):
                    c.ref((*path, "service_types", j, "type"), t.type, types, "onbekende soort dienst")
            elif isinstance(obj, m.System):
                c.ref((*path, "lot"), obj.lot, lot_numbers, "onbekend perceel")  # type: ignore[arg-type]
                c.refs((*path, "phases"), obj.phases, phase_ids, "onbekende fase")
                c.refs((*path, "rights"), obj.rights, rights, "onbekend recht")
                c.refs((*path, "contacts"), obj.contacts, contacts, "onbekend contact")
                c.refs((*path, "documents"), obj.documents, documents, "onbekend document")
                for j, proc in enumerate(obj.access):
                    c.refs(
                        (*path, "access", j, "applies_to"),
                        proc.applies_to,
                        org_kinds,
                        "onbekende soort organisatie",
                    )
            elif isinstance(obj, m.Right):
                c.ref((*path, "system"), obj.system, systems, "onbekend systeem")
                c.ref((*path, "granted_by"), obj.granted_by, contacts, "onbekend contact")
            elif isinstance(obj, Phase):
                c.refs((*path, "support"), obj.support, contacts, "onbekend contact")
                c.refs((*path, "systems"), obj.systems, systems, "onbekend systeem")
            elif isinstance(obj, Item):
                c.refs((*path, "contacts"), obj.contacts, contacts, "onbekend contact")
                c.refs((*path, "documents"), obj.documents, documents, "onbekend document")
                c.refs((*path, "systems"), obj.systems, systems, "onbekend systeem")
                c.refs((*path, "waits_for"), obj.waits_for, item_ids, "onbekend checklistpunt")
                if obj.id in obj.waits_for:
                    c.report((*path, "waits_for"), "een checklistpunt kan niet op zichzelf wachten")
                for j, request in enumerate(obj.roles):
                    c.ref((*path, "roles", j, "right"), request.right, rights, "onbekend recht")
                    c.ref((*path, "roles", j, "role"), request.role, roles, "onbekende rol")
                if obj.asked_in is not None and obj.asked_in not in requests:
                    c.report(
                        (*path, "asked_in"),
                        f"'{obj.asked_in}' is geen aanvraag bij de lokale beheerder"
                        " (een punt met 'gathers_roles: true')",
                    )
            elif isinstance(obj, Mail):
                c.ref((*path, "item"), obj.item, item_ids, "onbekend checklistpunt")
                uses_roles = any("rechten_en_rollen" in placeholders(p.text) for p in obj.paragraphs)
                if uses_roles and obj.item in item_ids and obj.item not in requests:
                    c.report(
                        (*path, "item"),
                        "een mail met {rechten_en_rollen} hoort bij een aanvraag bij de lokale beheerder"
                        " (een punt met 'gathers_roles: true')",
                    )
                c.ref((*path, "to"), obj.to, contacts, "onbekend contact")
                for field_path, text in [((*path, "subject"), obj.subject)] + [
                    ((*path, "paragraphs", j, "text"), p.text) for j, p in enumerate(obj.paragraphs)
                ]:
                    for name in placeholders(text):
                        if name not in PLACEHOLDERS:
                            c.report(
                                field_path, f"onbekende plaatshouder '{{{name}}}'; kies uit: {', '.join(PLACEHOLDERS)}"
                            )
            elif isinstance(obj, m.OtherServices):
                c.refs((*path, "documents"), obj.documents, documents, "onbekend document")
            elif isinstance(obj, Option):
                c.refs((*path, "holds"), obj.holds, holdable, "onbekende rol of onbekend recht of systeem")
                c.refs((*path, "lots"), obj.lots, lot_numbers, "onbekend perceel")  # type: ignore[arg-type]
                c.refs((*path, "outcome"), obj.outcome, item_ids, "onbekend checklistpunt")
            elif isinstance(obj, m.Condition) and obj.lot is not None:
                c.ref((*path, "lot"), obj.lot, lot_numbers, "onbekend perceel")  # type: ignore[arg-type]
            elif isinstance(obj, m.Condition) and obj.answer is not None:
                _check_condition(c, path, obj, content, question_ids)

    # a question's `when` may only look at questions asked before it
    c.file = "interview.yaml"
    for i, q in enumerate(questions):
        if q.when is None:
            continue
        for path, cond in walk(q.when, ("questions", i, "when")):
            if isinstance(cond, m.Condition) and cond.answer in order and order[cond.answer] >= i:
                c.report((*path, "answer"), f"vraag '{cond.answer}' wordt pas later gesteld dan '{q.id}'")
    if "org_kind" not in question_ids:
        c.report(("questions",), "de vraag 'org_kind' (soort organisatie) ontbreekt")

    _unique(c, "mails.yaml", [(("mails", i, "id"), x.id) for i, x in enumerate(content.mails.mails)], "mail-id")
    c.file = "journey.yaml"
    paths = {
        item.id: ("phases", i, "steps", j, "items", k)
        for i, p in enumerate(phases)
        for j, s in enumerate(p.steps)
        for k, item in enumerate(s.items)
    }
    graph = {i: [w for w in item.waits_for if w in items_by_id] for i, item in items_by_id.items()}
    for cycle in waits_for_cycles(graph):
        c.report((*paths[cycle[0]], "waits_for"), "punten wachten in een kring op elkaar: " + " → ".join(cycle))
    _check_guide_order(c, content.journey.guide_order, graph, item_ids)
    _check_glossary(c, content)
    return c.problems


def _check_glossary(c: _Checker, content: Content) -> None:
    """Unique ids and names (term or alias, accents and case do not count), `see` refs (sections: above)."""
    from instapgids.content.glossary import fold

    terms = content.glossary.terms
    ids = _unique(c, "glossary.yaml", [(("terms", i, "id"), t.id) for i, t in enumerate(terms)], "term-id")
    owner: dict[str, str] = {}
    for i, term in enumerate(terms):
        c.refs(("terms", i, "see"), term.see, ids, "onbekende term")
        if term.id in term.see:
            c.report(("terms", i, "see"), "verwijst naar de term zelf")
        for j, name in enumerate(term.names):
            path = ("terms", i, "term") if j == 0 else ("terms", i, "aliases", j - 1)
            key = fold(name)
            if key in owner:
                c.report(path, f"'{name}' is al de naam van term '{owner[key]}'")
            owner.setdefault(key, term.id)


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


def _check_guide_order(c: _Checker, order: list[GuideOrder], graph: dict[str, list[str]], known: set[str]) -> None:
    """What the guide puts first is also what the items wait for, so no item can start too early."""
    for i, rule in enumerate(order):
        c.refs(("guide_order", i, "first"), rule.first, known, "onbekend checklistpunt")
        c.refs(("guide_order", i, "then"), rule.then, known, "onbekend checklistpunt")
        for j, later in enumerate(rule.then):
            if later not in known:
                continue
            missing = [f for f in rule.first if f in known and f not in waits_on(graph, later)]
            if missing:
                c.report(
                    ("guide_order", i, "then", j),
                    f"'{later}' wacht niet op {', '.join(repr(f) for f in missing)}, maar de gids"
                    f" (§{rule.section}) zet dat eerst: voeg het toe aan 'waits_for'",
                )


def _check_condition(c: _Checker, path: Path_, cond: m.Condition, content: Content, known: set[str]) -> None:
    assert cond.answer is not None
    if cond.answer not in known:
        c.report((*path, "answer"), f"onbekende vraag '{cond.answer}'")
        return
    question = content.question_by_id[cond.answer]
    values = {o.value for o in question.options}
    if question.kind == "checkbox":
        if cond.includes is None:
            c.report(path, f"vraag '{question.id}' is een meerkeuzevraag: gebruik 'includes'")
        else:
            c.ref((*path, "includes"), cond.includes, values, f"onbekende optie van '{question.id}':")
    elif question.kind == "select":
        if cond.includes is not None or isinstance(cond.equals, bool):
            c.report(path, f"vraag '{question.id}' heeft één antwoord: gebruik 'equals' of 'one_of' met een optie")
        else:
            c.ref((*path, "equals"), cond.equals, values, f"onbekende optie van '{question.id}':")
            c.refs((*path, "one_of"), cond.one_of or [], values, f"onbekende optie van '{question.id}':")
    elif question.kind == "confirm":
        if not isinstance(cond.equals, bool):
            c.report(path, f"vraag '{question.id}' is een ja/nee-vraag: gebruik 'equals: true' of 'equals: false'")
    else:
        c.report(path, f"vraag '{question.id}' is een open vraag en kan geen voorwaarde zijn")
